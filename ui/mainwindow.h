// The main window, the frame that wires the rest together: the preset
// palette docked on the left, the Processes tab (command bar, process table,
// the selected job's details) in the centre with the timeline, the threads
// lab, the code and the machine as further tabs, and the chain builder in a
// second dock. The job actions, the toolbar, the status bar and quitting are
// classes of their own; this puts them in place and connects them. It shows
// the engine and the lab it is given; it owns neither.
#pragma once

#include "commandbar.h"
#include "preset.h"
#include "processespanel.h"

#include <QImage>
#include <QMainWindow>

class ChainBuilder;
class CompareDialog;
class CodePanel;
class JobActions;
class JobControl;
class JobDetailPane;
class JobEngine;
class JobFilterProxyModel;
class JobRun;
class JobTableView;
class JobTreeModel;
class JobsToolBar;
class MachineLink;
class MachinePanel;
class PresetListModel;
class PresetPalette;
class QCheckBox;
class QDockWidget;
class QLabel;
class QLineEdit;
class QListView;
class QSpinBox;
class QTabWidget;
class QuitController;
class RunExporter;
class RunGate;
class SessionActions;
class SessionKeeper;
class QMenu;
class ThreadLab;
class ThreadsPanel;
class TimelineModel;
class TimelinePanel;
class WindowStatusBar;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // engine starts every child shown here and lab runs the Threads tab; both
    // must outlive the window.
    MainWindow(JobEngine *engine, ThreadLab *lab, const QList<Preset> &presets, QWidget *parent = nullptr);
    ~MainWindow() override;

    JobEngine *engine() const { return m_engine; }
    JobTreeModel *jobModel() const { return m_jobModel; }
    PresetListModel *presetModel() const { return m_presetModel; }
    PresetPalette *presetPalette() const { return m_palette; }
    QListView *presetView() const;
    // The Processes tab and what it holds.
    ProcessesPanel *processesPanel() const { return m_processes; }
    JobFilterProxyModel *jobFilter() const { return m_processes->filter(); }
    QLineEdit *filterEdit() const { return m_processes->filterEdit(); }
    JobTableView *jobView() const { return m_processes->view(); }
    JobDetailPane *detailPane() const { return m_processes->detailPane(); }
    CommandBar *commandBar() const { return m_processes->commandBar(); }
    QLineEdit *commandEdit() const { return commandBar()->commandEdit(); }
    QCheckBox *shellCheck() const { return commandBar()->shellCheck(); }
    QCheckBox *keepStdinOpenCheck() const { return commandBar()->keepStdinCheck(); }
    QCheckBox *terminalCheck() const { return commandBar()->terminalCheck(); }
    QCheckBox *watchCheck() const { return commandBar()->watchCheck(); }
    JobActions *jobActions() const { return m_jobActions; }
    ThreadsPanel *threadsPanel() const { return m_threadsPanel; }
    TimelineModel *timelineModel() const { return m_timelineModel; }
    TimelinePanel *timelinePanel() const { return m_timelinePanel; }
    CodePanel *codePanel() const { return m_codePanel; }
    MachinePanel *machinePanel() const { return m_machinePanel; }
    MachineLink *machineLink() const { return m_machineLink; }
    ChainBuilder *chainBuilder() const { return m_chainBuilder; }
    RunExporter *exporter() const { return m_exporter; }
    RunGate *runGate() const { return m_runGate; }
    JobControl *jobControl() const;
    // "Sample every N ms" in the toolbar; remembered, applied to the engine.
    QSpinBox *sampleIntervalBox() const;
    // The label at the right of the status bar: "N running · M in the table".
    QLabel *statusCounts() const;
    // The widget behind --panel NAME ("processes", "timeline", "threads",
    // "code"), or nullptr for an unknown name.
    QWidget *panelWidget(const QString &name) const;
    // What File → Save screenshot and Edit → Copy screenshot capture: the
    // whole window, or only the panel in front.
    QImage screenshot(bool panelOnly) const;

    // The user's presets file could not be read: say so, and never save over
    // it in this session (so nothing in it is lost).
    void protectUnreadablePresets(const QString &problem);
    // At most this many children at once (0: no limit); remembered.
    void setMaxParallel(int count);
    // Milliseconds between /proc samples, clamped to ProcessSampler's range; remembered.
    void setSampleInterval(int ms);
    // "processes" or "threads"; false for an unknown name.
    bool showPanel(const QString &name);

    // Starts a preset by id; nullptr (with a status message) if unknown.
    JobRun *runPreset(const QString &id);
    JobRun *runPreset(const Preset &preset);
    // Jobs → Watch a program…: asks for a command line and runs it watched.
    void askWatchProgram();
    // Runs the command field; nullptr with a status message if it is empty.
    JobRun *runCommand();
    void selectRun(const JobRun *run, int jobIndex = -1);
    // Jobs → Compare runs…: the selected finished run against the latest
    // other one (or the last two); nullptr, with a message, with fewer than two.
    CompareDialog *compareRuns();

    // Sessions: File → New, Open and Save session as, finished runs kept
    // between restarts, the last session restored now (in the background).
    // Without it (tests, screenshots) the window keeps nothing.
    void setSessionKeeper(SessionKeeper *keeper);
    SessionActions *sessionActions() const { return m_sessionActions; }

    // Off for tests and scripted screenshots: quitting then stops children without asking.
    void setConfirmQuit(bool confirm);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildLayout();
    void buildTabs();
    void buildChainDock();
    void buildMenus();
    void buildFileMenu();
    void buildJobsMenu();
    void wirePanels();
    void wireProcesses();
    void runDroppedCommand(const QString &command);
    void followSelection(const QModelIndex &sourceIndex);
    void showMessage(const QString &message, int timeoutMs);
    void restoreSettings();
    void saveSettings() const;

    JobEngine *m_engine;
    ThreadLab *m_lab;
    JobTreeModel *m_jobModel;
    PresetListModel *m_presetModel;
    QuitController *m_quit;

    PresetPalette *m_palette = nullptr;
    ProcessesPanel *m_processes = nullptr;
    JobActions *m_jobActions = nullptr;
    JobsToolBar *m_toolBar = nullptr;
    WindowStatusBar *m_statusBar = nullptr;
    QTabWidget *m_tabs = nullptr;
    ThreadsPanel *m_threadsPanel = nullptr;
    TimelineModel *m_timelineModel = nullptr;
    TimelinePanel *m_timelinePanel = nullptr;
    CodePanel *m_codePanel = nullptr;
    MachinePanel *m_machinePanel = nullptr;
    MachineLink *m_machineLink = nullptr;
    RunExporter *m_exporter = nullptr;
    RunGate *m_runGate = nullptr;
    SessionKeeper *m_sessionKeeper = nullptr;
    SessionActions *m_sessionActions = nullptr;
    QMenu *m_fileMenu = nullptr;

    QDockWidget *m_chainDock = nullptr;
    ChainBuilder *m_chainBuilder = nullptr;
};
