#include "sessionreader.h"

#include "documentformat.h"
#include "jsonnumber.h"
#include "outputbudget.h"
#include "processfamily.h"
#include "reportkey.h"
#include "reportstream.h"
#include "runreport.h"
#include "stagespec.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QUuid>

#include <deque>

namespace {

// A field's problem, named as it is in the file.
struct Fields
{
    const QJsonObject &json;
    QString *error;

    bool fail(QLatin1String key, const QString &what) const
    {
        *error = SessionReader::tr("\"%1\" %2").arg(key, what);
        return false;
    }
    // Absent: the default stays (older reports lack the newer fields). Every
    // number goes through JsonNumber: a time is finite and within
    // ±JsonNumber::MaxMs, a whole number within [min, max].
    bool number(QLatin1String key, double *out, bool nullable = false) const
    {
        const QJsonValue value = json.value(key);
        if (value.isUndefined() || (nullable && value.isNull()))
            return true;
        QString problem;
        const std::optional<double> ms = JsonNumber::ms(value, &problem);
        if (!ms)
            return fail(key, problem);
        *out = *ms;
        return true;
    }
    bool integer(QLatin1String key, qint64 *out, qint64 min, qint64 max, bool nullable = false) const
    {
        const QJsonValue value = json.value(key);
        if (value.isUndefined() || (nullable && value.isNull()))
            return true;
        QString problem;
        const std::optional<qint64> n = JsonNumber::whole(value, min, max, &problem);
        if (!n)
            return fail(key, problem);
        *out = *n;
        return true;
    }
    bool integer(QLatin1String key, int *out, int min, int max, bool nullable = false) const
    {
        qint64 wide = *out;
        if (!integer(key, &wide, min, max, nullable))
            return false;
        *out = int(wide);
        return true;
    }
    // A count or a size: 0 up; -1 too when unknown is allowed.
    bool count(QLatin1String key, qint64 *out, bool unknown = false) const
    {
        return integer(key, out, unknown ? -1 : 0, JsonNumber::MaxWhole, unknown);
    }
    bool count(QLatin1String key, int *out, bool unknown = false) const
    {
        return integer(key, out, unknown ? -1 : 0, std::numeric_limits<int>::max(), unknown);
    }
    bool pid(QLatin1String key, qint64 *out, bool nullable = false) const
    {
        return integer(key, out, -1, JsonNumber::MaxPid, nullable);
    }
    bool boolean(QLatin1String key, bool *out) const
    {
        const QJsonValue value = json.value(key);
        if (value.isUndefined())
            return true;
        if (!value.isBool())
            return fail(key, SessionReader::tr("is not true or false"));
        *out = value.toBool();
        return true;
    }
    bool string(QLatin1String key, QString *out) const
    {
        const QJsonValue value = json.value(key);
        if (value.isUndefined() || value.isNull())
            return true;
        if (!value.isString())
            return fail(key, SessionReader::tr("is not a string"));
        *out = value.toString();
        return true;
    }
    bool array(QLatin1String key, QJsonArray *out) const
    {
        const QJsonValue value = json.value(key);
        if (value.isUndefined())
            return true;
        if (!value.isArray())
            return fail(key, SessionReader::tr("is not a list"));
        *out = value.toArray();
        return true;
    }
};

// A stream's kept bytes: exact from base64 when the writer gave it (bytes
// that are not UTF-8), else the text's UTF-8.
bool keptBytes(const Fields &f, QLatin1String textKey, QLatin1String base64Key, QByteArray *out)
{
    QString text;
    if (!f.string(textKey, &text))
        return false;
    const QJsonValue base64 = f.json.value(base64Key);
    if (base64.isString()) {
        const auto decoded = QByteArray::fromBase64Encoding(base64.toString().toLatin1(),
                                                            QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return f.fail(base64Key, SessionReader::tr("is not base64"));
        *out = *decoded;
        return true;
    }
    *out = text.toUtf8();
    return true;
}

bool readDescendants(const QJsonArray &array, QList<ProcessSample> *out, QString *error)
{
    for (const QJsonValue &value : array) {
        if (!value.isObject()) {
            *error = SessionReader::tr("a descendant is not an object");
            return false;
        }
        const QJsonObject json = value.toObject();
        const Fields f{json, error};
        ProcessSample p;
        qint64 cpuMs = 0;
        QJsonArray argv;
        QString state;
        if (!f.pid(ReportKey::Pid, &p.pid) || !f.pid(ReportKey::Ppid, &p.ppid) || !f.pid(ReportKey::Pgrp, &p.pgrp)
            || !f.array(ReportKey::Argv, &argv) || !f.number(ReportKey::FirstSeenMs, &p.firstSeenMs)
            || !f.number(ReportKey::LastSeenMs, &p.lastSeenMs) || !f.boolean(ReportKey::Ended, &p.ended)
            || !f.boolean(ReportKey::LeftGroup, &p.leftGroup) || !f.count(ReportKey::CpuMs, &cpuMs)
            || !f.count(ReportKey::PeakRssKb, &p.peakRssKb, true) || !f.count(ReportKey::MaxThreads, &p.maxThreads, true)
            || !f.string(ReportKey::State, &state)) {
            return false;
        }
        for (const QJsonValue &arg : std::as_const(argv))
            p.argv << arg.toString();
        p.userMs = cpuMs;
        if (json.contains(ReportKey::UserMs) && (!f.count(ReportKey::UserMs, &p.userMs) || !f.count(ReportKey::SystemMs, &p.systemMs)))
            return false;
        p.cpuKnown = true;
        p.state = state.size() == 1 && state.at(0).unicode() < 128 ? char(state.at(0).unicode()) : '?';
        *out << p;
    }
    return true;
}

qint64 stringsCost(const QStringList &strings)
{
    qint64 cost = 0;
    for (const QString &text : strings)
        cost += 32 + 2 * text.size();
    return cost;
}

// Two budgets while reading: the output the window would keep (past it the
// oldest jobs' tails are cut, as the window's output budget does), and the
// memory the whole session takes (past it the oldest runs are left out).
struct Budget
{
    using Jobs = QList<QList<JobProcess::Record>>;
    qint64 limit;
    qint64 memoryLimit;
    Jobs *jobs; // by run
    QList<QJsonArray> *ids; // by run: each job's place and command
    qint64 kept = 0; // output bytes
    qint64 other = 0; // everything else, estimated
    QList<qint64> keptByRun;
    QList<qint64> otherByRun;
    int trimmedJobs = 0;
    qsizetype dropped = 0; // runs [0, dropped) are left out
    // (run, job) of the jobs read so far that a cut would free something
    // of, oldest first; indices, since the lists grow.
    std::deque<std::pair<qsizetype, qsizetype>> queue;

    static qint64 keptBy(const JobProcess::Record &r) { return r.stdoutKept.size() + r.stderrKept.size(); }
    qint64 total() const { return kept + other; }

    // The job just appended to run's list. The oldest runs are left out,
    // the newest (this one) too if it alone does not fit.
    void added(qsizetype run)
    {
        if (run < dropped) { // the rest of a run left out
            (*jobs)[run] = QList<JobProcess::Record>();
            (*ids)[run] = QJsonArray();
            return;
        }
        if (keptByRun.size() <= run) {
            keptByRun.resize(run + 1);
            otherByRun.resize(run + 1);
        }
        const JobProcess::Record &record = jobs->at(run).last();
        const qint64 output = keptBy(record);
        const qint64 rest = SessionReader::memoryCost(record) - output;
        kept += output;
        keptByRun[run] += output;
        other += rest;
        otherByRun[run] += rest;
        if (output > 2 * OutputBudget::TrimmedKeepBytes)
            queue.emplace_back(run, jobs->at(run).size() - 1);
        while (kept > limit && !queue.empty()) {
            const auto [r, j] = queue.front();
            queue.pop_front();
            if (r < dropped)
                continue;
            JobProcess::Record &oldest = (*jobs)[r][j];
            const qint64 before = keptBy(oldest);
            for (auto [bytes, trimmed] : {std::pair{&oldest.stdoutKept, &oldest.stdoutTrimmed},
                                          std::pair{&oldest.stderrKept, &oldest.stderrTrimmed}}) {
                if (bytes->size() > OutputBudget::TrimmedKeepBytes) {
                    *bytes = bytes->right(OutputBudget::TrimmedKeepBytes);
                    *trimmed = true;
                }
            }
            kept -= before - keptBy(oldest);
            keptByRun[r] -= before - keptBy(oldest);
            ++trimmedJobs;
        }
        while (total() > memoryLimit && dropped <= run) {
            kept -= keptByRun.at(dropped);
            other -= otherByRun.at(dropped);
            (*jobs)[dropped] = QList<JobProcess::Record>(); // its memory back now
            (*ids)[dropped] = QJsonArray();
            ++dropped;
        }
    }
};

// One line, '\n' included, of at most limit bytes. Read a piece at a time:
// readLine(n) allocates n bytes up front, and 64 MiB per line made every
// small file cost a 64 MiB allocation a line.
QByteArray readLine(QIODevice *device, qint64 limit)
{
    constexpr qint64 Piece = 64 * 1024;
    QByteArray line;
    while (!line.endsWith('\n') && line.size() < limit) {
        // readLine(n) reads at most n - 1 bytes.
        const QByteArray piece = device->readLine(std::min(Piece, limit - line.size()) + 1);
        if (piece.isEmpty())
            break;
        line += piece;
    }
    return line;
}

QString parseProblem(const QJsonParseError &parse, const QByteArray &text)
{
    if (parse.error == QJsonParseError::DeepNesting)
        return SessionReader::tr("is nested too deeply to be a session or report");
    // A document that begins as an object and does not end as one was cut.
    const QByteArray trimmed = text.trimmed();
    const bool cut = trimmed.startsWith('{') && !trimmed.endsWith('}');
    if (cut || parse.offset >= text.size() - 1 || parse.error == QJsonParseError::UnterminatedObject
        || parse.error == QJsonParseError::UnterminatedArray || parse.error == QJsonParseError::UnterminatedString)
        return SessionReader::tr("ends in the middle: the file is cut short (a crash or a full disk while it was "
                                 "written?)");
    return SessionReader::tr("is not JSON: %1 at byte %2").arg(parse.errorString()).arg(parse.offset);
}

// A report from before "presetDefinition": the preset rebuilt from copy 0's
// jobs, enough to show the run and run it again.
bool presetFromJobs(const QJsonObject &run, const QJsonArray &jobs, Preset *preset, QString *error)
{
    preset->id = run.value(ReportKey::Preset).toString(QStringLiteral("recorded"));
    preset->title = run.value(ReportKey::Title).toString(preset->id);
    int copies = 0;
    for (const QJsonValue &value : jobs) {
        const QJsonObject job = value.toObject();
        QString problem;
        const std::optional<int> copy = JsonNumber::wholeInt(job.value(ReportKey::Group), 0, Preset::MaxCopies - 1, &problem);
        if (!copy) {
            *error = SessionReader::tr("\"group\" %1").arg(problem);
            return false;
        }
        copies = std::max(copies, *copy + 1);
        if (*copy != 0)
            continue;
        StageSpec stage;
        stage.program = job.value(ReportKey::Program).toString();
        for (const QJsonValue &arg : job.value(ReportKey::Args).toArray())
            stage.args << arg.toString();
        preset->stages << stage;
    }
    preset->copies = std::max(copies, 1);
    if (preset->stages.isEmpty()) {
        *error = SessionReader::tr("it has no jobs and no \"presetDefinition\"");
        return false;
    }
    // The one validation every preset passes, so what is read here is written
    // back as a "presetDefinition" that reads again (an empty program does not).
    const QList<Preset::Problem> problems = preset->validate();
    if (!problems.isEmpty()) {
        *error = problems.first().message;
        return false;
    }
    return true;
}

// A run from a file written before runs carried "uuid": an identity made
// of what tells such runs apart (its preset, when it started, and each
// job's place, command and pid), the same each time the file is read, so
// that opening the file again still finds the run already shown.
QUuid derivedUuid(const RecordedRun &run, const QJsonArray &ids)
{
    static const QUuid Namespace(QStringLiteral("6f1d4a52-3c1e-4d8b-9a57-2b3f0c9e7d41"));
    QJsonArray jobs;
    for (qsizetype j = 0; j < ids.size(); ++j) {
        QJsonObject job = ids.at(j).toObject();
        job.insert(ReportKey::Pid, run.jobs.value(j).pid);
        jobs << job;
    }
    const QJsonObject identity{{ReportKey::Preset, run.preset.id},
                               {ReportKey::StartedAtEpochMs, run.startedAtEpochMs},
                               {ReportKey::Jobs, jobs}};
    return QUuid::createUuidV5(Namespace, QJsonDocument(identity).toJson(QJsonDocument::Compact));
}

// A job entry's lists, each checked as it is read.
bool readPollTimes(const Fields &f, const QJsonArray &array, QList<double> *out)
{
    for (const QJsonValue &value : array) {
        QString problem;
        const std::optional<double> ms = JsonNumber::ms(value, &problem);
        if (!ms)
            return f.fail(ReportKey::PollTimesMs, SessionReader::tr("has a time that %1").arg(problem));
        *out << *ms;
    }
    return true;
}

bool readInputRecords(const QJsonArray &array, QList<InputRecord> *out, QString *error)
{
    for (const QJsonValue &value : array) {
        const QJsonObject entry = value.toObject();
        const Fields e{entry, error};
        InputRecord in;
        if (!e.number(ReportKey::AtMs, &in.atMs) || !e.count(ReportKey::StdoutOffset, &in.stdoutOffset)
            || !keptBytes(e, ReportKey::Text, ReportKey::Base64, &in.bytes))
            return false;
        *out << in;
    }
    return true;
}

bool readHistory(const Fields &f, const QJsonArray &array, QList<ResourcePoint> *out)
{
    for (const QJsonValue &value : array) {
        const QJsonArray point = value.toArray();
        if (point.size() != 3)
            return f.fail(ReportKey::History, SessionReader::tr("has a point that is not [ms, CPU %, RSS KiB]"));
        QString problem;
        const std::optional<double> ms = JsonNumber::ms(point.at(0), &problem);
        const std::optional<double> cpu = ms ? JsonNumber::real(point.at(1), -1, 1e9, &problem) : std::nullopt;
        const std::optional<qint64> rss = cpu ? JsonNumber::whole(point.at(2), -1, JsonNumber::MaxWhole, &problem)
                                              : std::nullopt;
        if (!rss)
            return f.fail(ReportKey::History, SessionReader::tr("has a point whose value %1").arg(problem));
        *out << ResourcePoint{*ms, *cpu, *rss};
    }
    return true;
}

bool readPausedStretches(const QJsonArray &array, QList<PausedStretch> *out, QString *error)
{
    for (const QJsonValue &value : array) {
        const QJsonObject stretch = value.toObject();
        const Fields s{stretch, error};
        PausedStretch p{0, -1};
        if (!s.number(ReportKey::StartMs, &p.startMs) || !s.number(ReportKey::EndMs, &p.endMs))
            return false;
        *out << p;
    }
    return true;
}

// The family, with what the live job knew beyond its members; each of those
// optional, and a bad value is left out (as a member's fields are).
ProcessFamily familyFromJson(const QJsonObject &json, const QJsonArray &members, const QString &refusal)
{
    ProcessFamily family = ProcessFamily::fromJson(members, refusal);
    QSet<quint64> captured;
    for (const QJsonValue &inode : json.value(ReportKey::CapturePipes).toArray()) {
        if (const std::optional<qint64> n = JsonNumber::whole(inode, 1, JsonNumber::MaxWhole))
            captured.insert(quint64(*n));
    }
    family.setCapturePipes(captured);
    family.setRecordedGaps(
        JsonNumber::whole(json.value(ReportKey::EventsLost), 0, JsonNumber::MaxWhole).value_or(0),
        JsonNumber::whole(json.value(ReportKey::FamilyUnstored), 0, JsonNumber::MaxWhole).value_or(0));
    return family;
}

// What the first pass over a file found.
struct Scan
{
    // The document without its jobs' lines; the whole document when it is
    // not laid out a job per line.
    QByteArray skeleton;
    bool lineByLine = true;
    QList<QList<JobProcess::Record>> jobsByRun;
    // Each job's place and command ({group, stage, program, args}), to check
    // its order and to rebuild a preset the file does not give.
    QList<QJsonArray> idsByRun;
};

QJsonObject identity(const QJsonObject &job)
{
    QJsonObject id;
    for (QLatin1String key : {ReportKey::Group, ReportKey::Stage, ReportKey::Program, ReportKey::Args})
        id.insert(key, job.value(key));
    return id;
}

QString badJob(qsizetype run, qsizetype job, const QString &problem)
{
    return SessionReader::tr("has a bad job (run %1, job %2): %3").arg(run).arg(job).arg(problem);
}

// One job per line, as SpawnScope writes it; anything else is read whole.
QString scanLines(QIODevice *device, Budget *budget, Scan *scan)
{
    bool inJobs = false;
    while (!device->atEnd()) {
        const QByteArray line = readLine(device, SessionReader::MaxLineBytes + 1);
        if (line.size() > SessionReader::MaxLineBytes && !line.endsWith('\n'))
            return SessionReader::tr("has a line longer than %1 MiB: it is not a session or report SpawnScope can "
                                     "read")
                .arg(SessionReader::MaxLineBytes >> 20);
        if (inJobs) {
            QByteArray entry = line.trimmed();
            if (entry.startsWith(']')) {
                inJobs = false;
                scan->skeleton += line;
                continue;
            }
            if (entry.endsWith(','))
                entry.chop(1);
            QJsonParseError parse;
            const QJsonDocument doc = QJsonDocument::fromJson(entry, &parse);
            if (parse.error != QJsonParseError::NoError || !doc.isObject()) {
                scan->lineByLine = false;
                break;
            }
            JobProcess::Record record;
            QString problem;
            if (!SessionReader::jobFromJson(doc.object(), &record, &problem))
                return badJob(scan->jobsByRun.size(), scan->jobsByRun.last().size() + 1, problem);
            scan->jobsByRun.last() << record;
            scan->idsByRun.last() << identity(doc.object());
            budget->added(scan->jobsByRun.size() - 1);
            continue;
        }
        scan->skeleton += line;
        if (scan->skeleton.size() > SessionReader::MaxWholeBytes) {
            scan->lineByLine = false;
            break;
        }
        if (line.trimmed().endsWith(ReportStream::JobsOpening)) {
            inJobs = true;
            scan->jobsByRun.append(QList<JobProcess::Record>());
            scan->idsByRun.append(QJsonArray());
        }
    }
    if (scan->lineByLine)
        return {};
    // Laid out another way: the whole document, if it is not too large.
    if (device->size() > SessionReader::MaxWholeBytes)
        return SessionReader::tr("is %1 as one JSON document, laid out other than SpawnScope writes it; such files "
                                 "can be opened up to %2")
            .arg(QLocale().formattedDataSize(device->size()),
                 QLocale().formattedDataSize(SessionReader::MaxWholeBytes));
    if (!device->seek(0))
        return SessionReader::tr("cannot be read again from its start");
    scan->skeleton = device->readAll();
    scan->jobsByRun.clear();
    scan->idsByRun.clear();
    return {};
}

// A report's or a session's top: its runs list, its format and version.
QString headerProblem(const QJsonDocument &doc)
{
    const QJsonObject top = doc.object();
    if (!doc.isObject() || !top.value(ReportKey::Runs).isArray())
        return SessionReader::tr("is JSON but not a SpawnScope session or report (it has no \"runs\" list)");
    const QString format = top.value(ReportKey::Format).toString();
    if (top.contains(ReportKey::Format) && format != QLatin1String(RunReport::FormatName))
        return SessionReader::tr("is another program's JSON (its format is \"%1\")").arg(format);
    QString versionProblem;
    const std::optional<int> version = top.contains(ReportKey::Version)
                                           ? JsonNumber::wholeInt(top.value(ReportKey::Version), 0,
                                                                  std::numeric_limits<int>::max(), &versionProblem)
                                           : std::optional<int>(0);
    if (!version)
        return SessionReader::tr("has a bad \"version\": it %1").arg(versionProblem);
    if (*version > RunReport::FormatVersion)
        return SessionReader::tr("was written by a newer SpawnScope (format version %1; this one reads up to %2)")
            .arg(*version)
            .arg(RunReport::FormatVersion);
    return {};
}

// The jobs of a document read whole.
QString jobsOfRuns(const QJsonArray &runs, Budget *budget, Scan *scan)
{
    for (int i = 0; i < runs.size(); ++i) {
        scan->jobsByRun.append(QList<JobProcess::Record>());
        scan->idsByRun.append(QJsonArray());
        const QJsonArray jobs = runs.at(i).toObject().value(ReportKey::Jobs).toArray();
        for (int j = 0; j < jobs.size(); ++j) {
            JobProcess::Record record;
            QString problem;
            if (!SessionReader::jobFromJson(jobs.at(j).toObject(), &record, &problem))
                return badJob(i + 1, j + 1, problem);
            scan->jobsByRun.last() << record;
            scan->idsByRun.last() << identity(jobs.at(j).toObject());
            budget->added(i);
        }
    }
    return {};
}

// A run's preset: its "presetDefinition", or rebuilt from its jobs.
QString presetOfRun(const QJsonObject &json, int index, const QJsonArray &ids, Preset *preset)
{
    QString problem;
    const QJsonValue definition = json.value(ReportKey::PresetDefinition);
    if (!definition.isObject())
        return presetFromJobs(json, ids, preset, &problem) ? QString() : problem;
    const QJsonValue copiesValue = definition.toObject().value(QStringLiteral("copies"));
    const std::optional<qint64> copies = copiesValue.isUndefined()
                                             ? std::optional<qint64>(1)
                                             : JsonNumber::whole(copiesValue, 0, JsonNumber::MaxWhole, &problem);
    if (!copies)
        return SessionReader::tr("\"copies\" %1").arg(problem);
    if (*copies > Preset::MaxCopies)
        return SessionReader::tr("%1 copies; the window shows runs of up to %2 copies")
            .arg(QLocale().toString(*copies))
            .arg(Preset::MaxCopies);
    return Preset::fromJson(definition.toObject(), index, preset, &problem) ? QString() : problem;
}

// Checks run number index (its jobs already read into run->jobs) and fills the rest of *run.
QString runFromJson(const QJsonValue &value, int index, const QJsonArray &ids, RecordedRun *run)
{
    const QString where = SessionReader::tr("run %1").arg(index + 1);
    const auto bad = [&where](const QString &problem) {
        return SessionReader::tr("has a bad run (%1): %2").arg(where, problem);
    };
    if (!value.isObject())
        return SessionReader::tr("has a bad run (%1): it is not an object").arg(where);
    const QJsonObject json = value.toObject();
    QString problem;
    const Fields f{json, &problem};
    if (!f.integer(ReportKey::StartedAtEpochMs, &run->startedAtEpochMs, -qint64(JsonNumber::MaxMs), qint64(JsonNumber::MaxMs))
        || !f.number(ReportKey::WallMs, &run->wallMs) || !f.number(ReportKey::SumMs, &run->sumMs)
        || !f.number(ReportKey::Parallelism, &run->parallelism) || !f.boolean(ReportKey::EndedByQuit, &run->endedByQuit))
        return bad(problem);
    problem = presetOfRun(json, index, ids, &run->preset);
    if (!problem.isEmpty())
        return bad(problem);
    const qsizetype expected = qsizetype(run->preset.copies) * run->preset.stages.size();
    if (run->jobs.size() != expected)
        return bad(SessionReader::tr("%1 jobs where its preset makes %2 (%3 copies × %4 stages)")
                       .arg(run->jobs.size())
                       .arg(expected)
                       .arg(run->preset.copies)
                       .arg(run->preset.stages.size()));
    const int stages = int(run->preset.stages.size());
    for (int j = 0; j < ids.size(); ++j) {
        const QJsonObject id = ids.at(j).toObject();
        if (id.value(ReportKey::Group).toInt(-1) != j / stages
            || id.value(ReportKey::Stage).toInt(-1) != j % stages)
            return bad(SessionReader::tr("job %1 is not copy %2, stage %3, where the order puts it")
                           .arg(j + 1)
                           .arg(j / stages)
                           .arg(j % stages));
    }
    QString uuid;
    if (!f.string(ReportKey::Uuid, &uuid))
        return bad(problem);
    run->uuid = QUuid::fromString(uuid);
    if (run->uuid.isNull() && !uuid.isEmpty() && uuid != QUuid().toString(QUuid::WithoutBraces))
        return bad(SessionReader::tr("\"uuid\" is not a UUID"));
    if (run->uuid.isNull())
        run->uuid = derivedUuid(*run, ids);
    return {};
}

} // namespace

bool SessionReader::jobFromJson(const QJsonObject &json, JobProcess::Record *record, QString *error)
{
    const Fields f{json, error};
    JobProcess::Record r;
    QString state;
    if (!f.string(ReportKey::State, &state))
        return false;
    if (!JobOutcome::stateFromKey(state, &r.outcome.state))
        return f.fail(ReportKey::State, tr("is \"%1\", not a job state").arg(state));
    if (r.outcome.isActive())
        return f.fail(ReportKey::State, tr("is \"%1\": a recorded job must have ended").arg(state));
    QString cause = JobOutcome::causeKey(r.outcome.cause);
    if (!f.string(ReportKey::Cause, &cause))
        return false;
    if (!JobOutcome::causeFromKey(cause, &r.outcome.cause))
        return f.fail(ReportKey::Cause, tr("is \"%1\", not a known cause").arg(cause));
    QJsonArray pollTimes, input, history, descendants, paused, family;
    QString refusal;
    JobResources &res = r.resources;
    res.cpuPercent = -1;
    res.rssKb = -1;
    res.threads = -1;
    constexpr int intMin = std::numeric_limits<int>::min();
    constexpr int intMax = std::numeric_limits<int>::max();
    if (!f.integer(ReportKey::ExitCode, &r.outcome.exitCode, intMin, intMax, true) || !f.integer(ReportKey::Signal, &r.outcome.signal, 0, 128, true)
        || !f.string(ReportKey::Error, &r.outcome.error) || !f.pid(ReportKey::Pid, &r.pid, true)
        || !f.number(ReportKey::StartedMs, &r.startedMs) || !f.number(ReportKey::FinishedMs, &r.finishedMs)
        || !f.number(ReportKey::TermSentMs, &r.termSentMs, true) || !f.number(ReportKey::KillSentMs, &r.killSentMs, true)
        || !f.number(ReportKey::FirstStdoutMs, &r.firstStdoutMs, true) || !f.count(ReportKey::Polls, &r.polls)
        || !f.array(ReportKey::PollTimesMs, &pollTimes) || !f.count(ReportKey::StdinBytes, &r.stdinBytes)
        || !f.count(ReportKey::StdoutBytes, &r.stdoutTotal) || !f.count(ReportKey::StderrBytes, &r.stderrTotal)
        || !f.boolean(ReportKey::Stdout.trimmed, &r.stdoutTrimmed) || !f.boolean(ReportKey::Stderr.trimmed, &r.stderrTrimmed)
        || !f.boolean(ReportKey::Terminal, &r.terminal) || !f.count(ReportKey::InputBytes, &r.inputBytes)
        || !f.array(ReportKey::Input, &input) || !f.count(ReportKey::CpuUserMs, &res.cpuUserMs, true)
        || !f.count(ReportKey::CpuSysMs, &res.cpuSysMs, true) || !f.boolean(ReportKey::CpuExact, &res.cpuExact)
        || !f.count(ReportKey::PeakRssKb, &res.peakRssKb, true) || !f.boolean(ReportKey::PeakRssExact, &res.peakRssExact)
        || !f.count(ReportKey::MaxThreads, &res.maxThreads, true) || !f.count(ReportKey::ReadBytes, &res.readBytes, true)
        || !f.count(ReportKey::WriteBytes, &res.writeBytes, true) || !f.count(ReportKey::Samples, &res.samples)
        || !f.array(ReportKey::History, &history) || !f.array(ReportKey::Descendants, &descendants)
        || !f.array(ReportKey::PausedStretches, &paused) || !f.array(ReportKey::Family, &family)
        || !f.string(ReportKey::WatchRefused, &refusal) || !keptBytes(f, ReportKey::Stdout.text, ReportKey::Stdout.base64, &r.stdoutKept)
        || !keptBytes(f, ReportKey::Stderr.text, ReportKey::Stderr.base64, &r.stderrKept)) {
        return false;
    }
    if (json.value(ReportKey::ExitCode).isNull())
        r.outcome.exitCode = -1;
    if (json.value(ReportKey::Signal).isNull())
        r.outcome.signal = 0;
    r.elapsedMs = r.startedMs >= 0 && r.finishedMs >= r.startedMs ? r.finishedMs - r.startedMs : 0;
    if (!f.number(ReportKey::DurationMs, &r.elapsedMs))
        return false;
    if (r.stdoutTotal < r.stdoutKept.size() || r.stderrTotal < r.stderrKept.size())
        return f.fail(ReportKey::StdoutBytes, tr("is less than the text kept"));
    if (!readPollTimes(f, pollTimes, &r.pollTimesMs) || !readInputRecords(input, &r.inputRecords, error)
        || !readHistory(f, history, &res.history))
        return false;
    if (!readDescendants(descendants, &res.descendants, error))
        return false;
    if (!readPausedStretches(paused, &r.pausedStretches, error))
        return false;
    r.family = familyFromJson(json, family, refusal);
    *record = r;
    return true;
}

qint64 SessionReader::memoryCost(const JobProcess::Record &r)
{
    qint64 cost = qint64(sizeof(r)) + r.stdoutKept.size() + r.stderrKept.size() + r.outcome.error.size() * 2
                  + r.pollTimesMs.size() * qint64(sizeof(double))
                  + r.pausedStretches.size() * qint64(sizeof(JobProcess::PausedStretch))
                  + r.resources.history.size() * qint64(sizeof(ResourcePoint));
    for (const JobProcess::InputRecord &in : r.inputRecords)
        cost += qint64(sizeof(in)) + in.bytes.size();
    for (const ProcessSample &p : r.resources.descendants)
        cost += qint64(sizeof(p)) + stringsCost(p.argv);
    for (const ProcessFamily::Member &m : r.family.members()) {
        cost += qint64(sizeof(m)) + 32 + 2 * m.how.size();
        for (const ProcessFamily::StdFd &fd : m.fds)
            cost += 2 * fd.target.size();
        for (const ProcessFamily::Exec &exec : m.execs)
            cost += qint64(sizeof(exec)) + stringsCost(exec.argv) + 32 + 2 * exec.exe.size();
    }
    return cost;
}

bool SessionReader::isSessionFile(const QString &path)
{
    if (path.endsWith(QLatin1String(".spawnscope")))
        return true;
    return DocumentFormat::read(path) == QLatin1String(RunReport::FormatName);
}

SessionReader::Result SessionReader::read(const QString &path, qint64 outputBudget, RecordedRun::Origin origin,
                                          qint64 memoryBudget)
{
    Result result;
    QFile file(path);
    const QString name = QFileInfo(path).fileName();
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = tr("Cannot open %1: %2").arg(path, file.errorString());
        return result;
    }
    result = read(&file, path, outputBudget, origin, memoryBudget);
    for (RecordedRun &run : result.runs)
        run.file = path;
    return result;
}

SessionReader::Result SessionReader::read(QIODevice *device, const QString &name, qint64 outputBudget,
                                          RecordedRun::Origin origin, qint64 memoryBudget)
{
    Result result;
    auto fail = [&](const QString &problem) {
        result.runs.clear();
        result.error = tr("%1 %2.").arg(name, problem);
        return result;
    };
    if (device->atEnd() && device->size() == 0)
        return fail(tr("is empty"));

    Scan scan;
    Budget budget{std::max<qint64>(outputBudget, OutputBudget::MinBytes), memoryBudget, &scan.jobsByRun,
                  &scan.idsByRun};
    QString problem = scanLines(device, &budget, &scan);
    if (!problem.isEmpty())
        return fail(problem);
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(scan.skeleton, &parse);
    if (parse.error != QJsonParseError::NoError)
        return fail(parseProblem(parse, scan.skeleton));
    problem = headerProblem(doc);
    if (!problem.isEmpty())
        return fail(problem);
    const QJsonArray runs = doc.object().value(ReportKey::Runs).toArray();
    // One line, or no line ending in the jobs' opening (compact JSON from
    // another tool): the whole document is already in skeleton.
    if (scan.lineByLine && scan.jobsByRun.isEmpty())
        scan.lineByLine = false;
    if (scan.lineByLine && scan.jobsByRun.size() != runs.size())
        return fail(tr("has %1 runs but job lists for %2").arg(runs.size()).arg(scan.jobsByRun.size()));
    if (!scan.lineByLine && !(problem = jobsOfRuns(runs, &budget, &scan)).isEmpty())
        return fail(problem);
    if (!runs.isEmpty() && budget.dropped >= runs.size())
        return fail(tr("cannot be restored within %1 of memory: even its newest run needs more")
                        .arg(QLocale().formattedDataSize(memoryBudget)));
    // The oldest runs, left out to keep the memory budget, are not checked.
    for (int i = int(budget.dropped); i < runs.size(); ++i) {
        RecordedRun run;
        run.origin = origin;
        run.jobs = std::move(scan.jobsByRun[i]);
        problem = runFromJson(runs.at(i), i, scan.idsByRun.at(i), &run);
        if (!problem.isEmpty())
            return fail(problem);
        result.runs << run;
    }
    result.trimmedJobs = budget.trimmedJobs;
    result.droppedRuns = int(budget.dropped);
    return result;
}
