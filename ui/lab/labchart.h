// Bars of wall time per lab mode, with CPU time and speed-up written beside
// them, painted with QPainter.
#pragma once

#include "labresult.h"

#include <QWidget>

class LabChart : public QWidget
{
    Q_OBJECT
public:
    explicit LabChart(const QString &title, QWidget *parent = nullptr);

    void setResults(const QList<LabResult> &results);
    const QList<LabResult> &results() const { return m_results; }

    static QColor modeColor(LabResult::Mode mode, const QPalette &palette);

    QSize sizeHint() const override { return {420, 170}; }
    QSize minimumSizeHint() const override { return {260, 120}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_title;
    QList<LabResult> m_results;
};
