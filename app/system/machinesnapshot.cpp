#include "machinesnapshot.h"

#include "jsonnumber.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>
#include <optional>

namespace {

// The one home of the format's key strings, read by the writer and the reader.
namespace Key {
constexpr char Format[] = "format";
constexpr char Version[] = "version";
constexpr char TakenAt[] = "takenAtEpochMs";
constexpr char Interval[] = "intervalMs";
constexpr char Processes[] = "processes";
constexpr char Pid[] = "pid";
constexpr char Ppid[] = "ppid";
constexpr char Uid[] = "uid";
constexpr char User[] = "user";
constexpr char Argv[] = "argv";
constexpr char Exe[] = "exe";
constexpr char State[] = "state";
constexpr char StartedAt[] = "startedAtEpochMs";
constexpr char CpuUserMs[] = "cpuUserMs";
constexpr char CpuSysMs[] = "cpuSysMs";
constexpr char CpuPercent[] = "cpuPercent";
constexpr char RssKb[] = "rssKb";
constexpr char Threads[] = "threads";
} // namespace Key

QJsonObject processToJson(const MachineProcess &p)
{
    QJsonObject o;
    o.insert(QLatin1String(Key::Pid), p.pid);
    o.insert(QLatin1String(Key::Ppid), p.ppid);
    o.insert(QLatin1String(Key::Uid), p.uid);
    o.insert(QLatin1String(Key::User), p.user);
    o.insert(QLatin1String(Key::Argv), QJsonArray::fromStringList(p.argv));
    o.insert(QLatin1String(Key::Exe), p.exe);
    o.insert(QLatin1String(Key::State), QString(QLatin1Char(p.state)));
    o.insert(QLatin1String(Key::StartedAt), p.startedAtEpochMs);
    o.insert(QLatin1String(Key::CpuUserMs), p.cpuUserMs);
    o.insert(QLatin1String(Key::CpuSysMs), p.cpuSysMs);
    o.insert(QLatin1String(Key::CpuPercent), p.cpuPercent);
    o.insert(QLatin1String(Key::RssKb), p.rssKb);
    o.insert(QLatin1String(Key::Threads), p.threads);
    return o;
}

// Reads one process; on failure *error names the field ("processes[3].pid is
// not a whole number").
class ProcessReader
{
public:
    ProcessReader(const QJsonObject &object, const QString &where, QString *error)
        : m_object(object), m_where(where), m_error(error)
    {
    }

    bool whole(const char *key, qint64 min, qint64 max, qint64 *out)
    {
        QString problem;
        const std::optional<qint64> n = JsonNumber::whole(m_object.value(QLatin1String(key)), min, max, &problem);
        if (!n)
            return fail(key, problem);
        *out = *n;
        return true;
    }
    bool real(const char *key, double min, double max, double *out)
    {
        QString problem;
        const std::optional<double> d = JsonNumber::real(m_object.value(QLatin1String(key)), min, max, &problem);
        if (!d)
            return fail(key, problem);
        *out = *d;
        return true;
    }
    bool string(const char *key, QString *out)
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (!v.isString())
            return fail(key, MachineSnapshot::tr("is not a string"));
        *out = v.toString();
        return true;
    }
    bool strings(const char *key, QStringList *out)
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (!v.isArray())
            return fail(key, MachineSnapshot::tr("is not a list"));
        const QJsonArray array = v.toArray();
        out->clear();
        out->reserve(array.size());
        for (const QJsonValue &item : array) {
            if (!item.isString())
                return fail(key, MachineSnapshot::tr("holds an item that is not a string"));
            out->append(item.toString());
        }
        return true;
    }
    bool fail(const char *key, const QString &problem)
    {
        *m_error = m_where + QLatin1Char('.') + QLatin1String(key) + QLatin1Char(' ') + problem;
        return false;
    }

private:
    QJsonObject m_object;
    QString m_where;
    QString *m_error;
};

bool processFromJson(const QJsonObject &o, const QString &where, MachineProcess *p, QString *error)
{
    ProcessReader r(o, where, error);
    qint64 threads = 0;
    QString state;
    if (!r.whole(Key::Pid, 0, JsonNumber::MaxPid, &p->pid) || !r.whole(Key::Ppid, 0, JsonNumber::MaxPid, &p->ppid)
        || !r.whole(Key::Uid, -1, 0xffffffffLL, &p->uid) || !r.string(Key::User, &p->user)
        || !r.strings(Key::Argv, &p->argv) || !r.string(Key::Exe, &p->exe) || !r.string(Key::State, &state)
        || !r.whole(Key::StartedAt, 0, qint64(JsonNumber::MaxMs), &p->startedAtEpochMs)
        || !r.whole(Key::CpuUserMs, 0, JsonNumber::MaxWhole, &p->cpuUserMs)
        || !r.whole(Key::CpuSysMs, 0, JsonNumber::MaxWhole, &p->cpuSysMs)
        || !r.real(Key::CpuPercent, -1, 1e6, &p->cpuPercent) || !r.whole(Key::RssKb, -1, JsonNumber::MaxWhole, &p->rssKb)
        || !r.whole(Key::Threads, 0, 1 << 30, &threads))
        return false;
    if (state.size() != 1 || state.at(0).unicode() < 'A' || state.at(0).unicode() > 'z')
        return r.fail(Key::State, MachineSnapshot::tr("is not one letter"));
    p->state = char(state.at(0).unicode());
    p->threads = int(threads);
    p->comm = p->argv.isEmpty() ? QString() : p->argv.constFirst().section(QLatin1Char('/'), -1);
    return true;
}

} // namespace

QJsonObject MachineSnapshot::toJson() const
{
    QJsonArray list;
    for (const MachineProcess &p : processes)
        list.append(processToJson(p));
    QJsonObject o;
    o.insert(QLatin1String(Key::Format), QLatin1String(Format));
    o.insert(QLatin1String(Key::Version), Version);
    o.insert(QLatin1String(Key::TakenAt), takenAtEpochMs);
    o.insert(QLatin1String(Key::Interval), intervalMs);
    o.insert(QLatin1String(Key::Processes), list);
    return o;
}

bool MachineSnapshot::fromJson(const QJsonObject &object, MachineSnapshot *out, QString *error)
{
    QString scratch;
    if (!error)
        error = &scratch;
    const QJsonValue format = object.value(QLatin1String(Key::Format));
    if (format.toString() != QLatin1String(Format)) {
        *error = MachineSnapshot::tr("not a process list: \"format\" is not \"%1\"").arg(QLatin1String(Format));
        return false;
    }
    QString problem;
    const std::optional<qint64> version = JsonNumber::whole(object.value(QLatin1String(Key::Version)), 1, JsonNumber::MaxWhole, &problem);
    if (!version) {
        *error = MachineSnapshot::tr("\"version\" %1").arg(problem);
        return false;
    }
    if (*version > Version) {
        *error = MachineSnapshot::tr("a process list of version %1, newer than this SpawnScope reads (%2): update SpawnScope")
                     .arg(*version)
                     .arg(Version);
        return false;
    }
    MachineSnapshot s;
    ProcessReader top(object, QStringLiteral("document"), error);
    if (!top.whole(Key::TakenAt, 0, qint64(JsonNumber::MaxMs), &s.takenAtEpochMs)
        || !top.whole(Key::Interval, 0, qint64(JsonNumber::MaxMs), &s.intervalMs))
        return false;
    const QJsonValue list = object.value(QLatin1String(Key::Processes));
    if (!list.isArray()) {
        *error = MachineSnapshot::tr("\"%1\" is not a list").arg(QLatin1String(Key::Processes));
        return false;
    }
    const QJsonArray array = list.toArray();
    s.processes.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString where = QStringLiteral("%1[%2]").arg(QLatin1String(Key::Processes)).arg(i);
        if (!array.at(i).isObject()) {
            *error = MachineSnapshot::tr("%1 is not an object").arg(where);
            return false;
        }
        MachineProcess p;
        if (!processFromJson(array.at(i).toObject(), where, &p, error))
            return false;
        s.processes.append(p);
    }
    std::sort(s.processes.begin(), s.processes.end(),
              [](const MachineProcess &a, const MachineProcess &b) { return a.pid < b.pid; });
    if (out)
        *out = s;
    return true;
}

const MachineProcess *MachineSnapshot::find(qint64 pid) const
{
    const auto it = std::lower_bound(processes.cbegin(), processes.cend(), pid,
                                     [](const MachineProcess &p, qint64 value) { return p.pid < value; });
    return it != processes.cend() && it->pid == pid ? &*it : nullptr;
}
