// The Timeline tab: the live Gantt chart with zoom buttons (Fit, which fits
// the selected run when there is one, and Fit all), the "Colour by CPU"
// toggle and a legend.
#pragma once

#include <QWidget>

class TimelineModel;
class TimelineView;
class QToolButton;

class TimelinePanel : public QWidget
{
    Q_OBJECT
public:
    explicit TimelinePanel(TimelineModel *model, QWidget *parent = nullptr);

    TimelineView *view() const { return m_view; }
    QToolButton *fitButton() const { return m_fit; }
    QToolButton *fitAllButton() const { return m_fitAll; }
    QToolButton *cpuButton() const { return m_cpu; }
    // The Processes table's current row (jobIndex -1 for a run's row): the
    // run Fit then fits. TimelineView::selectJob.
    void selectJob(quint64 runId, int jobIndex);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateLegend();
    // Checked states and Fit's tooltip, from the view's fit mode and selection.
    void updateFitButtons();

    TimelineView *m_view;
    QToolButton *m_fit;
    QToolButton *m_fitAll;
    QToolButton *m_cpu;
    class QLabel *m_legend;
};
