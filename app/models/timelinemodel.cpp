#include "timelinemodel.h"

#include "jobengine.h"
#include "jobformat.h"
#include "jobprocess.h"
#include "jobrun.h"
#include "workerprotocol.h"

#include <QTimer>

namespace {

// Runs the threads lab starts for its Processes mode; the lab's own group
// shows those workers, so they are not shown twice.
bool isLabWorkerRun(const JobRun *run)
{
    return run->preset().id == QLatin1String(WorkerProtocol::PresetId);
}

} // namespace

TimelineModel::TimelineModel(JobEngine *engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_notify(new QTimer(this))
{
    m_notify->setSingleShot(true);
    m_notify->setInterval(33);
    connect(m_notify, &QTimer::timeout, this, &TimelineModel::changed);
    connect(engine, &JobEngine::runAdded, this, &TimelineModel::onRunAdded);
    connect(engine, &JobEngine::jobChanged, this, &TimelineModel::onJobChanged);
    connect(engine, &JobEngine::jobResourcesChanged, this, &TimelineModel::onJobResourcesChanged);
    connect(engine, &JobEngine::runsAboutToBeRemoved, this, &TimelineModel::onRunsAboutToBeRemoved);
    for (JobRun *run : engine->runs())
        onRunAdded(run);
}

int TimelineModel::laneCount() const
{
    int count = 0;
    for (const TimelineGroup &group : m_groups)
        count += int(group.lanes.size());
    return count;
}

double TimelineModel::nowMs(int index) const
{
    const TimelineGroup &group = m_groups.at(index);
    if (group.kind == TimelineGroup::Kind::Run && group.isRunning()) {
        if (const JobRun *run = m_engine->runById(group.runId))
            return double(run->clock().nsecsElapsed()) / 1e6;
    }
    return group.extentMs(0);
}

bool TimelineModel::isLive() const
{
    for (const TimelineGroup &group : m_groups) {
        if (group.isRunning())
            return true;
    }
    return false;
}

void TimelineModel::onRunAdded(JobRun *run)
{
    if (isLabWorkerRun(run))
        return;
    TimelineGroup group;
    group.kind = TimelineGroup::Kind::Run;
    group.runId = run->id();
    group.title = tr("#%1 %2").arg(run->id()).arg(run->preset().title);
    group.stages = run->stageCount();
    group.timeoutSec = run->preset().timeoutSec;
    group.lanes.resize(run->jobs().size());
    for (int i = 0; i < run->jobs().size(); ++i) {
        describeLane(&group.lanes[i], run, i);
        updateLane(&group.lanes[i], run, i);
        updateResources(&group.lanes[i], run, i);
    }
    m_groupOfRun.insert(run->id(), int(m_groups.size()));
    m_groups.append(group);
    touch();
}

void TimelineModel::onJobChanged(JobRun *run, int jobIndex)
{
    const auto it = m_groupOfRun.constFind(run->id());
    if (it == m_groupOfRun.cend())
        return;
    TimelineGroup &group = m_groups[*it];
    if (jobIndex < 0 || jobIndex >= group.lanes.size())
        return;
    updateLane(&group.lanes[jobIndex], run, jobIndex);
    touch();
}

void TimelineModel::onJobResourcesChanged(JobRun *run, int jobIndex)
{
    const auto it = m_groupOfRun.constFind(run->id());
    if (it == m_groupOfRun.cend())
        return;
    TimelineGroup &group = m_groups[*it];
    if (jobIndex < 0 || jobIndex >= group.lanes.size())
        return;
    updateResources(&group.lanes[jobIndex], run, jobIndex);
    touch();
}

void TimelineModel::onRunsAboutToBeRemoved(int first, int last)
{
    bool removed = false;
    for (int i = first; i <= last && i < m_engine->runs().size(); ++i) {
        const auto it = m_groupOfRun.constFind(m_engine->runs().at(i)->id());
        if (it == m_groupOfRun.cend())
            continue;
        m_groups[*it].runId = 0; // marked; removed below in one pass
        removed = true;
    }
    if (!removed)
        return;
    m_groups.removeIf([](const TimelineGroup &group) {
        return group.kind == TimelineGroup::Kind::Run && group.runId == 0;
    });
    reindex();
    touch();
}

void TimelineModel::describeLane(TimelineLane *lane, const JobRun *run, int jobIndex) const
{
    const int stages = run->stageCount();
    lane->label = JobFormat::jobName(run, jobIndex);
    lane->command = run->jobs().at(jobIndex)->spec().stage.commandLine();
    lane->chain = jobIndex / stages;
    lane->stage = jobIndex % stages;
    lane->timeoutSec = run->preset().timeoutSec;
    lane->graceSec = run->preset().graceSec;
}

void TimelineModel::updateLane(TimelineLane *lane, const JobRun *run, int jobIndex) const
{
    const JobProcess *job = run->jobs().at(jobIndex);
    lane->pid = job->pid();
    lane->startMs = job->startedMs();
    lane->endMs = job->finishedMs();
    lane->termMs = job->termSentMs();
    lane->killMs = job->killSentMs();
    lane->outcome = job->outcome();
    lane->segments.clear();
    if (lane->startMs >= 0)
        lane->segments.append({lane->startMs, lane->endMs});
    lane->pollMs = job->pollTimesMs();
    // Pausing sends changed(), not a sampler tick; a handful of stretches is cheap.
    lane->paused.clear();
    for (const JobProcess::PausedStretch &stretch : job->pausedStretches())
        lane->paused.append({stretch.startMs, stretch.endMs});
}

void TimelineModel::updateResources(TimelineLane *lane, const JobRun *run, int jobIndex) const
{
    const JobProcess *job = run->jobs().at(jobIndex);
    const QList<ResourcePoint> &history = job->resources().history;
    lane->cpu.clear();
    lane->cpu.reserve(history.size());
    for (const ResourcePoint &point : history) {
        if (point.cpuPercent >= 0)
            lane->cpu.append({point.ms, point.cpuPercent});
    }
}

void TimelineModel::addLabResult(const LabResult &result)
{
    TimelineGroup group;
    group.kind = TimelineGroup::Kind::Lab;
    group.title = result.workload == LabResult::Workload::Cpu
                      ? tr("Threads lab · factorize · %1").arg(LabResult::modeTitle(result.mode))
                      : tr("Threads lab · blocking I/O · %1").arg(LabResult::modeTitle(result.mode));
    group.lanes.resize(result.lanes.size());
    for (int i = 0; i < result.lanes.size(); ++i) {
        TimelineLane &lane = group.lanes[i];
        lane.label = result.lanes.at(i);
        lane.command = group.title;
        lane.chain = i;
        lane.outcome.state = result.cancelled ? JobOutcome::State::Killed : JobOutcome::State::Finished;
        lane.outcome.exitCode = result.cancelled ? -1 : 0;
    }
    for (const LabResult::Span &span : result.spans) {
        if (span.lane < 0 || span.lane >= group.lanes.size())
            continue;
        TimelineLane &lane = group.lanes[span.lane];
        lane.segments.append({span.startMs, span.endMs});
        lane.startMs = lane.startMs < 0 ? span.startMs : qMin(lane.startMs, span.startMs);
        lane.endMs = qMax(lane.endMs, span.endMs);
    }
    for (TimelineLane &lane : group.lanes) {
        if (lane.startMs < 0) // a worker that never ran: an empty lane
            lane.startMs = lane.endMs = 0;
    }
    m_groups.append(group);
    touch();
}

void TimelineModel::clearLab()
{
    const qsizetype removed = m_groups.removeIf([](const TimelineGroup &group) {
        return group.kind == TimelineGroup::Kind::Lab;
    });
    if (removed == 0)
        return;
    reindex();
    touch();
}

void TimelineModel::reindex()
{
    m_groupOfRun.clear();
    for (int i = 0; i < m_groups.size(); ++i) {
        if (m_groups.at(i).kind == TimelineGroup::Kind::Run)
            m_groupOfRun.insert(m_groups.at(i).runId, i);
    }
}

void TimelineModel::touch()
{
    if (!m_notify->isActive())
        m_notify->start();
}
