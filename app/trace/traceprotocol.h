// The tracer's protocol, in one place: how the engine starts a trace worker
// (the hidden option and its arguments) and the events the worker writes, one
// JSON object per line, and parses back. The worker (Tracer) and every reader
// (ProcessFamily, the engine) go through here, so the two sides cannot drift.
//
// Version 1. Every line is one compact JSON object with "ev" naming the event;
// "ms" is milliseconds since the tracer forked the program (monotonic clock,
// fractional). Unknown keys are ignored, so fields can be added without a new
// version; a change of meaning bumps "v".
//
//   {"ev":"hello","v":1,"tracer":PID}            first line, always
//   {"ev":"spawn","ms":..,"pid":P,"ppid":Q,"how":"root|fork|vfork|clone","fds":[FD0,FD1,FD2]}
//   {"ev":"exec","ms":..,"pid":P,"argv":[..],"exe":PATH,"fds":[FD0,FD1,FD2]}
//        with "setuid":true when the file is set-user-ID or set-group-ID (the
//        kernel runs it without those privileges while it is traced)
//   {"ev":"thread","ms":..,"pid":P,"tid":T}       a thread (CLONE_THREAD) of P started
//   {"ev":"exit","ms":..,"pid":P,"code":N}        or "signal":N instead of "code";
//        with "cpuUserMs","cpuSysMs" (the process's own, every thread, from wait4,
//        to the microsecond; children it reaped are not in it) and "peakRssKb"
//        (VmHWM at the exit stop), and
//        "fds" for a process that never exec'd (a forked subshell): its
//        descriptors then, after any dup2 since its fork
//   {"ev":"refused","reason":TEXT}               ptrace was refused; the program runs
//        unwatched (no spawn, exec or exit events follow; sample /proc for the family)
//   {"ev":"detach","ms":..}                       an attached watch let go (Stop, its
//        duration, or the attached program's end): members with no exit
//        were still running, and run on untraced
//   {"ev":"end","ms":..}                          every traced process is gone (after
//        "refused": the program has ended; after "detach": the watch ended);
//        with "lost":N when N events did not fit while the reader was behind,
//        and "cpuUserMs","cpuSysMs": the tracer's own time (not the program's)
//
// Attached to a running program (--trace-attach), the program and the
// descendants it already had come first as spawn events with how "attach",
// each followed by an exec event with its argv at that moment.
//
// FDn is what readlink(/proc/P/fd/n) said: "pipe:[INODE]", "/dev/pts/3",
// "/dev/null", a path, "socket:[INODE]", or "" when the fd is closed.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

class TraceProtocol
{
public:
    static constexpr int Version = 1;
    // The hidden option (without "--") that turns spawnscope into a tracer:
    // spawnscope --trace-worker --trace-out PATH -- PROGRAM ARGS...
    // PATH is "fd:N" for a descriptor the tracer inherited (the app's pipe:
    // no file ever appears), or a file (tests and the benchmark).
    static constexpr char WorkerOption[] = "trace-worker";
    static constexpr char OutOption[] = "trace-out";
    // Instead of a program: attach to this running pid and its descendants
    // (spawnscope --trace-worker --trace-out PATH --trace-attach PID), and
    // detach after --trace-detach-after MS if given.
    static constexpr char AttachOption[] = "trace-attach";
    static constexpr char DetachAfterOption[] = "trace-detach-after";
    // The exit code of a tracer that could not attach (the reason is in
    // its refused event and on stderr), as --attach's refusal.
    static constexpr int AttachRefusedExit = 2;
    // Tests set this to a reason to make the tracer act as if PTRACE_SEIZE had
    // been refused with that reason (a real refusal needs a locked-down kernel).
    static constexpr char RefuseEnv[] = "SPAWNSCOPE_TRACE_REFUSE";
    // What the tracer keeps for a reader that has fallen behind (the pipe's
    // own buffer comes first); events past it are counted as lost.
    static constexpr qsizetype TracerBufferBytes = 4 * 1024 * 1024;
    // Tests set this to a smaller bound (in bytes) to see events lost
    // without forking a hundred thousand processes; a larger one is ignored.
    static constexpr char BufferEnv[] = "SPAWNSCOPE_TRACE_BUFFER";
    // The pipe's size the engine asks for (the kernel's limit for a user is
    // /proc/sys/fs/pipe-max-size, 1 MiB by default).
    static constexpr int PipeBytes = 1024 * 1024;

    struct Event
    {
        enum class Kind { Hello, Spawn, Exec, Thread, Exit, Refused, End, Detach };
        Kind kind = Kind::Hello;
        int version = Version; // hello
        double ms = 0;
        qint64 pid = 0;
        qint64 ppid = 0;   // spawn
        qint64 tid = 0;    // thread
        QString how;       // spawn: root, attach, fork, vfork or clone
        QStringList argv;  // exec
        QString exe;       // exec
        bool setuid = false; // exec: the file is set-user-ID or set-group-ID
        QStringList fds;   // spawn, exec: fds 0, 1, 2; exit: those of a process that never exec'd
        int exitCode = -1; // exit, when it exited
        int signal = 0;    // exit, when a signal killed it
        double cpuUserMs = -1; // exit, and end for the tracer's own: -1 when unknown
        double cpuSysMs = -1;
        qint64 peakRssKb = -1;
        QString reason; // refused
        qint64 lost = 0; // end: events the tracer could not pass on
    };

    // Where the tracer is: the Core-only spawnscope (CoreProgram::path),
    // unless the program that links the engine is not spawnscope (a test, the
    // benchmark) and names it with setTracerProgram(). Never read from the
    // environment: what a released binary runs is not anyone else's to change.
    static QString tracerProgram();
    static void setTracerProgram(const QString &path);

    // The worker's argv after the program: write events to outPath, run program.
    static QStringList workerArguments(const QString &outPath, const QString &program, const QStringList &args);
    // The worker's argv to attach to pid; detachAfterMs <= 0: until the
    // program ends or the worker is asked to stop (SIGTERM, SIGINT, SIGHUP).
    static QStringList attachArguments(const QString &outPath, qint64 pid, qint64 detachAfterMs);
    // "fd:N", the --trace-out value for an inherited descriptor, and back
    // (-1 when outPath names a file instead).
    static QString descriptorPath(int fd);
    static int inheritedDescriptor(const QString &outPath);

    // One event as one line, with the final '\n'.
    static QByteArray format(const Event &event);
    // Reads one line (with or without '\n'). False, and *out untouched, for
    // anything that is not a well-formed event: garbage never crashes. Every
    // number goes through JsonNumber; *error (if given) names the field that
    // was refused and why.
    static bool parse(const QByteArray &line, Event *out, QString *error = nullptr);

    static QString kindKey(Event::Kind kind);
};
