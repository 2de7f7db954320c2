// A job's output is read until every writer has closed it, as Python's
// communicate() does, for at most the drain limit; whatever the job leaves
// running (in its group, or holding its output) is named, never silent.
#include "jobengine.h"
#include "jobrun.h"
#include "jobtreemodel.h"
#include "testsupport.h"

#include <QtTest>

#include <csignal>

using namespace TestSupport;

namespace {

Preset shellPreset(const QString &script)
{
    Preset preset;
    preset.id = QStringLiteral("drain");
    preset.title = QStringLiteral("drain");
    StageSpec stage;
    stage.program = QStringLiteral("sh");
    stage.args = {QStringLiteral("-c"), script};
    preset.stages << stage;
    return preset;
}

} // namespace

class TestDrain : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();
    void lateWriterIsHeard();
    void holderAtTheLimitIsNamedAndLeftAlive();
    void groupMemberWithoutThePipeIsNamed();
    void stopDuringTheDrainEndsIt();
    void nothingLeftNothingNamed();
    void tableRowSaysWhatWasLeft();

private:
    QList<qint64> m_toKill;
};

void TestDrain::cleanup()
{
    for (const qint64 pid : std::as_const(m_toKill))
        ::kill(pid_t(pid), SIGKILL);
    m_toKill.clear();
}

void TestDrain::lateWriterIsHeard()
{
    QTemporaryDir dir;
    const QString marker = dir.filePath(QStringLiteral("made"));
    JobEngine engine;
    JobRun *run = engine.start(shellPreset(QStringLiteral("(sleep 0.3; echo late; touch '%1') & echo early").arg(marker)));
    QVERIFY(waitRun(run));
    const JobProcess *job = run->jobs().first();
    // Both lines, and the writer was not killed by a closed pipe.
    QCOMPARE(job->stdoutTail().tail(), QByteArray("early\nlate\n"));
    QVERIFY(QFile::exists(marker));
    // The job's own time ends at its own exit, not at the writer's.
    QVERIFY2(job->elapsedMs() < 250, qPrintable(QString::number(job->elapsedMs())));
    QVERIFY(job->leftovers().isEmpty());
    QCOMPARE(job->outcome().state, JobOutcome::State::Finished);
}

void TestDrain::holderAtTheLimitIsNamedAndLeftAlive()
{
    JobEngine engine;
    engine.setDrainLimitMs(200);
    QElapsedTimer clock;
    clock.start();
    JobRun *run = engine.start(shellPreset(QStringLiteral("sleep 30 & echo hi")));
    QVERIFY(waitRun(run, 10000));
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    const JobProcess *job = run->jobs().first();
    QCOMPARE(job->stdoutTail().tail(), QByteArray("hi\n"));
    QCOMPARE(job->leftovers().size(), 1);
    const LeftoverProcess left = job->leftovers().first();
    m_toKill << left.pid;
    QCOMPARE(left.argv, (QStringList{QStringLiteral("sleep"), QStringLiteral("30")}));
    QVERIFY(left.heldOutput);
    // Named, not killed: it is the user's to keep or stop.
    QVERIFY(processAlive(left.pid));
}

void TestDrain::groupMemberWithoutThePipeIsNamed()
{
    JobEngine engine;
    JobRun *run = engine.start(shellPreset(QStringLiteral("sleep 30 >/dev/null 2>&1 & echo started")));
    QVERIFY(waitRun(run));
    const JobProcess *job = run->jobs().first();
    QCOMPARE(job->leftovers().size(), 1);
    const LeftoverProcess left = job->leftovers().first();
    m_toKill << left.pid;
    QCOMPARE(left.argv.value(0), QStringLiteral("sleep"));
    QVERIFY(!left.heldOutput);
}

void TestDrain::stopDuringTheDrainEndsIt()
{
    JobEngine engine; // the default limit, seconds: Stop must not wait for it
    JobRun *run = engine.start(shellPreset(QStringLiteral("sleep 30 & echo hi")));
    JobProcess *job = run->jobs().first();
    QTRY_VERIFY_WITH_TIMEOUT(job->isDraining(), 5000);
    QElapsedTimer clock;
    clock.start();
    job->stop();
    QVERIFY(waitRun(run, 5000));
    QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(!job->isDraining());
    for (const LeftoverProcess &left : job->leftovers())
        m_toKill << left.pid;
    // The group got SIGTERM: the background sleep is gone.
    QTRY_VERIFY(liveGroupMembers(job->pid()).isEmpty());
}

void TestDrain::nothingLeftNothingNamed()
{
    JobEngine engine;
    JobRun *run = engine.start(shellPreset(QStringLiteral("echo one; (echo two) ; exit 3")));
    QVERIFY(waitRun(run));
    const JobProcess *job = run->jobs().first();
    QCOMPARE(job->stdoutTail().tail(), QByteArray("one\ntwo\n"));
    QCOMPARE(job->outcome().exitCode, 3);
    QVERIFY(job->leftovers().isEmpty());
    QVERIFY(!job->isDraining());
}

void TestDrain::tableRowSaysWhatWasLeft()
{
    JobEngine engine;
    engine.setDrainLimitMs(300);
    JobTreeModel model(&engine);
    JobRun *run = engine.start(shellPreset(QStringLiteral("sleep 30 & echo hi")));
    JobProcess *job = run->jobs().first();
    // While reading after the exit, the row says so.
    QTRY_VERIFY_WITH_TIMEOUT(job->isDraining(), 5000);
    QVERIFY2(model.indexOfJob(run, 0, JobTreeModel::StateColumn).data().toString().contains(QStringLiteral("reading")),
             qPrintable(model.indexOfJob(run, 0, JobTreeModel::StateColumn).data().toString()));
    QVERIFY(waitRun(run));
    for (const LeftoverProcess &left : job->leftovers())
        m_toKill << left.pid;
    const QModelIndex state = model.indexOfJob(run, 0, JobTreeModel::StateColumn);
    QVERIFY2(state.data().toString().endsWith(QStringLiteral(", 1 left running")), qPrintable(state.data().toString()));
    const QString tip = state.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("holding its output")) && tip.contains(QStringLiteral("sleep 30")), qPrintable(tip));
}

QTEST_GUILESS_MAIN(TestDrain)
#include "tst_drain.moc"
