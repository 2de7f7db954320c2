#include "processfamily.h"

#include "jsonnumber.h"

#include <QCoreApplication>

#include <QFileInfo>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <limits>

namespace {

QString joinPids(const ProcessFamily &family, const QList<qint64> &pids)
{
    QStringList parts;
    parts.reserve(pids.size());
    for (qint64 pid : pids)
        parts << QStringLiteral("%1 (%2)").arg(pid).arg(family.name(pid));
    return parts.join(QStringLiteral(", "));
}

} // namespace

ProcessFamily::StdFd ProcessFamily::StdFd::fromLink(const QString &link)
{
    StdFd fd;
    fd.target = link;
    static const QRegularExpression pipe(QStringLiteral("^pipe:\\[(\\d+)\\]$"));
    const QRegularExpressionMatch match = pipe.match(link);
    if (link.isEmpty()) {
        fd.kind = Kind::Closed;
    } else if (match.hasMatch()) {
        fd.kind = Kind::Pipe;
        fd.pipeInode = match.captured(1).toULongLong();
    } else if (link == QLatin1String("/dev/null")) {
        fd.kind = Kind::Null;
    } else if (link.startsWith(QLatin1String("/dev/pts/")) || link.startsWith(QLatin1String("/dev/tty"))
               || link == QLatin1String("/dev/console")) {
        fd.kind = Kind::Tty;
    } else if (link.startsWith(QLatin1String("socket:["))) {
        fd.kind = Kind::Socket;
    } else if (link.startsWith(QLatin1Char('/'))) {
        fd.kind = Kind::File;
    } else {
        fd.kind = Kind::Other; // anon_inode:…, a deleted file's text, …
    }
    return fd;
}

QString ProcessFamily::StdFd::kindKey(Kind kind)
{
    switch (kind) {
    case Kind::Closed: return QStringLiteral("closed");
    case Kind::Pipe: return QStringLiteral("pipe");
    case Kind::File: return QStringLiteral("file");
    case Kind::Tty: return QStringLiteral("tty");
    case Kind::Null: return QStringLiteral("null");
    case Kind::Socket: return QStringLiteral("socket");
    case Kind::Other: return QStringLiteral("other");
    }
    return QString();
}

ProcessFamily::Member *ProcessFamily::find(qint64 pid)
{
    const auto it = m_latestByPid.constFind(pid);
    return it == m_latestByPid.constEnd() ? nullptr : &m_members[*it];
}

const ProcessFamily::Member *ProcessFamily::member(qint64 pid) const
{
    // The last one: a pid reused within one run belongs to the newer process.
    const auto it = m_latestByPid.constFind(pid);
    return it == m_latestByPid.constEnd() ? nullptr : &m_members.at(*it);
}

void ProcessFamily::append(const Member &member)
{
    // Past the limit a member is counted, not kept: what it does later
    // finds no member and is dropped with it.
    if (m_members.size() >= m_memberLimit) {
        ++m_unstoredMembers;
        return;
    }
    const qsizetype index = m_members.size();
    m_members << member;
    Member &m = m_members.last();
    // Looked up before m itself is indexed, so a member naming its own pid
    // as ppid is not its own parent.
    m.parent = m_latestByPid.value(m.ppid, -1);
    m.depth = m.parent >= 0 ? m_members.at(m.parent).depth + 1 : 0;
    m_latestByPid.insert(m.pid, index);
    indexPipes(index, true);
}

void ProcessFamily::setFds(qsizetype index, const std::array<StdFd, 3> &fds)
{
    Member &m = m_members[index];
    const auto same = [](const StdFd &a, const StdFd &b) { return a.kind == b.kind && a.target == b.target; };
    if (std::equal(fds.cbegin(), fds.cend(), m.fds.cbegin(), same))
        return; // an exec that kept its fds, as most do: no pipe changes hands
    indexPipes(index, false);
    m.fds = fds;
    indexPipes(index, true);
}

// Adds member index to (or removes it from) the pipes its fds 0-2 hold. Each
// side stays in member order; a member arriving is the newest, so adding it
// is an append, and an exec changing a fd moves only the members after it.
void ProcessFamily::indexPipes(qsizetype index, bool add)
{
    const Member &m = m_members.at(index);
    for (int fd = 0; fd < 3; ++fd) {
        const StdFd &std = m.fds[size_t(fd)];
        if (std.kind != StdFd::Kind::Pipe)
            continue;
        if (add) {
            QList<qsizetype> &side = fd == 0 ? m_pipes[std.pipeInode].readers : m_pipes[std.pipeInode].writers;
            if (side.isEmpty() || side.constLast() < index) {
                side.append(index);
            } else {
                const auto at = std::lower_bound(side.begin(), side.end(), index);
                if (*at != index) // fds 1 and 2 on one pipe make one writer
                    side.insert(at, index);
            }
            continue;
        }
        const auto ends = m_pipes.find(std.pipeInode);
        if (ends == m_pipes.end())
            continue;
        QList<qsizetype> &side = fd == 0 ? ends->readers : ends->writers;
        const auto at = std::lower_bound(side.begin(), side.end(), index);
        if (at != side.end() && *at == index)
            side.erase(at);
        if (ends->readers.isEmpty() && ends->writers.isEmpty())
            m_pipes.erase(ends);
    }
}

void ProcessFamily::apply(const TraceProtocol::Event &event)
{
    using Kind = TraceProtocol::Event::Kind;
    if (m_started && m_version != TraceProtocol::Version && event.kind != Kind::End)
        return; // refused at its hello: only its end is taken
    const auto fdsOf = [](const QStringList &links) {
        std::array<StdFd, 3> fds;
        for (int i = 0; i < 3; ++i)
            fds[size_t(i)] = StdFd::fromLink(links.value(i));
        return fds;
    };
    switch (event.kind) {
    case Kind::Hello:
        m_started = true;
        m_version = event.version;
        if (m_version != TraceProtocol::Version) {
            // Another build's tracer: its events may mean something else.
            m_refusal = tr("the tracer speaks version %1 of its protocol and this SpawnScope reads version %2; "
                           "its events were ignored (run the tracer of the same SpawnScope)")
                            .arg(m_version)
                            .arg(TraceProtocol::Version);
        }
        break;
    case Kind::Spawn: {
        Member m;
        m.pid = event.pid;
        m.ppid = event.ppid;
        m.how = event.how;
        m.forkMs = event.ms;
        m.fds = fdsOf(event.fds);
        append(m);
        break;
    }
    case Kind::Exec: {
        const qsizetype index = m_latestByPid.value(event.pid, -1);
        if (index >= 0) {
            m_members[index].execs << Exec{event.ms, event.argv, event.exe, event.setuid};
            setFds(index, fdsOf(event.fds));
        }
        break;
    }
    case Kind::Thread:
        if (Member *m = find(event.pid))
            ++m->threads;
        break;
    case Kind::Exit:
        // A process that never exec'd says what its fds became after dup2.
        if (event.fds.size() == 3) {
            const qsizetype index = m_latestByPid.value(event.pid, -1);
            if (index >= 0)
                setFds(index, fdsOf(event.fds));
        }
        if (Member *m = find(event.pid)) {
            m->exited = true;
            m->exitMs = event.ms;
            m->exitCode = event.exitCode;
            m->signal = event.signal;
            m->cpuUserMs = event.cpuUserMs;
            m->cpuSysMs = event.cpuSysMs;
            m->peakRssKb = event.peakRssKb;
        }
        break;
    case Kind::Refused:
        m_refusal = event.reason;
        break;
    case Kind::End:
        m_ended = true;
        m_lostEvents = event.lost;
        m_tracerUserMs = event.cpuUserMs;
        m_tracerSysMs = event.cpuSysMs;
        break;
    case Kind::Detach:
        m_detachedMs = event.ms;
        break;
    }
}

ProcessFamily ProcessFamily::fromLines(const QByteArray &text, int *badLines)
{
    ProcessFamily family;
    const int bad = family.applyLines(text);
    if (badLines)
        *badLines = bad;
    return family;
}

int ProcessFamily::applyLines(const QByteArray &text)
{
    int bad = 0;
    for (const QByteArray &line : text.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        TraceProtocol::Event event;
        if (TraceProtocol::parse(line, &event))
            apply(event);
        else
            ++bad;
    }
    return bad;
}

QString ProcessFamily::name(qint64 pid) const
{
    // Up the parents only past forks that never exec'd; parents come before
    // their children, so even a ppid cycle in hostile input ends.
    for (const Member *m = member(pid); m; m = m->parent >= 0 ? &m_members.at(m->parent) : nullptr) {
        if (!m->execs.isEmpty()) {
            const Exec &last = m->execs.constLast();
            const QString program = last.argv.isEmpty() ? last.exe : last.argv.constFirst();
            return QFileInfo(program).fileName();
        }
    }
    return QString();
}

QList<ProcessFamily::PipeLink> ProcessFamily::pipes() const
{
    // Each pipe's first holder: the first member on either side, and its
    // lowest fd that holds the pipe.
    struct First
    {
        qsizetype member;
        int fd;
        quint64 inode;
    };
    QList<First> firsts;
    firsts.reserve(m_pipes.size());
    for (auto it = m_pipes.cbegin(); it != m_pipes.cend(); ++it) {
        const PipeEnds &ends = it.value();
        qsizetype first = std::numeric_limits<qsizetype>::max();
        if (!ends.readers.isEmpty())
            first = ends.readers.constFirst();
        if (!ends.writers.isEmpty())
            first = std::min(first, ends.writers.constFirst());
        int fd = 0;
        while (fd < 2 && !(m_members.at(first).fds[size_t(fd)].kind == StdFd::Kind::Pipe
                           && m_members.at(first).fds[size_t(fd)].pipeInode == it.key()))
            ++fd;
        firsts << First{first, fd, it.key()};
    }
    std::sort(firsts.begin(), firsts.end(), [](const First &a, const First &b) {
        return a.member != b.member ? a.member < b.member : a.fd < b.fd;
    });
    // A pid listed once per side, where it first appears (a reused pid).
    const auto pidsOf = [this](const QList<qsizetype> &indices) {
        QList<qint64> pids;
        QSet<qint64> seen;
        for (qsizetype index : indices) {
            const qint64 pid = m_members.at(index).pid;
            if (!seen.contains(pid)) {
                seen.insert(pid);
                pids << pid;
            }
        }
        return pids;
    };
    QList<PipeLink> links;
    links.reserve(firsts.size());
    for (const First &first : std::as_const(firsts)) {
        const PipeEnds &ends = m_pipes.find(first.inode).value();
        links << PipeLink{first.inode, pidsOf(ends.writers), pidsOf(ends.readers)};
    }
    return links;
}

QString ProcessFamily::describeFd(qint64 pid, int fd) const
{
    const Member *m = member(pid);
    if (!m || fd < 0 || fd > 2)
        return QString();
    const StdFd &std = m->fds[size_t(fd)];
    switch (std.kind) {
    case StdFd::Kind::Closed:
        return tr("closed");
    case StdFd::Kind::Tty:
        return tr("%1 (terminal)").arg(std.target);
    case StdFd::Kind::Pipe: {
        const auto ends = m_pipes.constFind(std.pipeInode);
        if (ends == m_pipes.constEnd())
            return m_capturePipes.contains(std.pipeInode) ? tr("captured by SpawnScope") : tr("pipe %1").arg(std.pipeInode);
        // The other end, without the process itself and, for the readers of
        // a pipe, without the forks that only pass it on (a parent shell
        // holding both ends is still "to md5sum"). Only the other side is
        // read: a member of a shell loop, one of thousands writing the job's
        // stdout, costs what the pipe's readers cost.
        QList<qint64> others;
        QSet<qint64> seen;
        for (qsizetype index : fd == 0 ? ends->writers : ends->readers) {
            const qint64 other = m_members.at(index).pid;
            if (other != pid && !seen.contains(other)) {
                seen.insert(other);
                others << other;
            }
        }
        if (others.isEmpty() && m_capturePipes.contains(std.pipeInode))
            return fd == 0 ? tr("pipe from SpawnScope") : tr("captured by SpawnScope");
        if (others.isEmpty())
            // Only fds 0-2 are read: a parent holding the other end on
            // fd 5 (CPython's subprocess.PIPE) is not seen as a stdin or
            // stdout here.
            return tr("pipe %1 (other end elsewhere)").arg(std.pipeInode);
        return (fd == 0 ? tr("pipe from %1") : tr("pipe to %1")).arg(joinPids(*this, others));
    }
    case StdFd::Kind::Null:
    case StdFd::Kind::File:
    case StdFd::Kind::Socket:
    case StdFd::Kind::Other:
        return std.target;
    }
    return QString();
}

QJsonArray ProcessFamily::toJson() const
{
    QJsonArray array;
    static const char *const fdKeys[] = {"stdin", "stdout", "stderr"};
    for (const Member &m : m_members) {
        QJsonObject o;
        o.insert(QStringLiteral("pid"), double(m.pid));
        o.insert(QStringLiteral("ppid"), double(m.ppid));
        o.insert(QStringLiteral("how"), m.how);
        o.insert(QStringLiteral("name"), name(m.pid));
        o.insert(QStringLiteral("forkMs"), m.forkMs);
        QJsonArray execs;
        for (const Exec &exec : m.execs) {
            QJsonObject e;
            e.insert(QStringLiteral("ms"), exec.ms);
            e.insert(QStringLiteral("argv"), QJsonArray::fromStringList(exec.argv));
            e.insert(QStringLiteral("exe"), exec.exe);
            if (exec.setuid)
                e.insert(QStringLiteral("setuid"), true);
            execs.append(e);
        }
        o.insert(QStringLiteral("execs"), execs);
        // The last exec is what the process was when it ended; a fork that
        // never exec'd ran its parent's program.
        o.insert(QStringLiteral("argv"), QJsonArray::fromStringList(m.execs.isEmpty() ? QStringList() : m.execs.last().argv));
        if (!m.execs.isEmpty())
            o.insert(QStringLiteral("execMs"), m.execs.last().ms);
        if (m.exited) {
            o.insert(QStringLiteral("exitMs"), m.exitMs);
            if (m.signal > 0)
                o.insert(QStringLiteral("signal"), m.signal);
            else
                o.insert(QStringLiteral("exitCode"), m.exitCode);
        }
        if (m.cpuUserMs >= 0)
            o.insert(QStringLiteral("cpuUserMs"), m.cpuUserMs);
        if (m.cpuSysMs >= 0)
            o.insert(QStringLiteral("cpuSysMs"), m.cpuSysMs);
        if (m.peakRssKb >= 0)
            o.insert(QStringLiteral("peakRssKb"), double(m.peakRssKb));
        o.insert(QStringLiteral("threads"), m.threads);
        // A stream: {"kind":"pipe","id":N} (both ends of one pipe share N),
        // {"kind":"file","path":…}, {"kind":"tty","path":…}, {"kind":"null"},
        // each with "text" as the table says it ("pipe to 4312 (md5sum)").
        for (int fd = 0; fd < 3; ++fd) {
            const StdFd &std = m.fds[size_t(fd)];
            QJsonObject f;
            f.insert(QStringLiteral("kind"), StdFd::kindKey(std.kind));
            switch (std.kind) {
            case StdFd::Kind::Pipe:
                f.insert(QStringLiteral("id"), double(std.pipeInode));
                break;
            case StdFd::Kind::File:
            case StdFd::Kind::Tty:
                f.insert(QStringLiteral("path"), std.target);
                break;
            case StdFd::Kind::Socket:
            case StdFd::Kind::Other:
                f.insert(QStringLiteral("target"), std.target);
                break;
            case StdFd::Kind::Null:
            case StdFd::Kind::Closed:
                break;
            }
            f.insert(QStringLiteral("text"), describeFd(m.pid, fd));
            o.insert(QLatin1String(fdKeys[fd]), f);
        }
        array.append(o);
    }
    return array;
}

ProcessFamily ProcessFamily::fromJson(const QJsonArray &array, const QString &refusal)
{
    static const char *const fdKeys[] = {"stdin", "stdout", "stderr"};
    ProcessFamily family;
    family.m_started = !array.isEmpty();
    family.m_ended = true;
    family.m_refusal = refusal;
    for (const QJsonValue &value : array) {
        const QJsonObject o = value.toObject();
        Member m;
        // Checked as JsonNumber does; what fails keeps the member's default.
        const auto whole = [&o](const char *key, qint64 min, qint64 max, qint64 fallback) {
            return JsonNumber::whole(o.value(QLatin1String(key)), min, max).value_or(fallback);
        };
        const auto ms = [](const QJsonObject &json, const char *key, double fallback) {
            return JsonNumber::ms(json.value(QLatin1String(key))).value_or(fallback);
        };
        m.pid = whole("pid", 0, JsonNumber::MaxPid, 0);
        m.ppid = whole("ppid", 0, JsonNumber::MaxPid, 0);
        m.how = o.value(QStringLiteral("how")).toString();
        m.forkMs = ms(o, "forkMs", 0);
        for (const QJsonValue &execValue : o.value(QStringLiteral("execs")).toArray()) {
            const QJsonObject e = execValue.toObject();
            Exec exec;
            exec.ms = ms(e, "ms", 0);
            for (const QJsonValue &arg : e.value(QStringLiteral("argv")).toArray())
                exec.argv << arg.toString();
            exec.exe = e.value(QStringLiteral("exe")).toString();
            exec.setuid = e.value(QStringLiteral("setuid")).toBool();
            m.execs << exec;
        }
        m.exited = o.contains(QStringLiteral("exitMs"));
        m.exitMs = ms(o, "exitMs", -1);
        m.signal = int(whole("signal", 0, 128, 0));
        m.exitCode = int(whole("exitCode", -1, 255, -1));
        m.cpuUserMs = JsonNumber::real(o.value(QStringLiteral("cpuUserMs")), -1, JsonNumber::MaxMs).value_or(-1);
        m.cpuSysMs = JsonNumber::real(o.value(QStringLiteral("cpuSysMs")), -1, JsonNumber::MaxMs).value_or(-1);
        m.peakRssKb = whole("peakRssKb", -1, JsonNumber::MaxWhole, -1);
        m.threads = int(whole("threads", 1, std::numeric_limits<int>::max(), 1));
        for (int fd = 0; fd < 3; ++fd) {
            const QJsonObject f = o.value(QLatin1String(fdKeys[fd])).toObject();
            const QString kind = f.value(QStringLiteral("kind")).toString();
            StdFd &std = m.fds[size_t(fd)];
            if (kind == StdFd::kindKey(StdFd::Kind::Pipe)) {
                std = StdFd::fromLink(QStringLiteral("pipe:[%1]").arg(
                    JsonNumber::whole(f.value(QStringLiteral("id")), 0, JsonNumber::MaxWhole).value_or(0)));
            } else if (kind == StdFd::kindKey(StdFd::Kind::Null)) {
                std = StdFd::fromLink(QStringLiteral("/dev/null"));
            } else if (kind == StdFd::kindKey(StdFd::Kind::File) || kind == StdFd::kindKey(StdFd::Kind::Tty)) {
                std.target = f.value(QStringLiteral("path")).toString();
                std.kind = kind == StdFd::kindKey(StdFd::Kind::File) ? StdFd::Kind::File : StdFd::Kind::Tty;
            } else if (kind == StdFd::kindKey(StdFd::Kind::Socket) || kind == StdFd::kindKey(StdFd::Kind::Other)) {
                std.target = f.value(QStringLiteral("target")).toString();
                std.kind = kind == StdFd::kindKey(StdFd::Kind::Socket) ? StdFd::Kind::Socket : StdFd::Kind::Other;
            }
        }
        family.append(m);
    }
    return family;
}

bool ProcessFamily::membersCpu(double *userMs, double *sysMs) const
{
    *userMs = 0;
    *sysMs = 0;
    bool whole = !m_members.isEmpty() && m_unstoredMembers == 0 && m_lostEvents == 0;
    for (const Member &m : m_members) {
        if (m.cpuUserMs < 0 || m.cpuSysMs < 0) {
            whole = false;
            continue;
        }
        *userMs += m.cpuUserMs;
        *sysMs += m.cpuSysMs;
    }
    return whole;
}

qint64 ProcessFamily::largestPeakKb() const
{
    qint64 largest = -1;
    for (const Member &m : m_members) {
        if (m.peakRssKb < 0)
            return -1;
        largest = std::max(largest, m.peakRssKb);
    }
    return largest;
}
