#include "mainwindow.h"
#include "settingskeys.h"

#include "jobcolumn.h"

#include "limitsdialog.h"

#include "chainbuilder.h"
#include "codepanel.h"
#include "comparedialog.h"
#include "jobcontrol.h"
#include "jobdelegate.h"
#include "jobdetailpane.h"
#include "jobengine.h"
#include "jobprocess.h"
#include "jobrun.h"
#include "jobfilterproxymodel.h"
#include "jobtableview.h"
#include "jobtreemodel.h"
#include "mimetypes.h"
#include "presetlistmodel.h"
#include "presetpalette.h"
#include "processsampler.h"
#include "shellwords.h"
#include "runexporter.h"
#include "rungate.h"
#include "sessionactions.h"
#include "sessionkeeper.h"
#include "sessionreader.h"
#include "threadlab.h"
#include "machinelink.h"
#include "machinepanel.h"
#include "threadspanel.h"
#include "timelinemodel.h"
#include "timelinepanel.h"

#include <QAction>
#include <QCheckBox>
#include <QCloseEvent>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QDateTime>
#include <QFileInfo>
#include <QInputDialog>
#include <QLocale>
#include <QSettings>
#include <QTimer>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolButton>
#include <QToolBar>
#include <QVBoxLayout>

MainWindow::MainWindow(JobEngine *engine, ThreadLab *lab, const QList<Preset> &presets, QWidget *parent)
    : QMainWindow(parent)
    , m_engine(engine)
    , m_lab(lab)
    , m_jobModel(new JobTreeModel(m_engine, this))
    , m_proxy(new JobFilterProxyModel(this))
    , m_presetModel(new PresetListModel(this))
{
    setWindowTitle(tr("SpawnScope — child processes, live"));
    m_presetModel->setPresets(presets);
    m_proxy->setSourceModel(m_jobModel);

    buildActions();
    buildLayout();
    m_exporter = new RunExporter(m_engine, this, m_tabs, this);
    m_runGate = new RunGate(this);
    connect(m_runGate, &RunGate::approved, this, [this](const Preset &preset) { runPreset(preset); });
    buildMenus();
    wirePanels();
    restoreSettings();

    // A large fan-out starts over a few turns of the event loop, not in one.
    m_engine->setStartBudgetMs(JobEngine::WindowStartBudgetMs);
    connect(m_engine, &JobEngine::runFinished, this, [this] {
        updateActions();
        updateStatus();
    });
    connect(m_engine, &JobEngine::runAdded, this, [this] {
        updateActions();
        updateStatus();
    });
    connect(m_engine, &JobEngine::runningCountChanged, this, &MainWindow::updateStatus);
    m_followTimer = new QTimer(this);
    m_followTimer->setSingleShot(true);
    m_followTimer->setInterval(0);
    connect(m_followTimer, &QTimer::timeout, this, &MainWindow::followShownRun);
    connect(m_jobModel, &QAbstractItemModel::dataChanged, this, &MainWindow::onJobDataChanged);
    connect(m_jobModel, &QAbstractItemModel::rowsRemoved, this, [this] {
        onCurrentJobChanged();
        updateStatus();
    });
    updateActions();
    updateStatus();
    if (const Preset *preset = m_palette->currentPreset())
        m_codePanel->setPreset(*preset);
    m_palette->view()->setFocus(); // Enter runs the selected preset straight away
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions()
{
    m_runCommandAction = new QAction(tr("Run &command"), this);
    m_runCommandAction->setToolTip(tr("Run the command typed above the table"));
    connect(m_runCommandAction, &QAction::triggered, this, &MainWindow::runCommand);
    m_watchProgramAction = new QAction(tr("&Watch a program…"), this);
    m_watchProgramAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    m_watchProgramAction->setToolTip(tr("Run a program and trace its whole process family: every fork, exec, exit "
                                        "and pipe"));
    connect(m_watchProgramAction, &QAction::triggered, this, &MainWindow::askWatchProgram);

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

    m_compareAction = new QAction(tr("Co&mpare runs…"), this);
    m_compareAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    m_compareAction->setToolTip(tr("Two finished runs side by side: wall time, Σ, parallelism, CPU time and peak "
                                   "memory with the ratios, and their timelines on one time axis (Ctrl+M)"));
    connect(m_compareAction, &QAction::triggered, this, &MainWindow::compareRuns);

    m_clearAction = new QAction(tr("C&lear finished"), this);
    m_clearAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_clearAction->setToolTip(tr("Remove every finished group from the table (Ctrl+L)"));
    connect(m_clearAction, &QAction::triggered, this, &MainWindow::clearFinished);

    m_saveJobAction = new QAction(tr("&Save as preset"), this);
    m_saveJobAction->setShortcut(QKeySequence::Save);
    m_saveJobAction->setToolTip(tr("Keep the selected job (program, arguments, environment, timeout) as one of your "
                                   "presets; the same as dragging its row onto the preset list"));
    connect(m_saveJobAction, &QAction::triggered, this, &MainWindow::saveSelectedJobAsPreset);

    m_control = new JobControl(this);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
}

void MainWindow::buildMenus()
{
    using Format = RunExporter::Format;
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    m_fileMenu = fileMenu;
    fileMenu->addAction(m_palette->importAction());
    fileMenu->addAction(m_palette->exportAction());
    QMenu *exportMenu = fileMenu->addMenu(tr("Export &runs"));
    exportMenu->addAction(tr("Job log (GNU parallel TSV)…"), m_exporter,
                          [this] { m_exporter->exportRunsDialog(Format::JoblogTsv); });
    exportMenu->addAction(tr("Job log (JSON)…"), m_exporter, [this] { m_exporter->exportRunsDialog(Format::JoblogJson); });
    exportMenu->addAction(tr("Trace for Perfetto / chrome://tracing (JSON)…"), m_exporter,
                          [this] { m_exporter->exportRunsDialog(Format::Trace); });
    fileMenu->addSeparator();
    QAction *saveShot = fileMenu->addAction(tr("Save &screenshot…"), m_exporter,
                                            [this] { m_exporter->saveScreenshotDialog(false); });
    saveShot->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    saveShot->setToolTip(tr("Save the whole window as a PNG, for slides and handouts"));
    fileMenu->addAction(tr("Save screenshot of the current &panel…"), m_exporter,
                        [this] { m_exporter->saveScreenshotDialog(true); });
    fileMenu->addSeparator();
    fileMenu->addAction(m_quitAction);

    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    editMenu->addAction(m_palette->undoAction());
    editMenu->addAction(m_palette->redoAction());
    editMenu->addSeparator();
    QAction *copyShot = editMenu->addAction(tr("&Copy screenshot"), m_exporter,
                                            [this] { m_exporter->copyScreenshot(false); });
    copyShot->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    copyShot->setToolTip(tr("Put a picture of the whole window on the clipboard"));
    editMenu->addAction(tr("Copy screenshot of the current &panel"), m_exporter,
                        [this] { m_exporter->copyScreenshot(true); });

    QMenu *presetsMenu = menuBar()->addMenu(tr("&Presets"));
    presetsMenu->addAction(m_palette->newAction());
    const QList<QAction *> &onSelection = m_palette->selectionActions();
    // Edit, duplicate, delete | move up, move down, add to chain.
    presetsMenu->addActions(onSelection.mid(0, 3));
    presetsMenu->addSeparator();
    presetsMenu->addActions(onSelection.mid(3));

    QMenu *jobsMenu = menuBar()->addMenu(tr("&Jobs"));
    jobsMenu->addAction(m_palette->runAction());
    jobsMenu->addAction(m_runCommandAction);
    jobsMenu->addAction(m_watchProgramAction);
    jobsMenu->addSeparator();
    jobsMenu->addAction(m_stopAction);
    jobsMenu->addAction(m_killAction);
    jobsMenu->addAction(m_rerunAction);
    jobsMenu->addAction(m_compareAction);
    jobsMenu->addSeparator();
    jobsMenu->addAction(m_control->pauseAction());
    jobsMenu->addAction(m_control->resumeAction());
    jobsMenu->addMenu(m_control->signalMenu());
    jobsMenu->addSeparator();
    jobsMenu->addAction(m_clearAction);
    jobsMenu->addAction(tr("&Limits…"), this, [this] {
        auto *dialog = new LimitsDialog(m_engine, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    jobsMenu->addAction(m_saveJobAction);

    QToolBar *toolbar = addToolBar(tr("Jobs"));
    toolbar->setObjectName(QStringLiteral("jobsToolbar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addAction(m_palette->runAction());
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
    toolbar->addSeparator();

    m_sampleInterval = new QSpinBox(toolbar);
    m_sampleInterval->setRange(ProcessSampler::MinIntervalMs, ProcessSampler::MaxIntervalMs);
    m_sampleInterval->setSingleStep(100);
    m_sampleInterval->setPrefix(tr("sample every "));
    m_sampleInterval->setSuffix(tr(" ms"));
    m_sampleInterval->setValue(m_engine->sampleInterval());
    m_sampleInterval->setToolTip(tr("How often CPU, memory and descendants are read from /proc. Shorter catches "
                                    "short-lived descendants (one living less than an interval may never be seen) "
                                    "and draws finer charts; longer costs less."));
    connect(m_sampleInterval, &QSpinBox::valueChanged, this, [this](int value) {
        m_engine->setSampleInterval(value);
        m_machinePanel->setSampleInterval(value);
    });
    toolbar->addWidget(m_sampleInterval);
}

void MainWindow::setMaxParallel(int count)
{
    m_maxParallel->setValue(count);
}

void MainWindow::setSampleInterval(int ms)
{
    m_sampleInterval->setValue(ms);
}

void MainWindow::buildLayout()
{
    // Left: the presets.
    m_palette = new PresetPalette(m_presetModel, this);
    addDockWidget(Qt::LeftDockWidgetArea, m_palette);

    // Centre: command bar, process table, details.
    auto *centre = new QWidget(this);
    auto *centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 6, 6, 0);
    auto *commandBar = new QHBoxLayout;
    m_commandEdit = new QLineEdit(centre);
    m_commandEdit->setPlaceholderText(tr("A command to run, e.g.  sleep 2  or  echo \"two words\""));
    m_commandEdit->setToolTip(tr("Enter runs it. Split into words as a POSIX shell does: single quotes, double quotes and "
                                 "backslashes group and escape, but nothing is expanded, so $HOME, * and $(…) "
                                 "stay as typed. The words run directly: no shell is involved unless you tick "
                                 "\"run in /bin/sh -c\"."));
    m_commandEdit->setClearButtonEnabled(true);
    connect(m_commandEdit, &QLineEdit::returnPressed, this, &MainWindow::runCommand);
    m_shellCheck = new QCheckBox(tr("run in /bin/sh -c"), centre);
    m_shellCheck->setToolTip(tr("Hand the whole line to /bin/sh, so pipes, globs and $VARIABLES work. The row is "
                                "marked [shell]."));
    m_keepStdinCheck = new QCheckBox(tr("keep stdin open"), centre);
    m_keepStdinCheck->setToolTip(tr("Leave the command's stdin open: type lines for it under its output, Enter "
                                    "sends one, Ctrl+D ends input."));
    m_terminalCheck = new QCheckBox(tr("run in a terminal"), centre);
    m_terminalCheck->setToolTip(tr("Give the command a pseudo-terminal, so it sees a terminal (isatty) and "
                                   "line-buffers and colours its output as in a shell. Its stderr is merged into "
                                   "stdout."));
    m_watchCheck = new QCheckBox(tr("watch its family"), centre);
    m_watchCheck->setToolTip(tr("Trace every process the command starts, however short its life: each fork, exec "
                                "and exit, with exit codes, CPU time, peak memory and the pipes between them, "
                                "as rows under it and lanes on the timeline (uses ptrace)."));
    auto *runCommandButton = new QPushButton(tr("Run"), centre);
    runCommandButton->setToolTip(m_runCommandAction->toolTip());
    connect(runCommandButton, &QPushButton::clicked, this, &MainWindow::runCommand);
    commandBar->addWidget(m_commandEdit, 1);
    commandBar->addWidget(m_shellCheck);
    commandBar->addWidget(m_keepStdinCheck);
    commandBar->addWidget(m_terminalCheck);
    commandBar->addWidget(m_watchCheck);
    commandBar->addWidget(runCommandButton);

    // The filter: text over name, command and PID, and quick state toggles.
    auto *filterBar = new QHBoxLayout;
    m_filterEdit = new QLineEdit(centre);
    m_filterEdit->setObjectName(QStringLiteral("jobFilter"));
    m_filterEdit->setPlaceholderText(tr("Filter by name, command or PID (Ctrl+Shift+F)"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setToolTip(tr("Shows the groups in which a row's name, command or PID contains this text; "
                                "a group is always shown whole"));
    connect(m_filterEdit, &QLineEdit::textChanged, m_proxy, &JobFilterProxyModel::setFilterText);
    auto *focusFilter = new QAction(this);
    focusFilter->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    connect(focusFilter, &QAction::triggered, m_filterEdit, [this] {
        m_filterEdit->setFocus();
        m_filterEdit->selectAll();
    });
    addAction(focusFilter);
    filterBar->addWidget(m_filterEdit, 1);
    const std::pair<JobFilterProxyModel::Show, QString> toggles[] = {
        {JobFilterProxyModel::ShowRunning, tr("Running")},
        {JobFilterProxyModel::ShowFailed, tr("Failed")},
        {JobFilterProxyModel::ShowFinished, tr("Finished")}};
    for (const auto &[flag, label] : toggles) {
        auto *toggle = new QToolButton(centre);
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

    m_jobView = new JobTableView(centre);
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
    // Widths for each column's usual widest text, in the bold of a group row
    // where a group row fills that column; the names sit one indent in.
    QFont bold = m_jobView->font();
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    const QFontMetrics plainMetrics(m_jobView->font());
    for (int column = 0; column < JobColumn::count(); ++column) {
        const bool jobsOnly = column == JobTreeModel::PidColumn || column == JobTreeModel::ExitColumn;
        const QFontMetrics &metrics = jobsOnly ? plainMetrics : boldMetrics;
        const int indent = column == JobTreeModel::NameColumn ? m_jobView->indentation() : 0;
        m_jobView->setColumnWidth(column, metrics.horizontalAdvance(JobColumn::widthText(column)) + indent + 8);
    }
    // The last line stretches over what the others leave; a width of its
    // own would only make the table scroll sideways when that is less.
    m_jobView->setColumnWidth(JobTreeModel::LastLineColumn, m_jobView->header()->minimumSectionSize());
    // The last line stays the last column, so it takes what width is left
    // whichever resource columns are shown.
    QHeaderView *header = m_jobView->header();
    header->moveSection(header->visualIndex(JobTreeModel::LastLineColumn), JobTreeModel::ColumnCount - 1);
    // CPU % and memory tell most; the rest is one right-click on the header away.
    for (int column = 0; column < JobColumn::count(); ++column)
        header->setSectionHidden(column, !JobColumn::info(column).shownByDefault);
    m_jobView->setContextMenuPolicy(Qt::CustomContextMenu);
    m_jobView->setEmptyHint(tr("Nothing has run yet.\n\n"
                               "Double-click a preset on the left (or select it and press Enter) to run one of "
                               "the lessons,\ntype a command in the field above and press Enter,\n"
                               "or drag a preset onto this table.\n\n"
                               "Each child process gets a row here: its PID, state, exit and output, live."));

    m_detail = new JobDetailPane(centre);

    m_centreSplitter = new QSplitter(Qt::Vertical, centre);
    m_centreSplitter->setObjectName(QStringLiteral("centreSplitter"));
    m_centreSplitter->addWidget(m_jobView);
    m_centreSplitter->addWidget(m_detail);
    m_centreSplitter->setStretchFactor(0, 3);
    m_centreSplitter->setStretchFactor(1, 2);
    centreLayout->addLayout(commandBar);
    centreLayout->addLayout(filterBar);
    centreLayout->addWidget(m_centreSplitter, 1);

    m_threadsPanel = new ThreadsPanel(m_lab, this);
    m_timelineModel = new TimelineModel(m_engine, this);
    m_timelinePanel = new TimelinePanel(m_timelineModel, this);
    m_codePanel = new CodePanel(this);
    m_machinePanel = new MachinePanel(this);
    m_machinePanel->setObjectName(QStringLiteral("machine"));
    m_machinePanel->setSampleInterval(m_engine->sampleInterval());

    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    centre->setObjectName(QStringLiteral("processes"));
    m_timelinePanel->setObjectName(QStringLiteral("timeline"));
    // The lab's controls need more width than a small window has: scroll
    // rather than force the window wider than asked (--size).
    auto *threadsScroll = new QScrollArea(this);
    threadsScroll->setWidget(m_threadsPanel);
    threadsScroll->setWidgetResizable(true);
    threadsScroll->setFrameShape(QFrame::NoFrame);
    threadsScroll->setObjectName(QStringLiteral("threads"));
    m_codePanel->setObjectName(QStringLiteral("code"));
    struct Tab
    {
        QWidget *widget;
        QString title;
        QString toolTip;
    };
    const Tab tabs[] = {
        {centre, tr("Pr&ocesses"), tr("The children SpawnScope started, live")},
        {m_timelinePanel, tr("Time&line"),
         tr("When each child ran: one lane per child, with SIGTERM, SIGKILL, exit and poll() marked")},
        {threadsScroll, tr("&Threads lab"),
         tr("Threads vs processes on CPU-bound work and blocking I/O (Effective Python item 53)")},
        {m_codePanel, tr("&Code"), tr("The selected preset or job as Python subprocess code and as C++ with QProcess")},
        {m_machinePanel, tr("&Machine"),
         tr("Every process on the machine, as htop shows them; watch any one's family from now on")},
    };
    for (const Tab &tab : tabs)
        m_tabs->setTabToolTip(m_tabs->addTab(tab.widget, tab.title), tab.toolTip);
    setCentralWidget(m_tabs);

    m_chainBuilder = new ChainBuilder(m_presetModel, this);
    m_chainDock = new QDockWidget(tr("Chain builder"), this);
    m_chainDock->setObjectName(QStringLiteral("chainDock"));
    m_chainDock->setWidget(m_chainBuilder);
    m_chainDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable
                             | QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::LeftDockWidgetArea, m_chainDock);
    resizeDocks({m_palette}, {260}, Qt::Horizontal);
    // The whole list of seeds first; the chain builder takes the rest. A
    // saved layout replaces this.
    resizeDocks({m_palette, m_chainDock}, {m_palette->preferredHeight(), m_chainDock->sizeHint().height()}, Qt::Vertical);

    m_statusCounts = new QLabel(this);
    m_statusCounts->setObjectName(QStringLiteral("statusCounts"));
    statusBar()->addPermanentWidget(m_statusCounts);
    resize(1280, 800);
}

void MainWindow::wirePanels()
{
    connect(m_palette, &PresetPalette::runRequested, this, [this](const Preset &preset) { runPreset(preset); });
    connect(m_palette, &PresetPalette::addToChainRequested, this, [this](const Preset &preset) {
        m_chainBuilder->addPreset(preset);
        m_chainDock->show();
    });
    connect(m_palette, &PresetPalette::currentPresetChanged, m_codePanel, &CodePanel::setPreset);
    connect(m_palette, &PresetPalette::statusMessage, this, &MainWindow::showMessage);
    // A table row dropped on the palette: the table knows the job, the palette keeps it.
    connect(m_presetModel, &PresetListModel::jobDropped, this, [this](const QByteArray &payload, int row) {
        JobRun *run = nullptr;
        if (const JobProcess *job = m_jobModel->jobFromMime(payload, &run))
            m_palette->saveJobAsPreset(run, job, row);
    });

    // What is dropped on the table runs, except files: sessions and reports
    // open, other files are presets to import.
    connect(m_jobView, &JobTableView::presetsDropped, this, [this](const QStringList &ids) {
        for (const QString &id : ids)
            runPreset(id);
    });
    connect(m_jobView, &JobTableView::filesDropped, this, [this](const QList<QUrl> &urls) {
        for (const QUrl &url : urls) {
            if (m_sessionActions && SessionReader::isSessionFile(url.toLocalFile()))
                m_sessionActions->openFile(url.toLocalFile());
            else
                m_palette->importPresetsFrom(url.toLocalFile());
        }
    });
    connect(m_jobView, &JobTableView::commandDropped, this, &MainWindow::runDroppedCommand);

    // The Machine tab: its watches are runs of their own, its own jobs open here.
    m_machineLink = new MachineLink(
        m_engine, m_machinePanel, [this](const Preset &preset) { return runPreset(preset); },
        [this](const JobRun *run, int index) {
            showPanel(QStringLiteral("processes"));
            selectRun(run, index);
        },
        this);
    connect(m_machineLink, &MachineLink::statusMessage, this, &MainWindow::showMessage);
    connect(m_machinePanel, &MachinePanel::statusMessage, this, &MainWindow::showMessage);
    connect(m_jobView, &QWidget::customContextMenuRequested, this, &MainWindow::showJobMenu);
    connect(m_jobView->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::onCurrentJobChanged);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &parent, int first, int last) {
        // A watched job opens on its family's first row: the family is what
        // the user asked to see. Sampled descendants stay folded.
        if (parent.isValid() && first == 0 && parent.data(JobTreeModel::WatchedRole).toBool()) {
            m_jobView->expand(parent);
            return;
        }
        if (parent.isValid())
            return;
        for (int row = first; row <= last; ++row)
            m_jobView->expand(m_proxy->index(row, 0));
    });

    connect(m_chainBuilder, &ChainBuilder::runRequested, this, [this](const Preset &preset) { runPreset(preset); });
    connect(m_chainBuilder, &ChainBuilder::saveRequested, m_palette, [this](const Preset &chain) {
        // Name it (and adjust it) before keeping it.
        m_palette->saveWithEditor(chain, tr("Save the chain as a preset"));
    });
    connect(m_chainBuilder, &ChainBuilder::statusMessage, this,
            [this](const QString &message) { showMessage(message, 8000); });
    connect(m_threadsPanel, &ThreadsPanel::statusMessage, this,
            [this](const QString &message) { showMessage(message, 8000); });
    connect(m_lab, &ThreadLab::modeFinished, m_timelineModel, &TimelineModel::addLabResult);
    connect(m_codePanel, &CodePanel::runRequested, this, [this](const Preset &preset) { runPreset(preset); });
    connect(m_codePanel, &CodePanel::copied, this, [this](const QString &language) {
        showMessage(tr("Copied the %1 code to the clipboard.").arg(language), 5000);
    });
    connect(m_exporter, &RunExporter::statusMessage, this, &MainWindow::showMessage);
    connect(m_control, &JobControl::statusMessage, this, &MainWindow::showMessage);
}

QListView *MainWindow::presetView() const
{
    return m_palette->view();
}

void MainWindow::showMessage(const QString &message, int timeoutMs)
{
    statusBar()->showMessage(message, timeoutMs);
}

QWidget *MainWindow::panelWidget(const QString &name) const
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (m_tabs->widget(i)->objectName() == name)
            return m_tabs->widget(i);
    }
    return nullptr;
}

bool MainWindow::showPanel(const QString &name)
{
    QWidget *panel = panelWidget(name);
    if (!panel)
        return false;
    m_tabs->setCurrentWidget(panel);
    return true;
}

QImage MainWindow::screenshot(bool panelOnly) const
{
    return m_exporter->screenshot(panelOnly);
}

void MainWindow::protectUnreadablePresets(const QString &problem)
{
    m_palette->protectUnreadablePresets(problem);
}

JobRun *MainWindow::runPreset(const QString &id)
{
    const int row = m_presetModel->rowOf(id);
    if (row < 0) {
        showMessage(tr("There is no preset \"%1\".").arg(id), 8000);
        return nullptr;
    }
    return runPreset(m_presetModel->presetAt(row));
}

JobRun *MainWindow::runPreset(const Preset &preset)
{
    if (m_quitting)
        return nullptr;
    if (!preset.withheldSecrets().isEmpty()) {
        // Never with an empty stand-in: the gate asks, then comes back here.
        m_runGate->request(preset);
        return nullptr;
    }
    JobRun *run = m_engine->start(preset);
    // Watch it in the table, unless the timeline is already in front.
    if (m_tabs->currentWidget() != m_timelinePanel)
        showPanel(QStringLiteral("processes"));
    selectRun(run);
    reportStart(run);
    return run;
}

void MainWindow::reportStart(JobRun *run)
{
    // A start failure is known now (a missing program) or when QProcess
    // reports it; either way the status bar says that, not "Started".
    const auto failureText = [run](int index) -> QString {
        const JobProcess *job = run->jobs().value(index);
        if (!job || job->outcome().state != JobOutcome::State::FailedToStart)
            return {};
        return tr("Could not start %1: %2").arg(job->spec().stage.program, job->outcome().error);
    };
    for (int i = 0; i < run->jobs().size(); ++i) {
        const QString failed = failureText(i);
        if (!failed.isEmpty()) {
            showMessage(failed, 10000);
            return;
        }
    }
    const int children = int(run->jobs().size());
    // A command typed as the title can be long: the message stays clear of
    // the counts at the status bar's right end.
    const QString title = fontMetrics().elidedText(run->preset().title, Qt::ElideMiddle, width() / 2);
    showMessage(children == 1 ? tr("Started %1: one child process.").arg(title)
                              : tr("Started %1: %2 child processes at once.").arg(title).arg(children),
                5000);
    auto *once = new QObject(this);
    connect(run, &JobRun::jobFinished, once, [this, once, failureText](int index) {
        const QString failed = failureText(index);
        if (!failed.isEmpty()) {
            showMessage(failed, 10000);
            once->deleteLater();
        }
    });
    connect(run, &JobRun::finished, once, &QObject::deleteLater);
    connect(run, &QObject::destroyed, once, &QObject::deleteLater);
}

void MainWindow::askWatchProgram()
{
    // Not modal in the event loop's sense: open() returns at once, so the
    // table and the timeline keep ticking while the user types.
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Watch a program"));
    dialog->setLabelText(tr("Program and arguments, split as a shell would (e.g.  python3 item52.py  or  make -j4).\n"
                            "Every process it starts appears under it, with its pipes, however short its life."));
    dialog->setTextValue(m_commandEdit->text());
    dialog->resize(560, dialog->sizeHint().height());
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &text) {
        m_commandEdit->setText(text);
        m_watchCheck->setChecked(true);
        runCommand();
    });
    dialog->open();
}

JobRun *MainWindow::runCommand()
{
    QString error;
    Preset preset = Preset::fromCommand(m_commandEdit->text(), m_shellCheck->isChecked(), &error);
    if (m_keepStdinCheck->isChecked())
        preset.stdinSpec.kind = StdinSpec::Kind::Interactive;
    preset.pty = m_terminalCheck->isChecked();
    preset.watch = m_watchCheck->isChecked();
    if (preset.stages.isEmpty()) {
        showMessage(error, 8000);
        m_commandEdit->setFocus();
        // An unclosed quote or a stray backslash is selected where it was typed.
        const ShellWords::Split split = ShellWords::split(m_commandEdit->text());
        if (!m_shellCheck->isChecked() && split.errorAt >= 0)
            m_commandEdit->setSelection(int(split.errorAt), 1);
        return nullptr;
    }
    return runPreset(preset);
}

void MainWindow::runDroppedCommand(const QString &command)
{
    // Dropped text never goes through a shell, whatever the tick box says.
    QString error;
    const Preset preset = Preset::fromCommand(command, false, &error);
    if (preset.stages.isEmpty()) {
        showMessage(error, 8000);
        return;
    }
    runPreset(preset);
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
    // A run read from a file is shown first and runs once the user agrees.
    if (const JobRun *run = m_jobModel->runAt(currentSourceIndex()))
        m_runGate->request(run->preset(), run);
}

void MainWindow::clearFinished()
{
    m_engine->clearFinished();
    m_engine->clearFolded();
    updateActions();
}

void MainWindow::saveSelectedJobAsPreset()
{
    const QModelIndex index = currentSourceIndex();
    JobRun *run = m_jobModel->runAt(index);
    if (const JobProcess *job = m_jobModel->jobAt(index))
        m_palette->saveJobAsPreset(run, job);
    else if (run)
        m_palette->saveAsPreset(run->preset());
}

void MainWindow::onCurrentJobChanged()
{
    const QModelIndex index = currentSourceIndex();
    JobRun *run = m_jobModel->runAt(index);
    m_detail->showJob(run, m_jobModel->jobAt(index));
    m_timelinePanel->selectJob(index.data(JobTreeModel::RunIdRole).toULongLong(), index.data(JobTreeModel::JobIndexRole).toInt());
    if (run)
        m_codePanel->setPreset(run->preset());
    updateActions();
}

void MainWindow::onJobDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    // The model sends at most ~20 batches a second, but a batch of a large
    // run is many ranges (its scattered finished rows), and describing a
    // 1,000-job run costs milliseconds: the pane follows once per batch.
    JobRun *shown = m_detail->run();
    if (!shown || m_jobModel->runAt(topLeft) != shown)
        return;
    if (m_detail->job()) {
        const int row = m_detail->run()->indexOf(m_detail->job());
        if (topLeft.parent().isValid() && (row < topLeft.row() || row > bottomRight.row()))
            return;
    }
    if (!m_followTimer->isActive())
        m_followTimer->start();
}

void MainWindow::followShownRun()
{
    if (!m_detail->run())
        return;
    m_detail->refresh();
    updateActions();
}

void MainWindow::updateActions()
{
    const QModelIndex index = currentSourceIndex();
    JobRun *run = m_jobModel->runAt(index);
    JobProcess *job = m_jobModel->jobAt(index);
    const bool active = job ? job->outcome().isActive() : (run && run->isActive());
    m_stopAction->setEnabled(active);
    m_killAction->setEnabled(active);
    m_rerunAction->setEnabled(run != nullptr && !m_quitting);
    m_control->setSelection(run, job);
    const bool anyDone = std::any_of(m_engine->runs().cbegin(), m_engine->runs().cend(),
                                     [](const JobRun *r) { return r->isDone(); });
    m_clearAction->setEnabled(anyDone);
}

void MainWindow::updateStatus()
{
    // Counted by the engine as children start and end: a run's own state lags
    // (it is added before its first child starts), and queued jobs are not running.
    m_statusCounts->setText(
        tr("%1 running · %2 in the table").arg(m_engine->runningCount()).arg(m_engine->runs().size()));
}

void MainWindow::showJobMenu(const QPoint &pos)
{
    const QModelIndex index = m_jobView->indexAt(pos);
    if (index.isValid())
        m_jobView->setCurrentIndex(index);
    QMenu menu(this);
    menu.addActions({m_stopAction, m_killAction, m_rerunAction});
    menu.addSeparator();
    menu.addActions({m_control->pauseAction(), m_control->resumeAction()});
    menu.addMenu(m_control->signalMenu());
    menu.addSeparator();
    menu.addAction(m_saveJobAction);
    menu.addAction(m_clearAction);
    menu.exec(m_jobView->viewport()->mapToGlobal(pos));
}

CompareDialog *MainWindow::compareRuns()
{
    QList<const JobRun *> done;
    for (const JobRun *run : m_engine->runs()) {
        if (run->isDone())
            done << run;
    }
    if (done.size() < 2) {
        showMessage(tr("Compare needs two finished runs: run a preset twice (say serially and in parallel), or "
                       "open a session."),
                    6000);
        return nullptr;
    }
    const JobRun *selected = m_jobModel->runAt(currentSourceIndex());
    const JobRun *a = selected && selected->isDone() ? selected : done.at(done.size() - 2);
    const JobRun *b = done.last() != a ? done.last() : done.at(done.size() - 2);
    if (m_engine->indexOf(b) < m_engine->indexOf(a))
        std::swap(a, b); // A is the earlier run, so B / A reads as then -> now
    auto *dialog = new CompareDialog(m_engine, a, b, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void MainWindow::setSessionKeeper(SessionKeeper *keeper)
{
    if (m_sessionKeeper || !keeper)
        return;
    m_sessionKeeper = keeper;
    m_sessionActions = new SessionActions(keeper, m_engine, m_palette->undoStack(), this);
    connect(m_sessionActions, &SessionActions::message, this, &MainWindow::showMessage);
    QAction *first = m_fileMenu->actions().value(0);
    m_fileMenu->insertActions(first, {m_sessionActions->newAction(), m_sessionActions->openAction(),
                                      m_sessionActions->saveAsAction(), m_sessionActions->keepAction()});
    m_fileMenu->insertSeparator(first);
    keeper->setEnabled(SessionActions::keepsSessions());
    if (keeper->isEnabled() && QFileInfo::exists(keeper->path()))
        showMessage(tr("Restoring the last session…"), 0);
    keeper->restoreLast();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_engine->isIdle()) {
        saveSettings();
        if (m_sessionKeeper)
            m_sessionKeeper->saveNow();
        event->accept();
        return;
    }
    event->ignore();
    if (m_quitting)
        return; // already stopping; the window closes when the last child is gone
    if (m_confirmQuit) {
        // Queued jobs count too: quitting means they never start.
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
    // The session keeps them as stopped by the quit, not as failures.
    for (JobRun *run : m_engine->runs()) {
        if (!run->isDone())
            run->setEndedByQuit(true);
    }
    showMessage(tr("Stopping every child before quitting…"), 0);
    connect(m_engine, &JobEngine::idle, this, &QWidget::close, Qt::QueuedConnection);
    m_engine->stopAll();
    updateActions();
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(SettingsKeys::WindowGeometry).toByteArray());
    m_tabs->setCurrentIndex(settings.value(SettingsKeys::WindowTab, 0).toInt());
    // Saved only when it differs from the default, so a new default reaches
    // everyone who never chose. 16 was the default that earlier versions
    // saved for everyone: it would queue the seeds' 64-copy runs.
    int maxParallel = settings.value(SettingsKeys::MaxParallel, JobEngine::defaultMaxParallel()).toInt();
    if (maxParallel == 16 && !settings.contains(SettingsKeys::MaxParallelChosen))
        maxParallel = JobEngine::defaultMaxParallel();
    m_maxParallel->setValue(maxParallel);
    m_sampleInterval->setValue(settings.value(SettingsKeys::SampleIntervalMs, m_engine->sampleInterval()).toInt());
    LimitsDialog::restore(m_engine);
    restoreState(settings.value(SettingsKeys::WindowState).toByteArray());
    m_centreSplitter->restoreState(settings.value(SettingsKeys::CentreSplitter).toByteArray());
    // A new key: a header saved before the resource columns existed would
    // show every one of them.
    m_jobView->header()->restoreState(settings.value(SettingsKeys::JobColumns).toByteArray());
    // Saved stretched to the width the window had then: here it would only
    // make the table scroll sideways in a narrower one.
    m_jobView->setColumnWidth(JobTreeModel::LastLineColumn, m_jobView->header()->minimumSectionSize());
    m_shellCheck->setChecked(settings.value(SettingsKeys::ViaShell, false).toBool());
    // "keep stdin open", "run in a terminal" and "watch its family" change
    // how the next command runs in ways easy to overlook after a restart:
    // they last for this session only.
    m_commandEdit->setText(settings.value(SettingsKeys::LastCommand).toString());
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(SettingsKeys::WindowGeometry, saveGeometry());
    settings.setValue(SettingsKeys::WindowTab, m_tabs->currentIndex());
    if (m_maxParallel->value() == JobEngine::defaultMaxParallel()) {
        settings.remove(SettingsKeys::MaxParallel);
        settings.remove(SettingsKeys::MaxParallelChosen);
    } else {
        settings.setValue(SettingsKeys::MaxParallel, m_maxParallel->value());
        settings.setValue(SettingsKeys::MaxParallelChosen, true);
    }
    settings.setValue(SettingsKeys::SampleIntervalMs, m_sampleInterval->value());
    settings.setValue(SettingsKeys::WindowState, saveState());
    settings.setValue(SettingsKeys::CentreSplitter, m_centreSplitter->saveState());
    settings.setValue(SettingsKeys::JobColumns, m_jobView->header()->saveState());
    settings.setValue(SettingsKeys::ViaShell, m_shellCheck->isChecked());
    for (const QString &sessionOnly : {SettingsKeys::KeepStdin, SettingsKeys::Terminal, SettingsKeys::Watch})
        settings.remove(sessionOnly); // written by earlier versions
    settings.setValue(SettingsKeys::LastCommand, m_commandEdit->text());
}
