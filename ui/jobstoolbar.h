// The Jobs toolbar: Run, Stop, Kill, Run again and Clear finished, then the
// engine's two knobs, how many children may run at once and how often /proc
// is sampled. Both knobs go to the engine as they change and are remembered.
#pragma once

#include <QToolBar>

class JobActions;
class JobEngine;
class QSettings;
class QSpinBox;

class JobsToolBar : public QToolBar
{
    Q_OBJECT
public:
    // runAction is the palette's Run; engine must outlive the toolbar.
    JobsToolBar(JobEngine *engine, QAction *runAction, const JobActions *actions, QWidget *parent = nullptr);

    // "at most N at once"; 0 shows "no limit".
    QSpinBox *maxParallelBox() const { return m_maxParallel; }
    // "sample every N ms", within ProcessSampler's range.
    QSpinBox *sampleIntervalBox() const { return m_sampleInterval; }

    void restoreSettings(const QSettings &settings);
    void saveSettings(QSettings &settings) const;

private:
    void addMaxParallelBox();
    void addSampleIntervalBox();

    JobEngine *m_engine;
    QSpinBox *m_maxParallel = nullptr;
    QSpinBox *m_sampleInterval = nullptr;
};
