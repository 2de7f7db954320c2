// Stops one process of the machine the way the engine stops a job: SIGTERM,
// then, if the same process (pid and start time) still lives when the grace
// period is over, SIGKILL. Waits on events only: the process's pidfd turning
// readable when it ends (a 100 ms poll of /proc where pidfds are missing)
// and one single-shot timer for the grace. finished() comes exactly once.
#pragma once

#include "signaloutcome.h"

#include <QObject>
#include <QTimer>

class QSocketNotifier;

class ProcessStopper : public QObject
{
    Q_OBJECT

public:
    ProcessStopper(qint64 pid, qint64 startTicks, QObject *parent = nullptr);
    ~ProcessStopper() override;

    // JobSpec's graceSec, in ms: the one default grace of SpawnScope.
    static int defaultGraceMs();
    void setGraceMs(int ms) { m_graceMs = ms; }
    int graceMs() const { return m_graceMs; }

    // Sends SIGTERM. A refusal (another user's process, a reused pid, one
    // already ended) emits finished() at once, from the event loop.
    void start();
    bool isRunning() const { return m_running; }

signals:
    void finished(const SignalOutcome &outcome);

private:
    void checkEnded();
    void graceOver();
    void finish(const SignalOutcome &outcome);
    bool stillRuns() const;

    qint64 m_pid;
    qint64 m_startTicks;
    int m_graceMs;
    int m_pidFd = -1;
    bool m_running = false;
    QSocketNotifier *m_notifier = nullptr;
    QTimer m_grace;
    QTimer m_poll;
};
