// The ptrace tracer behind "watch a program's whole process family": it runs
// the program and reports, exactly and in order, every process the program
// and its descendants create (fork, vfork, clone as a process), every exec
// with its argv, every thread started (counted, not listed), and every exit
// with its code or signal, CPU time and peak RSS, as TraceProtocol lines.
//
// It runs only as the hidden --trace-worker mode of spawnscope,
// started by the engine like any job, because it must waitpid(-1) on
// processes that are not its own children: in the app that would steal
// QProcess's exit statuses. The program's stdin, stdout and stderr are the
// tracer's own, so they pass through unchanged; events go to a separate file.
//
// If ptrace is refused (a container's seccomp profile, yama ptrace_scope 3,
// or the tracer itself being traced), the tracer writes one "refused" event
// and runs the program anyway, unwatched, as its plain parent: the app's /proc
// sampling of the tracer's descendants then shows the family, and the event
// tells the reader it was sampled, not traced. The job ends when the program ends; orphans
// still alive then are left to the job's process group (Stop and timeouts
// signal it), as they would be without a tracer.
//
// Either way the tracer is the family's child subreaper, so orphans (a
// daemon's double fork) re-parent to it rather than to init. Traced, it ends
// once the last traced process is gone, orphans included; an orphan it did
// not trace (CLONE_UNTRACED) is reaped if it ends first, and does not hold it.
#pragma once

#include <QString>
#include <QStringList>

class Tracer
{
public:
    // Runs program (argv[0] searched on PATH) under ptrace, writes events to
    // outPath, and returns what the worker should exit with: the program's
    // exit code, 128 + signal when a signal killed it (after which the caller
    // should call reraise), traced or not, or 127 when outPath cannot be
    // opened or the program cannot be forked.
    static int run(const QStringList &program, const QString &outPath, int *rootSignal);
    // Attaches to a running process and its existing descendants (every
    // thread of each) and reports them as run() does, the ones already
    // there as "attach" spawns. Lets go of the family, leaving it running,
    // when pid ends, after detachAfterMs (> 0), or on SIGTERM, SIGINT or
    // SIGHUP. Returns pid's own outcome as run() does if it ended while
    // watched, 0 if the watch was let go first, and
    // TraceProtocol::AttachRefusedExit (with a refused event) when
    // attaching was refused.
    static int attach(qint64 pid, const QString &outPath, qint64 detachAfterMs, int *rootSignal);
    // Dies of signal as the program did, so the engine sees the same outcome.
    [[noreturn]] static void reraise(int signal);
};
