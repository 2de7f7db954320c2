// The engine under abuse: many starts, every exit status, held pipes, shells
// that leave children behind, big and binary streams, a child that never
// reads its stdin, and arguments that a shell would have misread.
#include "jobprocess.h"
#include "jobrun.h"
#include "testsupport.h"
#include "unixsignals.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QProcess>
#include <QtTest>

#include <algorithm>
#include <csignal>
#include <functional>
#include <memory>
#include <unistd.h>

using namespace TestSupport;
using State = JobOutcome::State;

namespace {

bool waitDone(JobProcess *job, int ms = 10000)
{
    QSignalSpy spy(job, &JobProcess::finished);
    return job->outcome().isDone() || spy.wait(ms);
}

// Deletes every pending deleteLater(), so descriptors owned by dead jobs are closed.
void flushDeletes()
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QCoreApplication::processEvents();
}

} // namespace

class TestReliability : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void failedStartsLeakNoDescriptor();
    void everyExitCode_data();
    void everyExitCode();
    void everyFatalSignal_data();
    void everyFatalSignal();
    void heldPipeDoesNotDelayTheTimeout();
    void stopAlsoKillsThePipeHolder();
    void exitedChildIsDoneWhileAGrandchildHoldsItsStdout();
    void shellBackgroundChildrenDieWithTheJob();
    void manyShortChildrenLeaveNoZombie();
    void largeTransferWithInterleavedStderr_data();
    void largeTransferWithInterleavedStderr();
    void binaryOutputIsByteExact_data();
    void binaryOutputIsByteExact();
    void unreadStdinDoesNotBlockTheEventLoop();
    void argumentsReachTheProgramLiterally();
    void forkBombIsStoppedWholeWithoutHangingTheApp();
    void forkBombIsContainedByTheProcessLimit();
    void presetsFromAFileNeverRunOnLoad();

private:
    JobProcess *run(const JobSpec &spec);
    // Runs every spec, at most `parallel` at once, deleting each job as it
    // finishes. Outcomes come back in spec order.
    bool runMany(const QList<JobSpec> &specs, int parallel, QList<JobOutcome> *outcomes, int ms);

    QElapsedTimer m_clock;
    QList<JobProcess *> m_jobs;
};

void TestReliability::init()
{
    m_clock.start();
    // The engine must never leave QProcess to kill a child it still runs.
    QTest::failOnWarning(QRegularExpression(QStringLiteral("Destroyed while process")));
}

void TestReliability::cleanup()
{
    qDeleteAll(m_jobs);
    m_jobs.clear();
}

JobProcess *TestReliability::run(const JobSpec &spec)
{
    auto *job = new JobProcess(spec, &m_clock);
    m_jobs << job;
    job->start();
    return job;
}

bool TestReliability::runMany(const QList<JobSpec> &specs, int parallel, QList<JobOutcome> *outcomes, int ms)
{
    outcomes->clear();
    outcomes->resize(specs.size());
    QObject owner; // the jobs still alive on a timeout die with it
    qsizetype next = 0;
    int running = 0;
    qsizetype done = 0;
    std::function<void()> startMore = [&] {
        while (running < parallel && next < specs.size()) {
            const qsizetype index = next++;
            auto *job = new JobProcess(specs.at(index), &m_clock, &owner);
            ++running;
            connect(job, &JobProcess::finished, &owner, [&, job, index] {
                (*outcomes)[index] = job->outcome();
                job->deleteLater();
                --running;
                ++done;
                startMore();
            });
            job->start();
        }
    };
    startMore();
    const bool finished = QTest::qWaitFor([&] { return done == specs.size(); }, ms);
    flushDeletes();
    return finished;
}

void TestReliability::failedStartsLeakNoDescriptor()
{
    QTemporaryDir dir;
    QFile script(dir.filePath(QStringLiteral("no-interpreter")));
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("#!/nonexistent/spawnscope-interpreter\n");
    script.close();
    QVERIFY(script.setPermissions(script.permissions() | QFileDevice::ExeOwner));

    QList<JobSpec> specs;
    for (int i = 0; i < 500; ++i) {
        JobSpec spec;
        switch (i % 3) {
        case 0:
            spec.stage.program = QStringLiteral("no-such-program-spawnscope");
            break;
        case 1:
            spec.stage.program = helper();
            spec.stage.args = {QStringLiteral("exit"), QStringLiteral("0")};
            spec.stage.cwd = QStringLiteral("/nonexistent/workdir-%1").arg(i);
            break;
        default:
            // Caught before the spawn: an exec failure inside the child costs
            // Qt 6.4 one descriptor (the write end of its error pipe).
            spec.stage.program = script.fileName();
            break;
        }
        specs << spec;
    }

    // One of each first, so that whatever Qt sets up once is not mistaken for a leak.
    QList<JobOutcome> outcomes;
    QVERIFY(runMany(specs.mid(0, 3), 3, &outcomes, 10000));
    const int before = openDescriptorCount();

    QVERIFY(runMany(specs, 50, &outcomes, 30000));
    for (const JobOutcome &outcome : std::as_const(outcomes)) {
        QCOMPARE(outcome.state, State::FailedToStart);
        QVERIFY(!outcome.error.isEmpty());
    }
    QCOMPARE(openDescriptorCount(), before);
}

void TestReliability::everyExitCode_data()
{
    QTest::addColumn<int>("first");
    QTest::addColumn<int>("last");
    // 32 children at a time: all 256 codes in a few rows.
    for (int first = 0; first < 256; first += 32)
        QTest::addRow("exit %d-%d", first, first + 31) << first << first + 31;
}

void TestReliability::everyExitCode()
{
    QFETCH(int, first);
    QFETCH(int, last);
    QList<JobSpec> specs;
    for (int code = first; code <= last; ++code)
        specs << helperSpec({QStringLiteral("exit"), QString::number(code)});
    QList<JobOutcome> outcomes;
    QVERIFY(runMany(specs, int(specs.size()), &outcomes, 20000));
    for (int code = first; code <= last; ++code) {
        const JobOutcome &outcome = outcomes.at(code - first);
        QCOMPARE(outcome.state, State::Finished);
        QCOMPARE(outcome.exitCode, code);
        QCOMPARE(outcome.signal, 0);
        QCOMPARE(outcome.exitText(), QString::number(code));
        QCOMPARE(outcome.isSuccess(), code == 0);
        QCOMPARE(outcome.isFailure(), code != 0);
    }
}

void TestReliability::everyFatalSignal_data()
{
    QTest::addColumn<int>("signal");
#define SIGNAL_ROW(sig) QTest::newRow(#sig) << int(sig)
    SIGNAL_ROW(SIGHUP);
    SIGNAL_ROW(SIGINT);
    SIGNAL_ROW(SIGQUIT);
    SIGNAL_ROW(SIGILL);
    SIGNAL_ROW(SIGTRAP);
    SIGNAL_ROW(SIGABRT);
    SIGNAL_ROW(SIGBUS);
    SIGNAL_ROW(SIGFPE);
    SIGNAL_ROW(SIGKILL);
    SIGNAL_ROW(SIGUSR1);
    SIGNAL_ROW(SIGSEGV);
    SIGNAL_ROW(SIGUSR2);
    SIGNAL_ROW(SIGPIPE);
    SIGNAL_ROW(SIGALRM);
    SIGNAL_ROW(SIGTERM);
    SIGNAL_ROW(SIGXCPU);
    SIGNAL_ROW(SIGXFSZ);
    SIGNAL_ROW(SIGVTALRM);
    SIGNAL_ROW(SIGPROF);
    SIGNAL_ROW(SIGSYS);
#undef SIGNAL_ROW
}

void TestReliability::everyFatalSignal()
{
    QFETCH(int, signal);
    const QString name = QString::fromLatin1(QTest::currentDataTag());
    JobProcess *job = run(helperSpec({QStringLiteral("signal"), QString::number(signal)}));
    QVERIFY(waitDone(job));
    // A single job is nobody's writer: even SIGPIPE is a crash here.
    QCOMPARE(job->outcome().state, State::Crashed);
    QCOMPARE(job->outcome().signal, signal);
    QCOMPARE(job->outcome().exitCode, -1);
    QCOMPARE(job->outcome().exitText(), name);
    QCOMPARE(UnixSignals::name(signal), name);
    QVERIFY(job->outcome().explanation(0, 2).contains(QStringLiteral("%1 (%2)").arg(name).arg(signal)));
}

void TestReliability::heldPipeDoesNotDelayTheTimeout()
{
    JobSpec spec = helperSpec({QStringLiteral("hold-pipe-sleep")});
    spec.timeoutSec = 0.2;
    JobProcess *job = run(spec);
    // Polled finely: the holder must be seen alive before the 0.2 s timeout.
    QVERIFY(QTest::qWaitFor([job] { return job->stdoutTail().tail().endsWith('\n'); }, 5000));
    const qint64 holder = job->stdoutTail().tail().trimmed().toLongLong();
    QVERIFY(processAlive(holder));

    QVERIFY(waitDone(job, 3000));
    QCOMPARE(job->outcome().state, State::TimedOut);
    QCOMPARE(job->outcome().signal, int(SIGTERM));
    QVERIFY2(job->elapsedMs() < 1000, qPrintable(QString::number(job->elapsedMs())));
    // The grandchild holding the pipe shares the group, so the TERM got it too.
    QTRY_VERIFY_WITH_TIMEOUT(!processAlive(holder), 2000);
}

void TestReliability::stopAlsoKillsThePipeHolder()
{
    JobSpec spec = helperSpec({QStringLiteral("hold-pipe-sleep")});
    spec.graceSec = 0.5;
    JobProcess *job = run(spec);
    QTRY_VERIFY_WITH_TIMEOUT(job->stdoutTail().tail().endsWith('\n'), 5000);
    const qint64 holder = job->stdoutTail().tail().trimmed().toLongLong();
    QVERIFY(processAlive(holder));

    job->stop();
    QVERIFY(waitDone(job, 3000));
    QCOMPARE(job->outcome().state, State::Killed);
    QCOMPARE(job->outcome().cause, JobOutcome::Cause::UserStop);
    QVERIFY2(job->elapsedMs() < 2000, qPrintable(QString::number(job->elapsedMs())));
    QTRY_VERIFY_WITH_TIMEOUT(!processAlive(holder), 2000);
}

void TestReliability::exitedChildIsDoneWhileAGrandchildHoldsItsStdout()
{
    JobProcess *job = run(helperSpec({QStringLiteral("hold-pipe")}));
    // Its outcome is known when the child exits; its output is still read
    // (the drain) while the grandchild holds the pipe.
    QTRY_VERIFY_WITH_TIMEOUT(job->outcome().isDone(), 3000);
    const qint64 group = job->pid();
    QCOMPARE(job->outcome().state, State::Finished);
    QCOMPARE(job->outcome().exitCode, 0);
    QVERIFY(job->isDraining());
    // The engine does not signal a group whose leader it has reaped; the
    // holder going away ends the reading at once, long before the limit.
    QCOMPARE(liveGroupMembers(group).size(), 1);
    QSignalSpy finished(job, &JobProcess::finished);
    QElapsedTimer clock;
    clock.start();
    QCOMPARE(::kill(-pid_t(group), SIGKILL), 0);
    QVERIFY(finished.wait(2000));
    QVERIFY2(clock.elapsed() < job->drainLimitMs(), qPrintable(QString::number(clock.elapsed())));
    QTRY_VERIFY_WITH_TIMEOUT(liveGroupMembers(group).isEmpty(), 2000);
    // Its time is its own: from start to its exit, not to the holder's.
    QVERIFY2(job->elapsedMs() < 2000, qPrintable(QString::number(job->elapsedMs())));
}

void TestReliability::shellBackgroundChildrenDieWithTheJob()
{
    JobSpec spec;
    spec.stage.program = QStringLiteral("/bin/sh");
    spec.stage.args = {QStringLiteral("-c"), QStringLiteral("sleep 30 & sleep 30 & wait")};
    spec.timeoutSec = 0.2;
    spec.graceSec = 1;
    JobProcess *job = run(spec);
    // The shell and both sleeps, seen before the timeout ends them.
    QVERIFY(QTest::qWaitFor([job] { return job->pid() > 0 && liveGroupMembers(job->pid()).size() >= 3; }, 5000));
    const qint64 group = job->pid();

    QVERIFY(waitDone(job, 5000));
    QCOMPARE(job->outcome().state, State::TimedOut);
    QTRY_VERIFY_WITH_TIMEOUT(liveGroupMembers(group).isEmpty(), 2000);
}

void TestReliability::manyShortChildrenLeaveNoZombie()
{
    const QList<JobSpec> specs(10000, helperSpec({QStringLiteral("exit"), QStringLiteral("0")}));
    QList<JobOutcome> outcomes;
    QVERIFY(runMany(specs, 50, &outcomes, 240000));
    const qsizetype succeeded = std::count_if(outcomes.cbegin(), outcomes.cend(),
                                         [](const JobOutcome &outcome) { return outcome.isSuccess(); });
    QCOMPARE(succeeded, specs.size());
    QCOMPARE(zombieChildren(::getpid()), QList<qint64>());
}

void TestReliability::largeTransferWithInterleavedStderr_data()
{
    QTest::addColumn<bool>("chain");
    QTest::newRow("one noisy child") << false;
    QTest::newRow("noisy child | cat") << true;
}

void TestReliability::largeTransferWithInterleavedStderr()
{
    QFETCH(bool, chain);
    const qsizetype size = 64 * 1024 * 1024;
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator(2024).fillRange(reinterpret_cast<quint32 *>(data.data()), size / 4);
    const qsizetype tailCapacity = 80 * 1024 * 1024;
    // cat-noisy writes a 20-byte line to stderr after each full 64 KiB.
    const qint64 noiseLines = size / (64 * 1024);

    const JobProcess *noisy = nullptr;
    const JobProcess *last = nullptr;
    std::unique_ptr<JobRun> chainRun;
    if (chain) {
        Preset preset;
        preset.stages << helperStage({QStringLiteral("cat-noisy")}) << helperStage({QStringLiteral("cat")});
        preset.stdinSpec.kind = StdinSpec::Kind::Hex;
        preset.stdinSpec.data = data;
        chainRun = std::make_unique<JobRun>(1, preset, tailCapacity);
        chainRun->start();
        QVERIFY(waitRun(chainRun.get(), 60000));
        noisy = chainRun->job(0, 0);
        last = chainRun->job(0, 1);
    } else {
        JobSpec spec = helperSpec({QStringLiteral("cat-noisy")});
        spec.feedStdin = true;
        spec.stdinData = data;
        spec.tailCapacity = tailCapacity;
        JobProcess *job = run(spec);
        QVERIFY(waitDone(job, 60000));
        noisy = last = job;
    }

    QCOMPARE(noisy->outcome().state, State::Finished);
    QCOMPARE(noisy->outcome().exitCode, 0);
    QCOMPARE(last->outcome().exitCode, 0);
    QCOMPARE(last->stdoutTail().totalBytes(), qint64(size));
    QVERIFY(last->stdoutTail().tail() == data);
    QCOMPARE(noisy->stderrTail().totalBytes(), noiseLines * 20);
    const QByteArray noise = noisy->stderrTail().tail();
    QVERIFY(noise.startsWith("copied 000000065536\n"));
    QVERIFY(noise.endsWith("copied 000067108864\n"));
}

void TestReliability::binaryOutputIsByteExact_data()
{
    QTest::addColumn<int>("stages");
    QTest::newRow("cat") << 1;
    QTest::newRow("cat | cat") << 2;
}

void TestReliability::binaryOutputIsByteExact()
{
    QFETCH(int, stages);
    QByteArray data;
    data.reserve(256 * 4096);
    for (int round = 0; round < 4096; ++round) {
        for (int value = 0; value < 256; ++value)
            data.append(char(value));
    }

    Preset preset;
    for (int i = 0; i < stages; ++i)
        preset.stages << helperStage({QStringLiteral("cat")});
    preset.stdinSpec.kind = StdinSpec::Kind::Hex;
    preset.stdinSpec.data = data;
    JobRun run(1, preset, 2 * 1024 * 1024);
    run.start();
    QVERIFY(waitRun(&run));
    const JobProcess *last = run.job(0, stages - 1);
    QCOMPARE(last->outcome().exitCode, 0);
    QCOMPARE(last->stdoutTail().totalBytes(), qint64(data.size()));
    const QByteArray out = last->stdoutTail().tail();
    QVERIFY(!out.contains("\r\n")); // no newline translation, no text mode
    QVERIFY(out == data);
}

void TestReliability::unreadStdinDoesNotBlockTheEventLoop()
{
    JobSpec spec = helperSpec({QStringLiteral("sleep"), QStringLiteral("1")});
    spec.feedStdin = true;
    spec.stdinData = QByteArray(16 * 1024 * 1024, 'x');
    int ticks = 0;
    QTimer ticker;
    ticker.setInterval(10);
    connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
    ticker.start();

    JobProcess *job = run(spec);
    QVERIFY(waitDone(job, 10000));
    ticker.stop();
    QCOMPARE(job->outcome().state, State::Finished);
    QCOMPARE(job->outcome().exitCode, 0);
    QCOMPARE(job->stdinBytes(), spec.stdinData.size());
    // About 100 ticks in the child's one second; a blocking write would give ~0.
    QVERIFY2(ticks >= 50, qPrintable(QString::number(ticks)));
}

void TestReliability::argumentsReachTheProgramLiterally()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    JobSpec spec;
    spec.stage.program = QStringLiteral("echo");
    spec.stage.args = {QStringLiteral("; touch x"), QStringLiteral("$(id)"), QStringLiteral("`id`"),
                       QStringLiteral("a && b")};
    spec.stage.cwd = dir.path();
    JobProcess *job = run(spec);
    QVERIFY(waitDone(job));
    QCOMPARE(job->outcome().exitCode, 0);
    QCOMPARE(job->stdoutTail().tail(), QByteArray("; touch x $(id) `id` a && b\n"));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("x"))));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot),
             QStringList());
}

void TestReliability::forkBombIsStoppedWholeWithoutHangingTheApp()
{
    // A bounded bomb: 2^7 - 1 = 127 processes, all in the job's process group.
    JobSpec spec = helperSpec({QStringLiteral("fork-tree"), QStringLiteral("6"), QStringLiteral("30")});
    spec.graceSec = 1;
    // The longest the event loop went without a turn while the tree grew. A
    // rate of ticks over the few hundred ms the bomb takes to grow was at the
    // mercy of the machine's load; a stall is what a hang would show.
    QElapsedTimer elapsed;
    elapsed.start();
    qint64 lastTick = 0;
    qint64 longestGap = 0;
    QTimer ticker;
    ticker.setInterval(10);
    connect(&ticker, &QTimer::timeout, this, [&] {
        longestGap = std::max(longestGap, elapsed.elapsed() - lastTick);
        lastTick = elapsed.elapsed();
    });
    ticker.start();
    JobProcess *job = run(spec);
    QTRY_VERIFY_WITH_TIMEOUT(job->pid() > 0 && liveGroupMembers(job->pid()).size() >= 127, 10000);
    // The app only watches its direct child, so the tree did not stall the event loop.
    QVERIFY2(longestGap < 500, qPrintable(QStringLiteral("the event loop stalled for %1 ms").arg(longestGap)));
    const qint64 group = job->pid();
    job->stop();
    QSignalSpy finished(job, &JobProcess::finished);
    QVERIFY(job->outcome().isDone() || finished.wait(5000));
    QCOMPARE(job->outcome().state, JobOutcome::State::Killed);
    QTRY_VERIFY_WITH_TIMEOUT(liveGroupMembers(group).isEmpty(), 5000);
}

void TestReliability::forkBombIsContainedByTheProcessLimit()
{
    if (::geteuid() == 0)
        QSKIP("RLIMIT_NPROC does not bind root (CAP_SYS_RESOURCE), so the brake cannot be shown as root");
    // Unbounded it would be 2^9 - 1 = 511 processes; the brake allows 20 more.
    // Its members sleep 30 s, so none has left when the tree is counted.
    JobSpec spec = helperSpec({QStringLiteral("fork-tree"), QStringLiteral("8"), QStringLiteral("30")});
    spec.maxProcesses = 20;
    JobProcess *job = run(spec);
    // A member forks only before its sleep, so once the root has said its forks are done and every
    // member sleeps, the tree has grown as far as it will.
    qsizetype members = 0;
    const auto grown = [job, &members] {
        if (job->pid() <= 0 || !job->stdoutTail().tail().startsWith("forked "))
            return false;
        members = 0;
        for (const ProcStat &process : allProcesses()) {
            if (process.pgrp != job->pid() || process.state == 'Z')
                continue;
            if (process.state != 'S')
                return false;
            ++members;
        }
        return members > 0;
    };
    QTRY_VERIFY_WITH_TIMEOUT(grown(), 10000);
    QVERIFY2(members <= 21, qPrintable(QString::number(members)));
    job->stop();
    QSignalSpy finished(job, &JobProcess::finished);
    QVERIFY(job->outcome().isDone() || finished.wait(5000));
}

void TestReliability::presetsFromAFileNeverRunOnLoad()
{
    QTemporaryDir dir;
    const QString marker = dir.filePath(QStringLiteral("ran"));
    const QString path = dir.filePath(QStringLiteral("presets.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral(R"({"version": 1, "presets": [{"id": "toucher", "stages": [{"program": "touch", "args": ["%1"]}]}]})")
                   .arg(marker)
                   .toUtf8());
    file.close();
    QProcess app;
    app.start(QStringLiteral(SPAWNSCOPE_PATH), {QStringLiteral("--list-presets"), QStringLiteral("--presets-file"), path});
    QVERIFY(app.waitForFinished(10000));
    QCOMPARE(app.exitCode(), 0);
    QVERIFY(app.readAllStandardOutput().contains("toucher"));
    QVERIFY(!QFile::exists(marker));
}

QTEST_GUILESS_MAIN(TestReliability)
#include "tst_reliability.moc"
