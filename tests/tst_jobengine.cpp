#include "jobengine.h"
#include "jobprocess.h"
#include "jobrun.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QtTest>

using namespace TestSupport;
using State = JobOutcome::State;

class TestJobEngine : public QObject
{
    Q_OBJECT

private slots:
    void defaultLetsTheSeedFanOutRunAtOnce();
    void limitIsRespected();
    void aThousandQueuedJobsAllComplete();
    void chainsStartWhole();
    void stoppingQueuedJobsMeansTheyNeverRun();
    void stopAllCancelsTheQueue();
    void raisingTheLimitStartsQueuedJobs();
    void runningCountIsSignalled();
};

void TestJobEngine::defaultLetsTheSeedFanOutRunAtOnce()
{
    JobEngine engine;
    QVERIFY(engine.maxParallel() >= 10);
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

QTEST_GUILESS_MAIN(TestJobEngine)
#include "tst_jobengine.moc"
