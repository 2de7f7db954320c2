// Jobs → Compare runs…: two runs' timelines one above the other on one time
// axis, and their figures side by side with the ratios (RunComparison).
#pragma once

#include <QDialog>

class JobEngine;
class JobRun;
class QComboBox;
class QTableWidget;
class QVBoxLayout;
class TimelineModel;
class TimelinePanel;

class CompareDialog : public QDialog
{
    Q_OBJECT
public:
    // a and b: the runs shown first (finished runs of engine).
    CompareDialog(JobEngine *engine, const JobRun *a, const JobRun *b, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    TimelineModel *timelineModel() const { return m_timelineModel; }

private:
    void fillChoices(QComboBox *box, const JobRun *selected);
    void update();
    JobRun *chosen(const QComboBox *box) const;

    JobEngine *m_engine;
    QComboBox *m_a;
    QComboBox *m_b;
    QTableWidget *m_table;
    QVBoxLayout *m_timelineBox;
    TimelineModel *m_timelineModel = nullptr;
    TimelinePanel *m_timeline = nullptr;
};
