#include "runreport.h"

#include "jobformat.h"
#include "jobprocess.h"
#include "jobrun.h"
#include "reportkey.h"
#include "unixsignals.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringDecoder>

#include <algorithm>
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

QJsonValue timeOrNull(double ms)
{
    return ms >= 0 ? QJsonValue(roundMs(ms)) : QJsonValue(QJsonValue::Null);
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
            {ReportKey::Pid, process.pid},
            {ReportKey::Ppid, process.ppid},
            {ReportKey::Argv, QJsonArray::fromStringList(process.argv)},
            {ReportKey::FirstSeenMs, roundMs(process.firstSeenMs)},
            {ReportKey::LastSeenMs, roundMs(process.lastSeenMs)},
            {ReportKey::Ended, process.ended},
            {ReportKey::LeftGroup, process.leftGroup},
            {ReportKey::CpuMs, process.cpuMs()},
            {ReportKey::UserMs, process.userMs},
            {ReportKey::SystemMs, process.systemMs},
            {ReportKey::PeakRssKb, process.peakRssKb},
            {ReportKey::MaxThreads, process.maxThreads},
            {ReportKey::Pgrp, process.pgrp},
            {ReportKey::State, QString(QLatin1Char(process.state))},
        });
    }
    return array;
}

// What a byte costs in the report's JSON text: control characters are
// escaped (a NUL is six bytes, \u0000), quotes and backslashes doubled.
int escapedSize(uchar c)
{
    if (c == '"' || c == '\\' || c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t')
        return 2;
    return c < 0x20 ? 6 : 1;
}

qsizetype jsonStringSize(const QString &text)
{
    // The string as QJsonDocument writes it, without its quotes.
    return QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact).size() - 4;
}

// Drops the continuation bytes a cut left at the front, so the text begins
// on a character rather than with U+FFFD.
void alignToCharacter(QByteArray *bytes)
{
    qsizetype skip = 0;
    while (skip < 3 && skip < bytes->size() && (uchar(bytes->at(skip)) & 0xC0) == 0x80)
        ++skip;
    bytes->remove(0, skip);
}

// A stream's fields, the same for a report and a session: the bytes given
// as text (empty when they do not read as text) and, when asked, as base64;
// how many they are; whether they are less than the stream wrote (cut) and
// than the job kept (trimmed).
void insertStream(QJsonObject *json, const ReportKey::Stream &keys, const QByteArray &bytes, const QString &text,
                  bool withBase64, const OutputTail &tail, bool trimmed)
{
    json->insert(keys.text, text);
    if (withBase64)
        json->insert(keys.base64, QString::fromLatin1(bytes.toBase64()));
    json->insert(keys.textBytes, bytes.size());
    json->insert(keys.cut, bytes.size() < tail.totalBytes());
    json->insert(keys.trimmed, trimmed);
}

// The last bytes of a stream whose text takes at most limit bytes of the
// report, with the counts that say what it is. The limit is on the text as
// written, so binary output (all escapes) cannot make a report six times
// the size asked for.
void insertText(QJsonObject *json, const ReportKey::Stream &keys, const OutputTail &tail, qsizetype limit)
{
    QByteArray bytes = tail.last(limit);
    qsizetype cost = 0;
    for (const char c : std::as_const(bytes))
        cost += escapedSize(uchar(c));
    qsizetype from = 0;
    while (cost > limit && from < bytes.size())
        cost -= escapedSize(uchar(bytes.at(from++)));
    bytes.remove(0, from);
    if (bytes.size() < tail.keptBytes())
        alignToCharacter(&bytes);
    QString text = lossyUtf8(bytes);
    // Invalid UTF-8 grows (a stray byte becomes U+FFFD, three bytes): each
    // byte dropped shrinks the text by at least one, so this ends.
    for (qsizetype over = jsonStringSize(text) - limit; over > 0 && !bytes.isEmpty();
         over = jsonStringSize(text) - limit) {
        bytes.remove(0, std::min(over, bytes.size()));
        alignToCharacter(&bytes);
        text = lossyUtf8(bytes);
    }
    // Bytes that are not UTF-8 (binary output, a cut character) are kept
    // exactly too, so a session restores the very bytes.
    insertStream(json, keys, bytes, text, text.toUtf8() != bytes, tail, tail.trimmed());
}

// A session's copy of a stream: the last limit bytes of what is kept, as
// text when it reads as text, else as base64 alone (NULs escaped as \u0000
// would cost six bytes each: /dev/zero's megabyte would be six). Fewer bytes
// than were kept count as trimmed, so the restored job says so.
void insertSessionText(QJsonObject *json, const ReportKey::Stream &keys, const OutputTail &tail, qsizetype limit)
{
    QByteArray bytes = tail.last(limit);
    if (bytes.size() < tail.keptBytes())
        alignToCharacter(&bytes);
    qsizetype cost = 0;
    for (const char c : std::as_const(bytes))
        cost += escapedSize(uchar(c));
    const QString text = lossyUtf8(bytes);
    const bool exact = text.toUtf8() == bytes;
    const bool asText = exact && cost <= bytes.size() + bytes.size() / 2;
    insertStream(json, keys, bytes, asText ? text : QString(), !asText, tail,
                 tail.trimmed() || bytes.size() < tail.keptBytes());
}

// "outputIncomplete", and with it the bytes that reached each file and the
// errors (a full disk, a refused link), so no count claims what is not there.
void insertOutputFiles(QJsonObject *json, const OutputTail &out, const OutputTail &err)
{
    const bool incomplete = out.copyIncomplete() || err.copyIncomplete();
    json->insert(ReportKey::OutputIncomplete, incomplete);
    if (!incomplete)
        return;
    json->insert(ReportKey::StdoutFileBytes, out.copiedBytes());
    json->insert(ReportKey::StderrFileBytes, err.copiedBytes());
    QStringList errors;
    for (const OutputTail *tail : {&out, &err}) {
        if (tail->copyIncomplete() && !errors.contains(tail->fileError()))
            errors << tail->fileError();
    }
    json->insert(ReportKey::OutputError, errors.join(QStringLiteral("; ")));
}

// What became of the job, for people and for programs.
void insertOutcome(QJsonObject *json, const JobProcess *job)
{
    const JobOutcome &outcome = job->outcome();
    json->insert(ReportKey::State, JobOutcome::stateKey(outcome.state));
    const bool exited = outcome.signal == 0 && outcome.exitCode >= 0
                        && outcome.state != JobOutcome::State::FailedToStart;
    json->insert(ReportKey::ExitCode, exited ? QJsonValue(outcome.exitCode) : QJsonValue(QJsonValue::Null));
    json->insert(ReportKey::Signal, outcome.signal ? QJsonValue(outcome.signal) : QJsonValue(QJsonValue::Null));
    json->insert(ReportKey::SignalName,
                 outcome.signal ? QJsonValue(UnixSignals::name(outcome.signal)) : QJsonValue(QJsonValue::Null));
    if (!outcome.error.isEmpty())
        json->insert(ReportKey::Error, outcome.error);
    json->insert(ReportKey::Cause, JobOutcome::causeKey(outcome.cause));
    json->insert(ReportKey::Explanation, outcome.explanation(job->spec().timeoutSec, job->spec().graceSec));
}

// What the job was sent on stdin while it ran.
void insertInput(QJsonObject *json, const JobProcess *job)
{
    json->insert(ReportKey::InputBytes, job->inputBytes());
    QJsonArray input;
    for (const JobProcess::InputRecord &record : job->inputRecords()) {
        QJsonObject entry{{ReportKey::AtMs, roundMs(record.atMs)},
                          {ReportKey::StdoutOffset, record.stdoutOffset},
                          {ReportKey::Text, lossyUtf8(record.bytes)}};
        if (lossyUtf8(record.bytes).toUtf8() != record.bytes)
            entry.insert(ReportKey::Base64, QString::fromLatin1(record.bytes.toBase64()));
        input.append(entry);
    }
    json->insert(ReportKey::Input, input);
}

void insertResources(QJsonObject *json, const JobProcess *job)
{
    // Resources: null when unknown (never read, or /proc/PID/io refused).
    const JobResources &res = job->resources();
    json->insert(ReportKey::CpuUserMs, knownOrNull(res.cpuUserMs));
    json->insert(ReportKey::CpuSysMs, knownOrNull(res.cpuSysMs));
    json->insert(ReportKey::CpuExact, res.cpuExact);
    json->insert(ReportKey::PeakRssKb, knownOrNull(res.peakRssKb));
    json->insert(ReportKey::PeakRssExact, res.peakRssExact);
    json->insert(ReportKey::MaxThreads, knownOrNull(res.maxThreads));
    json->insert(ReportKey::ReadBytes, knownOrNull(res.readBytes));
    json->insert(ReportKey::WriteBytes, knownOrNull(res.writeBytes));
    json->insert(ReportKey::Descendants, descendantsToJson(res));
    // What the job left behind: in its group when its own process exited, or
    // holding its output when the drain limit passed. Absent when nothing.
    if (!job->leftovers().isEmpty()) {
        QJsonArray left;
        for (const LeftoverProcess &process : job->leftovers()) {
            left.append(QJsonObject{{ReportKey::Pid, process.pid},
                                    {ReportKey::Argv, QJsonArray::fromStringList(process.argv)},
                                    {ReportKey::HeldOutput, process.heldOutput}});
        }
        json->insert(ReportKey::StillRunning, left);
    }
    // The chart: [ms, CPU %, RSS KiB] per kept sample, -1 where unknown.
    json->insert(ReportKey::Samples, res.samples);
    QJsonArray history;
    for (const ResourcePoint &point : res.history)
        history.append(QJsonArray{roundMs(point.ms), std::round(point.cpuPercent * 100.0) / 100.0, point.rssKb});
    json->insert(ReportKey::History, history);
}

void insertFamily(QJsonObject *json, const JobProcess *job)
{
    // The exact family from the tracer; "watchRefused" says why it is
    // empty when ptrace was refused (the program ran unwatched then, and
    // "descendants" is what sampling saw of its family). Signal names
    // come from the engine's one table, which the tracer's layer below
    // cannot see.
    QJsonArray family = job->family().toJson();
    for (QJsonValueRef value : family) {
        QJsonObject member = value.toObject();
        if (member.contains(ReportKey::Signal)) {
            member.insert(ReportKey::SignalName, UnixSignals::name(member.value(ReportKey::Signal).toInt()));
            value = member;
        }
    }
    json->insert(ReportKey::Family, family);
    if (!job->family().refusal().isEmpty())
        json->insert(ReportKey::WatchRefused, job->family().refusal());
    // Events the tracer could not pass on: the family above is incomplete.
    if (job->family().lostEvents() > 0)
        json->insert(ReportKey::EventsLost, double(job->family().lostEvents()));
    // The job's own output pipes, which its members' fds name as
    // "captured by SpawnScope" (by inode, ascending).
    QList<quint64> captured(job->family().capturePipes().cbegin(), job->family().capturePipes().cend());
    if (!captured.isEmpty()) {
        std::sort(captured.begin(), captured.end());
        QJsonArray inodes;
        for (quint64 inode : std::as_const(captured))
            inodes << double(inode);
        json->insert(ReportKey::CapturePipes, inodes);
    }
    // Members past --family-limit: counted, not in "family".
    if (job->family().unstoredMembers() > 0)
        json->insert(ReportKey::FamilyUnstored, double(job->family().unstoredMembers()));
    // Attached to a program already running: "pid" is that program's,
    // and members with no exit were still running when the watch let go
    // ("detachedMs", on the family's clock).
    if (job->spec().attachPid > 0 || job->family().attached()) {
        json->insert(ReportKey::Attached, true);
        if (job->family().detachedMs() >= 0)
            json->insert(ReportKey::DetachedMs, roundMs(job->family().detachedMs()));
    }
}

} // namespace

QJsonObject RunReport::jobToJson(const JobRun *run, int index, qsizetype textBytes, TextMode mode)
{
    const JobProcess *job = run->jobs().at(index);
    QJsonObject json;
    json.insert(ReportKey::Group, job->spec().copy);
    json.insert(ReportKey::Stage, job->spec().stageIndex);
    json.insert(ReportKey::Program, job->spec().stage.program);
    json.insert(ReportKey::Args, QJsonArray::fromStringList(job->spec().stage.args));
    json.insert(ReportKey::Pid, job->programPid() > 0 ? QJsonValue(job->programPid()) : QJsonValue(QJsonValue::Null));
    insertOutcome(&json, job);
    json.insert(ReportKey::StartedMs, roundMs(job->startedMs()));
    json.insert(ReportKey::FinishedMs, roundMs(job->finishedMs()));
    json.insert(ReportKey::DurationMs, roundMs(job->elapsedMs()));
    json.insert(ReportKey::TermSentMs, timeOrNull(job->termSentMs()));
    json.insert(ReportKey::KillSentMs, timeOrNull(job->killSentMs()));
    json.insert(ReportKey::Polls, job->polls());
    QJsonArray pollTimes;
    for (const double ms : job->pollTimesMs())
        pollTimes.append(roundMs(ms));
    json.insert(ReportKey::PollTimesMs, pollTimes);
    json.insert(ReportKey::StdinBytes, job->stdinBytes());
    json.insert(ReportKey::StdoutPiped, job->pipesStdout());
    json.insert(ReportKey::StdoutBytes, job->stdoutTail().totalBytes());
    // When output first arrived tells buffering apart: a block-buffered child
    // writes everything at its exit.
    json.insert(ReportKey::FirstStdoutMs, job->firstStdoutMs() >= 0 ? QJsonValue(roundMs(job->firstStdoutMs()))
                                                                          : QJsonValue(QJsonValue::Null));
    json.insert(ReportKey::Terminal, job->usesTerminal());
    insertInput(&json, job);
    json.insert(ReportKey::StderrBytes, job->stderrTail().totalBytes());
    insertResources(&json, job);
    if (job->spec().watch)
        insertFamily(&json, job);
    QJsonArray paused;
    for (const JobProcess::PausedStretch &stretch : job->pausedStretches())
        paused.append(QJsonObject{{ReportKey::StartMs, roundMs(stretch.startMs)},
                                  {ReportKey::EndMs, roundMs(stretch.endMs)}});
    json.insert(ReportKey::PausedStretches, paused);
    json.insert(ReportKey::StdoutTailHex,
                QString::fromLatin1(job->stdoutTail().last(RunReport::TailHexBytes).toHex()));
    if (mode == TextMode::Session) {
        insertSessionText(&json, ReportKey::Stdout, job->stdoutTail(), textBytes);
        insertSessionText(&json, ReportKey::Stderr, job->stderrTail(), textBytes);
    } else {
        insertText(&json, ReportKey::Stdout, job->stdoutTail(), textBytes);
        insertText(&json, ReportKey::Stderr, job->stderrTail(), textBytes);
    }
    // --output-dir: where every byte of both streams is, or, when a file
    // could not be written in full, what reached the files and why not.
    if (!job->spec().outputDir.isEmpty()) {
        json.insert(ReportKey::OutputDir, job->spec().outputDir);
        insertOutputFiles(&json, job->stdoutTail(), job->stderrTail());
    }
    return json;
}

QJsonObject RunReport::runFields(const JobRun *run)
{
    QJsonObject json;
    json.insert(ReportKey::Preset, run->preset().id);
    json.insert(ReportKey::Title, run->preset().title);
    json.insert(ReportKey::WallMs, roundMs(run->wallMs()));
    json.insert(ReportKey::SumMs, roundMs(run->sumMs()));
    json.insert(ReportKey::Parallelism, std::round(run->parallelism() * 100.0) / 100.0);
    json.insert(ReportKey::StartedAtEpochMs, run->startedAtEpochMs());
    // What opening the file again recognises the run by (SessionKeeper).
    json.insert(ReportKey::Uuid, run->uuid().toString(QUuid::WithoutBraces));
    json.insert(ReportKey::EndedByQuit, run->endedByQuit());
    // The whole preset, so an opened run can be run again as it was.
    json.insert(ReportKey::PresetDefinition, run->preset().toJson());
    return json;
}

QJsonObject RunReport::runToJson(const JobRun *run, qsizetype textBytes)
{
    QJsonObject json = runFields(run);
    QJsonArray jobs;
    for (int i = 0; i < run->jobs().size(); ++i)
        jobs.append(jobToJson(run, i, textBytes));
    json.insert(ReportKey::Jobs, jobs);
    return json;
}

QJsonObject RunReport::toJson(const QList<const JobRun *> &runs, qsizetype textBytes)
{
    QJsonArray array;
    for (const JobRun *run : runs)
        array.append(runToJson(run, textBytes));
    return QJsonObject{{ReportKey::Format, QLatin1String(FormatName)},
                       {ReportKey::Version, FormatVersion},
                       {ReportKey::Runs, array}};
}

QString RunReport::summaryRunLine(const JobRun *run)
{
    return QStringLiteral("%1 [%2]: %3; %4\n")
        .arg(run->preset().title, run->preset().id, JobFormat::runState(run), JobFormat::runTiming(run));
}

QString RunReport::summaryJobLine(const JobRun *run, int index)
{
    const JobProcess *job = run->jobs().at(index);
    const JobOutcome &outcome = job->outcome();
    QString exit = outcome.exitText();
    const QString polls = job->spec().pollIntervalSec > 0 ? QStringLiteral("  polls %1").arg(job->polls()) : QString();
    return QStringLiteral("  %1  pid %2  %3%4  %5%7  %6\n")
        .arg(JobFormat::jobName(run, index), -22)
        .arg(job->programPid(), -7)
        .arg(JobFormat::jobState(job), exit.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(exit))
        .arg(JobFormat::seconds(job->elapsedMs()), JobFormat::lastLine(job), polls);
}

QString RunReport::summary(const JobRun *run)
{
    QString text = summaryRunLine(run);
    for (int i = 0; i < run->jobs().size(); ++i)
        text += summaryJobLine(run, i);
    return text;
}
