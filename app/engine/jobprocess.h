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
//
// This is the face; behind it, JobProcessPrivate holds the state and the
// parts that do the work: LaunchCheck (why it cannot start), ChildSetup
// (between fork and exec), OutputCapture (the output pipes), TerminalInput
// and JobInput (stdin), ChildSignals (its process group), PauseTracker, and
// FamilyWatch (a watched job's events, through a TraceChannel).
#pragma once

#include "joboutcome.h"
#include "jobinput.h"
#include "jobresources.h"
#include "jobspec.h"
#include "leftoverprocess.h"
#include "outputtail.h"
#include "pausetracker.h"
#include "processfamily.h"
#include "procsnapshot.h"

#include <QList>
#include <QObject>

#include <memory>

class JobProcessPrivate;
class QElapsedTimer;
struct RootSample;

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
    bool pipesStdout() const;
    bool readsFromPipe() const;

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
    // from the sampled /proc state (PauseTracker).
    static constexpr double SignalSettleMs = PauseTracker::SettleMs;
    bool isPaused() const;
    using PausedStretch = ::PausedStretch;
    const QList<PausedStretch> &pausedStretches() const;

    const JobResources &resources() const;
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
    void setDrainLimitMs(int ms);
    int drainLimitMs() const;
    // True between the job's own exit and the end of reading its output.
    bool isDraining() const;
    // What the job left running when it ended: processes still in its
    // process group, or still holding its output pipes at the drain limit.
    // Empty for most jobs; found once, at the end.
    const QList<LeftoverProcess> &leftovers() const;

    const JobSpec &spec() const;
    // For a watched job (spec().watch), the family the tracer reported so
    // far: read every FamilyWatch::ReadMs while it runs (resourcesChanged()
    // says when it grew) and to the end when the job finishes; empty
    // otherwise (and refusal() set if ptrace was refused).
    const ProcessFamily &family() const;
    const JobOutcome &outcome() const;
    // The child the app started: the program, or its tracer when watched.
    qint64 pid() const;
    // The program the job is about: the attached process for an attached
    // watch (spec().attachPid), the program the tracer started for a watched
    // one (once its first event arrived; pid() until then), else pid(). The
    // table, the sampler and the report show this one; the tracer is not the
    // job (its own cost: tracerUsage()).
    qint64 programPid() const;
    // The most family members a watched job keeps (ProcessFamily); set
    // before start().
    void setFamilyLimit(qsizetype limit);
    // A watched job's tracer, read from /proc now (its memory and CPU, the
    // cost of watching); not present when the job is not watched, has
    // ended, or its program is not known yet.
    ProcSnapshot tracerSample() const;
    int polls() const;
    const QList<double> &pollTimesMs() const;
    qint64 stdinBytes() const;
    const OutputTail &stdoutTail() const;
    const OutputTail &stderrTail() const;
    // For the output budget (OutputBudget): a finished job's tails keep
    // only their last keepBytes each; the counts stay exact.
    void trimOutput(qsizetype keepBytes);
    // When the first stdout byte arrived, on the run's clock; -1 until then.
    double firstStdoutMs() const;
    // Whether the child runs in a pseudo-terminal (spec().pty, single stage).
    bool usesTerminal() const;

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
    using InputRecord = ::InputRecord;
    static constexpr qsizetype MaxInputRecords = JobInput::MaxRecords;
    const QList<InputRecord> &inputRecords() const;
    qint64 inputBytes() const;

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
    bool isRecorded() const;

    // Milliseconds on the run's clock; -1 until the event happened.
    double startedMs() const;
    double finishedMs() const;
    // Finished: its lifetime; running: so far; otherwise 0.
    double elapsedMs() const;
    // When SIGTERM / SIGKILL were sent, for explanations and timelines; -1 if never.
    double termSentMs() const;
    double killSentMs() const;

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
    friend class JobProcessPrivate;
    std::unique_ptr<JobProcessPrivate> d;
};
