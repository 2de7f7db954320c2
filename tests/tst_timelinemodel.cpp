// The timeline's lanes must say what the jobs did: same start and end times,
// the TERM/KILL moments, poll ticks, chains kept together, lab workers shown.
#include "jobengine.h"
#include "jobprocess.h"
#include "jobrun.h"
#include "testsupport.h"
#include "timelinemodel.h"

#include <QSignalSpy>
#include <QtTest>

using namespace TestSupport;
using State = JobOutcome::State;

class TestTimelineModel : public QObject
{
    Q_OBJECT

private slots:
    void fanOutLanesMatchTheJobs();
    void timeoutShowsTermThenKill();
    void pollTicksFollowTheInterval();
    void chainsAreGroupedByCopy();
    void queuedJobsHaveNoSpanUntilTheyStart();
    void clearingFinishedRunsRemovesTheirGroups();
    void labWorkersGetLanesAndTheirWorkersAreNotShownTwice();
    void changesAreCoalesced();
    void watchedFamilyGetsLanesAndPipes();
};

void TestTimelineModel::fanOutLanesMatchTheJobs()
{
    JobEngine engine;
    TimelineModel model(&engine);
    JobRun *run = engine.start(helperPreset({QStringLiteral("sleep"), QStringLiteral("0.1")}, 10));
    QCOMPARE(model.groupCount(), 1);
    QCOMPARE(model.group(0).lanes.size(), 10);
    QVERIFY(model.isLive());
    QVERIFY(waitRun(run));
    QVERIFY(!model.isLive());

    const TimelineGroup &group = model.group(0);
    QCOMPARE(group.kind, TimelineGroup::Kind::Run);
    QCOMPARE(group.runId, run->id());
    QVERIFY(group.title.contains(QStringLiteral("helper sleep")));
    double longest = 0;
    for (int i = 0; i < 10; ++i) {
        const TimelineLane &lane = group.lanes.at(i);
        const JobProcess *job = run->jobs().at(i);
        QCOMPARE(lane.startMs, job->startedMs());
        QCOMPARE(lane.endMs, job->finishedMs());
        QCOMPARE(lane.pid, job->pid());
        QCOMPARE(lane.segments.size(), 1);
        QCOMPARE(lane.segments.first().startMs, job->startedMs());
        QCOMPARE(lane.segments.first().endMs, job->finishedMs());
        QCOMPARE(lane.outcome.state, State::Finished);
        QCOMPARE(lane.chain, i);
        QCOMPARE(lane.label, QStringLiteral("copy %1/10").arg(i + 1));
        QVERIFY(lane.endMs - lane.startMs >= 95);
        longest = std::max(longest, lane.endMs);
    }
    // Ten parallel bars: the group ends near 0.1 s, not near 1 s.
    QCOMPARE(group.extentMs(0), longest);
    QVERIFY2(longest < 900, qPrintable(QString::number(longest)));
    QCOMPARE(model.nowMs(0), longest);
}

void TestTimelineModel::timeoutShowsTermThenKill()
{
    JobEngine engine;
    TimelineModel model(&engine);
    Preset preset = helperPreset({QStringLiteral("ignore-term"), QStringLiteral("30")});
    preset.timeoutSec = 0.1;
    preset.graceSec = 0.2;
    JobRun *run = engine.start(preset);
    QVERIFY(waitRun(run));

    const TimelineLane &lane = model.group(0).lanes.first();
    const JobProcess *job = run->jobs().first();
    QCOMPARE(lane.outcome.state, State::TimedOut);
    QCOMPARE(lane.termMs, job->termSentMs());
    QCOMPARE(lane.killMs, job->killSentMs());
    QVERIFY2(lane.termMs >= 95 && lane.termMs < 400, qPrintable(QString::number(lane.termMs)));
    QVERIFY(lane.killMs - lane.termMs >= 195);
    QVERIFY(lane.endMs >= lane.killMs);
    QCOMPARE(model.group(0).timeoutSec, 0.1);
}

void TestTimelineModel::pollTicksFollowTheInterval()
{
    JobEngine engine;
    TimelineModel model(&engine);
    Preset preset = helperPreset({QStringLiteral("sleep"), QStringLiteral("0.35")});
    preset.pollIntervalSec = 0.1;
    JobRun *run = engine.start(preset);
    QVERIFY(waitRun(run));

    const TimelineLane &lane = model.group(0).lanes.first();
    const JobProcess *job = run->jobs().first();
    QVERIFY(job->polls() >= 2);
    QCOMPARE(lane.pollMs.size(), job->polls());
    QCOMPARE(lane.pollMs, job->pollTimesMs());
    // Each tick while the child ran, about one interval apart.
    for (int k = 0; k < lane.pollMs.size(); ++k) {
        QVERIFY(lane.pollMs.at(k) > lane.startMs);
        QVERIFY(lane.pollMs.at(k) <= lane.endMs);
        if (k > 0)
            QVERIFY(lane.pollMs.at(k) - lane.pollMs.at(k - 1) >= 90);
    }
}

void TestTimelineModel::chainsAreGroupedByCopy()
{
    JobEngine engine;
    TimelineModel model(&engine);
    JobRun *run = engine.start(helperPreset({QStringLiteral("cat")}, 3, 2));
    QVERIFY(waitRun(run));
    const TimelineGroup &group = model.group(0);
    QCOMPARE(group.stages, 2);
    QCOMPARE(group.lanes.size(), 6);
    for (int i = 0; i < 6; ++i) {
        QCOMPARE(group.lanes.at(i).chain, i / 2);
        QCOMPARE(group.lanes.at(i).stage, i % 2);
        QCOMPARE(group.lanes.at(i).startMs, run->jobs().at(i)->startedMs());
    }
    QCOMPARE(group.lanes.at(3).label, QStringLiteral("chain 2 · stage 2/2"));
}

void TestTimelineModel::queuedJobsHaveNoSpanUntilTheyStart()
{
    JobEngine engine;
    engine.setMaxParallel(2);
    TimelineModel model(&engine);
    JobRun *run = engine.start(helperPreset({QStringLiteral("sleep"), QStringLiteral("0.1")}, 4));
    const TimelineGroup &before = model.group(0);
    QVERIFY(before.lanes.at(0).startMs >= 0);
    QCOMPARE(before.lanes.at(3).startMs, -1.0);
    QVERIFY(before.lanes.at(3).segments.isEmpty());
    QVERIFY(!before.lanes.at(3).isRunning());
    QVERIFY(waitRun(run));
    const TimelineGroup &after = model.group(0);
    // The queued pair started only when the first pair ended.
    QVERIFY(after.lanes.at(3).startMs >= std::min(after.lanes.at(0).endMs, after.lanes.at(1).endMs));
    QCOMPARE(after.lanes.at(3).startMs, run->jobs().at(3)->startedMs());
}

void TestTimelineModel::clearingFinishedRunsRemovesTheirGroups()
{
    JobEngine engine;
    TimelineModel model(&engine);
    JobRun *first = engine.start(helperPreset({QStringLiteral("exit"), QStringLiteral("0")}));
    QVERIFY(waitRun(first));
    LabResult lab;
    lab.lanes = {QStringLiteral("worker 1")};
    lab.spans = {LabResult::Span{0, 0, 10}};
    model.addLabResult(lab);
    JobRun *second = engine.start(helperPreset({QStringLiteral("sleep"), QStringLiteral("0.3")}));
    const quint64 secondId = second->id();
    QCOMPARE(model.groupCount(), 3);
    engine.clearFinished();
    QCOMPARE(model.groupCount(), 2); // the lab's group and the running run stay
    QCOMPARE(model.group(0).kind, TimelineGroup::Kind::Lab);
    QCOMPARE(model.group(1).runId, secondId);
    // Updates still reach the right group after the indexes moved.
    QVERIFY(waitRun(second));
    QCOMPARE(model.group(1).lanes.first().endMs, second->jobs().first()->finishedMs());
    model.clearLab();
    QCOMPARE(model.groupCount(), 1);
    QCOMPARE(model.group(0).runId, secondId);
}

void TestTimelineModel::labWorkersGetLanesAndTheirWorkersAreNotShownTwice()
{
    JobEngine engine;
    TimelineModel model(&engine);
    LabResult result;
    result.mode = LabResult::Mode::Gil;
    result.lanes = {QStringLiteral("2139079"), QStringLiteral("1214759")};
    result.spans = {LabResult::Span{0, 0, 5}, LabResult::Span{1, 5, 10}, LabResult::Span{0, 10, 15}};
    model.addLabResult(result);
    QCOMPARE(model.groupCount(), 1);
    const TimelineGroup &group = model.group(0);
    QCOMPARE(group.kind, TimelineGroup::Kind::Lab);
    QCOMPARE(group.lanes.size(), 2);
    QCOMPARE(group.lanes.at(0).segments.size(), 2); // two turns with the GIL
    QCOMPARE(group.lanes.at(0).startMs, 0.0);
    QCOMPARE(group.lanes.at(0).endMs, 15.0);
    QCOMPARE(group.lanes.at(1).startMs, 5.0);
    QCOMPARE(group.extentMs(0), 15.0);

    // The lab's Processes mode starts its workers through the engine; they
    // are drawn in the lab's group, not again as runs.
    Preset worker = helperPreset({QStringLiteral("exit"), QStringLiteral("0")});
    worker.id = QStringLiteral("lab-factorize");
    QVERIFY(waitRun(engine.start(worker)));
    QCOMPARE(model.groupCount(), 1);
}

void TestTimelineModel::changesAreCoalesced()
{
    JobEngine engine;
    TimelineModel model(&engine);
    QSignalSpy changed(&model, &TimelineModel::changed);
    JobRun *run = engine.start(helperPreset({QStringLiteral("exit"), QStringLiteral("0")}, 50));
    QVERIFY(waitRun(run));
    QTRY_VERIFY(changed.count() >= 1);
    // 50 children start and end (100+ job changes) in far fewer notifications.
    QVERIFY2(changed.count() < 50, qPrintable(QString::number(changed.count())));
}

// A watched job's family: one lane per process, nested by depth, placed on
// the run's clock, with the pipe from echo to md5sum as a connector.
void TestTimelineModel::watchedFamilyGetsLanesAndPipes()
{
    useSpawnscopeAsTracer();
    JobEngine engine;
    TimelineModel model(&engine);
    Preset preset;
    preset.watch = true;
    preset.stages << StageSpec{QStringLiteral("/bin/sh"),
                               {QStringLiteral("-c"), QStringLiteral("/bin/echo a | md5sum; exit 2")}, {}, {}};
    JobRun *run = engine.start(preset);
    QVERIFY(waitRun(run, 10000));
    const JobProcess *job = run->jobs().first();
    if (!job->family().refusal().isEmpty())
        QSKIP(qPrintable(QStringLiteral("ptrace is refused here: ") + job->family().refusal()));
    QCOMPARE(model.groupCount(), 1);
    const QList<TimelineLane> &family = model.group(0).family.value(0);
    QCOMPARE(family.size(), 3);
    QCOMPARE(family.at(0).depth, 0);
    QCOMPARE(family.at(0).outcome.exitCode, 2);
    int echo = -1;
    int md5 = -1;
    for (int i = 0; i < family.size(); ++i) {
        const TimelineLane &lane = family.at(i);
        QVERIFY(lane.startMs >= job->startedMs());
        QVERIFY(lane.endMs >= lane.startMs && lane.endMs <= job->finishedMs());
        if (lane.command.startsWith(QLatin1String("/bin/echo")))
            echo = i;
        if (lane.command == QLatin1String("md5sum"))
            md5 = i;
    }
    QVERIFY(echo > 0 && md5 > 0);
    QCOMPARE(family.at(echo).depth, 1);
    QCOMPARE(family.at(echo).execMs.size(), 1);
    QVERIFY(family.at(echo).execMs.first() >= family.at(echo).startMs);
    QCOMPARE(family.at(echo).pipeTo, QList<int>{md5});
    QVERIFY(family.at(md5).pipeTo.isEmpty());
    QVERIFY2(family.at(md5).label.endsWith(QStringLiteral("└ md5sum")), qPrintable(family.at(md5).label));
}

QTEST_GUILESS_MAIN(TestTimelineModel)
#include "tst_timelinemodel.moc"
