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
    , m_fit(new QToolButton(this))
    , m_fitAll(new QToolButton(this))
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
    // Checkable to show what the zoom follows; a click that changes no mode
    // must not leave a button unchecked, hence the update after each.
    m_fit->setText(tr("Fit"));
    m_fit->setCheckable(true);
    connect(m_fit, &QToolButton::clicked, this, [this] {
        m_view->fit();
        updateFitButtons();
    });
    m_fitAll->setText(tr("Fit all"));
    m_fitAll->setCheckable(true);
    m_fitAll->setToolTip(tr("Show every run whole and follow the live ones (A, or 0 with no run selected)"));
    connect(m_fitAll, &QToolButton::clicked, this, [this] {
        m_view->fitAll();
        updateFitButtons();
    });
    connect(m_view, &TimelineView::fitModeChanged, this, &TimelinePanel::updateFitButtons);
    connect(m_view, &TimelineView::selectionChanged, this, &TimelinePanel::updateFitButtons);
    updateFitButtons();

    m_cpu->setText(tr("Colour by CPU"));
    m_cpu->setCheckable(true);
    m_cpu->setToolTip(tr("Shade each bar by its sampled CPU %: pale where the child waited (sleep, I/O, a pipe), "
                         "full colour where it kept a core busy"));
    connect(m_cpu, &QToolButton::toggled, m_view, [this](bool on) {
        m_view->setColourByCpu(on);
        updateLegend();
    });

    m_legend->setTextFormat(Qt::RichText);
    // On a narrow window the legend wraps between its items rather than
    // widen the window or be cut.
    m_legend->setWordWrap(true);
    QSizePolicy legendPolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    legendPolicy.setHeightForWidth(true);
    m_legend->setSizePolicy(legendPolicy);
    m_legend->setMinimumWidth(0);
    updateLegend();

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    bar->addWidget(zoomIn);
    bar->addWidget(zoomOut);
    bar->addWidget(m_fit);
    bar->addWidget(m_fitAll);
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

void TimelinePanel::selectJob(quint64 runId, int jobIndex)
{
    m_view->selectJob(runId, jobIndex);
}

void TimelinePanel::updateFitButtons()
{
    using Mode = TimelineView::FitMode;
    const Mode mode = m_view->fitMode();
    const bool selected = m_view->hasSelection();
    // With nothing selected, Fit is Fit all.
    m_fit->setChecked(mode == Mode::SelectedRun || (mode == Mode::All && !selected));
    m_fitAll->setChecked(mode == Mode::All);
    m_fit->setToolTip(selected ? tr("Fit the selected run: zoom and pan so that <b>%1</b> fills the view, and follow "
                                    "it while it runs (0 or F)")
                                     .arg(m_view->selectedTitle().toHtmlEscaped())
                               : tr("Show every run whole and follow the live ones (0). Select a run (click its "
                                    "lane, or its row in Processes) and Fit shows that run alone."));
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
    // Breaks only between items: inside one, every space is a non-breaking one.
    for (QString &item : items)
        item.replace(QStringLiteral(" "), QStringLiteral("&nbsp;")).replace(QStringLiteral("<span&nbsp;"), QStringLiteral("<span "));
    m_legend->setText(items.join(QStringLiteral("&nbsp;&nbsp; ")));
}
