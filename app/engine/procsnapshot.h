// What /proc says about one process at one moment: the raw facts ProcReader
// reads and ProcessSampler turns into rates and peaks. A plain value; every
// field that the kernel can withhold carries a flag instead of a fake 0, so a
// report can tell "used nothing" from "could not see".
#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>
#include <QtGlobal>

struct ProcSnapshot
{
    qint64 pid = 0;
    // False when the process does not exist: never did, was reaped, or
    // vanished between two of the files read for it. Then nothing else is set.
    bool present = false;
    bool isGone() const { return !present; }

    // From /proc/PID/stat.
    char state = '?'; // R, S, D, T, t, Z, X, I, ...
    QByteArray comm; // the name between the parentheses, at most 15 bytes, may hold ')' and spaces
    qint64 ppid = 0;
    qint64 pgrp = 0;
    qint64 session = 0;
    qint64 userMs = 0; // utime, converted from clock ticks (10 ms resolution at 100 Hz)
    qint64 systemMs = 0; // stime, likewise
    int threads = 0;
    // Clock ticks after boot at which the process started. With the pid it
    // names one process: a pid reused by a new process gets a later value.
    qint64 startTicks = 0;

    // The resident set, from stat's rss field (the same count as VmRSS in
    // status, which overrides it when read). Unknown for a zombie and a
    // kernel thread, which have no memory of their own.
    bool rssKnown = false;
    qint64 rssKb = 0;
    // VmHWM from /proc/PID/status: the peak resident set so far. Status is
    // the costliest file to generate; since the kernel keeps this peak for
    // us, reading it now and then loses nothing but how soon it shows.
    bool hwmKnown = false;
    qint64 hwmKb = 0;
    bool isZombie() const { return state == 'Z'; }

    // From /proc/PID/io: storage-layer bytes. The file is refused (EACCES)
    // for another user's process unless we may ptrace it.
    bool ioKnown = false;
    qint64 readBytes = 0;
    qint64 writeBytes = 0;

    // From /proc/PID/cmdline. Kernel threads and zombies have none; then
    // argv is {comm} and argvIsComm is set, so a view can bracket it.
    QStringList argv;
    bool argvIsComm = false;

    // From /proc/PID/task/*/children, the union over all threads (a child
    // is listed under the thread that forked it). Zombies are still listed.
    QList<qint64> children;

    qint64 cpuMs() const { return userMs + systemMs; }
};
