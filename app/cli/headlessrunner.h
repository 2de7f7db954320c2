// Runs presets one after another with no window and writes the JSON report.
//
// The report (or, without --report, the summary) is written as the jobs end,
// in each run's job order, and a copy's jobs are released once written, so
// a run of a million copies needs the memory of the ones running. The job log
// and the trace are streamed the same way; as they are made from the jobs
// themselves, with either a copy is released once it and every copy before
// it are written (the report alone releases a copy as soon as it is done).
#pragma once

#include "chrometracestream.h"
#include "joblogstream.h"
#include "preset.h"
#include "readerwait.h"
#include "reportstream.h"
#include "runreport.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QObject>

#include <memory>

class JobEngine;
class JobRun;

class HeadlessRunner : public QObject
{
    Q_OBJECT
public:
    explicit HeadlessRunner(QObject *parent = nullptr);
    ~HeadlessRunner() override;

    // reportPath: a file, "-" for stdout, or empty for a human summary on stdout.
    void setReportPath(const QString &path) { m_reportPath = path; }
    // --report-output: at most this many bytes of each stream's text per job.
    void setReportTextBytes(qsizetype bytes) { m_reportTextBytes = bytes; }
    // GNU parallel --joblog TSV and Chrome trace JSON of the runs, when set.
    void setJoblogPath(const QString &path) { m_joblogPath = path; }
    void setTracePath(const QString &path) { m_tracePath = path; }
    JobEngine *engine() const { return m_engine; }
    // --sample-interval: how often the children's resources are read
    // (clamped to the sampler's bounds); 0 keeps the default.
    void setSampleInterval(int ms);

    // Runs each preset to completion, in order, then emits finished(). A
    // preset's interactive stdin is replaced by none (end of file at once).
    void run(const QList<Preset> &presets);

    // The runs, for their sums; their jobs are released as they are written.
    const QList<const JobRun *> &completedRuns() const { return m_completed; }

    // The app was told to stop: skip the presets not started yet, stop the
    // running children, report what ran, then finish with 128 + signal.
    void interrupt(int signal);

    // The exit codes finished() gives, besides 0 (every run carried out and
    // reported) and 128 + N after interrupt(N).
    static constexpr int OutputIncompleteExit = 1; // an --output-dir file not written in full
    static constexpr int ReportFailedExit = 2;     // the report, job log or trace could not be written

signals:
    // 0, OutputIncompleteExit, ReportFailedExit or 128 + N: an interrupt
    // outweighs the others, a report that failed an incomplete output file.
    void finished(int exitCode);

private:
    void startNext();
    void onJobFinished(JobRun *run, int index);
    void writeOut(const QByteArray &bytes);
    // The entry of job index of run, in job order: the report or summary
    // line, and the job log's and trace's, then the copy's release.
    void writeEntry(JobRun *run, int index, const QByteArray &entry);
    bool streamsJobs() const { return m_joblog || m_trace; }
    // Once every FIFO to write to has a reader: opens the streams, then runs.
    void openStreams();
    bool openStream(bool opened, const QString &error);
    void writeReport();
    // Says on stderr which of the job's --output-dir files is incomplete and why.
    void checkOutputFiles(const JobRun *run, int index);

    JobEngine *m_engine;
    QList<Preset> m_queue;
    QList<const JobRun *> m_completed;
    QString m_reportPath;
    QString m_joblogPath;
    QString m_tracePath;
    qsizetype m_reportTextBytes = RunReport::DefaultTextBytes;
    std::unique_ptr<ReportStream> m_report;
    std::unique_ptr<JobLogStream> m_joblog;
    std::unique_ptr<ChromeTraceStream> m_trace;
    ReaderWait m_readerWait;
    QString m_reportError;
    // The current run's finished entries waiting for an earlier one, by job
    // index, so the report keeps the job order; and the next index due.
    QMap<int, QByteArray> m_waiting;
    int m_nextEntry = 0;
    int m_interruptSignal = 0;
    bool m_outputIncomplete = false;
};
