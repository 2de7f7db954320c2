#include "childsetup.h"

#include "openfilelimit.h"
#include "stagespec.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#include <sys/syscall.h>
#endif

#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif

namespace {

// Runs in the child between fork and exec, so async-signal-safe calls only;
// Qt 6.4 even runs it vfork-style, in the app's own memory, so it writes to
// nothing but its stack (errno is put back). Every descriptor above stderr
// the app happens to hold (files, sockets, other children's pipes) is marked
// close-on-exec rather than closed: QProcess reports a failed exec through a
// close-on-exec pipe of its own, which must stay open until the exec.
void markInheritedDescriptorsCloseOnExec()
{
    const int savedErrno = errno;
#ifdef SYS_close_range
    // Linux 5.11+; older kernels answer ENOSYS or EINVAL and take the loop.
    if (::syscall(SYS_close_range, 3U, ~0U, CLOSE_RANGE_CLOEXEC) == 0) {
        errno = savedErrno;
        return;
    }
#endif
    int limit = 65536;
    rlimit fds;
    if (::getrlimit(RLIMIT_NOFILE, &fds) == 0 && fds.rlim_cur != RLIM_INFINITY && fds.rlim_cur < rlim_t(limit))
        limit = int(fds.rlim_cur);
    for (int fd = 3; fd < limit; ++fd)
        ::fcntl(fd, F_SETFD, FD_CLOEXEC);
    errno = savedErrno;
}

// Processes the user owns now: RLIMIT_NPROC counts all of them, so a brake
// of N more is the current count plus N.
rlim_t userProcessCount()
{
    const uid_t uid = ::getuid();
    rlim_t count = 0;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        if (entry.front().isDigit() && QFileInfo(QStringLiteral("/proc/") + entry).ownerId() == uid)
            ++count;
    }
    return count;
}

} // namespace

void ChildSetup::prepare(QProcess *process, const StageSpec &stage)
{
    process->setProgram(stage.program);
    process->setArguments(stage.args);
    if (!stage.cwd.isEmpty())
        process->setWorkingDirectory(stage.cwd);
    if (!stage.env.isEmpty()) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const EnvVar &var : stage.env)
            env.insert(var.name, var.value);
        process->setProcessEnvironment(env);
    }
}

int ChildSetup::sharedNullDevice()
{
    static const int fd = ::open("/dev/null", O_RDWR | O_CLOEXEC);
    return fd;
}

void ChildSetup::install(QProcess *process, const Descriptors &fds, int maxMoreProcesses)
{
    const rlim_t processLimit = maxMoreProcesses > 0 ? userProcessCount() + rlim_t(maxMoreProcesses) : 0;
    const int stdinFd = fds.stdinFd;
    const int stdoutFd = fds.stdoutFd;
    const int stderrFd = fds.stderrFd;
    const int terminalFd = fds.terminalFd;
    const int eventsFd = fds.eventsFd;
    // Runs in the child between fork and exec (in Qt 6.4, vfork-style, in the
    // app's own memory): system calls only, errno restored.
    // Its own process group lets Stop and timeouts reach grandchildren too.
    // PDEATHSIG kills the child if the app itself is killed outright.
    // The child inherits stdin, stdout and stderr and no other descriptor;
    // stdout and stderr become the write ends of the app's own pipes, and
    // stdin, when the job feeds none, the app's /dev/null (dup2 clears
    // close-on-exec on the copy; the originals close at exec). A tracer
    // also keeps the write end of its events pipe, under its own number.
    // In terminal mode the child starts a session instead (setsid), so the
    // terminal can become its controlling tty (TIOCSCTTY works only for a
    // session leader without one); a session leader also leads its own
    // process group, so group signals reach it as before. The terminal's
    // slave side, opened by the app, becomes all three of stdin, stdout and
    // stderr.
    const pid_t app = ::getpid();
    // The app raised its own open-files limit (OpenFileLimit); the child
    // gets the one the app was started with.
    const rlimit files = OpenFileLimit::original();
    process->setChildProcessModifier([app, processLimit, files, stdinFd, stdoutFd, stderrFd, terminalFd, eventsFd] {
        if (terminalFd >= 0) {
            ::setsid();
            ::ioctl(terminalFd, TIOCSCTTY, 0);
            ::dup2(terminalFd, STDIN_FILENO);
            ::dup2(terminalFd, STDOUT_FILENO);
            ::dup2(terminalFd, STDERR_FILENO);
        } else {
            if (stdinFd >= 0)
                ::dup2(stdinFd, STDIN_FILENO);
            if (stdoutFd >= 0)
                ::dup2(stdoutFd, STDOUT_FILENO);
            if (stderrFd >= 0)
                ::dup2(stderrFd, STDERR_FILENO);
        }
        markInheritedDescriptorsCloseOnExec();
        if (eventsFd >= 0)
            ::fcntl(eventsFd, F_SETFD, 0);
        if (terminalFd < 0)
            ::setpgid(0, 0);
        if (files.rlim_cur != RLIM_INFINITY)
            ::setrlimit(RLIMIT_NOFILE, &files);
        if (processLimit > 0) {
            const rlimit limit{processLimit, processLimit};
            if (::setrlimit(RLIMIT_NPROC, &limit) != 0) {
                // No Qt logging between fork and exec: a plain write is all
                // that is async-signal-safe, and it lands in the job's stderr.
                static const char message[] = "spawnscope: setrlimit(RLIMIT_NPROC) failed; the fork-bomb brake is off\n";
                [[maybe_unused]] const ssize_t written = ::write(STDERR_FILENO, message, sizeof message - 1);
            }
        }
#ifdef __linux__
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != app)
            ::_exit(127); // the app died before prctl took effect
#endif
    });
}
