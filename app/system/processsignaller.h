// Signals one process of the machine, the user's own or any when root, and
// never more: no sudo, no pkexec. A process is named by its pid and start
// time (MachineProcess::startTicks), and a pid whose start time changed is
// another process that is refused, not signalled. The check and the signal
// go through a pidfd (Linux 5.3), so the pid cannot be reused between them;
// on an older kernel, kill() right after the check.
#pragma once

#include "signaloutcome.h"

#include <QByteArray>

class ProcessSignaller
{
public:
    // Sends signal to pid if it still has startTicks. procRoot: a directory
    // laid out like /proc, for the start time and the owner's uid (tests).
    static SignalOutcome send(qint64 pid, qint64 startTicks, int signal, const QByteArray &procRoot = QByteArray());
    static SignalOutcome pause(qint64 pid, qint64 startTicks); // SIGSTOP
    static SignalOutcome resume(qint64 pid, qint64 startTicks); // SIGCONT

    // The refusal for EPERM: "owned by postgres; only root may signal it".
    static QString refusal(qint64 ownerUid);
    // "process 1234 has ended".
    static QString ended(qint64 pid);
};
