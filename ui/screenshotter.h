// --screenshot: runs presets in a real window (offscreen is fine), waits for
// them to finish, and saves a PNG of the window.
#pragma once

#include "preset.h"

#include <QObject>
#include <QSize>

class JobEngine;
class JobRun;
class MainWindow;
class ThreadLab;

class Screenshotter : public QObject
{
    Q_OBJECT
public:
    // engine and lab are the window's (see MainWindow) and outlive this.
    Screenshotter(JobEngine *engine, ThreadLab *lab, const QList<Preset> &available, const QList<Preset> &toRun,
                  const QString &path, const QSize &size, QObject *parent = nullptr);
    ~Screenshotter() override;

    // Which tab is in front ("processes", "timeline", "threads", "code"); runLab
    // runs every lab mode first.
    void setPanel(const QString &panel, bool runLab);
    // Start every preset at once and capture seconds later, while they run,
    // then stop them (0: one after another, captured when all have ended). detailTab ("resources", ...)
    // selects the last run's first job and shows that tab of the detail pane.
    void setLive(double seconds, const QString &detailTab);
    void start();
    // Recorded runs opened before start() (--open): the one to select.
    void setLastRun(JobRun *run) { m_last = run; }

signals:
    void finished(int exitCode);

private:
    void startNext();
    void runLabThenCapture();
    void prepareMachinePanel();
    void capture();
    void showDetail();

    MainWindow *m_window;
    QList<Preset> m_toRun;
    QString m_path;
    QSize m_size;
    bool m_captured = false;
    bool m_machinePrepared = false;
    JobRun *m_last = nullptr;
    QWidget *m_compare = nullptr; // --panel compare: the dialog to capture
    QString m_panel;
    bool m_runLab = false;
    double m_liveSeconds = 0;
    QString m_detailTab;
    int m_labStage = 0;
    bool m_presetsDone = false;
};
