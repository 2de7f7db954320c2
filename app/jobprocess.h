// One child process: wraps (does not subclass) a QProcess, puts the child in its
// own process group, keeps bounded output tails, polls, enforces the timeout
// with SIGTERM then SIGKILL, and turns the end into a JobOutcome.
#pragma once

#include "joboutcome.h"
#include "jobspec.h"
#include "outputtail.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>

#include <sys/resource.h>

class QProcess;
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

    const JobSpec &spec() const { return m_spec; }
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

private:
    void onStarted();
    void onFinished(int exitCode, int exitStatus);
    void onErrorOccurred(int error);
    void readStdout();
    void readStderr();
    void poll();
    void onTimeout();
    void escalate();
    void installChildModifier(rlim_t processLimit);
    void failToStart(const QString &reason);
    void cancelQueued(JobOutcome::Cause cause);
    void finish();
    bool signalGroup(int signal);
    double now() const;
    QString preflight() const;
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
    qint64 m_pid = 0;
    int m_polls = 0;
    QList<double> m_pollTimesMs;
    qint64 m_stdinBytes = 0;
    double m_startedMs = -1;
    double m_finishedMs = -1;
    double m_termSentMs = -1;
    double m_killSentMs = -1;
    bool m_pipesStdout = false;
    bool m_readsFromPipe = false;
};
