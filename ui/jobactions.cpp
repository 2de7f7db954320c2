#include "jobactions.h"

#include "comparedialog.h"
#include "jobcontrol.h"
#include "jobengine.h"
#include "jobprocess.h"
#include "jobrun.h"
#include "limitsdialog.h"
#include "presetpalette.h"
#include "processespanel.h"

#include <QAction>
#include <QMenu>
#include <QWidget>

#include <algorithm>

JobActions::JobActions(JobEngine *engine, ProcessesPanel *panel, PresetPalette *palette, QWidget *window)
    : QObject(window)
    , m_engine(engine)
    , m_panel(panel)
    , m_palette(palette)
    , m_window(window)
    , m_control(new JobControl(window))
{
    buildActions();
    buildJobMenu();
    connect(m_control, &JobControl::statusMessage, this, &JobActions::statusMessage);
    connect(m_panel, &ProcessesPanel::currentChanged, this, &JobActions::updateActions);
    connect(m_panel, &ProcessesPanel::shownRunUpdated, this, &JobActions::updateActions);
    connect(m_engine, &JobEngine::runAdded, this, &JobActions::updateActions);
    connect(m_engine, &JobEngine::runFinished, this, &JobActions::updateActions);
    updateActions();
}

void JobActions::buildActions()
{
    m_stop = new QAction(tr("&Stop"), this);
    m_stop->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    m_stop->setToolTip(tr("Stop the selected job or group: SIGTERM to its process group, then SIGKILL after the "
                          "grace period (Ctrl+.)"));
    connect(m_stop, &QAction::triggered, this, &JobActions::stopSelected);

    m_kill = new QAction(tr("&Kill"), this);
    m_kill->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_kill->setToolTip(tr("Kill the selected job or group now with SIGKILL, which cannot be caught (Ctrl+K)"));
    connect(m_kill, &QAction::triggered, this, &JobActions::killSelected);

    m_rerun = new QAction(tr("Run &again"), this);
    m_rerun->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_rerun->setToolTip(tr("Start the selected group's preset again as a new group (Ctrl+R)"));
    connect(m_rerun, &QAction::triggered, this, &JobActions::rerunSelected);

    m_compare = new QAction(tr("Co&mpare runs…"), this);
    m_compare->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    m_compare->setToolTip(tr("Two finished runs side by side: wall time, Σ, parallelism, CPU time and peak "
                             "memory with the ratios, and their timelines on one time axis (Ctrl+M)"));
    connect(m_compare, &QAction::triggered, this, &JobActions::compareRuns);

    m_clear = new QAction(tr("C&lear finished"), this);
    m_clear->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_clear->setToolTip(tr("Remove every finished group from the table (Ctrl+L)"));
    connect(m_clear, &QAction::triggered, this, &JobActions::clearFinished);

    m_saveJob = new QAction(tr("&Save as preset"), this);
    m_saveJob->setShortcut(QKeySequence::Save);
    m_saveJob->setToolTip(tr("Keep the selected job (program, arguments, environment, timeout) as one of your "
                             "presets; the same as dragging its row onto the preset list"));
    connect(m_saveJob, &QAction::triggered, this, &JobActions::saveSelectedAsPreset);

    m_limits = new QAction(tr("&Limits…"), this);
    connect(m_limits, &QAction::triggered, this, &JobActions::openLimits);
}

void JobActions::buildJobMenu()
{
    m_jobMenu = new QMenu(m_window);
    m_jobMenu->addActions({m_stop, m_kill, m_rerun});
    m_jobMenu->addSeparator();
    m_jobMenu->addActions({m_control->pauseAction(), m_control->resumeAction()});
    m_jobMenu->addMenu(m_control->signalMenu());
    m_jobMenu->addSeparator();
    m_jobMenu->addAction(m_saveJob);
    m_jobMenu->addAction(m_clear);
}

void JobActions::stopSelected()
{
    if (JobProcess *job = m_panel->currentJob())
        job->stop();
    else if (JobRun *run = m_panel->currentRun())
        run->stop();
    updateActions();
}

void JobActions::killSelected()
{
    if (JobProcess *job = m_panel->currentJob())
        job->kill();
    else if (JobRun *run = m_panel->currentRun())
        run->kill();
    updateActions();
}

void JobActions::rerunSelected()
{
    // A run read from a file is shown first and runs once the user agrees.
    if (const JobRun *run = m_panel->currentRun())
        emit rerunRequested(run->preset(), run);
}

void JobActions::clearFinished()
{
    m_engine->clearFinished();
    m_engine->clearFolded();
    updateActions();
}

void JobActions::saveSelectedAsPreset()
{
    JobRun *run = m_panel->currentRun();
    if (const JobProcess *job = m_panel->currentJob())
        m_palette->saveJobAsPreset(run, job);
    else if (run)
        m_palette->saveAsPreset(run->preset());
}

void JobActions::openLimits()
{
    auto *dialog = new LimitsDialog(m_engine, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

CompareDialog *JobActions::compareRuns()
{
    QList<const JobRun *> done;
    for (const JobRun *run : m_engine->runs()) {
        if (run->isDone())
            done << run;
    }
    if (done.size() < 2) {
        emit statusMessage(tr("Compare needs two finished runs: run a preset twice (say serially and in parallel), "
                              "or open a session."),
                           6000);
        return nullptr;
    }
    const JobRun *selected = m_panel->currentRun();
    const JobRun *a = selected && selected->isDone() ? selected : done.at(done.size() - 2);
    const JobRun *b = done.last() != a ? done.last() : done.at(done.size() - 2);
    if (m_engine->indexOf(b) < m_engine->indexOf(a))
        std::swap(a, b); // A is the earlier run, so B / A reads as then -> now
    auto *dialog = new CompareDialog(m_engine, a, b, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void JobActions::setQuitting(bool quitting)
{
    m_quitting = quitting;
    updateActions();
}

void JobActions::updateActions()
{
    JobRun *run = m_panel->currentRun();
    JobProcess *job = m_panel->currentJob();
    const bool active = job ? job->outcome().isActive() : (run && run->isActive());
    m_stop->setEnabled(active);
    m_kill->setEnabled(active);
    m_rerun->setEnabled(run != nullptr && !m_quitting);
    m_control->setSelection(run, job);
    const bool anyDone = std::any_of(m_engine->runs().cbegin(), m_engine->runs().cend(),
                                     [](const JobRun *r) { return r->isDone(); });
    m_clear->setEnabled(anyDone);
}
