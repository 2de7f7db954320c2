#include "jobprocess.h"

#include "childusage.h"
#include "enginelog.h"
#include "openfilelimit.h"
#include "outputdir.h"
#include "outputpoller.h"
#include "outputreader.h"
#include "procreader.h"
#include "rootsample.h"
#include "unixsignals.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QTimer>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <limits>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <termios.h>
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

// Past this much output a stream's pipe is widened to WidePipeBytes and read
// by a thread of its own (OutputReader).
constexpr qint64 HeavyWriterBytes = 1024 * 1024;
constexpr qint64 WidePipeBytes = 1024 * 1024;
constexpr qint64 FinalDrainBytes = 4 * WidePipeBytes;
// How often a reader thread's count and tail are copied into the job's: as
// often as the table model shows a change.
constexpr int ReaderTakeMs = 50;

// A fan-out starts the same program many times in a row: a check that
// passed is trusted for this long, so a thousand copies pay for one. (Only
// successes are kept; if the file changes meanwhile, exec itself fails and
// QProcess reports it.)
constexpr qint64 PreflightCacheMs = 1000;

struct PassedPreflight
{
    QString resolved;
    qint64 atMs;
};

// The app's /dev/null, opened once: a child without stdin gets a copy
// (dup2 in the child) instead of QProcess opening the file for every child.
int sharedNullDevice()
{
    static const int fd = ::open("/dev/null", O_RDWR | O_CLOEXEC);
    return fd;
}

// A child that writes HeavyWriterBytes writes fast: a pipe of WidePipeBytes
// instead of 64 KiB lets it run on while the app is busy, and the app reads
// the lot in one go, with a fraction of the wake-ups (on Linux the kernel may
// refuse for an unprivileged user over its pipe quota; then the pipe just
// stays as it was).
void widen(int fd, bool *widened)
{
#ifdef F_SETPIPE_SZ
    if (*widened || fd < 0)
        return;
    *widened = true;
    ::fcntl(fd, F_SETPIPE_SZ, int(WidePipeBytes));
#else
    Q_UNUSED(fd);
    Q_UNUSED(widened);
#endif
}

int toMs(double seconds)
{
    return int(std::max(0.0, seconds * 1000.0) + 0.5);
}

} // namespace

JobProcess::JobProcess(const JobSpec &spec, const QElapsedTimer *clock, QObject *parent)
    : QObject(parent)
    , m_spec(spec)
    , m_clock(clock)
    , m_process(new QProcess(this))
    , m_stdout(spec.tailCapacity)
    , m_stderr(spec.tailCapacity)
{
    m_process->setProgram(spec.stage.program);
    m_process->setArguments(spec.stage.args);
    if (!spec.stage.cwd.isEmpty())
        m_process->setWorkingDirectory(spec.stage.cwd);
    if (!spec.stage.env.isEmpty()) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const EnvVar &var : spec.stage.env)
            env.insert(var.name, var.value);
        m_process->setProcessEnvironment(env);
    }
    connect(m_process, &QProcess::started, this, &JobProcess::onStarted);
    connect(m_process, &QProcess::finished, this,
            [this](int code, QProcess::ExitStatus status) { onFinished(code, int(status)); });
    connect(m_process, &QProcess::errorOccurred, this,
            [this](QProcess::ProcessError error) { onErrorOccurred(int(error)); });
}

void JobProcess::installChildModifier(quint64 processLimitValue, int stdinFd, int stdoutFd, int stderrFd,
                                      int terminalFd, int eventsFd)
{
    const rlim_t processLimit = rlim_t(processLimitValue);
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
    m_process->setChildProcessModifier([app, processLimit, files, stdinFd, stdoutFd, stderrFd, terminalFd, eventsFd] {
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

JobProcess::~JobProcess()
{
    if (m_process->state() != QProcess::NotRunning) {
        // Last resort when the owner is torn down with the child alive (the app
        // normally stops children asynchronously first). SIGKILL cannot be
        // ignored, so the wait is for the kernel to reap, not for the child.
        m_process->disconnect(this);
        signalGroup(SIGKILL);
        m_process->waitForFinished(2000);
    }
    closeOutputPipe(m_stdoutPipe);
    closeOutputPipe(m_stderrPipe);
    closeTerminalInput();
    for (int fd : {m_traceReadFd, m_traceWriteFd}) {
        if (fd >= 0)
            ::close(fd);
    }
}

void JobProcess::pipeTo(JobProcess *next)
{
    m_process->setStandardOutputProcess(next->m_process);
    m_pipesStdout = true;
    next->m_readsFromPipe = true;
}

QString JobProcess::preflight(QString *resolved) const
{
    // Never run with an empty stand-in for a secret: the front ends ask for
    // the value first; this is the last guard (a run from a file, headless).
    const QStringList withheld = m_spec.stage.withheldSecrets();
    if (!withheld.isEmpty()) {
        return tr("the value of the secret %1 was not saved with this preset (secrets never are, outside your "
                  "presets file): give it again to run it")
            .arg(withheld.join(QStringLiteral(", ")));
    }
    static thread_local QHash<QString, PassedPreflight> passed;
    static thread_local QElapsedTimer clock;
    if (!clock.isValid())
        clock.start();
    QString key = m_spec.stage.program + QChar(0) + m_spec.stage.cwd;
    for (const EnvVar &var : m_spec.stage.env) {
        if (var.name == QLatin1String("PATH"))
            key += QChar(0) + var.value;
    }
    const auto hit = passed.constFind(key);
    if (hit != passed.cend() && clock.elapsed() - hit->atMs < PreflightCacheMs) {
        *resolved = hit->resolved;
        return {};
    }
    const QString problem = check(resolved);
    if (problem.isEmpty()) {
        if (passed.size() > 256)
            passed.clear();
        passed.insert(key, {*resolved, clock.elapsed()});
    }
    return problem;
}

QString JobProcess::check(QString *resolved) const
{
    // Plain system calls rather than QFileInfo: this runs once per child, and
    // a fan-out of a thousand copies should not pay for a dozen stats each.
    const StageSpec &stage = m_spec.stage;
    if (stage.program.trimmed().isEmpty())
        return tr("the command is empty: there is no program to run");

    struct stat info;
    if (!stage.cwd.isEmpty()) {
        if (::stat(QFile::encodeName(stage.cwd).constData(), &info) != 0)
            return tr("the working directory \"%1\" does not exist").arg(stage.cwd);
        if (!S_ISDIR(info.st_mode))
            return tr("the working directory \"%1\" is not a directory").arg(stage.cwd);
    }

    if (stage.program.contains(QLatin1Char('/'))) {
        // A relative name is resolved against the working directory the child gets.
        const QString path = stage.cwd.isEmpty() || stage.program.startsWith(QLatin1Char('/'))
                                 ? stage.program
                                 : QDir(stage.cwd).filePath(stage.program);
        const QByteArray encoded = QFile::encodeName(path);
        if (::stat(encoded.constData(), &info) != 0)
            return tr("\"%1\" does not exist").arg(stage.program);
        if (S_ISDIR(info.st_mode))
            return tr("\"%1\" is a directory, not a program").arg(stage.program);
        if (::access(encoded.constData(), X_OK) != 0)
            return tr("\"%1\" is not executable (its execute permission is not set)").arg(stage.program);
        return interpreterProblem(path, stage.program);
    }

    QStringList path;
    for (const EnvVar &var : stage.env) {
        if (var.name == QLatin1String("PATH"))
            path = var.value.split(QLatin1Char(':'), Qt::SkipEmptyParts);
    }
    const QString found = QStandardPaths::findExecutable(stage.program, path);
    if (found.isEmpty())
        return tr("\"%1\" was not found on PATH: check the spelling, or install it").arg(stage.program);
    // QProcess would search PATH again; hand it what was found here.
    *resolved = found;
    return interpreterProblem(found, stage.program);
}

QString JobProcess::interpreterProblem(const QString &path, const QString &shown)
{
    // A script's "#!" line names the program the kernel really runs. A missing
    // one makes exec fail inside the child, which Qt 6.4 reports but at the
    // cost of a leaked descriptor, and with a message that names no file.
    // 256 bytes with one read(2): QFile would buffer 16 KiB of every binary.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return {}; // not readable here: exec decides
    char buffer[256];
    ssize_t got;
    do {
        got = ::read(fd, buffer, sizeof buffer);
    } while (got < 0 && errno == EINTR);
    ::close(fd);
    if (got < 2 || buffer[0] != '#' || buffer[1] != '!')
        return {};
    const QByteArray head(buffer, qsizetype(got));
    // Parsed as the kernel does: blanks, then the name up to a blank or newline.
    // A '\r' is not a separator, so a CRLF script names "/bin/sh\r".
    qsizetype begin = 2;
    while (begin < head.size() && (head.at(begin) == ' ' || head.at(begin) == '\t'))
        ++begin;
    qsizetype end = begin;
    while (end < head.size() && head.at(end) != ' ' && head.at(end) != '\t' && head.at(end) != '\n')
        ++end;
    if (end == begin || head.at(begin) != '/' || end == 256)
        return {}; // no name, a relative name, or a name too long to judge: exec decides
    const QByteArray interpreter = head.mid(begin, end - begin);
    if (interpreter.endsWith('\r') && QFileInfo(QFile::decodeName(interpreter.chopped(1))).isExecutable())
        return tr("the first line of \"%1\" ends in a Windows line ending (\\r), so the kernel looks for an "
                  "interpreter named \"%2\\r\": convert the script to Unix line endings (e.g. dos2unix)")
            .arg(shown, QFile::decodeName(interpreter.chopped(1)));
    const QFileInfo info(QFile::decodeName(interpreter));
    if (!info.exists())
        return tr("\"%1\" is a script whose interpreter \"%2\" (named on its first line, after #!) does not "
                  "exist: install it, or fix that line")
            .arg(shown, info.filePath());
    if (info.isDir() || !info.isExecutable())
        return tr("\"%1\" is a script whose interpreter \"%2\" (named on its first line, after #!) is not "
                  "an executable program: fix that line")
            .arg(shown, info.filePath());
    return {};
}

void JobProcess::start()
{
    if (m_outcome.state != JobOutcome::State::Queued)
        return;
    QString program;
    // An attached job starts no program of its own, only the tracer.
    const QString problem = m_spec.attachPid > 0 ? QString() : preflight(&program);
    if (!problem.isEmpty()) {
        // Reported from the event loop, like every other outcome, so callers
        // never see finished() from inside start().
        m_outcome.state = JobOutcome::State::Starting;
        QTimer::singleShot(0, this, [this, problem] { failToStart(problem); });
        return;
    }
    QString fileProblem;
    if (!m_spec.outputDir.isEmpty()
        && !OutputDir::open(m_spec.outputDir, m_spec.stage.commandLine(), &m_stdout, &m_stderr, &fileProblem)) {
        m_outcome.state = JobOutcome::State::Starting;
        QTimer::singleShot(0, this, [this, fileProblem] { failToStart(fileProblem); });
        return;
    }
    int stdoutWrite = -1;
    int stderrWrite = -1;
    int terminal = -1;
    m_terminal = m_spec.pty && !m_pipesStdout && !m_readsFromPipe;
    if (m_terminal && !openTerminal(&terminal)) {
        const QString reason = tr("could not open a pseudo-terminal for it (%1): run it without \"run in a "
                                  "terminal\", or check that /dev/pts is mounted")
                                   .arg(QString::fromLocal8Bit(std::strerror(errno)));
        m_outcome.state = JobOutcome::State::Starting;
        QTimer::singleShot(0, this, [this, reason] { failToStart(reason); });
        return;
    }
    if (!m_terminal && !openOutputPipes(&stdoutWrite, &stderrWrite)) {
        const QString reason = tr("could not create a pipe for its output (%1): close some programs or raise "
                                  "the open-files limit (ulimit -n)")
                                   .arg(QString::fromLocal8Bit(std::strerror(errno)));
        m_outcome.state = JobOutcome::State::Starting;
        QTimer::singleShot(0, this, [this, reason] { failToStart(reason); });
        return;
    }

    m_outcome.state = JobOutcome::State::Starting;
    if (!program.isEmpty())
        m_process->setProgram(program);
    if (m_spec.watch)
        m_family.setCapturePipes(capturePipeInodes());
    if (m_spec.watch && !runUnderTracer() && m_spec.attachPid > 0) {
        // Nothing to run unwatched: the program is someone else's, and running.
        for (int fd : {stdoutWrite, stderrWrite, terminal}) {
            if (fd >= 0)
                ::close(fd);
        }
        closeOutputPipe(m_stdoutPipe);
        closeOutputPipe(m_stderrPipe);
        const QString reason = m_family.refusal();
        QTimer::singleShot(0, this, [this, reason] { failToStart(reason); });
        return;
    }
    // QProcess makes no pipes of its own for what the app reads (the child
    // modifier puts the app's there); only a chain's stdout stays QProcess's.
    m_process->setProcessChannelMode(m_pipesStdout ? QProcess::ForwardedErrorChannel : QProcess::ForwardedChannels);
    int stdinFd = -1;
    if (m_terminal) {
        // The terminal is its stdin: no QProcess pipe (the child modifier
        // puts the slave on descriptor 0 over the forwarded one).
        m_process->setInputChannelMode(QProcess::ForwardedInputChannel);
    } else if (!m_spec.feedStdin && !m_readsFromPipe && !m_spec.interactiveStdin) {
        stdinFd = sharedNullDevice();
        if (stdinFd >= 0)
            m_process->setInputChannelMode(QProcess::ForwardedInputChannel);
        else
            m_process->setStandardInputFile(QProcess::nullDevice());
    }
    installChildModifier(m_spec.maxProcesses > 0 ? userProcessCount() + rlim_t(m_spec.maxProcesses) : 0,
                         stdinFd, stdoutWrite, stderrWrite, terminal, m_traceWriteFd);
    // Timed from the spawn, not from started(): that signal arrives through the
    // event loop, after every other child of a fan-out was spawned too.
    m_startedMs = now();
    m_process->start(QIODevice::ReadWrite);
    // The child has its copies (or never started): only it may hold the write
    // ends, so end of file means it and its descendants are done writing.
    // The same for the terminal's slave side: once only the child holds it,
    // reading the master fails with EIO when the child and its descendants
    // are gone, the terminal's end of file.
    for (int fd : {stdoutWrite, stderrWrite, terminal, m_traceWriteFd}) {
        if (fd >= 0)
            ::close(fd);
    }
    m_traceWriteFd = -1;
    if (m_outcome.isDone()) {
        // QProcess reported a failed start from inside start().
        closeOutputPipe(m_stdoutPipe);
        closeOutputPipe(m_stderrPipe);
        closeTerminalInput();
    } else {
        watchOutputPipe(m_stdoutPipe, m_stdout);
        watchOutputPipe(m_stderrPipe, m_stderr);
    }
    if (m_spec.feedStdin && m_terminal && m_process->state() != QProcess::NotRunning) {
        // Typed into the terminal, then its EOF character, as if at a keyboard.
        m_stdinBytes = m_spec.stdinData.size();
        m_terminalPending = m_spec.stdinData;
        if (!m_terminalPending.isEmpty() && !m_terminalPending.endsWith('\n'))
            m_terminalPending += '\n'; // VEOF ends input only at the start of a line
        termios settings;
        if (::tcgetattr(m_terminalInput, &settings) == 0)
            m_terminalPending += char(settings.c_cc[VEOF]);
        flushTerminalInput();
    } else if (m_spec.feedStdin && m_process->state() != QProcess::NotRunning) {
        // QProcess buffers this until the child's stdin is writable, then the
        // close makes the child see EOF once everything was written.
        m_stdinBytes = m_spec.stdinData.size();
        m_process->write(m_spec.stdinData);
        m_process->closeWriteChannel();
    }
    emit changed();
}

bool JobProcess::openOutputPipes(int *stdoutWrite, int *stderrWrite)
{
    // Close-on-exec on both ends, so no other child inherits them; the read
    // ends non-blocking, so a drain stops when the pipe is empty.
    const auto open = [](OutputPipe &pipe, int *writeEnd) {
        int ends[2];
        if (::pipe2(ends, O_CLOEXEC) != 0)
            return false;
        ::fcntl(ends[0], F_SETFL, O_NONBLOCK); // a new read end has no other status flags
        pipe.fd = ends[0];
        *writeEnd = ends[1];
        return true;
    };
    if (open(m_stderrPipe, stderrWrite) && (m_pipesStdout || open(m_stdoutPipe, stdoutWrite)))
        return true;
    const int savedErrno = errno;
    for (int fd : {*stdoutWrite, *stderrWrite}) {
        if (fd >= 0)
            ::close(fd);
    }
    *stdoutWrite = *stderrWrite = -1;
    closeOutputPipe(m_stdoutPipe);
    closeOutputPipe(m_stderrPipe);
    errno = savedErrno;
    return false;
}

bool JobProcess::openTerminal(int *slave)
{
    // posix_openpt rather than openpty(): no libutil to link. Every end is
    // close-on-exec, so no other child inherits them (the child gets its
    // copies through dup2 in the modifier).
    const int master = ::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (master < 0)
        return false;
    char name[128];
    int slaveFd = -1;
    if (::grantpt(master) == 0 && ::unlockpt(master) == 0 && ::ptsname_r(master, name, sizeof name) == 0)
        slaveFd = ::open(name, O_RDWR | O_NOCTTY | O_CLOEXEC);
    const int input = slaveFd >= 0 ? ::fcntl(master, F_DUPFD_CLOEXEC, 3) : -1;
    if (input < 0) {
        const int savedErrno = errno;
        if (slaveFd >= 0)
            ::close(slaveFd);
        ::close(master);
        errno = savedErrno;
        return false;
    }
    ::fcntl(master, F_SETFD, FD_CLOEXEC); // in case the C library ignored O_CLOEXEC
    // A window size programs can lay out for (ls columns, progress bars);
    // a new terminal reports 0x0.
    const winsize size{40, 120, 0, 0};
    if (::ioctl(master, TIOCSWINSZ, &size) != 0)
        qCWarning(lcEngine, "ioctl(TIOCSWINSZ) on a pseudo-terminal failed: %s", std::strerror(errno));
    // Non-blocking for the poller's drain and for typed input (both fds share
    // the open file's status flags).
    ::fcntl(master, F_SETFL, ::fcntl(master, F_GETFL) | O_NONBLOCK);
    m_stdoutPipe.fd = master;
    m_terminalInput = input;
    *slave = slaveFd;
    return true;
}

void JobProcess::flushTerminalInput()
{
    while (m_terminalInput >= 0 && !m_terminalPending.isEmpty()) {
        const ssize_t n = ::write(m_terminalInput, m_terminalPending.constData(), size_t(m_terminalPending.size()));
        if (n > 0) {
            m_terminalPending.remove(0, n);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            // The terminal's input queue is full (the child is not reading):
            // the rest goes when it has room, without blocking the app.
            if (!m_terminalWritable) {
                m_terminalWritable = new QSocketNotifier(qintptr(m_terminalInput), QSocketNotifier::Write, this);
                connect(m_terminalWritable, &QSocketNotifier::activated, this, &JobProcess::flushTerminalInput);
            }
            m_terminalWritable->setEnabled(true);
            return;
        }
        qCWarning(lcEngine, "writing to the pseudo-terminal of pid %d failed: %s", int(m_pid), std::strerror(errno));
        m_terminalPending.clear();
    }
    if (m_terminalWritable)
        m_terminalWritable->setEnabled(false);
}

void JobProcess::closeTerminalInput()
{
    delete m_terminalWritable;
    m_terminalWritable = nullptr;
    m_terminalPending.clear();
    if (m_terminalInput >= 0)
        ::close(m_terminalInput);
    m_terminalInput = -1;
}

bool JobProcess::acceptsInput() const
{
    return m_spec.interactiveStdin && !m_inputClosed && m_outcome.state == JobOutcome::State::Running
           && m_process->state() == QProcess::Running && (!m_terminal || m_terminalInput >= 0);
}

bool JobProcess::writeInput(const QByteArray &bytes, QString *reason)
{
    if (!acceptsInput()) {
        if (reason) {
            if (!m_spec.interactiveStdin)
                *reason = tr("this job's stdin is not kept open: start it with \"keep stdin open\" to type into it");
            else if (m_outcome.state != JobOutcome::State::Running)
                *reason = tr("the job is not running, so it reads no more input");
            else
                *reason = tr("the job's stdin is already closed (end of input was sent)");
        }
        return false;
    }
    if (m_terminal) {
        m_terminalPending += bytes;
        flushTerminalInput();
    } else {
        // QProcess buffers what the pipe cannot take yet.
        m_process->write(bytes);
    }
    m_inputBytes += bytes.size();
    if (m_inputRecords.size() >= MaxInputRecords)
        m_inputRecords.removeFirst();
    m_inputRecords.append({now(), m_stdout.totalBytes(), bytes});
    emit changed();
    return true;
}

void JobProcess::closeInput()
{
    if (!acceptsInput())
        return;
    m_inputClosed = true;
    if (m_terminal) {
        // Closing the master would hang up the terminal (SIGHUP), not end
        // input: a terminal's end of input is its EOF character.
        termios settings;
        m_terminalPending += ::tcgetattr(m_terminalInput, &settings) == 0 ? char(settings.c_cc[VEOF]) : '\x04';
        flushTerminalInput();
    } else {
        m_process->closeWriteChannel();
    }
    emit changed();
}

void JobProcess::watchOutputPipe(OutputPipe &pipe, OutputTail &tail)
{
    if (pipe.fd < 0)
        return;
    if (!m_poller)
        m_poller = OutputPoller::forCurrentThread();
    const auto onReady = [this, &pipe, &tail] {
        // A bounded helping per wake-up, so one flooding child cannot starve
        // the others or the window; the poller asks again for the rest.
        drainOutputPipe(pipe, tail, 4 * 1024 * 1024);
        if (m_draining) {
            // After the job's own exit: no reader thread, only until the end.
            if (!outputPipesOpen())
                endDrain();
            return;
        }
        if (pipe.fd >= 0 && tail.totalBytes() >= HeavyWriterBytes && OutputReader::mayStart())
            startReader(pipe);
        emit changed();
    };
    pipe.token = m_poller->watch(pipe.fd, onReady);
    if (pipe.token == 0) {
        // No epoll set (out of descriptors?): a notifier of its own still works.
        pipe.notifier = new QSocketNotifier(qintptr(pipe.fd), QSocketNotifier::Read, this);
        connect(pipe.notifier, &QSocketNotifier::activated, this, onReady);
    }
}

void JobProcess::drainOutputPipe(OutputPipe &pipe, OutputTail &tail, qint64 budget)
{
    if (tail.totalBytes() >= HeavyWriterBytes)
        widen(pipe.fd, &pipe.widened);
    qint64 total = 0;
    char buffer[64 * 1024];
    while (pipe.fd >= 0 && total < budget) {
        qsizetype room = 0;
        char *target = tail.writeRegion(&room);
        const bool direct = target != nullptr;
        if (!direct) {
            // The ring is still growing: read a chunk and let it decide.
            target = buffer;
            room = qsizetype(sizeof buffer);
        }
        const ssize_t n = ::read(pipe.fd, target, size_t(room));
        if (n > 0 && m_firstStdoutMs < 0 && &tail == &m_stdout)
            m_firstStdoutMs = now();
        if (n > 0) {
            if (direct)
                tail.commit(n);
            else
                tail.append(buffer, n);
            total += n;
            // A short read emptied the pipe: no need to ask again for EAGAIN.
            if (n < room)
                return;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        // End of file: every writer is gone. On a terminal's master that
        // reads as EIO once the slave's last holder closed it: the normal end,
        // not an error.
        closeOutputPipe(pipe);
    }
}

void JobProcess::startReader(OutputPipe &pipe)
{
    if (pipe.token != 0 && m_poller)
        m_poller->unwatch(pipe.token, pipe.fd);
    pipe.token = 0;
    delete pipe.notifier;
    pipe.notifier = nullptr;
    widen(pipe.fd, &pipe.widened);
    pipe.reader = new OutputReader(pipe.fd, tailOf(pipe));
    if (!m_readerTimer) {
        m_readerTimer = new QTimer(this);
        m_readerTimer->setInterval(ReaderTakeMs);
        connect(m_readerTimer, &QTimer::timeout, this, &JobProcess::takeFromReaders);
    }
    m_readerTimer->start();
}

void JobProcess::takeFromReaders()
{
    bool moved = false;
    for (OutputPipe *pipe : {&m_stdoutPipe, &m_stderrPipe}) {
        if (!pipe->reader)
            continue;
        moved |= pipe->reader->takeInto(&tailOf(*pipe));
        if (pipe->reader->atEnd())
            closeOutputPipe(*pipe); // every writer is gone, as at end of file in drainOutputPipe
    }
    if (!m_stdoutPipe.reader && !m_stderrPipe.reader)
        m_readerTimer->stop();
    if (moved)
        emit changed();
}

void JobProcess::closeOutputPipe(OutputPipe &pipe)
{
    if (pipe.reader) {
        // Joined before its descriptor goes; what it read last is kept.
        pipe.reader->stop(0);
        pipe.reader->takeInto(&tailOf(pipe));
        delete pipe.reader;
        pipe.reader = nullptr;
    }
    // Stop watching before the descriptor goes.
    if (pipe.token != 0 && m_poller)
        m_poller->unwatch(pipe.token, pipe.fd);
    pipe.token = 0;
    delete pipe.notifier;
    pipe.notifier = nullptr;
    if (pipe.fd >= 0)
        ::close(pipe.fd);
    pipe.fd = -1;
}

void JobProcess::onStarted()
{
    m_pid = m_process->processId();
    m_outcome.state = JobOutcome::State::Running;

    if (m_spec.pollIntervalSec > 0) {
        m_pollTimer = new QTimer(this);
        m_pollTimer->setTimerType(Qt::PreciseTimer);
        m_pollTimer->setInterval(toMs(m_spec.pollIntervalSec));
        connect(m_pollTimer, &QTimer::timeout, this, &JobProcess::poll);
        m_pollTimer->start();
        poll(); // the seed's loop polls once before its first sleep
    }
    if (m_familyTimer)
        m_familyTimer->start();
    if (m_spec.timeoutSec > 0) {
        m_timeoutTimer = new QTimer(this);
        m_timeoutTimer->setSingleShot(true);
        m_timeoutTimer->setTimerType(Qt::PreciseTimer);
        connect(m_timeoutTimer, &QTimer::timeout, this, &JobProcess::onTimeout);
        m_timeoutTimer->start(toMs(m_spec.timeoutSec));
    }
    emit started();
    emit changed();
    if (m_outcome.cause == JobOutcome::Cause::UserStop)
        stop();
    else if (m_outcome.cause == JobOutcome::Cause::UserKill)
        kill();
}

void JobProcess::poll()
{
    if (m_process->state() == QProcess::Running) {
        ++m_polls;
        m_pollTimesMs.append(now());
        emit changed();
    }
}

void JobProcess::onTimeout()
{
    if (m_process->state() == QProcess::NotRunning)
        return;
    m_outcome.cause = JobOutcome::Cause::Timeout;
    stop();
}

void JobProcess::cancelQueued(JobOutcome::Cause cause)
{
    m_outcome.cause = cause;
    m_outcome.state = JobOutcome::State::Killed;
    m_outcome.error = tr("stopped while queued: it never ran");
    finish();
}

void JobProcess::stop()
{
    if (m_outcome.state == JobOutcome::State::Queued) {
        cancelQueued(JobOutcome::Cause::UserStop);
        return;
    }
    if (m_outcome.state == JobOutcome::State::Starting) {
        // No PID yet: onStarted() acts on the request.
        if (m_outcome.cause == JobOutcome::Cause::None)
            m_outcome.cause = JobOutcome::Cause::UserStop;
        return;
    }
    if (m_draining) {
        // Its own process is gone; what still writes is in its group.
        ::kill(pid_t(-m_pid), SIGTERM);
        endDrain();
        return;
    }
    if (m_process->state() == QProcess::NotRunning || m_termSentMs >= 0)
        return;
    if (m_outcome.cause == JobOutcome::Cause::None)
        m_outcome.cause = JobOutcome::Cause::UserStop;
    m_termSentMs = now();
    signalGroup(SIGTERM);
    // A stopped child cannot act on SIGTERM until it is continued.
    signalGroup(SIGCONT);
    m_killTimer = new QTimer(this);
    m_killTimer->setSingleShot(true);
    m_killTimer->setTimerType(Qt::PreciseTimer);
    connect(m_killTimer, &QTimer::timeout, this, &JobProcess::escalate);
    m_killTimer->start(toMs(m_spec.graceSec));
    emit changed();
}

void JobProcess::escalate()
{
    if (m_process->state() == QProcess::NotRunning)
        return;
    m_killSentMs = now();
    signalGroup(SIGKILL);
    emit changed();
}

void JobProcess::kill()
{
    if (m_outcome.state == JobOutcome::State::Queued) {
        cancelQueued(JobOutcome::Cause::UserKill);
        return;
    }
    if (m_outcome.state == JobOutcome::State::Starting) {
        m_outcome.cause = JobOutcome::Cause::UserKill;
        return;
    }
    if (m_draining) {
        ::kill(pid_t(-m_pid), SIGKILL);
        endDrain();
        return;
    }
    if (m_process->state() == QProcess::NotRunning)
        return;
    if (m_outcome.cause != JobOutcome::Cause::Timeout)
        m_outcome.cause = JobOutcome::Cause::UserKill;
    m_killSentMs = now();
    signalGroup(SIGKILL);
    emit changed();
}

bool JobProcess::pause()
{
    if (m_outcome.state != JobOutcome::State::Running || !signalProgram(SIGSTOP))
        return false;
    m_pauseSignalMs = now();
    m_pauseSettled = false;
    setPaused(true, m_pauseSignalMs);
    return true;
}

bool JobProcess::resume()
{
    if (m_outcome.state != JobOutcome::State::Running || !signalProgram(SIGCONT))
        return false;
    m_pauseSignalMs = now();
    m_pauseSettled = false;
    setPaused(false, m_pauseSignalMs);
    return true;
}

bool JobProcess::sendSignal(int signal, bool groupToo)
{
    if (m_outcome.state != JobOutcome::State::Running)
        return false;
    bool sent = false;
    if (groupToo || m_spec.attachPid > 0) {
        sent = signalProgram(signal);
    } else if (m_pid > 0 && m_process->state() != QProcess::NotRunning) {
        // Not reaped yet, so the pid is still this child's.
        sent = ::kill(pid_t(m_pid), signal) == 0;
        if (!sent)
            qCWarning(lcEngine, "kill(%d, %s) failed: %s", int(m_pid), qPrintable(UnixSignals::name(signal)),
                      std::strerror(errno));
    }
    if (!sent)
        return false;
    m_userSignal = signal;
    if (signal == SIGSTOP || signal == SIGTSTP || signal == SIGCONT) {
        m_pauseSignalMs = now();
        m_pauseSettled = false;
        setPaused(signal != SIGCONT, m_pauseSignalMs);
    }
    return true;
}

void JobProcess::setPaused(bool paused, double atMs)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    if (paused)
        m_pausedStretches.append({atMs, -1});
    else if (!m_pausedStretches.isEmpty())
        m_pausedStretches.last().endMs = atMs;
    emit resourcesChanged();
    emit changed();
}

void JobProcess::applySample(const RootSample &sample, double samplerNowMs)
{
    if (m_outcome.isDone() && m_resources.cpuExact)
        return; // the reap's figures are final
    const double offset = samplerNowMs - now();
    m_resources.applySample(sample, offset);
    if (!sample.root.ended && m_outcome.state == JobOutcome::State::Running) {
        // A SIGSTOP (or SIGTSTP, SIGTTIN, a debugger) from anywhere shows as
        // paused. The sampler reads /proc on its own thread, so a sample read
        // before the app's own stop or continue can arrive after it; such a
        // stale state must not undo (or redo) what the app just did.
        // Nor can a sample read after a SIGSTOP was sent but before the child
        // was scheduled to act on it (on a busy machine, milliseconds later).
        const double sampledAt = sample.sampledMs - offset;
        if (sampledAt > m_pauseSignalMs) {
            const bool stopped = sample.root.state == 'T' || sample.root.state == 't';
            if (stopped == m_paused || sampledAt - m_pauseSignalMs >= SignalSettleMs)
                m_pauseSettled = true;
            if (m_pauseSettled)
                setPaused(stopped, sampledAt);
        }
    }
    emit resourcesChanged();
}

bool JobProcess::signalProgram(int signal)
{
    if (m_spec.attachPid <= 0)
        return signalGroup(signal);
    // Attached: Pause, Resume and Send signal are for the program alone (its
    // group may hold the terminal's shell), and the tracer passes them on;
    // Stop and Kill end the watch instead (the tracer's group). While the
    // tracer runs, the program it traces cannot have been reaped.
    if (m_pid <= 0 || m_process->state() == QProcess::NotRunning)
        return false;
    return ::kill(pid_t(m_spec.attachPid), signal) == 0;
}

bool JobProcess::signalGroup(int signal)
{
    // Only while QProcess has not reaped the child: until then its PID, and so
    // its process group ID, cannot have been recycled.
    if (m_pid <= 0 || m_process->state() == QProcess::NotRunning)
        return false;
    if (::kill(-pid_t(m_pid), signal) == 0)
        return true;
    const int groupError = errno;
    // The child may have left its group (setsid); reach it directly.
    if (::kill(pid_t(m_pid), signal) == 0)
        return true;
    qCWarning(lcEngine, "kill(%d, %s) failed: %s; kill(-%d) failed: %s", int(m_pid), qPrintable(UnixSignals::name(signal)),
              std::strerror(errno), int(m_pid), std::strerror(groupError));
    return false;
}

void JobProcess::onFinished(int exitCode, int exitStatus)
{
    // First thing: the delta is this child's only until the next reap. A
    // watched job's child is the tracer: its figure is settled in finish(),
    // once the family's last events say what was the tracer's own.
    const ChildUsage::Delta reaped = ChildUsage::takeDelta();
    if (m_spec.watch)
        m_tracerReap = reaped;
    else
        m_resources.applyUsage(reaped);
    m_exitedMs = now();
    // Whatever the child wrote before it exited is in the pipes now. A
    // descendant that kept them open can still write: it is read until it
    // closes them, up to the drain limit (endDrain). The cap keeps a
    // grandchild that floods the inherited pipe from holding the app here.
    for (OutputPipe *pipe : {&m_stdoutPipe, &m_stderrPipe}) {
        OutputTail &tail = tailOf(*pipe);
        if (pipe->reader) {
            pipe->reader->stop(FinalDrainBytes);
            pipe->reader->takeInto(&tail);
            if (pipe->reader->atEnd()) {
                closeOutputPipe(*pipe);
            } else {
                // The rest comes through the poller, like a light writer's.
                delete pipe->reader;
                pipe->reader = nullptr;
                watchOutputPipe(*pipe, tail);
            }
        } else {
            drainOutputPipe(*pipe, tail, FinalDrainBytes);
        }
    }

    const bool bySignal = exitStatus == QProcess::CrashExit;
    m_outcome.signal = bySignal ? exitCode : 0;
    m_outcome.exitCode = bySignal ? -1 : exitCode;
    switch (m_outcome.cause) {
    case JobOutcome::Cause::Timeout:
        m_outcome.state = JobOutcome::State::TimedOut;
        break;
    case JobOutcome::Cause::UserStop:
    case JobOutcome::Cause::UserKill:
        m_outcome.state = bySignal ? JobOutcome::State::Killed : JobOutcome::State::Finished;
        break;
    case JobOutcome::Cause::UserSignal:
        break; // only set below
    case JobOutcome::Cause::None:
        if (!bySignal) {
            m_outcome.state = JobOutcome::State::Finished;
        } else if (exitCode == m_userSignal) {
            m_outcome.cause = JobOutcome::Cause::UserSignal;
            m_outcome.state = JobOutcome::State::Killed;
        } else if (exitCode == SIGPIPE && m_pipesStdout) {
            // Its reader, the next stage, exited first: how a pipeline's
            // writer normally ends (yes | head), not a crash.
            m_outcome.state = JobOutcome::State::PipeClosed;
        } else {
            m_outcome.state = JobOutcome::State::Crashed;
        }
        break;
    }
    m_draining = true;
    if (outputPipesOpen() && m_drainLimitMs > 0 && !m_terminal) {
        drainTimer()->start(m_drainLimitMs);
        emit changed();
        return;
    }
    endDrain();
}

QTimer *JobProcess::drainTimer()
{
    if (!m_drainTimer) {
        m_drainTimer = new QTimer(this);
        m_drainTimer->setSingleShot(true);
        connect(m_drainTimer, &QTimer::timeout, this, &JobProcess::endDrain);
    }
    return m_drainTimer;
}

bool JobProcess::outputPipesOpen() const
{
    return m_stdoutPipe.fd >= 0 || m_stderrPipe.fd >= 0;
}

void JobProcess::endDrain()
{
    if (!m_draining)
        return;
    // A process that just closed the pipe by exiting may not be a zombie
    // yet (its files close before its parent is told): when anything of the
    // group is left, it is asked again a moment later, once, so that only
    // what really stays is named.
    if (!m_settling && m_pid > 0 && ::kill(pid_t(-m_pid), 0) == 0) {
        m_settling = true;
        drainTimer()->start(LeftoverSettleMs);
        return;
    }
    m_draining = false;
    finish();
}

QSet<quint64> JobProcess::capturePipeInodes() const
{
    QSet<quint64> inodes;
    for (const OutputPipe *pipe : {&m_stdoutPipe, &m_stderrPipe}) {
        struct stat info;
        if (pipe->fd >= 0 && ::fstat(pipe->fd, &info) == 0)
            inodes.insert(quint64(info.st_ino));
    }
    return inodes;
}

void JobProcess::findLeftovers()
{
    // One kill(2) tells whether anything of the job's group is left (a
    // zombie counts, and is skipped by find()); /proc is read only then, or
    // when a writer held the pipes past the drain limit.
    const QSet<quint64> captured = capturePipeInodes();
    const QList<quint64> inodes(captured.cbegin(), captured.cend());
    if (m_pid <= 0 || (inodes.isEmpty() && ::kill(pid_t(-m_pid), 0) != 0))
        return;
    m_leftovers = LeftoverProcess::find(m_pid, inodes);
    for (const LeftoverProcess &left : std::as_const(m_leftovers))
        qCInfo(lcEngine).noquote() << m_spec.stage.program << "left" << left.describe()
                                   << (left.heldOutput ? "holding its output" : "running");
}

void JobProcess::onErrorOccurred(int error)
{
    // Crashes and timeouts arrive through finished(); only a failed start has
    // no finished() of its own.
    if (error == QProcess::FailedToStart && !m_outcome.isDone())
        failToStart(m_process->errorString());
}

void JobProcess::failToStart(const QString &reason)
{
    if (m_outcome.isDone())
        return;
    m_outcome.state = JobOutcome::State::FailedToStart;
    m_outcome.error = reason;
    m_startedMs = m_startedMs < 0 ? now() : m_startedMs;
    finish();
}

bool JobProcess::runUnderTracer()
{
    // The tracer is this binary in its hidden mode, a child like any other:
    // only it waits on the family's pids, never the app (QProcess reaps its
    // own). It passes stdin, stdout and stderr through and exits as the
    // program did, so the outcome and the output mean what they always do.
    int ends[2];
    if (::pipe2(ends, O_CLOEXEC) != 0) {
        // Runs unwatched, and says so as a ptrace refusal would.
        const QString error = QString::fromLocal8Bit(std::strerror(errno));
        TraceProtocol::Event refused;
        refused.kind = TraceProtocol::Event::Kind::Refused;
        refused.reason = tr("the pipe for the tracer's events could not be made (%1): close some programs or raise "
                            "the open-files limit (ulimit -n)")
                             .arg(error);
        m_family.apply(refused);
        qCWarning(lcEngine) << "cannot create the trace events pipe:" << error;
        return false;
    }
    m_traceReadFd = ends[0];
    m_traceWriteFd = ends[1];
    // Room for a burst while the event loop is busy; the tracer buffers
    // (bounded) behind it and counts what does not fit.
    ::fcntl(m_traceReadFd, F_SETPIPE_SZ, TraceProtocol::PipeBytes);
    ::fcntl(m_traceReadFd, F_SETFL, ::fcntl(m_traceReadFd, F_GETFL) | O_NONBLOCK);
    const QString eventsPath = TraceProtocol::descriptorPath(m_traceWriteFd);
    const QString program = m_process->program();
    if (m_spec.attachPid > 0) {
        m_process->setArguments(TraceProtocol::attachArguments(eventsPath, m_spec.attachPid,
                                                               qint64(m_spec.attachForSec * 1000)));
    } else {
        m_process->setArguments(TraceProtocol::workerArguments(eventsPath, program, m_process->arguments()));
    }
    m_process->setProgram(TraceProtocol::tracerProgram());
    m_familyTimer = new QTimer(this);
    m_familyTimer->setInterval(FamilyReadMs);
    connect(m_familyTimer, &QTimer::timeout, this, [this] { readFamily(false); });
    return true;
}

void JobProcess::readFamily(bool atEnd)
{
    if (m_traceReadFd < 0)
        return;
    // Everything the pipe holds now; at the end the tracer has exited, so
    // that is all it wrote.
    bool closed = false;
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(m_traceReadFd, buffer, sizeof buffer);
        if (n > 0) {
            m_tracePending.append(buffer, n);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        closed = n == 0;
        break;
    }
    bool grew = false;
    const qint64 programBefore = programPid();
    // Only the last line can be cut short (a burst that filled the pipe);
    // it waits for the next read.
    const qsizetype lastNewline = atEnd || closed ? m_tracePending.size() : m_tracePending.lastIndexOf('\n') + 1;
    if (lastNewline > 0) {
        const int bad = m_family.applyLines(m_tracePending.left(lastNewline));
        if (bad > 0)
            qCWarning(lcEngine) << bad << "unreadable lines in the trace of" << m_spec.stage.program;
        m_tracePending.remove(0, lastNewline);
        grew = true;
    }
    if (atEnd) {
        if (m_familyTimer)
            m_familyTimer->stop();
        ::close(m_traceReadFd);
        m_traceReadFd = -1;
        m_tracePending.clear();
        return; // finish() announces the end
    }
    // Most ticks read nothing; only new events are announced.
    if (grew && programPid() != programBefore) {
        emit programPidChanged(programBefore);
        emit changed(); // the table's PID
    }
    if (grew)
        emit resourcesChanged();
}

qint64 JobProcess::programPid() const
{
    if (m_spec.attachPid > 0)
        return m_spec.attachPid;
    // The tracer's first spawn is the program it forked ("root").
    if (m_spec.watch && !m_family.members().isEmpty()
        && m_family.members().constFirst().how == QLatin1String("root"))
        return m_family.members().constFirst().pid;
    return m_pid;
}

void JobProcess::settleWatchedUsage(ChildUsage::Delta reaped)
{
    // When every member ended under the watch, the job's time is the sum of
    // their own, each the kernel's at its reap: exactly the family's, with
    // none of the tracer's.
    double user = 0;
    double sys = 0;
    const bool whole = m_family.membersCpu(&user, &sys);
    if (whole) {
        m_resources.applyUsage({user, sys, 0, false});
    } else if (m_family.attached()) {
        // The tracer reaped nothing of an attached family; one let go still
        // running keeps the sampled figures.
        return;
    } else {
        // Some member's end is not known (events lost, members past the
        // limit): the kernel's figure at the tracer's reap is the tracer's
        // own time plus the program's and all it waited for, and the
        // tracer's own, from its end event, is taken off.
        if (m_family.tracerUserMs() >= 0 && m_family.tracerSysMs() >= 0) {
            reaped.userMs = std::max(0.0, reaped.userMs - m_family.tracerUserMs());
            reaped.systemMs = std::max(0.0, reaped.systemMs - m_family.tracerSysMs());
        }
        reaped.maxRssIsThisChild = false; // the kernel's peak may be the tracer's
        m_resources.applyUsage(reaped);
    }
    // Each member's own peak was read at its exit stop.
    const qint64 peak = m_family.largestPeakKb();
    if (peak > 0) {
        m_resources.peakRssKb = peak;
        m_resources.peakRssExact = true;
    }
}

ProcSnapshot JobProcess::tracerSample() const
{
    if (!m_spec.watch || m_pid <= 0 || !m_outcome.isActive() || programPid() == m_pid)
        return ProcSnapshot();
    return ProcReader::read(m_pid, ProcReader::Stat | ProcReader::Status);
}

void JobProcess::finish()
{
    readFamily(true);
    if (m_spec.watch && m_tracerReap)
        settleWatchedUsage(*m_tracerReap);
    if (m_exitedMs >= 0)
        findLeftovers(); // before the pipes close: who holds them is asked by inode
    if (m_drainTimer)
        m_drainTimer->stop();
    m_draining = false;
    // The job's own exit, not the end of reading what its descendants wrote.
    m_finishedMs = m_exitedMs >= 0 ? m_exitedMs : now();
    if (m_startedMs < 0)
        m_startedMs = m_finishedMs;
    for (QTimer *timer : {m_pollTimer, m_timeoutTimer, m_killTimer, m_readerTimer}) {
        if (timer)
            timer->stop();
    }
    closeOutputPipe(m_stdoutPipe);
    closeOutputPipe(m_stderrPipe);
    closeTerminalInput();
    // Nothing more arrives: a run of thousands must not hold their files open.
    m_stdout.closeCopy();
    m_stderr.closeCopy();
    if (m_paused) {
        m_paused = false;
        m_pausedStretches.last().endMs = m_finishedMs;
    }
    m_resources.markEnded();
    emit resourcesChanged();
    emit changed();
    emit finished();
}

void JobProcess::trimOutput(qsizetype keepBytes)
{
    m_stdout.shrinkTo(keepBytes);
    m_stderr.shrinkTo(keepBytes);
    emit changed();
}

void JobProcess::restore(const Record &record)
{
    if (m_startedMs >= 0 || m_outcome.isDone())
        return;
    m_recorded = true;
    m_outcome = record.outcome;
    m_pid = record.pid;
    m_startedMs = record.startedMs;
    m_finishedMs = record.finishedMs;
    m_recordedElapsedMs = record.elapsedMs;
    m_termSentMs = record.termSentMs;
    m_killSentMs = record.killSentMs;
    m_firstStdoutMs = record.firstStdoutMs;
    m_polls = record.polls;
    m_pollTimesMs = record.pollTimesMs;
    m_stdinBytes = record.stdinBytes;
    m_stdout.restore(record.stdoutKept, record.stdoutTotal, record.stdoutTrimmed);
    m_stderr.restore(record.stderrKept, record.stderrTotal, record.stderrTrimmed);
    m_terminal = record.terminal;
    m_inputClosed = true;
    m_inputBytes = record.inputBytes;
    m_inputRecords = record.inputRecords;
    m_resources = record.resources;
    m_pausedStretches = record.pausedStretches;
    m_family = record.family;
}

double JobProcess::elapsedMs() const
{
    if (m_recorded)
        return m_recordedElapsedMs;
    if (m_startedMs < 0)
        return 0;
    if (m_finishedMs >= 0)
        return m_finishedMs - m_startedMs;
    return now() - m_startedMs;
}

double JobProcess::now() const
{
    return double(m_clock->nsecsElapsed()) / 1e6;
}
