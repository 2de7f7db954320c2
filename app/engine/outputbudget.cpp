#include "outputbudget.h"

#include "jobprocess.h"

qint64 OutputBudget::keptBy(const JobProcess *job)
{
    return job->stdoutTail().keptBytes() + job->stderrTail().keptBytes();
}

void OutputBudget::jobStarted(JobProcess *job)
{
    m_running.insert(job);
}

void OutputBudget::jobFinished(JobProcess *job)
{
    m_running.remove(job);
    if (m_counted.contains(job))
        return;
    const qint64 kept = keptBy(job);
    m_counted.insert(job, kept);
    m_finishedBytes += kept;
    // Tails that already fit in what a trim keeps would lose nothing: they
    // count, but never queue.
    if (job->stdoutTail().keptBytes() > TrimmedKeepBytes || job->stderrTail().keptBytes() > TrimmedKeepBytes) {
        const quint64 seq = m_nextSeq++;
        m_queue.push_back({job, seq});
        m_queuedSeq.insert(job, seq);
    }
    enforce();
}

void OutputBudget::forget(const JobProcess *job)
{
    // Only records are touched: the job is in its destructor. Its entry in
    // m_queue goes stale and is skipped when reached.
    m_running.remove(job);
    m_finishedBytes -= m_counted.take(job);
    m_queuedSeq.remove(job);
}

void OutputBudget::enforce()
{
    // Once per finished job, over the running ones only (at most the
    // parallel limit), never per chunk of output.
    qint64 running = 0;
    for (const JobProcess *job : std::as_const(m_running))
        running += keptBy(job);
    while (m_finishedBytes + running > m_limit && !m_queue.empty()) {
        const Finished oldest = m_queue.front();
        m_queue.pop_front();
        const auto it = m_queuedSeq.constFind(oldest.job);
        if (it == m_queuedSeq.cend() || *it != oldest.seq)
            continue; // deleted since
        m_queuedSeq.erase(it);
        oldest.job->trimOutput(TrimmedKeepBytes);
        const qint64 kept = keptBy(oldest.job);
        m_finishedBytes += kept - m_counted.value(oldest.job);
        m_counted.insert(oldest.job, kept);
        ++m_trimmedJobs;
    }
}
