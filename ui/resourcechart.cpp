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

QRect ResourceChart::paintNotes(QPainter &p)
{
    // The figures on the right, as the Overview words them.
    const QFontMetrics fm = fontMetrics();
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
    p.setPen(palette().color(QPalette::Text));
    int noteY = noteRect.top();
    for (const QString &note : notes) {
        p.drawText(QRect(noteRect.left(), noteY, noteRect.width(), fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(note, Qt::ElideRight, noteRect.width()));
        noteY += fm.height() + 2;
        if (note == notes.at(1))
            noteY += fm.height() / 2; // the totals, then the figures of the moment
    }
    return noteRect;
}

void ResourceChart::paintBandFrame(QPainter &p, const QRect &band, const QString &title, const QString &topLabel,
                                   int labelWidth)
{
    const QPalette pal = palette();
    const QFontMetrics fm = fontMetrics();
    p.setPen(pal.color(QPalette::Midlight));
    p.setBrush(Qt::NoBrush);
    p.drawRect(band);
    p.setPen(pal.color(QPalette::PlaceholderText));
    p.drawText(QRect(Margin, band.top() - 2, labelWidth - 4, fm.height()), Qt::AlignRight | Qt::AlignTop, topLabel);
    p.drawText(QRect(Margin, band.bottom() - fm.height() + 2, labelWidth - 4, fm.height()),
               Qt::AlignRight | Qt::AlignBottom, QStringLiteral("0"));
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(pal.color(QPalette::Text));
    p.drawText(band.adjusted(6, 2, -6, -2), Qt::AlignLeft | Qt::AlignTop, title);
    p.setFont(font());
}

void ResourceChart::paintSeries(QPainter &p, const Axes &axes, const QRect &band, const QColor &color,
                                double (*valueOf)(const ResourcePoint &), double maxValue)
{
    const QList<ResourcePoint> &points = m_resources.history;
    const int labelRoom = fontMetrics().height();
    QPainterPath path;
    bool drawing = false;
    for (const ResourcePoint &point : points) {
        const double value = valueOf(point);
        if (value < 0) {
            drawing = false; // unknown at that tick: a gap, never a zero
            continue;
        }
        const QPointF at(axes.x(point.ms), band.bottom() - value / maxValue * (band.height() - labelRoom));
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
}

void ResourceChart::paintTimeAxis(QPainter &p, const Axes &axes, int y, int height)
{
    // Seconds since the job started, at its ends and middle.
    const QFontMetrics fm = fontMetrics();
    p.setPen(palette().color(QPalette::PlaceholderText));
    for (double fraction : {0.0, 0.5, 1.0}) {
        const QString label = JobFormat::seconds((axes.endMs - axes.startMs) * fraction);
        const int w = fm.horizontalAdvance(label) + 4;
        const int x = int(axes.left + fraction * (axes.right - axes.left));
        const Qt::Alignment align = fraction == 0.0 ? Qt::AlignLeft : fraction == 1.0 ? Qt::AlignRight : Qt::AlignHCenter;
        const int boxLeft = fraction == 0.0 ? x : fraction == 1.0 ? x - w : x - w / 2;
        p.drawText(QRect(boxLeft, y, w, height), align | Qt::AlignVCenter, label);
    }
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
    const QRect noteRect = paintNotes(p);

    // Two bands, CPU above memory, over one time axis.
    const QList<ResourcePoint> &points = m_resources.history;
    const QString cpuTop = JobFormat::cpuPercent(cpuAxisTop(points));
    qint64 maxRss = 0;
    for (const ResourcePoint &point : points)
        maxRss = std::max(maxRss, point.rssKb);
    const QString memTop = JobFormat::kibibytes(std::max<qint64>(maxRss, 1));
    const int axisLabelWidth = std::max(fm.horizontalAdvance(cpuTop), fm.horizontalAdvance(memTop)) + 6;
    Axes axes;
    axes.left = Margin + axisLabelWidth;
    axes.right = noteRect.left() - Margin;
    const int axisHeight = fm.height() + 4;
    const int top = Margin;
    const int bottom = height() - Margin - axisHeight;
    if (axes.right - axes.left < 40 || bottom - top < 40)
        return;
    const int bandGap = fm.height() / 2;
    const int bandHeight = (bottom - top - bandGap) / 2;
    const QRect cpuBand(axes.left, top, axes.right - axes.left, bandHeight);
    const QRect memBand(axes.left, top + bandHeight + bandGap, axes.right - axes.left, bandHeight);
    const double lastMs = points.isEmpty() ? m_startMs : points.last().ms;
    axes.startMs = m_startMs;
    axes.endMs = std::max({m_endMs >= 0 ? m_endMs : lastMs, lastMs, m_startMs + 100});

    // Paused stretches shade both bands: nothing moved there.
    QColor shade = Theme::pausedColor(pal);
    shade.setAlpha(40);
    for (const JobProcess::PausedStretch &stretch : m_job->pausedStretches()) {
        const double x0 = axes.x(stretch.startMs);
        const double x1 = axes.x(stretch.endMs >= 0 ? stretch.endMs : axes.endMs);
        p.fillRect(QRectF(x0, cpuBand.top(), std::max(2.0, x1 - x0), memBand.bottom() - cpuBand.top()), shade);
    }

    paintBandFrame(p, cpuBand, tr("CPU %"), cpuTop, axisLabelWidth);
    paintBandFrame(p, memBand, tr("Memory (RSS)"), memTop, axisLabelWidth);
    paintSeries(p, axes, cpuBand, Theme::seriesColor(Theme::Series::Cpu, pal),
                [](const ResourcePoint &pt) { return pt.cpuPercent; }, cpuAxisTop(points));
    paintSeries(p, axes, memBand, Theme::seriesColor(Theme::Series::Memory, pal),
                [](const ResourcePoint &pt) { return double(pt.rssKb); }, double(std::max<qint64>(maxRss, 1)));
    if (points.isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(cpuBand.united(memBand), Qt::AlignCenter, tr("No sample yet"));
    }
    paintTimeAxis(p, axes, memBand.bottom() + 2, axisHeight);
}
