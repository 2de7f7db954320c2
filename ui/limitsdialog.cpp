#include "limitsdialog.h"

#include "jobengine.h"
#include "outputbudget.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>

#include <algorithm>

namespace {

const QString JobLimitKey = QStringLiteral("jobs/finishedJobLimit");
const QString BudgetKey = QStringLiteral("jobs/outputBudgetBytes");
constexpr qint64 MiB = 1024 * 1024;

qint64 savedJobLimit()
{
    return std::clamp<qint64>(QSettings().value(JobLimitKey, JobEngine::DefaultFinishedJobLimit).toLongLong(),
                              LimitsDialog::MinJobLimit, LimitsDialog::MaxJobLimit);
}

} // namespace

LimitsDialog::LimitsDialog(JobEngine *engine, QWidget *parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_jobLimit(new QSpinBox(this))
    , m_budgetMiB(new QSpinBox(this))
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

    auto *form = new QFormLayout(this);
    form->addRow(tr("Finished jobs kept in the table:"), m_jobLimit);
    form->addRow(tr("Output kept in memory:"), m_budgetMiB);
    auto *note = new QLabel(tr("Both keep a long session fast and its memory bounded. Remembered."), this);
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
    settings.setValue(JobLimitKey, m_jobLimit->value());
    settings.setValue(BudgetKey, qint64(m_budgetMiB->value()) * MiB);
    m_engine->setFinishedJobLimit(m_jobLimit->value());
    m_engine->setOutputBudget(qint64(m_budgetMiB->value()) * MiB);
}

void LimitsDialog::restore(JobEngine *engine)
{
    engine->setFinishedJobLimit(savedJobLimit());
}
