// One launch of a preset: its copies x stages jobs, wired into chains, started
// together, and measured as a group (wall time against the sum of the parts).
#pragma once

#include "preset.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>

class JobProcess;

class JobRun : public QObject
{
    Q_OBJECT
public:
    JobRun(quint64 id, const Preset &preset, qsizetype tailCapacity, QObject *parent = nullptr);

    // Starts every copy at once (the seed's fan-out).
    void start();
    // For a scheduler with a concurrency limit: begin() starts the run's clock,
    // then startCopy() starts one copy's stages (one chain) as slots free up.
    void begin();
    void startCopy(int copy);
    bool isCopyStarted(int copy) const { return m_copyStarted.value(copy, false); }
    bool isCopyDone(int copy) const;
    void stop();
    void kill();

    quint64 id() const { return m_id; }
    const Preset &preset() const { return m_preset; }
    // Copy-major: job(copy, stage) == jobs().at(copy * stageCount() + stage).
    const QList<JobProcess *> &jobs() const { return m_jobs; }
    JobProcess *job(int copy, int stage) const { return m_jobs.at(copy * stageCount() + stage); }
    int stageCount() const { return int(m_preset.stages.size()); }
    int copyCount() const { return m_preset.copies; }
    int indexOf(const JobProcess *job) const { return int(m_jobs.indexOf(const_cast<JobProcess *>(job))); }

    bool isActive() const { return m_started && m_doneCount < m_jobs.size(); }
    bool isDone() const { return m_started && m_doneCount == m_jobs.size(); }
    int doneCount() const { return m_doneCount; }
    int failedCount() const;

    // From the run's start to the last exit (or now, while running).
    double wallMs() const;
    // The children's lifetimes added up.
    double sumMs() const;
    // sumMs / wallMs: ~1 for serial work, ~N for N children truly in parallel.
    double parallelism() const;

    const QElapsedTimer &clock() const { return m_clock; }
    // Wall-clock time of begin(), in ms since the epoch (0 before), for logs.
    qint64 startedAtEpochMs() const { return m_startedAtEpochMs; }

signals:
    void jobChanged(int index);
    void jobFinished(int index);
    void finished();

private:
    void onJobFinished(int index);

    quint64 m_id;
    Preset m_preset;
    QList<JobProcess *> m_jobs;
    QElapsedTimer m_clock;
    double m_finishedMs = -1;
    int m_doneCount = 0;
    bool m_started = false;
    qint64 m_startedAtEpochMs = 0;
    QList<bool> m_copyStarted;
};
