#include "signaloutcome.h"

#include <QCoreApplication>

QString SignalOutcome::resultToString(Result result)
{
    switch (result) {
    case Result::Sent:
        return QCoreApplication::translate("SignalOutcome", "sent");
    case Result::Terminated:
        return QCoreApplication::translate("SignalOutcome", "ended on SIGTERM");
    case Result::Killed:
        return QCoreApplication::translate("SignalOutcome", "killed after the grace period");
    case Result::Ended:
        return QCoreApplication::translate("SignalOutcome", "already ended");
    case Result::Reused:
        return QCoreApplication::translate("SignalOutcome", "pid reused by another process");
    case Result::Refused:
        return QCoreApplication::translate("SignalOutcome", "refused");
    case Result::Failed:
        break;
    }
    return QCoreApplication::translate("SignalOutcome", "failed");
}
