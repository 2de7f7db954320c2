// Measures MachineLoad over one lab mode: a snapshot of /proc/stat's CPU
// times and of SpawnScope's own CPU time at the start, another at the end.
// What the machine was busy with, less what SpawnScope itself used, is what
// others used. Linux only; anywhere /proc/stat cannot be read the load is
// simply not known.
//
// The parsing and the arithmetic are pure functions of snapshots, so tests
// feed them fabricated /proc/stat texts.
#pragma once

#include "machineload.h"

#include <QByteArrayView>
#include <QString>

class BusyMeter
{
public:
    struct Snapshot
    {
        bool valid = false; // /proc/stat was read and understood
        int cores = 0; // "cpuN" lines
        quint64 busyTicks = 0; // every CPU's user, nice, system, irq, softirq and steal
        quint64 totalTicks = 0; // those plus idle and iowait
        double ownCpuMs = 0; // this process and the children it has reaped (the Processes mode's workers)
        double wallMs = 0; // a monotonic clock
    };

    // /proc/stat counts in clock ticks (10 ms): a shorter run is mostly rounding.
    static constexpr double MinWallMs = 200;

    // The CPU lines of /proc/stat's text; valid stays false for anything else.
    // Guest time is already inside user and nice, so it is not added again.
    static Snapshot parseProcStat(QByteArrayView text);
    // Reads procStatPath and this process's clocks now.
    static Snapshot take(const QString &procStatPath = QStringLiteral("/proc/stat"));
    // Others' cores = the machine's busy share × cores − own CPU time / wall time.
    static MachineLoad between(const Snapshot &start, const Snapshot &end);

    explicit BusyMeter(const QString &procStatPath = QStringLiteral("/proc/stat"))
        : m_path(procStatPath)
    {
    }
    void start() { m_start = take(m_path); }
    MachineLoad finish() const { return between(m_start, take(m_path)); }

private:
    QString m_path;
    Snapshot m_start;
};
