#include "joblog.h"

#include "jobformat.h"
#include "jobprocess.h"
#include "jobrun.h"
#include "unixsignals.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

QByteArray JobLog::header()
{
    return QByteArrayLiteral("Seq\tHost\tStarttime\tJobRuntime\tSend\tReceive\tExitval\tSignal\tCommand\n");
}

namespace {

// As GNU parallel: start in epoch seconds, runtime in seconds, both with
// milliseconds; the exit value is -1 when the job never ran.
double startSeconds(const JobRun *run, const JobProcess *job)
{
    return double(run->startedAtEpochMs()) / 1000.0 + std::max(0.0, job->startedMs()) / 1000.0;
}

int exitValue(const JobOutcome &outcome)
{
    return outcome.state == JobOutcome::State::FailedToStart ? -1
           : outcome.signal != 0                           ? 0
                                                           : std::max(0, outcome.exitCode);
}

qint64 receivedBytes(const JobProcess *job)
{
    return job->pipesStdout() ? 0 : job->stdoutTail().totalBytes();
}

} // namespace

QByteArray JobLog::tsvLine(int seq, const JobRun *run, int index)
{
    const JobProcess *job = run->jobs().at(index);
    const JobOutcome &outcome = job->outcome();
    QString command = job->spec().stage.commandLine();
    command.replace(QLatin1Char('\t'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' '));
    return QStringLiteral("%1\t:\t%2\t%3\t%4\t%5\t%6\t%7\t%8\n")
        .arg(seq)
        .arg(startSeconds(run, job), 0, 'f', 3)
        .arg(job->elapsedMs() / 1000.0, 0, 'f', 3)
        .arg(job->stdinBytes())
        .arg(receivedBytes(job))
        .arg(exitValue(outcome))
        .arg(outcome.signal)
        .arg(command)
        .toUtf8();
}

QByteArray JobLog::toTsv(const QList<const JobRun *> &runs)
{
    QByteArray out = header();
    int seq = 0;
    for (const JobRun *run : runs) {
        for (int i = 0; i < run->jobs().size(); ++i)
            out += tsvLine(++seq, run, i);
    }
    return out;
}

namespace {

QJsonValue knownOrNull(qint64 value)
{
    return value >= 0 ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject JobLog::jsonRow(int seq, const JobRun *run, int i)
{
    const JobProcess *job = run->jobs().at(i);
    const JobOutcome &outcome = job->outcome();
    return QJsonObject{
        {QStringLiteral("seq"), seq},
        {QStringLiteral("run"), qint64(run->id())},
        {QStringLiteral("preset"), run->preset().id},
        {QStringLiteral("job"), JobFormat::jobName(run, i)},
        {QStringLiteral("starttime"), startSeconds(run, job)},
        {QStringLiteral("jobRuntime"), job->elapsedMs() / 1000.0},
        {QStringLiteral("send"), job->stdinBytes()},
        {QStringLiteral("receive"), receivedBytes(job)},
        {QStringLiteral("stderrBytes"), job->stderrTail().totalBytes()},
        {QStringLiteral("exitval"), exitValue(outcome)},
        {QStringLiteral("signal"), outcome.signal},
        {QStringLiteral("signalName"), outcome.signal ? UnixSignals::name(outcome.signal) : QString()},
        {QStringLiteral("state"), JobOutcome::stateKey(outcome.state)},
        {QStringLiteral("pid"), job->programPid()},
        {QStringLiteral("command"), job->spec().stage.commandLine()},
        // Resources as in the report; null when unknown.
        {QStringLiteral("cpuUserMs"), knownOrNull(job->resources().cpuUserMs)},
        {QStringLiteral("cpuSysMs"), knownOrNull(job->resources().cpuSysMs)},
        {QStringLiteral("peakRssKb"), knownOrNull(job->resources().peakRssKb)},
        {QStringLiteral("peakRssExact"), job->resources().peakRssExact},
    };
}

QByteArray JobLog::indentedJsonRow(const QJsonObject &row)
{
    // QJsonDocument indents an array's members by four spaces: the same
    // bytes as toJson, one row at a time.
    QByteArray text = QJsonDocument(row).toJson(QJsonDocument::Indented);
    text.chop(1); // its newline
    QByteArray out = "    ";
    for (const char c : std::as_const(text)) {
        out += c;
        if (c == '\n')
            out += "    ";
    }
    return out;
}

QByteArray JobLog::toJson(const QList<const JobRun *> &runs)
{
    QJsonArray rows;
    int seq = 0;
    for (const JobRun *run : runs) {
        for (int i = 0; i < run->jobs().size(); ++i)
            rows.append(jsonRow(++seq, run, i));
    }
    return QJsonDocument(rows).toJson(QJsonDocument::Indented);
}

bool JobLog::isJsonPath(const QString &path)
{
    return path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
}

QByteArray JobLog::forPath(const QString &path, const QList<const JobRun *> &runs)
{
    return isJsonPath(path) ? toJson(runs) : toTsv(runs);
}
