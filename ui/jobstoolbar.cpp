#include "jobstoolbar.h"
#include "settingskeys.h"

#include "jobactions.h"
#include "jobengine.h"
#include "processsampler.h"

#include <QSettings>
#include <QSpinBox>

JobsToolBar::JobsToolBar(JobEngine *engine, QAction *runAction, const JobActions *actions, QWidget *parent)
    : QToolBar(tr("Jobs"), parent)
    , m_engine(engine)
{
    setObjectName(QStringLiteral("jobsToolbar"));
    setMovable(false);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    addAction(runAction);
    addSeparator();
    addAction(actions->stopAction());
    addAction(actions->killAction());
    addAction(actions->rerunAction());
    addSeparator();
    addAction(actions->clearAction());
    addSeparator();
    addMaxParallelBox();
    addSeparator();
    addSampleIntervalBox();
}

void JobsToolBar::addMaxParallelBox()
{
    m_maxParallel = new QSpinBox(this);
    m_maxParallel->setRange(0, 10000);
    m_maxParallel->setSpecialValueText(tr("no limit"));
    m_maxParallel->setPrefix(tr("at most "));
    m_maxParallel->setSuffix(tr(" at once"));
    m_maxParallel->setValue(m_engine->maxParallel());
    m_maxParallel->setToolTip(tr("How many children may run at the same time. The others wait, shown as \"queued\", "
                                 "and start as slots free up. A chain needs one slot per stage."));
    connect(m_maxParallel, &QSpinBox::valueChanged, m_engine, &JobEngine::setMaxParallel);
    addWidget(m_maxParallel);
}

void JobsToolBar::addSampleIntervalBox()
{
    m_sampleInterval = new QSpinBox(this);
    m_sampleInterval->setRange(ProcessSampler::MinIntervalMs, ProcessSampler::MaxIntervalMs);
    m_sampleInterval->setSingleStep(100);
    m_sampleInterval->setPrefix(tr("sample every "));
    m_sampleInterval->setSuffix(tr(" ms"));
    m_sampleInterval->setValue(m_engine->sampleInterval());
    m_sampleInterval->setToolTip(tr("How often CPU, memory and descendants are read from /proc. Shorter catches "
                                    "short-lived descendants (one living less than an interval may never be seen) "
                                    "and draws finer charts; longer costs less."));
    connect(m_sampleInterval, &QSpinBox::valueChanged, m_engine, &JobEngine::setSampleInterval);
    addWidget(m_sampleInterval);
}

void JobsToolBar::restoreSettings(const QSettings &settings)
{
    // Saved only when it differs from the default, so a new default reaches
    // everyone who never chose. 16 was the default that earlier versions
    // saved for everyone: it would queue the seeds' 64-copy runs.
    int maxParallel = settings.value(SettingsKeys::MaxParallel, JobEngine::defaultMaxParallel()).toInt();
    if (maxParallel == 16 && !settings.contains(SettingsKeys::MaxParallelChosen))
        maxParallel = JobEngine::defaultMaxParallel();
    m_maxParallel->setValue(maxParallel);
    m_sampleInterval->setValue(settings.value(SettingsKeys::SampleIntervalMs, m_engine->sampleInterval()).toInt());
}

void JobsToolBar::saveSettings(QSettings &settings) const
{
    if (m_maxParallel->value() == JobEngine::defaultMaxParallel()) {
        settings.remove(SettingsKeys::MaxParallel);
        settings.remove(SettingsKeys::MaxParallelChosen);
    } else {
        settings.setValue(SettingsKeys::MaxParallel, m_maxParallel->value());
        settings.setValue(SettingsKeys::MaxParallelChosen, true);
    }
    settings.setValue(SettingsKeys::SampleIntervalMs, m_sampleInterval->value());
}
