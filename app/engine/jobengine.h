// Owns every run, in launch order; the one place the app starts, stops and
// forgets child processes. Its one ProcessSampler watches every running
// job's process tree and feeds each JobProcess's resources().
#pragma once

#include "outputbudget.h"
#include "foldedruns.h"
#include "jobprocess.h"
#include "outputtail.h"
#include "preset.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

#include <algorithm>

class JobRun;
struct RecordedRun;
class ProcessSampler;
class QTimer;
struct RootSample;

class JobEngine : public QObject
{
    Q_OBJECT
public:
    explicit JobEngine(QObject *parent = nullptr);
    ~JobEngine() override;

    // Starts the preset's copies as slots under maxParallel() allow (all at
    // once by default); the others wait as "queued". The run is appended to runs().
    JobRun *start(const Preset &preset);

    // A recorded run (a session, an opened report) as a finished run in
    // runs(), with its own id; nothing is started. Its kept output counts
    // toward the output budget like any finished job's. Null if the record
    // does not fit its preset (the reader checks that first).
    JobRun *restore(const RecordedRun &recorded);
    // The most time one call of the scheduler spends starting children
    // (a start costs 0.5-1.5 ms of the calling thread, several on a busy
    // machine); the copies left start in the next turns of the event loop.
    // 0 (the default, for the headless runner and tests): every copy a slot
    // allows starts at once. The window sets WindowStartBudgetMs, so that a
    // run of 1,000 copies does not hold its event loop for all their starts.
    // A run of at most SmallFanOut children starts in one go whatever the
    // budget, so that they start, and end, together: the seed's lesson.
    void setStartBudgetMs(int ms) { m_startBudgetMs = std::max(0, ms); }
    int startBudgetMs() const { return m_startBudgetMs; }
    static constexpr int WindowStartBudgetMs = 8;
    static constexpr int SmallFanOut = 64;

    // How many children may run at once; 0 for no limit. A chain needs a slot
    // per stage and starts whole; one longer than the limit runs alone.
    void setMaxParallel(int count);
    int maxParallel() const { return m_maxParallel; }
    // max(SmallFanOut, 4 x cores): a small fan-out is not queued either.
    static int defaultMaxParallel();
    // Children started and not yet ended; runningCountChanged() follows it.
    int runningCount() const { return m_running; }
    int queuedCopies() const { return int(m_queue.size()); }
    // The most children that were running at once, for tests and benchmarks.
    int peakRunning() const { return m_peakRunning; }

    const QList<JobRun *> &runs() const { return m_runs; }
    int indexOf(const JobRun *run) const { return int(m_runs.indexOf(const_cast<JobRun *>(run))); }
    JobRun *runById(quint64 id) const;

    int activeRunCount() const { return m_activeRuns; }
    bool isIdle() const { return m_activeRuns == 0; }

    // Removes every finished run.
    void clearFinished();
    // Removes every finished run and hands it over, in order, to be put
    // back (after any run started since) by putBack(), File → New session's
    // undo, or deleted. A run whose JobRun::uuid() is in runs() again by
    // then (its file was opened meanwhile) is not put back twice: it is
    // deleted, and the one in runs() stays.
    QList<JobRun *> takeFinished();
    void putBack(const QList<JobRun *> &runs);
    // SIGTERM to every running child's group, SIGKILL after its grace period;
    // queued ones never start. idle() follows once the last child is gone.
    void stopAll();

    // How often running jobs' process trees are read from /proc, clamped
    // to ProcessSampler's [MinIntervalMs, MaxIntervalMs].
    void setSampleInterval(int ms);
    int sampleInterval() const;
    ProcessSampler *sampler() const { return m_sampler; }
    // Off: jobs started from now on are not sampled (their exact CPU time at
    // the reap is still read); the benchmark measures sampling's cost so.
    void setSamplingEnabled(bool enabled) { m_samplingEnabled = enabled; }
    bool samplingEnabled() const { return m_samplingEnabled; }

    // How long a job's output is still read after its own process exits
    // (JobProcess::DefaultDrainLimitMs, --drain-limit); for jobs started from now on.
    void setDrainLimitMs(int ms) { m_drainLimitMs = ms; }
    // The most members each watched job's family keeps (--family-limit).
    void setFamilyLimit(qsizetype limit) { m_familyLimit = limit; }
    int drainLimitMs() const { return m_drainLimitMs; }
    void setTailCapacity(qsizetype bytes) { m_tailCapacity = bytes; }
    qsizetype tailCapacity() const { return m_tailCapacity; }

    // The output every job keeps in memory together (OutputBudget): past it
    // the oldest finished jobs' tails are trimmed, never a running job's.
    void setOutputBudget(qint64 bytes) { m_budget.setLimit(bytes); }
    qint64 outputBudget() const { return m_budget.limit(); }
    const OutputBudget &budget() const { return m_budget; }

    // --output-dir: runs started from now on write each job's full stdout
    // and stderr under root (OutputDir's layout); empty for none.
    void setOutputRoot(const QString &root) { m_outputRoot = root; }
    QString outputRoot() const { return m_outputRoot; }

    // For a consumer that writes each job out as it ends (the headless
    // runner): runs started from now on create a copy's jobs when it starts
    // and let JobRun::releaseCopy() delete them (JobRun's releasing mode), so
    // a million copies cost the memory of the ones running.
    void setReleasingRuns(bool releasing) { m_releasingRuns = releasing; }

    // The window's row limit: past this many finished jobs in runs(), the
    // oldest finished runs are removed and counted in folded(); a running
    // run is never folded. 0 (the default): no limit.
    void setFinishedJobLimit(qint64 jobs);
    static constexpr qint64 DefaultFinishedJobLimit = 10000; // the window's default
    qint64 finishedJobLimit() const { return m_finishedJobLimit; }
    const FoldedRuns &folded() const { return m_folded; }
    // Forgets the tally (File → New, Clear finished).
    void clearFolded();

signals:
    void runAdded(JobRun *run);
    void runsAboutToBeRemoved(int first, int last);
    void runsRemoved(int first, int last);
    void jobChanged(JobRun *run, int jobIndex);
    // A sampler tick (or the reap) changed the job's resources() or paused
    // state; once per job per tick, for a model to batch.
    void jobResourcesChanged(JobRun *run, int jobIndex);
    void runFinished(JobRun *run);
    // A child started or ended (count is runningCount()), so a display of
    // what runs now need not rescan every run.
    void runningCountChanged(int count);
    void idle();
    void foldedChanged();

private:
    void foldOldRuns(const JobRun *keep);
    void pump();
    void wireJob(JobRun *run, int index);
    void onJobFinished(JobRun *run, int index);
    void onSampled(const QList<RootSample> &roots);
    // Hands the sampler the jobs that have run FirstSampleDelayMs by now.
    void sampleStartedJobs();

    struct SampledJob
    {
        QPointer<JobRun> run;
        int index;
    };

    struct PendingCopy
    {
        QPointer<JobRun> run;
        int copy;
    };

    QElapsedTimer m_sampleClock; // the sampler's; each run's own clock is offset from it
    ProcessSampler *m_sampler;
    bool m_samplingEnabled = true;
    QHash<qint64, SampledJob> m_sampledJobs; // root pid -> its job, while it runs
    struct StartedJob
    {
        QPointer<JobRun> run;
        int index;
        qint64 startedMs; // on m_sampleClock
    };
    QList<StartedJob> m_toSample; // started, not yet handed to the sampler, oldest first
    QTimer *m_firstSampleTimer;
    QList<JobRun *> m_runs;
    QList<PendingCopy> m_queue;
    int m_maxParallel = defaultMaxParallel();
    int m_running = 0;
    int m_peakRunning = 0;
    bool m_pumping = false;
    bool m_pumpAgain = false;
    int m_startBudgetMs = 0;
    QTimer *m_pumpTimer; // the copies a spent start budget left, next turn
    quint64 m_nextId = 1;
    int m_activeRuns = 0;
    qsizetype m_tailCapacity = OutputTail::DefaultCapacity;
    int m_drainLimitMs = JobProcess::DefaultDrainLimitMs;
    qsizetype m_familyLimit = ProcessFamily::DefaultMemberLimit;
    OutputBudget m_budget;
    QString m_outputRoot;
    bool m_releasingRuns = false;
    qint64 m_finishedJobLimit = 0;
    qint64 m_finishedJobs = 0; // jobs of the finished runs in m_runs
    FoldedRuns m_folded;
};
