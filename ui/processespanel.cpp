#include "processespanel.h"
#include "settingskeys.h"

#include "commandbar.h"
#include "jobcolumn.h"
#include "jobdelegate.h"
#include "jobdetailpane.h"
#include "jobfilterproxymodel.h"
#include "jobrun.h"
#include "jobtableview.h"
#include "jobtreemodel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

ProcessesPanel::ProcessesPanel(JobTreeModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new JobFilterProxyModel(this))
    , m_commandBar(new CommandBar(this))
    , m_followTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("processes"));
    m_proxy->setSourceModel(m_model);
    QBoxLayout *filterBar = buildFilterBar();
    setUpTable();
    m_detail = new JobDetailPane(this);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("centreSplitter"));
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 6, 0);
    layout->addWidget(m_commandBar);
    layout->addLayout(filterBar);
    layout->addWidget(m_splitter, 1);

    m_followTimer->setSingleShot(true);
    m_followTimer->setInterval(0);
    connect(m_followTimer, &QTimer::timeout, this, &ProcessesPanel::followShownRun);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ProcessesPanel::onJobDataChanged);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ProcessesPanel::onCurrentChanged);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &ProcessesPanel::expandInsertedRows);
    connect(m_view, &QWidget::customContextMenuRequested, this, &ProcessesPanel::showJobMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &ProcessesPanel::onCurrentChanged);
}

QBoxLayout *ProcessesPanel::buildFilterBar()
{
    // The filter: text over name, command and PID, and quick state toggles.
    auto *filterBar = new QHBoxLayout;
    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setObjectName(QStringLiteral("jobFilter"));
    m_filterEdit->setPlaceholderText(tr("Filter by name, command or PID (Ctrl+Shift+F)"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setToolTip(tr("Shows the groups in which a row's name, command or PID contains this text; "
                                "a group is always shown whole"));
    connect(m_filterEdit, &QLineEdit::textChanged, m_proxy, &JobFilterProxyModel::setFilterText);
    m_focusFilter = new QAction(this);
    m_focusFilter->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    connect(m_focusFilter, &QAction::triggered, m_filterEdit, [this] {
        m_filterEdit->setFocus();
        m_filterEdit->selectAll();
    });
    filterBar->addWidget(m_filterEdit, 1);
    const std::pair<JobFilterProxyModel::Show, QString> toggles[] = {
        {JobFilterProxyModel::ShowRunning, tr("Running")},
        {JobFilterProxyModel::ShowFailed, tr("Failed")},
        {JobFilterProxyModel::ShowFinished, tr("Finished")}};
    for (const auto &[flag, label] : toggles) {
        auto *toggle = new QToolButton(this);
        toggle->setText(label);
        toggle->setCheckable(true);
        toggle->setObjectName(QStringLiteral("show") + label);
        toggle->setToolTip(tr("Show only groups with %1 jobs (several toggles: any of them)").arg(label.toLower()));
        connect(toggle, &QToolButton::toggled, m_proxy, [this, flag = flag](bool on) {
            JobFilterProxyModel::ShowFlags shown = m_proxy->shown();
            shown.setFlag(flag, on);
            m_proxy->setShown(shown);
        });
        filterBar->addWidget(toggle);
    }
    return filterBar;
}

void ProcessesPanel::setUpTable()
{
    m_view = new JobTableView(this);
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(new JobDelegate(m_view));
    m_view->setUniformRowHeights(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAllColumnsShowFocus(true);
    m_view->header()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);
    m_view->header()->setStretchLastSection(true);
    fitColumns();
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setEmptyHint(tr("Nothing has run yet.\n\n"
                            "Double-click a preset on the left (or select it and press Enter) to run one of "
                            "the lessons,\ntype a command in the field above and press Enter,\n"
                            "or drag a preset onto this table.\n\n"
                            "Each child process gets a row here: its PID, state, exit and output, live."));
}

void ProcessesPanel::fitColumns()
{
    // Widths for each column's usual widest text, in the bold of a group row
    // where a group row fills that column; the names sit one indent in.
    QFont bold = m_view->font();
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    const QFontMetrics plainMetrics(m_view->font());
    for (int column = 0; column < JobColumn::count(); ++column) {
        const bool jobsOnly = column == JobTreeModel::PidColumn || column == JobTreeModel::ExitColumn;
        const QFontMetrics &metrics = jobsOnly ? plainMetrics : boldMetrics;
        const int indent = column == JobTreeModel::NameColumn ? m_view->indentation() : 0;
        m_view->setColumnWidth(column, metrics.horizontalAdvance(JobColumn::widthText(column)) + indent + 8);
    }
    // The last line stretches over what the others leave; a width of its
    // own would only make the table scroll sideways when that is less.
    m_view->setColumnWidth(JobTreeModel::LastLineColumn, m_view->header()->minimumSectionSize());
    // The last line stays the last column, so it takes what width is left
    // whichever resource columns are shown.
    QHeaderView *header = m_view->header();
    header->moveSection(header->visualIndex(JobTreeModel::LastLineColumn), JobTreeModel::ColumnCount - 1);
    // CPU % and memory tell most; the rest is one right-click on the header away.
    for (int column = 0; column < JobColumn::count(); ++column)
        header->setSectionHidden(column, !JobColumn::info(column).shownByDefault);
}

QModelIndex ProcessesPanel::currentSourceIndex() const
{
    return m_proxy->mapToSource(m_view->currentIndex());
}

JobRun *ProcessesPanel::currentRun() const
{
    return m_model->runAt(currentSourceIndex());
}

JobProcess *ProcessesPanel::currentJob() const
{
    return m_model->jobAt(currentSourceIndex());
}

void ProcessesPanel::selectRun(const JobRun *run, int jobIndex)
{
    const QModelIndex source = jobIndex < 0 ? m_model->indexOfRun(run) : m_model->indexOfJob(run, jobIndex);
    const QModelIndex proxy = m_proxy->mapFromSource(source);
    if (!proxy.isValid())
        return;
    m_view->setCurrentIndex(proxy);
    m_view->scrollTo(proxy);
    onCurrentChanged(); // refresh even when it already was the current row
}

void ProcessesPanel::showJobMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    if (index.isValid())
        m_view->setCurrentIndex(index);
    if (m_jobMenu)
        m_jobMenu->exec(m_view->viewport()->mapToGlobal(pos));
}

void ProcessesPanel::expandInsertedRows(const QModelIndex &parent, int first, int last)
{
    // A watched job opens on its family's first row: the family is what
    // the user asked to see. Sampled descendants stay folded.
    if (parent.isValid() && first == 0 && parent.data(JobTreeModel::WatchedRole).toBool()) {
        m_view->expand(parent);
        return;
    }
    if (parent.isValid())
        return;
    for (int row = first; row <= last; ++row)
        m_view->expand(m_proxy->index(row, 0));
}

void ProcessesPanel::onCurrentChanged()
{
    const QModelIndex index = currentSourceIndex();
    m_detail->showJob(m_model->runAt(index), m_model->jobAt(index));
    emit currentChanged(index);
}

void ProcessesPanel::onJobDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    // The model sends at most ~20 batches a second, but a batch of a large
    // run is many ranges (its scattered finished rows), and describing a
    // 1,000-job run costs milliseconds: the pane follows once per batch.
    JobRun *shown = m_detail->run();
    if (!shown || m_model->runAt(topLeft) != shown)
        return;
    if (m_detail->job()) {
        const int row = m_detail->run()->indexOf(m_detail->job());
        if (topLeft.parent().isValid() && (row < topLeft.row() || row > bottomRight.row()))
            return;
    }
    if (!m_followTimer->isActive())
        m_followTimer->start();
}

void ProcessesPanel::followShownRun()
{
    if (!m_detail->run())
        return;
    m_detail->refresh();
    emit shownRunUpdated();
}

void ProcessesPanel::restoreSettings(const QSettings &settings)
{
    m_splitter->restoreState(settings.value(SettingsKeys::CentreSplitter).toByteArray());
    // A new key: a header saved before the resource columns existed would
    // show every one of them.
    m_view->header()->restoreState(settings.value(SettingsKeys::JobColumns).toByteArray());
    // Saved stretched to the width the window had then: here it would only
    // make the table scroll sideways in a narrower one.
    m_view->setColumnWidth(JobTreeModel::LastLineColumn, m_view->header()->minimumSectionSize());
    m_commandBar->restoreSettings(settings);
}

void ProcessesPanel::saveSettings(QSettings &settings) const
{
    settings.setValue(SettingsKeys::CentreSplitter, m_splitter->saveState());
    settings.setValue(SettingsKeys::JobColumns, m_view->header()->saveState());
    m_commandBar->saveSettings(settings);
}
