// A job's stdout and stderr, read from pipes the app makes itself (not
// QProcess's): the bytes go from the kernel straight into the bounded
// tails, with no QProcess buffer in between. A light writer's pipe is
// watched by the thread's OutputPoller; past HeavyWriterBytes a pipe is
// widened and read by an OutputReader thread of its own, whose tail is
// copied in every ReaderTakeMs.
//
// After the child's exit, takeFinal() reads what is left, and the pipes
// stay watched while a descendant still holds them: drained() says when
// the last writer closed them (the job decides how long it waits).
#pragma once

#include "outputtail.h"

#include <QObject>
#include <QPointer>
#include <QSet>

class OutputPoller;
class OutputReader;
class QElapsedTimer;
class QSocketNotifier;
class QTimer;

class OutputCapture : public QObject
{
    Q_OBJECT
public:
    // Past this much output a stream's pipe is widened to WidePipeBytes and
    // read by a thread of its own (OutputReader).
    static constexpr qint64 HeavyWriterBytes = 1024 * 1024;
    static constexpr qint64 WidePipeBytes = 1024 * 1024;
    // At most this much is read at the child's exit before finished()
    // (a grandchild flooding the inherited pipe must not hold the app).
    static constexpr qint64 FinalDrainBytes = 4 * WidePipeBytes;
    // How often a reader thread's count and tail are copied into the job's:
    // as often as the table model shows a change.
    static constexpr int ReaderTakeMs = 50;

    // clock: the run's clock, for firstStdoutMs().
    OutputCapture(qsizetype tailCapacity, const QElapsedTimer *clock, QObject *parent = nullptr);
    ~OutputCapture() override;

    OutputTail &stdoutTail() { return m_stdout; }
    OutputTail &stderrTail() { return m_stderr; }
    const OutputTail &stdoutTail() const { return m_stdout; }
    const OutputTail &stderrTail() const { return m_stderr; }
    // When the first stdout byte arrived, on the run's clock; -1 until then.
    double firstStdoutMs() const { return m_firstStdoutMs; }
    void setFirstStdoutMs(double ms) { m_firstStdoutMs = ms; }

    // Makes the pipes, close-on-exec, read ends non-blocking: stderr's, and
    // stdout's unless ownStdout is false (a chain's stdout goes to the next
    // stage). The write ends are for the child. False, errno set and
    // nothing left open, if the kernel refused.
    bool openPipes(bool ownStdout, int *stdoutWrite, int *stderrWrite);
    // A terminal's master (non-blocking), read as stdout; this takes it over.
    void readTerminal(int masterFd);
    // Starts reading what opened.
    void watch();
    // At the child's exit: reads what the pipes hold (at most
    // FinalDrainBytes each); from then on drained() follows once every
    // writer has closed them.
    void takeFinal();
    bool isOpen() const { return m_stdoutPipe.fd >= 0 || m_stderrPipe.fd >= 0; }
    // The inodes of the open pipes (what the family's members see as their
    // stdout and stderr, and what leftovers are asked by).
    QSet<quint64> pipeInodes() const;
    void close();

signals:
    // Output arrived.
    void changed();
    // After takeFinal(): the last writer closed the pipes.
    void drained();

private:
    struct Pipe
    {
        int fd = -1; // read end, non-blocking
        quint64 token = 0; // its OutputPoller registration
        QSocketNotifier *notifier = nullptr; // only if the poller could not take it
        bool widened = false; // the pipe's buffer was enlarged for a heavy writer
        OutputReader *reader = nullptr; // a heavy writer's pipe is read by a thread of its own
    };
    void watchPipe(Pipe &pipe);
    // Reads what the pipe holds (up to budget bytes) into its tail; closes it at EOF.
    void drainPipe(Pipe &pipe, qint64 budget);
    void closePipe(Pipe &pipe);
    // Hands a heavy writer's pipe to an OutputReader thread; the tail then
    // follows it through takeFromReaders() every ReaderTakeMs.
    void startReader(Pipe &pipe);
    void takeFromReaders();
    OutputTail &tailOf(const Pipe &pipe) { return &pipe == &m_stdoutPipe ? m_stdout : m_stderr; }

    const QElapsedTimer *m_clock;
    OutputTail m_stdout;
    OutputTail m_stderr;
    Pipe m_stdoutPipe;
    Pipe m_stderrPipe;
    QPointer<OutputPoller> m_poller;
    QTimer *m_readerTimer = nullptr;
    double m_firstStdoutMs = -1;
    bool m_final = false;
};
