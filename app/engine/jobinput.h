// What a job's child reads on stdin: the preset's data, fed once and then
// ended (EOF), or what the user sends while it runs. It goes through the
// stdin pipe (QProcess buffers what the pipe cannot take yet) or, in
// terminal mode, is typed into the terminal, which echoes it and acts on
// ^C, ^D... What was sent is kept, for the output view and reports.
#pragma once

#include <QByteArray>
#include <QList>

class QProcess;
class TerminalInput;

struct InputRecord
{
    double atMs = 0; // on the run's clock
    qint64 stdoutOffset = 0; // the stdout count when it was sent
    QByteArray bytes;
};

class JobInput
{
public:
    static constexpr qsizetype MaxRecords = 1000;

    explicit JobInput(QProcess *process);
    // Terminal mode: input is typed into terminal instead.
    void setTerminal(TerminalInput *terminal) { m_terminal = terminal; }
    bool isClosed() const;

    // The preset's data, then end of input.
    void feed(const QByteArray &data);
    // Sends bytes and records them (at most MaxRecords kept, oldest dropped).
    void send(const QByteArray &bytes, double atMs, qint64 stdoutOffset);
    // End of input, as Ctrl+D: a pipe is closed; a terminal gets its EOF
    // character, which ends input only at the start of a line, as when
    // typed. Nothing more is taken afterwards either way.
    void close();

    qint64 fedBytes() const { return m_fedBytes; }
    qint64 sentBytes() const { return m_sentBytes; }
    const QList<InputRecord> &records() const { return m_records; }
    // A recorded job's input, closed.
    void restore(qint64 fedBytes, qint64 sentBytes, const QList<InputRecord> &records);

private:
    QProcess *m_process;
    TerminalInput *m_terminal = nullptr;
    bool m_closed = false;
    qint64 m_fedBytes = 0;
    qint64 m_sentBytes = 0;
    QList<InputRecord> m_records;
};
