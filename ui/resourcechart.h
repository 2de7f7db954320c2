// The detail pane's Resources chart: one job's CPU % and memory (RSS) over
// its life, from its sampled history, painted with QPainter in two bands
// sharing the time axis, with the job's CPU time and peak memory written
// beside them (exact from the kernel, or "≥" when only sampled).
//
// Repaints are throttled: a sampler tick asks for one, and at most one
// happens per RefreshMs, so a fast interval costs the GUI thread little.
#pragma once

#include "jobresources.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QWidget>

class JobProcess;
class QPainter;
class QTimer;

class ResourceChart : public QWidget
{
    Q_OBJECT
public:
    static constexpr int RefreshMs = 300;

    explicit ResourceChart(QWidget *parent = nullptr);

    // nullptr clears the chart (a group or nothing is selected).
    void setJob(const JobProcess *job);
    // The job's figures changed; copies them now or within RefreshMs.
    void refresh();

    // What the chart shows: the history points copied at the last refresh.
    int pointCount() const { return int(m_resources.history.size()); }
    QString cpuTimeText() const;
    QString peakMemoryText() const;

    QSize sizeHint() const override { return {560, 220}; }
    QSize minimumSizeHint() const override { return {300, 140}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    // The time axis: where a time on the run's clock falls between left and right.
    struct Axes
    {
        int left = 0;
        int right = 0;
        double startMs = 0;
        double endMs = 0;
        double x(double ms) const { return left + (ms - startMs) / (endMs - startMs) * (right - left); }
    };
    void copyFromJob();
    // The figures beside the chart; returns where they went.
    QRect paintNotes(QPainter &p);
    void paintBandFrame(QPainter &p, const QRect &band, const QString &title, const QString &topLabel, int labelWidth);
    void paintSeries(QPainter &p, const Axes &axes, const QRect &band, const QColor &color,
                     double (*valueOf)(const ResourcePoint &), double maxValue);
    void paintTimeAxis(QPainter &p, const Axes &axes, int y, int height);

    QPointer<const JobProcess> m_job;
    JobResources m_resources; // a copy: painting never reaches into the engine
    double m_startMs = 0;
    double m_endMs = -1;
    bool m_paused = false;
    QElapsedTimer m_sinceCopy;
    QTimer *m_deferred;
};
