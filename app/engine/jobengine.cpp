#include "jobengine.h"

#include "jobprocess.h"
#include "jobrun.h"
#include "openfilelimit.h"
#include "processsampler.h"
#include "recordedrun.h"
#include "rootsample.h"

#include <QSet>
#include <QThread>
#include <QTimer>

#include <algorithm>

namespace {

// A child is handed to the sampler this long after it started, not at once:
// the first read of /proc (every file, as for any new process) cost more
// than QProcess itself per /bin/true in a fan-out of a thousand, and the
// kernel then also has that child's /proc entries to drop at its reap. A
// child that ends sooner loses nothing it had: its exact usage comes from the
// reap, and right after exec it has no descendants to see yet.
constexpr int FirstSampleDelayMs = 100;
constexpr int FirstSampleBatchMs = 20;

} // namespace

JobEngine::JobEngine(QObject *parent)
    : QObject(parent)
    , m_sampler(nullptr)
    , m_firstSampleTimer(new QTimer(this))
    , m_pumpTimer(new QTimer(this))
{
    // Three descriptors per running child: the usual soft limit of 1024
    // would stop a fan-out at about 340.
    OpenFileLimit::raise();
    m_pumpTimer->setSingleShot(true);
    m_pumpTimer->setInterval(0);
    connect(m_pumpTimer, &QTimer::timeout, this, &JobEngine::pump);
    m_firstSampleTimer->setSingleShot(true);
    connect(m_firstSampleTimer, &QTimer::timeout, this, &JobEngine::sampleStartedJobs);
    m_sampleClock.start();
    m_sampler = new ProcessSampler(&m_sampleClock, this);
    connect(m_sampler, &ProcessSampler::sampled, this, &JobEngine::onSampled);
}

void JobEngine::setSampleInterval(int ms)
{
    m_sampler->setInterval(ms);
}

int JobEngine::sampleInterval() const
{
    return m_sampler->interval();
}

void JobEngine::onSampled(const QList<RootSample> &roots)
{
    const double samplerNow = m_sampler->nowMs();
    for (const RootSample &root : roots) {
        const auto it = m_sampledJobs.constFind(root.pid);
        if (it == m_sampledJobs.cend() || !it->run)
            continue;
        JobProcess *job = it->run->jobs().at(it->index);
        if (!job)
            continue; // released by now
        job->applySample(root, samplerNow);
        emit jobResourcesChanged(it->run, it->index);
    }
}

void JobEngine::sampleStartedJobs()
{
    const qint64 now = m_sampleClock.elapsed();
    qsizetype taken = 0;
    for (; taken < m_toSample.size(); ++taken) {
        const StartedJob &started = m_toSample.at(taken);
        if (now - started.startedMs < FirstSampleDelayMs) {
            // The rest started later: come back when the oldest of them is
            // due, in steps of at least FirstSampleBatchMs so that a fan-out
            // costs a few timer events, not one per child.
            m_firstSampleTimer->start(int(std::max<qint64>(FirstSampleDelayMs - (now - started.startedMs),
                                                           FirstSampleBatchMs)));
            break;
        }
        if (!started.run)
            continue;
        const JobProcess *job = started.run->jobs().at(started.index);
        // A finished job is reaped (and may be released): its pid may be
        // another process's by now.
        if (job && job->outcome().state == JobOutcome::State::Running && m_sampler->add(job->programPid(), job->spec().stage.program))
            m_sampledJobs.insert(job->programPid(), {started.run, started.index});
    }
    m_toSample.remove(0, taken);
}

JobEngine::~JobEngine()
{
    // Runs are children of the engine; each JobProcess kills what is left.
    qDeleteAll(m_runs);
}

int JobEngine::defaultMaxParallel()
{
    // A small fan-out, which the window starts in one go, is not queued
    // either; a machine with more cores gets more.
    return std::max(SmallFanOut, 4 * QThread::idealThreadCount());
}

void JobEngine::setMaxParallel(int count)
{
    m_maxParallel = std::max(0, count);
    pump();
}

JobRun *JobEngine::start(const Preset &preset)
{
    auto *run = new JobRun(m_nextId++, preset, m_tailCapacity, this, m_outputRoot, m_releasingRuns);
    connect(run, &JobRun::jobChanged, this, [this, run](int index) { emit jobChanged(run, index); });
    connect(run, &JobRun::jobFinished, this, [this, run](int index) { onJobFinished(run, index); });
    connect(run, &JobRun::jobCreated, this, [this, run](int index) { wireJob(run, index); });
    for (int index = 0; index < run->jobs().size(); ++index) {
        if (run->jobs().at(index))
            wireJob(run, index);
    }
    connect(run, &JobRun::finished, this, [this, run] {
        --m_activeRuns;
        m_finishedJobs += run->copyCount() * run->stageCount();
        emit runFinished(run);
        if (m_activeRuns == 0)
            emit idle();
        foldOldRuns(run);
    });
    m_runs << run;
    ++m_activeRuns;
    emit runAdded(run);
    run->begin();
    for (int copy = 0; copy < run->copyCount(); ++copy)
        m_queue.append({run, copy});
    pump();
    return run;
}

JobRun *JobEngine::restore(const RecordedRun &recorded)
{
    auto *run = new JobRun(m_nextId++, recorded.preset, m_tailCapacity, this);
    if (!run->restore(recorded)) {
        delete run;
        return nullptr;
    }
    for (JobProcess *job : run->jobs()) {
        m_budget.jobFinished(job);
        connect(job, &QObject::destroyed, this, [this, job] { m_budget.forget(job); });
    }
    connect(run, &JobRun::jobChanged, this, [this, run](int index) { emit jobChanged(run, index); });
    m_runs << run;
    m_finishedJobs += run->jobs().size();
    emit runAdded(run);
    foldOldRuns(run);
    return run;
}

void JobEngine::wireJob(JobRun *run, int index)
{
    JobProcess *job = run->jobs().at(index);
    job->setDrainLimitMs(m_drainLimitMs);
    job->setFamilyLimit(m_familyLimit);
    connect(job, &JobProcess::started, this, [this, run, job, index] {
        m_budget.jobStarted(job);
        if (!m_samplingEnabled || job->programPid() <= 0)
            return;
        m_toSample.append({run, index, m_sampleClock.elapsed()});
        if (!m_firstSampleTimer->isActive())
            m_firstSampleTimer->start(FirstSampleDelayMs);
    });
    connect(job, &JobProcess::finished, this, [this, run, job, index] {
        // The child is reaped by now, so no last read of it is possible:
        // the reap's exact figures (ChildUsage, in JobProcess) replace
        // the samples, and the last tick's descendants stay as they were.
        // A sampleNow() here would read every other job's tree too.
        if (job->programPid() > 0 && m_sampledJobs.contains(job->programPid())) {
            m_sampledJobs.remove(job->programPid());
            m_sampler->remove(job->programPid());
        }
        m_budget.jobFinished(job);
        emit jobResourcesChanged(run, index);
    });
    // A watched job is sampled as its program, not its tracer, once the
    // tracer has said which process that is.
    connect(job, &JobProcess::programPidChanged, this, [this, run, job, index](qint64 previous) {
        if (!m_sampledJobs.contains(previous))
            return;
        m_sampledJobs.remove(previous);
        m_sampler->remove(previous);
        if (job->outcome().state == JobOutcome::State::Running && m_sampler->add(job->programPid(), job->spec().stage.program))
            m_sampledJobs.insert(job->programPid(), {run, index});
    });
    // Only the address is used: the job is in its destructor then.
    connect(job, &QObject::destroyed, this, [this, job] { m_budget.forget(job); });
}

void JobEngine::pump()
{
    // Starting a child can report a failure synchronously, which lands back here.
    if (m_pumping) {
        m_pumpAgain = true;
        return;
    }
    m_pumping = true;
    const int runningBefore = m_running;
    QElapsedTimer spent;
    spent.start();
    bool budgetSpent = false;
    do {
        m_pumpAgain = false;
        while (!m_queue.isEmpty()) {
            const PendingCopy next = m_queue.first();
            if (!next.run || next.run->isStopping() || next.run->isCopyDone(next.copy)) {
                m_queue.removeFirst(); // stopped while queued
                continue;
            }
            const int need = next.run->stageCount();
            // A small fan-out starts in this turn whatever the budget: the
            // next turn may come only after a paint of the window (30-60 ms),
            // and its children would no longer start, or end, together.
            const bool smallFanOut = qsizetype(next.run->copyCount()) * need <= SmallFanOut;
            if (m_startBudgetMs > 0 && !smallFanOut && spent.elapsed() >= m_startBudgetMs) {
                budgetSpent = true;
                break;
            }
            if (m_maxParallel > 0 && m_running > 0 && m_running + need > m_maxParallel)
                break;
            m_queue.removeFirst();
            m_running += need;
            m_peakRunning = std::max(m_peakRunning, m_running);
            next.run->startCopy(next.copy);
        }
    } while (m_pumpAgain && !budgetSpent);
    m_pumping = false;
    if (budgetSpent && !m_pumpTimer->isActive())
        m_pumpTimer->start();
    if (m_running != runningBefore)
        emit runningCountChanged(m_running);
}

void JobEngine::onJobFinished(JobRun *run, int index)
{
    if (run->isCopyStarted(index / run->stageCount())) {
        --m_running;
        emit runningCountChanged(m_running);
        pump();
    }
}

JobRun *JobEngine::runById(quint64 id) const
{
    const auto it = std::find_if(m_runs.cbegin(), m_runs.cend(), [id](const JobRun *run) { return run->id() == id; });
    return it == m_runs.cend() ? nullptr : *it;
}

void JobEngine::clearFinished()
{
    for (JobRun *run : takeFinished())
        run->deleteLater();
}

QList<JobRun *> JobEngine::takeFinished()
{
    // Remove contiguous blocks from the end so earlier indexes stay valid.
    QList<JobRun *> taken;
    int last = int(m_runs.size()) - 1;
    while (last >= 0) {
        if (!m_runs.at(last)->isDone()) {
            --last;
            continue;
        }
        int first = last;
        while (first > 0 && m_runs.at(first - 1)->isDone())
            --first;
        emit runsAboutToBeRemoved(first, last);
        const QList<JobRun *> removed = m_runs.mid(first, last - first + 1);
        m_runs.remove(first, last - first + 1);
        emit runsRemoved(first, last);
        for (JobRun *run : removed)
            m_finishedJobs -= run->copyCount() * run->stageCount();
        taken = removed + taken;
        last = first - 1;
    }
    return taken;
}

void JobEngine::putBack(const QList<JobRun *> &runs)
{
    QSet<QUuid> shown;
    for (const JobRun *run : std::as_const(m_runs))
        shown.insert(run->uuid());
    // After any run started since: views append what runAdded() announces.
    for (JobRun *run : runs) {
        if (shown.contains(run->uuid())) {
            run->deleteLater();
            continue;
        }
        m_runs << run;
        m_finishedJobs += run->copyCount() * run->stageCount();
        emit runAdded(run);
    }
    foldOldRuns(nullptr);
}

void JobEngine::setFinishedJobLimit(qint64 jobs)
{
    m_finishedJobLimit = std::max<qint64>(0, jobs);
    foldOldRuns(nullptr);
}

void JobEngine::clearFolded()
{
    if (m_folded.isEmpty())
        return;
    m_folded = FoldedRuns();
    emit foldedChanged();
}

void JobEngine::foldOldRuns(const JobRun *keep)
{
    if (m_finishedJobLimit <= 0 || m_finishedJobs <= m_finishedJobLimit)
        return;
    // Oldest first. The run that just finished stays, however large, so a run
    // is never folded away under the user's eyes as it ends; without one, the
    // newest finished run stays.
    if (!keep) {
        for (int i = int(m_runs.size()) - 1; i >= 0 && !keep; --i) {
            if (m_runs.at(i)->isDone())
                keep = m_runs.at(i);
        }
    }
    bool folded = false;
    for (int i = 0; i < m_runs.size() && m_finishedJobs > m_finishedJobLimit;) {
        JobRun *run = m_runs.at(i);
        if (!run->isDone() || run == keep) {
            ++i;
            continue;
        }
        const qint64 jobs = run->copyCount() * run->stageCount();
        if (m_folded.firstStartedEpochMs < 0)
            m_folded.firstStartedEpochMs = double(run->startedAtEpochMs());
        ++m_folded.runs;
        m_folded.jobs += jobs;
        m_folded.failed += run->failedCount();
        m_folded.succeeded += jobs - run->failedCount();
        m_folded.lastTitle = run->preset().title;
        m_finishedJobs -= jobs;
        emit runsAboutToBeRemoved(i, i);
        m_runs.removeAt(i);
        emit runsRemoved(i, i);
        run->deleteLater();
        folded = true;
    }
    if (folded)
        emit foldedChanged();
}

void JobEngine::stopAll()
{
    for (JobRun *run : std::as_const(m_runs)) {
        if (!run->isActive())
            continue;
        if (run->isReleasing()) {
            run->stop(); // it also cancels, a batch at a time, the copies it never made
            continue;
        }
        for (JobProcess *job : run->jobs()) {
            if (!job->outcome().isDone())
                job->stop();
        }
    }
}
