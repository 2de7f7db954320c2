// What the Jobs menu, the toolbar and the table's right-click menu do to the
// job or group selected in the process table: Stop, Kill, Run again, Compare
// runs, Save as preset, and through JobControl Pause, Resume and Send
// signal; and to all of them: Clear finished and Limits…. Each action is
// enabled only when it can do something, as the selection and the runs
// change. Run again goes through the window's RunGate, so it is asked for
// rather than done here.
#pragma once

#include <QObject>

class CompareDialog;
class JobControl;
class JobEngine;
class JobRun;
class PresetPalette;
class ProcessesPanel;
class QAction;
class QMenu;
class QWidget;
struct Preset;

class JobActions : public QObject
{
    Q_OBJECT
public:
    // panel tells what is selected, palette keeps a job saved as a preset;
    // window parents the dialogs and the menus.
    JobActions(JobEngine *engine, ProcessesPanel *panel, PresetPalette *palette, QWidget *window);

    QAction *stopAction() const { return m_stop; }
    QAction *killAction() const { return m_kill; }
    QAction *rerunAction() const { return m_rerun; }
    QAction *compareAction() const { return m_compare; }
    QAction *clearAction() const { return m_clear; }
    QAction *saveJobAction() const { return m_saveJob; }
    QAction *limitsAction() const { return m_limits; }
    JobControl *control() const { return m_control; }
    // The table's right-click menu: these actions for the row under the pointer.
    QMenu *jobMenu() const { return m_jobMenu; }

    // Compare runs…: the selected finished run against the latest other one
    // (or the last two); nullptr, with a message, with fewer than two.
    CompareDialog *compareRuns();
    // While the window quits nothing new may start: Run again stays off.
    void setQuitting(bool quitting);
    void updateActions();

signals:
    // Run again on a group: its preset, and the run it comes from.
    void rerunRequested(const Preset &preset, const JobRun *source);
    void statusMessage(const QString &message, int timeoutMs);

private:
    void buildActions();
    void buildJobMenu();
    void stopSelected();
    void killSelected();
    void rerunSelected();
    void clearFinished();
    void saveSelectedAsPreset();
    void openLimits();

    JobEngine *m_engine;
    ProcessesPanel *m_panel;
    PresetPalette *m_palette;
    QWidget *m_window;
    JobControl *m_control;
    QAction *m_stop = nullptr;
    QAction *m_kill = nullptr;
    QAction *m_rerun = nullptr;
    QAction *m_compare = nullptr;
    QAction *m_clear = nullptr;
    QAction *m_saveJob = nullptr;
    QAction *m_limits = nullptr;
    QMenu *m_jobMenu = nullptr;
    bool m_quitting = false;
};
