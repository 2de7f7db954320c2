#include "mainwindow.h"
#include "settingskeys.h"

#include "chainbuilder.h"
#include "codepanel.h"
#include "jobactions.h"
#include "jobcontrol.h"
#include "jobengine.h"
#include "jobprocess.h"
#include "jobrun.h"
#include "jobstoolbar.h"
#include "jobtableview.h"
#include "jobtreemodel.h"
#include "limitsdialog.h"
#include "machinelink.h"
#include "machinepanel.h"
#include "presetlistmodel.h"
#include "presetpalette.h"
#include "processespanel.h"
#include "quitcontroller.h"
#include "runexporter.h"
#include "rungate.h"
#include "sessionactions.h"
#include "sessionkeeper.h"
#include "sessionreader.h"
#include "threadlab.h"
#include "threadspanel.h"
#include "timelinemodel.h"
#include "timelinepanel.h"
#include "windowstatusbar.h"

#include <QAction>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QListView>
#include <QMenuBar>
#include <QScrollArea>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>

MainWindow::MainWindow(JobEngine *engine, ThreadLab *lab, const QList<Preset> &presets, QWidget *parent)
    : QMainWindow(parent)
    , m_engine(engine)
    , m_lab(lab)
    , m_jobModel(new JobTreeModel(m_engine, this))
    , m_presetModel(new PresetListModel(this))
    , m_quit(new QuitController(m_engine, this))
{
    setWindowTitle(tr("SpawnScope — child processes, live"));
    m_presetModel->setPresets(presets);

    buildLayout();
    m_exporter = new RunExporter(m_engine, this, m_tabs, this);
    m_runGate = new RunGate(this);
    connect(m_runGate, &RunGate::approved, this, [this](const Preset &preset) { runPreset(preset); });
    buildMenus();
    wirePanels();
    restoreSettings();

    // A large fan-out starts over a few turns of the event loop, not in one.
    m_engine->setStartBudgetMs(JobEngine::WindowStartBudgetMs);
    connect(m_jobModel, &QAbstractItemModel::rowsRemoved, m_statusBar, &WindowStatusBar::updateCounts);
    m_statusBar->updateCounts();
    if (const Preset *preset = m_palette->currentPreset())
        m_codePanel->setPreset(*preset);
    m_palette->view()->setFocus(); // Enter runs the selected preset straight away
}

MainWindow::~MainWindow() = default;

void MainWindow::buildLayout()
{
    // Left: the presets.
    m_palette = new PresetPalette(m_presetModel, this);
    addDockWidget(Qt::LeftDockWidgetArea, m_palette);

    // Centre: the processes, what can be done to the selected one, and the
    // other tabs.
    m_processes = new ProcessesPanel(m_jobModel, this);
    m_jobActions = new JobActions(m_engine, m_processes, m_palette, this);
    m_processes->setJobMenu(m_jobActions->jobMenu());
    addAction(m_processes->focusFilterAction());
    buildTabs();
    buildChainDock();

    m_statusBar = new WindowStatusBar(m_engine, this);
    setStatusBar(m_statusBar);
    resize(1280, 800);
}

void MainWindow::buildTabs()
{
    m_threadsPanel = new ThreadsPanel(m_lab, this);
    m_timelineModel = new TimelineModel(m_engine, this);
    m_timelinePanel = new TimelinePanel(m_timelineModel, this);
    m_codePanel = new CodePanel(this);
    m_machinePanel = new MachinePanel(this);
    m_machinePanel->setObjectName(QStringLiteral("machine"));
    m_machinePanel->setSampleInterval(m_engine->sampleInterval());

    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
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
        {m_processes, tr("Pr&ocesses"), tr("The children SpawnScope started, live")},
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
}

void MainWindow::buildChainDock()
{
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
}

void MainWindow::buildMenus()
{
    buildFileMenu();
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
    buildJobsMenu();
    m_toolBar = new JobsToolBar(m_engine, m_palette->runAction(), m_jobActions, this);
    addToolBar(m_toolBar);
}

void MainWindow::buildFileMenu()
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
    fileMenu->addAction(m_quit->quitAction());
}

void MainWindow::buildJobsMenu()
{
    QMenu *jobsMenu = menuBar()->addMenu(tr("&Jobs"));
    jobsMenu->addAction(m_palette->runAction());
    jobsMenu->addAction(commandBar()->runAction());
    jobsMenu->addAction(commandBar()->watchProgramAction());
    jobsMenu->addSeparator();
    jobsMenu->addActions({m_jobActions->stopAction(), m_jobActions->killAction(), m_jobActions->rerunAction(),
                          m_jobActions->compareAction()});
    jobsMenu->addSeparator();
    const JobControl *control = m_jobActions->control();
    jobsMenu->addActions({control->pauseAction(), control->resumeAction()});
    jobsMenu->addMenu(control->signalMenu());
    jobsMenu->addSeparator();
    jobsMenu->addActions({m_jobActions->clearAction(), m_jobActions->limitsAction(), m_jobActions->saveJobAction()});
}

void MainWindow::wirePanels()
{
    wireProcesses();
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
    connect(m_toolBar->sampleIntervalBox(), &QSpinBox::valueChanged, m_machinePanel, &MachinePanel::setSampleInterval);

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
}

void MainWindow::wireProcesses()
{
    connect(commandBar(), &CommandBar::runRequested, this, &MainWindow::runCommand);
    connect(m_processes, &ProcessesPanel::currentChanged, this, &MainWindow::followSelection);
    connect(m_jobActions, &JobActions::rerunRequested, m_runGate, &RunGate::request);
    connect(m_jobActions, &JobActions::statusMessage, this, &MainWindow::showMessage);
    connect(m_quit, &QuitController::statusMessage, this, &MainWindow::showMessage);
    connect(m_quit, &QuitController::quittingStarted, m_jobActions, [this] { m_jobActions->setQuitting(true); });

    // What is dropped on the table runs, except files: sessions and reports
    // open, other files are presets to import.
    JobTableView *view = m_processes->view();
    connect(view, &JobTableView::presetsDropped, this, [this](const QStringList &ids) {
        for (const QString &id : ids)
            runPreset(id);
    });
    connect(view, &JobTableView::filesDropped, this, [this](const QList<QUrl> &urls) {
        for (const QUrl &url : urls) {
            if (m_sessionActions && SessionReader::isSessionFile(url.toLocalFile()))
                m_sessionActions->openFile(url.toLocalFile());
            else
                m_palette->importPresetsFrom(url.toLocalFile());
        }
    });
    connect(view, &JobTableView::commandDropped, this, &MainWindow::runDroppedCommand);
}

void MainWindow::followSelection(const QModelIndex &sourceIndex)
{
    // The timeline and the Code tab show what the table selects.
    m_timelinePanel->selectJob(sourceIndex.data(JobTreeModel::RunIdRole).toULongLong(),
                               sourceIndex.data(JobTreeModel::JobIndexRole).toInt());
    if (JobRun *run = m_jobModel->runAt(sourceIndex))
        m_codePanel->setPreset(run->preset());
}

JobControl *MainWindow::jobControl() const
{
    return m_jobActions->control();
}

QSpinBox *MainWindow::sampleIntervalBox() const
{
    return m_toolBar->sampleIntervalBox();
}

void MainWindow::setMaxParallel(int count)
{
    m_toolBar->maxParallelBox()->setValue(count);
}

void MainWindow::setSampleInterval(int ms)
{
    m_toolBar->sampleIntervalBox()->setValue(ms);
}

void MainWindow::setConfirmQuit(bool confirm)
{
    m_quit->setConfirm(confirm);
}

QListView *MainWindow::presetView() const
{
    return m_palette->view();
}

void MainWindow::showMessage(const QString &message, int timeoutMs)
{
    m_statusBar->showMessage(message, timeoutMs);
}

QLabel *MainWindow::statusCounts() const
{
    return m_statusBar->counts();
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
    if (m_quit->isQuitting())
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
    m_statusBar->reportStart(run);
    return run;
}

void MainWindow::askWatchProgram()
{
    commandBar()->askWatchProgram();
}

JobRun *MainWindow::runCommand()
{
    QString error;
    const Preset preset = commandBar()->preset(&error);
    if (preset.stages.isEmpty()) {
        showMessage(error, 8000);
        commandBar()->pointAtError();
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
    m_processes->selectRun(run, jobIndex);
}

CompareDialog *MainWindow::compareRuns()
{
    return m_jobActions->compareRuns();
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
    if (!m_quit->mayClose()) {
        event->ignore();
        return;
    }
    saveSettings();
    if (m_sessionKeeper)
        m_sessionKeeper->saveNow();
    event->accept();
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(SettingsKeys::WindowGeometry).toByteArray());
    m_tabs->setCurrentIndex(settings.value(SettingsKeys::WindowTab, 0).toInt());
    m_toolBar->restoreSettings(settings);
    LimitsDialog::restore(m_engine);
    restoreState(settings.value(SettingsKeys::WindowState).toByteArray());
    m_processes->restoreSettings(settings);
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(SettingsKeys::WindowGeometry, saveGeometry());
    settings.setValue(SettingsKeys::WindowTab, m_tabs->currentIndex());
    m_toolBar->saveSettings(settings);
    settings.setValue(SettingsKeys::WindowState, saveState());
    m_processes->saveSettings(settings);
}
