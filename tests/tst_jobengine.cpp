#include "jobengine.h"
#include "jobprocess.h"
#include "jobrun.h"
#include "jobtreemodel.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace TestSupport;
using State = JobOutcome::State;

class TestJobEngine : public QObject
{
    Q_OBJECT

private slots:
    void oldestFinishedRunsFoldPastTheLimit();
    void defaultLetsTheSeedFanOutRunAtOnce();
    void limitIsRespected();
    void aThousandQueuedJobsAllComplete();
    void startBudgetSpreadsAFanOutOverTurns();
    void aSmallFanOutStartsInOneGo_data();
    void aSmallFanOutStartsInOneGo();
    void chainsStartWhole();
    void stoppingQueuedJobsMeansTheyNeverRun();
    void stopAllCancelsTheQueue();
    void raisingTheLimitStartsQueuedJobs();
    void runningCountIsSignalled();
    void budgetTrimsTheOldestFinishedFirst();
    void budgetNeverTrimsARunningJob();
    void budgetForgetsClearedRuns();
    void releasingRunLetsGoOfReportedCopies();
    void stoppingAReleasingRunCancelsWhatNeverStarted();
};

void TestJobEngine::defaultLetsTheSeedFanOutRunAtOnce()
{
    JobEngine engine;
    // Nor a fan-out of 64, which the window starts in one go.
    QVERIFY(engine.maxParallel() >= JobEngine::SmallFanOut);
    JobRun *run = engine.start(helperPreset({QStringLiteral("sleep"), QStringLiteral("0.2")}, 10));
    QCOMPARE(engine.runningCount(), 10);
    QCOMPARE(engine.queuedCopies(), 0);
    QVERIFY(waitRun(run));
    QVERIFY(run->wallMs() < 1000);
}

void TestJobEngine::limitIsRespected()
{
    JobEngine engine;
    engine.setMaxParallel(3);
    JobRun *run = engine.start(helperPreset({QStringLiteral("sleep"), QStringLiteral("0.1")}, 9));
    QCOMPARE(engine.runningCount(), 3);
    QCOMPARE(engine.queuedCopies(), 6);
    QCOMPARE(run->jobs().at(8)->outcome().state, State::Queued);
    QCOMPARE(JobOutcome::stateToString(run->jobs().at(8)->outcome().state), QStringLiteral("queued"));
    QVERIFY(waitRun(run));
    QCOMPARE(engine.peakRunning(), 3);
    QCOMPARE(run->failedCount(), 0);
    // Three waves of 0.1 s.
    QVERIFY2(run->wallMs() >= 290, qPrintable(QString::number(run->wallMs())));
    QCOMPARE(engine.runningCount(), 0);
}

void TestJobEngine::aThousandQueuedJobsAllComplete()
{
    JobEngine engine;
    engine.setMaxParallel(50);
    JobRun *run = engine.start(helperPreset({QStringLiteral("exit"), QStringLiteral("0")}, 1000));
    QCOMPARE(engine.queuedCopies(), 950);
    QVERIFY(waitRun(run, 120000));
    QCOMPARE(run->doneCount(), 1000);
    QCOMPARE(run->failedCount(), 0);
    QCOMPARE(engine.peakRunning(), 50);
    QCOMPARE(engine.runningCount(), 0);
    QVERIFY(engine.isIdle());
}

void TestJobEngine::startBudgetSpreadsAFanOutOverTurns()
{
    // The window's setting: a call of the scheduler stops starting children
    // once its budget is spent and goes on in the next turn of the event
    // loop, so 100 copies never hold the loop for the time of 100 starts.
    JobEngine engine;
    engine.setMaxParallel(0);
    engine.setStartBudgetMs(1);
    // Each sleeps long enough that all 100 are running together even where a
    // start is slow (a sanitizer build on a loaded machine took over 0.5 s
    // for 64).
    JobRun *run = engine.start(helperPreset({QStringLiteral("sleep"), QStringLiteral("3")}, 100));
    QVERIFY2(engine.runningCount() >= 1 && engine.runningCount() < 100, qPrintable(QString::number(engine.runningCount())));
    QTRY_COMPARE_WITH_TIMEOUT(engine.runningCount(), 100, 10000);
    QCOMPARE(engine.queuedCopies(), 0);
    QVERIFY(waitRun(run));
    QCOMPARE(run->failedCount(), 0);
    QCOMPARE(engine.peakRunning(), 100);
}

void TestJobEngine::aSmallFanOutStartsInOneGo_data()
{
    QTest::addColumn<int>("copies");
    QTest::addColumn<int>("stages");
    QTest::addColumn<bool>("inOneGo");
    QTest::newRow("the seed's ten") << 10 << 1 << true;
    QTest::newRow("64 copies") << 64 << 1 << true;
    QTest::newRow("32 two-stage chains") << 32 << 2 << true;
    QTest::newRow("65 copies: the budget applies") << 65 << 1 << false;
    QTest::newRow("33 two-stage chains: the budget applies") << 33 << 2 << false;
}

void TestJobEngine::aSmallFanOutStartsInOneGo()
{
    // However long the starts take (several ms each on a busy machine), a
    // run of at most SmallFanOut children is never spread over turns of the
    // event loop, where a window's paint would hold its last children back
    // 30-60 ms. 64 starts take well over a 1 ms budget.
    QFETCH(int, copies);
    QFETCH(int, stages);
    QFETCH(bool, inOneGo);
    JobEngine engine;
    engine.setMaxParallel(0);
    engine.setStartBudgetMs(1);
    JobRun *run = engine.start(helperPreset({QStringLiteral("sleep"), QStringLiteral("0.2")}, copies, stages));
    const int children = copies * stages;
    if (inOneGo) {
        QCOMPARE(engine.runningCount(), children);
        for (const JobProcess *job : run->jobs())
            QVERIFY(job->startedMs() >= 0);
    } else {
        QVERIFY2(engine.runningCount() < children, qPrintable(QString::number(engine.runningCount())));
    }
    QVERIFY(waitRun(run));
    QCOMPARE(run->failedCount(), 0);
}

void TestJobEngine::chainsStartWhole()
{
    JobEngine engine;
    engine.setMaxParallel(5);
    // Each copy is a 2-stage chain: at most two chains (4 children) fit in 5 slots.
    JobRun *run = engine.start(helperPreset({QStringLiteral("cat")}, 4, 2));
    QCOMPARE(engine.runningCount(), 4);
    QCOMPARE(run->job(2, 0)->outcome().state, State::Queued);
    QCOMPARE(run->job(2, 1)->outcome().state, State::Queued);
    QVERIFY(waitRun(run));
    QCOMPARE(run->failedCount(), 0);
    QVERIFY(engine.peakRunning() <= 5);

    // A chain longer than the limit still runs, alone.
    engine.setMaxParallel(2);
    JobRun *longChain = engine.start(helperPreset({QStringLiteral("cat")}, 1, 3));
    QVERIFY(waitRun(longChain));
    QCOMPARE(longChain->failedCount(), 0);
}

void TestJobEngine::stoppingQueuedJobsMeansTheyNeverRun()
{
    JobEngine engine;
    engine.setMaxParallel(1);
    JobRun *blocker = engine.start(helperPreset({QStringLiteral("sleep"), QStringLiteral("0.3")}));
    JobRun *waiting = engine.start(helperPreset({QStringLiteral("exit"), QStringLiteral("0")}, 1, 2));
    QCOMPARE(waiting->jobs().at(0)->outcome().state, State::Queued);
    waiting->jobs().at(1)->stop(); // one stage of a queued chain: the whole chain is cancelled
    QVERIFY(waitRun(waiting, 1000));
    for (const JobProcess *job : waiting->jobs()) {
        QCOMPARE(job->outcome().state, State::Killed);
        QCOMPARE(job->pid(), 0);
        QVERIFY(job->outcome().explanation(0, 2).contains(QStringLiteral("never ran")));
    }
    QVERIFY(waitRun(blocker));
    QCOMPARE(engine.runningCount(), 0);
    QCOMPARE(engine.queuedCopies(), 0);
}

void TestJobEngine::stopAllCancelsTheQueue()
{
    JobEngine engine;
    engine.setMaxParallel(2);
    QSignalSpy idle(&engine, &JobEngine::idle);
    JobRun *run = engine.start(helperPreset({QStringLiteral("sleep"), QStringLiteral("30")}, 6));
    QTRY_VERIFY_WITH_TIMEOUT(run->jobs().at(0)->pid() > 0 && run->jobs().at(1)->pid() > 0, 5000);
    engine.stopAll();
    QVERIFY(idle.count() == 1 || idle.wait(5000));
    QCOMPARE(run->jobs().at(0)->outcome().state, State::Killed);
    QCOMPARE(run->jobs().at(0)->outcome().signal, 15);
    for (int i = 2; i < 6; ++i)
        QCOMPARE(run->jobs().at(i)->pid(), 0); // the queued ones never started
    QCOMPARE(engine.runningCount(), 0);
}

void TestJobEngine::raisingTheLimitStartsQueuedJobs()
{
    JobEngine engine;
    engine.setMaxParallel(1);
    JobRun *run = engine.start(helperPreset({QStringLiteral("sleep"), QStringLiteral("0.2")}, 4));
    QCOMPARE(engine.runningCount(), 1);
    engine.setMaxParallel(0); // no limit
    QCOMPARE(engine.runningCount(), 4);
    QVERIFY(waitRun(run));
    QVERIFY(run->wallMs() < 600);
}

void TestJobEngine::runningCountIsSignalled()
{
    JobEngine engine;
    engine.setMaxParallel(1);
    QSignalSpy changed(&engine, &JobEngine::runningCountChanged);
    JobRun *run = engine.start(helperPreset({QStringLiteral("sleep"), QStringLiteral("0.1")}, 2));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.last().first().toInt(), 1);
    QVERIFY(waitRun(run));
    QCOMPARE(engine.runningCount(), 0);
    QCOMPARE(changed.last().first().toInt(), 0);
    // Each end is told, and the queued copy's start after it: 1, 0, 1, 0.
    QList<int> counts;
    for (const QList<QVariant> &args : std::as_const(changed))
        counts << args.first().toInt();
    QCOMPARE(counts, (QList<int>{1, 0, 1, 0}));
}

void TestJobEngine::budgetTrimsTheOldestFinishedFirst()
{
    // Six jobs that each keep a full 64 KiB tail, one at a time so that they
    // finish in order, under a budget that holds three: the first ones to
    // finish are cut to their last 4 KiB, the later ones keep everything.
    constexpr qsizetype Tail = 64 * 1024;
    constexpr qint64 Budget = 200 * 1024;
    constexpr int Written = 100000;
    JobEngine engine;
    engine.setTailCapacity(Tail);
    engine.setOutputBudget(Budget);
    engine.setMaxParallel(1);
    JobRun *run = engine.start(helperPreset({QStringLiteral("flood"), QString::number(Written)}, 6));
    QVERIFY(waitRun(run));
    QCOMPARE(run->failedCount(), 0);

    const QByteArray expected = floodBytes(Written);
    int trimmed = 0;
    for (int i = 0; i < 6; ++i) {
        const OutputTail &out = run->jobs().at(i)->stdoutTail();
        QCOMPARE(out.totalBytes(), qint64(Written)); // the count stays exact
        if (out.trimmed()) {
            QCOMPARE(trimmed, i); // a prefix: oldest first
            ++trimmed;
            QCOMPARE(out.keptBytes(), OutputBudget::TrimmedKeepBytes);
            QCOMPARE(out.tail(), expected.right(OutputBudget::TrimmedKeepBytes));
        } else {
            QCOMPARE(out.keptBytes(), Tail);
            QCOMPARE(out.tail(), expected.right(Tail));
        }
    }
    // 6 x 64 KiB does not fit in 200 KiB; 3 x 64 KiB + 3 x 4 KiB does.
    QVERIFY2(trimmed >= 3 && trimmed < 6, qPrintable(QString::number(trimmed)));
    QVERIFY(engine.budget().finishedBytes() <= Budget);
    QCOMPARE(engine.budget().trimmedJobs(), trimmed);
}

void TestJobEngine::budgetNeverTrimsARunningJob()
{
    JobEngine engine;
    engine.setOutputBudget(1); // nothing fits: only running jobs may keep more
    const QString text(20000, QLatin1Char('r'));
    JobRun *running = engine.start(helperPreset({QStringLiteral("partial"), QStringLiteral("30"), text}));
    const JobProcess *writer = running->jobs().at(0);
    QTRY_COMPARE_WITH_TIMEOUT(writer->stdoutTail().totalBytes(), qint64(text.size()), 5000);

    JobRun *floods = engine.start(helperPreset({QStringLiteral("flood"), QStringLiteral("50000")}, 3));
    QVERIFY(waitRun(floods));
    for (const JobProcess *job : floods->jobs()) {
        QVERIFY(job->stdoutTail().trimmed());
        QCOMPARE(job->stdoutTail().keptBytes(), OutputBudget::TrimmedKeepBytes);
        QCOMPARE(job->stdoutTail().totalBytes(), qint64(50000));
    }
    QVERIFY(!writer->outcome().isDone());
    QVERIFY(!writer->stdoutTail().trimmed());
    QCOMPARE(writer->stdoutTail().tail(), text.toLatin1());

    // Once it has finished, it is the next to go.
    running->stop();
    QVERIFY(waitRun(running));
    QVERIFY(writer->stdoutTail().trimmed());
    QCOMPARE(writer->stdoutTail().tail(), text.toLatin1().right(OutputBudget::TrimmedKeepBytes));
}

void TestJobEngine::budgetForgetsClearedRuns()
{
    JobEngine engine;
    JobRun *run = engine.start(helperPreset({QStringLiteral("flood"), QStringLiteral("30000")}, 2));
    QVERIFY(waitRun(run));
    QCOMPARE(engine.budget().finishedBytes(), qint64(60000));
    engine.clearFinished();
    QTRY_COMPARE(engine.budget().finishedBytes(), qint64(0)); // deleted later, then forgotten
}

void TestJobEngine::releasingRunLetsGoOfReportedCopies()
{
    JobEngine engine;
    engine.setReleasingRuns(true);
    engine.setMaxParallel(8);
    JobRun *run = engine.start(helperPreset({QStringLiteral("exit"), QStringLiteral("0")}, 200, 2));
    // Jobs exist only once their copy starts: eight chains need 16 slots, so four at a time.
    QCOMPARE(run->jobs().size(), 400);
    QVERIFY(run->jobs().at(0) != nullptr);
    QVERIFY(run->jobs().last() == nullptr);
    int released = 0;
    connect(run, &JobRun::jobFinished, this, [run, &released](int index) {
        const int copy = index / run->stageCount();
        if (run->isCopyDone(copy)) {
            run->releaseCopy(copy);
            ++released;
        }
    });
    QVERIFY(waitRun(run, 60000));
    QCOMPARE(released, 200);
    QCOMPARE(run->doneCount(), 400);
    QCOMPARE(run->failedCount(), 0);
    QCOMPARE(run->doneCount(JobOutcome::State::Finished), 400);
    for (int copy = 0; copy < 200; ++copy)
        QVERIFY(run->isCopyDone(copy)); // told by the tallies, the jobs being gone
    QVERIFY(std::all_of(run->jobs().cbegin(), run->jobs().cend(), [](const JobProcess *job) { return !job; }));
    QVERIFY(engine.isIdle());
}

void TestJobEngine::stoppingAReleasingRunCancelsWhatNeverStarted()
{
    JobEngine engine;
    engine.setReleasingRuns(true);
    engine.setMaxParallel(2);
    QSignalSpy idle(&engine, &JobEngine::idle);
    JobRun *run = engine.start(helperPreset({QStringLiteral("sleep"), QStringLiteral("30")}, 1000));
    QList<int> neverRan;
    connect(run, &JobRun::jobFinished, this, [run, &neverRan](int index) {
        if (run->jobs().at(index)->pid() == 0)
            neverRan << index;
        run->releaseCopy(index);
    });
    QTRY_VERIFY_WITH_TIMEOUT(run->jobs().at(0)->pid() > 0 && run->jobs().at(1)->pid() > 0, 5000);
    engine.stopAll();
    QVERIFY(idle.count() == 1 || idle.wait(10000));
    QVERIFY(run->isDone());
    QCOMPARE(run->doneCount(), 1000);
    QCOMPARE(neverRan.size(), 998); // each created, cancelled and reported in turn
    QCOMPARE(run->doneCount(JobOutcome::State::Killed), 1000);
    QCOMPARE(engine.runningCount(), 0);
    QCOMPARE(engine.peakRunning(), 2);
}

// Past the row limit the oldest finished runs leave (the table's model stays
// consistent) and are counted in folded(); a running run and the newest
// finished one stay, however many jobs they have.
void TestJobEngine::oldestFinishedRunsFoldPastTheLimit()
{
    JobEngine engine;
    JobTreeModel model(&engine);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    engine.setFinishedJobLimit(10);
    QSignalSpy folded(&engine, &JobEngine::foldedChanged);
    JobRun *running = engine.start(helperPreset({QStringLiteral("sleep"), QStringLiteral("30")}, 12));
    QList<QPointer<JobRun>> small;
    for (int i = 0; i < 5; ++i) {
        JobRun *run = engine.start(helperPreset({QStringLiteral("exit"), QString::number(i == 0 ? 3 : 0)}, 4));
        QVERIFY(waitRun(run));
        small << run;
    }
    // Finished: 5 × 4 = 20 jobs; limit 10: the three oldest small runs fold.
    QCOMPARE(engine.folded().runs, 3);
    QCOMPARE(engine.folded().jobs, 12);
    QCOMPARE(engine.folded().failed, 4); // the first run's four exit 3
    QCOMPARE(engine.folded().succeeded, 8);
    QCOMPARE(engine.folded().lastTitle, small.at(2)->preset().title);
    QVERIFY(folded.count() >= 1);
    QCOMPARE(engine.runs().size(), 3);
    QCOMPARE(engine.runs().first(), running); // running: never folded
    QCOMPARE(engine.runs().at(1), small.at(3).data());
    QCOMPARE(engine.runs().at(2), small.at(4).data());
    QCOMPARE(model.rowCount(), 4); // the folded-runs row, then the three runs

    // The newest finished run stays even when it alone passes the limit.
    engine.stopAll();
    QVERIFY(waitRun(running));
    QCOMPARE(engine.runs().size(), 1);
    QCOMPARE(engine.runs().first(), running);
    QCOMPARE(engine.folded().runs, 5);
    QCOMPARE(model.rowCount(), 2);

    engine.clearFinished();
    engine.clearFolded();
    QVERIFY(engine.folded().isEmpty());
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestJobEngine)
#include "tst_jobengine.moc"
