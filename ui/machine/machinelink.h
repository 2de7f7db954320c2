// Ties the Machine panel to the jobs: marks the processes SpawnScope started,
// opens a job's row when one is double-clicked there, and turns "Watch its
// family from now on" into an attached run (after AttachCheck has found no
// reason to refuse, which is otherwise said in the status bar).
#pragma once

#include <QHash>
#include <QObject>
#include <QSet>

#include <functional>

class JobEngine;
class JobProcess;
class JobRun;
class MachinePanel;
struct Preset;

class MachineLink : public QObject
{
    Q_OBJECT
public:
    using RunPreset = std::function<JobRun *(const Preset &)>;
    using ShowJob = std::function<void(const JobRun *, int jobIndex)>;

    MachineLink(JobEngine *engine, MachinePanel *panel, RunPreset runPreset, ShowJob showJob, QObject *parent = nullptr);

    // Starts the attached run, or says why it cannot; the run, or null.
    JobRun *watch(qint64 pid);
    // The job whose program is pid, shown in the Processes tab; false if none.
    bool showJob(qint64 pid);

signals:
    void statusMessage(const QString &message, int timeoutMs);

private:
    void onJobChanged(JobRun *run, int index);

    JobEngine *m_engine;
    MachinePanel *m_panel;
    RunPreset m_runPreset;
    ShowJob m_showJob;
    QSet<qint64> m_jobPids;
    QHash<const JobProcess *, qint64> m_pidOfJob; // what each running job put in m_jobPids
    bool m_pushQueued = false;
};
