#include "tracer.h"

#include "attachcheck.h"
#include "tracelog.h"
#include "traceprotocol.h"

#include <QFile>
#include <QHash>
#include <QSet>

#include <QDir>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <vector>

namespace {

// The options every tracee gets. EXITKILL: if the tracer dies (SIGKILL from
// the engine's escalation), the whole family dies with it rather than running
// on untraced and unwatched.
constexpr long traceOptions = PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE | PTRACE_O_TRACEEXEC
                              | PTRACE_O_TRACEEXIT | PTRACE_O_EXITKILL;

// Attached to someone else's running program, the family must outlive the
// tracer: no EXITKILL, so a tracer killed outright leaves every process
// running (the kernel detaches them).
constexpr long attachOptions = traceOptions & ~long(PTRACE_O_EXITKILL);

// Set by SIGTERM, SIGINT, SIGHUP or SIGQUIT while attached: let go of the
// family and end. A tick (SIGALRM every AttachTickMs, without SA_RESTART)
// wakes waitpid so the flag and the detach deadline are seen in time.
volatile sig_atomic_t g_stopWatching = 0;
void onStopWatching(int)
{
    g_stopWatching = 1;
}
void onTick(int) {}
constexpr int AttachTickMs = 100;

double monotonicMs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return double(ts.tv_sec) * 1000.0 + double(ts.tv_nsec) / 1e6;
}

QByteArray readSmallFile(const QByteArray &path)
{
    QByteArray data;
    const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return data;
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        data.append(buffer, n);
        if (data.size() > (1 << 20)) // a cmdline is bounded; this is a guard
            break;
    }
    ::close(fd);
    return data;
}

QString readLink(const QByteArray &path)
{
    char buffer[4096];
    const ssize_t n = ::readlink(path.constData(), buffer, sizeof buffer - 1);
    if (n < 0)
        return QString();
    return QString::fromLocal8Bit(buffer, int(n));
}

QStringList readFds(pid_t pid)
{
    QStringList fds;
    for (int fd = 0; fd < 3; ++fd)
        fds << readLink("/proc/" + QByteArray::number(pid) + "/fd/" + QByteArray::number(fd));
    return fds;
}

QByteArray readStatus(pid_t pid)
{
    return readSmallFile("/proc/" + QByteArray::number(pid) + "/status");
}

// A field of a /proc/PID/status text, such as "Tgid" or "VmHWM"; -1 when absent.
qint64 statusField(const QByteArray &status, const char *name)
{
    const QByteArray key = QByteArray(name) + ':';
    for (const QByteArray &line : status.split('\n')) {
        if (line.startsWith(key)) {
            bool ok = false;
            const qint64 value = line.mid(key.size()).trimmed().split(' ').value(0).toLongLong(&ok);
            return ok ? value : -1;
        }
    }
    return -1;
}

struct Usage
{
    qint64 peakRssKb = -1;
    QStringList fds; // of a process that never exec'd (see Session::m_execed)
};

// Read at the PTRACE_EVENT_EXIT stop: the process is about to exit and runs
// no more, so VmHWM is its peak. Its CPU time comes at the reap (wait4).
Usage readUsage(pid_t pid)
{
    Usage usage;
    usage.peakRssKb = statusField(readStatus(pid), "VmHWM");
    return usage;
}

// User and system time in milliseconds, to the microsecond.
struct Cpu
{
    double userMs = 0;
    double sysMs = 0;
};

double toMs(const timeval &tv)
{
    return double(tv.tv_sec) * 1000.0 + double(tv.tv_usec) / 1000.0;
}

Cpu cpuOf(const rusage &usage)
{
    return {toMs(usage.ru_utime), toMs(usage.ru_stime)};
}

// True while pid is a zombie that this process (the subreaper) may reap: its
// parent ended without waiting for it.
bool unreapedOrphan(pid_t pid)
{
    siginfo_t info{};
    return ::waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT | __WALL) == 0 && info.si_pid == pid;
}

// A set-user-ID or set-group-ID program: the kernel does not raise its
// privileges while it is traced, so it may fail where it would not unwatched.
bool setIdFile(const QByteArray &path)
{
    struct stat info{};
    if (::stat(path.constData(), &info) != 0)
        return false;
    // Set-group-ID counts only with group execute (without it, it marks mandatory locking).
    return (info.st_mode & S_ISUID) != 0 || (info.st_mode & (S_ISGID | S_IXGRP)) == (S_ISGID | S_IXGRP);
}

QStringList readArgv(pid_t pid)
{
    QByteArray cmdline = readSmallFile("/proc/" + QByteArray::number(pid) + "/cmdline");
    if (cmdline.endsWith('\0'))
        cmdline.chop(1);
    QStringList argv;
    if (cmdline.isEmpty())
        return argv;
    for (const QByteArray &arg : cmdline.split('\0'))
        argv << QString::fromLocal8Bit(arg);
    return argv;
}

// The tracer must outlive a Stop: the engine signals the job's whole process
// group, which holds the program too, and a tracer dead of SIGTERM would
// SIGKILL the family (EXITKILL) before its grace period; unwatched (ptrace
// refused) it would end the job before the program had. The handler is
// replaced by the default at the program's exec, so the program gets the
// signal with its own disposition.
void ignoreStop(int) {}

class Session
{
public:
    explicit Session(int out)
        : m_out(out)
    {
        bool ok = false;
        const qsizetype smaller = qgetenv(TraceProtocol::BufferEnv).toLongLong(&ok);
        if (ok && smaller >= 0 && smaller < m_bufferBytes)
            m_bufferBytes = smaller;
    }

    // The events go out without ever blocking the family: a reader that
    // falls behind fills the pipe, the rest waits in a buffer of at most
    // TraceProtocol::TracerBufferBytes, and what does not fit is counted as
    // lost (the end event says how many). Only the end event waits for the
    // reader, so nothing already buffered is lost at the end.
    void write(const TraceProtocol::Event &event)
    {
        if (event.kind == TraceProtocol::Event::Kind::End) {
            TraceProtocol::Event end = event;
            end.lost = m_lost;
            setBlocking();
            flush();
            m_pending += TraceProtocol::format(end);
            flush();
            return;
        }
        const QByteArray line = TraceProtocol::format(event);
        flush();
        if (!m_pending.isEmpty()) {
            if (m_pending.size() + line.size() > m_bufferBytes)
                ++m_lost;
            else
                m_pending += line;
            return;
        }
        m_pending = line;
        flush();
    }

    // Writes what is pending until the reader's side is full (EAGAIN) or the
    // reader is gone; a blocking descriptor (a file, or the end) takes all.
    void flush()
    {
        qsizetype done = 0;
        while (done < m_pending.size()) {
            const ssize_t n = ::write(m_out, m_pending.constData() + done, size_t(m_pending.size() - done));
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
                break;
            if (n <= 0) {
                done = m_pending.size(); // the reader is gone: nobody to tell
                break;
            }
            done += n;
        }
        m_pending.remove(0, done);
    }

    // Flushes what is left, waiting for the reader, and closes.
    void close()
    {
        setBlocking();
        flush();
        ::close(m_out);
        m_out = -1;
    }

    double ms() const { return monotonicMs() - m_startMs; }
    void setStart(double startMs) { m_startMs = startMs; }

    void addRoot(pid_t root) { m_processes.insert(root); }
    // Attached: the family is not ours. It is let go (detached, left
    // running) when the root ends, when asked (g_stopWatching), or at
    // detachAtMs (<= 0: never by time).
    void setAttached(double detachAtMs)
    {
        m_attached = true;
        m_detachAtMs = detachAtMs;
    }
    void addAttached(pid_t pid, pid_t parent, const QList<pid_t> &threads)
    {
        m_processes.insert(pid);
        m_parentOf.insert(pid, parent);
        for (pid_t tid : threads) {
            if (tid != pid)
                m_threads.insert(tid);
        }
    }
    int loop(pid_t root, int *rootSignal);
    int waitUntraced(pid_t root, int *rootSignal);

private:
    int finish(int rootStatus, int *rootSignal);
    bool shouldLetGo() const { return g_stopWatching || (m_detachAtMs > 0 && ms() >= m_detachAtMs); }
    void detachAll();
    void writeExit(pid_t pid, int status, const rusage &usage);
    void reapedAgain(pid_t pid);
    void spawned(pid_t parent, pid_t child, const char *how);
    void resume(pid_t tid, int signal);
    // For the end: what is left waits for the reader.
    void setBlocking()
    {
        const int flags = ::fcntl(m_out, F_GETFL);
        if (flags >= 0)
            ::fcntl(m_out, F_SETFL, flags & ~O_NONBLOCK);
    }

    int m_out = -1;
    QByteArray m_pending; // written when the reader makes room, bounded
    qint64 m_lost = 0;    // events that did not fit in m_pending
    qsizetype m_bufferBytes = TraceProtocol::TracerBufferBytes;
    double m_startMs = 0;
    // Processes (thread-group leaders) reported with a spawn event.
    QSet<pid_t> m_processes;
    // Threads known to belong to a traced process.
    QSet<pid_t> m_threads;
    // New tracees whose first stop came before their parent's fork event: kept
    // stopped until the spawn is written, so no exec is reported before it.
    QSet<pid_t> m_parked;
    // Tracees announced by a parent's event whose first stop has not come yet.
    QSet<pid_t> m_expected;
    QHash<pid_t, Usage> m_usage;
    // For each process's own CPU time. wait4 hands the tracer a process's
    // time together with that of the children it reaped (RUSAGE_BOTH): the
    // children that ended while it lived are kept with their time, to be
    // taken off at its own reap unless it never waited for them.
    QHash<pid_t, pid_t> m_parentOf;
    QHash<pid_t, QList<QPair<pid_t, Cpu>>> m_endedChildren;
    QHash<pid_t, pid_t> m_endedUnder; // an ended child -> the parent it was left with
    QSet<pid_t> m_notReapedByParent;
    QSet<pid_t> m_execed; // processes that exec'd since their fork
    bool m_attached = false;
    double m_detachAtMs = 0;
    bool m_detached = false;
};

void Session::resume(pid_t tid, int signal)
{
    if (::ptrace(PTRACE_CONT, tid, nullptr, reinterpret_cast<void *>(long(signal))) < 0 && errno != ESRCH)
        qCWarning(lcTrace, "PTRACE_CONT %d: %s", int(tid), std::strerror(errno));
}

void Session::spawned(pid_t parent, pid_t child, const char *how)
{
    // One read of the child's status serves both questions below; a fork
    // or vfork never makes a thread, so only a clone needs Tgid. Fork-heavy
    // programs pay for every /proc read here, once per child.
    const QByteArray status = readStatus(child);
    const bool isClone = std::strcmp(how, "clone") == 0;
    const qint64 tgid = isClone ? statusField(status, "Tgid") : child;
    if (tgid > 0 && tgid != child) {
        // CLONE_THREAD: one more thread of an existing process, counted there.
        m_threads.insert(child);
        TraceProtocol::Event event;
        event.kind = TraceProtocol::Event::Kind::Thread;
        event.ms = ms();
        event.pid = tgid;
        event.tid = child;
        write(event);
    } else {
        m_processes.insert(child);
        TraceProtocol::Event event;
        event.kind = TraceProtocol::Event::Kind::Spawn;
        event.ms = ms();
        event.pid = child;
        // The real parent, not the forking thread: CLONE_PARENT and threads
        // that fork both make these differ.
        const qint64 ppid = statusField(status, "PPid");
        event.ppid = ppid > 0 ? ppid : statusField(readStatus(parent), "Tgid");
        event.how = QString::fromLatin1(how);
        event.fds = readFds(child);
        m_parentOf.insert(child, pid_t(event.ppid));
        write(event);
    }
    if (m_parked.remove(child))
        resume(child, 0);
    else
        m_expected.insert(child);
}

void Session::writeExit(pid_t pid, int status, const rusage &usage)
{
    TraceProtocol::Event event;
    event.kind = TraceProtocol::Event::Kind::Exit;
    event.ms = ms();
    event.pid = pid;
    if (WIFSIGNALED(status))
        event.signal = WTERMSIG(status);
    else
        event.exitCode = WEXITSTATUS(status);
    // The kernel's own accounting, to the microsecond, of every thread the
    // process had (a leader that ended before its threads is reaped only
    // after them), less the children it reaped itself. One it left as a
    // zombie was reaped by us as the subreaper (reapedAgain), or is still
    // waiting for that.
    const Cpu both = cpuOf(usage);
    Cpu own = both;
    for (const auto &[child, cpu] : m_endedChildren.take(pid)) {
        m_endedUnder.remove(child);
        if (m_notReapedByParent.remove(child) || unreapedOrphan(child))
            continue;
        own.userMs -= cpu.userMs;
        own.sysMs -= cpu.sysMs;
    }
    event.cpuUserMs = std::max(0.0, own.userMs);
    event.cpuSysMs = std::max(0.0, own.sysMs);
    const pid_t parent = m_parentOf.take(pid);
    if (parent > 0 && m_processes.contains(parent)) {
        m_endedChildren[parent].append({pid, both});
        m_endedUnder.insert(pid, parent);
    }
    const Usage read = m_usage.take(pid);
    event.peakRssKb = read.peakRssKb;
    event.fds = read.fds;
    m_execed.remove(pid);
    write(event);
}

// pid, already reported, came back to us as its new parent: the parent it
// ended under exited without waiting for it, so its time is not in that
// parent's.
void Session::reapedAgain(pid_t pid)
{
    if (m_endedUnder.remove(pid))
        m_notReapedByParent.insert(pid);
}

// Lets go of every tracee, leaving each as it was: running, or stopped if
// its owner had stopped it (a group-stop survives the detach). A tracee can
// be detached only in a ptrace-stop, so each is interrupted first and
// detached at the stop that follows; a signal caught on its way there is
// handed back with the detach, and a child forked meanwhile (traced
// automatically) is let go at its first stop too.
void Session::detachAll()
{
    m_detached = true;
    QSet<pid_t> waiting;
    for (const QSet<pid_t> *set : {&m_processes, &m_threads, &m_expected})
        waiting.unite(*set);
    for (pid_t tid : std::as_const(m_parked)) {
        ::ptrace(PTRACE_DETACH, tid, nullptr, nullptr); // already in a stop
        waiting.remove(tid);
    }
    m_parked.clear();
    for (auto it = waiting.begin(); it != waiting.end();) {
        if (::ptrace(PTRACE_INTERRUPT, *it, nullptr, nullptr) < 0 && errno == ESRCH)
            it = waiting.erase(it);
        else
            ++it;
    }
    const double deadline = ms() + 3000;
    while (!waiting.isEmpty() && ms() < deadline) {
        int status = 0;
        rusage usage{};
        const pid_t tid = ::wait4(-1, &status, __WALL, &usage);
        if (tid < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        if (WIFEXITED(status) || WIFSIGNALED(status)) {
            waiting.remove(tid);
            m_threads.remove(tid);
            if (m_processes.remove(tid))
                writeExit(tid, status, usage);
            continue;
        }
        if (!WIFSTOPPED(status))
            continue;
        const int event = status >> 16;
        int deliver = 0;
        if (event == PTRACE_EVENT_FORK || event == PTRACE_EVENT_VFORK || event == PTRACE_EVENT_CLONE) {
            unsigned long child = 0;
            if (::ptrace(PTRACE_GETEVENTMSG, tid, nullptr, &child) == 0 && child > 0)
                waiting.insert(pid_t(child));
        } else if (event == 0) {
            deliver = WSTOPSIG(status); // a signal on its way: it still arrives
        }
        if (::ptrace(PTRACE_DETACH, tid, nullptr, reinterpret_cast<void *>(long(deliver))) < 0 && errno != ESRCH)
            qCWarning(lcTrace, "PTRACE_DETACH %d: %s", int(tid), std::strerror(errno));
        waiting.remove(tid);
    }
    TraceProtocol::Event detach;
    detach.kind = TraceProtocol::Event::Kind::Detach;
    detach.ms = ms();
    write(detach);
    m_processes.clear();
    m_threads.clear();
    m_expected.clear();
}

int Session::loop(pid_t root, int *rootSignal)
{
    int rootStatus = 0;
    for (;;) {
        int status = 0;
        if (m_attached && shouldLetGo()) {
            detachAll();
            break;
        }
        rusage usage{};
        const pid_t tid = ::wait4(-1, &status, __WALL, &usage);
        if (tid < 0) {
            if (errno == EINTR)
                continue;
            break; // ECHILD: every tracee is gone
        }
        if (WIFEXITED(status) || WIFSIGNALED(status)) {
            m_parked.remove(tid);
            m_expected.remove(tid);
            if (m_threads.remove(tid))
                continue;
            if (tid == root)
                rootStatus = status;
            // Nothing to report for a process not traced, or already
            // reported: as the subreaper the tracer also reaps untraced
            // orphans, and is handed again, as their new parent, zombies it
            // already waited for as their tracer (their parent never did).
            if (!m_processes.remove(tid)) {
                reapedAgain(tid);
                continue;
            }
            writeExit(tid, status, usage);
            if (m_attached && tid == root) {
                // The attached program ended: its descendants are not ours
                // to keep; they are let go, still running.
                detachAll();
                break;
            }
            // Done when the last traced process is gone, not at ECHILD: as
            // the subreaper the tracer may also be the parent of an orphan
            // that is not traced (cloned with CLONE_UNTRACED), which could
            // keep waitpid(-1) blocking for as long as it lives.
            if (m_processes.isEmpty())
                break;
            continue;
        }
        if (!WIFSTOPPED(status))
            continue;
        const int signal = WSTOPSIG(status);
        const int event = status >> 16;
        switch (event) {
        case PTRACE_EVENT_FORK:
        case PTRACE_EVENT_VFORK:
        case PTRACE_EVENT_CLONE: {
            unsigned long child = 0;
            if (::ptrace(PTRACE_GETEVENTMSG, tid, nullptr, &child) == 0 && child > 0) {
                spawned(tid, pid_t(child),
                        event == PTRACE_EVENT_FORK ? "fork" : event == PTRACE_EVENT_VFORK ? "vfork" : "clone");
            }
            resume(tid, 0);
            break;
        }
        case PTRACE_EVENT_EXEC: {
            // After a non-leader thread's exec the process continues under the
            // leader's pid, which is what waitpid reports here.
            TraceProtocol::Event exec;
            exec.kind = TraceProtocol::Event::Kind::Exec;
            exec.ms = ms();
            exec.pid = tid;
            exec.argv = readArgv(tid);
            exec.exe = readLink("/proc/" + QByteArray::number(tid) + "/exe");
            exec.fds = readFds(tid);
            exec.setuid = setIdFile("/proc/" + QByteArray::number(tid) + "/exe");
            m_execed.insert(tid);
            write(exec);
            resume(tid, 0);
            break;
        }
        case PTRACE_EVENT_EXIT:
            if (m_processes.contains(tid)) {
                Usage usage = readUsage(tid);
                // A forked subshell (the writer of `echo hi | md5sum`) moves
                // its fds with dup2 after its fork and never execs: read
                // them again while they are still open, so its pipe links.
                if (!m_execed.contains(tid))
                    usage.fds = readFds(tid);
                m_usage.insert(tid, usage);
            }
            resume(tid, 0);
            break;
        case PTRACE_EVENT_STOP:
            // With PTRACE_SEIZE a group-stop is reported as PTRACE_EVENT_STOP
            // with the stopping signal; PTRACE_LISTEN leaves the tracee
            // stopped (as its owner and SIGCONT expect) while we wait on.
            // Anything else here (SIGTRAP) is a new tracee's first stop or
            // the stop's end after SIGCONT, and it just continues.
            if (signal == SIGSTOP || signal == SIGTSTP || signal == SIGTTIN || signal == SIGTTOU) {
                if (::ptrace(PTRACE_LISTEN, tid, nullptr, nullptr) < 0 && errno != ESRCH)
                    qCWarning(lcTrace, "PTRACE_LISTEN %d: %s", int(tid), std::strerror(errno));
            } else if (!m_processes.contains(tid) && !m_threads.contains(tid) && !m_expected.contains(tid)) {
                m_parked.insert(tid); // its parent's fork event comes next
            } else {
                m_expected.remove(tid);
                resume(tid, 0);
            }
            break;
        default:
            // A signal-delivery-stop: the signal is on its way to the tracee
            // and is delivered only if we pass it on.
            resume(tid, signal);
            break;
        }
    }
    return finish(rootStatus, rootSignal);
}

int Session::waitUntraced(pid_t root, int *rootSignal)
{
    int rootStatus = 0;
    for (;;) {
        int status = 0;
        const pid_t pid = ::waitpid(-1, &status, __WALL); // __WALL: clone() children too
        if (pid < 0) {
            if (errno == EINTR)
                continue;
            break; // ECHILD: cannot come before the root's exit, but never spin
        }
        if (pid == root) {
            rootStatus = status;
            break;
        }
        // Any other is an orphan of the family that re-parented to the
        // tracer (the subreaper) and ended: reaped, so it does not linger as
        // a zombie in the tree that sampling shows.
    }
    return finish(rootStatus, rootSignal);
}

int Session::finish(int rootStatus, int *rootSignal)
{
    TraceProtocol::Event end;
    end.kind = TraceProtocol::Event::Kind::End;
    end.ms = ms();
    // The tracer's own time, which the app takes off the job's: the job is
    // the program, and the tracer's cost is shown apart.
    rusage self{};
    if (::getrusage(RUSAGE_SELF, &self) == 0) {
        end.cpuUserMs = cpuOf(self).userMs;
        end.cpuSysMs = cpuOf(self).sysMs;
    }
    write(end);
    if (m_attached && rootStatus == 0)
        return 0; // let go while the program still ran: the watch, not the program, ended
    if (WIFSIGNALED(rootStatus)) {
        *rootSignal = WTERMSIG(rootStatus);
        return 128 + *rootSignal;
    }
    return WEXITSTATUS(rootStatus);
}

QString refusalReason(int error)
{
    return QStringLiteral("ptrace refused: PTRACE_SEIZE failed (%1); a container's seccomp profile, "
                          "kernel.yama.ptrace_scope or a debugger already tracing spawnscope forbids tracing here")
        .arg(QString::fromLocal8Bit(std::strerror(error)));
}

// Every process on the machine by parent, read from /proc/*/stat.
QHash<pid_t, QList<pid_t>> childrenByParent()
{
    QHash<pid_t, QList<pid_t>> children;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool ok = false;
        const pid_t pid = pid_t(entry.toInt(&ok));
        if (!ok)
            continue;
        const QByteArray stat = readSmallFile("/proc/" + QByteArray::number(pid) + "/stat");
        const int close = stat.lastIndexOf(')');
        if (close < 0)
            continue;
        const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
        if (fields.size() > 1)
            children[pid_t(fields.at(1).toInt())] << pid;
    }
    return children;
}

// root and its descendants, parents before their children.
QList<pid_t> familyOf(pid_t root)
{
    const QHash<pid_t, QList<pid_t>> children = childrenByParent();
    QList<pid_t> family{root};
    for (qsizetype i = 0; i < family.size(); ++i)
        family += children.value(family.at(i));
    return family;
}

QList<pid_t> threadsOf(pid_t pid)
{
    QList<pid_t> threads;
    const QStringList entries =
        QDir(QStringLiteral("/proc/%1/task").arg(pid)).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries)
        threads << pid_t(entry.toInt());
    return threads;
}

// Seizes every thread of pid, reading its task list again until no new
// thread appears (one may start while the others are seized; after a
// thread is seized, the threads it starts are traced by the kernel).
// Returns the threads seized; *error is errno of the leader's refusal.
QList<pid_t> seizeProcess(pid_t pid, int *error)
{
    QList<pid_t> seized;
    *error = 0;
    for (int pass = 0; pass < 10; ++pass) {
        bool added = false;
        for (pid_t tid : threadsOf(pid)) {
            if (seized.contains(tid))
                continue;
            if (::ptrace(PTRACE_SEIZE, tid, nullptr, reinterpret_cast<void *>(attachOptions)) == 0) {
                seized << tid;
                added = true;
            } else if (tid == pid) {
                *error = errno;
                return seized;
            }
        }
        if (!added)
            break;
    }
    if (seized.isEmpty())
        *error = ESRCH;
    return seized;
}

bool tracedByUs(pid_t pid)
{
    return statusField(readStatus(pid), "TracerPid") == ::getpid();
}

} // namespace

namespace {

// The program's descendants, each seized with all its threads, parents
// first; the tree is read again until a pass finds no process that was
// forked before its parent was seized (one forked after is traced by the
// kernel and reported by its parent's fork event).
QList<QPair<pid_t, QList<pid_t>>> seizeDescendants(pid_t root)
{
    QList<QPair<pid_t, QList<pid_t>>> seized;
    QSet<pid_t> known{root};
    for (int pass = 0; pass < 10; ++pass) {
        bool added = false;
        for (pid_t pid : familyOf(root)) {
            if (known.contains(pid))
                continue;
            known.insert(pid);
            if (tracedByUs(pid))
                continue; // forked after its parent was seized: its fork event comes
            int error = 0;
            const QList<pid_t> threads = seizeProcess(pid, &error);
            if (threads.isEmpty())
                continue; // ended meanwhile, or refused (then sampling still shows it)
            seized.append({pid, threads});
            added = true;
        }
        if (!added)
            break;
    }
    return seized;
}

// A process that was there before the watch: its spawn (how "attach"), its
// argv as an exec, and its other threads, all at time 0.
void reportAttached(Session &session, pid_t pid, const QList<pid_t> &threads)
{
    TraceProtocol::Event spawn;
    spawn.kind = TraceProtocol::Event::Kind::Spawn;
    spawn.pid = pid;
    spawn.ppid = statusField(readStatus(pid), "PPid");
    spawn.how = QStringLiteral("attach");
    spawn.fds = readFds(pid);
    session.write(spawn);
    TraceProtocol::Event exec;
    exec.kind = TraceProtocol::Event::Kind::Exec;
    exec.pid = pid;
    exec.argv = readArgv(pid);
    exec.exe = readLink("/proc/" + QByteArray::number(pid) + "/exe");
    exec.fds = spawn.fds;
    session.write(exec);
    for (pid_t tid : threads) {
        if (tid == pid)
            continue;
        TraceProtocol::Event thread;
        thread.kind = TraceProtocol::Event::Kind::Thread;
        thread.pid = pid;
        thread.tid = tid;
        session.write(thread);
    }
    session.addAttached(pid, pid_t(spawn.ppid), threads);
}

// Stop (SIGTERM from the engine, Ctrl+C headless) lets go of the family
// instead of ending the tracer with it; a tick wakes waitpid to see it.
void installLetGo()
{
    struct sigaction stop{};
    stop.sa_handler = onStopWatching;
    sigemptyset(&stop.sa_mask);
    for (int sig : {SIGTERM, SIGINT, SIGHUP, SIGQUIT})
        ::sigaction(sig, &stop, nullptr);
    struct sigaction tick{};
    tick.sa_handler = onTick;
    sigemptyset(&tick.sa_mask);
    ::sigaction(SIGALRM, &tick, nullptr);
    const itimerval every{{0, AttachTickMs * 1000}, {0, AttachTickMs * 1000}};
    ::setitimer(ITIMER_REAL, &every, nullptr);
}

// The events go to a descriptor the app handed down (--trace-out fd:N, the
// write end of its pipe) or to a file (tests, the benchmark). The descriptor
// is not passed on to the program, and never blocks the tracer (Session).
int openEvents(const QString &outPath)
{
    int out = TraceProtocol::inheritedDescriptor(outPath);
    if (out >= 0) {
        const int flags = ::fcntl(out, F_GETFL);
        if (flags < 0 || (flags & O_ACCMODE) == O_RDONLY) {
            qCWarning(lcTrace, "the events descriptor %d is not open for writing", out);
            return -1;
        }
        ::fcntl(out, F_SETFD, FD_CLOEXEC);
        ::fcntl(out, F_SETFL, flags | O_NONBLOCK);
        return out;
    }
    out = ::open(QFile::encodeName(outPath).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (out < 0)
        qCWarning(lcTrace, "cannot write events to %s: %s", qPrintable(outPath), std::strerror(errno));
    return out;
}

} // namespace

int Tracer::attach(qint64 target, const QString &outPath, qint64 detachAfterMs, int *rootSignal)
{
    *rootSignal = 0;
    const int out = openEvents(outPath);
    if (out < 0)
        return 127;
    Session session(out);
    session.setStart(monotonicMs());
    TraceProtocol::Event hello;
    hello.kind = TraceProtocol::Event::Kind::Hello;
    hello.pid = ::getpid();
    session.write(hello);

    const pid_t root = pid_t(target);
    const QString refusedBefore = AttachCheck::refusal(target);
    const QByteArray forced = qgetenv(TraceProtocol::RefuseEnv);
    int error = 0;
    QList<pid_t> rootThreads;
    if (refusedBefore.isEmpty() && forced.isEmpty())
        rootThreads = seizeProcess(root, &error);
    if (rootThreads.isEmpty()) {
        TraceProtocol::Event refused;
        refused.kind = TraceProtocol::Event::Kind::Refused;
        refused.reason = !refusedBefore.isEmpty() ? refusedBefore
                         : error != 0             ? AttachCheck::seizeFailure(target, error)
                                                  : QStringLiteral("ptrace refused: ") + QString::fromLocal8Bit(forced);
        session.write(refused);
        TraceProtocol::Event end;
        end.kind = TraceProtocol::Event::Kind::End;
        end.ms = session.ms();
        session.write(end);
        std::fprintf(stderr, "spawnscope: cannot watch process %lld: %s\n", target, qPrintable(refused.reason));
        session.close();
        return TraceProtocol::AttachRefusedExit;
    }

    installLetGo();
    session.setAttached(detachAfterMs > 0 ? double(detachAfterMs) : 0);
    const QList<QPair<pid_t, QList<pid_t>>> descendants = seizeDescendants(root);
    reportAttached(session, root, rootThreads);
    for (const auto &[pid, threads] : descendants)
        reportAttached(session, pid, threads);

    const int code = session.loop(root, rootSignal);
    const itimerval never{};
    ::setitimer(ITIMER_REAL, &never, nullptr);
    session.close();
    return code;
}

int Tracer::run(const QStringList &program, const QString &outPath, int *rootSignal)
{
    *rootSignal = 0;
    const int out = openEvents(outPath);
    if (out < 0)
        return 127;
    Session session(out);
    TraceProtocol::Event hello;
    hello.kind = TraceProtocol::Event::Kind::Hello;
    hello.pid = ::getpid();
    session.write(hello);

    std::vector<QByteArray> storage;
    for (const QString &arg : program)
        storage.push_back(arg.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &arg : storage)
        argv.push_back(arg.data());
    argv.push_back(nullptr);

    // Orphans of the family (a daemon's double fork, a shell that exits
    // before its background job) re-parent to the tracer instead of init, so
    // they stay in the tree the app samples under the tracer and are reaped
    // here rather than by whoever init is.
    if (::prctl(PR_SET_CHILD_SUBREAPER, 1L, 0L, 0L, 0L) != 0)
        qCWarning(lcTrace, "PR_SET_CHILD_SUBREAPER: %s; orphans re-parent to init", std::strerror(errno));

    const pid_t tracer = ::getpid();
    const double startMs = monotonicMs();
    session.setStart(startMs);
    const pid_t child = ::fork();
    if (child < 0) {
        qCWarning(lcTrace, "fork: %s", std::strerror(errno));
        return 127;
    }
    if (child == 0) {
        // Traced, EXITKILL takes the family down with a killed tracer; where
        // ptrace is refused this does it for the program at least, so a
        // tracer killed outright never leaves it running unseen.
        ::prctl(PR_SET_PDEATHSIG, SIGKILL, 0L, 0L, 0L);
        if (::getppid() != tracer)
            ::_exit(127); // the tracer died before the line above
        // Stop until the tracer has seized us, so the exec is already traced
        // (strace starts its child the same way when it uses PTRACE_SEIZE).
        ::kill(::getpid(), SIGSTOP);
        ::execvp(argv[0], argv.data());
        const int error = errno;
        std::fprintf(stderr, "spawnscope: cannot run %s: %s\n", argv[0], std::strerror(error));
        ::_exit(error == ENOENT ? 127 : 126);
    }

    int status = 0;
    while (::waitpid(child, &status, WSTOPPED) < 0 && errno == EINTR) {
    }
    const QByteArray forced = qgetenv(TraceProtocol::RefuseEnv);
    long seized = -1;
    int seizeError = EPERM;
    if (forced.isEmpty()) {
        seized = ::ptrace(PTRACE_SEIZE, child, nullptr, reinterpret_cast<void *>(traceOptions));
        seizeError = errno;
    }
    struct sigaction action{};
    action.sa_handler = ignoreStop;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (int sig : {SIGTERM, SIGINT, SIGHUP, SIGQUIT})
        ::sigaction(sig, &action, nullptr);

    if (seized < 0) {
        // Refused: say so once, then run the program anyway, unwatched, as
        // its plain parent. The app samples /proc under the tracer, so the
        // family is still seen, only not exactly; the event tells the reader
        // which of the two it got.
        TraceProtocol::Event refused;
        refused.kind = TraceProtocol::Event::Kind::Refused;
        refused.reason = forced.isEmpty() ? refusalReason(seizeError)
                                          : QStringLiteral("ptrace refused: ") + QString::fromLocal8Bit(forced);
        session.write(refused);
        std::fprintf(stderr, "spawnscope: %s; the program runs unwatched, its family sampled from /proc\n",
                     qPrintable(refused.reason));
        ::kill(child, SIGCONT);
        const int code = session.waitUntraced(child, rootSignal);
        session.close();
        return code;
    }

    TraceProtocol::Event root;
    root.kind = TraceProtocol::Event::Kind::Spawn;
    root.ms = session.ms();
    root.pid = child;
    root.ppid = ::getpid();
    root.how = QStringLiteral("root");
    root.fds = readFds(child);
    session.addRoot(child);
    session.write(root);

    ::kill(child, SIGCONT);
    const int code = session.loop(child, rootSignal);
    session.close();
    return code;
}

void Tracer::reraise(int signal)
{
    // No core file of the tracer for the program's crash.
    const rlimit noCore{0, 0};
    ::setrlimit(RLIMIT_CORE, &noCore);
    ::signal(signal, SIG_DFL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, signal);
    ::sigprocmask(SIG_UNBLOCK, &set, nullptr);
    ::raise(signal);
    ::_exit(128 + signal);
}
