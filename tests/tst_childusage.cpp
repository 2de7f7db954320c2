#include "childusage.h"
#include "testsupport.h"

#include <QProcess>

#include <vector>
#include <QtTest>

class TestChildUsage : public QObject
{
    Q_OBJECT

private slots:
    void burnIsMeasuredExactly();
    void largestChildOwnsMaxRss();
    // Last: it raises this process's own peak for good.
    void theAppsOwnMemoryIsNotTheChildsPeak();

private:
    // Runs the helper and takes the delta in finished(), the way the engine
    // does: in the same call stack as QProcess's reap.
    static bool runHelper(const QStringList &args, ChildUsage::Delta *delta);
};

bool TestChildUsage::runHelper(const QStringList &args, ChildUsage::Delta *delta)
{
    QProcess process;
    bool taken = false;
    QObject::connect(&process, &QProcess::finished, &process, [&] {
        *delta = ChildUsage::takeDelta();
        taken = true;
    });
    ChildUsage::takeDelta(); // whatever was reaped before is not this child's
    process.start(TestSupport::helper(), args);
    return process.waitForFinished(30000) && taken && process.exitCode() == 0;
}

void TestChildUsage::burnIsMeasuredExactly()
{
    ChildUsage::Delta delta;
    QVERIFY(runHelper({QStringLiteral("burn"), QStringLiteral("1")}, &delta));
    // The helper stops at 1 s of its own CPU clock; start-up adds a few ms.
    QVERIFY2(delta.cpuMs() >= 900 && delta.cpuMs() <= 1100, qPrintable(QString::number(delta.cpuMs())));
    QVERIFY(delta.userMs > delta.systemMs);

    // Nothing reaped since: nothing to report.
    const ChildUsage::Delta none = ChildUsage::takeDelta();
    QCOMPARE(none.cpuMs(), 0.0);
    QVERIFY(!none.maxRssIsThisChild);
}

void TestChildUsage::largestChildOwnsMaxRss()
{
    ChildUsage::Delta big;
    QVERIFY(runHelper({QStringLiteral("alloc"), QStringLiteral("200"), QStringLiteral("0.1")}, &big));
    QVERIFY(big.maxRssIsThisChild);
    QVERIFY2(big.maxRssKb >= 200 * 1024, qPrintable(QString::number(big.maxRssKb)));
    QVERIFY(big.maxRssKb < 260 * 1024);

    // A smaller child does not move ru_maxrss: its peak is only bounded.
    ChildUsage::Delta small;
    QVERIFY(runHelper({QStringLiteral("alloc"), QStringLiteral("20"), QStringLiteral("0.1")}, &small));
    QVERIFY(!small.maxRssIsThisChild);
    QCOMPARE(small.maxRssKb, big.maxRssKb);
    QVERIFY(small.cpuMs() < big.cpuMs() + 500);
}

void TestChildUsage::theAppsOwnMemoryIsNotTheChildsPeak()
{
    // A tiny child started by an app holding 300 MiB. The child starts in the
    // app's memory until exec, and exec records that as the child's peak:
    // ~300 MiB for `exit 0`. That figure must not be called this child's.
    std::vector<char> ballast(300u << 20, 1);
    ChildUsage::Delta tiny;
    QVERIFY(runHelper({QStringLiteral("exit"), QStringLiteral("0")}, &tiny));
    QVERIFY2(!tiny.maxRssIsThisChild || tiny.maxRssKb < 64 * 1024, qPrintable(QString::number(tiny.maxRssKb)));
    QVERIFY(ballast.back() == 1);
}

QTEST_GUILESS_MAIN(TestChildUsage)
#include "tst_childusage.moc"
