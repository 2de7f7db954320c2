// The Timeline tab: the live Gantt chart with zoom buttons, the "Colour by
// CPU" toggle and a legend.
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
    QToolButton *cpuButton() const { return m_cpu; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateLegend();

    TimelineView *m_view;
    QToolButton *m_cpu;
    class QLabel *m_legend;
};
