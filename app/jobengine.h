// Owns every run, in launch order; the one place the app starts, stops and
// forgets child processes.
#pragma once

#include "outputtail.h"
#include "preset.h"

#include <QList>
#include <QObject>

class JobRun;

class JobEngine : public QObject
{
    Q_OBJECT
public:
    explicit JobEngine(QObject *parent = nullptr);
    ~JobEngine() override;

    // Starts every child of the preset at once; the run is appended to runs().
    JobRun *start(const Preset &preset);

    const QList<JobRun *> &runs() const { return m_runs; }
    int indexOf(const JobRun *run) const { return int(m_runs.indexOf(const_cast<JobRun *>(run))); }
    JobRun *runById(quint64 id) const;

    int activeRunCount() const { return m_activeRuns; }
    bool isIdle() const { return m_activeRuns == 0; }

    // Removes every finished run.
    void clearFinished();
    // SIGTERM to every running child's group, SIGKILL after its grace period.
    // idle() follows once the last child is gone.
    void stopAll();

    void setTailCapacity(qsizetype bytes) { m_tailCapacity = bytes; }
    qsizetype tailCapacity() const { return m_tailCapacity; }

signals:
    void runAdded(JobRun *run);
    void runsAboutToBeRemoved(int first, int last);
    void runsRemoved(int first, int last);
    void jobChanged(JobRun *run, int jobIndex);
    void runFinished(JobRun *run);
    void idle();

private:
    QList<JobRun *> m_runs;
    quint64 m_nextId = 1;
    int m_activeRuns = 0;
    qsizetype m_tailCapacity = OutputTail::DefaultCapacity;
};
