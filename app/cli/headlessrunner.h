// Runs presets one after another with no window and writes the JSON report.
#pragma once

#include "preset.h"

#include <QList>
#include <QObject>

class JobEngine;
class JobRun;

class HeadlessRunner : public QObject
{
    Q_OBJECT
public:
    explicit HeadlessRunner(QObject *parent = nullptr);

    // reportPath: a file, "-" for stdout, or empty for a human summary on stdout.
    void setReportPath(const QString &path) { m_reportPath = path; }
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

    const QList<const JobRun *> &completedRuns() const { return m_completed; }

    // The app was told to stop: skip the presets not started yet, stop the
    // running children, report what ran, then finish with 128 + signal.
    void interrupt(int signal);

signals:
    // 0 when every run was carried out and reported; 2 if the report could not be
    // written; 128 + N after interrupt(N).
    void finished(int exitCode);

private:
    void startNext();
    void writeReport();

    JobEngine *m_engine;
    QList<Preset> m_queue;
    QList<const JobRun *> m_completed;
    QString m_reportPath;
    QString m_joblogPath;
    QString m_tracePath;
    int m_interruptSignal = 0;
};
