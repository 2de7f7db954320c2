// Reads one process's /proc files into a ProcSnapshot, the way htop and
// libksysguard do: stat, status, io, cmdline and task/*/children. Built for
// sampling many processes often: plain open/read/close (or a pread of a kept
// descriptor) into a per-thread buffer that is reused, hand-written number parsing, and no allocation for a
// process whose argv is not asked for. Linux only.
//
// The parse functions take a file's text, so tests and fuzzers can feed them
// what the kernel would, including command names like "a) (b".
#pragma once

#include "procsnapshot.h"

#include <QByteArray>
#include <QByteArrayView>

class ProcFileCache;

namespace ProcReader {

// Which files read() opens. Stat is always read: without it there is no
// pid, state or start time to hang the rest on.
enum Part : unsigned {
    Stat = 0x01,
    Status = 0x02, // VmHWM (and VmRSS, which stat has too)
    Io = 0x04, // read_bytes, write_bytes
    Cmdline = 0x08, // argv; the costliest to keep, so a sampler asks only when it changed
    Children = 0x10, // one file per thread when there are several
    Everything = 0x1f,
};

// Reads pid into out, reusing out's lists. Returns out.present: false when
// the process is gone (stat, status or cmdline missing, or emptied while
// read), true otherwise. A refused or missing io file leaves ioKnown false;
// a missing children file (a kernel without CONFIG_PROC_CHILDREN) leaves
// children empty. procRoot is a directory laid out like /proc (tests build
// fake ones); empty means "/proc".
bool read(qint64 pid, unsigned parts, ProcSnapshot &out, const QByteArray &procRoot = QByteArray());
// The same, with stat and children read through cache (kept open between
// calls; see ProcFileCache), unless cache is null.
bool read(qint64 pid, unsigned parts, ProcSnapshot &out, const QByteArray &procRoot, ProcFileCache *cache);
ProcSnapshot read(qint64 pid, unsigned parts = Everything);

// Parsers of one file's text each. parseStat() reads the comm from the first
// '(' to the LAST ')', since the name itself may hold both; it returns false
// for text that is not a stat line, and then leaves out unchanged.
bool parseStat(QByteArrayView text, ProcSnapshot &out);
// Sets rssKnown when a VmRSS line is there (not for a zombie or a kernel
// thread), hwmKnown when a VmHWM line is.
void parseStatus(QByteArrayView text, ProcSnapshot &out);
// Sets ioKnown when both byte counts are there.
void parseIo(QByteArrayView text, ProcSnapshot &out);
// Splits on NUL (keeping empty arguments); empty text falls back to {comm}.
// Needs out.comm, so parse stat first.
void parseCmdline(QByteArrayView text, ProcSnapshot &out);
// Appends the space-separated pids of one children file.
void appendChildren(QByteArrayView text, QList<qint64> &out);

// Clock ticks (sysconf(_SC_CLK_TCK), usually 100 a second) to milliseconds.
qint64 ticksToMs(qint64 ticks);

} // namespace ProcReader
