// Attaching a watch to a program that is already running (--attach, the
// Machine panel's "Watch its family from now on"): the family is exact from
// then on, the descendants it already had are found, letting go leaves every
// process running, untraced and in its old state, their parents still see
// their exit statuses, and a refusal names its cause and stops nothing.
#include "jobengine.h"
#include "jobprocess.h"
#include "jobrun.h"
#include "preset.h"
#include "testsupport.h"
#include "traceprotocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <sys/stat.h>
#include <unistd.h>

namespace {

// A field of /proc/PID/status as text ("" when the process is gone).
QString statusField(qint64 pid, const char *name)
{
    QFile file(QStringLiteral("/proc/%1/status").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    const QByteArray key = QByteArray(name) + ':';
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith(key))
            return QString::fromLatin1(line.mid(key.size()).trimmed());
    }
    return QString();
}

qint64 tracerOf(qint64 pid)
{
    return statusField(pid, "TracerPid").toLongLong();
}

QChar stateOf(qint64 pid)
{
    const QString state = statusField(pid, "State");
    return state.isEmpty() ? QChar() : state.at(0);
}

// The only child of pid (from /proc/PID/task/PID/children); 0 if none yet.
QList<qint64> childrenOf(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/task/%1/children").arg(pid));
    QList<qint64> children;
    if (file.open(QIODevice::ReadOnly)) {
        for (const QByteArray &word : file.readAll().split(' ')) {
            if (word.trimmed().toLongLong() > 0)
                children << word.trimmed().toLongLong();
        }
    }
    return children;
}

QJsonObject onlyJob(const QString &reportPath)
{
    QFile file(reportPath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonArray runs = QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("runs")).toArray();
    return runs.first().toObject().value(QStringLiteral("jobs")).toArray().first().toObject();
}

QJsonObject memberWithArgv(const QJsonArray &family, const QString &lastArgument)
{
    for (const QJsonValue &value : family) {
        const QJsonArray execs = value.toObject().value(QStringLiteral("execs")).toArray();
        for (const QJsonValue &exec : execs) {
            const QJsonArray argv = exec.toObject().value(QStringLiteral("argv")).toArray();
            if (!argv.isEmpty() && argv.last().toString() == lastArgument)
                return value.toObject();
        }
    }
    return {};
}

} // namespace

class TestAttach : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void theFamilyFromThenOnIsExact();
    void lettingGoLeavesEveryProcessAsItWas();
    void theWindowsRunShowsTheProgramsRow();
    void refusalsNameTheirCause_data();
    void refusalsNameTheirCause();
    void aSecondWatchIsRefusedWhileTheFirstHolds();
    void anotherUsersProcessIsRefusedPlainly();

private:
    // Starts the spawnscope binary with args; returns once it has exited.
    struct Cli
    {
        int exitCode = -1;
        QString stderrText;
    };
    Cli runCli(const QStringList &args, int timeoutMs = 20000);
    // sh -c script, started outside the engine (as a learner's program in
    // their own terminal would be); its own exit code is checked at the end.
    QProcess *startScript(const QString &script, const QStringList &args = {});

    QTemporaryDir m_dir;
    QList<QProcess *> m_scripts;
    QList<qint64> m_leftovers;
};

void TestAttach::init()
{
    QVERIFY(m_dir.isValid());
}

void TestAttach::cleanup()
{
    for (qint64 pid : std::as_const(m_leftovers))
        ::kill(pid_t(pid), SIGKILL);
    m_leftovers.clear();
    for (QProcess *process : std::as_const(m_scripts)) {
        process->kill();
        process->waitForFinished(5000);
        delete process;
    }
    m_scripts.clear();
}

TestAttach::Cli TestAttach::runCli(const QStringList &args, int timeoutMs)
{
    QProcess cli;
    cli.start(QStringLiteral(SPAWNSCOPE_PATH), args);
    Cli result;
    if (!cli.waitForFinished(timeoutMs)) {
        cli.kill();
        cli.waitForFinished();
        return result;
    }
    result.exitCode = cli.exitStatus() == QProcess::NormalExit ? cli.exitCode() : -1;
    result.stderrText = QString::fromLocal8Bit(cli.readAllStandardError());
    return result;
}

QProcess *TestAttach::startScript(const QString &script, const QStringList &args)
{
    auto *process = new QProcess;
    // Not forwarded: a leftover sleep must not hold ctest's output open.
    process->setProcessChannelMode(QProcess::MergedChannels);
    process->start(QStringLiteral("/bin/sh"), QStringList{QStringLiteral("-c"), script, QStringLiteral("sh")} + args);
    m_scripts << process;
    return process;
}

void TestAttach::theFamilyFromThenOnIsExact()
{
    // Already there before the watch: a background sleep. After it: a
    // child that exits 3, one that dies of SIGSEGV, and the program's own
    // exit 5, while the sleep runs on past the end.
    const QString go = m_dir.filePath(QStringLiteral("go"));
    QCOMPARE(::mkfifo(QFile::encodeName(go).constData(), 0600), 0);
    QProcess *program = startScript(QStringLiteral("sleep 30 & read x < \"$1\"; sh -c 'exit 3'; "
                                                   "sh -c 'kill -SEGV $$'; exit 5"),
                                    {go});
    QVERIFY(program->waitForStarted());
    const qint64 pid = program->processId();
    QTRY_COMPARE(childrenOf(pid).size(), 1);
    const qint64 sleeper = childrenOf(pid).first();
    m_leftovers << sleeper;

    const QString report = m_dir.filePath(QStringLiteral("attach.json"));
    QProcess cli;
    cli.start(QStringLiteral(SPAWNSCOPE_PATH),
              {QStringLiteral("--headless"), QStringLiteral("--attach"), QString::number(pid), QStringLiteral("--report"),
               report});
    QVERIFY(cli.waitForStarted());
    // Attached: both carry a tracer, the one --attach started.
    QTRY_VERIFY(tracerOf(pid) > 0);
    QTRY_VERIFY(tracerOf(sleeper) > 0);
    QCOMPARE(tracerOf(sleeper), tracerOf(pid));
    {
        QFile fifo(go);
        QVERIFY(fifo.open(QIODevice::WriteOnly));
        fifo.write("go\n");
    }
    QVERIFY(cli.waitForFinished(20000));
    QCOMPARE(cli.exitCode(), 0);

    // Its own parent saw its own exit.
    QVERIFY(program->waitForFinished(10000));
    QCOMPARE(program->exitCode(), 5);

    const QJsonObject job = onlyJob(report);
    QCOMPARE(job.value(QStringLiteral("pid")).toInteger(), pid);
    QCOMPARE(job.value(QStringLiteral("attached")).toBool(), true);
    QCOMPARE(job.value(QStringLiteral("exitCode")).toInt(), 5);
    const QJsonArray family = job.value(QStringLiteral("family")).toArray();
    const QJsonObject root = family.first().toObject();
    QCOMPARE(root.value(QStringLiteral("pid")).toInteger(), pid);
    QCOMPARE(root.value(QStringLiteral("how")).toString(), QStringLiteral("attach"));
    QCOMPARE(root.value(QStringLiteral("exitCode")).toInt(), 5);

    const QJsonObject sleep = memberWithArgv(family, QStringLiteral("30"));
    QCOMPARE(sleep.value(QStringLiteral("pid")).toInteger(), sleeper);
    QCOMPARE(sleep.value(QStringLiteral("how")).toString(), QStringLiteral("attach"));
    QVERIFY2(!sleep.contains(QStringLiteral("exitCode")) && !sleep.contains(QStringLiteral("signal")),
             "the sleep outlived the watch: no exit may be invented for it");

    const QJsonObject three = memberWithArgv(family, QStringLiteral("exit 3"));
    QCOMPARE(three.value(QStringLiteral("exitCode")).toInt(), 3);
    QCOMPARE(three.value(QStringLiteral("ppid")).toInteger(), pid);
    QVERIFY(three.value(QStringLiteral("how")).toString() != QLatin1String("attach"));
    const QJsonObject segv = memberWithArgv(family, QStringLiteral("kill -SEGV $$"));
    QCOMPARE(segv.value(QStringLiteral("signal")).toInt(), SIGSEGV);
    QCOMPARE(segv.value(QStringLiteral("signalName")).toString(), QStringLiteral("SIGSEGV"));

    // Let go, not stopped, not traced.
    QTRY_COMPARE(tracerOf(sleeper), 0);
    QCOMPARE(stateOf(sleeper), QLatin1Char('S'));
}

void TestAttach::lettingGoLeavesEveryProcessAsItWas()
{
    // Two sleeps under one shell, the second stopped by its owner (Ctrl+Z).
    QProcess *program = startScript(QStringLiteral("sleep 30 & sleep 31 & wait"));
    QVERIFY(program->waitForStarted());
    const qint64 pid = program->processId();
    QTRY_COMPARE(childrenOf(pid).size(), 2);
    const QList<qint64> sleeps = childrenOf(pid);
    m_leftovers << sleeps;
    QCOMPARE(::kill(pid_t(sleeps.at(1)), SIGSTOP), 0);
    QTRY_COMPARE(stateOf(sleeps.at(1)), QLatin1Char('T'));

    const QString report = m_dir.filePath(QStringLiteral("detach.json"));
    const Cli cli = runCli({QStringLiteral("--headless"), QStringLiteral("--attach"), QString::number(pid),
                            QStringLiteral("--duration"), QStringLiteral("0.5"), QStringLiteral("--report"), report});
    QCOMPARE(cli.exitCode, 0);

    const QJsonObject job = onlyJob(report);
    QVERIFY(job.value(QStringLiteral("detachedMs")).toDouble() >= 450);
    QCOMPARE(job.value(QStringLiteral("family")).toArray().size(), 3);
    for (qint64 each : {pid, sleeps.at(0), sleeps.at(1)})
        QTRY_COMPARE(tracerOf(each), 0);
    QCOMPARE(stateOf(pid), QLatin1Char('S'));
    QCOMPARE(stateOf(sleeps.at(0)), QLatin1Char('S'));
    QCOMPARE(stateOf(sleeps.at(1)), QLatin1Char('T')); // still stopped, as its owner left it
    QVERIFY(program->state() == QProcess::Running);

    // And it goes on as if never watched: continued, the shell's wait ends
    // when the sleeps are killed, with the shell's own status.
    ::kill(pid_t(sleeps.at(1)), SIGCONT);
    QTRY_COMPARE(stateOf(sleeps.at(1)), QLatin1Char('S'));
}

void TestAttach::theWindowsRunShowsTheProgramsRow()
{
    // The engine's attached job (what the Machine panel's "Watch its family"
    // starts): its pid is the program's, not the tracer's, and Stop lets go.
    TraceProtocol::setTracerProgram(QStringLiteral(SPAWNSCOPE_PATH));
    QProcess *program = startScript(QStringLiteral("sleep 30 & wait"));
    QVERIFY(program->waitForStarted());
    const qint64 pid = program->processId();
    QTRY_COMPARE(childrenOf(pid).size(), 1);
    m_leftovers << childrenOf(pid);

    JobEngine engine;
    JobRun *run = engine.start(Preset::attachTo(pid, {QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("x")}));
    QVERIFY(run);
    JobProcess *job = run->jobs().first();
    QTRY_VERIFY(job->family().members().size() >= 2);
    QCOMPARE(job->programPid(), pid);
    QVERIFY(job->pid() != pid); // the tracer is the child the engine started
    QVERIFY(job->family().attached());
    QCOMPARE(tracerOf(pid), job->pid());

    // Pause and Resume reach the program, not the tracer.
    QVERIFY(job->pause());
    QTRY_VERIFY(stateOf(pid) == QLatin1Char('T') || stateOf(pid) == QLatin1Char('t'));
    QVERIFY(stateOf(job->pid()) != QLatin1Char('T') && stateOf(job->pid()) != QLatin1Char('t')); // the tracer runs on
    QVERIFY(job->resume());
    QTRY_COMPARE(stateOf(pid), QLatin1Char('S'));

    job->stop();
    QVERIFY(TestSupport::waitRun(run));
    QTRY_COMPARE(tracerOf(pid), 0);
    QVERIFY(job->family().detachedMs() >= 0);
    QVERIFY(program->state() == QProcess::Running); // the program was let go, not stopped
    QCOMPARE(stateOf(pid), QLatin1Char('S'));
}

void TestAttach::refusalsNameTheirCause_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("says");
    QTest::newRow("no such process") << QStringList{QStringLiteral("--attach"), QStringLiteral("4194000")}
                                     << QStringLiteral("there is no process 4194000");
    QTest::newRow("not a pid") << QStringList{QStringLiteral("--attach"), QStringLiteral("abc")}
                               << QStringLiteral("--attach takes a process id");
    QTest::newRow("duration too short") << QStringList{QStringLiteral("--attach"), QStringLiteral("1"),
                                                       QStringLiteral("--duration"), QStringLiteral("0.05")}
                                        << QStringLiteral("from 0.1 to 86400");
    QTest::newRow("duration too long") << QStringList{QStringLiteral("--processes"), QStringLiteral("--duration"),
                                                      QStringLiteral("86401")}
                                       << QStringLiteral("from 0.1 to 86400");
    QTest::newRow("with a command") << QStringList{QStringLiteral("--attach"), QStringLiteral("1"),
                                                   QStringLiteral("--command"), QStringLiteral("true")}
                                    << QStringLiteral("leave out --command");
}

void TestAttach::refusalsNameTheirCause()
{
    QFETCH(QStringList, args);
    QFETCH(QString, says);
    const Cli cli = runCli(QStringList{QStringLiteral("--headless")} + args);
    QCOMPARE(cli.exitCode, 2);
    QVERIFY2(cli.stderrText.contains(says), qPrintable(cli.stderrText));
    QCOMPARE(cli.stderrText.count(QLatin1Char('\n')), 1); // one line
}

void TestAttach::aSecondWatchIsRefusedWhileTheFirstHolds()
{
    QProcess *program = startScript(QStringLiteral("exec sleep 30"));
    QVERIFY(program->waitForStarted());
    const qint64 pid = program->processId();
    QProcess first;
    first.start(QStringLiteral(SPAWNSCOPE_PATH),
                {QStringLiteral("--headless"), QStringLiteral("--attach"), QString::number(pid), QStringLiteral("--duration"),
                 QStringLiteral("20"), QStringLiteral("--report"), m_dir.filePath(QStringLiteral("first.json"))});
    QVERIFY(first.waitForStarted());
    QTRY_VERIFY(tracerOf(pid) > 0);
    const qint64 tracer = tracerOf(pid);

    const Cli second = runCli({QStringLiteral("--headless"), QStringLiteral("--attach"), QString::number(pid)});
    QCOMPARE(second.exitCode, 2);
    QVERIFY2(second.stderrText.contains(QStringLiteral("already traced by %1").arg(tracer)), qPrintable(second.stderrText));

    // Its tracer is SpawnScope's own: refused as such, not traced twice.
    const Cli ofTracer = runCli({QStringLiteral("--headless"), QStringLiteral("--attach"), QString::number(tracer)});
    QCOMPARE(ofTracer.exitCode, 2);
    QVERIFY2(ofTracer.stderrText.contains(QStringLiteral("SpawnScope's own tracers")), qPrintable(ofTracer.stderrText));

    // Ctrl+C on the first lets go at once.
    ::kill(pid_t(first.processId()), SIGINT);
    QVERIFY(first.waitForFinished(5000));
    QTRY_COMPARE(tracerOf(pid), 0);
    QVERIFY(program->state() == QProcess::Running);
}

void TestAttach::anotherUsersProcessIsRefusedPlainly()
{
    if (::getuid() == 0)
        QSKIP("root may watch anyone; tst_attach_unprivileged runs this as nobody");
    // pid 1 is root's.
    const Cli cli = runCli({QStringLiteral("--headless"), QStringLiteral("--attach"), QStringLiteral("1")});
    QCOMPARE(cli.exitCode, 2);
    QVERIFY2(cli.stderrText.contains(QStringLiteral("owned by root; only root may watch it")), qPrintable(cli.stderrText));
    QCOMPARE(tracerOf(1), 0);
}

QTEST_GUILESS_MAIN(TestAttach)
#include "tst_attach.moc"
