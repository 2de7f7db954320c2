#include "machinelink.h"

#include "attachcheck.h"
#include "jobengine.h"
#include "jobprocess.h"
#include "jobrun.h"
#include "machinepanel.h"
#include "preset.h"
#include "procreader.h"

#include <QTimer>

MachineLink::MachineLink(JobEngine *engine, MachinePanel *panel, RunPreset runPreset, ShowJob showJob, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_panel(panel)
    , m_runPreset(std::move(runPreset))
    , m_showJob(std::move(showJob))
{
    connect(engine, &JobEngine::jobChanged, this, &MachineLink::onJobChanged);
    connect(panel, &MachinePanel::watchFamilyRequested, this, &MachineLink::watch);
    connect(panel, &MachinePanel::showJobRequested, this, &MachineLink::showJob);
}

void MachineLink::onJobChanged(JobRun *run, int index)
{
    const JobProcess *job = run->jobs().value(index);
    if (!job)
        return;
    // Keyed by the job, not its pid: a watched job's pid turns from its
    // tracer's to its program's while it runs.
    const qint64 pid = job->outcome().state == JobOutcome::State::Running ? job->programPid() : 0;
    const qint64 before = m_pidOfJob.value(job, 0);
    if (pid == before)
        return;
    if (before > 0)
        m_jobPids.remove(before);
    if (pid > 0) {
        m_jobPids.insert(pid);
        m_pidOfJob.insert(job, pid);
    } else {
        m_pidOfJob.remove(job);
    }
    // A fan-out changes many jobs in one turn: the panel hears once.
    if (!m_pushQueued) {
        m_pushQueued = true;
        QTimer::singleShot(0, this, [this] {
            m_pushQueued = false;
            m_panel->setJobPids(m_jobPids);
        });
    }
}

JobRun *MachineLink::watch(qint64 pid)
{
    const QString refusal = AttachCheck::refusal(pid);
    if (!refusal.isEmpty()) {
        emit statusMessage(tr("Cannot watch process %1: %2.").arg(pid).arg(refusal), 10000);
        return nullptr;
    }
    JobRun *run = m_runPreset(Preset::attachTo(pid, ProcReader::read(pid, ProcReader::Cmdline).argv));
    if (run) {
        emit statusMessage(tr("Watching process %1 and its family from now on; Stop lets go and leaves them running.")
                               .arg(pid),
                           8000);
    }
    return run;
}

bool MachineLink::showJob(qint64 pid)
{
    const QList<JobRun *> &runs = m_engine->runs();
    // The newest first: a pid reused by a later job is that job's.
    for (auto it = runs.crbegin(); it != runs.crend(); ++it) {
        const QList<JobProcess *> &jobs = (*it)->jobs();
        for (int i = 0; i < jobs.size(); ++i) {
            if (jobs.at(i) && jobs.at(i)->programPid() == pid) {
                m_showJob(*it, i);
                return true;
            }
        }
    }
    emit statusMessage(tr("Process %1 is not one of SpawnScope's jobs.").arg(pid), 5000);
    return false;
}
