#include "processdetails.h"

#include "descriptorreader.h"
#include "procfiles.h"
#include "procreader.h"
#include "procsnapshot.h"
#include "usernames.h"

#include <QCoreApplication>
#include <QDeadlineTimer>

#include <algorithm>
#include <cerrno>
#include <dirent.h>
#include <unistd.h>

using Access = ProcessDetails::PipeEnd::Access;

namespace {

// The files of one process, with the reason of a failed read in its words.
class ProcessFiles
{
public:
    ProcessFiles(const QByteArray &root, qint64 pid, qint64 ownerUid)
        : m_dir(root + '/' + QByteArray::number(pid) + '/'), m_ownerUid(ownerUid)
    {
    }
    QByteArray path(const char *name) const { return m_dir + name; }
    // The file's text; a null QByteArrayView, with *problem set, when refused.
    QByteArrayView read(const char *name, QString *problem)
    {
        const qsizetype length = ProcFiles::read(path(name).constData(), m_buffer);
        if (length < 0) {
            *problem = reason(errno);
            return QByteArrayView();
        }
        return QByteArrayView(m_buffer.constData(), length);
    }
    QString link(const char *name, QString *problem) const
    {
        const QByteArray target = ProcFiles::readLink(path(name).constData());
        if (target.isNull()) {
            // A kernel thread has no exe nor cwd: ENOENT while the process lives.
            const int error = errno;
            *problem = error == ENOENT && !gone() ? ProcessDetails::tr("none (a kernel thread)") : reason(error);
        }
        return QString::fromLocal8Bit(target);
    }
    QString reason(int error) const { return ProcFiles::reason(error, m_ownerUid, gone()); }
    bool gone() const { return ::access(path("stat").constData(), F_OK) != 0; }
    qint64 ownerUid() const { return m_ownerUid; }

private:
    QByteArray m_dir;
    qint64 m_ownerUid;
    QByteArray m_buffer;
};

QStringList splitNul(QByteArrayView text)
{
    QStringList out;
    qsizetype from = 0;
    while (from < text.size()) {
        qsizetype end = text.indexOf('\0', from);
        if (end < 0)
            end = text.size();
        out.append(QString::fromLocal8Bit(text.sliced(from, end - from).toByteArray()));
        from = end + 1;
    }
    return out;
}

QStringList lines(QByteArrayView text)
{
    QStringList out;
    for (const QByteArray &line : text.toByteArray().split('\n')) {
        if (!line.isEmpty())
            out.append(QString::fromLocal8Bit(line));
    }
    return out;
}

void readParents(const QByteArray &root, qint64 ppid, QList<ProcessDetails::Ancestor> *out)
{
    QByteArray buffer;
    ProcSnapshot stat;
    // 64 links at most: a corrupt (or fake) tree must not loop.
    for (qint64 pid = ppid; pid > 0 && out->size() < 64;) {
        const QByteArray path = root + '/' + QByteArray::number(pid) + "/stat";
        const qsizetype length = ProcFiles::read(path.constData(), buffer);
        if (length <= 0 || !ProcReader::parseStat(QByteArrayView(buffer.constData(), length), stat))
            break;
        out->append({pid, QString::fromLocal8Bit(stat.comm)});
        if (pid == 1)
            break;
        pid = stat.ppid;
    }
}

// /proc/PID/limits: fixed columns under a header naming them.
void parseLimits(QByteArrayView text, QList<ProcessDetails::Limit> *out)
{
    const QList<QByteArray> rows = text.toByteArray().split('\n');
    if (rows.isEmpty())
        return;
    const QByteArray &header = rows.first();
    const qsizetype soft = header.indexOf("Soft Limit");
    const qsizetype hard = header.indexOf("Hard Limit");
    const qsizetype units = header.indexOf("Units");
    if (soft <= 0 || hard <= soft || units <= hard)
        return;
    const auto column = [](const QByteArray &row, qsizetype from, qsizetype to) {
        return QString::fromLatin1(row.mid(from, to < 0 ? -1 : to - from).trimmed());
    };
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const QByteArray &row = rows.at(i);
        if (row.trimmed().isEmpty())
            continue;
        out->append({column(row, 0, soft), column(row, soft, hard), column(row, hard, units), column(row, units, -1)});
    }
}

void readNamespaces(ProcessFiles &files, ProcessDetails &d)
{
    const QByteArray dirPath = files.path("ns");
    DIR *dir = ::opendir(dirPath.constData());
    if (!dir) {
        d.namespacesProblem = files.reason(errno);
        return;
    }
    QString problem;
    while (const dirent *entry = ::readdir(dir)) {
        if (entry->d_name[0] == '.')
            continue;
        const QByteArray name = QByteArray("ns/") + entry->d_name;
        const QString target = files.link(name.constData(), &problem);
        if (!target.isEmpty())
            d.namespaces.append({QString::fromLatin1(entry->d_name), target});
    }
    ::closedir(dir);
    std::sort(d.namespaces.begin(), d.namespaces.end(),
              [](const ProcessDetails::Namespace &a, const ProcessDetails::Namespace &b) { return a.type < b.type; });
    if (d.namespaces.isEmpty())
        d.namespacesProblem = problem.isEmpty() ? ProcessDetails::tr("no such file on this kernel") : problem;
}

void readThreads(const ProcessDetails *previous, ProcessDetails &d, ProcessFiles &files)
{
    const QByteArray taskPath = files.path("task");
    DIR *dir = ::opendir(taskPath.constData());
    if (!dir) {
        d.threadsProblem = files.reason(errno);
        return;
    }
    const bool measured = previous && previous->pid == d.pid && previous->startTicks == d.startTicks
        && d.readAtMs > previous->readAtMs;
    QByteArray buffer;
    ProcSnapshot stat;
    while (const dirent *entry = ::readdir(dir)) {
        if (entry->d_name[0] < '0' || entry->d_name[0] > '9')
            continue;
        const QByteArray path = taskPath + '/' + entry->d_name + "/stat";
        const qsizetype length = ProcFiles::read(path.constData(), buffer);
        if (length <= 0 || !ProcReader::parseStat(QByteArrayView(buffer.constData(), length), stat))
            continue; // the thread ended meanwhile
        ProcessDetails::Thread t{stat.pid, QString::fromLocal8Bit(stat.comm), stat.state, stat.cpuMs(), -1};
        if (measured) {
            const auto before = std::find_if(previous->threads.cbegin(), previous->threads.cend(),
                                             [&](const ProcessDetails::Thread &p) { return p.tid == t.tid; });
            if (before != previous->threads.cend())
                t.cpuPercent = std::max(0.0, double(t.cpuMs - before->cpuMs) * 100.0 / double(d.readAtMs - previous->readAtMs));
        }
        d.threads.append(t);
    }
    ::closedir(dir);
    std::sort(d.threads.begin(), d.threads.end(),
              [](const ProcessDetails::Thread &a, const ProcessDetails::Thread &b) { return a.tid < b.tid; });
}

void readMemory(ProcessFiles &files, QByteArrayView status, ProcessDetails &d)
{
    d.rssKb = ProcFiles::parseKbLine(status, "VmRSS:");
    d.swapKb = ProcFiles::parseKbLine(status, "VmSwap:");
    const QByteArrayView rollup = files.read("smaps_rollup", &d.pssProblem);
    if (rollup.data()) {
        d.pssKb = ProcFiles::parseKbLine(rollup, "Pss:");
        if (d.pssKb < 0)
            d.pssProblem = ProcessDetails::tr("none (a kernel thread)");
    }
}

void readEnvironment(ProcessFiles &files, ProcessDetails &d)
{
    // Another user's environment may hold their secrets: shown for one's
    // own processes only, even to root.
    if (d.uid != qint64(::getuid())) {
        d.environmentProblem = ProcessDetails::tr("not shown: owned by %1 (only your own processes' environment is shown)").arg(d.user);
        return;
    }
    const QByteArrayView text = files.read("environ", &d.environmentProblem);
    if (text.data())
        d.environment = splitNul(text);
}

// stat and status: false when the process does not exist.
bool readIdentity(const QByteArray &root, ProcessDetails &d, QByteArray *status)
{
    QByteArray buffer;
    const QByteArray dir = root + '/' + QByteArray::number(d.pid) + '/';
    ProcSnapshot stat;
    qsizetype length = ProcFiles::read((dir + "stat").constData(), buffer);
    if (length <= 0 || !ProcReader::parseStat(QByteArrayView(buffer.constData(), length), stat))
        return false;
    length = ProcFiles::read((dir + "status").constData(), buffer);
    if (length <= 0)
        return false;
    *status = buffer.left(length);
    d.comm = QString::fromLocal8Bit(stat.comm);
    d.state = stat.state;
    d.ppid = stat.ppid;
    d.startTicks = stat.startTicks;
    d.uid = ProcFiles::parseUid(*status);
    d.user = UserNames::name(d.uid);
    length = ProcFiles::read((root + "/stat").constData(), buffer);
    const qint64 bootSeconds = length > 0 ? ProcFiles::parseKbLine(QByteArrayView(buffer.constData(), length), "btime ") : -1;
    d.startedAtEpochMs = bootSeconds > 0 ? bootSeconds * 1000 + ProcReader::ticksToMs(stat.startTicks) : 0;
    return true;
}

} // namespace

ProcessDetails ProcessDetails::read(qint64 pid, const ProcessDetails *previous, const QByteArray &procRoot)
{
    const QByteArray root = ProcFiles::root(procRoot);
    ProcessDetails d;
    d.pid = pid;
    d.readAtMs = QDeadlineTimer::current().deadline();
    QByteArray status;
    if (!readIdentity(root, d, &status)) {
        d.problem = ProcessDetails::tr("process %1 has ended").arg(pid);
        return d;
    }
    d.present = true;
    ProcessFiles files(root, pid, d.uid);
    QString argvProblem; // cmdline is readable by all while the process lives
    d.argv = splitNul(files.read("cmdline", &argvProblem));
    d.exe = files.link("exe", &d.exeProblem);
    d.cwd = files.link("cwd", &d.cwdProblem);
    readParents(root, d.ppid, &d.parents);
    readEnvironment(files, d);
    const QByteArrayView limits = files.read("limits", &d.limitsProblem);
    if (limits.data())
        parseLimits(limits, &d.limits);
    const QByteArrayView cgroup = files.read("cgroup", &d.cgroupProblem);
    if (cgroup.data())
        d.cgroups = lines(cgroup);
    readNamespaces(files, d);
    readMemory(files, status, d);
    readThreads(previous, d, files);
    DescriptorReader::read(procRoot, pid, d.uid, &d.descriptors, &d.descriptorsProblem);
    // Ended while being read: say so once, over the parts that failed.
    if (files.gone()) {
        d.present = false;
        d.problem = ProcessDetails::tr("process %1 has ended").arg(pid);
    }
    return d;
}

QString ProcessDetails::kindToString(Descriptor::Kind kind)
{
    switch (kind) {
    case Descriptor::Kind::File:
        return ProcessDetails::tr("file");
    case Descriptor::Kind::Pipe:
        return ProcessDetails::tr("pipe");
    case Descriptor::Kind::Socket:
        return ProcessDetails::tr("socket");
    case Descriptor::Kind::Terminal:
        return ProcessDetails::tr("terminal");
    case Descriptor::Kind::Other:
        break;
    }
    return ProcessDetails::tr("other");
}

QString ProcessDetails::Descriptor::description() const
{
    switch (kind) {
    case Kind::File:
    case Kind::Terminal:
        return path;
    case Kind::Pipe: {
        if (peers.isEmpty())
            return ProcessDetails::tr("pipe with no other holder");
        // Data flows from the write end: → to the readers, ← from the writers.
        const QString arrow = access == Access::Read ? QStringLiteral("←") : QStringLiteral("→");
        QStringList ends;
        for (const PipeEnd &end : peers)
            ends << ProcessDetails::tr("%1 %2 %3 (fd %4)").arg(arrow).arg(end.pid).arg(end.name).arg(end.fd);
        return ends.join(QStringLiteral(", "));
    }
    case Kind::Socket: {
        if (protocol.isEmpty())
            return ProcessDetails::tr("socket (in no table of its network namespace)");
        QString text = protocol + QLatin1Char(' ') + localAddress;
        if (!peerAddress.isEmpty())
            text += QStringLiteral(" → ") + peerAddress;
        if (!socketState.isEmpty())
            text += QLatin1Char(' ') + socketState;
        return text;
    }
    case Kind::Other:
        break;
    }
    return target;
}
