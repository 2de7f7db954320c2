#include "gillock.h"
#include "jobengine.h"
#include "jobprocess.h"
#include "jobrun.h"
#include "threadlab.h"

#include <QDir>
#include <QSignalSpy>
#include <QtTest>

#include <algorithm>
#include <sys/syscall.h>
#include <thread>

using Mode = LabResult::Mode;

namespace {

QList<LabResult> runModes(ThreadLab &lab, const LabRequest &request, const QList<Mode> &modes, int timeoutMs = 60000)
{
    QList<LabResult> results;
    QObject::connect(&lab, &ThreadLab::modeFinished, &lab, [&](const LabResult &r) { results << r; });
    QSignalSpy finished(&lab, &ThreadLab::finished);
    if (!lab.run(request, modes) || !finished.wait(timeoutMs))
        return {};
    return results;
}

// Whether a thread of this process is blocked in poll() with no descriptors:
// the lab's stand-in for a blocking read (read from /proc/self/task/*/syscall).
bool aThreadBlocksInPoll()
{
    const QStringList tasks = QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &task : tasks) {
        QFile file(QStringLiteral("/proc/self/task/%1/syscall").arg(task));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> fields = file.readAll().trimmed().split(' ');
        if (fields.size() < 3)
            continue; // "running", or not in a system call
        const long number = fields.at(0).toLong();
#ifdef SYS_poll
        const bool poll = number == SYS_poll || number == SYS_ppoll;
#else
        const bool poll = number == SYS_ppoll;
#endif
        if (poll && fields.at(1) == "0x0" && fields.at(2) == "0x0")
            return true;
    }
    return false;
}

// Whether the lab's current mode is doing its work: dividing, blocking, or
// running every worker process.
bool underWay(const ThreadLab &lab, const JobEngine &engine, Mode mode, bool blocking)
{
    if (blocking)
        return aThreadBlocksInPoll();
    if (mode != Mode::Processes)
        return lab.progress() > 0;
    const QList<JobRun *> &runs = engine.runs();
    return runs.size() == qsizetype(LabRequest().numbers.size())
           && std::all_of(runs.cbegin(), runs.cend(), [](const JobRun *run) {
                  return run->jobs().first()->outcome().state == JobOutcome::State::Running;
              });
}

} // namespace

class TestThreadLab : public QObject
{
    Q_OBJECT

private slots:
    void everyModeGivesTheSameDivisors();
    void gilSerializesTheWorkers();
    void gilLockNeverAdmitsTwo();
    void cancelStopsWithin100ms_data();
    void cancelStopsWithin100ms();
    void blockingIoOverlapsWithThreadsAndGil();
    void busyLabRefusesASecondRun();
    void destroyingMidRunIsClean();
    void reportJson();
};

void TestThreadLab::everyModeGivesTheSameDivisors()
{
    JobEngine engine;
    ThreadLab lab(&engine);
    lab.setWorkerProgram(QStringLiteral(SPAWNSCOPE_PATH));
    LabRequest request;
    request.scale = 2;
    const QList<LabResult> results = runModes(lab, request, ThreadLab::allModes(LabResult::Workload::Cpu));
    QCOMPARE(results.size(), 4);
    const QList<Mode> expectedModes{Mode::Serial, Mode::Threads, Mode::Gil, Mode::Processes};
    for (int i = 0; i < results.size(); ++i) {
        const LabResult &r = results.at(i);
        QCOMPARE(r.mode, expectedModes.at(i));
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QVERIFY(!r.cancelled);
        QCOMPARE(r.results.size(), 4);
        QCOMPARE(r.results.at(0).number, quint64(2139079));
        QCOMPARE(r.results.at(0).divisors, (QList<quint64>{1, 101, 21179, 2139079}));
        for (int n = 0; n < 4; ++n)
            QCOMPARE(r.results.at(n).divisors, results.first().results.at(n).divisors);
        QVERIFY(r.wallMs > 0);
        QVERIFY(r.cpuMs > 0);
        QVERIFY(r.speedup > 0);
        QCOMPARE(r.lanes.size(), 4);
        QVERIFY(!r.spans.isEmpty());
    }
    QCOMPARE(results.first().speedup, 1.0);
    // The worker children ran through the engine, so they are in its table.
    QCOMPARE(engine.runs().size(), 4);
    QVERIFY(engine.runs().first()->preset().title.contains(QStringLiteral("2139079")));
}

void TestThreadLab::gilSerializesTheWorkers()
{
    ThreadLab lab(nullptr);
    LabRequest request;
    request.scale = 20; // long enough for many 5 ms turns
    const QList<LabResult> results = runModes(lab, request, {Mode::Gil});
    QCOMPARE(results.size(), 1);
    const LabResult &gil = results.first();
    QCOMPARE(gil.maxInsideLock, 1);
    QVERIFY2(gil.gilSwitches > 4, qPrintable(QString::number(gil.gilSwitches)));
    // Turns never overlap in time: one worker computes at a time.
    QList<LabResult::Span> spans = gil.spans;
    std::sort(spans.begin(), spans.end(), [](const auto &a, const auto &b) { return a.startMs < b.startMs; });
    for (int i = 1; i < spans.size(); ++i)
        QVERIFY2(spans.at(i).startMs >= spans.at(i - 1).endMs - 0.05,
                 qPrintable(QStringLiteral("turn %1 starts at %2 before %3").arg(i).arg(spans.at(i).startMs).arg(spans.at(i - 1).endMs)));
    QSet<int> lanes;
    for (const auto &span : spans)
        lanes.insert(span.lane);
    QCOMPARE(lanes.size(), 4); // every worker got turns
    // CPU time about equals wall time: nothing ran in parallel.
    QVERIFY2(gil.cpuMs < gil.wallMs * 1.3, qPrintable(QStringLiteral("%1 vs %2").arg(gil.cpuMs).arg(gil.wallMs)));
}

void TestThreadLab::gilLockNeverAdmitsTwo()
{
    GilLock gil(std::chrono::microseconds(200));
    std::atomic<int> inside{0};
    std::atomic<int> worst{0};
    std::atomic<int> turns{0};
    auto worker = [&] {
        gil.acquire();
        for (int i = 0; i < 300; ++i) {
            const int now = ++inside;
            worst = std::max(worst.load(), now);
            --inside;
            // Work inside the lock, not a wait for anything: the others pile up at the GIL meanwhile.
            std::this_thread::sleep_for(std::chrono::microseconds(50));
            if (gil.shouldYield()) {
                ++turns;
                gil.yield();
            }
        }
        gil.release();
    };
    std::vector<std::thread> threads;
    for (int i = 0; i < 4; ++i)
        threads.emplace_back(worker);
    for (auto &t : threads)
        t.join();
    QCOMPARE(worst.load(), 1);
    QCOMPARE(gil.maxInside(), 1);
    QVERIFY(turns.load() > 10); // it really handed over
}

void TestThreadLab::cancelStopsWithin100ms_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<bool>("blocking");
    QTest::newRow("serial") << int(Mode::Serial) << false;
    QTest::newRow("threads") << int(Mode::Threads) << false;
    QTest::newRow("gil") << int(Mode::Gil) << false;
    QTest::newRow("processes") << int(Mode::Processes) << false;
    QTest::newRow("io serial") << int(Mode::Serial) << true;
    QTest::newRow("io gil") << int(Mode::Gil) << true;
}

void TestThreadLab::cancelStopsWithin100ms()
{
    QFETCH(int, mode);
    QFETCH(bool, blocking);
    JobEngine engine;
    ThreadLab lab(&engine);
    lab.setWorkerProgram(QStringLiteral(SPAWNSCOPE_PATH));
    LabRequest request;
    request.scale = 1000; // minutes of work
    request.workload = blocking ? LabResult::Workload::BlockingIo : LabResult::Workload::Cpu;
    request.ioSeconds = 30;
    QSignalSpy finished(&lab, &ThreadLab::finished);
    QSignalSpy modeStarted(&lab, &ThreadLab::modeStarted);
    QSignalSpy modeFinished(&lab, &ThreadLab::modeFinished);
    QVERIFY(lab.run(request, {Mode(mode), Mode::Threads}));
    QVERIFY(modeStarted.wait(5000));
    QTRY_VERIFY_WITH_TIMEOUT(underWay(lab, engine, Mode(mode), blocking), 10000);
    QVERIFY(lab.isRunning());
    QElapsedTimer timer;
    timer.start();
    lab.cancel();
    QVERIFY(finished.wait(2000));
    QVERIFY2(timer.elapsed() < 100 + (mode == int(Mode::Processes) ? 150 : 0), qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(finished.first().first().toBool(), true);
    QCOMPARE(modeFinished.count(), 1); // the queued Threads mode never started
    QVERIFY(modeFinished.first().first().value<LabResult>().cancelled);
    QVERIFY(!lab.isRunning());
}

void TestThreadLab::blockingIoOverlapsWithThreadsAndGil()
{
    ThreadLab lab(nullptr);
    LabRequest request;
    request.workload = LabResult::Workload::BlockingIo;
    request.ioWorkers = 4;
    request.ioSeconds = 0.1;
    const QList<LabResult> results = runModes(lab, request, ThreadLab::allModes(LabResult::Workload::BlockingIo));
    QCOMPARE(results.size(), 3);
    const double serial = results.at(0).wallMs;
    QVERIFY2(serial >= 4 * 100 - 5, qPrintable(QString::number(serial)));      // N × T
    QVERIFY2(results.at(1).wallMs < serial / 2, qPrintable(QString::number(results.at(1).wallMs)));  // about T
    QVERIFY2(results.at(2).wallMs < serial / 2, qPrintable(QString::number(results.at(2).wallMs)));  // the GIL is released
    QVERIFY(results.at(1).speedup > 2);
    QCOMPARE(results.at(1).spans.size(), 4);
    QVERIFY(results.at(0).cpuMs < serial / 4); // blocked, not computing
}

void TestThreadLab::busyLabRefusesASecondRun()
{
    ThreadLab lab(nullptr);
    LabRequest request;
    request.scale = 1000;
    QSignalSpy finished(&lab, &ThreadLab::finished);
    QVERIFY(lab.run(request, {Mode::Serial}));
    QVERIFY(!lab.run(request, {Mode::Threads}));
    lab.cancel();
    QVERIFY(finished.wait(2000));
    QVERIFY(!lab.run(request, {}));
}

void TestThreadLab::destroyingMidRunIsClean()
{
    QElapsedTimer timer;
    {
        ThreadLab lab(nullptr);
        LabRequest request;
        request.scale = 1000;
        QVERIFY(lab.run(request, {Mode::Threads}));
        QTRY_VERIFY(lab.progress() > 0); // the workers are factorizing
        timer.start();
    } // the destructor cancels and joins its threads
    QVERIFY2(timer.elapsed() < 200, qPrintable(QString::number(timer.elapsed())));
}

void TestThreadLab::reportJson()
{
    LabResult result;
    result.mode = Mode::Gil;
    result.wallMs = 12.34567;
    result.cpuMs = 11.1111;
    result.speedup = 0.98765;
    result.results << LabResult::NumberResult{12, {1, 2, 3, 4, 6, 12}}
                   << LabResult::NumberResult{~quint64(0), {1, ~quint64(0)}};
    const QJsonObject json = result.toJson();
    QCOMPARE(json.value("mode").toString(), QStringLiteral("gil"));
    QCOMPARE(json.value("wallMs").toDouble(), 12.346);
    QCOMPARE(json.value("speedup").toDouble(), 0.988); // three significant digits
    LabResult slow = result;
    slow.speedup = 0.0033333; // a mode far slower than serial, as on a loaded machine
    QCOMPARE(slow.toJson().value("speedup").toDouble(), 0.00333);
    const QJsonArray results = json.value("results").toArray();
    QCOMPARE(results.at(0).toObject().value("divisors").toArray().size(), 6);
    QCOMPARE(results.at(0).toObject().value("number").toInteger(), 12);
    // Beyond 2^63 a string keeps every digit.
    QCOMPARE(results.at(1).toObject().value("number").toString(), QStringLiteral("18446744073709551615"));

    result.workload = LabResult::Workload::BlockingIo;
    result.speedup = 0;
    QVERIFY(!result.toJson().contains("results"));
    QVERIFY(result.toJson().value("speedup").isNull());
}

QTEST_GUILESS_MAIN(TestThreadLab)
#include "tst_threadlab.moc"
