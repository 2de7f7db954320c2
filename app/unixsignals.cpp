#include "unixsignals.h"

#include <csignal>

namespace {

struct SignalInfo {
    int number;
    const char *name;
    const char *description;
};

// Written out rather than taken from sigabbrev_np() so the names are stable
// across libcs and carry the wording the UI uses.
constexpr SignalInfo kSignals[] = {
    {SIGHUP, "SIGHUP", "hang-up: its terminal or controlling process went away"},
    {SIGINT, "SIGINT", "interrupt, as from Ctrl+C"},
    {SIGQUIT, "SIGQUIT", "quit request, with a core dump"},
    {SIGILL, "SIGILL", "illegal instruction"},
    {SIGTRAP, "SIGTRAP", "trace or breakpoint trap"},
    {SIGABRT, "SIGABRT", "abort: the program gave up on itself"},
    {SIGBUS, "SIGBUS", "bus error: bad memory access"},
    {SIGFPE, "SIGFPE", "arithmetic error, such as division by zero"},
    {SIGKILL, "SIGKILL", "kill: cannot be caught or ignored"},
    {SIGUSR1, "SIGUSR1", "user-defined signal 1"},
    {SIGSEGV, "SIGSEGV", "segmentation fault: invalid memory access"},
    {SIGUSR2, "SIGUSR2", "user-defined signal 2"},
    {SIGPIPE, "SIGPIPE", "broken pipe: it wrote to a pipe nobody reads any more"},
    {SIGALRM, "SIGALRM", "alarm clock"},
    {SIGTERM, "SIGTERM", "termination request: the polite way to stop a process"},
    {SIGCHLD, "SIGCHLD", "child status changed"},
    {SIGCONT, "SIGCONT", "continue after a stop"},
    {SIGSTOP, "SIGSTOP", "stop: pauses the process, cannot be caught"},
    {SIGTSTP, "SIGTSTP", "terminal stop, as from Ctrl+Z"},
    {SIGTTIN, "SIGTTIN", "background read from the terminal"},
    {SIGTTOU, "SIGTTOU", "background write to the terminal"},
    {SIGURG, "SIGURG", "urgent data on a socket"},
    {SIGXCPU, "SIGXCPU", "CPU time limit exceeded"},
    {SIGXFSZ, "SIGXFSZ", "file size limit exceeded"},
    {SIGVTALRM, "SIGVTALRM", "virtual timer expired"},
    {SIGPROF, "SIGPROF", "profiling timer expired"},
    {SIGWINCH, "SIGWINCH", "window size changed"},
    {SIGIO, "SIGIO", "I/O possible"},
    {SIGSYS, "SIGSYS", "bad system call"},
};

const SignalInfo *find(int signal)
{
    for (const SignalInfo &info : kSignals) {
        if (info.number == signal)
            return &info;
    }
    return nullptr;
}

} // namespace

QString UnixSignals::name(int signal)
{
    if (const SignalInfo *info = find(signal))
        return QString::fromLatin1(info->name);
#ifdef SIGRTMIN
    if (signal >= SIGRTMIN && signal <= SIGRTMAX)
        return QStringLiteral("SIGRTMIN+%1").arg(signal - SIGRTMIN);
#endif
    return QStringLiteral("SIG%1").arg(signal);
}

QString UnixSignals::description(int signal)
{
    if (const SignalInfo *info = find(signal))
        return QString::fromLatin1(info->description);
    return QStringLiteral("signal %1").arg(signal);
}
