// One child process: wraps (does not subclass) a QProcess, puts the child in its
// own process group, keeps bounded output tails, polls, enforces the timeout
// with SIGTERM then SIGKILL, and turns the end into a JobOutcome.
//
// It also holds what its process tree used (JobResources), fed by the
// engine's ProcessSampler while it runs and by ChildUsage at its reap, and
// whether it is paused (stopped by SIGSTOP or any other stop signal).
#pragma once

#include "joboutcome.h"
#include "jobresources.h"
#include "jobspec.h"
#include "outputtail.h"
#include "processfamily.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>


class OutputPoller;
struct RootSample;
class QProcess;
class QSocketNotifier;
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
    // from the sampled /proc state ('T' or 't').
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

    const JobSpec &spec() const { return m_spec; }
    // For a watched job (spec().watch), the family the tracer reported, read
    // when the job finished; empty otherwise (and refusal() set if ptrace was).
    const ProcessFamily &family() const { return m_family; }
    const JobOutcome &outcome() const { return m_outcome; }
    qint64 pid() const { return m_pid; }
    int polls() const { return m_polls; }
    const QList<double> &pollTimesMs() const { return m_pollTimesMs; }
    qint64 stdinBytes() const { return m_stdinBytes; }
    const OutputTail &stdoutTail() const { return m_stdout; }
    const OutputTail &stderrTail() const { return m_stderr; }

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
    };
    bool openOutputPipes(int *stdoutWrite, int *stderrWrite);
    void watchOutputPipe(OutputPipe &pipe, OutputTail &tail);
    // Reads what the pipe holds (up to budget bytes) into the tail; closes it at EOF.
    void drainOutputPipe(OutputPipe &pipe, OutputTail &tail, qint64 budget);
    void closeOutputPipe(OutputPipe &pipe);
    void poll();
    void onTimeout();
    void escalate();
    void installChildModifier(quint64 processLimit, int stdinFd, int stdoutFd, int stderrFd);
    void failToStart(const QString &reason);
    void cancelQueued(JobOutcome::Cause cause);
    void finish();
    void runUnderTracer();
    void readFamily();
    bool signalGroup(int signal);
    double now() const;
    // Why the child cannot start, or empty; *resolved gets the program found
    // on PATH. preflight() remembers a check that passed for a moment.
    QString preflight(QString *resolved) const;
    QString check(QString *resolved) const;
    static QString interpreterProblem(const QString &path, const QString &shown);

    JobSpec m_spec;
    const QElapsedTimer *m_clock;
    QProcess *m_process;
    QTimer *m_pollTimer = nullptr;
    QTimer *m_timeoutTimer = nullptr;
    QTimer *m_killTimer = nullptr;
    JobOutcome m_outcome;
    OutputTail m_stdout;
    OutputTail m_stderr;
    OutputPipe m_stdoutPipe;
    OutputPipe m_stderrPipe;
    QString m_traceEventsPath; // the tracer's events file, removed once read
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
    int m_userSignal = 0; // the last signal sent through sendSignal()
    bool m_pipesStdout = false;
    bool m_readsFromPipe = false;
};
