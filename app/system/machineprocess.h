// One process on the machine, as the Machine panel, --processes and a future
// remote agent see it: a plain value read from /proc by MachineScanner. Any
// field the kernel withheld keeps its "unknown" value (-1, empty) and the
// row is marked partial, with the reason, never filled with a fake 0.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QtGlobal>

struct MachineProcess
{
    qint64 pid = 0;
    qint64 ppid = 0;
    qint64 pgrp = 0;
    qint64 uid = -1; // real uid, from status; -1 when unreadable
    QString user; // the uid's login name, or the number when it has none
    QStringList argv; // empty for a kernel thread (see comm)
    QString comm; // the kernel's short name (15 bytes), always there
    QString exe; // readlink(/proc/PID/exe); empty when refused or none
    char state = '?'; // R, S, D, T, t, Z, I, ...
    // With the pid, names one process: a reused pid has a later start.
    qint64 startTicks = 0;
    qint64 startedAtEpochMs = 0;
    qint64 cpuUserMs = 0;
    qint64 cpuSysMs = 0;
    // Over the interval since the previous scan, in % of one core (may pass
    // 100 with several threads); -1 on the first scan of this process.
    double cpuPercent = -1;
    qint64 rssKb = -1; // -1: none (kernel thread, zombie) or unreadable
    int threads = 0;
    qint64 ioReadBytes = -1; // -1: refused (another user's process)
    qint64 ioWriteBytes = -1;
    bool kernelThread = false; // a child of kthreadd (pid 2), or pid 2 itself
    // Some files could not be read (another user's process); the reason
    // says which, for a tooltip.
    bool partial = false;
    QString partialReason;

    qint64 cpuMs() const { return cpuUserMs + cpuSysMs; }
    // Active as GNOME System Monitor means it: running, or used CPU in the
    // last interval.
    bool isActive() const { return state == 'R' || cpuPercent > 0.0; }
    // The command line for display: argv joined, or [comm] for a kernel
    // thread and a process whose argv is hidden.
    QString commandLine() const;
};
