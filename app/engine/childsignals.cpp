#include "childsignals.h"

#include "enginelog.h"
#include "unixsignals.h"

#include <QProcess>

#include <cerrno>
#include <csignal>
#include <cstring>

ChildSignals::ChildSignals(const QProcess *process, long long attachPid)
    : m_process(process)
    , m_attachPid(attachPid)
{
}

bool ChildSignals::alive() const
{
    return m_pid > 0 && m_process->state() != QProcess::NotRunning;
}

bool ChildSignals::group(int signal) const
{
    if (!alive())
        return false;
    if (::kill(-pid_t(m_pid), signal) == 0)
        return true;
    const int groupError = errno;
    // The child may have left its group (setsid); reach it directly.
    if (::kill(pid_t(m_pid), signal) == 0)
        return true;
    qCWarning(lcEngine, "kill(%d, %s) failed: %s; kill(-%d) failed: %s", int(m_pid),
              qPrintable(UnixSignals::name(signal)), std::strerror(errno), int(m_pid), std::strerror(groupError));
    return false;
}

bool ChildSignals::program(int signal) const
{
    if (m_attachPid <= 0)
        return group(signal);
    // Attached: Pause, Resume and Send signal are for the program alone (its
    // group may hold the terminal's shell), and the tracer passes them on;
    // Stop and Kill end the watch instead (the tracer's group). While the
    // tracer runs, the program it traces cannot have been reaped.
    return alive() && ::kill(pid_t(m_attachPid), signal) == 0;
}

bool ChildSignals::child(int signal) const
{
    if (!alive())
        return false;
    if (::kill(pid_t(m_pid), signal) == 0)
        return true;
    qCWarning(lcEngine, "kill(%d, %s) failed: %s", int(m_pid), qPrintable(UnixSignals::name(signal)),
              std::strerror(errno));
    return false;
}
