// When each worker ran, one lane per worker and one block per mode, on a
// shared time axis: the GIL's hand-overs show as interleaved dashes.
#pragma once

#include "labresult.h"

#include <QWidget>

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
    QList<LabResult> m_results;
};
