// What came of signalling a process of the machine (ProcessSignaller) or
// stopping one (ProcessStopper): a value the panel shows as it is. The
// message is plain and says what to do when there is something to do
// ("owned by postgres; only root may signal it").
#pragma once

#include <QMetaType>
#include <QObject>
#include <QString>

class SignalOutcome
{
    Q_GADGET

public:
    enum class Result {
        Sent, // the signal was delivered
        Terminated, // a stop: the process ended within the grace after SIGTERM
        Killed, // a stop: it outlived the grace and was sent SIGKILL
        Ended, // the process had ended before the signal (ESRCH)
        Reused, // the pid now names another process (a later start time): not signalled
        Refused, // EPERM: another user's process
        Failed, // anything else (an invalid signal number)
    };
    Q_ENUM(Result)

    Result result = Result::Failed;
    qint64 pid = 0;
    int signal = 0; // the last signal sent or tried
    QString message; // plain, for a status bar or a row

    bool succeeded() const { return result == Result::Sent || result == Result::Terminated || result == Result::Killed; }
    static QString resultToString(Result result);
};

Q_DECLARE_METATYPE(SignalOutcome)
