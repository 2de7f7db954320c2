// Behind JobProcess: its state and the work its public face hands on. Only
// jobprocess.cpp includes this.
#pragma once

#include "childsetup.h"
#include "childsignals.h"
#include "childusage.h"
#include "jobprocess.h"
#include "familywatch.h"
#include "jobinput.h"

#include <optional>

class OutputCapture;
class QProcess;
class QTimer;
class TerminalInput;

class JobProcessPrivate
{
public:
    JobProcessPrivate(JobProcess *q, const JobSpec &spec, const QElapsedTimer *clock);

    double now() const;
    // The start's steps: open what the child is given, then spawn.
    QString openChannels(ChildSetup::Descriptors *fds);
    void spawn(const ChildSetup::Descriptors &fds);
    void onStarted();
    void onFinished(int exitCode, int exitStatus);
    void onErrorOccurred(int error);
    void failToStart(const QString &reason);
    // Reported from the event loop, like every other outcome, so callers
    // never see finished() from inside start().
    void failToStartLater(const QString &reason);
    void cancelQueued(JobOutcome::Cause cause);
    void poll();
    void onTimeout();
    void escalate();
    // The app itself stopped (paused) or continued the job just now.
    void appSignalled(bool paused);
    // What stop() (SIGTERM) and kill() (SIGKILL) do before the child runs
    // or after its own exit; false when it is running.
    bool endEarly(JobOutcome::Cause cause, int signal);
    // The drain after the job's own exit (see JobProcess::DefaultDrainLimitMs).
    void endDrain();
    QTimer *drainTimer();
    static constexpr int LeftoverSettleMs = 50;
    void findLeftovers();
    void finish();

    JobProcess *const q;
    JobSpec m_spec;
    const QElapsedTimer *m_clock;
    QProcess *m_process;
    ChildSignals m_signals;
    JobInput m_input;
    OutputCapture *m_output;
    TerminalInput *m_terminalInput = nullptr; // only in terminal mode
    FamilyWatch m_watch; // a watched job's family; empty otherwise
    QTimer *m_pollTimer = nullptr;
    QTimer *m_timeoutTimer = nullptr;
    QTimer *m_killTimer = nullptr;
    QTimer *m_drainTimer = nullptr;
    JobOutcome m_outcome;
    std::optional<ChildUsage::Delta> m_tracerReap; // a watched job's reap, until finish()
    qint64 m_pid = 0;
    int m_polls = 0;
    QList<double> m_pollTimesMs;
    double m_startedMs = -1;
    double m_finishedMs = -1;
    double m_termSentMs = -1;
    double m_killSentMs = -1;
    double m_exitedMs = -1; // when its own process was reaped, on the run's clock
    JobResources m_resources;
    PauseTracker m_pause;
    bool m_recorded = false;
    double m_recordedElapsedMs = 0;
    int m_userSignal = 0; // the last signal sent through sendSignal()
    bool m_pipesStdout = false;
    bool m_readsFromPipe = false;
    bool m_terminal = false;
    int m_drainLimitMs = JobProcess::DefaultDrainLimitMs;
    bool m_draining = false;
    bool m_settling = false;
    QList<LeftoverProcess> m_leftovers;
};
