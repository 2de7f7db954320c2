#include "machinescanner.h"

#include "procfiles.h"
#include "procreader.h"
#include "procsnapshot.h"
#include "usernames.h"

#include <QCoreApplication>
#include <QDateTime>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("MachineScanner", text);
}

// The numeric entries of the /proc directory open as rootFd, ascending.
QList<qint64> listPids(int rootFd)
{
    QList<qint64> pids;
    const int dirFd = ::dup(rootFd);
    DIR *dir = dirFd >= 0 ? ::fdopendir(dirFd) : nullptr;
    if (!dir) {
        if (dirFd >= 0)
            ::close(dirFd);
        return pids;
    }
    ::rewinddir(dir);
    while (const dirent *entry = ::readdir(dir)) {
        const char *name = entry->d_name;
        if (*name < '1' || *name > '9')
            continue;
        qint64 pid = 0;
        for (; *name >= '0' && *name <= '9'; ++name)
            pid = pid * 10 + (*name - '0');
        if (*name == '\0')
            pids.append(pid);
    }
    ::closedir(dir);
    std::sort(pids.begin(), pids.end());
    return pids;
}

// minflt + majflt from a stat line: they move whenever the process runs,
// even for less than the clock tick its CPU time is counted in.
qint64 faultsIn(QByteArrayView stat)
{
    qsizetype i = stat.lastIndexOf(')');
    if (i < 0)
        return 0;
    qint64 values[10] = {};
    for (int field = 0; field < 10; ++field) {
        while (++i < stat.size() && stat.at(i) == ' ') {
        }
        qint64 v = 0;
        for (; i < stat.size() && stat.at(i) != ' '; ++i)
            v = v * 10 + (stat.at(i) >= '0' && stat.at(i) <= '9' ? stat.at(i) - '0' : 0);
        values[field] = v;
    }
    // state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt
    return values[7] + values[9];
}

bool vanished(int error)
{
    return error == ENOENT || error == ESRCH;
}

} // namespace

MachineScanner::MachineScanner(const QByteArray &procRoot)
    : m_procRoot(ProcFiles::root(procRoot))
    , m_keepStatFiles(procRoot.isEmpty())
    , m_buffer(16 * 1024, Qt::Uninitialized)
{
    m_clock.start();
}

qint64 MachineScanner::bootTimeEpochMs()
{
    if (m_bootTimeEpochMs >= 0)
        return m_bootTimeEpochMs;
    m_bootTimeEpochMs = 0;
    const QByteArray path = m_procRoot + "/stat";
    const qsizetype length = ProcFiles::read(path.constData(), m_buffer);
    if (length > 0) {
        const qint64 seconds = ProcFiles::parseKbLine(QByteArrayView(m_buffer.constData(), length), "btime ");
        if (seconds > 0)
            m_bootTimeEpochMs = seconds * 1000;
    }
    return m_bootTimeEpochMs;
}

QString MachineScanner::userName(qint64 uid)
{
    const auto it = m_userNames.constFind(uid);
    if (it != m_userNames.cend())
        return it.value();
    return *m_userNames.insert(uid, UserNames::name(uid));
}

MachineSnapshot MachineScanner::scan()
{
    MachineSnapshot snapshot;
    snapshot.takenAtEpochMs = QDateTime::currentMSecsSinceEpoch();
    const qint64 nowMs = m_clock.elapsed();
    const qint64 intervalMs = m_previousMs >= 0 ? std::max<qint64>(1, nowMs - m_previousMs) : 0;
    snapshot.intervalMs = intervalMs;
    bootTimeEpochMs();

    QHash<qint64, Known> current;
    const int rootFd = ::open(m_procRoot.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (rootFd >= 0) {
        const QList<qint64> pids = listPids(rootFd);
        current.reserve(pids.size());
        snapshot.processes.reserve(pids.size());
        for (qint64 pid : pids) {
            Known known;
            if (readProcess(rootFd, pid, intervalMs, known)) {
                snapshot.processes.append(known.process);
                current.insert(pid, std::move(known));
            }
        }
        ::close(rootFd);
    }
    for (auto it = m_previous.cbegin(); it != m_previous.cend(); ++it) {
        if (!current.contains(it.key()))
            m_statFiles.forget(it.key());
    }
    m_previous.swap(current);
    m_previousMs = nowMs;
    ++m_round;
    return snapshot;
}

bool MachineScanner::readProcess(int rootFd, qint64 pid, qint64 intervalMs, Known &out)
{
    char path[512];
    std::snprintf(path, sizeof path, "%s/%lld/stat", m_procRoot.constData(), static_cast<long long>(pid));
    // Kept descriptors only under the real /proc: a fake tree's file stays
    // readable through a kept descriptor after the test deletes it.
    const qsizetype length = m_keepStatFiles ? m_statFiles.read(path, pid, ProcFileCache::File::Stat, m_buffer)
                                             : ProcFiles::read(path, m_buffer);
    const QByteArrayView statText(m_buffer.constData(), std::max<qsizetype>(0, length));
    if (length <= 0 || !ProcReader::parseStat(statText, m_stat))
        return false; // ended between the listing and now
    out.faults = faultsIn(statText);

    MachineProcess &p = out.process;
    p.pid = pid;
    const auto previous = m_previous.constFind(pid);
    const bool same = previous != m_previous.cend() && previous->process.startTicks == m_stat.startTicks;
    const bool quiet = same && previous->faults == out.faults && previous->process.cpuMs() == m_stat.cpuMs()
        && m_stat.state != 'R' && m_stat.state != 'D' && (quint64(pid) + m_round) % RefreshRounds != 0;
    if (quiet) {
        // Nothing ran, so neither the uid nor the io counts moved.
        p.uid = previous->process.uid;
        p.ioReadBytes = previous->process.ioReadBytes;
        p.ioWriteBytes = previous->process.ioWriteBytes;
        out.ioReason = previous->ioReason;
    } else {
        if (!readStatus(rootFd, p) || !readIo(rootFd, p, &out.ioReason))
            return false;
    }
    if (same && previous->comm == m_stat.comm && previous->process.uid == p.uid) {
        // Seen before and not exec'd since: argv, exe and user are kept.
        p.argv = previous->process.argv;
        p.exe = previous->process.exe;
        p.comm = previous->process.comm;
        p.user = previous->process.user;
        out.comm = previous->comm;
        out.identityReason = previous->identityReason;
    } else {
        p.comm = QString::fromLocal8Bit(m_stat.comm);
        p.user = userName(p.uid);
        out.comm = m_stat.comm;
        if (!readIdentity(rootFd, out))
            return false;
    }

    p.ppid = m_stat.ppid;
    p.pgrp = m_stat.pgrp;
    p.state = m_stat.state;
    p.startTicks = m_stat.startTicks;
    p.startedAtEpochMs = m_bootTimeEpochMs > 0 ? m_bootTimeEpochMs + ProcReader::ticksToMs(m_stat.startTicks) : 0;
    p.cpuUserMs = m_stat.userMs;
    p.cpuSysMs = m_stat.systemMs;
    p.cpuPercent = same && intervalMs > 0
        ? std::max(0.0, double(p.cpuMs() - previous->process.cpuMs()) * 100.0 / double(intervalMs))
        : -1.0;
    // stat's rss is the count status prints as VmRSS.
    p.rssKb = m_stat.rssKnown ? m_stat.rssKb : -1;
    p.threads = m_stat.threads;
    p.kernelThread = pid == 2 || m_stat.ppid == 2;

    QStringList reasons;
    if (!out.identityReason.isEmpty())
        reasons << out.identityReason;
    if (!out.ioReason.isEmpty())
        reasons << out.ioReason;
    p.partial = !reasons.isEmpty();
    p.partialReason = reasons.join(QStringLiteral("; "));
    return true;
}

// The real uid. False when the process ended meanwhile.
bool MachineScanner::readStatus(int rootFd, MachineProcess &p)
{
    char path[64];
    std::snprintf(path, sizeof path, "%lld/status", static_cast<long long>(p.pid));
    const qsizetype length = ProcFiles::readAt(rootFd, path, m_buffer);
    if (length <= 0)
        return false;
    p.uid = ProcFiles::parseUid(QByteArrayView(m_buffer.constData(), length));
    return true;
}

// /proc/PID/io, refused for another user's process to a reader who may not
// ptrace it. False when the process ended meanwhile.
bool MachineScanner::readIo(int rootFd, MachineProcess &p, QString *reason)
{
    char path[64];
    std::snprintf(path, sizeof path, "%lld/io", static_cast<long long>(p.pid));
    const qsizetype length = ProcFiles::readAt(rootFd, path, m_buffer);
    const int error = errno;
    if (length >= 0)
        ProcReader::parseIo(QByteArrayView(m_buffer.constData(), length), m_stat);
    if (length >= 0 && m_stat.ioKnown) {
        p.ioReadBytes = m_stat.readBytes;
        p.ioWriteBytes = m_stat.writeBytes;
    } else {
        bool gone = false;
        if (length < 0 && (error == ENOENT || error == ESRCH)) {
            std::snprintf(path, sizeof path, "%lld/stat", static_cast<long long>(p.pid));
            gone = ::faccessat(rootFd, path, F_OK, 0) != 0;
            if (gone)
                return false;
        }
        p.ioReadBytes = p.ioWriteBytes = -1;
        *reason = tr("I/O counts: %1")
                     .arg(length < 0 ? ProcFiles::reason(error, p.uid, gone) : tr("not in this kernel's io file"));
    }
    return true;
}

// argv and exe: read once per process, since neither changes without an
// exec (which changes comm). False when the process ended meanwhile.
bool MachineScanner::readIdentity(int rootFd, Known &out)
{
    MachineProcess &p = out.process;
    char path[64];
    std::snprintf(path, sizeof path, "%lld/cmdline", static_cast<long long>(p.pid));
    const qsizetype length = ProcFiles::readAt(rootFd, path, m_buffer);
    if (length < 0 && vanished(errno))
        return false;
    m_argv.comm = out.comm;
    ProcReader::parseCmdline(QByteArrayView(m_buffer.constData(), std::max<qsizetype>(0, length)), m_argv);
    p.argv = m_argv.argvIsComm ? QStringList() : m_argv.argv;

    const QByteArray exePath = m_procRoot + '/' + QByteArray::number(p.pid) + "/exe";
    const QByteArray exe = ProcFiles::readLink(exePath.constData());
    const int error = errno;
    p.exe = QString::fromLocal8Bit(exe);
    out.identityReason.clear();
    if (exe.isNull() && (error == EACCES || error == EPERM))
        out.identityReason = tr("program path: %1").arg(ProcFiles::reason(error, p.uid));
    return true;
}
