#include "jobengine.h"

#include "jobprocess.h"
#include "jobrun.h"

#include <algorithm>

JobEngine::JobEngine(QObject *parent)
    : QObject(parent)
{
}

JobEngine::~JobEngine()
{
    // Runs are children of the engine; each JobProcess kills what is left.
    qDeleteAll(m_runs);
}

JobRun *JobEngine::start(const Preset &preset)
{
    auto *run = new JobRun(m_nextId++, preset, m_tailCapacity, this);
    connect(run, &JobRun::jobChanged, this, [this, run](int index) { emit jobChanged(run, index); });
    connect(run, &JobRun::finished, this, [this, run] {
        --m_activeRuns;
        emit runFinished(run);
        if (m_activeRuns == 0)
            emit idle();
    });
    m_runs << run;
    ++m_activeRuns;
    emit runAdded(run);
    run->start();
    return run;
}

JobRun *JobEngine::runById(quint64 id) const
{
    const auto it = std::find_if(m_runs.cbegin(), m_runs.cend(), [id](const JobRun *run) { return run->id() == id; });
    return it == m_runs.cend() ? nullptr : *it;
}

void JobEngine::clearFinished()
{
    // Remove contiguous blocks from the end so earlier indexes stay valid.
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
            run->deleteLater();
        last = first - 1;
    }
}

void JobEngine::stopAll()
{
    for (JobRun *run : std::as_const(m_runs)) {
        if (!run->isActive())
            continue;
        for (JobProcess *job : run->jobs()) {
            if (job->outcome().isActive())
                job->stop();
        }
    }
}
