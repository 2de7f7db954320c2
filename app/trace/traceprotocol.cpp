#include "traceprotocol.h"

#include "coreprogram.h"
#include "jsonnumber.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace {

struct KindName
{
    TraceProtocol::Event::Kind kind;
    const char *key;
};

constexpr KindName kindNames[] = {
    {TraceProtocol::Event::Kind::Hello, "hello"},   {TraceProtocol::Event::Kind::Spawn, "spawn"},
    {TraceProtocol::Event::Kind::Exec, "exec"},     {TraceProtocol::Event::Kind::Thread, "thread"},
    {TraceProtocol::Event::Kind::Exit, "exit"},     {TraceProtocol::Event::Kind::Refused, "refused"},
    {TraceProtocol::Event::Kind::End, "end"},       {TraceProtocol::Event::Kind::Detach, "detach"},
};

// Milliseconds to the microsecond: enough for a process that lives 1 ms, and
// short lines.
double roundMs(double ms)
{
    return std::round(ms * 1000.0) / 1000.0;
}

QJsonArray toArray(const QStringList &list)
{
    QJsonArray array;
    for (const QString &item : list)
        array.append(item);
    return array;
}

bool toList(const QJsonValue &value, QStringList *out)
{
    if (!value.isArray())
        return false;
    QStringList list;
    for (const QJsonValue &item : value.toArray()) {
        if (!item.isString())
            return false;
        list << item.toString();
    }
    *out = list;
    return true;
}

// Each field's check, through JsonNumber; a refusal names the field.
struct Checker
{
    const QJsonObject &o;
    QString *error;

    bool fail(const char *key, const QString &problem) const
    {
        if (error)
            *error = QStringLiteral("\"%1\" %2").arg(QLatin1String(key), problem);
        return false;
    }
    template<typename T>
    bool take(const char *key, const std::optional<T> &value, const QString &problem, T *out) const
    {
        if (!value)
            return fail(key, problem);
        *out = *value;
        return true;
    }
    // A pid is a positive whole number that fits pid_t.
    bool pid(const char *key, qint64 *out) const
    {
        QString problem;
        return take(key, JsonNumber::whole(o.value(QLatin1String(key)), 1, JsonNumber::MaxPid, &problem), problem, out);
    }
    bool ms(const char *key, double *out) const
    {
        QString problem;
        return take(key, JsonNumber::real(o.value(QLatin1String(key)), 0, JsonNumber::MaxMs, &problem), problem, out);
    }
    bool whole(const char *key, int min, int max, int *out) const
    {
        QString problem;
        return take(key, JsonNumber::wholeInt(o.value(QLatin1String(key)), min, max, &problem), problem, out);
    }
    bool list(const char *key, QStringList *out) const
    {
        return toList(o.value(QLatin1String(key)), out) || fail(key, QStringLiteral("is not a list of strings"));
    }
};

} // namespace

QStringList TraceProtocol::workerArguments(const QString &outPath, const QString &program, const QStringList &args)
{
    return QStringList{QStringLiteral("--") + QLatin1String(WorkerOption), QStringLiteral("--") + QLatin1String(OutOption),
                       outPath, QStringLiteral("--"), program}
           + args;
}

QString TraceProtocol::descriptorPath(int fd)
{
    return QStringLiteral("fd:") + QString::number(fd);
}

int TraceProtocol::inheritedDescriptor(const QString &outPath)
{
    if (!outPath.startsWith(QLatin1String("fd:")))
        return -1;
    bool ok = false;
    const int fd = outPath.mid(3).toInt(&ok);
    return ok && fd > 2 ? fd : -1;
}

QStringList TraceProtocol::attachArguments(const QString &outPath, qint64 pid, qint64 detachAfterMs)
{
    QStringList arguments{QStringLiteral("--") + QLatin1String(WorkerOption), QStringLiteral("--") + QLatin1String(OutOption),
                          outPath, QStringLiteral("--") + QLatin1String(AttachOption), QString::number(pid)};
    if (detachAfterMs > 0)
        arguments << QStringLiteral("--") + QLatin1String(DetachAfterOption) << QString::number(detachAfterMs);
    return arguments;
}

namespace {
QString &tracerOverride()
{
    static QString path;
    return path;
}
} // namespace

QString TraceProtocol::tracerProgram()
{
    const QString &overridden = tracerOverride();
    return overridden.isEmpty() ? CoreProgram::path() : overridden;
}

void TraceProtocol::setTracerProgram(const QString &path)
{
    tracerOverride() = path;
}

QString TraceProtocol::kindKey(Event::Kind kind)
{
    for (const KindName &name : kindNames) {
        if (name.kind == kind)
            return QLatin1String(name.key);
    }
    return QString();
}

QByteArray TraceProtocol::format(const Event &event)
{
    using Kind = Event::Kind;
    QJsonObject o;
    o.insert(QStringLiteral("ev"), kindKey(event.kind));
    if (event.kind != Kind::Hello && event.kind != Kind::Refused)
        o.insert(QStringLiteral("ms"), roundMs(event.ms));
    if (event.kind != Kind::Refused && event.kind != Kind::End && event.kind != Kind::Detach)
        o.insert(QStringLiteral("pid"), double(event.pid));
    switch (event.kind) {
    case Kind::Hello:
        o.remove(QStringLiteral("pid"));
        o.insert(QStringLiteral("v"), event.version);
        o.insert(QStringLiteral("tracer"), double(event.pid));
        break;
    case Kind::Spawn:
        o.insert(QStringLiteral("ppid"), double(event.ppid));
        o.insert(QStringLiteral("how"), event.how);
        o.insert(QStringLiteral("fds"), toArray(event.fds));
        break;
    case Kind::Exec:
        o.insert(QStringLiteral("argv"), toArray(event.argv));
        o.insert(QStringLiteral("exe"), event.exe);
        o.insert(QStringLiteral("fds"), toArray(event.fds));
        if (event.setuid)
            o.insert(QStringLiteral("setuid"), true);
        break;
    case Kind::Thread:
        o.insert(QStringLiteral("tid"), double(event.tid));
        break;
    case Kind::Exit:
        if (event.signal > 0)
            o.insert(QStringLiteral("signal"), event.signal);
        else
            o.insert(QStringLiteral("code"), event.exitCode);
        if (event.cpuUserMs >= 0)
            o.insert(QStringLiteral("cpuUserMs"), roundMs(event.cpuUserMs));
        if (event.cpuSysMs >= 0)
            o.insert(QStringLiteral("cpuSysMs"), roundMs(event.cpuSysMs));
        if (event.peakRssKb >= 0)
            o.insert(QStringLiteral("peakRssKb"), double(event.peakRssKb));
        if (!event.fds.isEmpty())
            o.insert(QStringLiteral("fds"), toArray(event.fds));
        break;
    case Kind::Refused:
        o.insert(QStringLiteral("reason"), event.reason);
        break;
    case Kind::End:
        if (event.lost > 0)
            o.insert(QStringLiteral("lost"), double(event.lost));
        if (event.cpuUserMs >= 0)
            o.insert(QStringLiteral("cpuUserMs"), roundMs(event.cpuUserMs));
        if (event.cpuSysMs >= 0)
            o.insert(QStringLiteral("cpuSysMs"), roundMs(event.cpuSysMs));
        break;
    case Kind::Detach:
        break;
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

bool TraceProtocol::parse(const QByteArray &line, Event *out, QString *error)
{
    using Kind = Event::Kind;
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(line.trimmed(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return fail(QStringLiteral("not a JSON object"));
    const QJsonObject o = doc.object();
    const Checker c{o, error};
    const QString key = o.value(QStringLiteral("ev")).toString();
    Event e;
    bool known = false;
    for (const KindName &name : kindNames) {
        if (key == QLatin1String(name.key)) {
            e.kind = name.kind;
            known = true;
        }
    }
    if (!known)
        return fail(QStringLiteral("\"ev\" is not a known event"));
    if (e.kind != Kind::Hello && e.kind != Kind::Refused && !c.ms("ms", &e.ms))
        return false;
    if (e.kind != Kind::Hello && e.kind != Kind::Refused && e.kind != Kind::End && e.kind != Kind::Detach
        && !c.pid("pid", &e.pid))
        return false;
    switch (e.kind) {
    case Kind::Hello:
        if (!c.whole("v", 1, 1000000, &e.version))
            return false;
        // Informative only: a bad one is left out.
        e.pid = JsonNumber::whole(o.value(QStringLiteral("tracer")), 1, JsonNumber::MaxPid).value_or(0);
        break;
    case Kind::Spawn:
        if (!c.pid("ppid", &e.ppid) || !c.list("fds", &e.fds))
            return false;
        e.how = o.value(QStringLiteral("how")).toString();
        break;
    case Kind::Exec:
        if (!c.list("argv", &e.argv) || !c.list("fds", &e.fds))
            return false;
        e.exe = o.value(QStringLiteral("exe")).toString();
        e.setuid = o.value(QStringLiteral("setuid")).toBool();
        break;
    case Kind::Thread:
        if (!c.pid("tid", &e.tid))
            return false;
        break;
    case Kind::Exit:
        if (o.contains(QStringLiteral("signal"))) {
            if (!c.whole("signal", 1, 128, &e.signal))
                return false;
        } else if (!c.whole("code", 0, 255, &e.exitCode)) {
            return false;
        }
        // Usage is optional: a value that does not pass stays unknown.
        e.cpuUserMs = JsonNumber::real(o.value(QStringLiteral("cpuUserMs")), 0, JsonNumber::MaxMs).value_or(-1);
        e.cpuSysMs = JsonNumber::real(o.value(QStringLiteral("cpuSysMs")), 0, JsonNumber::MaxMs).value_or(-1);
        e.peakRssKb = JsonNumber::whole(o.value(QStringLiteral("peakRssKb")), 0, JsonNumber::MaxWhole).value_or(-1);
        if (o.contains(QStringLiteral("fds")) && !c.list("fds", &e.fds))
            return false;
        break;
    case Kind::Refused:
        if (!o.value(QStringLiteral("reason")).isString())
            return fail(QStringLiteral("\"reason\" is not a string"));
        e.reason = o.value(QStringLiteral("reason")).toString();
        break;
    case Kind::End:
        e.lost = JsonNumber::whole(o.value(QStringLiteral("lost")), 0, JsonNumber::MaxWhole).value_or(0);
        // The tracer's own CPU time; optional like an exit's.
        e.cpuUserMs = JsonNumber::real(o.value(QStringLiteral("cpuUserMs")), 0, JsonNumber::MaxMs).value_or(-1);
        e.cpuSysMs = JsonNumber::real(o.value(QStringLiteral("cpuSysMs")), 0, JsonNumber::MaxMs).value_or(-1);
        break;
    case Kind::Detach:
        break;
    }
    *out = e;
    return true;
}
