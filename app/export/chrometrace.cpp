#include "chrometrace.h"

#include "jobformat.h"
#include "jobprocess.h"
#include "jobrun.h"
#include "unixsignals.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QFileInfo>
#include <QJsonObject>

QByteArray ChromeTrace::toJson(const QList<const JobRun *> &runs)
{
    QJsonArray events;
    if (runs.isEmpty())
        return QJsonDocument(QJsonObject{{QStringLiteral("traceEvents"), events}}).toJson(QJsonDocument::Indented);
    qint64 origin = runs.first()->startedAtEpochMs();
    for (const JobRun *run : runs)
        origin = std::min(origin, run->startedAtEpochMs());

    for (const JobRun *run : runs) {
        const qint64 pid = qint64(run->id());
        // One "process" per run, one "thread" per job, named for the viewer.
        events.append(QJsonObject{{QStringLiteral("ph"), QStringLiteral("M")},
                                  {QStringLiteral("name"), QStringLiteral("process_name")},
                                  {QStringLiteral("pid"), pid},
                                  {QStringLiteral("args"), QJsonObject{{QStringLiteral("name"), run->preset().title}}}});
        const double runOffsetUs = double(run->startedAtEpochMs() - origin) * 1000.0;
        for (int i = 0; i < run->jobs().size(); ++i) {
            const JobProcess *job = run->jobs().at(i);
            events.append(QJsonObject{{QStringLiteral("ph"), QStringLiteral("M")},
                                      {QStringLiteral("name"), QStringLiteral("thread_name")},
                                      {QStringLiteral("pid"), pid},
                                      {QStringLiteral("tid"), i},
                                      {QStringLiteral("args"), QJsonObject{{QStringLiteral("name"), JobFormat::jobName(run, i)}}}});
            if (job->startedMs() < 0)
                continue;
            const JobOutcome &outcome = job->outcome();
            QJsonObject args{{QStringLiteral("command"), job->spec().stage.commandLine()},
                             {QStringLiteral("state"), JobOutcome::stateKey(outcome.state)},
                             {QStringLiteral("pid"), job->pid()}};
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
                events.append(QJsonObject{{QStringLiteral("name"), name},
                                          {QStringLiteral("ph"), QStringLiteral("i")},
                                          {QStringLiteral("s"), QStringLiteral("t")},
                                          {QStringLiteral("ts"), runOffsetUs + ms * 1000.0},
                                          {QStringLiteral("pid"), pid},
                                          {QStringLiteral("tid"), i}});
            }
        }
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("traceEvents"), events},
                                     {QStringLiteral("displayTimeUnit"), QStringLiteral("ms")}})
        .toJson(QJsonDocument::Indented);
}
