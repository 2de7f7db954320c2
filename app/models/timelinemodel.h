// What the timeline panel draws: one group per engine run and per finished
// threads-lab mode, one lane per child or worker, with start, SIGTERM,
// SIGKILL, exit and poll times, and from the sampler each lane's CPU % history
// and paused stretches. Lanes are refreshed one at a time as their jobs
// change; views hear of it at most every 33 ms through changed().
#pragma once

#include "labresult.h"
#include "timelinegroup.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>

class JobEngine;
class JobProcess;
class JobRun;
class QTimer;

class TimelineModel : public QObject
{
    Q_OBJECT
public:
    // onlyRuns: show these runs alone (the Compare dialog); empty: every run.
    explicit TimelineModel(JobEngine *engine, QObject *parent = nullptr, const QList<quint64> &onlyRuns = {});

    int groupCount() const { return int(m_groups.size()); }
    const TimelineGroup &group(int index) const { return m_groups.at(index); }
    // The index of the run's group; -1 for a run it does not show.
    int groupOfRun(quint64 runId) const { return m_groupOfRun.value(runId, -1); }
    int laneCount() const;
    // Milliseconds since the group's start: its run's clock while it runs,
    // else where it ended.
    double nowMs(int index) const;
    bool isLive() const;

    // A threads-lab mode that has run: one lane per worker, one segment per
    // stretch it ran (per turn with the GIL).
    void addLabResult(const LabResult &result);
    // Drops the lab's groups (the engine's go with Clear finished).
    void clearLab();

signals:
    void changed();

private:
    void onRunAdded(JobRun *run);
    void onJobChanged(JobRun *run, int jobIndex);
    void onJobResourcesChanged(JobRun *run, int jobIndex);
    void onRunsAboutToBeRemoved(int first, int last);
    // What a lane keeps for good (set once), and what changes as its job runs
    // (on every jobChanged, which a flooding child sends per chunk read).
    void describeLane(TimelineLane *lane, const JobRun *run, int jobIndex) const;
    void updateLane(TimelineLane *lane, const JobRun *run, int jobIndex) const;
    // Only on sampler ticks: a flooding child's jobChanged per chunk read
    // must not copy its history each time.
    void updateResources(TimelineLane *lane, const JobRun *run, int jobIndex) const;
    // A watched job's family as lanes, rebuilt when the tracer reports more
    // (the same signal as a sampler tick).
    static QList<TimelineLane> familyLanes(const JobProcess *job);
    void reindex();
    void touch();

    JobEngine *m_engine;
    QSet<quint64> m_onlyRuns;
    QList<TimelineGroup> m_groups;
    QHash<quint64, int> m_groupOfRun; // run id -> index in m_groups
    quint64 m_nextGroupId = 1;
    QTimer *m_notify;
};
