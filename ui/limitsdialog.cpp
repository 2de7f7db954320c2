#include "limitsdialog.h"
#include "settingskeys.h"

#include "jobengine.h"
#include "jobprocess.h"
#include "outputbudget.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>

#include <algorithm>

namespace {

constexpr qint64 MiB = 1024 * 1024;

qint64 savedJobLimit()
{
    return std::clamp<qint64>(QSettings().value(SettingsKeys::FinishedJobLimit, JobEngine::DefaultFinishedJobLimit).toLongLong(),
                              LimitsDialog::MinJobLimit, LimitsDialog::MaxJobLimit);
}

} // namespace

LimitsDialog::LimitsDialog(JobEngine *engine, QWidget *parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_jobLimit(new QSpinBox(this))
    , m_budgetMiB(new QSpinBox(this))
    , m_drainSec(new QDoubleSpinBox(this))
{
    setWindowTitle(tr("Limits"));
    m_jobLimit->setRange(MinJobLimit, MaxJobLimit);
    m_jobLimit->setSingleStep(1000);
    m_jobLimit->setGroupSeparatorShown(true);
    m_jobLimit->setValue(int(engine->finishedJobLimit() > 0 ? engine->finishedJobLimit() : savedJobLimit()));
    m_jobLimit->setToolTip(tr("Past this many finished jobs the oldest finished runs leave the table and are "
                              "counted in a summary row at its top; running jobs are never folded"));
    m_budgetMiB->setRange(int(std::max<qint64>(1, OutputBudget::MinBytes / MiB)), 64 * 1024);
    m_budgetMiB->setSuffix(tr(" MiB"));
    m_budgetMiB->setValue(int(engine->outputBudget() / MiB));
    m_budgetMiB->setToolTip(tr("Output kept in memory over all jobs; past it the oldest finished jobs keep only "
                               "their last 4 KiB (marked trimmed, byte counts exact), never a running job's"));

    m_drainSec->setRange(0, JobProcess::MaxDrainLimitMs / 1000.0);
    m_drainSec->setDecimals(1);
    m_drainSec->setSingleStep(0.5);
    m_drainSec->setSuffix(tr(" s"));
    m_drainSec->setValue(engine->drainLimitMs() / 1000.0);
    m_drainSec->setToolTip(tr("After a job's own process exits, a descendant may still hold its output (a "
                              "background \"(sleep 1; echo late) &\"): it is read until they all close it, as "
                              "Python's communicate() does, for at most this long. Whoever still holds it then is "
                              "named on the job's row; 0 stops reading at the exit."));

    auto *form = new QFormLayout(this);
    form->addRow(tr("Finished jobs kept in the table:"), m_jobLimit);
    form->addRow(tr("Output kept in memory:"), m_budgetMiB);
    form->addRow(tr("Read output after a job exits, at most:"), m_drainSec);
    auto *note = new QLabel(tr("They keep a long session fast and its memory bounded. Remembered."), this);
    note->setWordWrap(true);
    form->addRow(note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        apply();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void LimitsDialog::apply()
{
    QSettings settings;
    settings.setValue(SettingsKeys::FinishedJobLimit, m_jobLimit->value());
    settings.setValue(SettingsKeys::OutputBudgetBytes, qint64(m_budgetMiB->value()) * MiB);
    m_engine->setFinishedJobLimit(m_jobLimit->value());
    m_engine->setOutputBudget(qint64(m_budgetMiB->value()) * MiB);
    const int drainMs = int(m_drainSec->value() * 1000 + 0.5);
    settings.setValue(SettingsKeys::DrainLimitMs, drainMs);
    m_engine->setDrainLimitMs(drainMs);
}

void LimitsDialog::restore(JobEngine *engine)
{
    engine->setFinishedJobLimit(savedJobLimit());
    const int drainMs = QSettings().value(SettingsKeys::DrainLimitMs, JobProcess::DefaultDrainLimitMs).toInt();
    engine->setDrainLimitMs(std::clamp(drainMs, 0, JobProcess::MaxDrainLimitMs));
}
