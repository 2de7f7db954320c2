// The Chrome trace written as the jobs end (ChromeTrace's events, one per
// line), so a headless run with --trace keeps releasing each copy once
// traced. The same events as ChromeTrace::toJson of the runs, given the jobs
// in the same order; valid JSON once finish() has written the end.
#pragma once

#include "streamedfile.h"

#include <QString>

class JobRun;

class ChromeTraceStream
{
public:
    bool open(const QString &path, QString *error);
    // In trace order: each run's jobs by index, runs one after another (the
    // first run's start is the trace's zero).
    void addJob(const JobRun *run, int index);
    bool finish(QString *error);

private:
    void writeEvent(const QByteArray &event);

    StreamedFile m_file;
    bool m_anyEvent = false;
    const JobRun *m_run = nullptr; // the run whose jobs come now
    qint64 m_originEpochMs = -1;
    double m_runOffsetUs = 0;
    int m_nextFamilyTid = 0;
    int m_sortIndex = 0;
};
