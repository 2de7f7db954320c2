#include "timelineview.h"

#include "jobformat.h"
#include "theme.h"
#include "timelinemodel.h"
#include "unixsignals.h"

#include <QApplication>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QTimer>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace {

constexpr int LabelMargin = 8;
constexpr double MinExtentMs = 100;
constexpr double MaxPxPerMs = 200;   // 5 µs per pixel
constexpr double ZoomStep = 1.25;

// Fill colours of the bars: the table's state colours, so a colour means
// the same in both places.
QColor barColor(const TimelineLane &lane, const QPalette &palette)
{
    if (lane.isRunning())
        return Theme::stateColor(JobOutcome::State::Running, false, palette);
    return Theme::stateColor(lane.outcome.state, lane.outcome.isSuccess(), palette);
}

// TERM is a request to stop, in the stopped jobs' colour; KILL cannot be
// refused, in the failed jobs' colour.
QColor termColor(const QPalette &palette)
{
    return Theme::stateColor(JobOutcome::State::Killed, false, palette);
}

QColor killColor(const QPalette &palette)
{
    return Theme::stateColor(JobOutcome::State::Crashed, false, palette);
}

// 1, 2 or 5 × 10^k ms, so that labels are at least minPx apart.
double niceStep(double pxPerMs, double minPx)
{
    const double raw = minPx / pxPerMs;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        if (m * magnitude >= raw)
            return m * magnitude;
    }
    return 10 * magnitude;
}

// Milliseconds for short spans; seconds once the axis reaches a second in
// steps of at least 100 ms.
QString axisLabel(double ms, double step, double axisEndMs)
{
    if (step >= 100 && axisEndMs >= 1000)
        return QObject::tr("%1 s").arg(ms / 1000.0, 0, 'f', step >= 1000 ? 0 : 1);
    if (step >= 1)
        return QObject::tr("%1 ms").arg(ms, 0, 'f', 0);
    return QObject::tr("%1 ms").arg(ms, 0, 'f', step >= 0.1 ? 1 : 2);
}

QString exitLabel(const TimelineLane &lane)
{
    if (lane.outcome.signal)
        return UnixSignals::name(lane.outcome.signal);
    if (lane.outcome.state == JobOutcome::State::FailedToStart)
        return QObject::tr("not started");
    if (lane.outcome.exitCode >= 0)
        return QObject::tr("exit %1").arg(lane.outcome.exitCode);
    return QString();
}

} // namespace

TimelineView::TimelineView(TimelineModel *model, QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_model(model)
    , m_animation(new QTimer(this))
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    viewport()->setMouseTracking(true);
    viewport()->setBackgroundRole(QPalette::Base);
    viewport()->setAutoFillBackground(true);
    horizontalScrollBar()->setSingleStep(20);
    verticalScrollBar()->setSingleStep(20);
    setToolTip(QString()); // per lane, from viewportEvent
    m_animation->setInterval(33);
    connect(m_animation, &QTimer::timeout, this, [this] {
        if (!m_model->isLive())
            m_animation->stop();
        updateScrollBars();
        viewport()->update();
    });
    connect(m_model, &TimelineModel::changed, this, &TimelineView::onModelChanged);
    onModelChanged();
}

void TimelineView::setColourByCpu(bool on)
{
    if (on == m_colourByCpu)
        return;
    m_colourByCpu = on;
    viewport()->update();
}

QSize TimelineView::sizeHint() const
{
    return {800, 400};
}

void TimelineView::onModelChanged()
{
    layoutRows();
    // The selected run was cleared away: Fit goes back to everything.
    if (m_selectedId != 0 && selectedGroup() < 0)
        select(-1, -1);
    if (m_model->isLive() && !m_animation->isActive())
        m_animation->start();
    updateScrollBars();
    viewport()->update();
}

void TimelineView::layoutRows()
{
    const int line = fontMetrics().height();
    const int headerHeight = line + 12;
    const int laneHeight = line + 6;
    const int memberHeight = line + 1;
    int y = line + 14; // below the axis
    m_rows.clear();
    for (int g = 0; g < m_model->groupCount(); ++g) {
        const TimelineGroup &group = m_model->group(g);
        const qsizetype header = m_rows.size();
        m_rows.append(Row{g, -1, y, headerHeight});
        y += headerHeight;
        for (int l = 0; l < group.lanes.size(); ++l) {
            // A little air between chains, so each pipeline reads as a unit.
            if (group.stages > 1 && l > 0 && group.lanes.at(l).stage == 0)
                y += 6;
            m_rows.append(Row{g, l, y, laneHeight});
            y += laneHeight + 2;
            const QList<TimelineLane> &family = group.family.value(l);
            const int familyRow = int(m_rows.size());
            for (int m = 0; m < family.size(); ++m) {
                Row member{g, l, y, memberHeight};
                member.member = m;
                member.familyRow = familyRow;
                m_rows.append(member);
                y += memberHeight + 1;
            }
        }
        m_rows[header].groupBottom = m_rows.last().y + m_rows.last().height;
        y += 8;
    }
    m_contentHeight = y;
}

double TimelineView::extentMs() const
{
    double extent = MinExtentMs;
    for (int g = 0; g < m_model->groupCount(); ++g) {
        const TimelineGroup &group = m_model->group(g);
        extent = std::max(extent, group.extentMs(m_model->nowMs(g)));
        extent = std::max(extent, group.timeoutSec * 1000.0);
    }
    return extent;
}

std::pair<double, double> TimelineView::visibleMs() const
{
    return {xToMs(chartLeft()), xToMs(chartLeft() + chartWidth())};
}

int TimelineView::selectedGroup() const
{
    if (m_selectedId == 0)
        return -1;
    const int count = m_model->groupCount();
    if (m_selectedGroup >= 0 && m_selectedGroup < count && m_model->group(m_selectedGroup).id == m_selectedId)
        return m_selectedGroup;
    m_selectedGroup = -1;
    for (int g = 0; g < count; ++g) {
        if (m_model->group(g).id == m_selectedId) {
            m_selectedGroup = g;
            break;
        }
    }
    return m_selectedGroup;
}

quint64 TimelineView::selectedRunId() const
{
    const int g = selectedGroup();
    return g >= 0 && m_model->group(g).kind == TimelineGroup::Kind::Run ? m_model->group(g).runId : 0;
}

QString TimelineView::selectedTitle() const
{
    const int g = selectedGroup();
    return g >= 0 ? m_model->group(g).title : QString();
}

void TimelineView::selectJob(quint64 runId, int jobIndex)
{
    const int g = runId != 0 ? m_model->groupOfRun(runId) : -1;
    const bool hasLane = g >= 0 && jobIndex >= 0 && jobIndex < m_model->group(g).lanes.size();
    select(g, hasLane ? jobIndex : -1);
}

void TimelineView::select(int group, int lane)
{
    const quint64 id = group >= 0 ? m_model->group(group).id : 0;
    if (id == m_selectedId && lane == m_selectedLane)
        return;
    m_selectedId = id;
    m_selectedGroup = group;
    m_selectedLane = id != 0 ? lane : -1;
    if (m_fitMode == FitMode::SelectedRun) {
        if (id == 0)
            setFitMode(FitMode::All);
        updateScrollBars();
    }
    viewport()->update();
    emit selectionChanged();
}

QRect TimelineView::barRect(quint64 runId, int jobIndex) const
{
    const int g = m_model->groupOfRun(runId);
    if (g < 0 || jobIndex < 0 || jobIndex >= m_model->group(g).lanes.size())
        return {};
    const TimelineLane &lane = m_model->group(g).lanes.at(jobIndex);
    if (lane.startMs < 0)
        return {};
    for (const Row &row : m_rows) {
        if (row.group != g || row.lane != jobIndex || row.member >= 0)
            continue;
        // As paintLane draws it: from the start to the end (or now), 2 px at least.
        const double end = lane.endMs >= 0 ? lane.endMs : m_model->nowMs(g);
        const int x0 = msToX(lane.startMs);
        const int x1 = std::max(x0 + 2, msToX(end));
        return QRect(x0, row.y - verticalScrollBar()->value() + 2, x1 - x0, row.height - 4);
    }
    return {};
}

int TimelineView::axisHeight() const
{
    return fontMetrics().height() + 14;
}

int TimelineView::chartLeft() const
{
    return std::min(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 16, viewport()->width() / 3);
}

int TimelineView::chartWidth() const
{
    // Room on the right for the last bar's exit label.
    return std::max(50, viewport()->width() - chartLeft() - fontMetrics().horizontalAdvance(QStringLiteral("SIGKILL  ")));
}

double TimelineView::xToMs(int x) const
{
    return m_offsetMs + (x - chartLeft()) / m_pxPerMs;
}

int TimelineView::msToX(double ms) const
{
    return chartLeft() + int(std::lround((ms - m_offsetMs) * m_pxPerMs));
}

void TimelineView::updateScrollBars()
{
    const double extent = extentMs();
    const int selected = selectedGroup();
    if (m_fitMode == FitMode::All || (m_fitMode == FitMode::SelectedRun && selected < 0)) {
        m_pxPerMs = chartWidth() / (extent * 1.02);
        m_offsetMs = 0;
    } else if (m_fitMode == FitMode::SelectedRun) {
        // Every group counts from its own start, so the run spans 0 to its
        // last lane's end (or now); its timeout is left out, or a short run
        // with a long timeout would be a sliver again.
        const double span = std::max(1.0, m_model->group(selected).extentMs(m_model->nowMs(selected)));
        m_pxPerMs = std::min(MaxPxPerMs, chartWidth() / (span * 1.02));
        m_offsetMs = 0;
    }
    const double totalPx = extent * 1.02 * m_pxPerMs;
    QScrollBar *h = horizontalScrollBar();
    {
        const QSignalBlocker block(h);
        h->setRange(0, std::max(0, int(totalPx) - chartWidth()));
        h->setPageStep(chartWidth());
        h->setValue(int(m_offsetMs * m_pxPerMs));
    }
    QScrollBar *v = verticalScrollBar();
    v->setRange(0, std::max(0, m_contentHeight - viewport()->height()));
    v->setPageStep(viewport()->height());
}

void TimelineView::setFitMode(FitMode mode)
{
    if (m_fitMode == mode)
        return;
    m_fitMode = mode;
    emit fitModeChanged(mode);
}

void TimelineView::fit()
{
    if (hasSelection())
        fitSelectedRun();
    else
        fitAll();
}

void TimelineView::fitAll()
{
    setFitMode(FitMode::All);
    updateScrollBars();
    viewport()->update();
}

void TimelineView::fitSelectedRun()
{
    if (!hasSelection())
        return;
    // The table may have selected a run whose group the view has not laid out yet.
    layoutRows();
    setFitMode(FitMode::SelectedRun);
    updateScrollBars();
    scrollToSelection();
    viewport()->update();
}

void TimelineView::scrollToSelection()
{
    const int g = selectedGroup();
    const auto header = std::find_if(m_rows.cbegin(), m_rows.cend(),
                                     [g](const Row &row) { return row.group == g && row.lane < 0; });
    if (header == m_rows.cend())
        return;
    const int axisHeight = this->axisHeight();
    QScrollBar *v = verticalScrollBar();
    const int visibleTop = v->value() + axisHeight;
    const int visibleBottom = v->value() + viewport()->height();
    if (header->y >= visibleTop && header->groupBottom <= visibleBottom)
        return;
    // The header just under the axis; for a long run, far enough down that
    // the selected lane shows too.
    int top = header->y - axisHeight;
    const auto lane = std::find_if(header, m_rows.cend(), [this, g](const Row &row) {
        return row.group == g && row.lane == m_selectedLane && row.member < 0;
    });
    if (m_selectedLane >= 0 && lane != m_rows.cend())
        top = std::max(top, lane->y + lane->height - viewport()->height());
    v->setValue(top);
}

void TimelineView::zoomIn()
{
    zoomAround(ZoomStep, chartLeft() + chartWidth() / 2);
}

void TimelineView::zoomOut()
{
    zoomAround(1 / ZoomStep, chartLeft() + chartWidth() / 2);
}

void TimelineView::zoomAround(double factor, int viewportX)
{
    const double anchorMs = xToMs(viewportX);
    const double fitPx = chartWidth() / (extentMs() * 1.02);
    const double pxPerMs = std::clamp(m_pxPerMs * factor, fitPx, MaxPxPerMs);
    if (pxPerMs <= fitPx * 1.0001) {
        fitAll();
        return;
    }
    setFitMode(FitMode::None);
    m_pxPerMs = pxPerMs;
    m_offsetMs = std::max(0.0, anchorMs - (viewportX - chartLeft()) / m_pxPerMs);
    updateScrollBars();
    m_offsetMs = horizontalScrollBar()->value() / m_pxPerMs;
    viewport()->update();
}

void TimelineView::scrollContentsBy(int dx, int)
{
    // The view's own moves are made with the bar's signals blocked: this is
    // a pan by hand (the bar, a drag, Shift+wheel), which ends a run's fit.
    if (dx != 0 && m_fitMode == FitMode::SelectedRun)
        setFitMode(FitMode::None);
    if (m_fitMode == FitMode::None)
        m_offsetMs = horizontalScrollBar()->value() / m_pxPerMs;
    viewport()->update();
}

void TimelineView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void TimelineView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const double steps = event->angleDelta().y() / 120.0;
        zoomAround(std::pow(ZoomStep, steps), int(event->position().x()));
        event->accept();
        return;
    }
    if (event->modifiers() & Qt::ShiftModifier) {
        QScrollBar *h = horizontalScrollBar();
        h->setValue(h->value() - event->angleDelta().y());
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        m_pressPos = event->pos();
        m_dragStart = event->pos();
        m_dragOffsetMs = m_offsetMs;
    }
    QAbstractScrollArea::mousePressEvent(event);
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    // A drag pans once it is more than a click's wobble; fitting everything
    // leaves nothing to pan.
    if (!m_dragging && (event->buttons() & Qt::LeftButton) && m_fitMode != FitMode::All
        && (event->pos() - m_pressPos).manhattanLength() >= QApplication::startDragDistance()) {
        m_dragging = true;
        viewport()->setCursor(Qt::ClosedHandCursor);
    }
    if (m_dragging) {
        const double ms = m_dragOffsetMs - (event->pos().x() - m_dragStart.x()) / m_pxPerMs;
        horizontalScrollBar()->setValue(int(std::max(0.0, ms) * m_pxPerMs));
        verticalScrollBar()->setValue(verticalScrollBar()->value() - (event->pos().y() - m_dragStart.y()));
        m_dragStart.setY(event->pos().y());
    }
    QAbstractScrollArea::mouseMoveEvent(event);
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_dragging) {
        m_dragging = false;
        viewport()->unsetCursor();
    } else if (event->button() == Qt::LeftButton && event->pos().y() >= axisHeight()
               && (event->pos() - m_pressPos).manhattanLength() < QApplication::startDragDistance()) {
        // A click selects the run under it, and the lane (a member's job's);
        // a click on no run selects none, so Fit shows everything.
        const Row *row = rowAt(event->pos().y());
        select(row ? row->group : -1, row ? row->lane : -1);
    }
    QAbstractScrollArea::mouseReleaseEvent(event);
}

void TimelineView::keyPressEvent(QKeyEvent *event)
{
    // Letters only bare, so that Ctrl+A and the like stay the window's.
    const bool bare = (event->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier;
    if (bare && event->key() == Qt::Key_F) {
        fitSelectedRun();
        return;
    }
    if (bare && event->key() == Qt::Key_A) {
        fitAll();
        return;
    }
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        return;
    case Qt::Key_Minus:
        zoomOut();
        return;
    case Qt::Key_0:
        fit();
        return;
    case Qt::Key_Left:
        horizontalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepSub);
        return;
    case Qt::Key_Right:
        horizontalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepAdd);
        return;
    default:
        QAbstractScrollArea::keyPressEvent(event);
    }
}

const TimelineView::Row *TimelineView::rowAt(int viewportY) const
{
    const int y = viewportY + verticalScrollBar()->value();
    for (const Row &row : m_rows) {
        if (y >= row.y && y < row.y + row.height)
            return &row;
    }
    return nullptr;
}

QString TimelineView::laneToolTip(int groupIndex, int laneIndex, double atMs) const
{
    const TimelineGroup &group = m_model->group(groupIndex);
    const TimelineLane &lane = group.lanes.at(laneIndex);
    QStringList lines;
    const double now = m_model->nowMs(groupIndex);
    for (const TimelineLane::Segment &stretch : lane.paused) {
        const double end = stretch.endMs >= 0 ? stretch.endMs : now;
        if (atMs >= stretch.startMs && atMs <= end) {
            lines << tr("<b>Paused</b> from %1 to %2 (SIGSTOP): it used no CPU, but its timeout kept counting")
                         .arg(JobFormat::seconds(stretch.startMs),
                              stretch.endMs >= 0 ? JobFormat::seconds(stretch.endMs) : tr("now"));
        }
    }
    lines << QStringLiteral("<b>%1</b> — %2").arg(lane.label.toHtmlEscaped(), group.title.toHtmlEscaped());
    if (group.kind == TimelineGroup::Kind::Run)
        lines << QStringLiteral("<code>%1</code>").arg(lane.command.toHtmlEscaped());
    if (lane.pid > 0)
        lines << tr("PID %1").arg(lane.pid);
    if (lane.startMs < 0) {
        lines << tr("Queued: waiting for a free slot.");
        return lines.join(QStringLiteral("<br>"));
    }
    lines << tr("Started at %1").arg(JobFormat::seconds(lane.startMs));
    if (lane.termMs >= 0)
        lines << tr("SIGTERM sent at %1").arg(JobFormat::seconds(lane.termMs));
    if (lane.killMs >= 0)
        lines << tr("SIGKILL sent at %1").arg(JobFormat::seconds(lane.killMs));
    if (!lane.pollMs.isEmpty())
        lines << tr("poll() checked it %n time(s) while it ran", nullptr, int(lane.pollMs.size()));
    if (group.kind == TimelineGroup::Kind::Lab && lane.segments.size() > 1)
        lines << tr("Ran in %n turn(s) with the lock", nullptr, int(lane.segments.size()));
    if (!lane.paused.isEmpty())
        lines << tr("Paused %n time(s) (hatched)", nullptr, int(lane.paused.size()));
    if (lane.endMs >= 0) {
        lines << tr("Ended at %1, after %2").arg(JobFormat::seconds(lane.endMs), JobFormat::seconds(lane.endMs - lane.startMs));
        if (group.kind == TimelineGroup::Kind::Run)
            lines << lane.outcome.explanation(lane.timeoutSec, lane.graceSec).toHtmlEscaped();
    } else {
        lines << tr("Still running.");
    }
    return lines.join(QStringLiteral("<br>"));
}

bool TimelineView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const Row *row = rowAt(help->pos().y());
        if (row && row->member >= 0)
            QToolTip::showText(help->globalPos(), memberToolTip(*row), viewport());
        else if (row && row->lane >= 0)
            QToolTip::showText(help->globalPos(), laneToolTip(row->group, row->lane, xToMs(help->pos().x())), viewport());
        else
            QToolTip::hideText();
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void TimelineView::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    const int scrollY = verticalScrollBar()->value();
    const int axisHeight = this->axisHeight();

    if (m_model->groupCount() == 0) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(viewport()->rect().adjusted(24, 24, -24, -24), Qt::AlignCenter | Qt::TextWordWrap,
                         tr("Run a preset and every child process gets a lane here: when it started, when it was "
                            "sent SIGTERM or SIGKILL, when it exited, and each poll().\n\n"
                            "Ctrl+wheel or +/- zooms, drag pans, 0 fits everything."));
        return;
    }

    // Grid lines first, under the bars.
    const double step = niceStep(m_pxPerMs, fontMetrics().horizontalAdvance(QStringLiteral("0000 ms")) + 24);
    QColor grid = pal.color(QPalette::Text);
    grid.setAlpha(28);
    painter.setPen(grid);
    const double firstTick = std::ceil(m_offsetMs / step) * step;
    for (double t = firstTick; msToX(t) <= chartLeft() + chartWidth(); t += step)
        painter.drawLine(msToX(t), axisHeight, msToX(t), viewport()->height());

    painter.setClipRect(0, axisHeight, viewport()->width(), viewport()->height() - axisHeight);
    for (const Row &row : std::as_const(m_rows)) {
        const int y = row.y - scrollY;
        if (y + row.height < axisHeight || y > viewport()->height())
            continue;
        if (row.lane < 0)
            paintHeader(painter, row, y);
        else if (row.member >= 0)
            paintMember(painter, row, y);
        else
            paintLane(painter, row, y);
    }
    paintPipes(painter, scrollY);
    painter.setClipping(false);
    paintAxis(painter, 0);
}

void TimelineView::paintAxis(QPainter &painter, int top)
{
    const QPalette &pal = palette();
    const int height = axisHeight();
    painter.fillRect(QRect(0, top, viewport()->width(), height), pal.color(QPalette::AlternateBase));
    painter.setPen(pal.color(QPalette::Mid));
    painter.drawLine(0, top + height - 1, viewport()->width(), top + height - 1);

    const double step = niceStep(m_pxPerMs, fontMetrics().horizontalAdvance(QStringLiteral("0000 ms")) + 24);
    painter.setPen(pal.color(QPalette::Text));
    const double firstTick = std::ceil(m_offsetMs / step) * step;
    for (double t = firstTick; msToX(t) <= chartLeft() + chartWidth(); t += step) {
        const int x = msToX(t);
        painter.drawLine(x, top + height - 6, x, top + height - 1);
        const QString label = axisLabel(t, step, xToMs(chartLeft() + chartWidth()));
        const int w = fontMetrics().horizontalAdvance(label);
        // The first label starts at the axis' origin rather than straddling it.
        const int left = std::max(chartLeft(), x - w / 2 - 2);
        painter.drawText(QRect(left, top + 3, w + 4, height - 9), Qt::AlignCenter, label);
    }
    painter.setPen(pal.color(QPalette::PlaceholderText));
    const int room = chartLeft() - 2 * LabelMargin;
    painter.drawText(QRect(LabelMargin, top + 3, room, height - 9), Qt::AlignLeft | Qt::AlignVCenter,
                     fontMetrics().elidedText(tr("since the run started"), Qt::ElideRight, room));
}

void TimelineView::paintHeader(QPainter &painter, const Row &row, int y)
{
    const QPalette &pal = palette();
    const TimelineGroup &group = m_model->group(row.group);
    const bool selected = row.group == selectedGroup();
    QColor band = pal.color(QPalette::Highlight);
    band.setAlpha(selected ? (Theme::isDark(pal) ? 130 : 80) : (Theme::isDark(pal) ? 60 : 30));
    painter.fillRect(QRect(0, y + 2, viewport()->width(), row.height - 4), band);
    // The selected run: what Fit zooms to.
    if (selected)
        painter.fillRect(QRect(0, y + 2, 4, row.groupBottom - row.y - 2), pal.color(QPalette::Highlight));
    QFont bold = font();
    bold.setBold(true);
    painter.setFont(bold);
    painter.setPen(pal.color(QPalette::Text));
    const double extent = group.extentMs(m_model->nowMs(row.group));
    QString text = group.title;
    if (!group.isRunning() && extent > 0)
        text = tr("%1 — wall %2").arg(group.title, JobFormat::seconds(extent));
    painter.drawText(QRect(LabelMargin, y, viewport()->width() - 2 * LabelMargin, row.height),
                     Qt::AlignLeft | Qt::AlignVCenter, QFontMetrics(bold).elidedText(text, Qt::ElideRight,
                                                                                      viewport()->width() - 2 * LabelMargin));
    painter.setFont(font());

    // The run's timeout, as a dashed line through its lanes.
    if (group.timeoutSec > 0) {
        const int x = msToX(group.timeoutSec * 1000.0);
        const int bottom = row.groupBottom - row.y + y;
        QPen pen(termColor(pal), 1, Qt::DashLine);
        painter.setPen(pen);
        painter.drawLine(x, y + row.height, x, bottom);
        const QString label = tr("timeout %1").arg(JobFormat::seconds(group.timeoutSec * 1000.0));
        painter.drawText(QRect(x + 4, y, fontMetrics().horizontalAdvance(label) + 4, row.height),
                         Qt::AlignLeft | Qt::AlignVCenter, label);
    }
}

void TimelineView::paintLane(QPainter &painter, const Row &row, int y)
{
    const QPalette &pal = palette();
    const TimelineGroup &group = m_model->group(row.group);
    const TimelineLane &lane = group.lanes.at(row.lane);
    if (row.lane == m_selectedLane && row.group == selectedGroup()) {
        QColor band = pal.color(QPalette::Highlight);
        band.setAlpha(Theme::isDark(pal) ? 70 : 40);
        painter.fillRect(QRect(0, y - 1, viewport()->width(), row.height + 2), band);
    }
    paintLaneLabel(painter, group, lane, y, row.height);
    if (lane.startMs < 0) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(QRect(chartLeft() + 4, y, chartWidth(), row.height), Qt::AlignLeft | Qt::AlignVCenter,
                         tr("queued"));
        return;
    }

    painter.save();
    painter.setClipRect(chartLeft(), y - 2, viewport()->width() - chartLeft(), row.height + 4);
    const QRect bar(0, y + 2, 0, row.height - 4); // only its top and height
    const int barEnd = paintLaneBar(painter, lane, m_model->nowMs(row.group), bar);
    paintPolls(painter, lane, bar);
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    small.setBold(true);
    painter.setFont(small);
    const QFontMetrics smallFm(small);
    if (lane.termMs >= 0)
        paintSignalMarker(painter, lane.termMs, termColor(pal), QStringLiteral("TERM"), y, row.height, smallFm);
    if (lane.killMs >= 0)
        paintSignalMarker(painter, lane.killMs, killColor(pal), QStringLiteral("KILL"), y, row.height, smallFm);
    if (lane.endMs >= 0)
        paintEnd(painter, lane, barEnd, y, row.height, 4, smallFm, group.kind == TimelineGroup::Kind::Run);
    painter.restore();
}

void TimelineView::paintLaneLabel(QPainter &painter, const TimelineGroup &group, const TimelineLane &lane, int y,
                                  int height)
{
    // The label column; a chain's stages share a bracket.
    const QPalette &pal = palette();
    int labelX = LabelMargin;
    if (group.stages > 1) {
        painter.setPen(QPen(pal.color(QPalette::Mid), 2));
        const int bx = LabelMargin + 2;
        const bool first = lane.stage == 0;
        const bool last = lane.stage == group.stages - 1;
        painter.drawLine(bx, first ? y + height / 2 : y - 2, bx, last ? y + height / 2 : y + height);
        painter.drawLine(bx, y + height / 2, bx + 5, y + height / 2);
        labelX += 10;
    }
    painter.setPen(lane.startMs < 0 ? pal.color(QPalette::PlaceholderText) : pal.color(QPalette::Text));
    QString label = lane.label;
    if (group.kind == TimelineGroup::Kind::Run) {
        const QString program = lane.command.section(QLatin1Char(' '), 0, 0).section(QLatin1Char('/'), -1);
        // In a chain the bracket shows the stages; the program names them.
        label = group.stages > 1 ? tr("chain %1 · %2").arg(lane.chain + 1).arg(program)
                                 : tr("%1 · %2").arg(lane.label, program);
    }
    const int width = chartLeft() - labelX - LabelMargin;
    painter.drawText(QRect(labelX, y, width, height), Qt::AlignLeft | Qt::AlignVCenter,
                     fontMetrics().elidedText(label, Qt::ElideRight, width));
}

int TimelineView::paintLaneBar(QPainter &painter, const TimelineLane &lane, double now, const QRect &bar)
{
    const QPalette &pal = palette();
    const QColor fill = barColor(lane, pal);
    const int barTop = bar.top();
    const int barHeight = bar.height();
    int barEnd = msToX(lane.startMs);
    // Colour by CPU: 0 % is the state colour's light tint, 100 % its full tone.
    const bool byCpu = m_colourByCpu && !lane.cpu.isEmpty();
    const QColor tint = Theme::mix(pal.color(QPalette::Base), fill, 0.22);
    for (const TimelineLane::Segment &segment : lane.segments) {
        const int x0 = msToX(segment.startMs);
        const int x1 = std::max(x0 + 2, msToX(segment.endMs >= 0 ? segment.endMs : now));
        QPainterPath path;
        path.addRoundedRect(QRectF(x0, barTop, x1 - x0, barHeight), 3, 3);
        if (!byCpu) {
            painter.fillPath(path, fill);
        } else {
            // Each sample's CPU % covers the interval that ends at it; before
            // the first sample nothing is known, so the tint.
            painter.fillPath(path, tint);
            painter.save();
            painter.setClipPath(path, Qt::IntersectClip);
            double from = segment.startMs;
            for (const TimelineLane::CpuPoint &point : lane.cpu) {
                if (point.ms <= from)
                    continue;
                const int sx0 = msToX(from);
                const int sx1 = std::max(sx0 + 1, msToX(point.ms));
                const double level = std::clamp(point.cpuPercent / 100.0, 0.0, 1.0);
                painter.fillRect(QRect(sx0, barTop, sx1 - sx0, barHeight), Theme::mix(tint, fill, level));
                from = point.ms;
            }
            painter.restore();
        }
        barEnd = std::max(barEnd, x1);
    }
    // Paused: hatched over a muted band, whatever the colouring.
    for (const TimelineLane::Segment &stretch : lane.paused) {
        const int x0 = msToX(stretch.startMs);
        const int x1 = std::max(x0 + 3, msToX(stretch.endMs >= 0 ? stretch.endMs : now));
        const QRect band(x0, barTop, x1 - x0, barHeight);
        const QColor paused = Theme::pausedColor(pal);
        painter.fillRect(band, Theme::mix(pal.color(QPalette::Base), paused, 0.25));
        painter.fillRect(band, QBrush(paused, Qt::BDiagPattern));
    }
    paintStartEdge(painter, lane, bar);
    return barEnd;
}

void TimelineView::paintStartEdge(QPainter &painter, const TimelineLane &lane, const QRect &bar)
{
    // A darker edge where the child began (a member: where it was forked).
    painter.fillRect(QRect(msToX(lane.startMs), bar.top(), 2, bar.height()), barColor(lane, palette()).darker(160));
}

void TimelineView::paintPolls(QPainter &painter, const TimelineLane &lane, const QRect &bar)
{
    // poll(): a notch through the bar and a tick under it at each check.
    const QPalette &pal = palette();
    for (double ms : lane.pollMs) {
        const int x = msToX(ms);
        painter.setPen(QPen(pal.color(QPalette::Base), 2));
        painter.drawLine(x, bar.top(), x, bar.top() + bar.height());
        painter.setPen(QPen(pal.color(QPalette::Text), 1.5));
        painter.drawLine(x, bar.top() + bar.height() - 3, x, bar.top() + bar.height() + 2);
    }
}

void TimelineView::paintSignalMarker(QPainter &painter, double ms, const QColor &color, const QString &text, int y,
                                     int height, const QFontMetrics &fm)
{
    const int x = msToX(ms);
    painter.setPen(QPen(color, 2));
    painter.drawLine(x, y - 1, x, y + height + 1);
    const int w = fm.horizontalAdvance(text) + 6;
    // Left of the line: the exit label takes the right of the bar's end.
    const QRect box(x - w - 3, y + (height - fm.height()) / 2, w, fm.height());
    painter.fillRect(box, palette().color(QPalette::Base));
    painter.setPen(color);
    painter.drawText(box, Qt::AlignCenter, text);
}

void TimelineView::paintEnd(QPainter &painter, const TimelineLane &lane, int x, int y, int height, int radius,
                            const QFontMetrics &fm, bool labelled)
{
    // A dot at the end and, when labelled, what it exited with.
    painter.setPen(Qt::NoPen);
    painter.setBrush(barColor(lane, palette()).darker(150));
    painter.drawEllipse(QPoint(x, y + height / 2), radius, radius);
    if (!labelled)
        return;
    const QString text = exitLabel(lane);
    painter.setPen(palette().color(QPalette::Text));
    painter.drawText(QRect(x + radius + 3, y, fm.horizontalAdvance(text) + 8, height), Qt::AlignLeft | Qt::AlignVCenter,
                     text);
}

const TimelineLane &TimelineView::memberLane(const Row &row) const
{
    return m_model->group(row.group).family.at(row.lane).at(row.member);
}

QString TimelineView::memberToolTip(const Row &row) const
{
    const TimelineLane &lane = memberLane(row);
    QStringList lines;
    lines << tr("<b>%1</b> — PID %2, watched").arg(lane.label.trimmed().toHtmlEscaped()).arg(lane.pid);
    lines << QStringLiteral("<code>%1</code>").arg(lane.command.toHtmlEscaped());
    lines << tr("Forked at %1").arg(JobFormat::seconds(lane.startMs));
    for (double ms : lane.execMs)
        lines << tr("exec at %1").arg(JobFormat::seconds(ms));
    if (lane.outcome.state != JobOutcome::State::Running && lane.endMs >= 0) {
        lines << tr("Ended at %1, after %2: %3")
                     .arg(JobFormat::seconds(lane.endMs), JobFormat::seconds(lane.endMs - lane.startMs),
                          lane.outcome.signal ? UnixSignals::name(lane.outcome.signal)
                                              : tr("exit %1").arg(lane.outcome.exitCode));
    }
    const QList<TimelineLane> &family = m_model->group(row.group).family.at(row.lane);
    for (int reader : lane.pipeTo)
        lines << tr("stdout → pipe to %1 (PID %2)").arg(family.at(reader).label.trimmed().remove(QStringLiteral("└ ")).toHtmlEscaped()).arg(family.at(reader).pid);
    return lines.join(QStringLiteral("<br>"));
}

void TimelineView::paintMember(QPainter &painter, const Row &row, int y)
{
    const QPalette &pal = palette();
    const TimelineLane &lane = memberLane(row);
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.9);
    const QFontMetrics fm(small);
    painter.setFont(small);

    // The label, indented under the job's own lane as the table does.
    const int labelX = LabelMargin + 12;
    painter.setPen(pal.color(QPalette::Text));
    painter.drawText(QRect(labelX, y, chartLeft() - labelX - LabelMargin, row.height), Qt::AlignLeft | Qt::AlignVCenter,
                     fm.elidedText(QStringLiteral("%1 %2").arg(lane.label).arg(lane.pid), Qt::ElideRight,
                                   chartLeft() - labelX - LabelMargin));

    painter.save();
    painter.setClipRect(chartLeft(), y - 2, viewport()->width() - chartLeft(), row.height + 4);
    const double now = m_model->nowMs(row.group);
    const QColor fill = barColor(lane, pal);
    const int barTop = y + 2;
    const int barHeight = row.height - 4;
    const int x0 = msToX(lane.startMs);
    // A process that lived 1 ms is still a visible mark.
    const int x1 = std::max(x0 + 3, msToX(lane.endMs >= 0 ? lane.endMs : now));
    // Before its first exec a fork runs its parent's code: a light tint;
    // from the exec on, the full colour.
    painter.fillRect(QRect(x0, barTop, x1 - x0, barHeight), Theme::mix(pal.color(QPalette::Base), fill, 0.35));
    if (!lane.execMs.isEmpty()) {
        const int xe = std::min(msToX(lane.execMs.first()), x1 - 1);
        painter.fillRect(QRect(xe, barTop, x1 - xe, barHeight), fill);
        for (double ms : lane.execMs) {
            const int x = msToX(ms);
            painter.fillRect(QRect(x, barTop - 1, 1, barHeight + 2), fill.darker(170));
        }
    }
    // Fork: the darker edge at the start, as for a job.
    paintStartEdge(painter, lane, QRect(0, barTop, 0, barHeight));
    // Success is the rule in a family; only a failure is spelled out.
    if (lane.endMs >= 0 && lane.outcome.state != JobOutcome::State::Running)
        paintEnd(painter, lane, x1, y, row.height, 3, fm, !lane.outcome.isSuccess());
    painter.restore();
    painter.setFont(font());
}

void TimelineView::paintPipes(QPainter &painter, int scrollY)
{
    const QPalette &pal = palette();
    QColor color = pal.color(QPalette::Highlight);
    painter.save();
    painter.setClipRect(chartLeft(), axisHeight(), viewport()->width() - chartLeft(), viewport()->height());
    for (const Row &row : std::as_const(m_rows)) {
        if (row.member < 0)
            continue;
        const TimelineLane &writer = memberLane(row);
        for (int reader : writer.pipeTo) {
            const int readerIndex = row.familyRow + reader;
            if (readerIndex < 0 || readerIndex >= m_rows.size())
                continue;
            const Row &to = m_rows.at(readerIndex);
            const TimelineLane &target = memberLane(to);
            // Data can flow once both ends run their programs: at the later
            // of the two execs (or forks, for a member that never exec'd).
            const double writerAt = writer.execMs.isEmpty() ? writer.startMs : writer.execMs.first();
            const double readerAt = target.execMs.isEmpty() ? target.startMs : target.execMs.first();
            const int x = msToX(std::max(writerAt, readerAt)) + 4;
            const int yFrom = row.y - scrollY + row.height / 2;
            const int yTo = to.y - scrollY + to.height / 2;
            if (std::max(yFrom, yTo) < 0 || std::min(yFrom, yTo) > viewport()->height())
                continue;
            painter.setPen(QPen(color, 1.5));
            painter.drawLine(x, yFrom, x, yTo);
            // The arrowhead at the reader's end.
            const int dir = yTo > yFrom ? -1 : 1;
            QPainterPath head;
            head.moveTo(x, yTo);
            head.lineTo(x - 4, yTo + dir * 6);
            head.lineTo(x + 4, yTo + dir * 6);
            head.closeSubpath();
            painter.fillPath(head, color);
            painter.setBrush(color);
            painter.setPen(Qt::NoPen);
            painter.drawEllipse(QPoint(x, yFrom), 2, 2);
        }
    }
    painter.restore();
}
