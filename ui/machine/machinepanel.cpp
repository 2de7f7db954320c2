#include "machinepanel.h"

#include "headercolumnmenu.h"
#include "jobcontrol.h"
#include "machinecolumn.h"
#include "machinefilterproxymodel.h"
#include "machinerowdelegate.h"
#include "machinescanthread.h"
#include "machinetreemodel.h"
#include "processdetailsview.h"
#include "processsampler.h"
#include "processsignaller.h"
#include "processstopper.h"
#include "settingskeys.h"
#include "unixsignals.h"

#include <QAction>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <csignal>

MachinePanel::MachinePanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new MachineTreeModel(this))
    , m_proxy(new MachineFilterProxyModel(this))
    , m_scanner(new MachineScanThread(this))
    , m_timer(new QTimer(this))
{
    m_proxy->setSourceModel(m_model);
    m_timer->setInterval(ProcessSampler::DefaultIntervalMs);
    connect(m_timer, &QTimer::timeout, this, [this] { m_scanner->request(selectedPid()); });
    connect(m_scanner, &MachineScanThread::scanned, this, &MachinePanel::onScanned);

    makeView();
    makeActions();
    m_details = new ProcessDetailsView(this);
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(makeToolRow());
    layout->addWidget(m_splitter, 1);
    restoreSettings();
    updateActions();
}

MachinePanel::~MachinePanel()
{
    saveSettings();
}

QWidget *MachinePanel::makeToolRow()
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *showLabel = new QLabel(tr("&Show:"), row);
    m_show = new QComboBox(row);
    m_show->addItem(tr("My processes"), MachineFilterProxyModel::ShowMine);
    m_show->addItem(tr("All processes"), MachineFilterProxyModel::ShowAll);
    m_show->addItem(tr("Active processes"), MachineFilterProxyModel::ShowActive);
    m_show->setToolTip(tr("My processes: those running as you. Active: running now, or using CPU in the last "
                          "interval. A process that is not shown stays visible when one below it is"));
    showLabel->setBuddy(m_show);
    connect(m_show, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setShow(MachineFilterProxyModel::Show(m_show->currentData().toInt()));
    });

    m_programsOnly = new QCheckBox(tr("&Programs only"), row);
    m_programsOnly->setToolTip(tr("Hide the kernel's own threads (kworker, ksoftirqd, …), shown in [brackets]"));
    connect(m_programsOnly, &QCheckBox::toggled, m_proxy, &MachineFilterProxyModel::setProgramsOnly);

    auto *tree = new QToolButton(row);
    tree->setText(tr("&Tree"));
    tree->setToolTip(tr("Each process under the process that started it"));
    auto *list = new QToolButton(row);
    list->setText(tr("&List"));
    list->setToolTip(tr("Every process in one list, to sort the whole machine by CPU or memory"));
    auto *group = new QButtonGroup(row);
    for (QToolButton *button : {tree, list}) {
        button->setCheckable(true);
        button->setAutoRaise(true);
        group->addButton(button);
    }
    tree->setChecked(true);
    m_treeButton = tree;
    m_listButton = list;
    connect(tree, &QToolButton::toggled, this, &MachinePanel::setTreeMode);

    m_filter = new QLineEdit(row);
    m_filter->setPlaceholderText(tr("Filter by PID, command or user (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setToolTip(tr("A number shows that PID; any text shows the processes whose command line or user "
                            "contains it, with the processes above them"));
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &MachineFilterProxyModel::setFilterText);
    auto *focusFilter = new QAction(this);
    focusFilter->setShortcut(QKeySequence::Find);
    // Active only while the panel is visible: the Processes tab's Ctrl+F
    // (find in output) does not compete with it.
    focusFilter->setShortcutContext(Qt::WindowShortcut);
    connect(focusFilter, &QAction::triggered, m_filter, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    addAction(focusFilter);

    layout->addWidget(showLabel);
    layout->addWidget(m_show);
    layout->addWidget(m_programsOnly);
    layout->addSpacing(8);
    layout->addWidget(tree);
    layout->addWidget(list);
    layout->addSpacing(8);
    layout->addWidget(m_filter, 1);
    return row;
}

void MachinePanel::makeView()
{
    m_view = new QTreeView(this);
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(new MachineRowDelegate(m_view));
    m_view->setUniformRowHeights(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAllColumnsShowFocus(true);
    m_view->setExpandsOnDoubleClick(false); // a double-click shows a job
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(MachineTreeModel::PidColumn, Qt::AscendingOrder);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    new HeaderColumnMenu(m_view);
    // As htop: the tree is drawn in the command, which comes last and takes
    // the width the figures leave.
    m_view->setTreePosition(MachineTreeModel::CommandColumn);
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(true);
    header->moveSection(header->visualIndex(MachineTreeModel::CommandColumn), MachineTreeModel::ColumnCount - 1);
    fitColumns();
    for (int column = 0; column < MachineColumn::count(); ++column)
        header->setSectionHidden(column, !MachineColumn::info(column).shownByDefault);

    connect(m_view, &QWidget::customContextMenuRequested, this, &MachinePanel::showContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateActions();
        showDetails();
        // The details of a newly selected process come with the next scan; ask for it now.
        if (isVisible() && selectedPid() > 0)
            m_scanner->request(selectedPid());
    });
    connect(m_view, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.data(MachineTreeModel::IsJobRole).toBool())
            emit showJobRequested(index.data(MachineTreeModel::PidRole).toLongLong());
        else
            m_view->setExpanded(index.siblingAtColumn(0), !m_view->isExpanded(index.siblingAtColumn(0)));
    });
    // New rows of the tree open, as in htop: a family is read at a glance.
    connect(m_proxy, &QAbstractItemModel::rowsInserted, m_view, [this](const QModelIndex &parent) {
        if (m_model->isTreeMode() && parent.isValid() && !m_view->isExpanded(parent))
            m_view->expand(parent);
    });
}

void MachinePanel::fitColumns()
{
    const QFontMetrics plain(m_view->font());
    QFont boldFont = m_view->font();
    boldFont.setBold(true); // a job's row
    const QFontMetrics bold(boldFont);
    const int padding = 2 * m_view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_view) + 12;
    for (int column = 0; column < MachineColumn::count(); ++column) {
        const QString text = MachineColumn::widthText(column);
        const int cell = bold.horizontalAdvance(text);
        const int title = plain.horizontalAdvance(MachineColumn::title(column)) + 16; // the sort arrow
        const int indent = column == MachineTreeModel::CommandColumn ? 3 * m_view->indentation() : 0;
        m_view->setColumnWidth(column, std::max(cell, title) + padding + indent);
    }
}

void MachinePanel::makeActions()
{
    m_signalMenu = new QMenu(tr("Send si&gnal"), this);
    m_signalMenu->setToolTipsVisible(true);
    for (int signal : JobControl::menuSignals()) {
        QAction *action = m_signalMenu->addAction(
            QStringLiteral("%1 (%2)").arg(UnixSignals::name(signal), UnixSignals::description(signal)));
        action->setData(signal);
        action->setToolTip(tr("Send %1 (signal %2) to the selected process only").arg(UnixSignals::name(signal)).arg(signal));
        connect(action, &QAction::triggered, this, [this, signal] { sendSignal(signal); });
    }
    // Shortcuts only while the table has focus: the window's Jobs menu
    // has its own Pause and Resume for the jobs.
    m_pause = new QAction(tr("&Pause"), this);
    m_pause->setToolTip(tr("Stop the selected process where it is: SIGSTOP (Space)"));
    m_pause->setShortcut(QKeySequence(Qt::Key_Space));
    connect(m_pause, &QAction::triggered, this, &MachinePanel::pauseSelected);
    m_resume = new QAction(tr("Res&ume"), this);
    m_resume->setToolTip(tr("Let a paused process go on: SIGCONT (Shift+Space)"));
    m_resume->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_Space));
    connect(m_resume, &QAction::triggered, this, &MachinePanel::resumeSelected);
    m_stop = new QAction(tr("&Stop"), this);
    m_stop->setToolTip(tr("Ask the selected process to end (SIGTERM), and end it (SIGKILL) if it is still there "
                          "after %1 s (Delete)").arg(ProcessStopper::defaultGraceMs() / 1000.0));
    m_stop->setShortcut(QKeySequence::Delete);
    connect(m_stop, &QAction::triggered, this, &MachinePanel::stopSelected);
    m_watch = new QAction(tr("&Watch its family from now on"), this);
    m_watch->setToolTip(tr("Trace the selected process and every process it starts from now on, as a watched job"));
    connect(m_watch, &QAction::triggered, this, [this] {
        if (const qint64 pid = selectedPid())
            emit watchFamilyRequested(pid);
    });
    for (QAction *action : {m_pause, m_resume, m_stop, m_watch}) {
        action->setShortcutContext(Qt::WidgetShortcut);
        m_view->addAction(action);
    }
}

void MachinePanel::showContextMenu(const QPoint &pos)
{
    // From the Menu key the position is not on a row: the current row is meant.
    const QModelIndex at = m_view->indexAt(pos);
    if (at.isValid())
        m_view->setCurrentIndex(at);
    if (!selectedProcess())
        return;
    QMenu menu(this);
    menu.setToolTipsVisible(true);
    menu.addMenu(m_signalMenu);
    menu.addAction(m_pause);
    menu.addAction(m_resume);
    menu.addAction(m_stop);
    menu.addSeparator();
    menu.addAction(m_watch);
    const QRect row = m_view->visualRect(m_view->currentIndex());
    menu.exec(m_view->viewport()->mapToGlobal(at.isValid() ? pos : row.bottomLeft()));
}

void MachinePanel::setJobPids(const QSet<qint64> &pids)
{
    m_model->setJobPids(pids);
}

void MachinePanel::setSampleInterval(int ms)
{
    m_timer->setInterval(std::max(ms, 50));
}

int MachinePanel::sampleInterval() const
{
    return m_timer->interval();
}

void MachinePanel::scanNow()
{
    m_scanner->scanNow(selectedPid());
}

void MachinePanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_timer->start();
    m_scanner->request(selectedPid());
}

void MachinePanel::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_timer->stop();
    saveSettings();
}

void MachinePanel::onScanned(const MachineSnapshot &snapshot, const ProcessDetails &details)
{
    const bool first = m_model->snapshot().processes.isEmpty();
    m_model->setSnapshot(snapshot);
    if (first && m_model->isTreeMode())
        m_view->expandAll();
    if (details.pid > 0)
        m_detailsRead = details;
    ++m_scanCount;
    updateActions();
    showDetails();
}

void MachinePanel::setTreeMode(bool tree)
{
    // The one reset of the model: keep the selection by pid across it.
    const qint64 pid = selectedPid();
    m_model->setTreeMode(tree);
    if (tree)
        m_view->expandAll();
    if (pid > 0)
        selectPid(pid);
}

qint64 MachinePanel::selectedPid() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(MachineTreeModel::PidRole).toLongLong() : 0;
}

bool MachinePanel::selectPid(qint64 pid)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->indexOfPid(pid));
    if (!index.isValid())
        return false;
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    return true;
}

const MachineProcess *MachinePanel::selectedProcess() const
{
    return m_model->processAt(m_proxy->mapToSource(m_view->currentIndex()));
}

void MachinePanel::showDetails()
{
    m_details->showProcess(selectedProcess(), m_detailsRead);
}

void MachinePanel::updateActions()
{
    const MachineProcess *p = selectedProcess();
    const bool paused = p && (p->state == 'T' || p->state == 't');
    const bool alive = p && p->state != 'Z' && !p->kernelThread;
    m_signalMenu->setEnabled(alive);
    m_pause->setEnabled(alive && !paused);
    m_resume->setEnabled(alive && paused);
    m_stop->setEnabled(alive);
    m_watch->setEnabled(alive);
}

void MachinePanel::sendSignal(int signal)
{
    const MachineProcess *p = selectedProcess();
    if (!p)
        return;
    const SignalOutcome outcome = ProcessSignaller::send(p->pid, p->startTicks, signal);
    const QString name = UnixSignals::name(signal);
    if (outcome.succeeded())
        emit statusMessage(tr("Sent %1 (%2) to PID %3 (%4).")
                               .arg(name, UnixSignals::description(signal)).arg(p->pid).arg(p->comm), 8000);
    else
        emit statusMessage(tr("%1 not sent to PID %2: %3").arg(name).arg(p->pid).arg(outcome.message), 8000);
    m_scanner->request(p->pid);
}

void MachinePanel::pauseSelected()
{
    const MachineProcess *p = selectedProcess();
    if (!p)
        return;
    const SignalOutcome outcome = ProcessSignaller::pause(p->pid, p->startTicks);
    if (outcome.succeeded())
        emit statusMessage(tr("Paused PID %1 (%2): SIGSTOP. Resume lets it go on.").arg(p->pid).arg(p->comm), 8000);
    else
        emit statusMessage(tr("Could not pause PID %1: %2").arg(p->pid).arg(outcome.message), 8000);
    m_scanner->request(p->pid);
}

void MachinePanel::resumeSelected()
{
    const MachineProcess *p = selectedProcess();
    if (!p)
        return;
    const SignalOutcome outcome = ProcessSignaller::resume(p->pid, p->startTicks);
    if (outcome.succeeded())
        emit statusMessage(tr("Resumed PID %1 (%2): SIGCONT.").arg(p->pid).arg(p->comm), 8000);
    else
        emit statusMessage(tr("Could not resume PID %1: %2").arg(p->pid).arg(outcome.message), 8000);
    m_scanner->request(p->pid);
}

void MachinePanel::stopSelected()
{
    const MachineProcess *p = selectedProcess();
    if (!p)
        return;
    auto *stopper = new ProcessStopper(p->pid, p->startTicks, this);
    const qint64 pid = p->pid;
    connect(stopper, &ProcessStopper::finished, this, [this, stopper, pid](const SignalOutcome &outcome) {
        stopper->deleteLater();
        emit statusMessage(outcome.succeeded() ? tr("Stopped PID %1: %2").arg(pid).arg(outcome.message)
                                               : tr("Could not stop PID %1: %2").arg(pid).arg(outcome.message),
                           8000);
        m_scanner->request(selectedPid());
    });
    emit statusMessage(tr("Stopping PID %1: SIGTERM, then SIGKILL if it is still there after %2 s.")
                           .arg(pid).arg(stopper->graceMs() / 1000.0), 8000);
    stopper->start();
}

void MachinePanel::restoreSettings()
{
    QSettings settings;
    const int show = settings.value(SettingsKeys::MachineShow, int(MachineFilterProxyModel::ShowAll)).toInt();
    m_show->setCurrentIndex(std::max(0, m_show->findData(show)));
    m_proxy->setShow(MachineFilterProxyModel::Show(m_show->currentData().toInt()));
    m_programsOnly->setChecked(settings.value(SettingsKeys::MachineProgramsOnly, false).toBool());
    (settings.value(SettingsKeys::MachineTree, true).toBool() ? m_treeButton : m_listButton)->setChecked(true);
    const QByteArray header = settings.value(SettingsKeys::MachineColumns).toByteArray();
    if (!header.isEmpty())
        m_view->header()->restoreState(header);
    const QByteArray splitter = settings.value(SettingsKeys::MachineSplitter).toByteArray();
    if (!splitter.isEmpty())
        m_splitter->restoreState(splitter);
}

void MachinePanel::saveSettings() const
{
    QSettings settings;
    settings.setValue(SettingsKeys::MachineShow, m_show->currentData().toInt());
    settings.setValue(SettingsKeys::MachineProgramsOnly, m_programsOnly->isChecked());
    settings.setValue(SettingsKeys::MachineTree, m_model->isTreeMode());
    settings.setValue(SettingsKeys::MachineColumns, m_view->header()->saveState());
    settings.setValue(SettingsKeys::MachineSplitter, m_splitter->saveState());
}
