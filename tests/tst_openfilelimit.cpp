// The open-files limit: a process started with a low soft limit (as most
// desktops start programs, 1024) still runs a wide fan-out, and its children
// get that low limit back. Its own program, because the first engine of a
// process records the limit the process started with.
#include "jobengine.h"
#include "jobprocess.h"
#include "jobrun.h"
#include "openfilelimit.h"
#include "testsupport.h"

#include <QtTest>

#include <sys/resource.h>

using namespace TestSupport;

class TestOpenFileLimit : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void aFanOutWiderThanTheStartingLimitRuns();
    void childrenGetTheStartingLimitBack();

private:
    static constexpr rlim_t Starting = 256;
    rlim_t m_hard = 0;
};

void TestOpenFileLimit::initTestCase()
{
    rlimit limit{};
    QCOMPARE(::getrlimit(RLIMIT_NOFILE, &limit), 0);
    m_hard = limit.rlim_max;
    if (m_hard != RLIM_INFINITY && m_hard < 4 * Starting)
        QSKIP("the hard open-files limit is too low to raise past the starting one");
    // As a desktop would start the app, only lower: 256 instead of 1024, so
    // that the fan-out below stays small.
    const rlimit starting{Starting, limit.rlim_max};
    QCOMPARE(::setrlimit(RLIMIT_NOFILE, &starting), 0);
}

void TestOpenFileLimit::aFanOutWiderThanTheStartingLimitRuns()
{
    JobEngine engine; // raises the limit
    rlimit limit{};
    QCOMPARE(::getrlimit(RLIMIT_NOFILE, &limit), 0);
    QCOMPARE(limit.rlim_cur, std::min(m_hard, OpenFileLimit::MaxRaised));
    QCOMPARE(OpenFileLimit::original().rlim_cur, Starting);

    // 150 children at once hold about 450 descriptors: past 256, which
    // refused about a third of them with "Too many open files" before.
    engine.setMaxParallel(0);
    JobRun *run = engine.start(helperPreset({QStringLiteral("sleep"), QStringLiteral("0.5")}, 150));
    QVERIFY(waitRun(run, 60000));
    for (const JobProcess *job : run->jobs())
        QVERIFY2(job->outcome().isSuccess(), qPrintable(job->outcome().error));
    QCOMPARE(engine.peakRunning(), 150);
}

void TestOpenFileLimit::childrenGetTheStartingLimitBack()
{
    JobEngine engine;
    Preset preset;
    preset.id = QStringLiteral("ulimit");
    StageSpec stage;
    stage.program = QStringLiteral("sh");
    stage.args = {QStringLiteral("-c"), QStringLiteral("ulimit -n")};
    preset.stages = {stage};
    JobRun *run = engine.start(preset);
    QVERIFY(waitRun(run));
    QCOMPARE(run->jobs().first()->stdoutTail().last(64), QByteArray::number(qulonglong(Starting)) + '\n');
}

QTEST_GUILESS_MAIN(TestOpenFileLimit)
#include "tst_openfilelimit.moc"
