#include "leftoverprocess.h"

#include "shellwords.h"

#include <QDir>
#include <QFile>

#include <algorithm>
#include <unistd.h>

namespace {

// The state and process group from /proc/PID/stat, read after the last ')'
// (a command name may hold spaces and parentheses).
bool readStat(const QString &pid, char *state, qint64 *pgrp)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray line = file.readAll();
    const qsizetype close = line.lastIndexOf(')');
    if (close < 0)
        return false;
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    if (fields.size() < 3 || fields.at(0).isEmpty())
        return false;
    *state = fields.at(0).at(0);
    *pgrp = fields.at(2).toLongLong();
    return true;
}

bool holdsPipe(const QString &pid, const QList<quint64> &inodes)
{
    if (inodes.isEmpty())
        return false;
    const QString fdDir = QStringLiteral("/proc/%1/fd").arg(pid);
    const QStringList fds = QDir(fdDir).entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot);
    for (const QString &fd : fds) {
        char target[64];
        const QByteArray path = QFile::encodeName(fdDir + QLatin1Char('/') + fd);
        const ssize_t n = ::readlink(path.constData(), target, sizeof target - 1);
        if (n <= 0)
            continue;
        const QByteArray link(target, n);
        if (!link.startsWith("pipe:["))
            continue;
        const quint64 inode = link.mid(6, link.size() - 7).toULongLong();
        if (inodes.contains(inode))
            return true;
    }
    return false;
}

QStringList readArgv(const QString &pid)
{
    QFile file(QStringLiteral("/proc/%1/cmdline").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray bytes = file.read(64 * 1024);
    if (bytes.endsWith('\0'))
        bytes.chop(1);
    QStringList argv;
    for (const QByteArray &word : bytes.split('\0'))
        argv << QString::fromLocal8Bit(word);
    return bytes.isEmpty() ? QStringList() : argv;
}

} // namespace

QString LeftoverProcess::describe() const
{
    return QStringLiteral("%1 %2").arg(pid).arg(argv.isEmpty() ? QStringLiteral("?") : ShellWords::join(argv));
}

QList<LeftoverProcess> LeftoverProcess::find(qint64 pgid, const QList<quint64> &pipeInodes)
{
    QList<LeftoverProcess> found;
    const qint64 self = ::getpid();
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        if (!numeric || pid == self)
            continue;
        char state = '?';
        qint64 pgrp = 0;
        if (!readStat(entry, &state, &pgrp) || state == 'Z')
            continue; // gone meanwhile, or only waiting to be reaped
        const bool inGroup = pgid > 0 && pgrp == pgid;
        const bool holds = holdsPipe(entry, pipeInodes);
        if (!inGroup && !holds)
            continue;
        found << LeftoverProcess{pid, readArgv(entry), holds};
    }
    std::sort(found.begin(), found.end(), [](const LeftoverProcess &a, const LeftoverProcess &b) { return a.pid < b.pid; });
    return found;
}
