#include "windowstatusbar.h"

#include "jobengine.h"
#include "jobprocess.h"
#include "jobrun.h"

#include <QLabel>

WindowStatusBar::WindowStatusBar(JobEngine *engine, QWidget *parent)
    : QStatusBar(parent)
    , m_engine(engine)
    , m_counts(new QLabel(this))
{
    m_counts->setObjectName(QStringLiteral("statusCounts"));
    addPermanentWidget(m_counts);
    connect(m_engine, &JobEngine::runAdded, this, &WindowStatusBar::updateCounts);
    connect(m_engine, &JobEngine::runFinished, this, &WindowStatusBar::updateCounts);
    connect(m_engine, &JobEngine::runningCountChanged, this, &WindowStatusBar::updateCounts);
}

void WindowStatusBar::updateCounts()
{
    // Counted by the engine as children start and end: a run's own state lags
    // (it is added before its first child starts), and queued jobs are not running.
    m_counts->setText(tr("%1 running · %2 in the table").arg(m_engine->runningCount()).arg(m_engine->runs().size()));
}

void WindowStatusBar::reportStart(JobRun *run)
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
    // the counts at the right end, within half the window's width.
    const QWidget *frame = window();
    const QString title = frame->fontMetrics().elidedText(run->preset().title, Qt::ElideMiddle, frame->width() / 2);
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
