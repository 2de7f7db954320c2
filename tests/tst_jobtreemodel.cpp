#include "jobengine.h"
#include "jobfilterproxymodel.h"
#include "jobprocess.h"
#include "jobrun.h"
#include "jobtreemodel.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTimer>
#include <QtTest>

using namespace TestSupport;

namespace {

// The model sends what changed on its one timer, which stops once nothing is
// left to send: stopped means every change so far has reached the views.
bool sentEverything(const JobTreeModel *model)
{
    const QList<QTimer *> timers = model->findChildren<QTimer *>();
    return timers.size() == 1 && !timers.first()->isActive();
}

} // namespace

class TestJobTreeModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void runsAreGroupsOfJobs();
    void jobRowsShowTheOutcome();
    void groupRowShowsWallAndSum();
    void updatesAreBatchedAndRanged();
    void clearFinishedKeepsParentsConsistent();
    void elapsedTicksWhileRunning();
    void updatesCoverOnlyChangedRows();
    void descendantsAppearAndEnd();
    void resourceColumnsAreFormatted();
    void pausedJobReadsPaused();
    void setsidDescendantIsMarked();
    void watchedFamilyStreamsIntoRows();
    void foldedRunsAreTheFirstRow();
    void trimmedStreamsAreMarked();

private:
    JobEngine *m_engine = nullptr;
    JobTreeModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void TestJobTreeModel::init()
{
    useSpawnscopeAsTracer();
    m_engine = new JobEngine;
    m_model = new JobTreeModel(m_engine);
    m_tester = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestJobTreeModel::cleanup()
{
    delete m_tester;
    delete m_model;
    delete m_engine;
}

void TestJobTreeModel::runsAreGroupsOfJobs()
{
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    JobRun *run = m_engine->start(helperPreset({QStringLiteral("exit"), QStringLiteral("0")}, 4));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(m_model->rowCount(), 1);
    const QModelIndex group = m_model->index(0, 0);
    QCOMPARE(m_model->rowCount(group), 4);
    QCOMPARE(m_model->columnCount(group), int(JobTreeModel::ColumnCount));
    QCOMPARE(m_model->parent(m_model->index(2, 0, group)), group);
    QCOMPARE(m_model->rowCount(m_model->index(2, 0, group)), 0);
    QVERIFY(m_model->data(group, JobTreeModel::IsRunRole).toBool());
    QCOMPARE(m_model->runAt(group), run);
    QCOMPARE(m_model->jobAt(m_model->index(2, 0, group)), run->jobs().at(2));
    QCOMPARE(m_model->data(m_model->index(2, JobTreeModel::NameColumn, group)).toString(), QStringLiteral("copy 3/4"));
    QVERIFY(waitRun(run, 5000));
}

void TestJobTreeModel::jobRowsShowTheOutcome()
{
    JobRun *run = m_engine->start(helperPreset({QStringLiteral("signal"), QStringLiteral("15")}));
    QVERIFY(waitRun(run, 5000));
    const QModelIndex job = m_model->index(0, 0, m_model->index(0, 0));
    auto cell = [&](int column, int role = Qt::DisplayRole) { return m_model->data(job.siblingAtColumn(column), role); };
    QCOMPARE(cell(JobTreeModel::StateColumn).toString(), QStringLiteral("crashed"));
    QCOMPARE(cell(JobTreeModel::ExitColumn).toString(), QStringLiteral("SIGTERM"));
    QCOMPARE(cell(JobTreeModel::PidColumn).toLongLong(), run->jobs().first()->pid());
    QCOMPARE(cell(JobTreeModel::StateColumn, JobTreeModel::StateRole).toInt(), int(JobOutcome::State::Crashed));
    QVERIFY(cell(JobTreeModel::ExitColumn, Qt::ToolTipRole).toString().contains(QStringLiteral("SIGTERM (15)")));
    QVERIFY(cell(JobTreeModel::CommandColumn).toString().endsWith(QStringLiteral("signal 15")));
    // The column's header tells an exit code, a signal and a shell's 128+N apart.
    const QString header = m_model->headerData(JobTreeModel::ExitColumn, Qt::Horizontal, Qt::ToolTipRole).toString();
    for (const char *part : {"0 means success", "no exit code", "-N", "128+N"})
        QVERIFY2(header.contains(QLatin1String(part)), part);
}

void TestJobTreeModel::groupRowShowsWallAndSum()
{
    JobRun *run = m_engine->start(helperPreset({QStringLiteral("sleep"), QStringLiteral("0.1")}, 5));
    QVERIFY(waitRun(run, 5000));
    const QModelIndex group = m_model->index(0, 0);
    const QString timing = m_model->data(group.siblingAtColumn(JobTreeModel::LastLineColumn)).toString();
    // The text shows the run's own figures; the figures themselves are bounded by physics, not by
    // a loaded CI machine's scheduling: five 0.1 s sleeps in parallel add up to at least 0.5 s.
    // The Elapsed cell is the wall; the last line adds the sum and the parallelism.
    QCOMPARE(m_model->data(group.siblingAtColumn(JobTreeModel::ElapsedColumn)).toString(), QStringLiteral("%1 s").arg(run->wallMs() / 1000.0, 0, 'f', 3));
    QVERIFY2(timing.startsWith(QStringLiteral("Σ %1 s · ×").arg(run->sumMs() / 1000.0, 0, 'f', 3)), qPrintable(timing));
    QVERIFY2(timing.endsWith(QString::number(run->parallelism(), 'f', 1)), qPrintable(timing));
    QVERIFY2(run->sumMs() >= 500.0 && run->wallMs() >= 100.0, qPrintable(timing));
    QVERIFY2(run->sumMs() > 2.0 * run->wallMs(), qPrintable(timing)); // they did run side by side
    QCOMPARE(m_model->data(group.siblingAtColumn(JobTreeModel::StateColumn)).toString(), QStringLiteral("5 ok"));
    QCOMPARE(m_model->data(group.siblingAtColumn(JobTreeModel::ElapsedColumn), JobTreeModel::RawRole).toDouble(),
             run->wallMs());
    QVERIFY(m_model->data(group, JobTreeModel::SuccessRole).toBool());
}

void TestJobTreeModel::updatesAreBatchedAndRanged()
{
    QList<std::pair<QModelIndex, QModelIndex>> changes;
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [&](const QModelIndex &a, const QModelIndex &b) { changes.append({a, b}); });
    QElapsedTimer timer;
    timer.start();
    // Four children writing as fast as they can: thousands of reads.
    JobRun *run = m_engine->start(helperPreset({QStringLiteral("flood"), QString::number(48 * 1024 * 1024)}, 4));
    QVERIFY(waitRun(run, 60000));
    QTRY_VERIFY(sentEverything(m_model));
    const double elapsed = double(timer.elapsed());

    // Per flush: one range for the group row, one for its changed children and
    // at most two for ticking elapsed times.
    const double maxFlushes = elapsed / JobTreeModel::UpdateIntervalMs + 3;
    QVERIFY2(m_model->flushCount() <= maxFlushes,
             qPrintable(QStringLiteral("%1 flushes in %2 ms").arg(m_model->flushCount()).arg(elapsed)));
    QVERIFY2(changes.size() <= 4 * maxFlushes, qPrintable(QString::number(changes.size())));
    QVERIFY(changes.size() >= 2);
    for (const auto &[topLeft, bottomRight] : changes) {
        QCOMPARE(topLeft.parent(), bottomRight.parent());
        QVERIFY(topLeft.row() <= bottomRight.row());
        QVERIFY(topLeft.column() <= bottomRight.column());
    }
    // The last update carries the final byte counts.
    const QModelIndex group = m_model->index(0, 0);
    QCOMPARE(m_model->data(m_model->index(3, JobTreeModel::StdoutColumn, group), JobTreeModel::RawRole).toLongLong(),
             48LL * 1024 * 1024);
}

void TestJobTreeModel::clearFinishedKeepsParentsConsistent()
{
    JobRun *a = m_engine->start(helperPreset({QStringLiteral("exit"), QStringLiteral("0")}, 2));
    JobRun *b = m_engine->start(helperPreset({QStringLiteral("ignore-term")}, 3));
    JobRun *c = m_engine->start(helperPreset({QStringLiteral("exit"), QStringLiteral("1")}, 1));
    QVERIFY(QTest::qWaitFor([&] { return a->isDone() && c->isDone() && b->jobs().first()->pid() > 0; }, 5000));
    const QPersistentModelIndex bJob(m_model->indexOfJob(b, 2));
    QCOMPARE(bJob.parent().row(), 1);

    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    m_engine->clearFinished();
    QCOMPARE(removed.count(), 2); // two separate blocks: c, then a
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->runAt(m_model->index(0, 0)), b);
    QVERIFY(bJob.isValid());
    QCOMPARE(bJob.parent().row(), 0);
    QCOMPARE(m_model->jobAt(bJob), b->jobs().at(2));

    b->kill();
    QVERIFY(waitRun(b, 5000));
    m_engine->clearFinished();
    QCOMPARE(m_model->rowCount(), 0);
}

void TestJobTreeModel::elapsedTicksWhileRunning()
{
    JobRun *run = m_engine->start(helperPreset({QStringLiteral("sleep"), QStringLiteral("30")}));
    JobProcess *job = run->jobs().first();
    const QModelIndex elapsed = m_model->index(0, JobTreeModel::ElapsedColumn, m_model->index(0, 0));
    // The elapsed time each change of the job's Elapsed cell announced while the job ran.
    QList<double> ticks;
    connect(m_model, &QAbstractItemModel::dataChanged, this, [&](const QModelIndex &first, const QModelIndex &last) {
        if (first.parent() == elapsed.parent() && first.row() <= elapsed.row() && elapsed.row() <= last.row()
            && first.column() <= elapsed.column() && elapsed.column() <= last.column()
            && job->outcome().state == JobOutcome::State::Running)
            ticks << m_model->data(elapsed, JobTreeModel::RawRole).toDouble();
    });
    QTRY_VERIFY_WITH_TIMEOUT(ticks.size() >= 3, 5000);
    QVERIFY2(ticks.last() > ticks.first(), qPrintable(QStringLiteral("%1 then %2").arg(ticks.first()).arg(ticks.last())));
    run->kill();
    QVERIFY(waitRun(run, 5000));
}

void TestJobTreeModel::updatesCoverOnlyChangedRows()
{
    // A model update costs O(changed rows): one child ending among sixty
    // running ones is one row, and only running rows tick.
    m_engine->setMaxParallel(0);
    const int copies = 60;
    JobRun *run = m_engine->start(helperPreset({QStringLiteral("sleep"), QStringLiteral("30")}, copies));
    const auto running = [run](int first, int last) {
        for (int i = first; i <= last; ++i) {
            if (run->jobs().at(i)->outcome().state != JobOutcome::State::Running)
                return false;
        }
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(running(0, copies - 1), 20000);
    for (int i = 0; i < copies / 2; ++i)
        run->jobs().at(i)->kill();
    QTRY_VERIFY_WITH_TIMEOUT(run->doneCount() == copies / 2, 10000);
    // The ends of the first half go out in the next batches, before the recording starts.
    int flushed = m_model->flushCount();
    QTRY_VERIFY(m_model->flushCount() >= flushed + 3);

    QList<std::pair<QModelIndex, QModelIndex>> rowChanges;
    QList<std::pair<QModelIndex, QModelIndex>> ticks;
    connect(m_model, &QAbstractItemModel::dataChanged, this, [&](const QModelIndex &a, const QModelIndex &b) {
        if (!a.parent().isValid())
            return; // the group row
        if (a.column() >= JobTreeModel::CpuColumn)
            return; // resource samples tick on every running row, like elapsed times
        (a.column() == JobTreeModel::ElapsedColumn && b.column() == JobTreeModel::ElapsedColumn ? ticks : rowChanges)
            .append({a, b});
    });
    const int ending = 45;
    run->jobs().at(ending)->kill();
    QTRY_VERIFY_WITH_TIMEOUT(run->jobs().at(ending)->outcome().isDone(), 10000);
    // Its exit goes out in the next batch; the two after it only tick.
    flushed = m_model->flushCount();
    QTRY_VERIFY(m_model->flushCount() >= flushed + 3);

    // Kill, then the exit: one or two batches, each of that one row.
    QVERIFY(!rowChanges.isEmpty());
    for (const auto &[topLeft, bottomRight] : std::as_const(rowChanges)) {
        QCOMPARE(topLeft.row(), ending);
        QCOMPARE(bottomRight.row(), ending);
    }
    QVERIFY(ticks.size() >= 2);
    for (const auto &[topLeft, bottomRight] : std::as_const(ticks)) {
        // The finished first half never ticks again.
        QVERIFY2(topLeft.row() >= copies / 2, qPrintable(QString::number(topLeft.row())));
        QVERIFY(bottomRight.row() < copies);
    }
    run->kill();
    QVERIFY(waitRun(run, 10000));
}

void TestJobTreeModel::descendantsAppearAndEnd()
{
    // The tester (from init()) checks every insert; the spy checks they are inserts, not resets.
    m_engine->setSampleInterval(100);
    QSignalSpy resets(m_model, &QAbstractItemModel::modelReset);
    QList<QModelIndex> insertParents;
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [&](const QModelIndex &parent, int, int) { insertParents << parent; });
    JobRun *run = m_engine->start(helperPreset({QStringLiteral("fork"), QStringLiteral("3"), QStringLiteral("1")}));
    const QModelIndex group = m_model->index(0, 0);
    const QModelIndex jobRow = m_model->index(0, 0, group);
    QTRY_COMPARE_WITH_TIMEOUT(m_model->rowCount(jobRow), 3, 5000);
    const qint64 pid = run->jobs().first()->pid();
    for (int row = 0; row < 3; ++row) {
        const QModelIndex child = m_model->index(row, 0, jobRow);
        QCOMPARE(m_model->parent(child), jobRow);
        QCOMPARE(m_model->rowCount(child), 0);
        QVERIFY(m_model->isDescendant(child));
        QVERIFY(m_model->data(child, JobTreeModel::IsDescendantRole).toBool());
        QCOMPARE(m_model->jobAt(child), run->jobs().first());
        QCOMPARE(m_model->data(child, JobTreeModel::PidRole).toLongLong(),
                 run->jobs().first()->resources().descendants.at(row).pid);
        QCOMPARE(run->jobs().first()->resources().descendants.at(row).ppid, pid);
        QVERIFY(m_model->data(child.siblingAtColumn(JobTreeModel::CommandColumn)).toString().contains(QStringLiteral("fork 3 1")));
        QVERIFY(!m_model->data(child, JobTreeModel::EndedRole).toBool());
        QVERIFY(!(m_model->flags(child) & Qt::ItemIsDragEnabled));
    }
    QVERIFY(waitRun(run, 10000));
    QCOMPARE(m_model->rowCount(jobRow), 3);
    QCOMPARE(resets.count(), 0);
    QVERIFY(insertParents.contains(jobRow));

    // A descendant that ends while its job runs on stays, marked ended.
    Preset preset;
    preset.id = QStringLiteral("ends");
    preset.title = preset.id;
    StageSpec stage;
    stage.program = QStringLiteral("sh");
    stage.args = QStringList{QStringLiteral("-c"), helper() + QStringLiteral(" sleep 0.3; sleep 1.5")};
    preset.stages << stage;
    JobRun *second = m_engine->start(preset);
    const QModelIndex secondJob = m_model->index(0, 0, m_model->index(1, 0));
    QTRY_VERIFY_WITH_TIMEOUT(m_model->rowCount(secondJob) >= 1
                                 && m_model->data(m_model->index(0, 0, secondJob), JobTreeModel::EndedRole).toBool(),
                             5000);
    const QString ended = m_model->data(m_model->index(0, JobTreeModel::StateColumn, secondJob)).toString();
    // The same word as an ended job's, with when it was last seen in the tooltip.
    QCOMPARE(ended, QStringLiteral("finished"));
    QVERIFY(m_model->data(m_model->index(0, JobTreeModel::StateColumn, secondJob), Qt::ToolTipRole).toString().startsWith(QStringLiteral("Last seen at ")));
    QVERIFY(m_model->data(m_model->index(0, JobTreeModel::CommandColumn, secondJob)).toString().contains(QStringLiteral("sleep 0.3")));
    QCOMPARE(m_model->data(m_model->index(0, JobTreeModel::RssColumn, secondJob), JobTreeModel::RawRole).toLongLong(), qint64(-1));
    QVERIFY(waitRun(second, 10000));
    // Removing the run takes its descendant rows with it, consistently.
    m_engine->clearFinished();
    QCOMPARE(m_model->rowCount(), 0);
}

void TestJobTreeModel::resourceColumnsAreFormatted()
{
    m_engine->setSampleInterval(100);
    JobRun *run = m_engine->start(helperPreset({QStringLiteral("burn"), QStringLiteral("1")}));
    const QModelIndex group = m_model->index(0, 0);
    const QModelIndex cpu = m_model->index(0, JobTreeModel::CpuColumn, group);
    // Unknown before the first CPU reading: empty text and -1, not "0.0 %".
    QCOMPARE(m_model->data(cpu, JobTreeModel::RawRole).toDouble(), -1.0);
    QCOMPARE(m_model->data(cpu).toString(), QString());
    QTRY_VERIFY_WITH_TIMEOUT(m_model->data(cpu, JobTreeModel::RawRole).toDouble() > 50, 3000);
    QVERIFY(m_model->data(cpu).toString().endsWith(QStringLiteral(" %")));
    QVERIFY(m_model->data(m_model->index(0, JobTreeModel::RssColumn, group)).toString().contains(QStringLiteral("iB")));
    // The group's totals follow at the next flush.
    QTRY_VERIFY(m_model->data(group.siblingAtColumn(JobTreeModel::CpuColumn), JobTreeModel::RawRole).toDouble() > 50);
    QVERIFY(waitRun(run, 10000));
    QTRY_VERIFY(sentEverything(m_model));
    const qint64 cpuMs = m_model->data(m_model->index(0, JobTreeModel::CpuTimeColumn, group), JobTreeModel::RawRole).toLongLong();
    QVERIFY2(cpuMs >= 900 && cpuMs <= 1100, qPrintable(QString::number(cpuMs)));
    QVERIFY(m_model->data(m_model->index(0, JobTreeModel::CpuTimeColumn, group)).toString().endsWith(QStringLiteral(" s")));
    QVERIFY(m_model->data(m_model->index(0, JobTreeModel::CpuTimeColumn, group), JobTreeModel::ExactRole).toBool());
    const QModelIndex peak = m_model->index(0, JobTreeModel::PeakRssColumn, group);
    const bool exact = m_model->data(peak, JobTreeModel::ExactRole).toBool();
    QCOMPARE(m_model->data(peak).toString().startsWith(QStringLiteral("≥")), !exact);
    QVERIFY(!m_model->data(peak, Qt::ToolTipRole).toString().isEmpty());
    QCOMPARE(m_model->data(m_model->index(0, JobTreeModel::CpuColumn, group), JobTreeModel::RawRole).toDouble(), -1.0);
}

void TestJobTreeModel::pausedJobReadsPaused()
{
    JobRun *run = m_engine->start(helperPreset({QStringLiteral("sleep"), QStringLiteral("30")}));
    JobProcess *job = run->jobs().first();
    QTRY_COMPARE(job->outcome().state, JobOutcome::State::Running);
    const QModelIndex state = m_model->index(0, JobTreeModel::StateColumn, m_model->index(0, 0));
    QVERIFY(job->pause());
    QTRY_COMPARE(m_model->data(state).toString(), QStringLiteral("paused"));
    QVERIFY(m_model->data(state, JobTreeModel::PausedRole).toBool());
    QVERIFY(job->resume());
    QTRY_COMPARE(m_model->data(state).toString(), QStringLiteral("running"));
    run->kill();
    QVERIFY(waitRun(run, 5000));
}

void TestJobTreeModel::setsidDescendantIsMarked()
{
    m_engine->setSampleInterval(100);
    JobRun *run = m_engine->start(helperPreset({QStringLiteral("setsid-child"), QStringLiteral("1")}));
    const QModelIndex jobRow = m_model->index(0, 0, m_model->index(0, 0));
    QTRY_VERIFY_WITH_TIMEOUT(m_model->rowCount(jobRow) == 1
                                 && m_model->data(m_model->index(0, 0, jobRow), JobTreeModel::LeftGroupRole).toBool(),
                             5000);
    const QModelIndex name = m_model->index(0, JobTreeModel::NameColumn, jobRow);
    QVERIFY2(m_model->data(name).toString().endsWith(QStringLiteral("(setsid)")), qPrintable(m_model->data(name).toString()));
    QVERIFY(m_model->data(name, Qt::ToolTipRole).toString().contains(QStringLiteral("Stop")));
    QVERIFY(waitRun(run, 10000));
}

// Past the row limit the folded runs are summed up in the first top-level
// row: no run behind it, no children, no drag; it stays first under any sort
// and filter, and goes when the tally is cleared.
void TestJobTreeModel::foldedRunsAreTheFirstRow()
{
    m_engine->setFinishedJobLimit(4);
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QList<JobRun *> runs;
    for (int i = 0; i < 3; ++i) {
        runs << m_engine->start(helperPreset({QStringLiteral("exit"), QString::number(i == 0 ? 3 : 0)}, 3));
        QVERIFY(waitRun(runs.last(), 10000));
    }
    // 9 finished jobs, limit 4: the two oldest runs fold, the newest stays.
    QCOMPARE(m_engine->folded().runs, 2);
    QCOMPARE(m_model->rowCount(), 2);
    const QModelIndex summary = m_model->index(0, 0);
    QVERIFY(m_model->isFoldedRow(summary));
    QVERIFY(summary.data(JobTreeModel::IsFoldedRole).toBool());
    QVERIFY(!summary.data(JobTreeModel::IsRunRole).toBool());
    QVERIFY(!summary.data(JobTreeModel::RunIdRole).isValid());
    QCOMPARE(m_model->runAt(summary), nullptr);
    QCOMPARE(m_model->jobAt(summary), nullptr);
    QCOMPARE(m_model->rowCount(summary), 0);
    QVERIFY(!m_model->index(0, 0, summary).isValid());
    QVERIFY(!(m_model->flags(summary) & Qt::ItemIsDragEnabled));
    QCOMPARE(m_model->mimeData({summary}), nullptr);
    QVERIFY2(summary.data().toString().contains(QLatin1Char('2')), qPrintable(summary.data().toString()));
    const QString figures = summary.siblingAtColumn(JobTreeModel::CommandColumn).data().toString();
    QVERIFY2(figures.contains(QStringLiteral("6 jobs, 3 ok, 3 failed")), qPrintable(figures));
    QVERIFY2(figures.contains(runs.at(1)->preset().title) && figures.contains(QStringLiteral("newest 4 finished")),
             qPrintable(figures));
    QVERIFY(summary.siblingAtColumn(JobTreeModel::StdoutColumn).data(Qt::ToolTipRole).toString().contains(
        QStringLiteral("Limits")));
    // The run left in the table follows the summary.
    const QModelIndex kept = m_model->index(1, 0);
    QCOMPARE(m_model->runAt(kept), runs.at(2));
    QCOMPARE(m_model->indexOfRun(runs.at(2)), kept);
    QCOMPARE(m_model->parent(m_model->index(0, 0, kept)), kept);

    // First in both sort orders, and shown by any filter.
    JobFilterProxyModel proxy;
    proxy.setSourceModel(m_model);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
        for (const int column : {int(JobTreeModel::NameColumn), int(JobTreeModel::ElapsedColumn)}) {
            proxy.sort(column, order);
            QVERIFY(proxy.index(0, 0).data(JobTreeModel::IsFoldedRole).toBool());
        }
    }
    proxy.setFilterText(QStringLiteral("no such command anywhere"));
    QCOMPARE(proxy.rowCount(), 1);
    QVERIFY(proxy.index(0, 0).data(JobTreeModel::IsFoldedRole).toBool());
    proxy.setFilterText(QString());
    proxy.setShown(JobFilterProxyModel::ShowRunning);
    QCOMPARE(proxy.rowCount(), 1);

    // A new run comes after it; clearing the tally removes the row.
    JobRun *next = m_engine->start(helperPreset({QStringLiteral("exit"), QStringLiteral("0")}, 1));
    QCOMPARE(m_model->indexOfRun(next).row(), 2);
    QVERIFY(waitRun(next, 10000));
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    m_engine->clearFolded();
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 0);
    QVERIFY(!m_model->isFoldedRow(m_model->index(0, 0)));
    QCOMPARE(m_model->runAt(m_model->index(0, 0)), runs.at(2));
}

// A job whose tail the output budget trimmed says so in its Stdout cell
// ("✂" after the exact count, and a tooltip why); one that kept everything,
// and its stderr that was never trimmed, show the plain count.
void TestJobTreeModel::trimmedStreamsAreMarked()
{
    constexpr int Written = 100000;
    m_engine->setTailCapacity(64 * 1024);
    m_engine->setOutputBudget(150 * 1024); // three 64 KiB tails do not fit: the oldest is trimmed
    m_engine->setMaxParallel(1);
    JobRun *run = m_engine->start(helperPreset({QStringLiteral("flood"), QString::number(Written)}, 3));
    QVERIFY(waitRun(run, 10000));
    QVERIFY(run->jobs().first()->stdoutTail().trimmed());
    QVERIFY(!run->jobs().last()->stdoutTail().trimmed());
    const QModelIndex group = m_model->indexOfRun(run);
    const QModelIndex first = m_model->index(0, JobTreeModel::StdoutColumn, group);
    const QModelIndex last = m_model->index(2, JobTreeModel::StdoutColumn, group);
    // 100000 B = 97.656 KiB; a trimmed tail keeps its last 4 KiB.
    QCOMPARE(first.data().toString(), QStringLiteral("97.7 KiB ✂"));
    QCOMPARE(first.data(JobTreeModel::RawRole).toLongLong(), qint64(Written));
    QCOMPARE(first.data(Qt::ToolTipRole).toString(),
             QStringLiteral("Trimmed to the output budget: only the last 4.0 KiB of this stream are kept in memory (the "
                            "detail pane and reports show those); the count, 97.7 KiB, is exact."));
    QCOMPARE(last.data().toString(), QStringLiteral("97.7 KiB"));
    QVERIFY(!last.data(Qt::ToolTipRole).isValid());
    QVERIFY(!first.siblingAtColumn(JobTreeModel::StderrColumn).data().toString().contains(QStringLiteral("✂")));
}

QTEST_GUILESS_MAIN(TestJobTreeModel)
// A watched job's rows below it are the tracer's family: they appear while
// the job still runs (streamed, not read at the end), nest under their
// parents, and show exits, signals and the pipe between two members.
void TestJobTreeModel::watchedFamilyStreamsIntoRows()
{
    Preset preset;
    preset.watch = true;
    preset.stages << StageSpec{QStringLiteral("/bin/sh"),
                               {QStringLiteral("-c"),
                                QStringLiteral("/bin/echo a | md5sum >/dev/null; %1 signal 11; sleep 1; exit 4")
                                    .arg(QStringLiteral(SPAWNHELPER_PATH))},
                               {}, {}};
    JobRun *run = m_engine->start(preset);
    const QModelIndex job = m_model->index(0, 0, m_model->index(0, 0));
    JobProcess *process = run->jobs().first();
    // While the shell sleeps, echo, md5sum and the helper have come and gone.
    QTRY_VERIFY_WITH_TIMEOUT(m_model->rowCount(job) >= 5 || !process->family().refusal().isEmpty(), 5000);
    if (!process->family().refusal().isEmpty())
        QSKIP(qPrintable(QStringLiteral("ptrace is refused here: ") + process->family().refusal()));
    QVERIFY2(run->isActive(), "the rows must stream in while the job runs, not at its end");
    QVERIFY(m_model->data(job, JobTreeModel::WatchedRole).toBool());

    auto cell = [&](int row, int column, int role = Qt::DisplayRole) {
        return m_model->data(m_model->index(row, column, job), role);
    };
    QHash<QString, int> rowOf;
    for (int row = 0; row < m_model->rowCount(job); ++row)
        rowOf.insert(cell(row, JobTreeModel::NameColumn, JobTreeModel::RawRole).toString(), row);
    QVERIFY(rowOf.contains(QStringLiteral("echo")) && rowOf.contains(QStringLiteral("md5sum")));
    QCOMPARE(cell(0, JobTreeModel::NameColumn).toString(), QStringLiteral("sh")); // the root, not indented
    const int echo = rowOf.value(QStringLiteral("echo"));
    QVERIFY(cell(echo, JobTreeModel::NameColumn).toString().startsWith(QStringLiteral("└ ")));
    QCOMPARE(cell(echo, JobTreeModel::ExitColumn).toString(), QStringLiteral("0"));
    const QString md5Pid = cell(rowOf.value(QStringLiteral("md5sum")), JobTreeModel::PidColumn).toString();
    QVERIFY2(cell(echo, JobTreeModel::LastLineColumn).toString().contains(QStringLiteral("→ pipe to %1 (md5sum)").arg(md5Pid)),
             qPrintable(cell(echo, JobTreeModel::LastLineColumn).toString()));
    const int crashed = rowOf.value(QStringLiteral("spawnhelper"), -1);
    QVERIFY(crashed >= 0);
    QCOMPARE(cell(crashed, JobTreeModel::ExitColumn).toString(), QStringLiteral("SIGSEGV"));
    QCOMPARE(cell(crashed, JobTreeModel::StateColumn, JobTreeModel::StateRole).toInt(), int(JobOutcome::State::Crashed));
    QVERIFY(cell(crashed, JobTreeModel::CpuTimeColumn, JobTreeModel::RawRole).toLongLong() >= 0);
    QVERIFY(cell(crashed, JobTreeModel::PeakRssColumn, JobTreeModel::RawRole).toLongLong() > 0);

    QVERIFY(waitRun(run, 10000));
    QCOMPARE(process->outcome().exitCode, 4);
    QCOMPARE(cell(0, JobTreeModel::ExitColumn).toString(), QStringLiteral("4"));
    QCOMPARE(m_model->rowCount(job), int(process->family().members().size()));
}

#include "tst_jobtreemodel.moc"
