#include "traceprotocol.h"

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
    {TraceProtocol::Event::Kind::End, "end"},
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

// A pid is a positive whole number that fits pid_t.
bool toPid(const QJsonValue &value, qint64 *out)
{
    if (!value.isDouble())
        return false;
    const double d = value.toDouble();
    if (!(d >= 1 && d <= 4194304.0 * 1024) || d != std::floor(d))
        return false;
    *out = qint64(d);
    return true;
}

bool toMs(const QJsonValue &value, double *out)
{
    if (!value.isDouble())
        return false;
    const double d = value.toDouble();
    if (!std::isfinite(d) || d < 0 || d > 1e12)
        return false;
    *out = d;
    return true;
}

} // namespace

QStringList TraceProtocol::workerArguments(const QString &outPath, const QString &program, const QStringList &args)
{
    return QStringList{QStringLiteral("--") + QLatin1String(WorkerOption), QStringLiteral("--") + QLatin1String(OutOption),
                       outPath, QStringLiteral("--"), program}
           + args;
}

QString TraceProtocol::tracerProgram()
{
    const QString overridden = qEnvironmentVariable("SPAWNSCOPE_TRACER");
    return overridden.isEmpty() ? QCoreApplication::applicationFilePath() : overridden;
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
    if (event.kind != Kind::Refused && event.kind != Kind::End)
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
        break;
    case Kind::Refused:
        o.insert(QStringLiteral("reason"), event.reason);
        break;
    case Kind::End:
        break;
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

bool TraceProtocol::parse(const QByteArray &line, Event *out)
{
    using Kind = Event::Kind;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(line.trimmed(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    const QJsonObject o = doc.object();
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
        return false;
    if (e.kind != Kind::Hello && e.kind != Kind::Refused && !toMs(o.value(QStringLiteral("ms")), &e.ms))
        return false;
    if (e.kind != Kind::Hello && e.kind != Kind::Refused && e.kind != Kind::End
        && !toPid(o.value(QStringLiteral("pid")), &e.pid)) {
        return false;
    }
    switch (e.kind) {
    case Kind::Hello: {
        const QJsonValue v = o.value(QStringLiteral("v"));
        if (!v.isDouble() || v.toDouble() != std::floor(v.toDouble()) || v.toDouble() < 1 || v.toDouble() > 1e6)
            return false;
        e.version = int(v.toDouble());
        toPid(o.value(QStringLiteral("tracer")), &e.pid); // informative only
        break;
    }
    case Kind::Spawn:
        if (!toPid(o.value(QStringLiteral("ppid")), &e.ppid) || !toList(o.value(QStringLiteral("fds")), &e.fds))
            return false;
        e.how = o.value(QStringLiteral("how")).toString();
        break;
    case Kind::Exec:
        if (!toList(o.value(QStringLiteral("argv")), &e.argv) || !toList(o.value(QStringLiteral("fds")), &e.fds))
            return false;
        e.exe = o.value(QStringLiteral("exe")).toString();
        break;
    case Kind::Thread:
        if (!toPid(o.value(QStringLiteral("tid")), &e.tid))
            return false;
        break;
    case Kind::Exit: {
        const QJsonValue code = o.value(QStringLiteral("code"));
        const QJsonValue signal = o.value(QStringLiteral("signal"));
        if (signal.isDouble()) {
            const double s = signal.toDouble();
            if (!(s >= 1 && s <= 128) || s != std::floor(s))
                return false;
            e.signal = int(s);
        } else if (code.isDouble()) {
            const double c = code.toDouble();
            if (!(c >= 0 && c <= 255) || c != std::floor(c))
                return false;
            e.exitCode = int(c);
        } else {
            return false;
        }
        double value = 0;
        if (toMs(o.value(QStringLiteral("cpuUserMs")), &value))
            e.cpuUserMs = value;
        if (toMs(o.value(QStringLiteral("cpuSysMs")), &value))
            e.cpuSysMs = value;
        const QJsonValue rss = o.value(QStringLiteral("peakRssKb"));
        if (rss.isDouble() && rss.toDouble() >= 0 && rss.toDouble() < 1e15)
            e.peakRssKb = qint64(rss.toDouble());
        break;
    }
    case Kind::Refused:
        if (!o.value(QStringLiteral("reason")).isString())
            return false;
        e.reason = o.value(QStringLiteral("reason")).toString();
        break;
    case Kind::End:
        break;
    }
    *out = e;
    return true;
}
