#include "jobcontrol.h"

#include "jobformat.h"
#include "jobprocess.h"
#include "jobrun.h"
#include "unixsignals.h"

#include <QAction>
#include <QMenu>
#include <QWidget>

#include <csignal>

namespace {

bool isRunning(const JobProcess *job)
{
    return job && job->outcome().state == JobOutcome::State::Running;
}

} // namespace

const QList<int> &JobControl::menuSignals()
{
    static const QList<int> list{SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGTERM, SIGKILL};
    return list;
}

JobControl::JobControl(QWidget *parentWidget)
    : QObject(parentWidget)
    , m_pause(new QAction(tr("&Pause"), this))
    , m_resume(new QAction(tr("Res&ume"), this))
    , m_signalMenu(new QMenu(tr("Send si&gnal"), parentWidget))
    , m_processOnly(new QAction(tr("This process &only"), this))
{
    m_pause->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    m_pause->setToolTip(tr("Pause the selected job or group: SIGSTOP to its process group. A running timeout keeps "
                           "counting wall time while it is paused (Ctrl+P)"));
    connect(m_pause, &QAction::triggered, this, &JobControl::pauseSelected);
    m_resume->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_resume->setToolTip(tr("Let the selected job or group go on: SIGCONT to its process group (Ctrl+Shift+P)"));
    connect(m_resume, &QAction::triggered, this, &JobControl::resumeSelected);

    m_signalMenu->setToolTipsVisible(true);
    for (int signal : menuSignals()) {
        QAction *action = m_signalMenu->addAction(
            QStringLiteral("%1 (%2)").arg(UnixSignals::name(signal), UnixSignals::description(signal)));
        action->setData(signal);
        action->setToolTip(tr("Send %1 (signal %2) to the selected job's process group").arg(UnixSignals::name(signal)).arg(signal));
        connect(action, &QAction::triggered, this, [this, signal] { sendToSelected(signal); });
        m_signalActions << action;
    }
    m_signalMenu->addSeparator();
    m_processOnly->setCheckable(true);
    m_processOnly->setToolTip(tr("Send to the job's own process only, not to the children it started in its "
                                 "process group"));
    m_signalMenu->addAction(m_processOnly);
    updateActions();
}

QAction *JobControl::signalAction(int signal) const
{
    for (QAction *action : m_signalActions) {
        if (action->data().toInt() == signal)
            return action;
    }
    return nullptr;
}

void JobControl::setSelection(JobRun *run, JobProcess *job)
{
    m_run = run;
    m_job = job;
    updateActions();
}

QList<JobProcess *> JobControl::targets() const
{
    if (m_job)
        return isRunning(m_job) ? QList<JobProcess *>{m_job} : QList<JobProcess *>{};
    QList<JobProcess *> running;
    if (m_run) {
        for (JobProcess *job : m_run->jobs()) {
            if (isRunning(job))
                running << job;
        }
    }
    return running;
}

QString JobControl::targetName(const JobProcess *job) const
{
    return m_run ? JobFormat::jobName(m_run, m_run->indexOf(job)) : QString();
}

void JobControl::updateActions()
{
    const QList<JobProcess *> running = targets();
    const bool anyPaused = std::any_of(running.cbegin(), running.cend(), [](const JobProcess *j) { return j->isPaused(); });
    const bool anyMoving = std::any_of(running.cbegin(), running.cend(), [](const JobProcess *j) { return !j->isPaused(); });
    m_pause->setEnabled(anyMoving);
    m_resume->setEnabled(anyPaused);
    m_signalMenu->setEnabled(!running.isEmpty());
    for (QAction *action : m_signalActions)
        action->setEnabled(!running.isEmpty());
}

void JobControl::pauseSelected()
{
    const QList<JobProcess *> jobs = targets();
    if (jobs.isEmpty()) {
        emit statusMessage(tr("Nothing to pause: the selection is not running (it already ended or has not started)."), 8000);
        return;
    }
    QStringList paused;
    QStringList failed;
    for (JobProcess *job : jobs) {
        if (job->isPaused())
            continue;
        (job->pause() ? paused : failed) << QString::number(job->pid());
    }
    if (!failed.isEmpty())
        emit statusMessage(tr("Could not pause PID %1: it ended meanwhile or kill() was refused (see the log).")
                               .arg(failed.join(QStringLiteral(", "))), 8000);
    else if (jobs.size() == 1)
        emit statusMessage(tr("Paused %1: SIGSTOP to process group %2. A timeout keeps counting while it is paused.")
                               .arg(targetName(jobs.first()), paused.value(0)), 8000);
    else
        emit statusMessage(tr("Paused %n job(s): SIGSTOP to process groups %1. A timeout keeps counting while they are paused.",
                              nullptr, int(paused.size())).arg(paused.join(QStringLiteral(", "))), 8000);
    updateActions();
}

void JobControl::resumeSelected()
{
    const QList<JobProcess *> jobs = targets();
    if (jobs.isEmpty()) {
        emit statusMessage(tr("Nothing to resume: the selection is not running (it already ended or has not started)."), 8000);
        return;
    }
    QStringList resumed;
    QStringList failed;
    for (JobProcess *job : jobs) {
        if (!job->isPaused())
            continue;
        (job->resume() ? resumed : failed) << QString::number(job->pid());
    }
    if (!failed.isEmpty())
        emit statusMessage(tr("Could not resume PID %1: it ended meanwhile or kill() was refused (see the log).")
                               .arg(failed.join(QStringLiteral(", "))), 8000);
    else if (jobs.size() == 1)
        emit statusMessage(tr("Resumed %1: SIGCONT to process group %2.").arg(targetName(jobs.first()), resumed.value(0)), 8000);
    else
        emit statusMessage(tr("Resumed %n job(s): SIGCONT to process groups %1.", nullptr, int(resumed.size()))
                               .arg(resumed.join(QStringLiteral(", "))), 8000);
    updateActions();
}

void JobControl::sendToSelected(int signal)
{
    const QString name = UnixSignals::name(signal);
    const QList<JobProcess *> jobs = targets();
    if (jobs.isEmpty()) {
        emit statusMessage(tr("%1 not sent: the selection is not running (it already ended or has not started).").arg(name), 8000);
        return;
    }
    const bool groupToo = !m_processOnly->isChecked();
    QStringList sent;
    QStringList failed;
    for (JobProcess *job : jobs)
        (job->sendSignal(signal, groupToo) ? sent : failed) << QString::number(job->pid());
    if (!failed.isEmpty()) {
        emit statusMessage(tr("Could not send %1 to PID %2: it ended meanwhile or kill() was refused (see the log).")
                               .arg(name, failed.join(QStringLiteral(", "))), 8000);
    } else if (groupToo) {
        emit statusMessage(tr("Sent %1 (%2) to process group %3.").arg(name, UnixSignals::description(signal),
                                                                      sent.join(QStringLiteral(", "))), 8000);
    } else {
        emit statusMessage(tr("Sent %1 (%2) to PID %3 only, not its process group.")
                               .arg(name, UnixSignals::description(signal), sent.join(QStringLiteral(", "))), 8000);
    }
    updateActions();
}
