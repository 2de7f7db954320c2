// The job log written as the jobs end, not built from every job at the end,
// so a headless run of a million copies with --joblog keeps releasing each
// copy once logged. The same bytes as JobLog::toTsv (or toJson for a path
// ending in .json) of the runs, given the jobs in the same order.
#pragma once

#include "streamedfile.h"

#include <QString>

class JobRun;

class JobLogStream
{
public:
    bool open(const QString &path, QString *error);
    // In log order: each run's jobs by index, runs one after another.
    void addJob(const JobRun *run, int index);
    bool finish(QString *error);

private:
    StreamedFile m_file;
    bool m_json = false;
    int m_seq = 0;
};
