#include "mainwindow.h"

#include "chainbuilder.h"
#include "codepanel.h"
#include "jobdelegate.h"
#include "jobdetailpane.h"
#include "jobengine.h"
#include "jobformat.h"
#include "joblog.h"
#include "jobprocess.h"
#include "jobrun.h"
#include "jobtreemodel.h"
#include "mimetypes.h"
#include "presetdelegate.h"
#include "preseteditor.h"
#include "presetlistmodel.h"
#include "presetstore.h"
#include "atomicfile.h"
#include "chrometrace.h"
#include "threadlab.h"
#include "threadspanel.h"
#include "timelinemodel.h"
#include "timelinepanel.h"

#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QCheckBox>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
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
    m_presetView->setFocus(); // Enter runs the selected preset straight away
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
    QAction *importAction = fileMenu->addAction(tr("&Import presets…"), this, &MainWindow::importPresetsDialog);
    importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    importAction->setToolTip(tr("Add presets from a .json file to your presets; you see them first, nothing runs"));
    QAction *exportAction = fileMenu->addAction(tr("&Export presets…"), this, &MainWindow::exportPresets);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    QMenu *exportMenu = fileMenu->addMenu(tr("Export &runs"));
    exportMenu->addAction(tr("Job log (GNU parallel TSV)…"), this, [this] { exportRuns(RunExport::JoblogTsv); });
    exportMenu->addAction(tr("Job log (JSON)…"), this, [this] { exportRuns(RunExport::JoblogJson); });
    exportMenu->addAction(tr("Trace for Perfetto / chrome://tracing (JSON)…"), this,
                          [this] { exportRuns(RunExport::Trace); });
    fileMenu->addSeparator();
    QAction *saveShot = fileMenu->addAction(tr("Save &screenshot…"), this, [this] { saveScreenshotDialog(false); });
    saveShot->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    saveShot->setToolTip(tr("Save the whole window as a PNG, for slides and handouts"));
    fileMenu->addAction(tr("Save screenshot of the current &panel…"), this, [this] { saveScreenshotDialog(true); });
    fileMenu->addSeparator();
    fileMenu->addAction(m_quitAction);

    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    QAction *copyShot = editMenu->addAction(tr("&Copy screenshot"), this, [this] { copyScreenshot(false); });
    copyShot->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    copyShot->setToolTip(tr("Put a picture of the whole window on the clipboard"));
    editMenu->addAction(tr("Copy screenshot of the current &panel"), this, [this] { copyScreenshot(true); });

    QMenu *presetsMenu = menuBar()->addMenu(tr("&Presets"));
    QAction *newAction = presetsMenu->addAction(tr("&New preset…"), this, [this] {
        Preset blank;
        blank.id = QStringLiteral("my-preset");
        blank.title = tr("My preset");
        PresetEditor editor(blank, this);
        if (editor.exec() == QDialog::Accepted)
            saveAsPreset(editor.preset());
    });
    newAction->setShortcut(QKeySequence::New);
    m_presetActions << presetsMenu->addAction(tr("&Edit…"), this, &MainWindow::editSelectedPreset);
    m_presetActions.last()->setShortcut(QKeySequence(Qt::Key_F2));
    m_presetActions << presetsMenu->addAction(tr("&Duplicate"), this, &MainWindow::duplicateSelectedPreset);
    m_presetActions.last()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_presetActions << presetsMenu->addAction(tr("De&lete"), this, &MainWindow::deleteSelectedPreset);
    m_presetActions.last()->setShortcut(QKeySequence::Delete);
    m_undoAction = presetsMenu->addAction(tr("&Undo delete"), this, &MainWindow::undoDelete);
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setEnabled(false);
    presetsMenu->addSeparator();
    m_presetActions << presetsMenu->addAction(tr("Move &up"), this, [this] { moveSelectedPreset(-1); });
    m_presetActions.last()->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    m_presetActions << presetsMenu->addAction(tr("Move do&wn"), this, [this] { moveSelectedPreset(1); });
    m_presetActions.last()->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    m_presetActions << presetsMenu->addAction(tr("Add to &chain builder"), this, &MainWindow::addSelectedPresetToChain);
    m_presetActions.last()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    QMenu *jobsMenu = menuBar()->addMenu(tr("&Jobs"));
    jobsMenu->addAction(m_runPresetAction);
    jobsMenu->addAction(m_runCommandAction);
    jobsMenu->addSeparator();
    jobsMenu->addAction(m_stopAction);
    jobsMenu->addAction(m_killAction);
    jobsMenu->addAction(m_rerunAction);
    jobsMenu->addSeparator();
    jobsMenu->addAction(m_clearAction);
    m_saveJobAction = jobsMenu->addAction(tr("&Save as preset"), this, [this] {
        const QModelIndex index = currentSourceIndex();
        JobRun *run = m_jobModel->runAt(index);
        if (const JobProcess *job = m_jobModel->jobAt(index))
            saveJobAsPreset(run, job);
        else if (run)
            saveAsPreset(run->preset());
    });
    m_saveJobAction->setShortcut(QKeySequence::Save);
    m_saveJobAction->setToolTip(tr("Keep the selected job (program, arguments, environment, timeout) as one of your "
                                   "presets; the same as dragging its row onto the preset list"));

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
    auto *presetTitle = new QLabel(tr("Seeds come from the notes; your own presets are saved."), presetPanel);
    presetTitle->setWordWrap(true);
    m_presetView = new QListView(presetPanel);
    m_presetView->setModel(m_presetModel);
    m_presetView->setItemDelegate(new PresetDelegate(m_presetView));
    m_presetView->setDragEnabled(true);
    m_presetView->setAcceptDrops(true);
    m_presetView->setDragDropMode(QAbstractItemView::DragDrop);
    m_presetView->setDefaultDropAction(Qt::MoveAction);
    m_presetView->setDropIndicatorShown(true);
    m_presetView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_presetView, &QWidget::customContextMenuRequested, this, &MainWindow::showPresetMenu);
    m_presetView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_presetView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_presetView->setWordWrap(true);
    m_presetView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_presetView->setSpacing(1);
    m_presetView->setToolTip(tr("Double-click or press Enter to run a preset. Drag one onto the table to run it, onto "
                                "the chain builder to add its stages, or among \"My presets\" to reorder. Drop a "
                                "process-table row here to save it as a preset, or a .json file to import it."));
    if (m_presetModel->rowCount() > 0)
        m_presetView->setCurrentIndex(m_presetModel->index(0));
    connect(m_presetView, &QListView::activated, this, &MainWindow::runSelectedPreset);
    // Palette keys act on the palette only: Delete in the command field stays a key.
    for (QAction *action : std::as_const(m_presetActions)) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_presetView->addAction(action);
    }
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

    m_timelineModel = new TimelineModel(m_engine, this);
    m_timelinePanel = new TimelinePanel(m_timelineModel, this);
    connect(m_threadsPanel->lab(), &ThreadLab::modeFinished, m_timelineModel, &TimelineModel::addLabResult);

    m_codePanel = new CodePanel(this);
    connect(m_codePanel, &CodePanel::copied, this, [this](const QString &language) {
        statusBar()->showMessage(tr("Copied the %1 code to the clipboard.").arg(language), 5000);
    });

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
    m_tabs->addTab(centre, tr("Pr&ocesses"));
    m_tabs->addTab(m_timelinePanel, tr("Time&line"));
    m_tabs->addTab(threadsScroll, tr("&Threads lab"));
    m_tabs->setTabToolTip(0, tr("The children SpawnScope started, live"));
    m_tabs->setTabToolTip(1, tr("When each child ran: one lane per child, with SIGTERM, SIGKILL, exit and poll() marked"));
    m_tabs->addTab(m_codePanel, tr("&Code"));
    m_tabs->setTabToolTip(2, tr("Threads vs processes on CPU-bound work and blocking I/O (Effective Python item 53)"));
    m_tabs->setTabToolTip(3, tr("The selected preset or job as Python subprocess code and as C++ with QProcess"));

    setCentralWidget(m_tabs);

    m_presetDock = new QDockWidget(tr("Presets"), this);
    m_presetDock->setObjectName(QStringLiteral("presetDock"));
    m_presetDock->setWidget(presetPanel);
    m_presetDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::LeftDockWidgetArea, m_presetDock);

    m_chainBuilder = new ChainBuilder(m_presetModel, this);
    connect(m_chainBuilder, &ChainBuilder::runRequested, this, [this](const Preset &preset) { runPreset(preset); });
    connect(m_chainBuilder, &ChainBuilder::saveRequested, this, [this](const Preset &chain) {
        // Name it (and adjust it) before keeping it.
        PresetEditor editor(chain, this);
        editor.setWindowTitle(tr("Save the chain as a preset"));
        if (editor.exec() == QDialog::Accepted)
            saveAsPreset(editor.preset());
    });
    connect(m_chainBuilder, &ChainBuilder::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    m_chainDock = new QDockWidget(tr("Chain builder"), this);
    m_chainDock->setObjectName(QStringLiteral("chainDock"));
    m_chainDock->setWidget(m_chainBuilder);
    m_chainDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable
                             | QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::LeftDockWidgetArea, m_chainDock);
    resizeDocks({m_presetDock}, {260}, Qt::Horizontal);

    // The table takes presets, plain text and preset files dropped on it.
    m_jobView->viewport()->installEventFilter(this);
    m_jobView->setDragEnabled(true);
    m_jobView->setDragDropMode(QAbstractItemView::DragOnly);
    m_jobView->setAcceptDrops(true); // handled by eventFilter(), not by the model
    m_jobView->viewport()->setAcceptDrops(true);
    m_jobView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_jobView, &QWidget::customContextMenuRequested, this, &MainWindow::showJobMenu);

    connect(m_presetModel, &PresetListModel::userPresetsChanged, this, &MainWindow::saveUserPresets);
    connect(m_presetModel, &PresetListModel::jobDropped, this, [this](const QByteArray &payload, int row) {
        JobRun *run = nullptr;
        if (const JobProcess *job = m_jobModel->jobFromMime(payload, &run))
            saveJobAsPreset(run, job, row);
    });
    connect(m_presetModel, &PresetListModel::filesDropped, this, [this](const QList<QUrl> &urls) {
        for (const QUrl &url : urls)
            importPresetsFrom(url.toLocalFile());
    });

    m_statusCounts = new QLabel(this);
    statusBar()->addPermanentWidget(m_statusCounts);
    resize(1280, 800);
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
    // grab() renders without changing the widget, but is not const.
    QWidget *what = panelOnly ? m_tabs->currentWidget() : const_cast<MainWindow *>(this);
    return what->grab().toImage();
}

void MainWindow::saveScreenshotDialog(bool panelOnly)
{
    const QImage image = screenshot(panelOnly);
    const QString name = panelOnly ? QStringLiteral("spawnscope-%1.png").arg(m_tabs->currentWidget()->objectName())
                                   : QStringLiteral("spawnscope.png");
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("screenshots/dir"),
                                       QStandardPaths::writableLocation(QStandardPaths::PicturesLocation))
                            .toString();
    const QString path = QFileDialog::getSaveFileName(this, tr("Save screenshot"), QDir(dir).filePath(name),
                                                      tr("PNG image (*.png)"));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("screenshots/dir"), QFileInfo(path).absolutePath());
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    QString error;
    if (!AtomicFile::write(path, png, tr("the screenshot"), &error))
        QMessageBox::warning(this, tr("Screenshot not saved"), error);
    else
        statusBar()->showMessage(tr("Saved a %1×%2 screenshot to %3.").arg(image.width()).arg(image.height()).arg(path),
                                 8000);
}

void MainWindow::copyScreenshot(bool panelOnly)
{
    const QImage image = screenshot(panelOnly);
    QGuiApplication::clipboard()->setImage(image);
    statusBar()->showMessage(tr("Copied a %1×%2 screenshot to the clipboard.").arg(image.width()).arg(image.height()),
                             5000);
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
    // Watch it in the table, unless the timeline is already in front.
    if (m_tabs->currentWidget() != m_timelinePanel)
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
    JobRun *run = m_jobModel->runAt(index);
    m_detail->show(run, m_jobModel->jobAt(index));
    if (run)
        m_codePanel->setPreset(run->preset());
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
    m_codePanel->setPreset(preset);
    QString text = QStringLiteral("<b>%1</b><br><code>%2</code>")
                       .arg(preset.title.toHtmlEscaped(), preset.commandLine().toHtmlEscaped());
    if (preset.copies > 1)
        text += tr(" × %1").arg(preset.copies);
    if (!preset.description.isEmpty())
        text += QStringLiteral("<p>%1</p>").arg(preset.description.toHtmlEscaped());
    m_presetDescription->setText(text);
}

void MainWindow::protectUnreadablePresets(const QString &problem)
{
    m_storeProblem = problem;
    statusBar()->showMessage(tr("%1. The file is left untouched; fix or move it, then restart.").arg(problem), 0);
}

void MainWindow::saveUserPresets()
{
    if (!m_storeProblem.isEmpty()) {
        statusBar()->showMessage(tr("Not saved: %1. Nothing will be written over that file.").arg(m_storeProblem), 15000);
        return;
    }
    QString error;
    if (!PresetStore().save(m_presetModel->userPresets(), &error))
        statusBar()->showMessage(tr("Your presets were not saved: %1").arg(error), 15000);
}

void MainWindow::saveAsPreset(const Preset &preset)
{
    Preset mine = preset;
    if (mine.id.isEmpty() || mine.builtIn)
        mine.id = mine.builtIn ? mine.id + QStringLiteral("-copy") : QStringLiteral("my-preset");
    const int row = m_presetModel->insertUserPreset(-1, mine);
    m_presetView->setCurrentIndex(m_presetModel->index(row));
    statusBar()->showMessage(tr("Saved \"%1\" to your presets.").arg(mine.title), 5000);
}

void MainWindow::saveJobAsPreset(const JobRun *run, const JobProcess *job, int row)
{
    if (!run || !job)
        return;
    // The job as it ran: its program, arguments, environment (secrets stay
    // flagged) and timeout; one stage, one copy.
    Preset preset;
    preset.id = QFileInfo(job->spec().stage.program).fileName();
    preset.title = job->spec().stage.commandLine();
    preset.description = tr("Saved from the process table (%1).").arg(run->preset().title);
    preset.stages = {job->spec().stage};
    preset.timeoutSec = job->spec().timeoutSec;
    preset.graceSec = job->spec().graceSec;
    preset.pollIntervalSec = job->spec().pollIntervalSec;
    if (job->spec().feedStdin && job->spec().stageIndex == 0)
        preset.stdinSpec = run->preset().stdinSpec;
    preset.python = run->preset().python;
    const int at = m_presetModel->insertUserPreset(row, preset);
    m_presetView->setCurrentIndex(m_presetModel->index(at));
    statusBar()->showMessage(tr("Saved \"%1\" to your presets.").arg(preset.title), 5000);
}

bool MainWindow::importPresetsFrom(const QString &path)
{
    const PresetFile::Result result = PresetFile::load(path);
    if (!result.ok()) {
        // Nothing changed: the user's presets are exactly as they were.
        statusBar()->showMessage(tr("Nothing imported — %1").arg(result.error), 15000);
        if (m_confirmImports)
            QMessageBox::warning(this, tr("Cannot import presets"), result.error);
        return false;
    }
    if (m_confirmImports) {
        QStringList lines;
        for (const Preset &preset : result.presets) {
            lines << QStringLiteral("• %1%2 (%3)\n    %4")
                         .arg(preset.runsShell() ? tr("[shell] ") : QString(), preset.title, preset.id,
                              preset.commandLine());
        }
        QMessageBox box(QMessageBox::Question, tr("Import presets?"),
                        tr("%1 holds %2 preset(s). They will be added to your presets; nothing runs now.")
                            .arg(QFileInfo(path).fileName())
                            .arg(result.presets.size()),
                        QMessageBox::Yes | QMessageBox::Cancel, this);
        box.setInformativeText(lines.mid(0, 12).join(QLatin1Char('\n'))
                               + (lines.size() > 12 ? tr("\n… and %1 more").arg(lines.size() - 12) : QString()));
        box.setDefaultButton(QMessageBox::Yes);
        if (box.exec() != QMessageBox::Yes)
            return false;
    }
    for (const Preset &preset : result.presets)
        m_presetModel->insertUserPreset(-1, preset);
    statusBar()->showMessage(tr("Imported %1 preset(s) from %2.").arg(result.presets.size()).arg(path), 8000);
    return true;
}

void MainWindow::importPresetsDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import presets"), QString(),
                                                      tr("Preset files (*.json);;All files (*)"));
    if (!path.isEmpty())
        importPresetsFrom(path);
}

void MainWindow::exportPresets()
{
    const QList<Preset> mine = m_presetModel->userPresets();
    if (mine.isEmpty()) {
        statusBar()->showMessage(tr("You have no presets of your own to export yet."), 8000);
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Export your presets"), QStringLiteral("presets.json"),
                                                      tr("Preset files (*.json)"));
    if (path.isEmpty())
        return;
    bool hasSecrets = false;
    for (const Preset &preset : mine)
        for (const StageSpec &stage : preset.stages)
            hasSecrets = hasSecrets || std::any_of(stage.env.cbegin(), stage.env.cend(), [](const EnvVar &v) { return v.secret; });
    bool withSecrets = false;
    if (hasSecrets) {
        withSecrets = QMessageBox::question(this, tr("Include secrets?"),
                                            tr("Some presets have secret values. Write them into the file in plain "
                                               "text? Choose No to leave them blank."),
                                            QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
                      == QMessageBox::Yes;
    }
    QString error;
    if (!PresetFile::save(path, withSecrets ? mine : PresetStore::withoutSecrets(mine), &error))
        QMessageBox::warning(this, tr("Export failed"), error);
    else
        statusBar()->showMessage(tr("Exported %1 preset(s) to %2.").arg(mine.size()).arg(path), 8000);
}

void MainWindow::exportRuns(RunExport format)
{
    QList<const JobRun *> runs;
    for (const JobRun *run : m_engine->runs()) {
        if (run->isDone())
            runs << run;
    }
    if (runs.isEmpty()) {
        statusBar()->showMessage(tr("Nothing to export yet: run something first."), 8000);
        return;
    }
    QString title, name, filter;
    switch (format) {
    case RunExport::JoblogTsv:
        title = tr("Export job log");
        name = QStringLiteral("joblog.tsv");
        filter = tr("Job log, GNU parallel TSV (*.tsv *.txt)");
        break;
    case RunExport::JoblogJson:
        title = tr("Export job log");
        name = QStringLiteral("joblog.json");
        filter = tr("Job log, JSON (*.json)");
        break;
    case RunExport::Trace:
        title = tr("Export trace");
        name = QStringLiteral("spawnscope-trace.json");
        filter = tr("Trace JSON (*.json)");
        break;
    }
    const QString path = QFileDialog::getSaveFileName(this, title, name, filter);
    if (path.isEmpty())
        return;
    const QByteArray bytes = format == RunExport::Trace       ? ChromeTrace::toJson(runs)
                             : format == RunExport::JoblogJson ? JobLog::toJson(runs)
                                                               : JobLog::toTsv(runs);
    QString error;
    if (!AtomicFile::write(path, bytes, format == RunExport::Trace ? tr("the trace") : tr("the job log"), &error))
        QMessageBox::warning(this, tr("Export failed"), error);
    else
        statusBar()->showMessage(tr("Exported %1 finished group(s) to %2.").arg(runs.size()).arg(path), 8000);
}

void MainWindow::duplicateSelectedPreset()
{
    const QModelIndex index = m_presetView->currentIndex();
    if (!index.isValid())
        return;
    Preset copy = m_presetModel->presetAt(index.row());
    copy.title = tr("%1 (copy)").arg(copy.title);
    const int row = m_presetModel->insertUserPreset(m_presetModel->isUserRow(index.row()) ? index.row() + 1 : -1, copy);
    m_presetView->setCurrentIndex(m_presetModel->index(row));
}

void MainWindow::deleteSelectedPreset()
{
    const int row = m_presetView->currentIndex().row();
    Preset removed;
    if (!m_presetModel->removeUserPreset(row, &removed)) {
        statusBar()->showMessage(tr("Seeds cannot be deleted; duplicate one (Ctrl+D) to make your own."), 8000);
        return;
    }
    m_deleted.append({row, removed});
    m_undoAction->setEnabled(true);
    statusBar()->showMessage(tr("Deleted \"%1\" — Ctrl+Z brings it back.").arg(removed.title), 8000);
}

void MainWindow::undoDelete()
{
    if (m_deleted.isEmpty())
        return;
    const auto [row, preset] = m_deleted.takeLast();
    const int at = m_presetModel->insertUserPreset(row, preset);
    m_presetView->setCurrentIndex(m_presetModel->index(at));
    m_undoAction->setEnabled(!m_deleted.isEmpty());
}

void MainWindow::editSelectedPreset()
{
    const QModelIndex index = m_presetView->currentIndex();
    if (!index.isValid())
        return;
    const int row = index.row();
    const Preset original = m_presetModel->presetAt(row);
    PresetEditor editor(original, this);
    if (original.builtIn)
        editor.setWindowTitle(tr("New preset from the seed \"%1\"").arg(original.title));
    if (editor.exec() != QDialog::Accepted)
        return;
    Preset edited = editor.preset();
    if (m_presetModel->isUserRow(row)) {
        m_presetModel->removeUserPreset(row);
        m_presetModel->insertUserPreset(row, edited);
        m_presetView->setCurrentIndex(m_presetModel->index(row));
    } else {
        // Seeds stay as they are: an edit becomes a preset of your own.
        saveAsPreset(edited);
    }
}

void MainWindow::moveSelectedPreset(int delta)
{
    const int row = m_presetView->currentIndex().row();
    const int destination = delta < 0 ? row - 1 : row + 2;
    if (m_presetModel->moveRows({}, row, 1, {}, destination))
        m_presetView->setCurrentIndex(m_presetModel->index(row + delta));
}

void MainWindow::addSelectedPresetToChain()
{
    const QModelIndex index = m_presetView->currentIndex();
    if (!index.isValid())
        return;
    m_chainBuilder->addPreset(m_presetModel->presetAt(index.row()));
    m_chainDock->show();
}

void MainWindow::showPresetMenu(const QPoint &pos)
{
    const QModelIndex index = m_presetView->indexAt(pos);
    if (index.isValid())
        m_presetView->setCurrentIndex(index);
    QMenu menu(this);
    menu.addAction(m_runPresetAction);
    if (index.isValid())
        menu.addActions(m_presetActions);
    menu.addSeparator();
    menu.addAction(m_undoAction);
    menu.exec(m_presetView->viewport()->mapToGlobal(pos));
}

void MainWindow::showJobMenu(const QPoint &pos)
{
    const QModelIndex index = m_jobView->indexAt(pos);
    if (index.isValid())
        m_jobView->setCurrentIndex(index);
    QMenu menu(this);
    menu.addActions({m_stopAction, m_killAction, m_rerunAction});
    menu.addSeparator();
    menu.addAction(m_saveJobAction);
    menu.addAction(m_clearAction);
    menu.exec(m_jobView->viewport()->mapToGlobal(pos));
}

bool MainWindow::acceptsDrop(const QMimeData *data) const
{
    if (data->hasFormat(MimeTypes::Job))
        return false; // a row of the table itself
    if (data->hasFormat(MimeTypes::PresetIds) || data->hasUrls())
        return true;
    return data->hasText() && !data->text().trimmed().isEmpty();
}

void MainWindow::dropOnTable(const QMimeData *data)
{
    if (data->hasFormat(MimeTypes::PresetIds)) {
        for (const QString &id : PresetListModel::idsFromMimeData(data))
            runPreset(id);
        return;
    }
    if (data->hasUrls()) {
        for (const QUrl &url : data->urls()) {
            if (url.isLocalFile())
                importPresetsFrom(url.toLocalFile());
        }
        return;
    }
    // Plain text is a command: split into words, no shell.
    QString error;
    const Preset preset = Preset::fromCommand(data->text().section(QLatin1Char('\n'), 0, 0), false, &error);
    if (preset.stages.isEmpty()) {
        statusBar()->showMessage(error, 8000);
        return;
    }
    runPreset(preset);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_jobView->viewport()) {
        switch (event->type()) {
        case QEvent::DragEnter:
        case QEvent::DragMove: {
            auto *drag = static_cast<QDragMoveEvent *>(event);
            if (acceptsDrop(drag->mimeData())) {
                drag->setDropAction(Qt::CopyAction);
                drag->accept();
            } else {
                drag->ignore();
            }
            return true;
        }
        case QEvent::Drop: {
            auto *drop = static_cast<QDropEvent *>(event);
            if (acceptsDrop(drop->mimeData())) {
                drop->setDropAction(Qt::CopyAction);
                drop->accept();
                dropOnTable(drop->mimeData());
            } else {
                drop->ignore();
            }
            return true;
        }
        default:
            break;
        }
    }
    return QMainWindow::eventFilter(watched, event);
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
    settings.setValue(QStringLiteral("window/centreSplitter"), m_centreSplitter->saveState());
    settings.setValue(QStringLiteral("window/jobHeader"), m_jobView->header()->saveState());
    settings.setValue(QStringLiteral("command/viaShell"), m_shellCheck->isChecked());
    settings.setValue(QStringLiteral("command/last"), m_commandEdit->text());
}
