#include "labchart.h"

#include "jobformat.h"
#include "theme.h"

#include <QPainter>

#include <algorithm>

LabChart::LabChart(const QString &title, QWidget *parent)
    : QWidget(parent)
    , m_title(title)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void LabChart::setResults(const QList<LabResult> &results)
{
    m_results = results;
    update();
}

QColor LabChart::modeColor(LabResult::Mode mode, const QPalette &palette)
{
    const bool dark = Theme::isDark(palette);
    switch (mode) {
    case LabResult::Mode::Serial: return dark ? QColor(0x9a, 0xa5, 0xb1) : QColor(0x6b, 0x75, 0x80);
    case LabResult::Mode::Threads: return dark ? QColor(0x5c, 0xa8, 0xf0) : QColor(0x1f, 0x6f, 0xc5);
    case LabResult::Mode::Gil: return dark ? QColor(0xf0, 0x9a, 0x4a) : QColor(0xd0, 0x6a, 0x12);
    case LabResult::Mode::Processes: return dark ? QColor(0x6f, 0xd0, 0x8c) : QColor(0x23, 0x8a, 0x45);
    }
    return palette.color(QPalette::Text);
}

void LabChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    p.setPen(pal.color(QPalette::Mid));
    p.drawRect(rect().adjusted(0, 0, -1, -1));

    QFont titleFont = font();
    titleFont.setBold(true);
    p.setFont(titleFont);
    p.setPen(pal.color(QPalette::Text));
    const int margin = 8;
    const int titleHeight = p.fontMetrics().height() + 4;
    p.drawText(QRect(margin, margin / 2, width() - 2 * margin, titleHeight), Qt::AlignLeft | Qt::AlignVCenter, m_title);
    p.setFont(font());

    if (m_results.isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect().adjusted(margin, titleHeight, -margin, -margin), Qt::AlignCenter,
                   tr("Run a mode to see its wall time here"));
        return;
    }

    const QFontMetrics fm = p.fontMetrics();
    int labelWidth = 0;
    for (const LabResult &r : m_results)
        labelWidth = std::max(labelWidth, fm.horizontalAdvance(LabResult::modeTitle(r.mode)));
    const double maxWall = std::max_element(m_results.cbegin(), m_results.cend(), [](const auto &a, const auto &b) {
                               return a.wallMs < b.wallMs;
                           })->wallMs;
    const int rows = int(m_results.size());
    const int top = margin / 2 + titleHeight + 2;
    const int rowHeight = std::clamp((height() - top - margin) / std::max(rows, 1), fm.height() + 2, 2 * fm.height() + 8);
    const int barLeft = margin + labelWidth + 8;
    const bool anyBusy = std::any_of(m_results.cbegin(), m_results.cend(),
                                     [](const LabResult &r) { return !r.busyWarning().isEmpty(); });
    const QString widestNote = QStringLiteral("00.00 s · CPU 00.00 s · ×0.00") + (anyBusy ? tr(" · machine busy") : QString());
    const int noteWidth = fm.horizontalAdvance(widestNote) + 8;
    const int barSpan = std::max(20, width() - barLeft - margin - noteWidth);

    for (int i = 0; i < rows; ++i) {
        const LabResult &r = m_results.at(i);
        const int y = top + i * rowHeight;
        const QRect labelRect(margin, y, labelWidth, rowHeight);
        p.setPen(pal.color(QPalette::Text));
        p.drawText(labelRect, Qt::AlignRight | Qt::AlignVCenter, LabResult::modeTitle(r.mode));
        const int barWidth = maxWall > 0 ? std::max(2, int(barSpan * r.wallMs / maxWall)) : 2;
        const QRect bar(barLeft, y + rowHeight / 6, barWidth, rowHeight - rowHeight / 3);
        QColor color = modeColor(r.mode, pal);
        if (r.cancelled || !r.error.isEmpty())
            color.setAlpha(90);
        p.fillRect(bar, color);

        QString note = QStringLiteral("%1 · CPU %2").arg(JobFormat::seconds(r.wallMs), JobFormat::seconds(r.cpuMs));
        if (r.cancelled)
            note += tr(" · cancelled");
        else if (!r.error.isEmpty())
            note += tr(" · failed");
        else if (r.speedup > 0)
            note += QStringLiteral(" · ×%1").arg(r.speedup, 0, 'f', 2);
        // The panel says why beneath the charts; the bar only says which.
        const bool busy = !r.busyWarning().isEmpty();
        if (busy)
            note += tr(" · machine busy");
        QFont noteFont = font();
        noteFont.setBold(r.speedup >= 1.5 && !busy);
        p.setFont(noteFont);
        p.setPen(busy ? Theme::warningText(pal) : pal.color(QPalette::Text));
        p.drawText(QRect(bar.right() + 6, y, width() - bar.right() - 6 - margin, rowHeight),
                   Qt::AlignLeft | Qt::AlignVCenter, note);
        p.setFont(font());
    }
}
