// The Machine tab: every process on the machine, as htop and the desktop
// system monitors show them, beside the jobs SpawnScope started (bold, ●).
// A tool row chooses what is shown (mine, all, active; programs only; tree
// or list; a filter, Ctrl+F); the table sorts on any column and its header
// chooses the columns; below it, the selected process's details. It scans
// at the sample interval while it is visible, and not at all while hidden.
//
// Its context menu signals the selected process (the job menu's signal
// list), pauses, resumes or stops it (SIGTERM, then SIGKILL after the
// grace) and asks to watch its family. Refusals and results go out as
// statusMessage(); the window wires the rest (watchFamilyRequested,
// showJobRequested on a double-click on one of its jobs).
#pragma once

#include "processdetails.h"

#include <QSet>
#include <QWidget>

class MachineFilterProxyModel;
class MachineScanThread;
class MachineTreeModel;
class ProcessDetailsView;
class QAbstractButton;
class QAction;
class QCheckBox;
class QComboBox;
class QLineEdit;
class QMenu;
class QSplitter;
class QTimer;
class QTreeView;
struct MachineProcess;
struct MachineSnapshot;

class MachinePanel : public QWidget
{
    Q_OBJECT
public:
    explicit MachinePanel(QWidget *parent = nullptr);
    ~MachinePanel() override;

    // The pids of SpawnScope's own jobs, shown bold with ●.
    void setJobPids(const QSet<qint64> &pids);
    // Default ProcessSampler::DefaultIntervalMs.
    void setSampleInterval(int ms);
    int sampleInterval() const;
    // One scan now, on this thread, shown before it returns (screenshots).
    void scanNow();

    // The selected process's pid, 0 when none; selectPid() is false when
    // that pid is not shown.
    qint64 selectedPid() const;
    bool selectPid(qint64 pid);

    // For tests.
    QTreeView *view() const { return m_view; }
    MachineTreeModel *model() const { return m_model; }
    MachineFilterProxyModel *proxy() const { return m_proxy; }
    QComboBox *showCombo() const { return m_show; }
    QCheckBox *programsOnlyCheck() const { return m_programsOnly; }
    QAbstractButton *treeButton() const { return m_treeButton; }
    QAbstractButton *listButton() const { return m_listButton; }
    QLineEdit *filterEdit() const { return m_filter; }
    ProcessDetailsView *detailsView() const { return m_details; }
    QTimer *scanTimer() const { return m_timer; }
    QMenu *signalMenu() const { return m_signalMenu; }
    QAction *pauseAction() const { return m_pause; }
    QAction *resumeAction() const { return m_resume; }
    QAction *stopAction() const { return m_stop; }
    QAction *watchAction() const { return m_watch; }
    // How many scans were shown: lets tests see that a hidden panel is idle.
    int scanCount() const { return m_scanCount; }

signals:
    void statusMessage(const QString &message, int timeoutMs);
    void watchFamilyRequested(qint64 pid);
    void showJobRequested(qint64 pid);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QWidget *makeToolRow();
    void makeView();
    void makeActions();
    void fitColumns();
    void onScanned(const MachineSnapshot &snapshot, const ProcessDetails &details);
    void setTreeMode(bool tree);
    void updateActions();
    void showDetails();
    void showContextMenu(const QPoint &pos);
    const MachineProcess *selectedProcess() const;
    void sendSignal(int signal);
    void pauseSelected();
    void resumeSelected();
    void stopSelected();
    void restoreSettings();
    void saveSettings() const;

    MachineTreeModel *m_model;
    MachineFilterProxyModel *m_proxy;
    MachineScanThread *m_scanner;
    QTimer *m_timer;
    QComboBox *m_show = nullptr;
    QCheckBox *m_programsOnly = nullptr;
    QAbstractButton *m_treeButton = nullptr;
    QAbstractButton *m_listButton = nullptr;
    QLineEdit *m_filter = nullptr;
    QTreeView *m_view = nullptr;
    ProcessDetailsView *m_details = nullptr;
    QSplitter *m_splitter = nullptr;
    QMenu *m_signalMenu = nullptr;
    QAction *m_pause = nullptr;
    QAction *m_resume = nullptr;
    QAction *m_stop = nullptr;
    QAction *m_watch = nullptr;
    ProcessDetails m_detailsRead; // of the selected process, from the last scan
    int m_scanCount = 0;
};
