#include "unixsignals.h"

#include <QCoreApplication>

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
    {SIGHUP, "SIGHUP", QT_TRANSLATE_NOOP("UnixSignals", "hang-up: its terminal or controlling process went away")},
    {SIGINT, "SIGINT", QT_TRANSLATE_NOOP("UnixSignals", "interrupt, as from Ctrl+C")},
    {SIGQUIT, "SIGQUIT", QT_TRANSLATE_NOOP("UnixSignals", "quit request, with a core dump")},
    {SIGILL, "SIGILL", QT_TRANSLATE_NOOP("UnixSignals", "illegal instruction")},
    {SIGTRAP, "SIGTRAP", QT_TRANSLATE_NOOP("UnixSignals", "trace or breakpoint trap")},
    {SIGABRT, "SIGABRT", QT_TRANSLATE_NOOP("UnixSignals", "abort: the program gave up on itself")},
    {SIGBUS, "SIGBUS", QT_TRANSLATE_NOOP("UnixSignals", "bus error: bad memory access")},
    {SIGFPE, "SIGFPE", QT_TRANSLATE_NOOP("UnixSignals", "arithmetic error, such as division by zero")},
    {SIGKILL, "SIGKILL", QT_TRANSLATE_NOOP("UnixSignals", "kill: cannot be caught or ignored")},
    {SIGUSR1, "SIGUSR1", QT_TRANSLATE_NOOP("UnixSignals", "user-defined signal 1")},
    {SIGSEGV, "SIGSEGV", QT_TRANSLATE_NOOP("UnixSignals", "segmentation fault: invalid memory access")},
    {SIGUSR2, "SIGUSR2", QT_TRANSLATE_NOOP("UnixSignals", "user-defined signal 2")},
    {SIGPIPE, "SIGPIPE", QT_TRANSLATE_NOOP("UnixSignals", "broken pipe: it wrote to a pipe nobody reads any more")},
    {SIGALRM, "SIGALRM", QT_TRANSLATE_NOOP("UnixSignals", "alarm clock")},
    {SIGTERM, "SIGTERM", QT_TRANSLATE_NOOP("UnixSignals", "termination request: the polite way to stop a process")},
    {SIGCHLD, "SIGCHLD", QT_TRANSLATE_NOOP("UnixSignals", "child status changed")},
    {SIGCONT, "SIGCONT", QT_TRANSLATE_NOOP("UnixSignals", "continue after a stop")},
    {SIGSTOP, "SIGSTOP", QT_TRANSLATE_NOOP("UnixSignals", "stop: pauses the process, cannot be caught")},
    {SIGTSTP, "SIGTSTP", QT_TRANSLATE_NOOP("UnixSignals", "terminal stop, as from Ctrl+Z")},
    {SIGTTIN, "SIGTTIN", QT_TRANSLATE_NOOP("UnixSignals", "background read from the terminal")},
    {SIGTTOU, "SIGTTOU", QT_TRANSLATE_NOOP("UnixSignals", "background write to the terminal")},
    {SIGURG, "SIGURG", QT_TRANSLATE_NOOP("UnixSignals", "urgent data on a socket")},
    {SIGXCPU, "SIGXCPU", QT_TRANSLATE_NOOP("UnixSignals", "CPU time limit exceeded")},
    {SIGXFSZ, "SIGXFSZ", QT_TRANSLATE_NOOP("UnixSignals", "file size limit exceeded")},
    {SIGVTALRM, "SIGVTALRM", QT_TRANSLATE_NOOP("UnixSignals", "virtual timer expired")},
    {SIGPROF, "SIGPROF", QT_TRANSLATE_NOOP("UnixSignals", "profiling timer expired")},
    {SIGWINCH, "SIGWINCH", QT_TRANSLATE_NOOP("UnixSignals", "window size changed")},
    {SIGIO, "SIGIO", QT_TRANSLATE_NOOP("UnixSignals", "I/O possible")},
    {SIGSYS, "SIGSYS", QT_TRANSLATE_NOOP("UnixSignals", "bad system call")},
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
        return QCoreApplication::translate("UnixSignals", info->description);
    return QCoreApplication::translate("UnixSignals", "signal %1").arg(signal);
}
