#include "terminalinput.h"

#include "enginelog.h"

#include <QSocketNotifier>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

TerminalInput::TerminalInput(QObject *parent)
    : QObject(parent)
{
}

TerminalInput::~TerminalInput()
{
    close();
}

bool TerminalInput::open(int *master, int *slave)
{
    // posix_openpt rather than openpty(): no libutil to link. Every end is
    // close-on-exec, so no other child inherits them (the child gets its
    // copies through dup2 in the modifier).
    const int masterFd = ::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (masterFd < 0)
        return false;
    char name[128];
    int slaveFd = -1;
    if (::grantpt(masterFd) == 0 && ::unlockpt(masterFd) == 0 && ::ptsname_r(masterFd, name, sizeof name) == 0)
        slaveFd = ::open(name, O_RDWR | O_NOCTTY | O_CLOEXEC);
    const int input = slaveFd >= 0 ? ::fcntl(masterFd, F_DUPFD_CLOEXEC, 3) : -1;
    if (input < 0) {
        const int savedErrno = errno;
        if (slaveFd >= 0)
            ::close(slaveFd);
        ::close(masterFd);
        errno = savedErrno;
        return false;
    }
    ::fcntl(masterFd, F_SETFD, FD_CLOEXEC); // in case the C library ignored O_CLOEXEC
    // A window size programs can lay out for (ls columns, progress bars);
    // a new terminal reports 0x0.
    const winsize size{40, 120, 0, 0};
    if (::ioctl(masterFd, TIOCSWINSZ, &size) != 0)
        qCWarning(lcEngine, "ioctl(TIOCSWINSZ) on a pseudo-terminal failed: %s", std::strerror(errno));
    // Non-blocking for the output's reading and for typed input (both fds
    // share the open file's status flags).
    ::fcntl(masterFd, F_SETFL, ::fcntl(masterFd, F_GETFL) | O_NONBLOCK);
    close();
    m_fd = input;
    *master = masterFd;
    *slave = slaveFd;
    return true;
}

void TerminalInput::type(const QByteArray &bytes)
{
    m_pending += bytes;
    flush();
}

void TerminalInput::typeEndOfInput()
{
    termios settings;
    type(QByteArray(1, m_fd >= 0 && ::tcgetattr(m_fd, &settings) == 0 ? char(settings.c_cc[VEOF]) : '\x04'));
}

void TerminalInput::flush()
{
    while (m_fd >= 0 && !m_pending.isEmpty()) {
        const ssize_t n = ::write(m_fd, m_pending.constData(), size_t(m_pending.size()));
        if (n > 0) {
            m_pending.remove(0, n);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            // The terminal's input queue is full (the child is not reading):
            // the rest goes when it has room, without blocking the app.
            if (!m_writable) {
                m_writable = new QSocketNotifier(qintptr(m_fd), QSocketNotifier::Write, this);
                connect(m_writable, &QSocketNotifier::activated, this, &TerminalInput::flush);
            }
            m_writable->setEnabled(true);
            return;
        }
        qCWarning(lcEngine, "writing to a job's pseudo-terminal failed: %s", std::strerror(errno));
        m_pending.clear();
    }
    if (m_writable)
        m_writable->setEnabled(false);
}

void TerminalInput::close()
{
    delete m_writable;
    m_writable = nullptr;
    m_pending.clear();
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}
