// The main window: presets on the left, the live process table in the centre,
// the selected job's details below it.
#pragma once

#include "preset.h"

#include <QMainWindow>

class ChainBuilder;
class CodePanel;
class JobDetailPane;
class JobProcess;
class QDockWidget;
class JobEngine;
class JobRun;
class JobTreeModel;
class PresetListModel;
class QAction;
class QCheckBox;
class QLabel;
class QLineEdit;
class QMimeData;
class QListView;
class QSortFilterProxyModel;
class QSpinBox;
class QSplitter;
class QTabWidget;
class QTreeView;
class ThreadsPanel;
class TimelineModel;
class TimelinePanel;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(const QList<Preset> &presets, QWidget *parent = nullptr);
    ~MainWindow() override;

    JobEngine *engine() const { return m_engine; }
    JobTreeModel *jobModel() const { return m_jobModel; }
    PresetListModel *presetModel() const { return m_presetModel; }
    QTreeView *jobView() const { return m_jobView; }
    QListView *presetView() const { return m_presetView; }
    JobDetailPane *detailPane() const { return m_detail; }
    QLineEdit *commandEdit() const { return m_commandEdit; }
    QCheckBox *shellCheck() const { return m_shellCheck; }
    ThreadsPanel *threadsPanel() const { return m_threadsPanel; }
    TimelineModel *timelineModel() const { return m_timelineModel; }
    TimelinePanel *timelinePanel() const { return m_timelinePanel; }
    CodePanel *codePanel() const { return m_codePanel; }
    // The widget behind --panel NAME ("processes", "timeline", "threads",
    // "code"), or nullptr for an unknown name.
    QWidget *panelWidget(const QString &name) const;
    // What File → Save screenshot and Edit → Copy screenshot capture: the
    // whole window, or only the panel in front.
    QImage screenshot(bool panelOnly) const;
    ChainBuilder *chainBuilder() const { return m_chainBuilder; }

    // Preset palette operations (each drag has one of these as its keyboard twin).
    void saveAsPreset(const Preset &preset);
    void saveJobAsPreset(const JobRun *run, const JobProcess *job, int row = -1);
    // Shows what the file holds and asks before adding; nothing runs.
    bool importPresetsFrom(const QString &path);
    void duplicateSelectedPreset();
    void deleteSelectedPreset();
    void undoDelete();
    void editSelectedPreset();
    void moveSelectedPreset(int delta);
    void addSelectedPresetToChain();
    // The user's presets file could not be read: say so, and never save over
    // it in this session (so nothing in it is lost).
    void protectUnreadablePresets(const QString &problem);
    // Off for tests: import without the confirmation dialog.
    void setConfirmImports(bool confirm) { m_confirmImports = confirm; }
    // At most this many children at once (0: no limit); remembered.
    void setMaxParallel(int count);
    // "processes" or "threads"; false for an unknown name.
    bool showPanel(const QString &name);

    // Starts a preset by id; nullptr (with a status message) if unknown.
    JobRun *runPreset(const QString &id);
    JobRun *runPreset(const Preset &preset);
    // Runs the command field; nullptr with a status message if it is empty.
    JobRun *runCommand();
    void selectRun(const JobRun *run, int jobIndex = -1);

    // Off for tests and scripted screenshots: quitting then stops children without asking.
    void setConfirmQuit(bool confirm) { m_confirmQuit = confirm; }

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildActions();
    void buildLayout();
    void runSelectedPreset();
    void stopSelected();
    void killSelected();
    void rerunSelected();
    void clearFinished();
    void onCurrentJobChanged();
    void onJobDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    void updateActions();
    void updateStatus();
    void updatePresetDescription();
    void showPresetMenu(const QPoint &pos);
    void showJobMenu(const QPoint &pos);
    void saveUserPresets();
    void exportPresets();
    enum class RunExport { JoblogTsv, JoblogJson, Trace };
    void exportRuns(RunExport format);
    void importPresetsDialog();
    void saveScreenshotDialog(bool panelOnly);
    void copyScreenshot(bool panelOnly);
    bool acceptsDrop(const QMimeData *data) const;
    void dropOnTable(const QMimeData *data);
    void restoreSettings();
    void saveSettings() const;
    QModelIndex currentSourceIndex() const;

    JobEngine *m_engine;
    JobTreeModel *m_jobModel;
    QSortFilterProxyModel *m_proxy;
    PresetListModel *m_presetModel;

    QListView *m_presetView = nullptr;
    QLabel *m_presetDescription = nullptr;
    QLineEdit *m_commandEdit = nullptr;
    QCheckBox *m_shellCheck = nullptr;
    QTreeView *m_jobView = nullptr;
    JobDetailPane *m_detail = nullptr;
    QSplitter *m_centreSplitter = nullptr;
    QLabel *m_statusCounts = nullptr;
    QTabWidget *m_tabs = nullptr;
    QSpinBox *m_maxParallel = nullptr;
    ThreadsPanel *m_threadsPanel = nullptr;
    TimelineModel *m_timelineModel = nullptr;
    TimelinePanel *m_timelinePanel = nullptr;
    CodePanel *m_codePanel = nullptr;

    QAction *m_runPresetAction = nullptr;
    QAction *m_runCommandAction = nullptr;
    QAction *m_stopAction = nullptr;
    QAction *m_killAction = nullptr;
    QAction *m_rerunAction = nullptr;
    QAction *m_clearAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_saveJobAction = nullptr;
    QList<QAction *> m_presetActions; // act on the selected preset

    QDockWidget *m_presetDock = nullptr;
    QDockWidget *m_chainDock = nullptr;
    ChainBuilder *m_chainBuilder = nullptr;
    QList<std::pair<int, Preset>> m_deleted; // for undo
    QAction *m_undoAction = nullptr;
    bool m_confirmImports = true;
    QString m_storeProblem; // non-empty: the presets file is not to be written
    bool m_confirmQuit = true;
    bool m_quitting = false;
};
