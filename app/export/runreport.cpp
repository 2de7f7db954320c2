#include "runreport.h"

#include "jobformat.h"
#include "jobprocess.h"
#include "jobrun.h"
#include "unixsignals.h"

#include <QJsonArray>
#include <QStringDecoder>

#include <cmath>

namespace {

double roundMs(double ms)
{
    return std::round(ms * 1000.0) / 1000.0;
}

QString lossyUtf8(const QByteArray &bytes)
{
    // Invalid sequences become U+FFFD rather than failing the report.
    return QString::fromUtf8(bytes);
}

QJsonValue knownOrNull(qint64 value)
{
    return value >= 0 ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
}

QJsonArray descendantsToJson(const JobResources &resources)
{
    QJsonArray array;
    for (const ProcessSample &process : resources.descendants) {
        array.append(QJsonObject{
            {QStringLiteral("pid"), process.pid},
            {QStringLiteral("ppid"), process.ppid},
            {QStringLiteral("argv"), QJsonArray::fromStringList(process.argv)},
            {QStringLiteral("firstSeenMs"), roundMs(process.firstSeenMs)},
            {QStringLiteral("lastSeenMs"), roundMs(process.lastSeenMs)},
            {QStringLiteral("ended"), process.ended},
            {QStringLiteral("leftGroup"), process.leftGroup},
            {QStringLiteral("cpuMs"), process.cpuMs()},
            {QStringLiteral("peakRssKb"), process.peakRssKb},
        });
    }
    return array;
}

QJsonObject jobToJson(const JobRun *run, int index)
{
    const JobProcess *job = run->jobs().at(index);
    const JobOutcome &outcome = job->outcome();
    QJsonObject json;
    json.insert(QStringLiteral("group"), job->spec().copy);
    json.insert(QStringLiteral("stage"), job->spec().stageIndex);
    json.insert(QStringLiteral("program"), job->spec().stage.program);
    json.insert(QStringLiteral("args"), QJsonArray::fromStringList(job->spec().stage.args));
    json.insert(QStringLiteral("pid"), job->pid() > 0 ? QJsonValue(job->pid()) : QJsonValue(QJsonValue::Null));
    json.insert(QStringLiteral("state"), JobOutcome::stateKey(outcome.state));
    const bool exited = outcome.signal == 0 && outcome.exitCode >= 0
                        && outcome.state != JobOutcome::State::FailedToStart;
    json.insert(QStringLiteral("exitCode"), exited ? QJsonValue(outcome.exitCode) : QJsonValue(QJsonValue::Null));
    json.insert(QStringLiteral("signal"), outcome.signal ? QJsonValue(outcome.signal) : QJsonValue(QJsonValue::Null));
    json.insert(QStringLiteral("signalName"),
                outcome.signal ? QJsonValue(UnixSignals::name(outcome.signal)) : QJsonValue(QJsonValue::Null));
    if (!outcome.error.isEmpty())
        json.insert(QStringLiteral("error"), outcome.error);
    json.insert(QStringLiteral("explanation"), outcome.explanation(job->spec().timeoutSec, job->spec().graceSec));
    json.insert(QStringLiteral("startedMs"), roundMs(job->startedMs()));
    json.insert(QStringLiteral("finishedMs"), roundMs(job->finishedMs()));
    json.insert(QStringLiteral("durationMs"), roundMs(job->elapsedMs()));
    json.insert(QStringLiteral("polls"), job->polls());
    json.insert(QStringLiteral("stdinBytes"), job->stdinBytes());
    json.insert(QStringLiteral("stdoutPiped"), job->pipesStdout());
    json.insert(QStringLiteral("stdoutBytes"), job->stdoutTail().totalBytes());
    // When output first arrived tells buffering apart: a block-buffered child
    // writes everything at its exit.
    json.insert(QStringLiteral("firstStdoutMs"), job->firstStdoutMs() >= 0 ? QJsonValue(roundMs(job->firstStdoutMs()))
                                                                          : QJsonValue(QJsonValue::Null));
    json.insert(QStringLiteral("terminal"), job->usesTerminal());
    json.insert(QStringLiteral("inputBytes"), job->inputBytes());
    json.insert(QStringLiteral("stderrBytes"), job->stderrTail().totalBytes());
    // Resources: null when unknown (never read, or /proc/PID/io refused).
    const JobResources &res = job->resources();
    json.insert(QStringLiteral("cpuUserMs"), knownOrNull(res.cpuUserMs));
    json.insert(QStringLiteral("cpuSysMs"), knownOrNull(res.cpuSysMs));
    json.insert(QStringLiteral("cpuExact"), res.cpuExact);
    json.insert(QStringLiteral("peakRssKb"), knownOrNull(res.peakRssKb));
    json.insert(QStringLiteral("peakRssExact"), res.peakRssExact);
    json.insert(QStringLiteral("maxThreads"), knownOrNull(res.maxThreads));
    json.insert(QStringLiteral("readBytes"), knownOrNull(res.readBytes));
    json.insert(QStringLiteral("writeBytes"), knownOrNull(res.writeBytes));
    json.insert(QStringLiteral("descendants"), descendantsToJson(res));
    if (job->spec().watch) {
        // The exact family from the tracer; "watchRefused" says why it is
        // empty when ptrace was refused (the program ran unwatched then, and
        // "descendants" is what sampling saw of its family). Signal names
        // come from the engine's one table, which the tracer's layer below
        // cannot see.
        QJsonArray family = job->family().toJson();
        for (QJsonValueRef value : family) {
            QJsonObject member = value.toObject();
            if (member.contains(QStringLiteral("signal"))) {
                member.insert(QStringLiteral("signalName"), UnixSignals::name(member.value(QStringLiteral("signal")).toInt()));
                value = member;
            }
        }
        json.insert(QStringLiteral("family"), family);
        if (!job->family().refusal().isEmpty())
            json.insert(QStringLiteral("watchRefused"), job->family().refusal());
    }
    QJsonArray paused;
    for (const JobProcess::PausedStretch &stretch : job->pausedStretches())
        paused.append(QJsonObject{{QStringLiteral("startMs"), roundMs(stretch.startMs)},
                                  {QStringLiteral("endMs"), roundMs(stretch.endMs)}});
    json.insert(QStringLiteral("pausedStretches"), paused);
    json.insert(QStringLiteral("stdoutTailHex"),
                QString::fromLatin1(job->stdoutTail().last(RunReport::TailHexBytes).toHex()));
    json.insert(QStringLiteral("stdoutText"), lossyUtf8(job->stdoutTail().tail()));
    json.insert(QStringLiteral("stderrText"), lossyUtf8(job->stderrTail().tail()));
    return json;
}

} // namespace

QJsonObject RunReport::runToJson(const JobRun *run)
{
    QJsonObject json;
    json.insert(QStringLiteral("preset"), run->preset().id);
    json.insert(QStringLiteral("title"), run->preset().title);
    json.insert(QStringLiteral("wallMs"), roundMs(run->wallMs()));
    json.insert(QStringLiteral("sumMs"), roundMs(run->sumMs()));
    json.insert(QStringLiteral("parallelism"), std::round(run->parallelism() * 100.0) / 100.0);
    QJsonArray jobs;
    for (int i = 0; i < run->jobs().size(); ++i)
        jobs.append(jobToJson(run, i));
    json.insert(QStringLiteral("jobs"), jobs);
    return json;
}

QJsonObject RunReport::toJson(const QList<const JobRun *> &runs)
{
    QJsonArray array;
    for (const JobRun *run : runs)
        array.append(runToJson(run));
    return QJsonObject{{QStringLiteral("runs"), array}};
}

QString RunReport::summary(const JobRun *run)
{
    QString text = QStringLiteral("%1 [%2]: %3; %4\n")
                       .arg(run->preset().title, run->preset().id, JobFormat::runState(run), JobFormat::runTiming(run));
    for (int i = 0; i < run->jobs().size(); ++i) {
        const JobProcess *job = run->jobs().at(i);
        const JobOutcome &outcome = job->outcome();
        QString exit = outcome.exitText();
        const QString polls = job->spec().pollIntervalSec > 0 ? QStringLiteral("  polls %1").arg(job->polls()) : QString();
        text += QStringLiteral("  %1  pid %2  %3%4  %5%7  %6\n")
                    .arg(JobFormat::jobName(run, i), -22)
                    .arg(job->pid(), -7)
                    .arg(JobOutcome::stateToString(outcome.state), exit.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(exit))
                    .arg(JobFormat::seconds(job->elapsedMs()), JobFormat::lastLine(job), polls);
    }
    return text;
}
