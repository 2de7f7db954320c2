#include "activitystrip.h"

#include "labchart.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

ActivityStrip::ActivityStrip(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void ActivityStrip::setResults(const QList<LabResult> &results)
{
    m_results = results;
    update();
}

void ActivityStrip::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    p.setPen(pal.color(QPalette::Mid));
    p.drawRect(rect().adjusted(0, 0, -1, -1));
    const QFontMetrics fm = p.fontMetrics();

    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(pal.color(QPalette::Text));
    // Wrapped, not cut, when the divisors beside the strip take the width their lines need.
    const int titleFlags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;
    const QString title = tr("When each worker ran (one row per worker, shared time axis)");
    const QRect titleRect = p.fontMetrics().boundingRect(QRect(Margin, 4, width() - 2 * Margin, height()), titleFlags, title);
    p.drawText(QRect(Margin, 4, width() - 2 * Margin, titleRect.height()), titleFlags, title);
    p.setFont(font());

    if (m_results.isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("Run a mode to see its workers' activity"));
        return;
    }

    int lanesTotal = 0;
    Plot plot;
    for (const LabResult &r : m_results) {
        lanesTotal += int(r.lanes.size());
        plot.labelWidth = std::max(plot.labelWidth, fm.horizontalAdvance(LabResult::modeTitle(r.mode)));
        for (const QString &lane : r.lanes)
            plot.labelWidth = std::max(plot.labelWidth, fm.horizontalAdvance(lane) + 12);
        plot.maxMs = std::max(plot.maxMs, r.wallMs);
    }
    const int top = titleRect.height() + 8;
    const int axisHeight = fm.height() + 6;
    const int blocks = int(m_results.size());
    const int available = height() - top - axisHeight - Margin - blocks * (fm.height() + 6);
    plot.laneHeight = std::clamp(available / std::max(lanesTotal, 1), 3, fm.height());
    plot.left = Margin + plot.labelWidth + 8;
    plot.width = std::max(40, width() - plot.left - Margin - fm.horizontalAdvance(QStringLiteral("0000 ms")) / 2);

    int y = top;
    for (const LabResult &r : m_results)
        y = paintResult(p, plot, r, y);
    paintTimeAxis(p, plot, y);
}

int ActivityStrip::paintResult(QPainter &p, const Plot &plot, const LabResult &r, int y)
{
    const QPalette pal = palette();
    const QFontMetrics fm = fontMetrics();
    const QColor color = LabChart::modeColor(r.mode, pal);
    QFont titleFont = font();
    titleFont.setBold(true);
    p.setFont(titleFont);
    p.setPen(color.darker(r.mode == LabResult::Mode::Serial ? 100 : 110));
    p.drawText(QRect(Margin, y, plot.labelWidth + plot.width, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
               LabResult::modeTitle(r.mode));
    p.setFont(font());
    y += fm.height() + 2;
    // Lane labels shrink with the lanes, down to a still readable size.
    const int laneHeight = plot.laneHeight;
    QFont laneFont = font();
    if (laneHeight < fm.height())
        laneFont.setPixelSize(std::max(8, laneHeight));
    for (int lane = 0; lane < r.lanes.size(); ++lane) {
        const int laneTop = y + lane * laneHeight;
        if (laneHeight >= 7) {
            p.setFont(laneFont);
            p.setPen(pal.color(QPalette::Text));
            p.drawText(QRect(Margin + 12, laneTop, plot.labelWidth - 12, laneHeight), Qt::AlignLeft | Qt::AlignVCenter,
                       r.lanes.at(lane));
            p.setFont(font());
        }
        p.fillRect(QRect(plot.left, laneTop + laneHeight / 2, plot.width, 1), pal.color(QPalette::Midlight));
    }
    for (const LabResult::Span &span : r.spans) {
        const int x0 = plot.x(span.startMs);
        const int x1 = std::max(x0 + 1, plot.x(span.endMs));
        p.fillRect(QRect(x0, y + span.lane * laneHeight + 1, x1 - x0, std::max(1, laneHeight - 2)), color);
    }
    return y + int(r.lanes.size()) * laneHeight + 4;
}

void ActivityStrip::paintTimeAxis(QPainter &p, const Plot &plot, int y)
{
    // In milliseconds, at a round step: 1, 2 or 5 times a power of ten.
    const QFontMetrics fm = fontMetrics();
    p.setPen(palette().color(QPalette::Text));
    p.drawLine(plot.left, y, plot.left + plot.width, y);
    const double rawStep = plot.maxMs / 6;
    const double magnitude = std::pow(10.0, std::floor(std::log10(rawStep)));
    double step = magnitude;
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        if (m * magnitude >= rawStep) {
            step = m * magnitude;
            break;
        }
    }
    for (double t = 0; t <= plot.maxMs + 1e-9; t += step) {
        const int x = plot.x(t);
        p.drawLine(x, y, x, y + 3);
        const QString label = QStringLiteral("%1 ms").arg(t, 0, 'f', 0);
        p.drawText(QRect(x - 40, y + 3, 80, fm.height()), Qt::AlignHCenter | Qt::AlignTop, label);
    }
}
