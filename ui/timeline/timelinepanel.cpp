#include "timelinepanel.h"

#include "theme.h"
#include "timelineview.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

QString swatch(const QColor &color, const QString &text)
{
    return QStringLiteral("<span style=\"color:%1\">&#9632;</span>&nbsp;%2").arg(color.name(), text.toHtmlEscaped());
}

} // namespace

TimelinePanel::TimelinePanel(TimelineModel *model, QWidget *parent)
    : QWidget(parent)
    , m_view(new TimelineView(model, this))
    , m_cpu(new QToolButton(this))
    , m_legend(new QLabel(this))
{
    auto *zoomIn = new QToolButton(this);
    zoomIn->setText(tr("Zoom in"));
    zoomIn->setToolTip(tr("Zoom in around the middle (+, or Ctrl+wheel at the pointer)"));
    connect(zoomIn, &QToolButton::clicked, m_view, &TimelineView::zoomIn);
    auto *zoomOut = new QToolButton(this);
    zoomOut->setText(tr("Zoom out"));
    zoomOut->setToolTip(tr("Zoom out (-)"));
    connect(zoomOut, &QToolButton::clicked, m_view, &TimelineView::zoomOut);
    auto *fit = new QToolButton(this);
    fit->setText(tr("Fit"));
    fit->setCheckable(true);
    fit->setChecked(m_view->isFitting());
    fit->setToolTip(tr("Show every run whole and follow the live ones (0)"));
    connect(fit, &QToolButton::clicked, m_view, [this, fit] {
        m_view->fit();
        fit->setChecked(true);
    });
    connect(m_view, &TimelineView::fittingChanged, fit, &QToolButton::setChecked);

    m_cpu->setText(tr("Colour by CPU"));
    m_cpu->setCheckable(true);
    m_cpu->setToolTip(tr("Shade each bar by its sampled CPU %: pale where the child waited (sleep, I/O, a pipe), "
                         "full colour where it kept a core busy"));
    connect(m_cpu, &QToolButton::toggled, m_view, [this](bool on) {
        m_view->setColourByCpu(on);
        updateLegend();
    });

    m_legend->setTextFormat(Qt::RichText);
    // The legend may be cut on a narrow window rather than widen it.
    m_legend->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_legend->setMinimumWidth(0);
    updateLegend();

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    bar->addWidget(zoomIn);
    bar->addWidget(zoomOut);
    bar->addWidget(fit);
    bar->addSpacing(12);
    bar->addWidget(m_cpu);
    bar->addSpacing(12);
    bar->addWidget(m_legend, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    setFocusProxy(m_view);
}

void TimelinePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        updateLegend();
    QWidget::changeEvent(event);
}

void TimelinePanel::updateLegend()
{
    // The bars' colours, from the one table the process table uses too.
    using State = JobOutcome::State;
    const QPalette pal = palette();
    QStringList items{
        swatch(Theme::stateColor(State::Running, false, pal), tr("running")),
        swatch(Theme::stateColor(State::Finished, true, pal), tr("exit 0")),
        swatch(Theme::stateColor(State::Finished, false, pal), tr("exit ≠ 0 or crashed")),
        swatch(Theme::stateColor(State::Killed, false, pal), tr("timed out or stopped")),
        swatch(Theme::stateColor(State::PipeClosed, false, pal), tr("pipe closed")),
        swatch(Theme::pausedColor(pal), tr("paused")),
        tr("TERM / KILL: signal sent · ● exit · ╷ poll() · ↓ pipe"),
    };
    if (m_view->colourByCpu())
        items.prepend(tr("pale → full: 0 → 100 % CPU"));
    m_legend->setText(items.join(QStringLiteral("&nbsp;&nbsp;&nbsp;")));
}
