// ProcessSignaller and ProcessStopper on helper children: pause and resume,
// a stop that needs SIGKILL and one that does not, a reused pid refused, an
// ended one reported; and, as nobody, root's pid 1 refused in plain words.
#include "jobspec.h"
#include "processsignaller.h"
#include "processstopper.h"
#include "procreader.h"
#include "testsupport.h"

#include <QProcess>
#include <QSignalSpy>
#include <QtTest>

#include <csignal>
#include <unistd.h>

using Result = SignalOutcome::Result;

class TestProcessSignaller : public QObject
{
    Q_OBJECT

private slots:
    void pauseAndResume();
    void stopKillsAChildThatIgnoresTerm();
    void stopOfAChildThatHeedsTermNeedsNoKill();
    void reusedPidIsNeverSignalled();
    void endedProcessIsReported();
    void invalidSignalFails();
    void defaultGraceIsTheJobDefault();
    void anotherUsersProcessIsRefused();
};

namespace {

qint64 startTicks(qint64 pid)
{
    return ProcReader::read(pid, ProcReader::Stat).startTicks;
}

char stateOf(qint64 pid)
{
    return ProcReader::read(pid, ProcReader::Stat).state;
}

// A helper child, exec'd (so its start time is its own), killed at the end.
class Child
{
public:
    explicit Child(const QStringList &args) { m_process.start(TestSupport::helper(), args); }
    ~Child()
    {
        m_process.kill();
        m_process.waitForFinished();
    }
    bool started()
    {
        return m_process.waitForStarted()
            && QTest::qWaitFor([this] { return ProcReader::read(pid(), ProcReader::Stat).comm == "spawnhelper"; });
    }
    qint64 pid() const { return m_process.processId(); }
    QProcess &process() { return m_process; }

private:
    QProcess m_process;
};

} // namespace

void TestProcessSignaller::pauseAndResume()
{
    Child child({QStringLiteral("sleep"), QStringLiteral("30")});
    QVERIFY(child.started());
    const qint64 start = startTicks(child.pid());
    const SignalOutcome paused = ProcessSignaller::pause(child.pid(), start);
    QCOMPARE(paused.result, Result::Sent);
    QCOMPARE(paused.signal, SIGSTOP);
    QCOMPARE(paused.message, QStringLiteral("sent SIGSTOP to process %1").arg(child.pid()));
    QVERIFY(paused.succeeded());
    QTRY_COMPARE(stateOf(child.pid()), 'T');

    const SignalOutcome resumed = ProcessSignaller::resume(child.pid(), start);
    QCOMPARE(resumed.result, Result::Sent);
    QCOMPARE(resumed.signal, SIGCONT);
    QTRY_COMPARE(stateOf(child.pid()), 'S');
}

void TestProcessSignaller::stopKillsAChildThatIgnoresTerm()
{
    Child child({QStringLiteral("ignore-term"), QStringLiteral("60")});
    QVERIFY(child.process().waitForStarted());
    QTRY_VERIFY(child.process().canReadLine()); // "ready": SIGTERM is ignored from now on
    ProcessStopper stopper(child.pid(), startTicks(child.pid()));
    stopper.setGraceMs(300);
    QSignalSpy finished(&stopper, &ProcessStopper::finished);
    QSignalSpy exited(&child.process(), &QProcess::finished);
    stopper.start();
    QVERIFY(stopper.isRunning());
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.size(), 1);
    const SignalOutcome outcome = finished.first().first().value<SignalOutcome>();
    QCOMPARE(outcome.result, Result::Killed);
    QCOMPARE(outcome.signal, SIGKILL);
    QCOMPARE(outcome.message, QStringLiteral("process %1 outlived SIGTERM by 0.3 s and was sent SIGKILL").arg(child.pid()));
    QVERIFY(!stopper.isRunning());
    QVERIFY(exited.size() == 1 || exited.wait(10000));
    QCOMPARE(child.process().exitStatus(), QProcess::CrashExit);
    QCOMPARE(child.process().exitCode(), SIGKILL);
}

void TestProcessSignaller::stopOfAChildThatHeedsTermNeedsNoKill()
{
    Child child({QStringLiteral("sleep"), QStringLiteral("30")});
    QVERIFY(child.started());
    ProcessStopper stopper(child.pid(), startTicks(child.pid()));
    stopper.setGraceMs(20000); // ending on SIGTERM must not wait for it
    QSignalSpy finished(&stopper, &ProcessStopper::finished);
    QElapsedTimer timer;
    timer.start();
    stopper.start();
    QVERIFY(finished.wait(10000));
    QVERIFY(timer.elapsed() < 15000);
    const SignalOutcome outcome = finished.first().first().value<SignalOutcome>();
    QCOMPARE(outcome.result, Result::Terminated);
    QCOMPARE(outcome.signal, SIGTERM);
    QTRY_COMPARE(child.process().state(), QProcess::NotRunning);
    QCOMPARE(child.process().exitCode(), SIGTERM);
}

void TestProcessSignaller::reusedPidIsNeverSignalled()
{
    Child child({QStringLiteral("sleep"), QStringLiteral("30")});
    QVERIFY(child.started());
    // The same pid with another start time: the process the caller meant is gone.
    const qint64 otherStart = startTicks(child.pid()) - 1;
    const SignalOutcome outcome = ProcessSignaller::send(child.pid(), otherStart, SIGKILL);
    QCOMPARE(outcome.result, Result::Reused);
    QVERIFY(!outcome.succeeded());
    QCOMPARE(outcome.message,
             QStringLiteral("process %1 has ended and its number now names another process; nothing was sent").arg(child.pid()));

    ProcessStopper stopper(child.pid(), otherStart);
    QSignalSpy finished(&stopper, &ProcessStopper::finished);
    stopper.start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.first().first().value<SignalOutcome>().result, Result::Reused);
    // Neither the SIGKILL nor the stopper's SIGTERM reached it.
    QCOMPARE(child.process().state(), QProcess::Running);
    QVERIFY(ProcReader::read(child.pid(), ProcReader::Stat).present);
    QVERIFY(stateOf(child.pid()) != 'Z');
    QCOMPARE(ProcessSignaller::send(child.pid(), startTicks(child.pid()), SIGKILL).result, Result::Sent);
    QTRY_COMPARE(child.process().state(), QProcess::NotRunning);
}

void TestProcessSignaller::endedProcessIsReported()
{
    QProcess child;
    child.start(TestSupport::helper(), {QStringLiteral("sleep"), QStringLiteral("30")});
    QVERIFY(child.waitForStarted());
    QTRY_COMPARE(ProcReader::read(child.processId(), ProcReader::Stat).comm, QByteArray("spawnhelper"));
    const qint64 pid = child.processId();
    const qint64 start = startTicks(pid);
    child.kill();
    QVERIFY(child.waitForFinished());
    const SignalOutcome outcome = ProcessSignaller::send(pid, start, SIGTERM);
    QCOMPARE(outcome.result, Result::Ended);
    QCOMPARE(outcome.message, QStringLiteral("process %1 has ended").arg(pid));
}

void TestProcessSignaller::invalidSignalFails()
{
    const qint64 self = QCoreApplication::applicationPid();
    const SignalOutcome outcome = ProcessSignaller::send(self, startTicks(self), 0);
    QCOMPARE(outcome.result, Result::Failed);
    QCOMPARE(ProcessSignaller::send(self, startTicks(self), NSIG + 5).result, Result::Failed);
    QCOMPARE(SignalOutcome::resultToString(Result::Killed), QStringLiteral("killed after the grace period"));
}

void TestProcessSignaller::defaultGraceIsTheJobDefault()
{
    QCOMPARE(ProcessStopper::defaultGraceMs(), int(JobSpec().graceSec * 1000));
    ProcessStopper stopper(1, 1);
    QCOMPARE(stopper.graceMs(), ProcessStopper::defaultGraceMs());
}

// Run as nobody by tst_processsignaller_unprivileged: pid 1 is root's.
// Not SIGCONT: the kernel lets anyone send SIGCONT within their own session,
// and in a container (CI's) pid 1 may well share the test's session.
void TestProcessSignaller::anotherUsersProcessIsRefused()
{
    if (::geteuid() == 0)
        QSKIP("root may signal anything; tst_processsignaller_unprivileged runs this as nobody");
    const SignalOutcome outcome = ProcessSignaller::send(1, startTicks(1), SIGWINCH);
    QCOMPARE(outcome.result, Result::Refused);
    QCOMPARE(outcome.message, QStringLiteral("owned by root; only root may signal it"));

    ProcessStopper stopper(1, startTicks(1));
    QSignalSpy finished(&stopper, &ProcessStopper::finished);
    stopper.start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.first().first().value<SignalOutcome>().message, QStringLiteral("owned by root; only root may signal it"));
}

QTEST_GUILESS_MAIN(TestProcessSignaller)
#include "tst_processsignaller.moc"
