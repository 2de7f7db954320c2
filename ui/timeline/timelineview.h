// The live Gantt chart: one lane per child (or lab worker), grouped by run
// and by chain, on a millisecond axis; markers for start, SIGTERM, SIGKILL,
// exit and poll ticks. Under a watched job, a thinner lane per process of its
// family, indented under its parent, with its fork, exec and exit, and a
// connector from each pipe's writer to its readers. Ctrl+wheel or +/- zooms around the pointer, dragging
// or the scroll bar pans, 0 (or Fit) shows everything again and follows the
// live runs.
//
// With "colour by CPU" on, a job's bar is shaded along its length by its
// sampled CPU %: the state colour's light tint at 0 %, its full tone at 100 %
// (one core) or more, so a CPU-bound stretch and a blocked one look
// different. Paused stretches are hatched in Theme::pausedColor either way.
#pragma once

#include <QAbstractScrollArea>

class TimelineModel;
struct TimelineLane;
class QTimer;

class TimelineView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit TimelineView(TimelineModel *model, QWidget *parent = nullptr);

    QSize sizeHint() const override;

    void zoomIn();
    void zoomOut();
    void fit();
    bool isFitting() const { return m_fit; }
    double pixelsPerMs() const { return m_pxPerMs; }
    // The span of time the chart can show: the longest group, at least 100 ms.
    double extentMs() const;

    bool colourByCpu() const { return m_colourByCpu; }
    void setColourByCpu(bool on);

signals:
    void fittingChanged(bool fitting);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    bool viewportEvent(QEvent *event) override;

private:
    // Where a row of the chart is: a group's header or one of its lanes.
    struct Row
    {
        int group = 0;
        int lane = -1; // -1: the group's header
        int y = 0;
        int height = 0;
        int groupBottom = 0; // for a header: where its group's last lane ends
        int member = -1;     // >= 0: a process of the lane's watched family
        int familyRow = -1;  // for a member: the index in m_rows of member 0
    };

    void onModelChanged();
    void layoutRows();
    void updateScrollBars();
    void zoomAround(double factor, int viewportX);
    void setFitting(bool fit);
    int chartLeft() const;
    int chartWidth() const;
    double xToMs(int x) const;
    int msToX(double ms) const;
    const Row *rowAt(int viewportY) const;
    QString laneToolTip(int group, int lane, double atMs) const;
    QString memberToolTip(const Row &row) const;
    void paintAxis(QPainter &painter, int top);
    void paintHeader(QPainter &painter, const Row &row, int y);
    void paintLane(QPainter &painter, const Row &row, int y);
    void paintMember(QPainter &painter, const Row &row, int y);
    // Lines from each pipe's writer down (or up) to its readers.
    void paintPipes(QPainter &painter, int scrollY);
    const TimelineLane &memberLane(const Row &row) const;

    TimelineModel *m_model;
    QTimer *m_animation; // repaints running bars while something runs
    QList<Row> m_rows;
    int m_contentHeight = 0;
    double m_pxPerMs = 1.0;
    double m_offsetMs = 0; // time at the chart's left edge
    bool m_fit = true;
    bool m_colourByCpu = false;
    bool m_dragging = false;
    QPoint m_dragStart;
    double m_dragOffsetMs = 0;
};
