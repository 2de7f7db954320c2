#include "jobrun.h"

#include "jobprocess.h"

#include <QDateTime>


JobRun::JobRun(quint64 id, const Preset &preset, qsizetype tailCapacity, QObject *parent)
    : QObject(parent)
    , m_id(id)
    , m_preset(preset)
{
    m_clock.start();
    const int stages = stageCount();
    m_jobs.reserve(qsizetype(preset.copies) * stages);
    for (int copy = 0; copy < preset.copies; ++copy) {
        for (int stage = 0; stage < stages; ++stage) {
            JobSpec spec;
            spec.stage = preset.stages.at(stage);
            spec.copy = copy;
            spec.stageIndex = stage;
            spec.timeoutSec = preset.timeoutSec;
            spec.graceSec = preset.graceSec;
            spec.pollIntervalSec = preset.pollIntervalSec;
            spec.tailCapacity = tailCapacity;
            spec.maxProcesses = preset.maxProcesses;
            spec.watch = preset.watch;
            if (stage == 0 && preset.stdinSpec.feedsData()) {
                spec.feedStdin = true;
                spec.stdinData = preset.stdinSpec.materialize();
            }
            spec.interactiveStdin = stage == 0 && preset.stdinSpec.isInteractive();
            spec.pty = (preset.pty || (preset.ptyCompare && copy == 1)) && stages == 1;
            auto *job = new JobProcess(spec, &m_clock, this);
            const int index = int(m_jobs.size());
            connect(job, &JobProcess::changed, this, [this, index] {
                onJobChanged(index);
                emit jobChanged(index);
            });
            connect(job, &JobProcess::finished, this, [this, index] { onJobFinished(index); });
            m_jobs << job;
        }
        for (int stage = 0; stage + 1 < stages; ++stage)
            job(copy, stage)->pipeTo(job(copy, stage + 1));
    }
    m_copyStarted.fill(false, preset.copies);
    m_tally.resize(m_jobs.size());
    m_doneByState.fill(0, int(JobOutcome::State::PipeClosed) + 1);
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
    if (job->outcome().isDone() && !tally.done) {
        tally.done = true;
        m_doneSumMs += job->elapsedMs();
        ++m_doneByState[int(job->outcome().state)];
        if (job->outcome().isFailure())
            ++m_failedCount;
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
    // Upstream first, as QProcess::setStandardOutputProcess expects.
    for (int stage = 0; stage < stageCount(); ++stage)
        job(copy, stage)->start();
}

bool JobRun::isCopyDone(int copy) const
{
    for (int stage = 0; stage < stageCount(); ++stage) {
        if (!job(copy, stage)->outcome().isDone())
            return false;
    }
    return true;
}

void JobRun::stop()
{
    for (JobProcess *job : std::as_const(m_jobs))
        job->stop();
}

void JobRun::kill()
{
    for (JobProcess *job : std::as_const(m_jobs))
        job->kill();
}

void JobRun::onJobFinished(int index)
{
    onJobChanged(index); // a job always says changed() first; this keeps the sums exact regardless
    const int copy = index / stageCount();
    if (!isCopyStarted(copy)) {
        // Stopped while queued: a chain runs whole or not at all.
        for (int stage = 0; stage < stageCount(); ++stage)
            job(copy, stage)->stop();
    }
    ++m_doneCount;
    emit jobFinished(index);
    if (m_doneCount == m_jobs.size()) {
        m_finishedMs = double(m_clock.nsecsElapsed()) / 1e6;
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
    if (m_runningCount == 0)
        return m_doneSumMs;
    const double now = double(m_clock.nsecsElapsed()) / 1e6;
    return m_doneSumMs + m_runningCount * now - m_runningStartSumMs;
}

double JobRun::parallelism() const
{
    const double wall = wallMs();
    return wall > 0 ? sumMs() / wall : 0;
}
