// Reads a session file, or a headless report (one format serves both: see
// RunReport), into RecordedRun values, off the GUI thread if wanted: it
// creates no QObject. JobEngine::restore() then makes them runs.
//
// A file SpawnScope wrote has one job per line (ReportStream's layout), and
// is read a line at a time, so a file of any size costs the memory of the
// output it keeps: past the output budget the oldest jobs' tails are cut to
// their last OutputBudget::TrimmedKeepBytes, as the window's budget would.
// A file laid out otherwise (pretty-printed by another tool) is read whole,
// up to MaxWholeBytes. Everything restored, not only the output, stays
// within a memory budget (DefaultMemoryBudget): past it the oldest runs are
// left out, and Result::droppedRuns says how many. Every number goes
// through JsonNumber's checks, and a refusal names the field.
//
// Every problem is one sentence naming the file and what is wrong: not JSON,
// cut short, another program's JSON, from a newer SpawnScope, nested too
// deep, too large, or a field that is not what it must be.
#pragma once

#include "recordedrun.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

class QIODevice;
class QJsonObject;

class SessionReader
{
    Q_DECLARE_TR_FUNCTIONS(SessionReader)
public:
    static constexpr qint64 MaxWholeBytes = 64LL * 1024 * 1024;
    // One job's line: its two tails (escaped, or base64 for binary) and the rest.
    static constexpr qint64 MaxLineBytes = 64LL * 1024 * 1024;

    // What the restored runs may take in memory altogether (output, history,
    // samples, descendants, family, input, poll times; estimated as read):
    // past it the oldest runs are left out, and a file whose newest run
    // alone needs more cannot be read.
    static constexpr qint64 DefaultMemoryBudget = 256LL * 1024 * 1024;

    struct Result
    {
        QList<RecordedRun> runs;
        QString error; // empty on success
        int trimmedJobs = 0; // jobs whose tails the budget cut while reading
        int droppedRuns = 0; // the oldest runs, left out to keep the memory budget
        bool ok() const { return error.isEmpty(); }
    };

    // origin and the file's name go into every run read.
    static Result read(const QString &path, qint64 outputBudget, RecordedRun::Origin origin,
                       qint64 memoryBudget = DefaultMemoryBudget);
    // name: how messages call the source.
    static Result read(QIODevice *device, const QString &name, qint64 outputBudget, RecordedRun::Origin origin,
                       qint64 memoryBudget = DefaultMemoryBudget);

    // What one job read back costs in memory, estimated: what the memory
    // budget counts.
    static qint64 memoryCost(const JobProcess::Record &record);

    // A name ending in .spawnscope, or a file whose top-level "format" is a
    // report's, however it is spelt (DocumentFormat): what a drop on the
    // table opens rather than imports.
    static bool isSessionFile(const QString &path);

    // One job entry (RunReport::jobToJson's object); false with *error
    // saying which field is wrong.
    static bool jobFromJson(const QJsonObject &json, JobProcess::Record *record, QString *error);
};
