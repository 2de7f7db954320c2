// One launch of a preset: its copies x stages jobs, wired into chains, started
// together, and measured as a group (wall time against the sum of the parts).
#pragma once

#include "joboutcome.h"
#include "preset.h"
#include "recordedrun.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QUuid>

#include <memory>

class JobProcess;

class JobRun : public QObject
{
    Q_OBJECT
public:
    // outputRoot: OutputDir's root for every job's full output, or empty.
    // releasing: for a run of up to a million copies with no window: a
    // copy's jobs are created when it starts, and releaseCopy() deletes them
    // once a consumer (the headless runner's report) is done with them, so
    // jobs() holds nullptr for a copy not started yet or released.
    JobRun(quint64 id, const Preset &preset, qsizetype tailCapacity, QObject *parent = nullptr,
           const QString &outputRoot = QString(), bool releasing = false);

    // Starts every copy at once (the seed's fan-out).
    void start();
    // For a scheduler with a concurrency limit: begin() starts the run's clock,
    // then startCopy() starts one copy's stages (one chain) as slots free up.
    void begin();
    void startCopy(int copy);
    bool isCopyStarted(int copy) const { return m_copyStarted.value(copy, false); }
    bool isCopyDone(int copy) const;
    // Makes this run, never started, the recorded one: every job restored
    // (JobProcess::restore), done, with the recorded wall time, sum and
    // parallelism. False if the job count does not match the preset.
    bool restore(const RecordedRun &recorded);
    // Null for a run this session started.
    const RecordedRun *recorded() const { return m_recorded.get(); }
    // Set when SpawnScope quits with this run still going (its jobs are then
    // stopped); a session keeps it.
    void setEndedByQuit(bool ended) { m_endedByQuit = ended; }
    bool endedByQuit() const { return m_endedByQuit; }
    // Deletes a done copy's jobs (releasing runs only); their sums stay.
    void releaseCopy(int copy);
    bool isReleasing() const { return m_releasing; }
    // stop() or kill() was called: copies not started yet never will be.
    bool isStopping() const { return m_stopping; }
    void stop();
    void kill();

    quint64 id() const { return m_id; }
    // The run's identity across files and sessions (RecordedRun::uuid): new
    // for a run started here, the recorded one for a restored run. id() is
    // only this engine's handle, and differs each time the run is restored.
    QUuid uuid() const { return m_uuid; }
    const Preset &preset() const { return m_preset; }
    // Copy-major: job(copy, stage) == jobs().at(copy * stageCount() + stage).
    // In a releasing run, nullptr for a copy not started yet or released.
    const QList<JobProcess *> &jobs() const { return m_jobs; }
    JobProcess *job(int copy, int stage) const { return m_jobs.at(copy * stageCount() + stage); }
    int stageCount() const { return int(m_preset.stages.size()); }
    int copyCount() const { return m_preset.copies; }
    // O(1): a job knows its copy and stage; -1 for a job of another run.
    int indexOf(const JobProcess *job) const;

    bool isActive() const { return m_started && m_doneCount < m_jobs.size(); }
    bool isDone() const { return m_started && m_doneCount == m_jobs.size(); }
    // Done, and not one job got to run: every one failed to start.
    bool nothingRan() const { return isDone() && doneCount(JobOutcome::State::FailedToStart) == m_jobs.size(); }
    int doneCount() const { return m_doneCount; }
    int failedCount() const { return m_failedCount; }
    // How many of the finished jobs ended in this state.
    int doneCount(JobOutcome::State state) const { return m_doneByState.value(int(state)); }
    // Of the Killed ones, those that Stop ended (they read "stopped").
    int stoppedCount() const { return m_stoppedCount; }
    // Jobs started and not yet ended, and how many of them are paused.
    int runningCount() const { return m_runningCount; }
    int pausedCount() const { return m_pausedCount; }

    // Sums over the jobs, kept up to date as they change, so a group row
    // costs O(1) however many children it has. Piped stdout is not counted.
    qint64 stdoutBytes() const { return m_stdoutBytes; }
    qint64 stderrBytes() const { return m_stderrBytes; }
    int polls() const { return m_polls; }

    // From the run's start to the last exit (or now, while running).
    double wallMs() const;
    // The children's lifetimes added up.
    double sumMs() const;
    // sumMs / wallMs: ~1 for serial work, ~N for N children truly in parallel.
    double parallelism() const;

    const QElapsedTimer &clock() const { return m_clock; }
    // Wall-clock time of begin() (of the run's creation before that), in ms
    // since the epoch, for logs and sessions.
    qint64 startedAtEpochMs() const { return m_startedAtEpochMs; }

signals:
    // A releasing run created a copy's job, before starting it.
    void jobCreated(int index);
    void jobChanged(int index);
    void jobFinished(int index);
    void finished();

private:
    JobProcess *createJob(int copy, int stage, qsizetype tailCapacity);
    void createCopy(int copy);
    // A releasing run cancels the copies it never started a batch at a time,
    // so that their jobs are created, reported and released in turn.
    void cancelUnstarted();
    void onJobChanged(int index);
    void onJobFinished(int index);

    // What a job contributed to the sums when it was last seen.
    struct Tally
    {
        qint64 stdoutBytes = 0;
        qint64 stderrBytes = 0;
        int polls = 0;
        double startedMs = -1; // >= 0 while counted as running
        bool paused = false;   // counted in m_pausedCount
        bool done = false;
    };

    quint64 m_id;
    QUuid m_uuid = QUuid::createUuid();
    Preset m_preset;
    QList<JobProcess *> m_jobs;
    QElapsedTimer m_clock;
    double m_finishedMs = -1;
    int m_doneCount = 0;
    QList<Tally> m_tally;
    qint64 m_stdoutBytes = 0;
    qint64 m_stderrBytes = 0;
    int m_polls = 0;
    int m_failedCount = 0;
    int m_stoppedCount = 0;
    int m_pausedCount = 0;
    QList<int> m_doneByState;
    // sumMs() = finished lifetimes + Σ (now - start) over the running jobs.
    double m_doneSumMs = 0;
    double m_lastEndMs = -1; // the latest finishedMs() of a done job
    int m_runningCount = 0;
    double m_runningStartSumMs = 0;
    bool m_started = false;
    qint64 m_startedAtEpochMs = 0;
    // A restored run's own figures, without its jobs (they are in m_jobs).
    std::shared_ptr<const RecordedRun> m_recorded;
    bool m_endedByQuit = false;
    QList<bool> m_copyStarted;
    qsizetype m_tailCapacity;
    QString m_outputRoot;
    bool m_releasing = false;
    bool m_stopping = false;
    bool m_killing = false;
    int m_nextToCancel = 0;
};
