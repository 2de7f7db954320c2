#include "attachcheck.h"

#include "traceprotocol.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <pwd.h>
#include <unistd.h>

namespace {

QByteArray readProc(const QByteArray &root, const QByteArray &relative)
{
    QFile file(QString::fromLocal8Bit((root.isEmpty() ? QByteArray("/proc") : root) + '/' + relative));
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    return file.read(64 * 1024);
}

// A "Name:\tvalue ..." line of a status text; the first number after the colon.
qint64 statusNumber(const QByteArray &status, const char *name)
{
    const QByteArray key = QByteArray("\n") + name + ':';
    const qsizetype at = ('\n' + status).indexOf(key);
    if (at < 0)
        return -1;
    const QByteArray rest = status.mid(at + key.size() - 1);
    bool ok = false;
    const qint64 value = rest.left(rest.indexOf('\n')).simplified().split(' ').value(0).toLongLong(&ok);
    return ok ? value : -1;
}

QString userName(qint64 uid)
{
    passwd entry{};
    passwd *found = nullptr;
    char buffer[4096];
    if (::getpwuid_r(uid_t(uid), &entry, buffer, sizeof buffer, &found) == 0 && found)
        return QString::fromLocal8Bit(found->pw_name);
    return QString::number(uid);
}

QString processName(const QByteArray &root, qint64 pid)
{
    return QString::fromLocal8Bit(readProc(root, QByteArray::number(pid) + "/comm").trimmed());
}

bool isDescendantOfUs(const QByteArray &root, qint64 pid)
{
    const qint64 self = ::getpid();
    for (int depth = 0; pid > 1 && depth < 4096; ++depth) {
        if (pid == self)
            return true;
        pid = statusNumber(readProc(root, QByteArray::number(pid) + "/status"), "PPid");
    }
    return false;
}

} // namespace

int AttachCheck::ptraceScope(const QByteArray &procRoot)
{
    const QByteArray text = readProc(procRoot, "sys/kernel/yama/ptrace_scope").trimmed();
    bool ok = false;
    const int scope = text.toInt(&ok);
    return ok ? scope : -1;
}

QString AttachCheck::scopeMeaning(int scope)
{
    switch (scope) {
    case 0:
        return tr("any process of the same user may be watched");
    case 1:
        return tr("only a program's own descendants may be watched, unless you are root "
                  "(sudo sysctl kernel.yama.ptrace_scope=0 allows it for your own processes)");
    case 2:
        return tr("only root may attach to a running process");
    case 3:
        return tr("no process may attach, not even root, until the next reboot");
    default:
        return tr("the kernel has no Yama restriction");
    }
}

QString AttachCheck::refusal(qint64 pid, const QByteArray &procRoot)
{
    const QByteArray status = readProc(procRoot, QByteArray::number(pid) + "/status");
    if (pid <= 0 || status.isEmpty())
        return tr("there is no process %1").arg(pid);
    if (pid == ::getpid())
        return tr("process %1 is SpawnScope itself").arg(pid);
    const QByteArray cmdline = readProc(procRoot, QByteArray::number(pid) + "/cmdline");
    if (cmdline.contains(QByteArray("\0--", 3) + TraceProtocol::WorkerOption + '\0'))
        return tr("process %1 is one of SpawnScope's own tracers").arg(pid);
    const qint64 tracer = statusNumber(status, "TracerPid");
    if (tracer > 0) {
        const QString name = processName(procRoot, tracer);
        return tr("process %1 is already traced by %2%3; the kernel allows one tracer per process")
            .arg(pid)
            .arg(tracer)
            .arg(name.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(name));
    }
    const qint64 owner = statusNumber(status, "Uid");
    const bool root = ::geteuid() == 0;
    if (!root && owner >= 0 && owner != qint64(::getuid()))
        return tr("process %1 is owned by %2; only root may watch it").arg(pid).arg(userName(owner));
    const int scope = ptraceScope(procRoot);
    const bool allowed = scope <= 0 || (scope == 1 && (root || isDescendantOfUs(procRoot, pid))) || (scope == 2 && root);
    if (!allowed)
        return tr("kernel.yama.ptrace_scope is %1: %2").arg(scope).arg(scopeMeaning(scope));
    return QString();
}

QString AttachCheck::seizeFailure(qint64 pid, int error)
{
    const QString cause = refusal(pid);
    if (!cause.isEmpty())
        return cause;
    if (error == ESRCH)
        return tr("process %1 ended before it could be attached").arg(pid);
    return tr("attaching to process %1 failed: %2 (a container's seccomp profile or a security module may forbid ptrace)")
        .arg(pid)
        .arg(QString::fromLocal8Bit(std::strerror(error)));
}
