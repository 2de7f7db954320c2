// One child process: wraps (does not subclass) a QProcess, puts the child in its
// own process group, keeps bounded output tails, polls, enforces the timeout
// with SIGTERM then SIGKILL, and turns the end into a JobOutcome.
//
// It also holds what its process tree used (JobResources), fed by the
// engine's ProcessSampler while it runs and by ChildUsage at its reap, and
// whether it is paused (stopped by SIGSTOP or any other stop signal).
//
// Interactive stdin (JobSpec::interactiveStdin) keeps the child's stdin open
// for writeInput() until closeInput(); what was sent is kept as input records.
// Terminal mode (JobSpec::pty) gives the child a pseudo-terminal as stdin,
// stdout and stderr, so isatty() is true; the app reads the terminal's master
// side into the stdout tail (a terminal has one output stream, so stderr is
// merged there and the stderr tail stays empty).
#pragma once

#include "joboutcome.h"
#include "jobresources.h"
#include "jobspec.h"
#include "leftoverprocess.h"
#include "outputtail.h"
#include "processfamily.h"
#include "procsnapshot.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>

#include <optional>


class OutputPoller;
class OutputReader;
struct RootSample;
class QProcess;
class QSocketNotifier;
class QFile;
class QTimer;

class JobProcess : public QObject
{
    Q_OBJECT
public:
    // clock: the run's clock; times are reported relative to it.
    JobProcess(const JobSpec &spec, const QElapsedTimer *clock, QObject *parent = nullptr);
    ~JobProcess() override;

    // Chains: this job's stdout becomes next's stdin through an OS pipe.
    // Call on both before start(), upstream first.
    void pipeTo(JobProcess *next);
    bool pipesStdout() const { return m_pipesStdout; }
    bool readsFromPipe() const { return m_readsFromPipe; }

    void start();
    // SIGTERM to the process group, then SIGKILL after the grace period.
    void stop();
    // SIGKILL to the process group now.
    void kill();

    // SIGSTOP / SIGCONT to the process group. A pause does not stop the
    // clock: a running timeout keeps counting wall time, as GNU timeout
    // does, and when it fires the job is stopped (SIGTERM, then SIGCONT so
    // it can act on it). False if the job is not running or kill() failed
    // (logged to spawnscope.engine).
    bool pause();
    bool resume();
    // Any signal, to the process group (groupToo) or the child alone. If the
    // job then dies of that very signal, its outcome is Killed with cause
    // UserSignal rather than Crashed.
    bool sendSignal(int signal, bool groupToo);

    // Stopped, whoever stopped it: set by pause() at once and otherwise read
    // from the sampled /proc state ('T' or 't'). After the app's own stop or
    // continue, samples that still read the old state are ignored until one
    // agrees or SignalSettleMs pass.
    static constexpr double SignalSettleMs = 1000;
    bool isPaused() const { return m_paused; }
    struct PausedStretch
    {
        double startMs = 0; // on the run's clock
        double endMs = -1; // -1 while still paused
    };
    const QList<PausedStretch> &pausedStretches() const { return m_pausedStretches; }

    const JobResources &resources() const { return m_resources; }
    // One sampler tick for this job's pid; samplerNowMs is ProcessSampler::nowMs()
    // at the call, to move the sample's times onto the run's clock.
    void applySample(const RootSample &sample, double samplerNowMs);

    // After the job's own process exits, its output is read until every
    // writer has closed the pipes (as Python's communicate() does: a
    // background "(sleep 1; echo late) &" is heard), for at most this long;
    // then finished() follows, naming in leftovers() whoever still held them.
    // The job's times end at its own exit, not at the end of the reading.
    static constexpr int DefaultDrainLimitMs = 3000;
    static constexpr int MaxDrainLimitMs = 3600 * 1000;
    void setDrainLimitMs(int ms) { m_drainLimitMs = ms; }
    int drainLimitMs() const { return m_drainLimitMs; }
    // True between the job's own exit and the end of reading its output.
    bool isDraining() const { return m_draining; }
    // What the job left running when it ended: processes still in its
    // process group, or still holding its output pipes at the drain limit.
    // Empty for most jobs; found once, at the end.
    const QList<LeftoverProcess> &leftovers() const { return m_leftovers; }

    const JobSpec &spec() const { return m_spec; }
    // For a watched job (spec().watch), the family the tracer reported so
    // far: read every FamilyReadMs while it runs (resourcesChanged() says
    // when it grew) and to the end when the job finishes; empty otherwise
    // (and refusal() set if ptrace was refused).
    const ProcessFamily &family() const { return m_family; }
    const JobOutcome &outcome() const { return m_outcome; }
    // The child the app started: the program, or its tracer when watched.
    qint64 pid() const { return m_pid; }
    // The program the job is about: the attached process for an attached
    // watch (spec().attachPid), the program the tracer started for a watched
    // one (once its first event arrived; pid() until then), else pid(). The
    // table, the sampler and the report show this one; the tracer is not the
    // job (its own cost: tracerUsage()).
    qint64 programPid() const;
    // The most family members a watched job keeps (ProcessFamily); set
    // before start().
    void setFamilyLimit(qsizetype limit) { m_family.setMemberLimit(limit); }
    // A watched job's tracer, read from /proc now (its memory and CPU, the
    // cost of watching); not present when the job is not watched, has
    // ended, or its program is not known yet.
    ProcSnapshot tracerSample() const;
    int polls() const { return m_polls; }
    const QList<double> &pollTimesMs() const { return m_pollTimesMs; }
    qint64 stdinBytes() const { return m_stdinBytes; }
    const OutputTail &stdoutTail() const { return m_stdout; }
    const OutputTail &stderrTail() const { return m_stderr; }
    // For the output budget (OutputBudget): a finished job's tails keep
    // only their last keepBytes each; the counts stay exact.
    void trimOutput(qsizetype keepBytes);
    // When the first stdout byte arrived, on the run's clock; -1 until then.
    double firstStdoutMs() const { return m_firstStdoutMs; }
    // Whether the child runs in a pseudo-terminal (spec().pty, single stage).
    bool usesTerminal() const { return m_terminal; }

    // Interactive stdin: true while the job runs with its stdin kept open.
    bool acceptsInput() const;
    // Sends bytes to the child's stdin (with a terminal: as if typed, so the
    // terminal echoes them and handles ^C, ^D...). False, with *reason set if
    // given, when the job is not running or its stdin is closed.
    bool writeInput(const QByteArray &bytes, QString *reason = nullptr);
    // End of input, as Ctrl+D: a pipe is closed; a terminal gets its EOF
    // character (VEOF), which ends input only at the start of a line, as when
    // typed. No more input is taken afterwards either way.
    void closeInput();
    // What writeInput() sent, oldest first; at most MaxInputRecords kept.
    struct InputRecord
    {
        double atMs = 0; // on the run's clock
        qint64 stdoutOffset = 0; // stdoutTail().totalBytes() when it was sent
        QByteArray bytes;
    };
    static constexpr qsizetype MaxInputRecords = 1000;
    // How often a watched job's events are read while it runs: often enough
    // that a fork shows at once, and a read of nothing new costs one syscall.
    static constexpr int FamilyReadMs = 100;
    const QList<InputRecord> &inputRecords() const { return m_inputRecords; }
    qint64 inputBytes() const { return m_inputBytes; }

    // A finished job as a session file recorded it. restore() makes a job
    // that was never started show exactly this: its outcome, times, output
    // tails, resources and family. Durations are the recorded ones, so sums
    // over restored jobs match the file to the last digit.
    struct Record
    {
        JobOutcome outcome;
        qint64 pid = 0;
        double startedMs = -1;
        double finishedMs = -1;
        double elapsedMs = 0;
        double termSentMs = -1;
        double killSentMs = -1;
        double firstStdoutMs = -1;
        int polls = 0;
        QList<double> pollTimesMs;
        qint64 stdinBytes = 0;
        QByteArray stdoutKept;
        qint64 stdoutTotal = 0;
        bool stdoutTrimmed = false;
        QByteArray stderrKept;
        qint64 stderrTotal = 0;
        bool stderrTrimmed = false;
        bool terminal = false;
        qint64 inputBytes = 0;
        QList<InputRecord> inputRecords;
        JobResources resources;
        QList<PausedStretch> pausedStretches;
        ProcessFamily family;
    };
    // Only on a job that was never started; it then counts as finished.
    void restore(const Record &record);
    bool isRecorded() const { return m_recorded; }

    // Milliseconds on the run's clock; -1 until the event happened.
    double startedMs() const { return m_startedMs; }
    double finishedMs() const { return m_finishedMs; }
    // Finished: its lifetime; running: so far; otherwise 0.
    double elapsedMs() const;
    // When SIGTERM / SIGKILL were sent, for explanations and timelines; -1 if never.
    double termSentMs() const { return m_termSentMs; }
    double killSentMs() const { return m_killSentMs; }

signals:
    void started();
    // Something visible changed: state, counts, output.
    void changed();
    void finished();
    // A sampler tick or the reap changed resources() or the paused state.
    void resourcesChanged();
    // programPid() became the watched program's, no longer the tracer's
    // (previous): whoever keyed the job by its pid re-keys it.
    void programPidChanged(qint64 previous);

private:
    void setPaused(bool paused, double atMs);
    void onStarted();
    void onFinished(int exitCode, int exitStatus);
    void onErrorOccurred(int error);
    // The output pipes are the app's own, not QProcess's: the bytes go from
    // the kernel straight into the tail, with no QProcess buffer in between.
    struct OutputPipe
    {
        int fd = -1; // read end, non-blocking
        quint64 token = 0; // its OutputPoller registration
        QSocketNotifier *notifier = nullptr; // only if the poller could not take it
        bool widened = false; // the pipe's buffer was enlarged for a heavy writer
        OutputReader *reader = nullptr; // a heavy writer's pipe is read by a thread of its own
    };
    bool openOutputPipes(int *stdoutWrite, int *stderrWrite);
    // The inodes of the open output pipes (what the family's members see
    // as their stdout and stderr).
    QSet<quint64> capturePipeInodes() const;
    // The pseudo-terminal: its master becomes m_stdoutPipe (read) and
    // m_terminalInput (write); *slave is opened for the child.
    bool openTerminal(int *slave);
    void flushTerminalInput();
    void closeTerminalInput();
    void watchOutputPipe(OutputPipe &pipe, OutputTail &tail);
    // Reads what the pipe holds (up to budget bytes) into the tail; closes it at EOF.
    void drainOutputPipe(OutputPipe &pipe, OutputTail &tail, qint64 budget);
    void closeOutputPipe(OutputPipe &pipe);
    // Hands a heavy writer's pipe to an OutputReader thread; the tail then
    // follows it through takeFromReaders() every ReaderTakeMs.
    void startReader(OutputPipe &pipe);
    void takeFromReaders();
    OutputTail &tailOf(const OutputPipe &pipe) { return &pipe == &m_stdoutPipe ? m_stdout : m_stderr; }
    void poll();
    void onTimeout();
    void escalate();
    void installChildModifier(quint64 processLimit, int stdinFd, int stdoutFd, int stderrFd, int terminalFd,
                              int eventsFd);
    void failToStart(const QString &reason);
    void cancelQueued(JobOutcome::Cause cause);
    void finish();
    // False when the events pipe could not be made (family().refusal() says why).
    bool runUnderTracer();
    // Applies the events the tracer wrote since the last read; at the end,
    // also closes and removes the file.
    void readFamily(bool atEnd);
    void settleWatchedUsage(ChildUsage::Delta reaped);
    // signalGroup(), or the attached program alone (spec().attachPid).
    bool signalProgram(int signal);
    bool signalGroup(int signal);
    double now() const;
    // Why the child cannot start, or empty; *resolved gets the program found
    // on PATH. preflight() remembers a check that passed for a moment.
    QString preflight(QString *resolved) const;
    // The drain after the job's own exit (see DefaultDrainLimitMs).
    bool outputPipesOpen() const;
    void endDrain();
    QTimer *drainTimer();
    static constexpr int LeftoverSettleMs = 50;
    void findLeftovers();
    QString check(QString *resolved) const;
    static QString interpreterProblem(const QString &path, const QString &shown);

    JobSpec m_spec;
    const QElapsedTimer *m_clock;
    QProcess *m_process;
    QTimer *m_pollTimer = nullptr;
    QTimer *m_timeoutTimer = nullptr;
    QTimer *m_killTimer = nullptr;
    QTimer *m_readerTimer = nullptr;
    JobOutcome m_outcome;
    OutputTail m_stdout;
    OutputTail m_stderr;
    OutputPipe m_stdoutPipe;
    OutputPipe m_stderrPipe;
    // The tracer's events: the read end of a pipe only the tracer writes to
    // (no file anywhere), read as they come so the family shows live; the
    // write end is the app's only until the tracer has its copy.
    int m_traceReadFd = -1;
    int m_traceWriteFd = -1;
    std::optional<ChildUsage::Delta> m_tracerReap; // a watched job's reap, until finish()
    QByteArray m_tracePending;      // a line the tracer has not finished yet
    QTimer *m_familyTimer = nullptr;
    ProcessFamily m_family;
    QPointer<OutputPoller> m_poller;
    qint64 m_pid = 0;
    int m_polls = 0;
    QList<double> m_pollTimesMs;
    qint64 m_stdinBytes = 0;
    double m_startedMs = -1;
    double m_finishedMs = -1;
    double m_termSentMs = -1;
    double m_killSentMs = -1;
    JobResources m_resources;
    QList<PausedStretch> m_pausedStretches;
    bool m_paused = false;
    bool m_recorded = false;
    double m_recordedElapsedMs = 0;
    double m_pauseSignalMs = -1; // when the app last stopped or continued the child
    // False from the app's own stop or continue until a sample agrees with
    // it (or SignalSettleMs pass): a SIGSTOP is acted on only when the child
    // is next scheduled, so a sample can still read it running meanwhile.
    bool m_pauseSettled = true;
    int m_userSignal = 0; // the last signal sent through sendSignal()
    bool m_pipesStdout = false;
    bool m_readsFromPipe = false;
    double m_firstStdoutMs = -1;
    bool m_terminal = false;
    int m_terminalInput = -1; // a duplicate of the master, for writing
    QByteArray m_terminalPending; // typed bytes the terminal has not taken yet
    QSocketNotifier *m_terminalWritable = nullptr;
    bool m_inputClosed = false;
    QList<InputRecord> m_inputRecords;
    qint64 m_inputBytes = 0;
    int m_drainLimitMs = DefaultDrainLimitMs;
    bool m_draining = false;
    bool m_settling = false;
    double m_exitedMs = -1; // when its own process was reaped, on the run's clock
    QTimer *m_drainTimer = nullptr;
    QList<LeftoverProcess> m_leftovers;
};
