#include "processsignaller.h"

#include "procfiles.h"
#include "procreader.h"
#include "procsnapshot.h"
#include "unixsignals.h"
#include "usernames.h"

#include <QCoreApplication>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <sys/syscall.h>
#include <unistd.h>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ProcessSignaller", text);
}

// The start time of pid under root, or -1 when it has ended.
qint64 startTicksOf(const QByteArray &root, qint64 pid)
{
    QByteArray buffer;
    const QByteArray path = root + '/' + QByteArray::number(pid) + "/stat";
    const qsizetype length = ProcFiles::read(path.constData(), buffer);
    ProcSnapshot stat;
    if (length <= 0 || !ProcReader::parseStat(QByteArrayView(buffer.constData(), length), stat))
        return -1;
    return stat.startTicks;
}

qint64 ownerOf(const QByteArray &root, qint64 pid)
{
    QByteArray buffer;
    const QByteArray path = root + '/' + QByteArray::number(pid) + "/status";
    const qsizetype length = ProcFiles::read(path.constData(), buffer);
    return length > 0 ? ProcFiles::parseUid(QByteArrayView(buffer.constData(), length)) : -1;
}

SignalOutcome outcome(SignalOutcome::Result result, qint64 pid, int signal, const QString &message)
{
    SignalOutcome o;
    o.result = result;
    o.pid = pid;
    o.signal = signal;
    o.message = message;
    return o;
}

} // namespace

QString ProcessSignaller::refusal(qint64 ownerUid)
{
    return tr("owned by %1; only root may signal it").arg(ownerUid >= 0 ? UserNames::name(ownerUid) : tr("another user"));
}

QString ProcessSignaller::ended(qint64 pid)
{
    return tr("process %1 has ended").arg(pid);
}

SignalOutcome ProcessSignaller::send(qint64 pid, qint64 startTicks, int signal, const QByteArray &procRoot)
{
    using Result = SignalOutcome::Result;
    const QByteArray root = ProcFiles::root(procRoot);
    if (pid <= 0 || signal <= 0 || signal >= NSIG)
        return outcome(Result::Failed, pid, signal, tr("cannot send signal %1 to process %2").arg(signal).arg(pid));
    // Held from before the check to the signal, a pidfd keeps the pid from
    // naming another process in between (a fake procRoot has no pidfd).
    const int pidFd = procRoot.isEmpty() ? int(::syscall(SYS_pidfd_open, pid_t(pid), 0)) : -1;
    const auto closeFd = qScopeGuard([pidFd] {
        if (pidFd >= 0)
            ::close(pidFd);
    });
    const qint64 actualStart = startTicksOf(root, pid);
    if (actualStart < 0)
        return outcome(Result::Ended, pid, signal, ended(pid));
    if (actualStart != startTicks)
        return outcome(Result::Reused, pid, signal,
                       tr("process %1 has ended and its number now names another process; nothing was sent").arg(pid));
    const int rc = pidFd >= 0 ? int(::syscall(SYS_pidfd_send_signal, pidFd, signal, nullptr, 0)) : ::kill(pid_t(pid), signal);
    if (rc == 0)
        return outcome(Result::Sent, pid, signal, tr("sent %1 to process %2").arg(UnixSignals::name(signal)).arg(pid));
    const int error = errno;
    if (error == EPERM)
        return outcome(Result::Refused, pid, signal, refusal(ownerOf(root, pid)));
    if (error == ESRCH)
        return outcome(Result::Ended, pid, signal, ended(pid));
    return outcome(Result::Failed, pid, signal,
                   tr("could not send %1 to process %2: %3")
                       .arg(UnixSignals::name(signal))
                       .arg(pid)
                       .arg(QString::fromLocal8Bit(std::strerror(error))));
}

SignalOutcome ProcessSignaller::pause(qint64 pid, qint64 startTicks)
{
    return send(pid, startTicks, SIGSTOP);
}

SignalOutcome ProcessSignaller::resume(qint64 pid, qint64 startTicks)
{
    return send(pid, startTicks, SIGCONT);
}
