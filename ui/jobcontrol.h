// Pause, Resume and Send signal for the job or group selected in the process
// table: the actions, the signal submenu and the status messages that say
// what was sent to which PID, or why nothing was. The window puts the actions
// in its Jobs menu and the table's context menu and tells this class what is
// selected; a group means every one of its running jobs.
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

class JobProcess;
class JobRun;
class QAction;
class QMenu;
class QWidget;

class JobControl : public QObject
{
    Q_OBJECT
public:
    // The signals the submenu offers, in its order: the polite ones first,
    // SIGKILL (which cannot be caught) last.
    static const QList<int> &menuSignals();

    // parentWidget owns the submenu.
    explicit JobControl(QWidget *parentWidget);

    QAction *pauseAction() const { return m_pause; }
    QAction *resumeAction() const { return m_resume; }
    QMenu *signalMenu() const { return m_signalMenu; }
    // Checked: signals go to the job's process only, not its whole group.
    QAction *processOnlyAction() const { return m_processOnly; }
    QAction *signalAction(int signal) const;

    // job == nullptr: the whole run; both null: nothing selected.
    void setSelection(JobRun *run, JobProcess *job);
    void updateActions();

    void pauseSelected();
    void resumeSelected();
    void sendToSelected(int signal);

signals:
    void statusMessage(const QString &message, int timeoutMs);

private:
    // The running jobs the selection means, and a name for messages.
    QList<JobProcess *> targets() const;
    QString targetName(const JobProcess *job) const;

    QPointer<JobRun> m_run;
    QPointer<JobProcess> m_job;
    QAction *m_pause;
    QAction *m_resume;
    QMenu *m_signalMenu;
    QAction *m_processOnly;
    QList<QAction *> m_signalActions;
};
