// A job's resources and paused state as the engine reports them: the
// sampler wired in, ChildUsage at the reap, pause/resume and sendSignal.
#include "jobengine.h"
#include "jobprocess.h"
#include "processsampler.h"
#include "rootsample.h"
#include "testsupport.h"

#include <QtTest>

#include <csignal>

using namespace TestSupport;

class TstJobResources : public QObject
{
    Q_OBJECT
private slots:
    void intervalIsClamped();
    void burnReportsExactCpu();
    void allocReportsPeakRss();
    void leaderThatLeftFirstHasNoMadeUpPeak();
    void forkShowsDescendants();
    void pauseAndResume();
    void pauseIsReadFromProc();
    void pauseOutlivesSamplesBeforeTheStopLands();
    void signalThatKillsIsTheUsers();
};

void TstJobResources::intervalIsClamped()
{
    JobEngine engine;
    engine.setSampleInterval(10);
    QCOMPARE(engine.sampleInterval(), 100);
    engine.setSampleInterval(60000);
    QCOMPARE(engine.sampleInterval(), 5000);
    engine.setSampleInterval(250);
    QCOMPARE(engine.sampleInterval(), 250);
}

void TstJobResources::burnReportsExactCpu()
{
    JobEngine engine;
    engine.setSampleInterval(100);
    QSignalSpy resources(&engine, &JobEngine::jobResourcesChanged);
    JobRun *run = engine.start(helperPreset({"burn", "1"}));
    QVERIFY(waitRun(run));
    const JobProcess *job = run->jobs().first();
    QCOMPARE(job->outcome().exitCode, 0);
    const JobResources &res = job->resources();
    QVERIFY(res.cpuExact);
    const qint64 cpu = res.cpuUserMs + res.cpuSysMs;
    QVERIFY2(cpu >= 900 && cpu <= 1100, qPrintable(QString::number(cpu)));
    // Sampled while it ran: a CPU-bound child shows a busy core.
    QVERIFY(res.samples >= 3);
    QVERIFY(!res.history.isEmpty());
    double maxCpu = 0;
    for (const ResourcePoint &point : res.history)
        maxCpu = std::max(maxCpu, point.cpuPercent);
    QVERIFY2(maxCpu > 50, qPrintable(QString::number(maxCpu)));
    QVERIFY(resources.size() >= 3);
    // Ended: no made-up current figures.
    QCOMPARE(res.cpuPercent, -1.0);
    QCOMPARE(res.rssKb, qint64(-1));
    QVERIFY(engine.sampler()->roots().isEmpty());
}

void TstJobResources::allocReportsPeakRss()
{
    JobEngine engine;
    engine.setSampleInterval(100);
    JobRun *run = engine.start(helperPreset({"alloc", "200", "1"}));
    QVERIFY(waitRun(run));
    const JobResources &res = run->jobs().first()->resources();
    QVERIFY2(res.peakRssKb >= 200 * 1024, qPrintable(QString::number(res.peakRssKb)));
    QVERIFY(res.maxThreads >= 1);
}

// The main thread calls pthread_exit while a worker runs on: /proc shows a
// zombie leader with no memory. Its peak is unknown then (-1, null in a
// report), never the 0 KiB that was read.
void TstJobResources::leaderThatLeftFirstHasNoMadeUpPeak()
{
    JobEngine engine;
    engine.setSampleInterval(100);
    JobRun *run = engine.start(helperPreset({"leader-exit", "0.6"}));
    JobProcess *job = run->jobs().first();
    QVERIFY(waitRun(run));
    QCOMPARE(job->outcome().exitCode, 0);
    const JobResources &res = job->resources();
    QVERIFY2(res.peakRssKb == -1 || res.peakRssKb > 0, qPrintable(QString::number(res.peakRssKb)));
    QVERIFY(res.samples > 0); // it was sampled while the worker ran, so the 0 was there to be read
}

void TstJobResources::forkShowsDescendants()
{
    JobEngine engine;
    engine.setSampleInterval(100);
    JobRun *run = engine.start(helperPreset({"fork", "3", "2"}));
    JobProcess *job = run->jobs().first();
    QTRY_COMPARE_WITH_TIMEOUT(job->resources().descendants.size(), 3, 5000);
    for (const ProcessSample &child : job->resources().descendants) {
        QCOMPARE(child.ppid, job->pid());
        QVERIFY(!child.ended);
        QVERIFY(child.firstSeenMs >= job->startedMs());
    }
    QVERIFY(job->resources().threads >= 4);
    QVERIFY(waitRun(run));
    // The three the helper forked (it prints their pids) stay listed, ended.
    // Any other must have been short-lived: under ASan, LeakSanitizer's check
    // at exit runs in a clone (the helper now turns the check off).
    QSet<qint64> forked;
    for (const QByteArray &line : job->stdoutTail().last(4096).split('\n')) {
        if (!line.isEmpty())
            forked.insert(line.toLongLong());
    }
    QCOMPARE(forked.size(), 3);
    int listed = 0;
    for (const ProcessSample &child : job->resources().descendants) {
        if (forked.contains(child.pid)) {
            ++listed;
            QVERIFY(child.ended);
            QVERIFY2(child.lastSeenMs - child.firstSeenMs >= 1000, "a forked child sleeps 2 s");
        } else {
            QVERIFY2(child.lastSeenMs - child.firstSeenMs < 1000,
                     qPrintable(QStringLiteral("an unexpected descendant %1 (%2)").arg(child.pid).arg(child.argv.join(' '))));
        }
    }
    QCOMPARE(listed, 3);
}

void TstJobResources::pauseAndResume()
{
    JobEngine engine;
    engine.setSampleInterval(100);
    JobRun *run = engine.start(helperPreset({"burn", "1"}));
    JobProcess *job = run->jobs().first();
    QTRY_COMPARE(job->outcome().state, JobOutcome::State::Running);
    QVERIFY(job->pause());
    QVERIFY(job->isPaused());
    QSignalSpy ticks(job, &JobProcess::resourcesChanged);
    QTest::qWait(400); // not a wait for an event: the stretch's length is under test (>= 390 ms below)
    // Still paused after ticks read the stopped state; the second covers the pause alone.
    QTRY_VERIFY(ticks.count() >= 2);
    QVERIFY(job->isPaused());
    QCOMPARE(job->resources().cpuPercent, 0.0);
    QVERIFY(job->resume());
    QVERIFY(!job->isPaused());
    QVERIFY(waitRun(run));
    QCOMPARE(job->outcome().exitCode, 0);
    QCOMPARE(job->pausedStretches().size(), 1);
    const JobProcess::PausedStretch stretch = job->pausedStretches().first();
    QVERIFY(stretch.startMs >= job->startedMs());
    QVERIFY2(stretch.endMs - stretch.startMs >= 390, qPrintable(QString::number(stretch.endMs - stretch.startMs)));
    // Paused wall time is not CPU time: the job still burned about 1 s of CPU.
    QVERIFY(job->elapsedMs() >= 1300);
}

void TstJobResources::pauseIsReadFromProc()
{
    // stop-resume stops itself: no pause() here, only the sampled 'T' state.
    JobEngine engine;
    engine.setSampleInterval(100);
    JobRun *run = engine.start(helperPreset({"stop-resume"}));
    JobProcess *job = run->jobs().first();
    QTRY_VERIFY_WITH_TIMEOUT(job->isPaused(), 5000);
    QCOMPARE(job->pausedStretches().size(), 1);
    QVERIFY(job->sendSignal(SIGCONT, true));
    QVERIFY(waitRun(run));
    QCOMPARE(job->outcome().exitCode, 0);
    QVERIFY(job->stdoutTail().tail().contains("resumed"));
    QVERIFY(!job->isPaused());
    QVERIFY(job->pausedStretches().first().endMs >= job->pausedStretches().first().startMs);
}

void TstJobResources::pauseOutlivesSamplesBeforeTheStopLands()
{
    // A SIGSTOP takes effect when the child next runs; on a busy machine a
    // tick can read it running after pause() returned. Fed by hand here, so
    // the order is the one a loaded CI machine produced once.
    JobEngine engine;
    engine.setSampleInterval(ProcessSampler::MaxIntervalMs);
    JobRun *run = engine.start(helperPreset({"sleep", "30"}));
    JobProcess *job = run->jobs().first();
    QTRY_COMPARE(job->outcome().state, JobOutcome::State::Running);
    const auto tick = [job](char state, double laterMs) {
        RootSample sample;
        sample.pid = job->pid();
        sample.root.pid = job->pid();
        sample.root.state = state;
        sample.sampledMs = 1e6 + laterMs; // the sampler's clock, laterMs past the call
        job->applySample(sample, 1e6);
    };
    QVERIFY(job->pause());
    tick('R', 1);
    QVERIFY2(job->isPaused(), "a tick before the stop landed undid pause()");
    QCOMPARE(job->pausedStretches().size(), 1);
    tick('T', 2);
    QVERIFY(job->isPaused());
    // Once a tick agreed, a running state is someone else's SIGCONT.
    tick('R', 3);
    QVERIFY(!job->isPaused());
    QCOMPARE(job->pausedStretches().size(), 1);
    QVERIFY(job->pausedStretches().first().endMs > job->pausedStretches().first().startMs);

    // A stop the child never acts on (SIGTSTP caught) gives way after SignalSettleMs.
    QVERIFY(job->pause());
    tick('R', 10);
    QVERIFY(job->isPaused());
    tick('R', JobProcess::SignalSettleMs + 10);
    QVERIFY(!job->isPaused());
    QCOMPARE(job->pausedStretches().size(), 2);
    QVERIFY(job->resume());
    QVERIFY(job->sendSignal(SIGKILL, true));
    QVERIFY(waitRun(run));
}

void TstJobResources::signalThatKillsIsTheUsers()
{
    JobEngine engine;
    JobRun *run = engine.start(helperPreset({"sleep", "30"}));
    JobProcess *job = run->jobs().first();
    QTRY_COMPARE(job->outcome().state, JobOutcome::State::Running);
    QVERIFY(job->sendSignal(SIGUSR1, false));
    QVERIFY(waitRun(run));
    QCOMPARE(job->outcome().signal, SIGUSR1);
    QCOMPARE(job->outcome().state, JobOutcome::State::Killed);
    QCOMPARE(job->outcome().cause, JobOutcome::Cause::UserSignal);
    QVERIFY(job->outcome().explanation(0, 2).contains(QStringLiteral("after you sent it")));
    // Nothing to signal once it is gone.
    QVERIFY(!job->sendSignal(SIGUSR1, true));
}

QTEST_GUILESS_MAIN(TstJobResources)
#include "tst_jobresources.moc"
