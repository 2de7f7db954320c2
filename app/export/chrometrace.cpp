#include "chrometrace.h"

#include "jobformat.h"
#include "jobprocess.h"
#include "jobrun.h"
#include "processfamily.h"
#include "unixsignals.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <limits>
#include <vector>

namespace {

QJsonObject metadata(const QString &name, qint64 pid, int tid, const QJsonObject &args)
{
    return QJsonObject{{QStringLiteral("ph"), QStringLiteral("M")},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("pid"), pid},
                       {QStringLiteral("tid"), tid},
                       {QStringLiteral("args"), args}};
}

QJsonObject instant(const QString &name, double ts, qint64 pid, int tid, const QJsonObject &args = {})
{
    QJsonObject event{{QStringLiteral("name"), name},
                      {QStringLiteral("ph"), QStringLiteral("i")},
                      {QStringLiteral("s"), QStringLiteral("t")},
                      {QStringLiteral("ts"), ts},
                      {QStringLiteral("pid"), pid},
                      {QStringLiteral("tid"), tid}};
    if (!args.isEmpty())
        event.insert(QStringLiteral("args"), args);
    return event;
}

QString programName(const ProcessFamily::Exec &exec)
{
    return QFileInfo(exec.argv.isEmpty() ? exec.exe : exec.argv.constFirst()).fileName();
}

// The family as a tree, in time linear in its size (a build's family can
// hold tens of thousands of processes), on the parents ProcessFamily found
// as members arrived (Member::parent, which no input can make a cycle of).
class FamilyTree
{
public:
    explicit FamilyTree(const QList<ProcessFamily::Member> &members)
        : m_members(members)
    {
    }

    // Member indices, each parent before its children and children in fork
    // order.
    QList<qsizetype> order() const
    {
        const size_t n = size_t(m_members.size());
        std::vector<std::vector<qsizetype>> children(n);
        for (size_t i = 0; i < n; ++i) {
            if (m_members[qsizetype(i)].parent >= 0)
                children[size_t(m_members[qsizetype(i)].parent)].push_back(qsizetype(i));
        }
        QList<qsizetype> order;
        std::vector<qsizetype> stack;
        for (size_t top = 0; top < n; ++top) {
            if (m_members[qsizetype(top)].parent >= 0)
                continue;
            stack.push_back(qsizetype(top));
            while (!stack.empty()) {
                const qsizetype index = stack.back();
                stack.pop_back();
                order << index;
                const std::vector<qsizetype> &kids = children[size_t(index)];
                for (auto it = kids.crbegin(); it != kids.crend(); ++it)
                    stack.push_back(*it);
            }
        }
        return order;
    }

    // The program member index was running at ms: its last exec by then,
    // or, before its first, what its parent ran when it forked.
    QString programAt(qsizetype index, double ms) const
    {
        for (qsizetype k = index; k >= 0; k = m_members[k].parent) {
            const ProcessFamily::Member &m = m_members[k];
            for (auto it = m.execs.crbegin(); it != m.execs.crend(); ++it) {
                if (it->ms <= ms)
                    return programName(*it);
            }
            ms = m.forkMs;
        }
        return QString();
    }

private:
    const QList<ProcessFamily::Member> &m_members;
};

} // namespace

QJsonArray ChromeTrace::familyEvents(const ProcessFamily &family, const FamilyPlacement &where)
{
    QJsonArray events;
    const QList<ProcessFamily::Member> &members = family.members();
    const auto us = [&where](double familyMs) { return (where.offsetMs + familyMs) * 1000.0; };
    const FamilyTree tree(members);
    int track = 0;
    for (qsizetype index : tree.order()) {
        const ProcessFamily::Member &m = members[index];
        const int tid = where.firstTid + track;
        const QString name = tree.programAt(index, std::numeric_limits<double>::infinity());
        // Indented under the job's own track, one step per generation.
        const QString label = QString(2 * m.depth, QLatin1Char(' ')) + QStringLiteral("└ ")
                              + (name.isEmpty() ? QStringLiteral("?") : name) + QLatin1Char(' ')
                              + QString::number(m.pid);
        events.append(metadata(QStringLiteral("thread_name"), where.pid, tid, {{QStringLiteral("name"), label}}));
        events.append(metadata(QStringLiteral("thread_sort_index"), where.pid, tid,
                               {{QStringLiteral("sort_index"), where.firstSortIndex + track}}));
        ++track;

        // The stretches: fork to the first exec (still the parent's program),
        // one exec to the next, the last exec to the exit. The root's first
        // stretch is the tracer's own fork waiting to be traced, not the
        // program's, and a fork that exec'd at once has none worth a span.
        const double endMs = m.exited ? m.exitMs : std::max(where.openEndMs, m.forkMs);
        QList<double> bounds{m.forkMs};
        QStringList names{tree.programAt(index, m.forkMs)};
        for (const ProcessFamily::Exec &exec : m.execs) {
            bounds << exec.ms;
            names << programName(exec);
        }
        bounds << endMs;
        if (names.first().isEmpty())
            names.first() = name;
        const bool isRoot = m.how == QLatin1String("root");
        for (qsizetype s = 0; s + 1 < bounds.size(); ++s) {
            if (s == 0 && !m.execs.isEmpty() && (isRoot || bounds[1] <= bounds[0]))
                continue;
            QJsonObject args{{QStringLiteral("pid"), m.pid}};
            if (s > 0)
                args.insert(QStringLiteral("argv"), QJsonArray::fromStringList(m.execs[s - 1].argv));
            events.append(QJsonObject{{QStringLiteral("name"), names[s]},
                                      {QStringLiteral("cat"), QStringLiteral("process")},
                                      {QStringLiteral("ph"), QStringLiteral("X")},
                                      {QStringLiteral("ts"), us(bounds[s])},
                                      {QStringLiteral("dur"), std::max(0.0, bounds[s + 1] - bounds[s]) * 1000.0},
                                      {QStringLiteral("pid"), where.pid},
                                      {QStringLiteral("tid"), tid},
                                      {QStringLiteral("args"), args}});
        }

        events.append(instant(isRoot ? QStringLiteral("start") : m.how, us(m.forkMs),
                              where.pid, tid, {{QStringLiteral("ppid"), m.ppid}}));
        for (const ProcessFamily::Exec &exec : m.execs) {
            events.append(instant(QStringLiteral("exec ") + programName(exec), us(exec.ms), where.pid, tid,
                                  {{QStringLiteral("argv"), QJsonArray::fromStringList(exec.argv)}}));
        }
        if (m.exited) {
            QJsonObject args;
            if (m.signal)
                args.insert(QStringLiteral("signal"), UnixSignals::name(m.signal));
            else
                args.insert(QStringLiteral("exitCode"), m.exitCode);
            if (m.cpuUserMs >= 0)
                args.insert(QStringLiteral("cpuMs"), m.cpuUserMs + m.cpuSysMs);
            if (m.peakRssKb >= 0)
                args.insert(QStringLiteral("peakRssKb"), m.peakRssKb);
            events.append(instant(m.signal ? UnixSignals::name(m.signal) : QStringLiteral("exit %1").arg(m.exitCode),
                                  us(m.exitMs), where.pid, tid, args));
        }
    }
    return events;
}

QJsonObject ChromeTrace::processNameEvent(const JobRun *run)
{
    return QJsonObject{{QStringLiteral("ph"), QStringLiteral("M")},
                       {QStringLiteral("name"), QStringLiteral("process_name")},
                       {QStringLiteral("pid"), qint64(run->id())},
                       {QStringLiteral("args"), QJsonObject{{QStringLiteral("name"), run->preset().title}}}};
}

QJsonArray ChromeTrace::jobEvents(const JobRun *run, int i, double runOffsetUs, int *nextFamilyTid, int *sortIndex)
{
    QJsonArray events;
    const qint64 pid = qint64(run->id());
    const JobProcess *job = run->jobs().at(i);
    events.append(metadata(QStringLiteral("thread_name"), pid, i, {{QStringLiteral("name"), JobFormat::jobName(run, i)}}));
    events.append(metadata(QStringLiteral("thread_sort_index"), pid, i, {{QStringLiteral("sort_index"), (*sortIndex)++}}));
    if (job->startedMs() < 0)
        return events;
    const JobOutcome &outcome = job->outcome();
    QJsonObject args{{QStringLiteral("command"), job->spec().stage.commandLine()},
                     {QStringLiteral("state"), JobOutcome::stateKey(outcome.state)},
                     {QStringLiteral("pid"), job->programPid()}};
    if (outcome.signal)
        args.insert(QStringLiteral("signal"), UnixSignals::name(outcome.signal));
    else if (outcome.exitCode >= 0)
        args.insert(QStringLiteral("exitCode"), outcome.exitCode);
    events.append(QJsonObject{{QStringLiteral("name"), QFileInfo(job->spec().stage.program).fileName()},
                              {QStringLiteral("cat"), QStringLiteral("job")},
                              {QStringLiteral("ph"), QStringLiteral("X")},
                              {QStringLiteral("ts"), runOffsetUs + job->startedMs() * 1000.0},
                              {QStringLiteral("dur"), job->elapsedMs() * 1000.0},
                              {QStringLiteral("pid"), pid},
                              {QStringLiteral("tid"), i},
                              {QStringLiteral("args"), args}});
    // Instant markers where the app signalled the job.
    for (const auto &[name, ms] : {std::pair{QStringLiteral("SIGTERM"), job->termSentMs()},
                                   std::pair{QStringLiteral("SIGKILL"), job->killSentMs()}}) {
        if (ms < 0)
            continue;
        events.append(instant(name, runOffsetUs + ms * 1000.0, pid, i));
    }
    const ProcessFamily &family = job->family();
    if (!job->spec().watch || family.members().isEmpty())
        return events;
    // The family's clock starts when the tracer forked the program,
    // a moment after the job's start: close enough to place it.
    FamilyPlacement where;
    where.pid = pid;
    where.firstTid = *nextFamilyTid;
    where.firstSortIndex = *sortIndex;
    where.offsetMs = runOffsetUs / 1000.0 + job->startedMs();
    where.openEndMs = job->elapsedMs();
    for (const QJsonValue &event : familyEvents(family, where))
        events.append(event);
    *nextFamilyTid += int(family.members().size());
    *sortIndex += int(family.members().size());
    return events;
}

QByteArray ChromeTrace::toJson(const QList<const JobRun *> &runs)
{
    QJsonArray events;
    if (runs.isEmpty())
        return QJsonDocument(QJsonObject{{QStringLiteral("traceEvents"), events}}).toJson(QJsonDocument::Indented);
    qint64 origin = runs.first()->startedAtEpochMs();
    for (const JobRun *run : runs)
        origin = std::min(origin, run->startedAtEpochMs());

    for (const JobRun *run : runs) {
        // One "process" per run, one "thread" per job, named for the viewer.
        events.append(processNameEvent(run));
        const double runOffsetUs = double(run->startedAtEpochMs() - origin) * 1000.0;
        // Job tracks keep tids 0..n-1; family tracks take the tids after
        // them, and sort indices put each family right under its job.
        int nextFamilyTid = int(run->jobs().size());
        int sortIndex = 0;
        for (int i = 0; i < run->jobs().size(); ++i) {
            for (const QJsonValue &event : jobEvents(run, i, runOffsetUs, &nextFamilyTid, &sortIndex))
                events.append(event);
        }
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("traceEvents"), events},
                                     {QStringLiteral("displayTimeUnit"), QStringLiteral("ms")}})
        .toJson(QJsonDocument::Indented);
}
