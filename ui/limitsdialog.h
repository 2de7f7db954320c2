// Jobs → Limits…: how much the window keeps, so a long session stays fast
// and bounded: finished jobs in the table (older runs fold into a summary)
// and output held in memory over all jobs (the oldest finished tails shrink);
// and how long a job's output is still read after its own exit.
#pragma once

#include <QDialog>

class JobEngine;
class QDoubleSpinBox;
class QSpinBox;

class LimitsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit LimitsDialog(JobEngine *engine, QWidget *parent = nullptr);

    // The saved limits, applied to the engine; for the window's start.
    static void restore(JobEngine *engine);

    static constexpr int MinJobLimit = 100;
    static constexpr int MaxJobLimit = 1000000;

private:
    void apply();

    JobEngine *m_engine;
    QSpinBox *m_jobLimit;
    QSpinBox *m_budgetMiB;
    QDoubleSpinBox *m_drainSec;
};
