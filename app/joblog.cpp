#include "joblog.h"

#include "jobformat.h"
#include "jobprocess.h"
#include "jobrun.h"
#include "unixsignals.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFileInfo>

#include <algorithm>

QByteArray JobLog::header()
{
    return QByteArrayLiteral("Seq\tHost\tStarttime\tJobRuntime\tSend\tReceive\tExitval\tSignal\tCommand\n");
}

QByteArray JobLog::toTsv(const QList<const JobRun *> &runs)
{
    QByteArray out = header();
    int seq = 0;
    for (const JobRun *run : runs) {
        for (const JobProcess *job : run->jobs()) {
            const JobOutcome &outcome = job->outcome();
            // As GNU parallel: start in epoch seconds, runtime in seconds, both with
            // milliseconds; the exit value is -1 when the job never ran.
            const double start = double(run->startedAtEpochMs()) / 1000.0 + std::max(0.0, job->startedMs()) / 1000.0;
            const int exitValue = outcome.state == JobOutcome::State::FailedToStart ? -1
                                  : outcome.signal != 0                           ? 0
                                                                                  : std::max(0, outcome.exitCode);
            QString command = job->spec().stage.commandLine();
            command.replace(QLatin1Char('\t'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' '));
            out += QStringLiteral("%1\t:\t%2\t%3\t%4\t%5\t%6\t%7\t%8\n")
                       .arg(++seq)
                       .arg(start, 0, 'f', 3)
                       .arg(job->elapsedMs() / 1000.0, 0, 'f', 3)
                       .arg(job->stdinBytes())
                       .arg(job->pipesStdout() ? 0 : job->stdoutTail().totalBytes())
                       .arg(exitValue)
                       .arg(outcome.signal)
                       .arg(command)
                       .toUtf8();
        }
    }
    return out;
}

QByteArray JobLog::toTrace(const QList<const JobRun *> &runs)
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
