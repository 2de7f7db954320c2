// Small helpers shared by the engine tests.
#pragma once

#include "jobrun.h"
#include "jobspec.h"
#include "traceprotocol.h"

#include <QSignalSpy>

#include <QDir>
#include <QFile>
#include <QList>
#include <QString>
#include <QStringList>

#include <csignal>
#include <sys/types.h>

namespace TestSupport {

inline QString helper()
{
    return QStringLiteral(SPAWNHELPER_PATH);
}

inline StageSpec helperStage(const QStringList &args)
{
    StageSpec stage;
    stage.program = helper();
    stage.args = args;
    return stage;
}

// A preset of copies × stages, each stage the helper with args.
inline Preset helperPreset(const QStringList &args, int copies = 1, int stages = 1)
{
    Preset preset;
    preset.id = QStringLiteral("test");
    preset.title = QStringLiteral("helper %1").arg(args.join(QLatin1Char(' ')));
    preset.copies = copies;
    for (int i = 0; i < stages; ++i)
        preset.stages << helperStage(args);
    return preset;
}

// Runs the event loop until the run is done. (QTest::qWaitFor sleeps between
// rounds, which would throttle fast children to a few pipe buffers per 10 ms.)
inline bool waitRun(JobRun *run, int ms = 30000)
{
    if (!run)
        return false;
    QSignalSpy spy(run, &JobRun::finished);
    return run->isDone() || spy.wait(ms);
}

inline JobSpec helperSpec(const QStringList &args)
{
    JobSpec spec;
    spec.stage.program = helper();
    spec.stage.args = args;
    return spec;
}

// Watched jobs run the tracer as spawnscope's hidden mode (the Core-only
// executable beside the window's); a test names the one the build made. Under ASan a traced child's exit-time leak check would
// ptrace-attach, which a traced process cannot allow, so children run without
// it (this process's own check was configured when it started).
inline void useSpawnscopeAsTracer()
{
    TraceProtocol::setTracerProgram(QStringLiteral(SPAWNSCOPE_PATH));
    const QByteArray asan = qgetenv("ASAN_OPTIONS");
    if (!asan.contains("detect_leaks=0"))
        qputenv("ASAN_OPTIONS", asan.isEmpty() ? QByteArray("detect_leaks=0") : asan + ":detect_leaks=0");
}

// The helper's flood pattern (see spawnhelper.cpp): 'a'..'z' repeated, with
// a newline every 64th byte, restarting every 64 KiB.
inline QByteArray floodBytes(qsizetype size)
{
    QByteArray chunk(64 * 1024, Qt::Uninitialized);
    for (qsizetype i = 0; i < chunk.size(); ++i)
        chunk[i] = (i % 64 == 63) ? '\n' : char('a' + i % 26);
    QByteArray all;
    while (all.size() < size)
        all += chunk;
    all.truncate(size);
    return all;
}

// True while pid names a live (non-zombie) process.
inline bool processAlive(qint64 pid)
{
    if (pid <= 0 || ::kill(pid_t(pid), 0) != 0)
        return false;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')');
    return close < 0 || line.mid(close + 2, 1) != "Z";
}

// The fields of /proc/<pid>/stat the tests look at.
struct ProcStat
{
    qint64 pid = 0;
    char state = '?'; // 'Z' for a zombie
    qint64 ppid = 0;
    qint64 pgrp = 0;
};

// Every process the test can see in /proc. The command name may hold spaces
// and parentheses, so the fields are read after the last ')'.
inline QList<ProcStat> allProcesses()
{
    QList<ProcStat> processes;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!file.open(QIODevice::ReadOnly))
            continue; // it exited meanwhile
        const QByteArray line = file.readAll();
        const qsizetype close = line.lastIndexOf(')');
        const QList<QByteArray> fields = line.mid(close + 2).split(' ');
        if (close < 0 || fields.size() < 3)
            continue;
        ProcStat stat;
        stat.pid = pid;
        stat.state = fields.at(0).isEmpty() ? '?' : fields.at(0).at(0);
        stat.ppid = fields.at(1).toLongLong();
        stat.pgrp = fields.at(2).toLongLong();
        processes << stat;
    }
    return processes;
}

// Live (non-zombie) members of process group pgrp.
inline QList<qint64> liveGroupMembers(qint64 pgrp)
{
    QList<qint64> members;
    for (const ProcStat &process : allProcesses()) {
        if (process.pgrp == pgrp && process.state != 'Z')
            members << process.pid;
    }
    return members;
}

// Children of ppid that exited and were never reaped.
inline QList<qint64> zombieChildren(qint64 ppid)
{
    QList<qint64> zombies;
    for (const ProcStat &process : allProcesses()) {
        if (process.ppid == ppid && process.state == 'Z')
            zombies << process.pid;
    }
    return zombies;
}

// The file descriptors this process has open right now.
inline int openDescriptorCount()
{
    // Listing the directory opens one more; it is counted every time alike.
    return int(QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot).size());
}

} // namespace TestSupport
