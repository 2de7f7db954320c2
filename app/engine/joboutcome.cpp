#include "joboutcome.h"

#include "unixsignals.h"

#include <csignal>

namespace {

QString seconds(double s)
{
    return QObject::tr("%1 s").arg(QString::number(s, 'g', 3));
}

} // namespace

bool JobOutcome::isActive() const
{
    return state == State::Starting || state == State::Running;
}

bool JobOutcome::isDone() const
{
    return state != State::Queued && !isActive();
}

bool JobOutcome::isSuccess() const
{
    return state == State::Finished && exitCode == 0;
}

bool JobOutcome::isFailure() const
{
    return isDone() && !isSuccess() && state != State::PipeClosed;
}

void JobOutcome::settleExit(int code, bool bySignal, int lastUserSignal, bool writesToPipe)
{
    signal = bySignal ? code : 0;
    exitCode = bySignal ? -1 : code;
    switch (cause) {
    case Cause::Timeout:
        state = State::TimedOut;
        break;
    case Cause::UserStop:
    case Cause::UserKill:
        state = bySignal ? State::Killed : State::Finished;
        break;
    case Cause::UserSignal:
        break; // only set below
    case Cause::None:
        if (!bySignal) {
            state = State::Finished;
        } else if (code == lastUserSignal) {
            cause = Cause::UserSignal;
            state = State::Killed;
        } else if (code == SIGPIPE && writesToPipe) {
            // Its reader, the next stage, exited first: how a pipeline's
            // writer normally ends (yes | head), not a crash.
            state = State::PipeClosed;
        } else {
            state = State::Crashed;
        }
        break;
    }
}

QString JobOutcome::stateToString(State state)
{
    switch (state) {
    case State::Queued: return QObject::tr("queued");
    case State::Starting: return QObject::tr("starting");
    case State::Running: return QObject::tr("running");
    case State::Finished: return QObject::tr("finished");
    case State::FailedToStart: return QObject::tr("failed to start");
    case State::Crashed: return QObject::tr("crashed");
    case State::TimedOut: return QObject::tr("timed out");
    case State::Killed: return QObject::tr("killed");
    case State::PipeClosed: return QObject::tr("pipe closed");
    }
    return {};
}

QString JobOutcome::stateText() const
{
    if (state == State::Killed && cause == Cause::UserStop)
        return QObject::tr("stopped");
    return stateToString(state);
}

QString JobOutcome::stateKey(State state)
{
    switch (state) {
    case State::Queued: return QStringLiteral("queued");
    case State::Starting: return QStringLiteral("starting");
    case State::Running: return QStringLiteral("running");
    case State::Finished: return QStringLiteral("finished");
    case State::FailedToStart: return QStringLiteral("failedToStart");
    case State::Crashed: return QStringLiteral("crashed");
    case State::TimedOut: return QStringLiteral("timedOut");
    case State::Killed: return QStringLiteral("killed");
    case State::PipeClosed: return QStringLiteral("pipeClosed");
    }
    return {};
}

bool JobOutcome::stateFromKey(const QString &key, State *state)
{
    for (int i = int(State::Queued); i <= int(State::PipeClosed); ++i) {
        if (stateKey(State(i)) == key) {
            *state = State(i);
            return true;
        }
    }
    return false;
}

QString JobOutcome::causeKey(Cause cause)
{
    switch (cause) {
    case Cause::None: return QStringLiteral("none");
    case Cause::Timeout: return QStringLiteral("timeout");
    case Cause::UserStop: return QStringLiteral("userStop");
    case Cause::UserKill: return QStringLiteral("userKill");
    case Cause::UserSignal: return QStringLiteral("userSignal");
    }
    return {};
}

bool JobOutcome::causeFromKey(const QString &key, Cause *cause)
{
    for (int i = int(Cause::None); i <= int(Cause::UserSignal); ++i) {
        if (causeKey(Cause(i)) == key) {
            *cause = Cause(i);
            return true;
        }
    }
    return false;
}

QString JobOutcome::exitText() const
{
    if (signal != 0)
        return UnixSignals::name(signal);
    if (state == State::Finished || ((state == State::TimedOut || state == State::Killed) && exitCode >= 0))
        return QString::number(exitCode);
    return {};
}

QString JobOutcome::explanation(double timeoutSec, double graceSec) const
{
    switch (state) {
    case State::Queued:
        return QObject::tr("Queued. Waiting for a free slot under the limit of children running at once.");
    case State::Starting:
        return QObject::tr("Being started: fork and exec are under way.");
    case State::Running:
        return QObject::tr("Running. The parent keeps working while the child runs: that is what makes it concurrent.");
    case State::FailedToStart:
        return QObject::tr("Failed to start: %1. No process ran, so there is no exit code.").arg(error);
    case State::PipeClosed:
        return QObject::tr("The next stage stopped reading (it exited first), so the kernel ended this writer "
                           "with SIGPIPE (13). In a pipeline that is normal, as with `yes | head`.");
    default:
        break;
    }
    if (state == State::Killed && signal == 0 && exitCode < 0)
        return QObject::tr("Stopped while it was still queued, waiting for a free slot: it never ran.");

    QString why;
    switch (cause) {
    case Cause::Timeout:
        why = QObject::tr(" after the %1 timeout").arg(seconds(timeoutSec));
        break;
    case Cause::UserStop:
        why = QObject::tr(" after you pressed Stop");
        break;
    case Cause::UserKill:
        why = QObject::tr(" after you pressed Kill");
        break;
    case Cause::UserSignal:
        why = QObject::tr(" after you sent it that signal");
        break;
    case Cause::None:
        break;
    }

    if (signal != 0) {
        QString text = QObject::tr("Terminated by %1 (%2)%3: %4.")
                           .arg(UnixSignals::name(signal))
                           .arg(signal)
                           .arg(why, UnixSignals::description(signal));
        if (signal == SIGKILL && (cause == Cause::Timeout || cause == Cause::UserStop))
            text += QObject::tr(" It ignored SIGTERM for the %1 grace period, so it was killed.").arg(seconds(graceSec));
        else if (cause == Cause::None)
            text += QObject::tr(" Nobody here sent it: the child crashed or something else signalled it.");
        if (cause == Cause::Timeout)
            text += QObject::tr(" The timeout is what keeps a child that hangs, or a deadlock between processes "
                                "each waiting for the other, from hanging the parent too.");
        text += QObject::tr(" A signal death has no exit code; Python's returncode shows it as -%1.").arg(signal);
        return text;
    }

    if (cause != Cause::None)
        return QObject::tr("Asked to stop%1, it exited by itself with code %2.").arg(why).arg(exitCode);
    if (exitCode == 0)
        return QObject::tr("Exited normally with code 0: success.");
    QString text = QObject::tr("Exited with code %1: the program reports failure.").arg(exitCode);
    if (exitCode > 128 && exitCode < 128 + 65) {
        const int sig = exitCode - 128;
        text += QObject::tr(" A shell reports a child killed by a signal as 128+N, so this may be %1 (%2) inside a shell.")
                    .arg(UnixSignals::name(sig))
                    .arg(sig);
    }
    return text;
}
