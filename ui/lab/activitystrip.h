// When each worker ran, one lane per worker and one block per mode, on a
// shared time axis: the GIL's hand-overs show as interleaved dashes.
#pragma once

#include "labresult.h"

#include <QWidget>

class QPainter;

class ActivityStrip : public QWidget
{
    Q_OBJECT
public:
    explicit ActivityStrip(QWidget *parent = nullptr);

    void setResults(const QList<LabResult> &results);

    // Expanding takes whatever height is spare; the hint stays low because the
    // lab's scroll area asks for the panel's preferred height, and a busy
    // machine's warning line above the strip must not push it out of view.
    QSize sizeHint() const override { return {600, 160}; }
    QSize minimumSizeHint() const override { return {300, 120}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    static constexpr int Margin = 8;
    // Where the lanes go: labels on the left, then width pixels for maxMs.
    struct Plot
    {
        int labelWidth = 0;
        int left = 0;
        int width = 0;
        int laneHeight = 0;
        double maxMs = 1;
        int x(double ms) const { return left + int(width * ms / maxMs); }
    };
    // One mode's title and lanes from y; returns where the next one starts.
    int paintResult(QPainter &p, const Plot &plot, const LabResult &result, int y);
    void paintTimeAxis(QPainter &p, const Plot &plot, int y);

    QList<LabResult> m_results;
};
