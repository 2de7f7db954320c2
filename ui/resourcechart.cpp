#include "resourcechart.h"

#include "jobformat.h"
#include "jobprocess.h"
#include "theme.h"

#include <QPainter>
#include <QPainterPath>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace {

constexpr int Margin = 8;

// The top of a CPU axis: 100 % (one core), or the next hundred above the
// highest point for a job that used several cores.
double cpuAxisTop(const QList<ResourcePoint> &points)
{
    double top = 100;
    for (const ResourcePoint &point : points)
        top = std::max(top, std::ceil(point.cpuPercent / 100.0) * 100.0);
    return top;
}

} // namespace

ResourceChart::ResourceChart(QWidget *parent)
    : QWidget(parent)
    , m_deferred(new QTimer(this))
{
    m_deferred->setSingleShot(true);
    connect(m_deferred, &QTimer::timeout, this, &ResourceChart::copyFromJob);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void ResourceChart::setJob(const JobProcess *job)
{
    if (job == m_job && job)
        return refresh();
    m_job = job;
    m_deferred->stop();
    copyFromJob();
}

void ResourceChart::refresh()
{
    // A job that ended has its exact figures now: show them at once.
    const bool settled = m_job && m_job->outcome().isDone();
    if (settled || !m_sinceCopy.isValid() || m_sinceCopy.elapsed() >= RefreshMs) {
        copyFromJob();
        return;
    }
    if (!m_deferred->isActive())
        m_deferred->start(int(RefreshMs - m_sinceCopy.elapsed()));
}

void ResourceChart::copyFromJob()
{
    m_sinceCopy.restart();
    if (m_job) {
        m_resources = m_job->resources();
        m_startMs = std::max(0.0, m_job->startedMs());
        m_endMs = m_job->finishedMs();
        m_paused = m_job->isPaused();
    } else {
        m_resources = JobResources();
        m_startMs = 0;
        m_endMs = -1;
        m_paused = false;
    }
    update();
}

QString ResourceChart::cpuTimeText() const
{
    return JobFormat::cpuTimeSummary(m_resources, m_endMs >= 0);
}

QString ResourceChart::peakMemoryText() const
{
    return JobFormat::peakMemorySummary(m_resources, m_endMs >= 0);
}

void ResourceChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    const QFontMetrics fm = fontMetrics();

    if (!m_job) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect().adjusted(Margin, Margin, -Margin, -Margin), Qt::AlignCenter | Qt::TextWordWrap,
                   tr("Select one job (not a group) to see its CPU and memory over time."));
        return;
    }

    // The figures on the right, as the Overview words them.
    QStringList notes{cpuTimeText(), peakMemoryText()};
    if (m_resources.cpuPercent >= 0)
        notes << tr("CPU now %1").arg(JobFormat::cpuPercent(m_resources.cpuPercent));
    if (m_resources.rssKb >= 0)
        notes << tr("Memory now %1").arg(JobFormat::kibibytes(m_resources.rssKb));
    if (m_paused)
        notes << tr("Paused (SIGSTOP)");
    notes << tr("%n sample(s)", nullptr, m_resources.samples);
    int noteWidth = 0;
    for (const QString &note : notes)
        noteWidth = std::max(noteWidth, fm.horizontalAdvance(note));
    noteWidth = std::min(noteWidth + 2 * Margin, width() / 2);
    const QRect noteRect(width() - noteWidth, Margin, noteWidth - Margin, height() - 2 * Margin);
    p.setPen(pal.color(QPalette::Text));
    int noteY = noteRect.top();
    for (const QString &note : notes) {
        p.drawText(QRect(noteRect.left(), noteY, noteRect.width(), fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(note, Qt::ElideRight, noteRect.width()));
        noteY += fm.height() + 2;
        if (note == notes.at(1))
            noteY += fm.height() / 2; // the totals, then the figures of the moment
    }

    // Two bands, CPU above memory, over one time axis.
    const QList<ResourcePoint> &points = m_resources.history;
    const QString cpuTop = JobFormat::cpuPercent(cpuAxisTop(points));
    qint64 maxRss = 0;
    for (const ResourcePoint &point : points)
        maxRss = std::max(maxRss, point.rssKb);
    const QString memTop = JobFormat::kibibytes(std::max<qint64>(maxRss, 1));
    const int axisLabelWidth = std::max(fm.horizontalAdvance(cpuTop), fm.horizontalAdvance(memTop)) + 6;
    const int left = Margin + axisLabelWidth;
    const int right = noteRect.left() - Margin;
    const int axisHeight = fm.height() + 4;
    const int top = Margin;
    const int bottom = height() - Margin - axisHeight;
    if (right - left < 40 || bottom - top < 40)
        return;
    const int bandGap = fm.height() / 2;
    const int bandHeight = (bottom - top - bandGap) / 2;
    const QRect cpuBand(left, top, right - left, bandHeight);
    const QRect memBand(left, top + bandHeight + bandGap, right - left, bandHeight);

    const double lastMs = points.isEmpty() ? m_startMs : points.last().ms;
    const double endMs = std::max({m_endMs >= 0 ? m_endMs : lastMs, lastMs, m_startMs + 100});
    const double spanMs = endMs - m_startMs;
    auto xOf = [&](double ms) { return left + (ms - m_startMs) / spanMs * (right - left); };

    const QColor grid = pal.color(QPalette::Midlight);
    auto frameBand = [&](const QRect &band, const QString &title, const QString &topLabel) {
        p.setPen(grid);
        p.setBrush(Qt::NoBrush);
        p.drawRect(band);
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(QRect(Margin, band.top() - 2, axisLabelWidth - 4, fm.height()), Qt::AlignRight | Qt::AlignTop, topLabel);
        p.drawText(QRect(Margin, band.bottom() - fm.height() + 2, axisLabelWidth - 4, fm.height()),
                   Qt::AlignRight | Qt::AlignBottom, QStringLiteral("0"));
        QFont bold = font();
        bold.setBold(true);
        p.setFont(bold);
        p.setPen(pal.color(QPalette::Text));
        p.drawText(band.adjusted(6, 2, -6, -2), Qt::AlignLeft | Qt::AlignTop, title);
        p.setFont(font());
    };

    // Paused stretches shade both bands: nothing moved there.
    if (m_job) {
        QColor shade = Theme::pausedColor(pal);
        shade.setAlpha(40);
        for (const JobProcess::PausedStretch &stretch : m_job->pausedStretches()) {
            const double x0 = xOf(stretch.startMs);
            const double x1 = xOf(stretch.endMs >= 0 ? stretch.endMs : endMs);
            p.fillRect(QRectF(x0, cpuBand.top(), std::max(2.0, x1 - x0), memBand.bottom() - cpuBand.top()), shade);
        }
    }

    frameBand(cpuBand, tr("CPU %"), cpuTop);
    frameBand(memBand, tr("Memory (RSS)"), memTop);

    auto plot = [&](const QRect &band, const QColor &color, auto valueOf, double maxValue) {
        QPainterPath path;
        bool drawing = false;
        for (const ResourcePoint &point : points) {
            const double value = valueOf(point);
            if (value < 0) {
                drawing = false; // unknown at that tick: a gap, never a zero
                continue;
            }
            const QPointF at(xOf(point.ms), band.bottom() - value / maxValue * (band.height() - fm.height()));
            if (drawing)
                path.lineTo(at);
            else
                path.moveTo(at);
            drawing = true;
        }
        p.setPen(QPen(color, 2));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        // One point draws no line: show it as a dot.
        if (points.size() == 1 && valueOf(points.first()) >= 0) {
            p.setBrush(color);
            p.drawEllipse(path.currentPosition(), 2.5, 2.5);
        }
    };
    plot(cpuBand, Theme::seriesColor(Theme::Series::Cpu, pal), [](const ResourcePoint &pt) { return pt.cpuPercent; },
         cpuAxisTop(points));
    plot(memBand, Theme::seriesColor(Theme::Series::Memory, pal),
         [](const ResourcePoint &pt) { return double(pt.rssKb); }, double(std::max<qint64>(maxRss, 1)));

    if (points.isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(cpuBand.united(memBand), Qt::AlignCenter, tr("No sample yet"));
    }

    // Time axis: seconds since the job started, at its ends and middle.
    p.setPen(pal.color(QPalette::PlaceholderText));
    const int axisY = memBand.bottom() + 2;
    for (double fraction : {0.0, 0.5, 1.0}) {
        const QString label = JobFormat::seconds(spanMs * fraction);
        const int w = fm.horizontalAdvance(label) + 4;
        const int x = int(left + fraction * (right - left));
        const Qt::Alignment align = fraction == 0.0 ? Qt::AlignLeft : fraction == 1.0 ? Qt::AlignRight : Qt::AlignHCenter;
        const int boxLeft = fraction == 0.0 ? x : fraction == 1.0 ? x - w : x - w / 2;
        p.drawText(QRect(boxLeft, axisY, w, axisHeight), align | Qt::AlignVCenter, label);
    }
}
