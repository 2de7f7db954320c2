// The live Gantt chart: one lane per child (or lab worker), grouped by run
// and by chain, on a millisecond axis; markers for start, SIGTERM, SIGKILL,
// exit and poll ticks. Under a watched job, a thinner lane per process of its
// family, indented under its parent, with its fork, exec and exit, and a
// connector from each pipe's writer to its readers. Ctrl+wheel or +/- zooms around the pointer, dragging
// or the scroll bar pans.
//
// One run at a time is selected: the Processes table's current row, or a
// click on a lane or a run's header. Fit (0) fits that run, so that a 0.1 s
// run beside a 47 s one is not a sliver; F does the same, A (Fit all) shows
// every run whole, which is what Fit does when nothing is selected. Either
// fit keeps following while its runs are live.
//
// With "colour by CPU" on, a job's bar is shaded along its length by its
// sampled CPU %: the state colour's light tint at 0 %, its full tone at 100 %
// (one core) or more, so a CPU-bound stretch and a blocked one look
// different. Paused stretches are hatched in Theme::pausedColor either way.
#pragma once

#include <QAbstractScrollArea>

#include <utility>

class TimelineModel;
struct TimelineGroup;
struct TimelineLane;
class QTimer;

class TimelineView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit TimelineView(TimelineModel *model, QWidget *parent = nullptr);

    QSize sizeHint() const override;

    // What the zoom follows: nothing (zoomed or panned by hand), every run,
    // or the selected run.
    enum class FitMode { None, All, SelectedRun };
    Q_ENUM(FitMode)

    void zoomIn();
    void zoomOut();
    // The selected run if there is one, else everything.
    void fit();
    void fitAll();
    // Zooms and pans so that the selected run fills the view; nothing
    // without a selection.
    void fitSelectedRun();
    FitMode fitMode() const { return m_fitMode; }
    bool isFitting() const { return m_fitMode != FitMode::None; }
    double pixelsPerMs() const { return m_pxPerMs; }
    // The span of time the chart can show: the longest group, at least 100 ms.
    double extentMs() const;
    // The times at the chart's left and right edges.
    std::pair<double, double> visibleMs() const;

    // jobIndex -1: the run itself (its header). A run the timeline does not
    // show (runId 0, a folded or filtered run) clears the selection.
    void selectJob(quint64 runId, int jobIndex = -1);
    bool hasSelection() const { return selectedGroup() >= 0; }
    // 0 for none, and for a threads-lab group (which has no run id).
    quint64 selectedRunId() const;
    int selectedJobIndex() const { return m_selectedLane; }
    // The selected group's title, for the Fit button's tooltip.
    QString selectedTitle() const;
    // Where the job's bar is drawn, in viewport coordinates; empty for a job
    // the timeline does not show or that has not started.
    QRect barRect(quint64 runId, int jobIndex) const;

    bool colourByCpu() const { return m_colourByCpu; }
    void setColourByCpu(bool on);

signals:
    void fitModeChanged(TimelineView::FitMode mode);
    void selectionChanged();

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
    // The selected group's index now: the cached one while it still holds
    // the group, else found again by id (indexes move when groups go).
    int selectedGroup() const;
    void select(int group, int lane);
    void updateScrollBars();
    void zoomAround(double factor, int viewportX);
    void setFitMode(FitMode mode);
    // Brings the selected group's lanes into view vertically.
    void scrollToSelection();
    // The time axis along the top, above the first row: its height.
    int axisHeight() const;
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
    void paintLaneLabel(QPainter &painter, const TimelineGroup &group, const TimelineLane &lane, int y, int height);
    // The lane's segments, paused stretches and start edge within bar's top
    // and height; returns where the bar ends.
    int paintLaneBar(QPainter &painter, const TimelineLane &lane, double now, const QRect &bar);
    void paintStartEdge(QPainter &painter, const TimelineLane &lane, const QRect &bar);
    void paintPolls(QPainter &painter, const TimelineLane &lane, const QRect &bar);
    void paintSignalMarker(QPainter &painter, double ms, const QColor &color, const QString &text, int y, int height,
                           const QFontMetrics &fm);
    void paintEnd(QPainter &painter, const TimelineLane &lane, int x, int y, int height, int radius,
                  const QFontMetrics &fm, bool labelled);
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
    FitMode m_fitMode = FitMode::All;
    mutable int m_selectedGroup = -1; // cache of the index of m_selectedId
    int m_selectedLane = -1;  // -1: the whole run
    quint64 m_selectedId = 0; // TimelineGroup::id
    bool m_colourByCpu = false;
    bool m_dragging = false;
    QPoint m_pressPos; // a release near it is a click, which selects
    QPoint m_dragStart;
    double m_dragOffsetMs = 0;
};
