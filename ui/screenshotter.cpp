#include "screenshotter.h"

#include "comparedialog.h"

#include "jobengine.h"
#include "jobprocess.h"
#include "jobrun.h"
#include "jobdetailpane.h"
#include "jobtableview.h"
#include "jobtreemodel.h"
#include "machinepanel.h"
#include "mainwindow.h"
#include "presetlistmodel.h"
#include "threadlab.h"
#include "threadspanel.h"

#include <QCheckBox>
#include <QListView>
#include <QPixmap>
#include <QTimer>

#include <cstdio>

Screenshotter::Screenshotter(JobEngine *engine, ThreadLab *lab, const QList<Preset> &available,
                             const QList<Preset> &toRun, const QString &path, const QSize &size, QObject *parent)
    : QObject(parent)
    , m_window(new MainWindow(engine, lab, available))
    , m_toRun(toRun)
    , m_path(path)
    , m_size(size)
{
    m_window->setConfirmQuit(false);
}

Screenshotter::~Screenshotter()
{
    delete m_window;
}

void Screenshotter::setPanel(const QString &panel, bool runLab)
{
    m_panel = panel;
    m_runLab = runLab;
}

void Screenshotter::setLive(double seconds, const QString &detailTab)
{
    m_liveSeconds = seconds;
    m_detailTab = detailTab;
}

void Screenshotter::showDetail()
{
    if (!m_last)
        return;
    // The palette, the detail pane and the Code tab all show the last
    // preset run, so a slide tells one story.
    const int row = m_window->presetModel()->rowOf(m_last->preset().id);
    if (row >= 0)
        m_window->presetView()->setCurrentIndex(m_window->presetModel()->index(row));
    if (!m_detailTab.isEmpty())
        m_window->selectRun(m_last, 0);
    // Descendants are nested under their job: open them for the picture.
    const QModelIndex job = m_window->jobView()->currentIndex();
    if (job.isValid())
        m_window->jobView()->expandRecursively(job);
    if (!m_detailTab.isEmpty())
        m_window->detailPane()->showTab(m_detailTab);
}

void Screenshotter::start()
{
    m_window->resize(m_size);
    m_window->show();
    // One preset after another, as the headless runner does, so each group's
    // timing is its own and not shared with the others.
    connect(m_window->engine(), &JobEngine::runFinished, this, [this] {
        QTimer::singleShot(0, this, &Screenshotter::startNext);
    });
    // A preset that never ends must not hang a script.
    QTimer::singleShot(60000, this, [this] {
        std::fprintf(stderr, "spawnscope: the presets were still running after 60 s; capturing anyway\n");
        m_window->engine()->stopAll();
        capture();
    });
    startNext();
}

void Screenshotter::startNext()
{
    if (m_presetsDone)
        return; // later runs (the lab's worker processes) are not ours to sequence
    if (m_toRun.isEmpty()) {
        m_presetsDone = true;
        if (m_last) {
            m_window->selectRun(m_last);
            showDetail();
        }
        if (m_panel == QLatin1String("compare")) {
            // The Compare dialog over the last two runs, as a picture of its own.
            m_compare = m_window->compareRuns();
            if (!m_compare) {
                std::fprintf(stderr, "spawnscope: --panel compare needs two finished runs\n");
                m_captured = true;
                emit finished(2);
                return;
            }
            m_compare->resize(m_size);
        } else if (!m_panel.isEmpty() && !m_window->showPanel(m_panel)) {
            std::fprintf(stderr, "spawnscope: --panel %s: the window has no such panel\n", qPrintable(m_panel));
            m_captured = true;
            emit finished(2);
            return;
        }
        if (m_runLab) {
            runLabThenCapture();
            return;
        }
        // Let the model's next batched update reach the view before grabbing.
        QTimer::singleShot(3 * JobTreeModel::UpdateIntervalMs, this, &Screenshotter::capture);
        return;
    }
    if (m_liveSeconds > 0) {
        // Live: every preset at once, side by side, caught while they run.
        while (m_toRun.size() > 1) {
            if (JobRun *run = m_window->runPreset(m_toRun.takeFirst()))
                m_last = run;
        }
    }
    if (JobRun *run = m_window->runPreset(m_toRun.takeFirst()))
        m_last = run;
    else if (m_liveSeconds <= 0) {
        startNext();
        return;
    }
    if (m_toRun.isEmpty() && m_liveSeconds > 0 && m_last) {
        // The last run, caught while it runs: its live figures are the picture.
        m_presetsDone = true;
        QTimer::singleShot(int(m_liveSeconds * 1000), this, [this] {
            if (!m_panel.isEmpty())
                m_window->showPanel(m_panel);
            m_window->selectRun(m_last);
            showDetail();
            QTimer::singleShot(3 * JobTreeModel::UpdateIntervalMs, this, &Screenshotter::capture);
        });
    }
}

void Screenshotter::runLabThenCapture()
{
    ThreadsPanel *panel = m_window->threadsPanel();
    panel->setConfirmLongRuns(false);
    connect(panel->lab(), &ThreadLab::finished, this, [this, panel] {
        if (++m_labStage == 1)
            QTimer::singleShot(0, this, [panel] { panel->runBlockingIo(ThreadLab::allModes(LabResult::Workload::BlockingIo)); });
        else {
            panel->showActivity(LabResult::Workload::Cpu); // the GIL's turns are the picture
            QTimer::singleShot(3 * JobTreeModel::UpdateIntervalMs, this, &Screenshotter::capture);
        }
    });
    panel->runCpu(ThreadLab::allModes(LabResult::Workload::Cpu));
}

// The Machine tab as a slide shows programs, not the kernel's threads, with
// CPU % measured (a second scan, in capture()) and, when a run was started, its first
// job selected, so the details show what it holds: its pipes to SpawnScope.
void Screenshotter::prepareMachinePanel()
{
    MachinePanel *panel = m_window->machinePanel();
    panel->programsOnlyCheck()->setChecked(true);
    panel->scanNow();
    const JobProcess *job = m_last ? m_last->jobs().value(0) : nullptr;
    if (job && job->programPid() > 0)
        panel->selectPid(job->programPid());
}

void Screenshotter::capture()
{
    if (m_captured)
        return;
    if (m_panel == QLatin1String("machine") && !m_machinePrepared) {
        // Two scans half a second apart: CPU % is measured between them.
        m_machinePrepared = true;
        prepareMachinePanel();
        QTimer::singleShot(500, this, &Screenshotter::capture);
        return;
    }
    if (m_panel == QLatin1String("machine"))
        m_window->machinePanel()->scanNow();
    m_captured = true;
    const QPixmap pixmap = m_compare ? m_compare->grab() : m_window->grab();
    if (m_liveSeconds > 0)
        m_window->engine()->stopAll(); // caught live: the picture is taken, the runs may go
    // A size below the window's minimum cannot be honoured without cutting
    // its widgets: say what was drawn instead of silently drawing it.
    const QSize drawn = pixmap.deviceIndependentSize().toSize();
    if (drawn != m_size)
        std::fprintf(stderr, "spawnscope: --size %dx%d is smaller than the window can be laid out in; drew it at %dx%d\n",
                     m_size.width(), m_size.height(), drawn.width(), drawn.height());
    if (!pixmap.save(m_path, "PNG")) {
        std::fprintf(stderr, "spawnscope: cannot save the screenshot to %s\n", qPrintable(m_path));
        emit finished(2);
        return;
    }
    std::printf("%s\n", qPrintable(m_path));
    emit finished(0);
}
