#include "screenshotter.h"

#include "jobengine.h"
#include "jobrun.h"
#include "jobtreemodel.h"
#include "mainwindow.h"
#include "presetlistmodel.h"
#include "threadlab.h"
#include "threadspanel.h"

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
            // The palette, the detail pane and the Code tab all show the
            // last preset run, so a slide tells one story.
            const int row = m_window->presetModel()->rowOf(m_last->preset().id);
            if (row >= 0)
                m_window->presetView()->setCurrentIndex(m_window->presetModel()->index(row));
            m_window->selectRun(m_last);
        }
        if (!m_panel.isEmpty() && !m_window->showPanel(m_panel)) {
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
    m_last = m_window->runPreset(m_toRun.takeFirst());
    if (!m_last)
        startNext();
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

void Screenshotter::capture()
{
    if (m_captured)
        return;
    m_captured = true;
    const QPixmap pixmap = m_window->grab();
    if (!pixmap.save(m_path, "PNG")) {
        std::fprintf(stderr, "spawnscope: cannot save the screenshot to %s\n", qPrintable(m_path));
        emit finished(2);
        return;
    }
    std::printf("%s\n", qPrintable(m_path));
    emit finished(0);
}
