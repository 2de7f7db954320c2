#include "jobrun.h"

#include "jobprocess.h"
#include "outputdir.h"

#include <QDateTime>
#include <QTimer>

#include <algorithm>


JobRun::JobRun(quint64 id, const Preset &preset, qsizetype tailCapacity, QObject *parent, const QString &outputRoot,
               bool releasing)
    : QObject(parent)
    , m_id(id)
    , m_preset(preset)
    , m_tailCapacity(tailCapacity)
    , m_outputRoot(outputRoot)
    , m_releasing(releasing)
{
    m_clock.start();
    // begin() sets it again; a report's head is written as the run is added,
    // a moment before that.
    m_startedAtEpochMs = QDateTime::currentMSecsSinceEpoch();
    m_jobs.fill(nullptr, qsizetype(preset.copies) * stageCount());
    if (!m_releasing) {
        for (int copy = 0; copy < preset.copies; ++copy)
            createCopy(copy);
    }
    m_copyStarted.fill(false, preset.copies);
    m_tally.resize(m_jobs.size());
    m_doneByState.fill(0, int(JobOutcome::State::PipeClosed) + 1);
}

JobProcess *JobRun::createJob(int copy, int stage, qsizetype tailCapacity)
{
    const int index = copy * stageCount() + stage;
    JobSpec spec;
    spec.stage = m_preset.stages.at(stage);
    spec.copy = copy;
    spec.stageIndex = stage;
    spec.timeoutSec = m_preset.timeoutSec;
    spec.graceSec = m_preset.graceSec;
    spec.pollIntervalSec = m_preset.pollIntervalSec;
    spec.tailCapacity = tailCapacity;
    spec.maxProcesses = m_preset.maxProcesses;
    spec.watch = m_preset.watch || m_preset.attachPid > 0;
    spec.attachPid = m_preset.attachPid;
    spec.attachForSec = m_preset.attachForSec;
    if (stage == 0 && m_preset.stdinSpec.feedsData()) {
        spec.feedStdin = true;
        spec.stdinData = m_preset.stdinSpec.materialize();
    }
    spec.interactiveStdin = stage == 0 && m_preset.stdinSpec.isInteractive();
    spec.pty = (m_preset.pty || (m_preset.ptyCompare && copy == 1)) && stageCount() == 1;
    if (!m_outputRoot.isEmpty())
        spec.outputDir = OutputDir::jobDir(m_outputRoot, m_id, index);
    auto *job = new JobProcess(spec, &m_clock, this);
    connect(job, &JobProcess::changed, this, [this, index] {
        onJobChanged(index);
        emit jobChanged(index);
    });
    connect(job, &JobProcess::finished, this, [this, index] { onJobFinished(index); });
    return job;
}

void JobRun::createCopy(int copy)
{
    const int stages = stageCount();
    for (int stage = 0; stage < stages; ++stage)
        m_jobs[copy * stages + stage] = createJob(copy, stage, m_tailCapacity);
    for (int stage = 0; stage + 1 < stages; ++stage)
        job(copy, stage)->pipeTo(job(copy, stage + 1));
    if (m_releasing) {
        for (int stage = 0; stage < stages; ++stage)
            emit jobCreated(copy * stages + stage);
    }
}

int JobRun::indexOf(const JobProcess *job) const
{
    if (!job)
        return -1;
    const int index = job->spec().copy * stageCount() + job->spec().stageIndex;
    return index >= 0 && index < m_jobs.size() && m_jobs.at(index) == job ? index : -1;
}

void JobRun::onJobChanged(int index)
{
    // O(1) per event: apply the difference since this job was last seen.
    const JobProcess *job = m_jobs.at(index);
    if (!job)
        return; // released, with its last figures counted
    Tally &tally = m_tally[index];
    const qint64 out = job->pipesStdout() ? 0 : job->stdoutTail().totalBytes();
    const qint64 err = job->stderrTail().totalBytes();
    m_stdoutBytes += out - tally.stdoutBytes;
    m_stderrBytes += err - tally.stderrBytes;
    m_polls += job->polls() - tally.polls;
    tally.stdoutBytes = out;
    tally.stderrBytes = err;
    tally.polls = job->polls();

    const bool running = job->startedMs() >= 0 && job->finishedMs() < 0;
    if (running && tally.startedMs < 0) {
        ++m_runningCount;
        m_runningStartSumMs += job->startedMs();
        tally.startedMs = job->startedMs();
    } else if (!running && tally.startedMs >= 0) {
        --m_runningCount;
        m_runningStartSumMs = m_runningCount == 0 ? 0 : m_runningStartSumMs - tally.startedMs; // no drift
        tally.startedMs = -1;
    }
    const bool paused = running && job->isPaused();
    if (paused != tally.paused) {
        m_pausedCount += paused ? 1 : -1;
        tally.paused = paused;
    }
    if (job->outcome().isDone() && !tally.done) {
        tally.done = true;
        m_doneSumMs += job->elapsedMs();
        m_lastEndMs = std::max(m_lastEndMs, job->finishedMs());
        ++m_doneByState[int(job->outcome().state)];
        if (job->outcome().isFailure())
            ++m_failedCount;
        if (job->outcome().state == JobOutcome::State::Killed && job->outcome().cause == JobOutcome::Cause::UserStop)
            ++m_stoppedCount;
    }
}

void JobRun::start()
{
    if (m_started)
        return;
    begin();
    // Every child is started before any is waited for: the seed's fan-out.
    for (int copy = 0; copy < copyCount(); ++copy)
        startCopy(copy);
}

void JobRun::begin()
{
    if (m_started)
        return;
    m_started = true;
    m_clock.restart();
    m_startedAtEpochMs = QDateTime::currentMSecsSinceEpoch();
}

void JobRun::startCopy(int copy)
{
    if (!m_started || m_copyStarted.at(copy))
        return;
    m_copyStarted[copy] = true;
    if (m_releasing)
        createCopy(copy);
    // Upstream first, as QProcess::setStandardOutputProcess expects.
    for (int stage = 0; stage < stageCount(); ++stage)
        job(copy, stage)->start();
}

bool JobRun::isCopyDone(int copy) const
{
    for (int stage = 0; stage < stageCount(); ++stage) {
        const int index = copy * stageCount() + stage;
        const JobProcess *job = m_jobs.at(index);
        // No job: not created yet, or released once done.
        if (job ? !job->outcome().isDone() : !m_tally.at(index).done)
            return false;
    }
    return true;
}

bool JobRun::restore(const RecordedRun &recorded)
{
    if (m_started || m_releasing || recorded.jobs.size() != m_jobs.size())
        return false;
    for (int copy = 0; copy < copyCount(); ++copy) {
        if (!m_jobs.at(copy * stageCount()))
            createCopy(copy);
    }
    m_started = true;
    m_startedAtEpochMs = recorded.startedAtEpochMs;
    if (!recorded.uuid.isNull())
        m_uuid = recorded.uuid;
    m_copyStarted.fill(true);
    for (int i = 0; i < m_jobs.size(); ++i) {
        m_jobs.at(i)->restore(recorded.jobs.at(i));
        onJobChanged(i);
    }
    m_doneCount = int(m_jobs.size());
    m_finishedMs = recorded.wallMs;
    auto figures = std::make_shared<RecordedRun>(recorded);
    figures->jobs.clear(); // the jobs hold them now
    m_recorded = std::move(figures);
    m_endedByQuit = recorded.endedByQuit;
    return true;
}

void JobRun::releaseCopy(int copy)
{
    if (!m_releasing || !isCopyDone(copy))
        return;
    for (int stage = 0; stage < stageCount(); ++stage) {
        JobProcess *&job = m_jobs[copy * stageCount() + stage];
        if (job) {
            // Later: this is called from the job's own finished() chain.
            job->deleteLater();
            job = nullptr;
        }
    }
}

void JobRun::stop()
{
    m_stopping = true;
    for (JobProcess *job : std::as_const(m_jobs)) {
        if (job)
            job->stop();
    }
    if (m_releasing)
        cancelUnstarted();
}

void JobRun::kill()
{
    m_stopping = true;
    m_killing = true;
    for (JobProcess *job : std::as_const(m_jobs)) {
        if (job)
            job->kill();
    }
    if (m_releasing)
        cancelUnstarted();
}

void JobRun::cancelUnstarted()
{
    // Each cancelled copy is created, stopped (it reports "stopped while
    // queued", as in a run that made every job up front) and, once reported,
    // released; a batch per turn of the event loop lets the releases happen
    // before the next batch, so cancelling a million copies costs no more
    // memory than running them.
    constexpr int Batch = 256;
    int done = 0;
    for (; m_nextToCancel < copyCount() && done < Batch; ++m_nextToCancel) {
        const int copy = m_nextToCancel;
        if (m_copyStarted.at(copy) || m_jobs.at(copy * stageCount()) || isCopyDone(copy))
            continue;
        createCopy(copy);
        for (int stage = 0; stage < stageCount(); ++stage) {
            JobProcess *cancelled = job(copy, stage); // the first's end may have released the copy
            if (cancelled && m_killing)
                cancelled->kill();
            else if (cancelled)
                cancelled->stop();
        }
        ++done;
    }
    if (m_nextToCancel < copyCount())
        QTimer::singleShot(0, this, &JobRun::cancelUnstarted);
}

void JobRun::onJobFinished(int index)
{
    onJobChanged(index); // a job always says changed() first; this keeps the sums exact regardless
    const int copy = index / stageCount();
    if (!isCopyStarted(copy)) {
        // Stopped while queued: a chain runs whole or not at all.
        // (A releasing run may have let go of the copy meanwhile.)
        for (int stage = 0; stage < stageCount(); ++stage) {
            if (JobProcess *other = job(copy, stage))
                other->stop();
        }
    }
    ++m_doneCount;
    emit jobFinished(index);
    if (m_doneCount == m_jobs.size()) {
        // The wall ends where the last job ended, the instant its lane on
        // the timeline ends too, not when this bookkeeping caught up.
        m_finishedMs = m_lastEndMs >= 0 ? m_lastEndMs : double(m_clock.nsecsElapsed()) / 1e6;
        emit finished();
    }
}

double JobRun::wallMs() const
{
    if (!m_started)
        return 0;
    if (m_finishedMs >= 0)
        return m_finishedMs;
    return double(m_clock.nsecsElapsed()) / 1e6;
}

double JobRun::sumMs() const
{
    if (m_recorded)
        return m_recorded->sumMs;
    if (m_runningCount == 0)
        return m_doneSumMs;
    const double now = double(m_clock.nsecsElapsed()) / 1e6;
    return m_doneSumMs + m_runningCount * now - m_runningStartSumMs;
}

double JobRun::parallelism() const
{
    if (m_recorded)
        return m_recorded->parallelism;
    const double wall = wallMs();
    return wall > 0 ? sumMs() / wall : 0;
}
