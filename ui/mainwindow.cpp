#include "mainwindow.h"

#include "jobdelegate.h"
#include "jobdetailpane.h"
#include "jobengine.h"
#include "jobprocess.h"
#include "jobrun.h"
#include "jobtreemodel.h"
#include "presetlistmodel.h"
#include "threadspanel.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

MainWindow::MainWindow(const QList<Preset> &presets, QWidget *parent)
    : QMainWindow(parent)
    , m_engine(new JobEngine(this))
    , m_jobModel(new JobTreeModel(m_engine, this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_presetModel(new PresetListModel(this))
{
    setWindowTitle(tr("SpawnScope — child processes, live"));
    m_presetModel->setPresets(presets);
    m_proxy->setSourceModel(m_jobModel);
    m_proxy->setSortRole(JobTreeModel::RawRole);

    buildActions();
    buildLayout();
    restoreSettings();

    connect(m_engine, &JobEngine::runFinished, this, [this] {
        updateActions();
        updateStatus();
    });
    connect(m_engine, &JobEngine::runAdded, this, [this] {
        updateActions();
        updateStatus();
    });
    connect(m_jobModel, &QAbstractItemModel::dataChanged, this, &MainWindow::onJobDataChanged);
    connect(m_jobModel, &QAbstractItemModel::rowsRemoved, this, [this] {
        onCurrentJobChanged();
        updateStatus();
    });
    updateActions();
    updateStatus();
    updatePresetDescription();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions()
{
    m_runPresetAction = new QAction(tr("&Run preset"), this);
    m_runPresetAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_runPresetAction->setToolTip(tr("Run the selected preset (Enter or double-click in the list, Ctrl+Enter anywhere)"));
    connect(m_runPresetAction, &QAction::triggered, this, &MainWindow::runSelectedPreset);

    m_runCommandAction = new QAction(tr("Run &command"), this);
    m_runCommandAction->setToolTip(tr("Run the command typed above the table"));
    connect(m_runCommandAction, &QAction::triggered, this, &MainWindow::runCommand);

    m_stopAction = new QAction(tr("&Stop"), this);
    m_stopAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    m_stopAction->setToolTip(tr("Stop the selected job or group: SIGTERM to its process group, then SIGKILL after the "
                                "grace period (Ctrl+.)"));
    connect(m_stopAction, &QAction::triggered, this, &MainWindow::stopSelected);

    m_killAction = new QAction(tr("&Kill"), this);
    m_killAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_killAction->setToolTip(tr("Kill the selected job or group now with SIGKILL, which cannot be caught (Ctrl+K)"));
    connect(m_killAction, &QAction::triggered, this, &MainWindow::killSelected);

    m_rerunAction = new QAction(tr("Run &again"), this);
    m_rerunAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_rerunAction->setToolTip(tr("Start the selected group's preset again as a new group (Ctrl+R)"));
    connect(m_rerunAction, &QAction::triggered, this, &MainWindow::rerunSelected);

    m_clearAction = new QAction(tr("C&lear finished"), this);
    m_clearAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_clearAction->setToolTip(tr("Remove every finished group from the table (Ctrl+L)"));
    connect(m_clearAction, &QAction::triggered, this, &MainWindow::clearFinished);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(m_quitAction);
    QMenu *jobsMenu = menuBar()->addMenu(tr("&Jobs"));
    jobsMenu->addAction(m_runPresetAction);
    jobsMenu->addAction(m_runCommandAction);
    jobsMenu->addSeparator();
    jobsMenu->addAction(m_stopAction);
    jobsMenu->addAction(m_killAction);
    jobsMenu->addAction(m_rerunAction);
    jobsMenu->addSeparator();
    jobsMenu->addAction(m_clearAction);

    QToolBar *toolbar = addToolBar(tr("Jobs"));
    toolbar->setObjectName(QStringLiteral("jobsToolbar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addAction(m_runPresetAction);
    toolbar->addSeparator();
    toolbar->addAction(m_stopAction);
    toolbar->addAction(m_killAction);
    toolbar->addAction(m_rerunAction);
    toolbar->addSeparator();
    toolbar->addAction(m_clearAction);
    toolbar->addSeparator();

    m_maxParallel = new QSpinBox(toolbar);
    m_maxParallel->setRange(0, 10000);
    m_maxParallel->setSpecialValueText(tr("no limit"));
    m_maxParallel->setPrefix(tr("at most "));
    m_maxParallel->setSuffix(tr(" at once"));
    m_maxParallel->setValue(m_engine->maxParallel());
    m_maxParallel->setToolTip(tr("How many children may run at the same time. The others wait, shown as \"queued\", "
                                 "and start as slots free up. A chain needs one slot per stage."));
    connect(m_maxParallel, &QSpinBox::valueChanged, this, [this](int value) { m_engine->setMaxParallel(value); });
    toolbar->addWidget(m_maxParallel);
}

void MainWindow::setMaxParallel(int count)
{
    m_maxParallel->setValue(count);
}

void MainWindow::buildLayout()
{
    // Left: the presets.
    auto *presetPanel = new QWidget(this);
    auto *presetLayout = new QVBoxLayout(presetPanel);
    presetLayout->setContentsMargins(6, 6, 0, 6);
    auto *presetTitle = new QLabel(tr("<b>Presets</b> — from the seed notes"), presetPanel);
    m_presetView = new QListView(presetPanel);
    m_presetView->setModel(m_presetModel);
    m_presetView->setDragEnabled(true);
    m_presetView->setDragDropMode(QAbstractItemView::DragOnly);
    m_presetView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_presetView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_presetView->setWordWrap(true);
    m_presetView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_presetView->setSpacing(1);
    m_presetView->setToolTip(tr("Double-click or press Enter to run a preset"));
    if (m_presetModel->rowCount() > 0)
        m_presetView->setCurrentIndex(m_presetModel->index(0));
    connect(m_presetView, &QListView::activated, this, &MainWindow::runSelectedPreset);
    connect(m_presetView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::updatePresetDescription);
    m_presetDescription = new QLabel(presetPanel);
    m_presetDescription->setWordWrap(true);
    m_presetDescription->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_presetDescription->setMinimumHeight(120);
    auto *runButton = new QPushButton(tr("Run preset"), presetPanel);
    runButton->setToolTip(m_runPresetAction->toolTip());
    connect(runButton, &QPushButton::clicked, this, &MainWindow::runSelectedPreset);
    presetLayout->addWidget(presetTitle);
    presetLayout->addWidget(m_presetView, 1);
    presetLayout->addWidget(m_presetDescription);
    presetLayout->addWidget(runButton);

    // Centre: command bar, process table, details.
    auto *centre = new QWidget(this);
    auto *centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 6, 6, 0);
    auto *commandBar = new QHBoxLayout;
    m_commandEdit = new QLineEdit(centre);
    m_commandEdit->setPlaceholderText(tr("Command, e.g.  sleep 2   or   echo \"two words\"   — press Enter to run"));
    m_commandEdit->setToolTip(tr("Split into words by QProcess::splitCommand, then run directly: no shell is involved "
                                 "unless you tick \"run in /bin/sh -c\". Group words with double quotes: "
                                 "echo \"two words\". Single quotes, pipes and $VARIABLES are not special here."));
    m_commandEdit->setClearButtonEnabled(true);
    connect(m_commandEdit, &QLineEdit::returnPressed, this, &MainWindow::runCommand);
    m_shellCheck = new QCheckBox(tr("run in /bin/sh -c"), centre);
    m_shellCheck->setToolTip(tr("Hand the whole line to /bin/sh, so pipes, globs and $VARIABLES work. The row is "
                                "marked [shell]."));
    auto *runCommandButton = new QPushButton(tr("Run"), centre);
    runCommandButton->setToolTip(m_runCommandAction->toolTip());
    connect(runCommandButton, &QPushButton::clicked, this, &MainWindow::runCommand);
    commandBar->addWidget(m_commandEdit, 1);
    commandBar->addWidget(m_shellCheck);
    commandBar->addWidget(runCommandButton);

    m_jobView = new QTreeView(centre);
    m_jobView->setModel(m_proxy);
    m_jobView->setItemDelegate(new JobDelegate(m_jobView));
    m_jobView->setUniformRowHeights(true);
    m_jobView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_jobView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_jobView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_jobView->setAllColumnsShowFocus(true);
    m_jobView->header()->setSortIndicator(-1, Qt::AscendingOrder);
    m_jobView->setSortingEnabled(true);
    m_jobView->header()->setStretchLastSection(true);
    const int widths[] = {200, 180, 55, 140, 65, 65, 42, 58, 58};
    for (int column = 0; column < int(std::size(widths)); ++column)
        m_jobView->setColumnWidth(column, widths[column]);
    connect(m_jobView->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::onCurrentJobChanged);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &parent, int first, int last) {
        if (parent.isValid())
            return;
        for (int row = first; row <= last; ++row)
            m_jobView->expand(m_proxy->index(row, 0));
    });

    m_detail = new JobDetailPane(centre);

    m_centreSplitter = new QSplitter(Qt::Vertical, centre);
    m_centreSplitter->setObjectName(QStringLiteral("centreSplitter"));
    m_centreSplitter->addWidget(m_jobView);
    m_centreSplitter->addWidget(m_detail);
    m_centreSplitter->setStretchFactor(0, 3);
    m_centreSplitter->setStretchFactor(1, 2);
    centreLayout->addLayout(commandBar);
    centreLayout->addWidget(m_centreSplitter, 1);

    m_threadsPanel = new ThreadsPanel(m_engine, this);
    connect(m_threadsPanel, &ThreadsPanel::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 8000); });

    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(centre, tr("&Processes"));
    m_tabs->addTab(m_threadsPanel, tr("&Threads lab"));
    m_tabs->setTabToolTip(0, tr("The children SpawnScope started, live"));
    m_tabs->setTabToolTip(1, tr("Threads vs processes on CPU-bound work and blocking I/O (Effective Python item 53)"));

    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    m_mainSplitter->addWidget(presetPanel);
    m_mainSplitter->addWidget(m_tabs);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setSizes({230, 1000});
    setCentralWidget(m_mainSplitter);

    m_statusCounts = new QLabel(this);
    statusBar()->addPermanentWidget(m_statusCounts);
    resize(1280, 800);
}

bool MainWindow::showPanel(const QString &name)
{
    if (name == QLatin1String("processes"))
        m_tabs->setCurrentIndex(0);
    else if (name == QLatin1String("threads"))
        m_tabs->setCurrentIndex(1);
    else
        return false;
    return true;
}

JobRun *MainWindow::runPreset(const QString &id)
{
    const int row = m_presetModel->rowOf(id);
    if (row < 0) {
        statusBar()->showMessage(tr("There is no preset \"%1\".").arg(id), 8000);
        return nullptr;
    }
    return runPreset(m_presetModel->presetAt(row));
}

JobRun *MainWindow::runPreset(const Preset &preset)
{
    if (m_quitting)
        return nullptr;
    JobRun *run = m_engine->start(preset);
    m_tabs->setCurrentIndex(0);
    selectRun(run);
    const int children = int(run->jobs().size());
    statusBar()->showMessage(children == 1 ? tr("Started %1: one child process.").arg(preset.title)
                                           : tr("Started %1: %2 child processes at once.").arg(preset.title).arg(children),
                             5000);
    return run;
}

JobRun *MainWindow::runCommand()
{
    QString error;
    const Preset preset = Preset::fromCommand(m_commandEdit->text(), m_shellCheck->isChecked(), &error);
    if (preset.stages.isEmpty()) {
        statusBar()->showMessage(error, 8000);
        m_commandEdit->setFocus();
        return nullptr;
    }
    JobRun *run = runPreset(preset);
    if (run && !m_shellCheck->isChecked() && m_commandEdit->text().contains(QLatin1Char('\''))) {
        statusBar()->showMessage(tr("Note: single quotes are passed on literally without a shell. Use double quotes, "
                                    "or tick \"run in /bin/sh -c\"."),
                                 10000);
    }
    return run;
}

void MainWindow::runSelectedPreset()
{
    const QModelIndex index = m_presetView->currentIndex();
    if (!index.isValid()) {
        statusBar()->showMessage(tr("Select a preset on the left first."), 5000);
        return;
    }
    runPreset(m_presetModel->presetAt(index.row()));
}

void MainWindow::selectRun(const JobRun *run, int jobIndex)
{
    const QModelIndex source = jobIndex < 0 ? m_jobModel->indexOfRun(run) : m_jobModel->indexOfJob(run, jobIndex);
    const QModelIndex proxy = m_proxy->mapFromSource(source);
    if (!proxy.isValid())
        return;
    m_jobView->setCurrentIndex(proxy);
    m_jobView->scrollTo(proxy);
    onCurrentJobChanged(); // refresh even when it already was the current row
}

QModelIndex MainWindow::currentSourceIndex() const
{
    return m_proxy->mapToSource(m_jobView->currentIndex());
}

void MainWindow::stopSelected()
{
    const QModelIndex index = currentSourceIndex();
    if (JobProcess *job = m_jobModel->jobAt(index))
        job->stop();
    else if (JobRun *run = m_jobModel->runAt(index))
        run->stop();
    updateActions();
}

void MainWindow::killSelected()
{
    const QModelIndex index = currentSourceIndex();
    if (JobProcess *job = m_jobModel->jobAt(index))
        job->kill();
    else if (JobRun *run = m_jobModel->runAt(index))
        run->kill();
    updateActions();
}

void MainWindow::rerunSelected()
{
    if (const JobRun *run = m_jobModel->runAt(currentSourceIndex()))
        runPreset(run->preset());
}

void MainWindow::clearFinished()
{
    m_engine->clearFinished();
    updateActions();
}

void MainWindow::onCurrentJobChanged()
{
    const QModelIndex index = currentSourceIndex();
    m_detail->show(m_jobModel->runAt(index), m_jobModel->jobAt(index));
    updateActions();
}

void MainWindow::onJobDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    // The model sends at most ~20 batches a second, so following them is cheap.
    JobRun *shown = m_detail->run();
    if (!shown || m_jobModel->runAt(topLeft) != shown)
        return;
    if (m_detail->job()) {
        const int row = m_detail->run()->indexOf(m_detail->job());
        if (topLeft.parent().isValid() && (row < topLeft.row() || row > bottomRight.row()))
            return;
    }
    m_detail->refresh();
    updateActions();
}

void MainWindow::updateActions()
{
    const QModelIndex index = currentSourceIndex();
    const JobRun *run = m_jobModel->runAt(index);
    const JobProcess *job = m_jobModel->jobAt(index);
    const bool active = job ? job->outcome().isActive() : (run && run->isActive());
    m_stopAction->setEnabled(active);
    m_killAction->setEnabled(active);
    m_rerunAction->setEnabled(run != nullptr && !m_quitting);
    const bool anyDone = std::any_of(m_engine->runs().cbegin(), m_engine->runs().cend(),
                                     [](const JobRun *r) { return r->isDone(); });
    m_clearAction->setEnabled(anyDone);
}

void MainWindow::updateStatus()
{
    int running = 0;
    for (const JobRun *run : m_engine->runs()) {
        if (run->isActive())
            running += int(run->jobs().size()) - run->doneCount();
    }
    m_statusCounts->setText(tr("%1 running · %2 in the table").arg(running).arg(m_engine->runs().size()));
}

void MainWindow::updatePresetDescription()
{
    const QModelIndex index = m_presetView->currentIndex();
    if (!index.isValid()) {
        m_presetDescription->clear();
        return;
    }
    const Preset &preset = m_presetModel->presetAt(index.row());
    QString text = QStringLiteral("<b>%1</b><br><code>%2</code>")
                       .arg(preset.title.toHtmlEscaped(), preset.commandLine().toHtmlEscaped());
    if (preset.copies > 1)
        text += tr(" × %1").arg(preset.copies);
    if (!preset.description.isEmpty())
        text += QStringLiteral("<p>%1</p>").arg(preset.description.toHtmlEscaped());
    m_presetDescription->setText(text);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_engine->isIdle()) {
        saveSettings();
        event->accept();
        return;
    }
    event->ignore();
    if (m_quitting)
        return; // already stopping; the window closes when the last child is gone
    if (m_confirmQuit) {
        int running = 0;
        for (const JobRun *run : m_engine->runs())
            running += run->isActive() ? int(run->jobs().size()) - run->doneCount() : 0;
        const auto answer = QMessageBox::question(
            this, tr("Quit SpawnScope?"),
            tr("%1 child processes are still running. Stop them (SIGTERM, then SIGKILL after the grace period) "
               "and quit?").arg(running),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Yes);
        if (answer != QMessageBox::Yes)
            return;
    }
    m_quitting = true;
    statusBar()->showMessage(tr("Stopping every child before quitting…"));
    connect(m_engine, &JobEngine::idle, this, &QWidget::close, Qt::QueuedConnection);
    m_engine->stopAll();
    updateActions();
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    m_tabs->setCurrentIndex(settings.value(QStringLiteral("window/tab"), 0).toInt());
    m_maxParallel->setValue(settings.value(QStringLiteral("jobs/maxParallel"), JobEngine::defaultMaxParallel()).toInt());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_mainSplitter->restoreState(settings.value(QStringLiteral("window/mainSplitter")).toByteArray());
    m_centreSplitter->restoreState(settings.value(QStringLiteral("window/centreSplitter")).toByteArray());
    m_jobView->header()->restoreState(settings.value(QStringLiteral("window/jobHeader")).toByteArray());
    m_shellCheck->setChecked(settings.value(QStringLiteral("command/viaShell"), false).toBool());
    m_commandEdit->setText(settings.value(QStringLiteral("command/last")).toString());
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/tab"), m_tabs->currentIndex());
    settings.setValue(QStringLiteral("jobs/maxParallel"), m_maxParallel->value());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/mainSplitter"), m_mainSplitter->saveState());
    settings.setValue(QStringLiteral("window/centreSplitter"), m_centreSplitter->saveState());
    settings.setValue(QStringLiteral("window/jobHeader"), m_jobView->header()->saveState());
    settings.setValue(QStringLiteral("command/viaShell"), m_shellCheck->isChecked());
    settings.setValue(QStringLiteral("command/last"), m_commandEdit->text());
}
