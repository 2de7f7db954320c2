// The Timeline tab: the live Gantt chart with zoom buttons and a legend.
#pragma once

#include <QWidget>

class TimelineModel;
class TimelineView;

class TimelinePanel : public QWidget
{
    Q_OBJECT
public:
    explicit TimelinePanel(TimelineModel *model, QWidget *parent = nullptr);

    TimelineView *view() const { return m_view; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateLegend();

    TimelineView *m_view;
    class QLabel *m_legend;
};
