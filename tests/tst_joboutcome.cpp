#include "joboutcome.h"

#include <QMetaEnum>
#include <QtTest>

#include <csignal>

using State = JobOutcome::State;
using Cause = JobOutcome::Cause;

namespace {

JobOutcome outcome(State state, Cause cause = Cause::None, int exitCode = -1, int signal = 0,
                   const QString &error = {})
{
    JobOutcome o;
    o.state = state;
    o.cause = cause;
    o.exitCode = exitCode;
    o.signal = signal;
    o.error = error;
    return o;
}

} // namespace

class TestJobOutcome : public QObject
{
    Q_OBJECT

private slots:
    void defaults();
    void predicates_data();
    void predicates();
    void stateKey_data();
    void stateKey();
    void stateKeysAndStringsAreUnique();
    void exitText_data();
    void exitText();
    void explanation_data();
    void explanation();
    void explanationWording();
};

void TestJobOutcome::defaults()
{
    const JobOutcome o;
    QCOMPARE(o.state, State::Queued);
    QCOMPARE(o.cause, Cause::None);
    QCOMPARE(o.exitCode, -1);
    QCOMPARE(o.signal, 0);
    QVERIFY(!o.exitedBySignal());
    QVERIFY(!o.isActive());
    QVERIFY(!o.isDone());
    QVERIFY(!o.isSuccess());
    QVERIFY(!o.isFailure());
    QCOMPARE(o.exitText(), QString());
}

void TestJobOutcome::predicates_data()
{
    QTest::addColumn<JobOutcome>("outcome");
    QTest::addColumn<bool>("active");
    QTest::addColumn<bool>("done");
    QTest::addColumn<bool>("success");
    QTest::addColumn<bool>("failure");
    QTest::addColumn<bool>("bySignal");

    QTest::newRow("queued") << outcome(State::Queued) << false << false << false << false << false;
    QTest::newRow("starting") << outcome(State::Starting) << true << false << false << false << false;
    QTest::newRow("running") << outcome(State::Running) << true << false << false << false << false;
    QTest::newRow("finished 0") << outcome(State::Finished, Cause::None, 0) << false << true << true << false << false;
    QTest::newRow("finished 1") << outcome(State::Finished, Cause::None, 1) << false << true << false << true << false;
    QTest::newRow("finished 255") << outcome(State::Finished, Cause::None, 255) << false << true << false << true
                                  << false;
    QTest::newRow("failed to start") << outcome(State::FailedToStart, Cause::None, -1, 0, "No such file")
                                     << false << true << false << true << false;
    QTest::newRow("crashed SIGSEGV") << outcome(State::Crashed, Cause::None, -1, SIGSEGV)
                                     << false << true << false << true << true;
    QTest::newRow("timed out SIGTERM") << outcome(State::TimedOut, Cause::Timeout, -1, SIGTERM)
                                       << false << true << false << true << true;
    // Exiting 0 after being asked to stop is still not a success: it was cut short.
    QTest::newRow("timed out but exited 0") << outcome(State::TimedOut, Cause::Timeout, 0)
                                            << false << true << false << true << false;
    QTest::newRow("killed SIGKILL") << outcome(State::Killed, Cause::UserKill, -1, SIGKILL)
                                    << false << true << false << true << true;
    // A chain's writer whose reader exited first: neither a success nor a failure.
    QTest::newRow("pipe closed SIGPIPE") << outcome(State::PipeClosed, Cause::None, -1, SIGPIPE)
                                         << false << true << false << false << true;
}

void TestJobOutcome::predicates()
{
    QFETCH(JobOutcome, outcome);
    QFETCH(bool, active);
    QFETCH(bool, done);
    QFETCH(bool, success);
    QFETCH(bool, failure);
    QFETCH(bool, bySignal);

    QCOMPARE(outcome.isActive(), active);
    QCOMPARE(outcome.isDone(), done);
    QCOMPARE(outcome.isSuccess(), success);
    QCOMPARE(outcome.isFailure(), failure);
    QCOMPARE(outcome.exitedBySignal(), bySignal);
    QVERIFY(!(outcome.isActive() && outcome.isDone()));
    QVERIFY(!(outcome.isSuccess() && outcome.isFailure()));
}

void TestJobOutcome::stateKey_data()
{
    QTest::addColumn<State>("state");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("text");

    QTest::newRow("queued") << State::Queued << "queued" << "queued";
    QTest::newRow("starting") << State::Starting << "starting" << "starting";
    QTest::newRow("running") << State::Running << "running" << "running";
    QTest::newRow("finished") << State::Finished << "finished" << "finished";
    QTest::newRow("failedToStart") << State::FailedToStart << "failedToStart" << "failed to start";
    QTest::newRow("crashed") << State::Crashed << "crashed" << "crashed";
    QTest::newRow("timedOut") << State::TimedOut << "timedOut" << "timed out";
    QTest::newRow("killed") << State::Killed << "killed" << "killed";
    QTest::newRow("pipeClosed") << State::PipeClosed << "pipeClosed" << "pipe closed";
}

void TestJobOutcome::stateKey()
{
    QFETCH(State, state);
    QFETCH(QString, key);
    QFETCH(QString, text);

    QCOMPARE(JobOutcome::stateKey(state), key);
    QCOMPARE(JobOutcome::stateToString(state), text);
}

void TestJobOutcome::stateKeysAndStringsAreUnique()
{
    // Walk the Q_ENUM so a state added later without a key is caught here.
    const QMetaEnum meta = QMetaEnum::fromType<State>();
    QVERIFY(meta.isValid());
    QSet<QString> keys;
    QSet<QString> texts;
    for (int i = 0; i < meta.keyCount(); ++i) {
        const auto state = State(meta.value(i));
        const QString key = JobOutcome::stateKey(state);
        const QString text = JobOutcome::stateToString(state);
        QVERIFY2(!key.isEmpty(), meta.key(i));
        QVERIFY2(!text.isEmpty(), meta.key(i));
        // Report keys are the enum names in lowerCamel.
        QString enumName = QString::fromLatin1(meta.key(i));
        enumName[0] = enumName[0].toLower();
        QCOMPARE(key, enumName);
        keys.insert(key);
        texts.insert(text);
    }
    QCOMPARE(keys.size(), meta.keyCount());
    QCOMPARE(texts.size(), meta.keyCount());
}

void TestJobOutcome::exitText_data()
{
    QTest::addColumn<JobOutcome>("outcome");
    QTest::addColumn<QString>("text");

    QTest::newRow("queued") << outcome(State::Queued) << "";
    QTest::newRow("running") << outcome(State::Running) << "";
    QTest::newRow("finished 0") << outcome(State::Finished, Cause::None, 0) << "0";
    QTest::newRow("finished 3") << outcome(State::Finished, Cause::None, 3) << "3";
    QTest::newRow("finished 130") << outcome(State::Finished, Cause::None, 130) << "130";
    QTest::newRow("failed to start") << outcome(State::FailedToStart, Cause::None, -1, 0, "nope") << "";
    QTest::newRow("crashed SIGSEGV") << outcome(State::Crashed, Cause::None, -1, SIGSEGV) << "SIGSEGV";
    QTest::newRow("timed out SIGTERM") << outcome(State::TimedOut, Cause::Timeout, -1, SIGTERM) << "SIGTERM";
    QTest::newRow("timed out SIGKILL") << outcome(State::TimedOut, Cause::Timeout, -1, SIGKILL) << "SIGKILL";
    QTest::newRow("timed out, exited 0 itself") << outcome(State::TimedOut, Cause::Timeout, 0) << "0";
    QTest::newRow("stopped, exited 2 itself") << outcome(State::Killed, Cause::UserStop, 2) << "2";
    QTest::newRow("killed without code") << outcome(State::Killed, Cause::UserKill, -1) << "";
    QTest::newRow("signal wins over a stale code") << outcome(State::Crashed, Cause::None, 0, SIGABRT) << "SIGABRT";
    QTest::newRow("pipe closed") << outcome(State::PipeClosed, Cause::None, -1, SIGPIPE) << "SIGPIPE";
    QTest::newRow("realtime signal") << outcome(State::Crashed, Cause::None, -1, SIGRTMIN + 1) << "SIGRTMIN+1";
}

void TestJobOutcome::exitText()
{
    QFETCH(JobOutcome, outcome);
    QFETCH(QString, text);
    QCOMPARE(outcome.exitText(), text);
}

void TestJobOutcome::explanation_data()
{
    QTest::addColumn<JobOutcome>("outcome");
    QTest::addColumn<double>("timeoutSec");
    QTest::addColumn<double>("graceSec");
    QTest::addColumn<QStringList>("mustContain");
    QTest::addColumn<QStringList>("mustNotContain");

    QTest::newRow("queued") << outcome(State::Queued) << 0.0 << 2.0 << QStringList{"Waiting"} << QStringList{};
    QTest::newRow("starting") << outcome(State::Starting) << 0.0 << 2.0 << QStringList{"fork", "exec"}
                              << QStringList{};
    QTest::newRow("running") << outcome(State::Running) << 0.0 << 2.0 << QStringList{"concurrent"} << QStringList{};
    QTest::newRow("success") << outcome(State::Finished, Cause::None, 0) << 0.0 << 2.0
                             << QStringList{"code 0", "success"} << QStringList{"128+N", "SIG"};
    QTest::newRow("failure 1") << outcome(State::Finished, Cause::None, 1) << 0.0 << 2.0
                               << QStringList{"code 1", "failure"} << QStringList{"128+N", "success"};
    QTest::newRow("exit 128 is not a signal") << outcome(State::Finished, Cause::None, 128) << 0.0 << 2.0
                                              << QStringList{"code 128"} << QStringList{"128+N"};
    QTest::newRow("exit 130 via shell is SIGINT") << outcome(State::Finished, Cause::None, 130) << 0.0 << 2.0
                                                  << QStringList{"code 130", "128+N", "SIGINT (2)"}
                                                  << QStringList{"success"};
    QTest::newRow("exit 137 via shell is SIGKILL") << outcome(State::Finished, Cause::None, 137) << 0.0 << 2.0
                                                   << QStringList{"128+N", "SIGKILL (9)"} << QStringList{};
    QTest::newRow("exit 143 via shell is SIGTERM") << outcome(State::Finished, Cause::None, 143) << 0.0 << 2.0
                                                   << QStringList{"128+N", "SIGTERM (15)"} << QStringList{};
    QTest::newRow("exit 255 is beyond signals") << outcome(State::Finished, Cause::None, 255) << 0.0 << 2.0
                                                << QStringList{"code 255"} << QStringList{"128+N"};
    QTest::newRow("failed to start") << outcome(State::FailedToStart, Cause::None, -1, 0,
                                                "execvp: No such file or directory")
                                     << 0.0 << 2.0
                                     << QStringList{"Failed to start", "execvp: No such file or directory",
                                                    "no exit code"}
                                     << QStringList{};
    QTest::newRow("timeout SIGTERM") << outcome(State::TimedOut, Cause::Timeout, -1, SIGTERM) << 0.1 << 2.0
                                     << QStringList{"SIGTERM (15)", "0.1 s timeout", "-15", "deadlock"}
                                     << QStringList{"grace", "crashed"};
    QTest::newRow("timeout then SIGKILL after grace")
        << outcome(State::TimedOut, Cause::Timeout, -1, SIGKILL) << 0.1 << 2.0
        << QStringList{"SIGKILL (9)", "0.1 s timeout", "ignored SIGTERM", "2 s grace", "-9"}
        << QStringList{"crashed"};
    QTest::newRow("fractional grace") << outcome(State::TimedOut, Cause::Timeout, -1, SIGKILL) << 1.5 << 0.25
                                      << QStringList{"1.5 s timeout", "0.25 s grace"} << QStringList{};
    QTest::newRow("user stop then SIGKILL after grace") << outcome(State::Killed, Cause::UserStop, -1, SIGKILL)
                                                        << 0.0 << 3.0
                                                        << QStringList{"pressed Stop", "3 s grace"}
                                                        << QStringList{"timeout"};
    QTest::newRow("user kill: no grace talk") << outcome(State::Killed, Cause::UserKill, -1, SIGKILL) << 0.0 << 2.0
                                              << QStringList{"SIGKILL (9)", "pressed Kill"}
                                              << QStringList{"grace", "timeout", "crashed"};
    QTest::newRow("user stop SIGTERM") << outcome(State::Killed, Cause::UserStop, -1, SIGTERM) << 0.0 << 2.0
                                       << QStringList{"SIGTERM (15)", "pressed Stop"}
                                       << QStringList{"grace", "crashed"};
    QTest::newRow("crash SIGSEGV") << outcome(State::Crashed, Cause::None, -1, SIGSEGV) << 0.0 << 2.0
                                   << QStringList{"SIGSEGV (11)", "segmentation", "crashed", "-11"}
                                   << QStringList{"timeout", "grace", "pressed"};
    QTest::newRow("crash SIGPIPE") << outcome(State::Crashed, Cause::None, -1, SIGPIPE) << 0.0 << 2.0
                                   << QStringList{"SIGPIPE (13)", "pipe"} << QStringList{"timeout"};
    QTest::newRow("pipe closed is normal") << outcome(State::PipeClosed, Cause::None, -1, SIGPIPE) << 0.0 << 2.0
                                           << QStringList{"next stage stopped reading", "SIGPIPE (13)", "normal",
                                                          "yes | head"}
                                           << QStringList{"crashed", "Nobody here sent it"};
    QTest::newRow("timeout but exited by itself") << outcome(State::TimedOut, Cause::Timeout, 0) << 0.5 << 2.0
                                                  << QStringList{"0.5 s timeout", "exited by itself", "code 0"}
                                                  << QStringList{"SIG"};
}

void TestJobOutcome::explanation()
{
    QFETCH(JobOutcome, outcome);
    QFETCH(double, timeoutSec);
    QFETCH(double, graceSec);
    QFETCH(QStringList, mustContain);
    QFETCH(QStringList, mustNotContain);

    const QString text = outcome.explanation(timeoutSec, graceSec);
    QVERIFY(!text.isEmpty());
    for (const QString &part : mustContain)
        QVERIFY2(text.contains(part), qPrintable(QStringLiteral("\"%1\" lacks \"%2\"").arg(text, part)));
    for (const QString &part : mustNotContain)
        QVERIFY2(!text.contains(part), qPrintable(QStringLiteral("\"%1\" has \"%2\"").arg(text, part)));
}

void TestJobOutcome::explanationWording()
{
    // The exact sentence the header promises, so a wording slip shows up.
    const JobOutcome o = outcome(State::TimedOut, Cause::Timeout, -1, SIGTERM);
    QVERIFY(o.explanation(0.1, 2).startsWith(QStringLiteral("Terminated by SIGTERM (15) after the 0.1 s timeout")));
    // Without a cause there is no "after ..." clause at all.
    const JobOutcome crash = outcome(State::Crashed, Cause::None, -1, SIGTERM);
    QVERIFY(crash.explanation(0.1, 2).startsWith(QStringLiteral("Terminated by SIGTERM (15):")));
}

QTEST_GUILESS_MAIN(TestJobOutcome)
#include "tst_joboutcome.moc"
