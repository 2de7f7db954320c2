#include "timelinemodel.h"

#include "jobengine.h"
#include "jobformat.h"
#include "jobprocess.h"
#include "jobrun.h"
#include "processfamily.h"
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

TimelineModel::TimelineModel(JobEngine *engine, QObject *parent, const QList<quint64> &onlyRuns)
    : QObject(parent)
    , m_engine(engine)
    , m_onlyRuns(onlyRuns.cbegin(), onlyRuns.cend())
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
    if (isLabWorkerRun(run) || (!m_onlyRuns.isEmpty() && !m_onlyRuns.contains(run->id())))
        return;
    TimelineGroup group;
    group.kind = TimelineGroup::Kind::Run;
    group.id = m_nextGroupId++;
    group.runId = run->id();
    group.title = tr("#%1 %2").arg(run->id()).arg(JobFormat::runTitle(run));
    group.stages = run->stageCount();
    group.timeoutSec = run->preset().timeoutSec;
    group.lanes.resize(run->jobs().size());
    group.family.resize(run->jobs().size());
    for (int i = 0; i < run->jobs().size(); ++i) {
        describeLane(&group.lanes[i], run, i);
        updateLane(&group.lanes[i], run, i);
        updateResources(&group.lanes[i], run, i);
        group.family[i] = familyLanes(run->jobs().at(i));
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
    group.family[jobIndex] = familyLanes(run->jobs().at(jobIndex));
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
    lane->pid = job->programPid();
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

QList<TimelineLane> TimelineModel::familyLanes(const JobProcess *job)
{
    QList<TimelineLane> lanes;
    const ProcessFamily &family = job->family();
    if (!job->spec().watch || !family.refusal().isEmpty() || job->startedMs() < 0)
        return lanes;
    // The tracer counts from the program's start, the run from its own:
    // the job's start joins the two clocks.
    const double offset = job->startedMs();
    const double jobEnd = job->finishedMs();
    const QList<ProcessFamily::Member> &members = family.members();
    lanes.resize(members.size());
    for (int i = 0; i < members.size(); ++i) {
        const ProcessFamily::Member &m = members.at(i);
        TimelineLane &lane = lanes[i];
        lane.depth = m.depth;
        const QString name = family.name(m.pid);
        lane.label = JobFormat::familyIndent(lane.depth) + name;
        QStringList execs;
        for (const ProcessFamily::Exec &exec : m.execs) {
            execs << exec.argv.join(QLatin1Char(' '));
            lane.execMs << offset + exec.ms;
        }
        lane.command = execs.isEmpty() ? tr("(fork of %1)").arg(family.name(m.ppid)) : execs.join(QStringLiteral(" ⇒ "));
        lane.pid = m.pid;
        lane.startMs = offset + m.forkMs;
        // A member still alive when its job ended (a daemon that escaped, or
        // one the tracer's end took with it) is drawn up to that end.
        lane.endMs = m.exited ? offset + m.exitMs : jobEnd;
        lane.segments.append({lane.startMs, lane.endMs});
        lane.outcome.state = !m.exited && jobEnd < 0 ? JobOutcome::State::Running
                             : m.signal > 0          ? JobOutcome::State::Crashed
                                                     : JobOutcome::State::Finished;
        lane.outcome.exitCode = m.exited && m.signal == 0 ? m.exitCode : -1;
        lane.outcome.signal = m.signal;
        const ProcessFamily::StdFd &out = m.fds[1];
        if (out.kind == ProcessFamily::StdFd::Kind::Pipe) {
            for (qsizetype reader : family.pipeReaders(out.pipeInode)) {
                if (reader != i)
                    lane.pipeTo << int(reader);
            }
        }
    }
    return lanes;
}

void TimelineModel::addLabResult(const LabResult &result)
{
    TimelineGroup group;
    group.kind = TimelineGroup::Kind::Lab;
    group.id = m_nextGroupId++;
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
