#include "comparedialog.h"

#include "jobengine.h"
#include "jobformat.h"
#include "jobrun.h"
#include "runcomparison.h"
#include "timelinemodel.h"
#include "timelinepanel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

CompareDialog::CompareDialog(JobEngine *engine, const JobRun *a, const JobRun *b, QWidget *parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_a(new QComboBox(this))
    , m_b(new QComboBox(this))
    , m_table(new QTableWidget(this))
    , m_timelineBox(new QVBoxLayout)
{
    setWindowTitle(tr("Compare runs"));
    auto *choose = new QFormLayout;
    m_a->setToolTip(tr("The run the ratios are relative to"));
    m_b->setToolTip(tr("The run measured against A: B ÷ A"));
    choose->addRow(tr("Run &A:"), m_a);
    choose->addRow(tr("Run &B:"), m_b);
    fillChoices(m_a, a);
    fillChoices(m_b, b);

    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({tr("A"), tr("B"), tr("B ÷ A")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto *timelineHolder = new QWidget(this);
    timelineHolder->setLayout(m_timelineBox);
    m_timelineBox->setContentsMargins(0, 0, 0, 0);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(timelineHolder);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(choose);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    resize(1000, 720);

    connect(m_a, &QComboBox::currentIndexChanged, this, &CompareDialog::update);
    connect(m_b, &QComboBox::currentIndexChanged, this, &CompareDialog::update);
    // A run folded away or cleared while the dialog is open.
    connect(engine, &JobEngine::runsRemoved, this, [this] {
        const JobRun *a = chosen(m_a);
        const JobRun *b = chosen(m_b);
        fillChoices(m_a, a);
        fillChoices(m_b, b);
        update();
    });
    update();
}

void CompareDialog::fillChoices(QComboBox *box, const JobRun *selected)
{
    const QSignalBlocker blocker(box);
    box->clear();
    for (const JobRun *run : m_engine->runs()) {
        if (!run->isDone())
            continue;
        box->addItem(tr("#%1 %2 — %3").arg(run->id()).arg(JobFormat::runTitle(run), JobFormat::runTiming(run)),
                     QVariant::fromValue(run->id()));
        if (run == selected)
            box->setCurrentIndex(box->count() - 1);
    }
}

JobRun *CompareDialog::chosen(const QComboBox *box) const
{
    return box->currentIndex() >= 0 ? m_engine->runById(box->currentData().value<quint64>()) : nullptr;
}

void CompareDialog::update()
{
    const JobRun *a = chosen(m_a);
    const JobRun *b = chosen(m_b);
    m_table->clearContents();
    m_table->setRowCount(0);
    delete m_timeline;
    m_timeline = nullptr;
    delete m_timelineModel;
    m_timelineModel = nullptr;
    if (!a || !b)
        return;
    const QList<RunComparison::Row> rows = RunComparison::compare(a, b);
    m_table->setRowCount(int(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        const RunComparison::Row &row = rows.at(i);
        auto *header = new QTableWidgetItem(row.label);
        header->setToolTip(row.tooltip);
        m_table->setVerticalHeaderItem(i, header);
        const QStringList cells{row.aText, row.bText, row.ratioText};
        for (int c = 0; c < 3; ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            item->setToolTip(row.tooltip);
            m_table->setItem(i, c, item);
        }
    }
    // Every figure in sight; the timelines take the rest.
    m_table->setFixedHeight(m_table->horizontalHeader()->sizeHint().height()
                            + m_table->rowCount() * m_table->verticalHeader()->defaultSectionSize()
                            + 2 * m_table->frameWidth());
    // One time axis: both runs start at 0, so their lengths compare at a glance.
    QList<quint64> ids{a->id()};
    if (b != a)
        ids << b->id();
    m_timelineModel = new TimelineModel(m_engine, this, ids);
    m_timeline = new TimelinePanel(m_timelineModel, this);
    m_timelineBox->addWidget(m_timeline);
}
