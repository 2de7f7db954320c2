#include "quitcontroller.h"

#include "jobengine.h"
#include "jobrun.h"

#include <QAction>
#include <QMessageBox>
#include <QWidget>

QuitController::QuitController(JobEngine *engine, QWidget *window)
    : QObject(window)
    , m_engine(engine)
    , m_window(window)
    , m_quitAction(new QAction(tr("&Quit"), this))
{
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, m_window, &QWidget::close);
}

bool QuitController::mayClose()
{
    if (m_engine->isIdle())
        return true;
    if (m_quitting)
        return false; // already stopping; the window closes when the last child is gone
    if (m_confirm && !confirmed())
        return false;
    m_quitting = true;
    // The session keeps them as stopped by the quit, not as failures.
    for (JobRun *run : m_engine->runs()) {
        if (!run->isDone())
            run->setEndedByQuit(true);
    }
    emit statusMessage(tr("Stopping every child before quitting…"), 0);
    connect(m_engine, &JobEngine::idle, m_window, &QWidget::close, Qt::QueuedConnection);
    m_engine->stopAll();
    emit quittingStarted();
    return false;
}

bool QuitController::confirmed() const
{
    // Queued jobs count too: quitting means they never start.
    int running = 0;
    for (const JobRun *run : m_engine->runs())
        running += run->isActive() ? int(run->jobs().size()) - run->doneCount() : 0;
    const auto answer = QMessageBox::question(
        m_window, tr("Quit SpawnScope?"),
        tr("%1 child processes are still running. Stop them (SIGTERM, then SIGKILL after the grace period) "
           "and quit?").arg(running),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Yes);
    return answer == QMessageBox::Yes;
}
