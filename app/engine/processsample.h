// One process as ProcessSampler last saw it: the raw /proc facts plus what
// only a series of reads can tell (CPU %, peaks, first and last seen, ended).
// A plain value, emitted in batches, so models and reports copy it freely.
//
// All of it is sampled: a process that lives between two ticks is never
// seen, and peaks are the largest values read, not the largest there were
// (but peakRssKb includes VmHWM, the kernel's own high-water mark).
#pragma once

#include <QStringList>
#include <QtGlobal>

struct ProcessSample
{
    qint64 pid = 0;
    qint64 ppid = 0; // changes to 1 (or a subreaper) when the parent ends first
    qint64 pgrp = 0;
    qint64 session = 0;
    // With pid, the process's identity (see ProcSnapshot::startTicks).
    qint64 startTicks = 0;
    QStringList argv; // read again when the command name changes (exec)
    bool argvIsComm = false; // no command line (kernel thread, zombie): argv is {comm}
    char state = '?'; // the last state read: R, S, D, T, Z, ...

    // Gone: exited and reaped, or its pid now names another process. Then
    // the current values (cpuKnown, rssKnown) are cleared; totals and peaks
    // stay as last seen.
    bool ended = false;
    // In a process group other than the root's first one (setsid, setpgid):
    // a group signal to the job no longer reaches it.
    bool leftGroup = false;

    // Milliseconds on the sampler's clock (ProcessSampler::nowMs()). Between
    // lastSeenMs and the next tick is when an ended process ended.
    double firstSeenMs = -1; // -1: never read (a root that was gone when added)
    double lastSeenMs = -1;

    // CPU time used so far (utime, stime; 10 ms resolution).
    qint64 userMs = 0;
    qint64 systemMs = 0;
    qint64 cpuMs() const { return userMs + systemMs; }
    // Over the time since the previous read, as htop shows it: 100 = one
    // core busy. Unknown at the first read of a process.
    bool cpuKnown = false;
    double cpuPercent = 0;

    bool rssKnown = false; // false for a zombie and after the end
    qint64 rssKb = 0;
    qint64 peakRssKb = 0; // the largest VmHWM (read every few ticks) or resident set read

    int threads = 0;
    int maxThreads = 0;

    // Bytes fetched from and sent to storage (not pipes or sockets). Unknown
    // when the kernel refuses /proc/PID/io (another user's process).
    bool ioKnown = false;
    qint64 readBytes = 0;
    qint64 writeBytes = 0;
};
