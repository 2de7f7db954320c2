// The JSON report written as the jobs end, not built in memory at the end,
// so that a run of a million jobs costs the memory of the ones running. It is
// RunReport's document: {"runs": [{"preset", "title", "jobs": [...], "wallMs",
// "sumMs", "parallelism"}]}, one job entry per line; it is valid JSON once
// finish() has written the end (StreamedFile puts it in place only then).
#pragma once

#include "streamedfile.h"

#include <QByteArray>
#include <QJsonObject>

class JobRun;

class ReportStream
{
public:
    // The document's pieces, for a writer that assembles them itself (the
    // session keeps each finished run's text). The layout is a promise that
    // SessionReader relies on to read a file of any size a line at a time:
    // a run's head ends its line with JobsOpening, then each job is one line,
    // then a line starting with ']' ends the run's jobs.
    static constexpr char JobsOpening[] = "\"jobs\": [";
    static constexpr char Separator[] = ",\n";
    static QByteArray documentHead();
    static QByteArray runHead(const JobRun *run);
    static QByteArray runTail(const JobRun *run);
    static QByteArray documentTail();

    bool open(const QString &path, QString *error);
    void beginRun(const JobRun *run);
    // A job entry as compact JSON (RunReport::jobToJson), in the order given:
    // the caller keeps the run's job order.
    void addJob(const QByteArray &entry);
    void endRun(const JobRun *run);
    bool finish(QString *error);

private:
    StreamedFile m_file;
    bool m_anyRun = false;
    bool m_anyJob = false;
};
