// What became of one child process: the only place where QProcess's
// error/exit status/exit code triple is turned into a meaning.
#pragma once

#include <QObject>
#include <QString>

class JobOutcome
{
    Q_GADGET
public:
    enum class State {
        Queued,
        Starting,
        Running,
        Finished,      // exited by itself with an exit code
        FailedToStart, // never ran: see error
        Crashed,       // ended by a signal nobody here sent
        TimedOut,      // the timeout fired and it was stopped
        Killed,        // the user pressed Stop or Kill, or sent the signal it died of
        PipeClosed,    // a chain's writer ended by SIGPIPE because its reader exited: normal
    };
    Q_ENUM(State)

    // Why the app sent a signal, if it did.
    // UserSignal: it died of the signal the user last sent through sendSignal().
    enum class Cause { None, Timeout, UserStop, UserKill, UserSignal };
    Q_ENUM(Cause)

    State state = State::Queued;
    Cause cause = Cause::None;
    int exitCode = -1; // valid when the child exited normally
    int signal = 0;    // non-zero when a signal ended the child
    QString error;     // the start-failure reason

    bool isActive() const;
    bool isDone() const;
    bool isSuccess() const;
    // Done, and something went wrong: every done state except a success and a
    // closed pipe, which is how a pipeline's writer normally ends (yes | head).
    bool isFailure() const;
    bool exitedBySignal() const { return signal != 0; }

    // At the child's exit (with code, or of the signal code when bySignal):
    // the state, read with the cause the app had set. lastUserSignal is the
    // signal last sent through JobProcess::sendSignal() (0 for none);
    // writesToPipe: its stdout feeds the next stage, so SIGPIPE is how it
    // normally ends.
    void settleExit(int code, bool bySignal, int lastUserSignal, bool writesToPipe);

    // "running", "timed out", ... : the word for a state alone.
    static QString stateToString(State state);
    // The word for this outcome, which also reads its cause: a job ended by
    // Stop reads "stopped", by Kill "killed". Every view of a job's state goes
    // through JobFormat::jobState(), which builds on this.
    QString stateText() const;
    // "failedToStart", "timedOut", ... : stable keys for reports.
    static QString stateKey(State state);
    // The state stateKey() gave key; false for a key it never gives.
    static bool stateFromKey(const QString &key, State *state);
    // "none", "timeout", "userStop", "userKill", "userSignal", and back.
    static QString causeKey(Cause cause);
    static bool causeFromKey(const QString &key, Cause *cause);

    // The Exit column: "0", "SIGTERM", "" while running.
    QString exitText() const;

    // One or two sentences for a learner, e.g. "Terminated by SIGTERM (15)
    // after the 0.1 s timeout." Times are in seconds.
    QString explanation(double timeoutSec, double graceSec) const;
};
