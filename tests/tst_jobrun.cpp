#include "jobformat.h"
#include "jobprocess.h"
#include "jobrun.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QtTest>

#include <algorithm>
#include <csignal>

using namespace TestSupport;
using State = JobOutcome::State;

namespace {

QByteArray randomBytes(qsizetype n)
{
    QByteArray bytes(n, Qt::Uninitialized);
    QRandomGenerator generator(1234);
    generator.generate(bytes.begin(), bytes.end());
    return bytes;
}

} // namespace

class TestJobRun : public QObject
{
    Q_OBJECT

private slots:
    void chainIsByteExact_data();
    void chainIsByteExact();
    void chainIntoMd5sumMatchesDigest();
    void fanoutRunsInParallel();
    void failingStageIsReadable();
    void upstreamGetsSigpipeWhenDownstreamExitsEarly();
    void signalDeathsInAChain_data();
    void signalDeathsInAChain();
    void stopReachesEveryChild();
    void randomStdinDiffersPerCopy();
    void wiringIsCopyMajor();
    void groupSumsFollowTheJobs_data();
    void groupSumsFollowTheJobs();
    void indexOfIsTheJobsPlace();
    void groupStateCountsPausedStoppedAndKilled();
};

void TestJobRun::chainIsByteExact_data()
{
    QTest::addColumn<int>("stages");
    QTest::addColumn<int>("bytes");
    QTest::newRow("2 stages, 4 MiB") << 2 << 4 * 1024 * 1024;
    QTest::newRow("3 stages, 5 MiB + 7") << 3 << 5 * 1024 * 1024 + 7;
    QTest::newRow("2 stages, 1 byte") << 2 << 1;
    QTest::newRow("2 stages, empty") << 2 << 0;
}

void TestJobRun::chainIsByteExact()
{
    QFETCH(int, stages);
    QFETCH(int, bytes);
    const QByteArray data = randomBytes(bytes);
    Preset preset;
    preset.id = QStringLiteral("chain");
    for (int i = 0; i < stages; ++i)
        preset.stages << helperStage({QStringLiteral("cat")});
    preset.stdinSpec.kind = StdinSpec::Kind::Hex;
    preset.stdinSpec.data = data;

    JobRun run(1, preset, 8 * 1024 * 1024);
    run.start();
    QVERIFY(waitRun(&run, 60000));
    for (int i = 0; i + 1 < stages; ++i) {
        QVERIFY(run.job(0, i)->pipesStdout());
        QCOMPARE(run.job(0, i)->stdoutTail().totalBytes(), 0); // the OS pipe bypasses the app
        QCOMPARE(run.job(0, i)->outcome().state, State::Finished);
    }
    const JobProcess *last = run.job(0, stages - 1);
    QVERIFY(last->readsFromPipe());
    QCOMPARE(last->outcome().exitCode, 0);
    QCOMPARE(last->stdoutTail().totalBytes(), qint64(bytes));
    QVERIFY(last->stdoutTail().tail() == data);
    QCOMPARE(run.failedCount(), 0);
}

void TestJobRun::chainIntoMd5sumMatchesDigest()
{
    const QByteArray data = randomBytes(4 * 1024 * 1024 + 3);
    Preset preset;
    preset.stages << helperStage({QStringLiteral("cat")});
    StageSpec md5;
    md5.program = QStringLiteral("md5sum");
    preset.stages << md5;
    preset.stdinSpec.kind = StdinSpec::Kind::Hex;
    preset.stdinSpec.data = data;
    JobRun run(1, preset, 1024);
    run.start();
    QVERIFY(waitRun(&run, 60000));
    const QByteArray expected = QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex() + "  -\n";
    QCOMPARE(run.job(0, 1)->stdoutTail().tail(), expected);
}

void TestJobRun::fanoutRunsInParallel()
{
    Preset preset;
    preset.copies = 10;
    preset.stages << helperStage({QStringLiteral("sleep"), QStringLiteral("0.2")});
    JobRun run(1, preset, 1024);
    QCOMPARE(run.jobs().size(), 10);
    run.start();
    QVERIFY(run.isActive());
    QVERIFY(waitRun(&run));
    QCOMPARE(run.failedCount(), 0);
    QVERIFY2(run.sumMs() >= 10 * 195, qPrintable(QString::number(run.sumMs())));
    // Serial would take 2 s; all ten at once take about 0.2 s.
    QVERIFY2(run.wallMs() < 1000, qPrintable(QString::number(run.wallMs())));
    QVERIFY2(run.parallelism() > 3, qPrintable(QString::number(run.parallelism())));
    // Every child started before the first 0.2 s sleep could have ended.
    for (const JobProcess *job : run.jobs())
        QVERIFY2(job->startedMs() < 195, qPrintable(QString::number(job->startedMs())));
    // The wall ends where the last job ended: the figure the timeline's lanes
    // end at too, so the table and the timeline print the same number.
    double lastEnd = 0;
    for (const JobProcess *job : run.jobs())
        lastEnd = std::max(lastEnd, job->finishedMs());
    QCOMPARE(run.wallMs(), lastEnd);
    QCOMPARE(JobFormat::seconds(run.wallMs()), JobFormat::seconds(lastEnd));
}

void TestJobRun::failingStageIsReadable()
{
    Preset preset;
    preset.copies = 2;
    preset.stages << helperStage({QStringLiteral("stderr"), QStringLiteral("unknown option -whirlpool"), QStringLiteral("1")});
    preset.stages << helperStage({QStringLiteral("count-stdin")});
    JobRun run(1, preset, 1024);
    run.start();
    QVERIFY(waitRun(&run));
    QCOMPARE(run.failedCount(), 2);
    for (int copy = 0; copy < 2; ++copy) {
        const JobProcess *first = run.job(copy, 0);
        QCOMPARE(first->outcome().state, State::Finished);
        QCOMPARE(first->outcome().exitCode, 1);
        QCOMPARE(first->stderrTail().tail(), QByteArray("unknown option -whirlpool\n"));
        QCOMPARE(run.job(copy, 1)->stdoutTail().tail(), QByteArray("0 eof\n"));
    }
}

void TestJobRun::upstreamGetsSigpipeWhenDownstreamExitsEarly()
{
    Preset preset;
    preset.stages << helperStage({QStringLiteral("flood"), QStringLiteral("0")});
    preset.stages << helperStage({QStringLiteral("exit"), QStringLiteral("0")});
    JobRun run(1, preset, 1024);
    run.start();
    QVERIFY(waitRun(&run, 10000));
    QCOMPARE(run.job(0, 1)->outcome().exitCode, 0);
    const JobOutcome &writer = run.job(0, 0)->outcome();
    QCOMPARE(writer.signal, int(SIGPIPE));
    // Normal pipeline behaviour (yes | head), shown calmly rather than as a crash.
    QCOMPARE(writer.state, State::PipeClosed);
    QCOMPARE(writer.exitText(), QStringLiteral("SIGPIPE"));
    QVERIFY(!writer.isFailure());
    QVERIFY(writer.explanation(0, 2).contains(QStringLiteral("normal")));
    QCOMPARE(JobFormat::runState(&run), QStringLiteral("1 ok · 1 pipe closed"));
    QCOMPARE(run.failedCount(), 0);
}

// The group's state word counts paused jobs while they run, and tells the
// jobs Stop ended from those Kill ended.
void TestJobRun::groupStateCountsPausedStoppedAndKilled()
{
    Preset preset;
    preset.copies = 3;
    preset.stages << helperStage({QStringLiteral("sleep"), QStringLiteral("30")});
    JobRun run(1, preset, 1024);
    run.start();
    QTRY_VERIFY(std::all_of(run.jobs().cbegin(), run.jobs().cend(),
                            [](const JobProcess *job) { return job->outcome().state == State::Running; }));
    QCOMPARE(JobFormat::runState(&run), QStringLiteral("running · 0/3 done"));
    QVERIFY(run.jobs().at(0)->pause());
    QTRY_COMPARE(JobFormat::runState(&run), QStringLiteral("running · 0/3 done · 1 paused"));
    QVERIFY(run.jobs().at(1)->pause());
    QVERIFY(run.jobs().at(2)->pause());
    QTRY_COMPARE(JobFormat::runState(&run), QStringLiteral("paused · 0/3 done"));
    QCOMPARE(run.pausedCount(), 3);
    run.jobs().at(0)->stop();
    run.jobs().at(1)->stop();
    run.jobs().at(2)->kill();
    QVERIFY(waitRun(&run, 10000));
    QCOMPARE(run.pausedCount(), 0);
    QCOMPARE(run.stoppedCount(), 2);
    QCOMPARE(JobFormat::runState(&run), QStringLiteral("2 stopped · 1 killed"));
    QCOMPARE(JobFormat::jobState(run.jobs().at(0)), QStringLiteral("stopped"));
    QCOMPARE(JobFormat::jobState(run.jobs().at(2)), QStringLiteral("killed"));
}

void TestJobRun::signalDeathsInAChain_data()
{
    QTest::addColumn<QStringList>("first");
    QTest::addColumn<QStringList>("second");
    QTest::addColumn<int>("stage");
    QTest::addColumn<int>("signal");
    QTest::addColumn<State>("state");

    // Only a writer stage ended by SIGPIPE counts as a closed pipe.
    QTest::newRow("writer stage, SIGPIPE") << QStringList{"flood", "0"} << QStringList{"exit", "3"}
                                           << 0 << int(SIGPIPE) << State::PipeClosed;
    QTest::newRow("final stage, SIGPIPE") << QStringList{"cat"} << QStringList{"signal", "13"}
                                          << 1 << int(SIGPIPE) << State::Crashed;
    QTest::newRow("writer stage, SIGSEGV") << QStringList{"crash"} << QStringList{"count-stdin"}
                                           << 0 << int(SIGSEGV) << State::Crashed;
    QTest::newRow("writer stage, SIGABRT") << QStringList{"signal", "6"} << QStringList{"cat"}
                                           << 0 << int(SIGABRT) << State::Crashed;
}

void TestJobRun::signalDeathsInAChain()
{
    QFETCH(QStringList, first);
    QFETCH(QStringList, second);
    QFETCH(int, stage);
    QFETCH(int, signal);
    QFETCH(State, state);

    Preset preset;
    preset.stages << helperStage(first) << helperStage(second);
    JobRun run(1, preset, 1024);
    run.start();
    QVERIFY(waitRun(&run, 10000));
    const JobOutcome &outcome = run.job(0, stage)->outcome();
    QCOMPARE(outcome.signal, signal);
    QCOMPARE(outcome.state, state);
    QCOMPARE(outcome.isFailure(), state != State::PipeClosed);
}

void TestJobRun::stopReachesEveryChild()
{
    Preset preset;
    preset.copies = 3;
    preset.graceSec = 0.2;
    preset.stages << helperStage({QStringLiteral("ignore-term")});
    JobRun run(1, preset, 1024);
    run.start();
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(run.jobs().cbegin(), run.jobs().cend(),
                                         [](const JobProcess *j) { return j->stdoutTail().totalBytes() > 0; }),
                             5000);
    run.stop();
    QVERIFY(waitRun(&run, 5000));
    for (const JobProcess *job : run.jobs()) {
        QCOMPARE(job->outcome().state, State::Killed);
        QCOMPARE(job->outcome().signal, int(SIGKILL));
        QVERIFY(!processAlive(job->pid()));
    }
}

void TestJobRun::randomStdinDiffersPerCopy()
{
    Preset preset;
    preset.copies = 3;
    preset.stages << helperStage({QStringLiteral("cat")});
    preset.stdinSpec.kind = StdinSpec::Kind::RandomBytes;
    preset.stdinSpec.randomCount = 16;
    JobRun run(1, preset, 1024);
    run.start();
    QVERIFY(waitRun(&run));
    QSet<QByteArray> outputs;
    for (const JobProcess *job : run.jobs()) {
        QCOMPARE(job->stdoutTail().totalBytes(), 16);
        outputs.insert(job->stdoutTail().tail());
    }
    QCOMPARE(outputs.size(), 3);
}

void TestJobRun::wiringIsCopyMajor()
{
    Preset preset;
    preset.copies = 2;
    preset.stages << helperStage({QStringLiteral("cat")}) << helperStage({QStringLiteral("exit"), QStringLiteral("0")});
    JobRun run(7, preset, 1024);
    QCOMPARE(run.id(), 7u);
    QCOMPARE(run.job(1, 0), run.jobs().at(2));
    QCOMPARE(run.job(1, 1)->spec().copy, 1);
    QCOMPARE(run.job(1, 1)->spec().stageIndex, 1);
    QVERIFY(run.job(1, 0)->pipesStdout());
    QVERIFY(!run.job(1, 1)->pipesStdout());
    QVERIFY(!run.isActive());
    QVERIFY(!run.isDone());
}

void TestJobRun::groupSumsFollowTheJobs_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("copies");
    QTest::addColumn<double>("timeoutSec");
    QTest::addColumn<qint64>("stdoutBytes");
    QTest::addColumn<qint64>("stderrBytes");
    QTest::addColumn<int>("failed");
    QTest::addColumn<State>("state");

    QTest::newRow("flood stdout") << QStringList{QStringLiteral("flood"), QStringLiteral("300000")} << 3 << 0.0
                                  << qint64(900000) << qint64(0) << 0 << State::Finished;
    QTest::newRow("stderr, exit 3") << QStringList{QStringLiteral("stderr"), QStringLiteral("hello"), QStringLiteral("3")}
                                    << 4 << 0.0 << qint64(0) << qint64(4 * 6) << 4 << State::Finished;
    QTest::newRow("timed out") << QStringList{QStringLiteral("sleep"), QStringLiteral("5")} << 2 << 0.1 << qint64(0)
                               << qint64(0) << 2 << State::TimedOut;
}

void TestJobRun::groupSumsFollowTheJobs()
{
    // The group row reads these sums instead of adding up its jobs on every
    // paint; they must equal the sums of the jobs, whatever happened.
    QFETCH(QStringList, args);
    QFETCH(int, copies);
    QFETCH(double, timeoutSec);
    QFETCH(qint64, stdoutBytes);
    QFETCH(qint64, stderrBytes);
    QFETCH(int, failed);
    QFETCH(State, state);

    Preset preset;
    preset.copies = copies;
    preset.timeoutSec = timeoutSec;
    preset.graceSec = 1;
    preset.stages << helperStage(args);
    JobRun run(1, preset, 1024);
    run.start();
    QVERIFY(waitRun(&run));

    qint64 out = 0;
    qint64 err = 0;
    double sum = 0;
    for (const JobProcess *job : run.jobs()) {
        out += job->stdoutTail().totalBytes();
        err += job->stderrTail().totalBytes();
        sum += job->elapsedMs();
    }
    QCOMPARE(out, stdoutBytes);
    QCOMPARE(err, stderrBytes);
    QCOMPARE(run.stdoutBytes(), out);
    QCOMPARE(run.stderrBytes(), err);
    QCOMPARE(run.failedCount(), failed);
    QCOMPARE(run.doneCount(state), copies);
    QCOMPARE(run.doneCount(State::Crashed), 0);
    QVERIFY2(qAbs(run.sumMs() - sum) < 1e-6 * std::max(1.0, sum),
             qPrintable(QStringLiteral("%1 vs %2").arg(run.sumMs()).arg(sum)));
}

void TestJobRun::indexOfIsTheJobsPlace()
{
    Preset preset;
    preset.copies = 3;
    preset.stages << helperStage({QStringLiteral("exit"), QStringLiteral("0")})
                  << helperStage({QStringLiteral("cat")});
    JobRun run(1, preset, 1024);
    JobRun other(2, preset, 1024);
    for (int i = 0; i < run.jobs().size(); ++i)
        QCOMPARE(run.indexOf(run.jobs().at(i)), i);
    QCOMPARE(run.indexOf(other.jobs().at(1)), -1);
    QCOMPARE(run.indexOf(nullptr), -1);
}

QTEST_GUILESS_MAIN(TestJobRun)
#include "tst_jobrun.moc"
