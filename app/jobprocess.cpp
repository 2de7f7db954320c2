#include "jobprocess.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTimer>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
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
    // Runs in the child between fork and exec: async-signal-safe calls only.
    // Its own process group lets Stop and timeouts reach grandchildren too.
    // PDEATHSIG kills the child if the app itself is killed outright.
    // The child inherits stdin, stdout and stderr and no other descriptor.
    installChildModifier(0);

    connect(m_process, &QProcess::started, this, &JobProcess::onStarted);
    connect(m_process, &QProcess::finished, this,
            [this](int code, QProcess::ExitStatus status) { onFinished(code, int(status)); });
    connect(m_process, &QProcess::errorOccurred, this,
            [this](QProcess::ProcessError error) { onErrorOccurred(int(error)); });
    connect(m_process, &QProcess::readyReadStandardOutput, this, &JobProcess::readStdout);
    connect(m_process, &QProcess::readyReadStandardError, this, &JobProcess::readStderr);
}

void JobProcess::installChildModifier(rlim_t processLimit)
{
    // Runs in the child between fork and exec (in Qt 6.4, vfork-style, in the
    // app's own memory): system calls only, errno restored.
    // Its own process group lets Stop and timeouts reach grandchildren too.
    // PDEATHSIG kills the child if the app itself is killed outright.
    // The child inherits stdin, stdout and stderr and no other descriptor.
    const pid_t app = ::getpid();
    m_process->setChildProcessModifier([app, processLimit] {
        markInheritedDescriptorsCloseOnExec();
        ::setpgid(0, 0);
        if (processLimit > 0) {
            const rlimit limit{processLimit, processLimit};
            ::setrlimit(RLIMIT_NPROC, &limit);
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
}

void JobProcess::pipeTo(JobProcess *next)
{
    m_process->setStandardOutputProcess(next->m_process);
    m_pipesStdout = true;
    next->m_readsFromPipe = true;
}

QString JobProcess::preflight() const
{
    const StageSpec &stage = m_spec.stage;
    if (stage.program.trimmed().isEmpty())
        return tr("the command is empty: there is no program to run");

    if (!stage.cwd.isEmpty()) {
        const QFileInfo cwd(stage.cwd);
        if (!cwd.exists())
            return tr("the working directory \"%1\" does not exist").arg(stage.cwd);
        if (!cwd.isDir())
            return tr("the working directory \"%1\" is not a directory").arg(stage.cwd);
    }

    if (stage.program.contains(QLatin1Char('/'))) {
        const QFileInfo program(QDir(stage.cwd.isEmpty() ? QDir::currentPath() : stage.cwd), stage.program);
        if (!program.exists())
            return tr("\"%1\" does not exist").arg(stage.program);
        if (program.isDir())
            return tr("\"%1\" is a directory, not a program").arg(stage.program);
        if (!program.isExecutable())
            return tr("\"%1\" is not executable (its execute permission is not set)").arg(stage.program);
        return interpreterProblem(program.filePath(), stage.program);
    }

    QStringList path;
    for (const EnvVar &var : stage.env) {
        if (var.name == QLatin1String("PATH"))
            path = var.value.split(QLatin1Char(':'), Qt::SkipEmptyParts);
    }
    const QString found = QStandardPaths::findExecutable(stage.program, path);
    if (found.isEmpty())
        return tr("\"%1\" was not found on PATH: check the spelling, or install it").arg(stage.program);
    return interpreterProblem(found, stage.program);
}

QString JobProcess::interpreterProblem(const QString &path, const QString &shown)
{
    // A script's "#!" line names the program the kernel really runs. A missing
    // one makes exec fail inside the child, which Qt 6.4 reports but at the
    // cost of a leaked descriptor, and with a message that names no file.
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {}; // not readable here: exec decides
    const QByteArray head = file.read(256);
    if (!head.startsWith("#!"))
        return {};
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
    const QString problem = preflight();
    if (!problem.isEmpty()) {
        // Reported from the event loop, like every other outcome, so callers
        // never see finished() from inside start().
        m_outcome.state = JobOutcome::State::Starting;
        QTimer::singleShot(0, this, [this, problem] { failToStart(problem); });
        return;
    }

    m_outcome.state = JobOutcome::State::Starting;
    if (m_spec.maxProcesses > 0)
        installChildModifier(userProcessCount() + rlim_t(m_spec.maxProcesses));
    if (!m_spec.feedStdin && !m_readsFromPipe)
        m_process->setStandardInputFile(QProcess::nullDevice());
    // Timed from the spawn, not from started(): that signal arrives through the
    // event loop, after every other child of a fan-out was spawned too.
    m_startedMs = now();
    m_process->start(QIODevice::ReadWrite);
    if (m_spec.feedStdin && m_process->state() != QProcess::NotRunning) {
        // QProcess buffers this until the child's stdin is writable, then the
        // close makes the child see EOF once everything was written.
        m_stdinBytes = m_spec.stdinData.size();
        m_process->write(m_spec.stdinData);
        m_process->closeWriteChannel();
    }
    emit changed();
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
    if (m_process->state() == QProcess::NotRunning)
        return;
    if (m_outcome.cause != JobOutcome::Cause::Timeout)
        m_outcome.cause = JobOutcome::Cause::UserKill;
    m_killSentMs = now();
    signalGroup(SIGKILL);
    emit changed();
}

bool JobProcess::signalGroup(int signal)
{
    // Only while QProcess has not reaped the child: until then its PID, and so
    // its process group ID, cannot have been recycled.
    if (m_pid <= 0 || m_process->state() == QProcess::NotRunning)
        return false;
    if (::kill(-pid_t(m_pid), signal) == 0)
        return true;
    // The child may have left its group (setsid); reach it directly.
    return ::kill(pid_t(m_pid), signal) == 0;
}

void JobProcess::readStdout()
{
    char buffer[64 * 1024];
    m_process->setReadChannel(QProcess::StandardOutput);
    qint64 n;
    while ((n = m_process->read(buffer, sizeof buffer)) > 0)
        m_stdout.append(buffer, n);
    emit changed();
}

void JobProcess::readStderr()
{
    char buffer[64 * 1024];
    m_process->setReadChannel(QProcess::StandardError);
    qint64 n;
    while ((n = m_process->read(buffer, sizeof buffer)) > 0)
        m_stderr.append(buffer, n);
    emit changed();
}

void JobProcess::onFinished(int exitCode, int exitStatus)
{
    if (!m_pipesStdout)
        readStdout();
    readStderr();

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
    case JobOutcome::Cause::None:
        if (!bySignal)
            m_outcome.state = JobOutcome::State::Finished;
        else if (exitCode == SIGPIPE && m_pipesStdout)
            // Its reader, the next stage, exited first: how a pipeline's
            // writer normally ends (yes | head), not a crash.
            m_outcome.state = JobOutcome::State::PipeClosed;
        else
            m_outcome.state = JobOutcome::State::Crashed;
        break;
    }
    finish();
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

void JobProcess::finish()
{
    m_finishedMs = now();
    if (m_startedMs < 0)
        m_startedMs = m_finishedMs;
    for (QTimer *timer : {m_pollTimer, m_timeoutTimer, m_killTimer}) {
        if (timer)
            timer->stop();
    }
    emit changed();
    emit finished();
}

double JobProcess::elapsedMs() const
{
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
