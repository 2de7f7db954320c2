#include "jobformat.h"
#include "jobprocess.h"
#include "testsupport.h"
#include "unixsignals.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <unistd.h>

using namespace TestSupport;
using State = JobOutcome::State;

class TestJobProcess : public QObject
{
    Q_OBJECT

private slots:
    void init() { m_clock.start(); }
    void cleanup();

    void startFailures_data();
    void startFailures();
    void exitCodes_data();
    void exitCodes();
    void signalDeaths_data();
    void signalDeaths();
    void segfaultIsACrash();
    void timeoutSendsTerm();
    void timeoutEscalatesToKillWhenTermIsIgnored();
    void timeoutReachesAStoppedChild();
    void stopReachesGrandchildren();
    void killIsImmediate();
    void stopAfterExitIsHarmless();
    void stopWhileStartingStillStops();
    void stdinIsWrittenThenClosed();
    void noStdinMeansImmediateEof();
    void stderrIsKeptSeparately();
    void pollsCountWhileRunning();
    void floodKeepsExactCountsAndBoundedTail();
    void destroyingARunningJobLeavesNoChild();
    void childInheritsOnlyStdio();
    void execFailureIsStillReported_data();
    void execFailureIsStillReported();
    void lastLineHoldsAPartialLine_data();
    void lastLineHoldsAPartialLine();
    void interactiveStdinReachesCat();
    void interactiveSortAnswersAfterEndOfInput();
    void interactiveBc();
    void inputIsRefusedWhenStdinIsNotKeptOpen();
    void inputRecordsAreBounded();
    void inputToAClosedStdinIsHarmless();
    void terminalChildSeesATerminal();
    void terminalChildLeadsItsSessionAndGroup();
    void terminalTimeoutSendsTerm();
    void terminalTimeoutEscalatesToKill();
    void terminalChildInheritsOnlyStdio();
    void terminalInteractiveInputAndEof();
    void terminalFeedsPresetStdin();
    void pythonBuffersInAPipeButNotInATerminal();

private:
    JobProcess *run(const JobSpec &spec);
    bool waitDone(JobProcess *job, int ms = 10000);

    QElapsedTimer m_clock;
    QList<JobProcess *> m_jobs;
};

JobProcess *TestJobProcess::run(const JobSpec &spec)
{
    auto *job = new JobProcess(spec, &m_clock);
    m_jobs << job;
    job->start();
    return job;
}

bool TestJobProcess::waitDone(JobProcess *job, int ms)
{
    QSignalSpy spy(job, &JobProcess::finished);
    return job->outcome().isDone() || spy.wait(ms);
}

void TestJobProcess::cleanup()
{
    qDeleteAll(m_jobs);
    m_jobs.clear();
}

void TestJobProcess::startFailures_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("cwd");
    QTest::addColumn<QString>("expected");

    static QTemporaryDir dir;
    QFile plain(dir.filePath(QStringLiteral("not-executable")));
    plain.open(QIODevice::WriteOnly);
    plain.write("#!/bin/sh\necho hi\n");
    plain.close();

    QFile noInterpreter(dir.filePath(QStringLiteral("no-interpreter")));
    noInterpreter.open(QIODevice::WriteOnly);
    noInterpreter.write("#!/nonexistent/spawnscope-interpreter -x\necho hi\n");
    noInterpreter.close();
    noInterpreter.setPermissions(noInterpreter.permissions() | QFileDevice::ExeOwner);
    QFile crlf(dir.filePath(QStringLiteral("crlf")));
    crlf.open(QIODevice::WriteOnly);
    crlf.write("#!/bin/sh\r\necho hi\r\n");
    crlf.close();
    crlf.setPermissions(crlf.permissions() | QFileDevice::ExeOwner);

    QTest::newRow("missing on PATH") << QStringLiteral("no-such-program-spawnscope") << QString() << QStringLiteral("not found on PATH");
    QTest::newRow("missing path") << QStringLiteral("/nonexistent/dir/prog") << QString() << QStringLiteral("does not exist");
    QTest::newRow("directory") << dir.path() << QString() << QStringLiteral("is a directory");
    QTest::newRow("not executable") << plain.fileName() << QString() << QStringLiteral("not executable");
    QTest::newRow("bad cwd") << QStringLiteral("true") << QStringLiteral("/nonexistent/workdir") << QStringLiteral("working directory");
    QTest::newRow("cwd is a file") << QStringLiteral("true") << plain.fileName() << QStringLiteral("not a directory");
    QTest::newRow("missing interpreter") << noInterpreter.fileName() << QString()
                                         << QStringLiteral("interpreter \"/nonexistent/spawnscope-interpreter\"");
    QTest::newRow("CRLF script") << crlf.fileName() << QString() << QStringLiteral("Windows line ending");
    QTest::newRow("empty") << QString() << QString() << QStringLiteral("empty");
    QTest::newRow("blank") << QStringLiteral("   ") << QString() << QStringLiteral("empty");
}

void TestJobProcess::startFailures()
{
    QFETCH(QString, program);
    QFETCH(QString, cwd);
    QFETCH(QString, expected);

    JobSpec spec;
    spec.stage.program = program;
    spec.stage.cwd = cwd;
    JobProcess job(spec, &m_clock);
    QSignalSpy finished(&job, &JobProcess::finished);
    job.start();
    // Reported from the event loop, never from inside start().
    QCOMPARE(finished.count(), 0);
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(job.outcome().state, State::FailedToStart);
    QVERIFY2(job.outcome().error.contains(expected), qPrintable(job.outcome().error));
    QCOMPARE(job.pid(), 0);
    QVERIFY(job.outcome().exitText().isEmpty());
    QVERIFY(job.outcome().explanation(0, 2).startsWith(QStringLiteral("Failed to start")));
}

void TestJobProcess::exitCodes_data()
{
    QTest::addColumn<int>("code");
    for (int code : {0, 1, 2, 42, 127, 128, 200, 255})
        QTest::addRow("exit %d", code) << code;
}

void TestJobProcess::exitCodes()
{
    QFETCH(int, code);
    JobProcess *job = run(helperSpec({QStringLiteral("exit"), QString::number(code)}));
    QVERIFY(waitDone(job));
    QCOMPARE(job->outcome().state, State::Finished);
    QCOMPARE(job->outcome().exitCode, code);
    QCOMPARE(job->outcome().signal, 0);
    QCOMPARE(job->outcome().exitText(), QString::number(code));
    QCOMPARE(job->outcome().isSuccess(), code == 0);
    QVERIFY(job->pid() > 0);
    QVERIFY(job->finishedMs() >= job->startedMs());
}

void TestJobProcess::signalDeaths_data()
{
    QTest::addColumn<int>("signal");
    QTest::addColumn<QString>("name");
    QTest::newRow("SIGHUP") << int(SIGHUP) << QStringLiteral("SIGHUP");
    QTest::newRow("SIGINT") << int(SIGINT) << QStringLiteral("SIGINT");
    QTest::newRow("SIGABRT") << int(SIGABRT) << QStringLiteral("SIGABRT");
    QTest::newRow("SIGKILL") << int(SIGKILL) << QStringLiteral("SIGKILL");
    QTest::newRow("SIGUSR1") << int(SIGUSR1) << QStringLiteral("SIGUSR1");
    QTest::newRow("SIGPIPE") << int(SIGPIPE) << QStringLiteral("SIGPIPE");
    QTest::newRow("SIGTERM") << int(SIGTERM) << QStringLiteral("SIGTERM");
}

void TestJobProcess::signalDeaths()
{
    QFETCH(int, signal);
    QFETCH(QString, name);
    JobProcess *job = run(helperSpec({QStringLiteral("signal"), QString::number(signal)}));
    QVERIFY(waitDone(job));
    // Nobody here sent it, so it is a crash rather than a kill.
    QCOMPARE(job->outcome().state, State::Crashed);
    QCOMPARE(job->outcome().signal, signal);
    QCOMPARE(job->outcome().exitText(), name);
    QVERIFY(job->outcome().explanation(0, 2).contains(name));
}

void TestJobProcess::segfaultIsACrash()
{
    JobProcess *job = run(helperSpec({QStringLiteral("crash")}));
    QVERIFY(waitDone(job));
    QCOMPARE(job->outcome().state, State::Crashed);
    QCOMPARE(job->outcome().signal, int(SIGSEGV));
    QCOMPARE(job->outcome().exitText(), QStringLiteral("SIGSEGV"));
}

void TestJobProcess::timeoutSendsTerm()
{
    JobSpec spec;
    spec.stage.program = QStringLiteral("sleep");
    spec.stage.args = {QStringLiteral("10")};
    spec.timeoutSec = 0.1;
    JobProcess *job = run(spec);
    QVERIFY(waitDone(job));
    QCOMPARE(job->outcome().state, State::TimedOut);
    QCOMPARE(job->outcome().signal, int(SIGTERM));
    QCOMPARE(job->outcome().exitText(), QStringLiteral("SIGTERM"));
    QVERIFY2(job->termSentMs() >= 95 && job->termSentMs() < 600, qPrintable(QString::number(job->termSentMs())));
    QCOMPARE(job->killSentMs(), -1.0);
    QVERIFY2(job->elapsedMs() >= 95 && job->elapsedMs() < 1000, qPrintable(QString::number(job->elapsedMs())));
    QVERIFY(job->outcome().explanation(0.1, 2).contains(QStringLiteral("SIGTERM (15) after the 0.1 s timeout")));
}

void TestJobProcess::timeoutEscalatesToKillWhenTermIsIgnored()
{
    JobSpec spec = helperSpec({QStringLiteral("ignore-term")});
    spec.timeoutSec = 0.2;
    spec.graceSec = 0.3;
    JobProcess *job = run(spec);
    QVERIFY(waitDone(job));
    QCOMPARE(job->outcome().state, State::TimedOut);
    QCOMPARE(job->outcome().signal, int(SIGKILL));
    QVERIFY(job->termSentMs() >= 195);
    const double gap = job->killSentMs() - job->termSentMs();
    QVERIFY2(gap >= 295 && gap < 1500, qPrintable(QString::number(gap)));
    QVERIFY(job->outcome().explanation(0.2, 0.3).contains(QStringLiteral("ignored SIGTERM")));
    QCOMPARE(job->stdoutTail().tail(), QByteArray("ready\n"));
}

void TestJobProcess::timeoutReachesAStoppedChild()
{
    JobSpec spec = helperSpec({QStringLiteral("stop-self")});
    spec.timeoutSec = 0.2;
    spec.graceSec = 2;
    JobProcess *job = run(spec);
    QVERIFY(waitDone(job));
    // SIGCONT after SIGTERM lets a stopped child act on the TERM at once,
    // well before the grace period would have escalated to SIGKILL.
    QCOMPARE(job->outcome().state, State::TimedOut);
    QCOMPARE(job->outcome().signal, int(SIGTERM));
    QVERIFY2(job->elapsedMs() < 1500, qPrintable(QString::number(job->elapsedMs())));
}

void TestJobProcess::stopReachesGrandchildren()
{
    JobSpec spec = helperSpec({QStringLiteral("grandchild")});
    spec.graceSec = 1;
    JobProcess *job = run(spec);
    QTRY_VERIFY_WITH_TIMEOUT(job->stdoutTail().tail().endsWith('\n'), 5000);
    const qint64 grandchild = job->stdoutTail().tail().trimmed().toLongLong();
    QVERIFY(grandchild > 0);
    QVERIFY(processAlive(grandchild));

    job->stop();
    QVERIFY(waitDone(job));
    QCOMPARE(job->outcome().state, State::Killed);
    QCOMPARE(job->outcome().signal, int(SIGTERM));
    QCOMPARE(job->outcome().cause, JobOutcome::Cause::UserStop);
    // The TERM went to the whole process group, grandchild included.
    QTRY_VERIFY_WITH_TIMEOUT(!processAlive(grandchild), 5000);
}

void TestJobProcess::killIsImmediate()
{
    JobProcess *job = run(helperSpec({QStringLiteral("ignore-term")}));
    QTRY_COMPARE_WITH_TIMEOUT(job->stdoutTail().tail(), QByteArray("ready\n"), 5000);
    job->kill();
    QVERIFY(waitDone(job, 3000));
    QCOMPARE(job->outcome().state, State::Killed);
    QCOMPARE(job->outcome().signal, int(SIGKILL));
    QCOMPARE(job->outcome().cause, JobOutcome::Cause::UserKill);
}

void TestJobProcess::stopAfterExitIsHarmless()
{
    JobProcess *job = run(helperSpec({QStringLiteral("exit"), QStringLiteral("3")}));
    QVERIFY(waitDone(job));
    QSignalSpy changed(job, &JobProcess::changed);
    QSignalSpy finished(job, &JobProcess::finished);
    job->stop();
    job->kill();
    // Anything the two set off (a queued signal, a due timer) runs in this round of the event loop.
    QCoreApplication::processEvents();
    QCOMPARE(changed.count(), 0);
    QCOMPARE(finished.count(), 0);
    QCOMPARE(job->outcome().state, State::Finished);
    QCOMPARE(job->outcome().exitCode, 3);
    QCOMPARE(job->termSentMs(), -1.0);
    QCOMPARE(job->killSentMs(), -1.0);
}

void TestJobProcess::stopWhileStartingStillStops()
{
    JobSpec spec;
    spec.stage.program = QStringLiteral("sleep");
    spec.stage.args = {QStringLiteral("10")};
    JobProcess *job = run(spec);
    job->stop(); // before started() arrived
    QVERIFY(waitDone(job, 5000));
    QCOMPARE(job->outcome().state, State::Killed);
    QCOMPARE(job->outcome().signal, int(SIGTERM));
}

void TestJobProcess::stdinIsWrittenThenClosed()
{
    JobSpec spec = helperSpec({QStringLiteral("count-stdin")});
    spec.feedStdin = true;
    spec.stdinData = QByteArray(10, '\x07');
    JobProcess *job = run(spec);
    QVERIFY(waitDone(job));
    QCOMPARE(job->stdoutTail().tail(), QByteArray("10 eof\n"));
    QCOMPARE(job->stdinBytes(), 10);
}

void TestJobProcess::noStdinMeansImmediateEof()
{
    JobProcess *job = run(helperSpec({QStringLiteral("count-stdin")}));
    QVERIFY(waitDone(job, 5000));
    QCOMPARE(job->stdoutTail().tail(), QByteArray("0 eof\n"));
}

void TestJobProcess::stderrIsKeptSeparately()
{
    JobProcess *job = run(helperSpec({QStringLiteral("stderr"), QStringLiteral("bad input"), QStringLiteral("3")}));
    QVERIFY(waitDone(job));
    QCOMPARE(job->stderrTail().tail(), QByteArray("bad input\n"));
    QCOMPARE(job->stdoutTail().totalBytes(), 0);
    QCOMPARE(job->outcome().exitCode, 3);
}

void TestJobProcess::pollsCountWhileRunning()
{
    // The seed: sleep 0.3 polled every 0.2 s prints "Working..." twice.
    JobSpec spec;
    spec.stage.program = QStringLiteral("sleep");
    spec.stage.args = {QStringLiteral("0.3")};
    spec.pollIntervalSec = 0.2;
    JobProcess *job = run(spec);
    QVERIFY(waitDone(job));
    QCOMPARE(job->polls(), 2);
    QCOMPARE(job->outcome().exitCode, 0);
}

void TestJobProcess::floodKeepsExactCountsAndBoundedTail()
{
    const qint64 total = 64LL * 1024 * 1024;
    JobSpec spec = helperSpec({QStringLiteral("flood"), QString::number(total)});
    spec.tailCapacity = 256 * 1024;
    JobProcess *job = run(spec);
    QVERIFY(waitDone(job, 60000));
    QCOMPARE(job->outcome().exitCode, 0);
    QCOMPARE(job->stdoutTail().totalBytes(), total);
    QCOMPARE(job->stdoutTail().keptBytes(), 256 * 1024);
    QVERIFY(job->stdoutTail().truncated());
    // The helper's stream has a newline every 64 bytes, ending on one.
    const QByteArray tail = job->stdoutTail().tail();
    QCOMPARE(tail.back(), '\n');
    QCOMPARE(tail.count('\n'), tail.size() / 64);
}

void TestJobProcess::destroyingARunningJobLeavesNoChild()
{
    QByteArray warnings;
    JobProcess *job = run(helperSpec({QStringLiteral("ignore-term")}));
    QTRY_VERIFY_WITH_TIMEOUT(job->pid() > 0, 5000);
    const qint64 pid = job->pid();
    QVERIFY(processAlive(pid));
    m_jobs.removeOne(job);
    delete job;
    QVERIFY(!processAlive(pid));
}

namespace {

// Descriptors opened the careless way (no O_CLOEXEC), as a library in the app
// might: closed again when the test ends.
class InheritableDescriptors
{
public:
    InheritableDescriptors()
    {
        m_fds << ::open("/dev/null", O_RDONLY);
        int ends[2];
        if (::pipe(ends) == 0)
            m_fds << ends[0] << ends[1];
    }
    ~InheritableDescriptors()
    {
        for (int fd : std::as_const(m_fds))
            ::close(fd);
    }
    const QList<int> &fds() const { return m_fds; }

private:
    QList<int> m_fds;
};

} // namespace

void TestJobProcess::childInheritsOnlyStdio()
{
    const InheritableDescriptors extra;
    QCOMPARE(extra.fds().size(), 3);
    for (int fd : extra.fds()) {
        QVERIFY(fd >= 3);
        QCOMPARE(::fcntl(fd, F_GETFD) & FD_CLOEXEC, 0); // would be inherited by default
    }
    JobProcess *job = run(helperSpec({QStringLiteral("list-fds")}));
    QVERIFY(waitDone(job));
    QCOMPARE(job->outcome().state, State::Finished);
    QCOMPARE(job->outcome().exitCode, 0);
    QCOMPARE(job->stdoutTail().tail(), QByteArray("0\n1\n2\n"));
    // The app's own descriptors stay as they were.
    for (int fd : extra.fds())
        QCOMPARE(::fcntl(fd, F_GETFD) & FD_CLOEXEC, 0);
}

void TestJobProcess::execFailureIsStillReported_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("args");

    QTest::newRow("missing program") << QStringLiteral("no-such-program-spawnscope") << QStringList();
    // Passes every check before the spawn, then execve fails in the child with
    // E2BIG (one argument over Linux's 128 KiB limit): only QProcess's
    // close-on-exec error pipe can report that.
    QTest::newRow("exec fails in the child") << helper() << QStringList{QString(200 * 1024, QLatin1Char('x'))};
}

void TestJobProcess::execFailureIsStillReported()
{
    QFETCH(QString, program);
    QFETCH(QStringList, args);
    const InheritableDescriptors extra;
    JobSpec spec;
    spec.stage.program = program;
    spec.stage.args = args;
    JobProcess *job = run(spec);
    QVERIFY(waitDone(job, 5000));
    QCOMPARE(job->outcome().state, State::FailedToStart);
    QVERIFY(!job->outcome().error.isEmpty());
    QCOMPARE(job->pid(), 0);
    QCOMPARE(job->outcome().exitCode, -1);
}

void TestJobProcess::lastLineHoldsAPartialLine_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("whileRunning");
    QTest::addColumn<QString>("whenDone");

    QTest::newRow("line, then a partial one") << "first\nsecond-partial" << "first" << "second-partial";
    QTest::newRow("only a partial line") << "working" << "" << "working";
    QTest::newRow("complete lines") << "a\nb\n" << "b" << "b";
    QTest::newRow("blank lines and CRLF") << "one\r\n\r\ntwo" << "one" << "two";
    QTest::newRow("colours") << "\x1b[32mok\x1b[0m\n\x1b[1mbuild\x1b[0m" << "ok" << "build";
    QTest::newRow("progress redraw") << "start\n10%\r20%\r30%" << "start" << "30%";
}

void TestJobProcess::lastLineHoldsAPartialLine()
{
    QFETCH(QString, text);
    QFETCH(QString, whileRunning);
    QFETCH(QString, whenDone);

    JobProcess *job = run(helperSpec({QStringLiteral("partial"), QStringLiteral("0.8"), text}));
    // The helper writes everything at once, then sleeps before exiting.
    QTRY_COMPARE_WITH_TIMEOUT(job->stdoutTail().totalBytes(), qint64(text.toUtf8().size()), 5000);
    QVERIFY(job->outcome().isActive());
    QCOMPARE(JobFormat::lastLine(job), whileRunning);
    QVERIFY(waitDone(job));
    QCOMPARE(job->outcome().state, State::Finished);
    QCOMPARE(JobFormat::lastLine(job), whenDone);
}

namespace {

JobSpec interactive(const QString &program, const QStringList &args = {}, bool terminal = false)
{
    JobSpec spec;
    spec.stage.program = program;
    spec.stage.args = args;
    spec.interactiveStdin = true;
    spec.pty = terminal;
    return spec;
}

// Whether the job's child has taken everything written to its stdin pipe and
// sleeps (in read(), for a filter like sort): nothing is left in QProcess's
// buffer or in the pipe.
bool waitsForInput(JobProcess *job)
{
    const auto *process = job->findChild<QProcess *>();
    if (!process || process->bytesToWrite() > 0 || job->pid() <= 0)
        return false;
    const int fd = ::open(qPrintable(QStringLiteral("/proc/%1/fd/0").arg(job->pid())), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return false;
    int unread = -1;
    const bool drained = ::ioctl(fd, FIONREAD, &unread) == 0 && unread == 0;
    ::close(fd);
    QFile stat(QStringLiteral("/proc/%1/stat").arg(job->pid()));
    if (!drained || !stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray line = stat.readAll();
    return line.mid(line.lastIndexOf(')') + 2, 1) == "S";
}

} // namespace

void TestJobProcess::interactiveStdinReachesCat()
{
    JobProcess *job = run(interactive(QStringLiteral("cat")));
    QTRY_VERIFY(job->acceptsInput());
    QVERIFY(job->writeInput("hello\n"));
    QTRY_COMPARE(job->stdoutTail().tail(), QByteArray("hello\n"));
    QVERIFY(job->outcome().isActive()); // stdin is still open
    QVERIFY(job->writeInput("again\n"));
    QTRY_COMPARE(job->stdoutTail().tail(), QByteArray("hello\nagain\n"));
    QCOMPARE(job->inputRecords().size(), 2);
    QCOMPARE(job->inputRecords().at(0).bytes, QByteArray("hello\n"));
    QCOMPARE(job->inputRecords().at(0).stdoutOffset, qint64(0));
    QCOMPARE(job->inputRecords().at(1).stdoutOffset, qint64(6));
    QVERIFY(job->inputRecords().at(1).atMs >= job->inputRecords().at(0).atMs);
    QCOMPARE(job->inputBytes(), qint64(12));
    job->closeInput();
    QVERIFY(!job->acceptsInput());
    QVERIFY(waitDone(job));
    QCOMPARE(job->outcome().state, State::Finished);
    QCOMPARE(job->outcome().exitCode, 0);
    QString reason;
    QVERIFY(!job->writeInput("late\n", &reason));
    QVERIFY2(reason.contains(QStringLiteral("not running")), qPrintable(reason));
}

void TestJobProcess::interactiveSortAnswersAfterEndOfInput()
{
    JobProcess *job = run(interactive(QStringLiteral("sort")));
    QTRY_VERIFY(job->acceptsInput());
    QVERIFY(job->writeInput("pear\napple\n"));
    // sort has read both lines and waits for more: had its stdin been closed, it would answer and exit instead.
    QTRY_VERIFY(waitsForInput(job));
    QCOMPARE(job->stdoutTail().totalBytes(), qint64(0)); // sort needs all its input first
    QVERIFY(job->outcome().isActive());
    job->closeInput();
    QString reason;
    QVERIFY(!job->writeInput("fig\n", &reason));
    QVERIFY2(reason.contains(QStringLiteral("closed")), qPrintable(reason));
    QVERIFY(waitDone(job));
    QCOMPARE(job->outcome().exitCode, 0);
    QCOMPARE(job->stdoutTail().tail(), QByteArray("apple\npear\n"));
}

void TestJobProcess::interactiveBc()
{
    if (QStandardPaths::findExecutable(QStringLiteral("bc")).isEmpty())
        QSKIP("bc is not installed");
    JobProcess *job = run(interactive(QStringLiteral("bc"), {QStringLiteral("-q")}));
    QTRY_VERIFY(job->acceptsInput());
    QVERIFY(job->writeInput("2+3\n"));
    QTRY_COMPARE(job->stdoutTail().tail(), QByteArray("5\n"));
    QVERIFY(job->writeInput("6*7\n"));
    QTRY_COMPARE(job->stdoutTail().tail(), QByteArray("5\n42\n"));
    job->closeInput();
    QVERIFY(waitDone(job));
    QCOMPARE(job->outcome().exitCode, 0);
}

void TestJobProcess::inputIsRefusedWhenStdinIsNotKeptOpen()
{
    JobSpec spec;
    spec.stage.program = QStringLiteral("sleep");
    spec.stage.args = {QStringLiteral("5")};
    JobProcess *job = run(spec);
    QTRY_COMPARE(job->outcome().state, State::Running);
    QVERIFY(!job->acceptsInput());
    QString reason;
    QVERIFY(!job->writeInput("x", &reason));
    QVERIFY2(reason.contains(QStringLiteral("keep stdin open")), qPrintable(reason));
    QVERIFY(job->inputRecords().isEmpty());
    job->kill();
    QVERIFY(waitDone(job));
}

void TestJobProcess::inputRecordsAreBounded()
{
    JobProcess *job = run(interactive(QStringLiteral("cat")));
    QTRY_VERIFY(job->acceptsInput());
    const int sent = int(JobProcess::MaxInputRecords) + 10;
    for (int i = 0; i < sent; ++i)
        QVERIFY(job->writeInput(QByteArray::number(i) + '\n'));
    QCOMPARE(job->inputRecords().size(), JobProcess::MaxInputRecords);
    QCOMPARE(job->inputRecords().last().bytes, QByteArray::number(sent - 1) + '\n');
    QCOMPARE(job->inputRecords().first().bytes, QByteArray("10\n"));
    job->closeInput();
    QVERIFY(waitDone(job));
    QCOMPARE(job->outcome().exitCode, 0);
}

void TestJobProcess::inputToAClosedStdinIsHarmless()
{
    // The child closes its end of the stdin pipe and lives on: writing then
    // raises SIGPIPE in the writer unless it is suppressed, which would kill
    // the app rather than the child.
    JobProcess *job = run(interactive(QStringLiteral("/bin/sh"), {QStringLiteral("-c"),
                                                                  QStringLiteral("exec 0<&-; echo closed; sleep 0.5")}));
    QTRY_COMPARE(job->stdoutTail().tail(), QByteArray("closed\n"));
    QVERIFY(job->writeInput(QByteArray(128 * 1024, 'x')));
    QVERIFY(waitDone(job));
    QCOMPARE(job->outcome().state, State::Finished);
    QCOMPARE(job->outcome().exitCode, 0);
}

void TestJobProcess::terminalChildSeesATerminal()
{
    JobSpec spec;
    spec.stage.program = QStringLiteral("/bin/sh");
    spec.stage.args = {QStringLiteral("-c"),
                       QStringLiteral("test -t 0 && test -t 1 && test -t 2 && echo tty; stty size; echo oops >&2")};
    spec.pty = true;
    JobProcess *job = run(spec);
    QVERIFY(waitDone(job));
    QCOMPARE(job->outcome().state, State::Finished);
    QCOMPARE(job->outcome().exitCode, 0);
    QVERIFY(job->usesTerminal());
    // A terminal ends lines with CRLF (onlcr) and has one output stream.
    QCOMPARE(job->stdoutTail().tail(), QByteArray("tty\r\n40 120\r\noops\r\n"));
    QCOMPARE(job->stderrTail().totalBytes(), qint64(0));
    QCOMPARE(JobFormat::lastLine(job), QStringLiteral("oops"));
}

void TestJobProcess::terminalChildLeadsItsSessionAndGroup()
{
    JobSpec spec;
    spec.stage.program = QStringLiteral("sleep");
    spec.stage.args = {QStringLiteral("10")};
    spec.pty = true;
    JobProcess *job = run(spec);
    QTRY_COMPARE(job->outcome().state, State::Running);
    QFile stat(QStringLiteral("/proc/%1/stat").arg(job->pid()));
    QVERIFY(stat.open(QIODevice::ReadOnly));
    // pid (comm) state ppid pgrp session tty_nr ...
    const QList<QByteArray> fields = stat.readAll().split(')').last().trimmed().split(' ');
    QCOMPARE(fields.at(2).toLongLong(), job->pid()); // process group
    QCOMPARE(fields.at(3).toLongLong(), job->pid()); // session
    QVERIFY(fields.at(4).toInt() != 0);               // a controlling terminal
    job->stop();
    QVERIFY(waitDone(job));
    QCOMPARE(job->outcome().signal, int(SIGTERM));
}

void TestJobProcess::terminalTimeoutSendsTerm()
{
    JobSpec spec;
    spec.stage.program = QStringLiteral("sleep");
    spec.stage.args = {QStringLiteral("30")};
    spec.pty = true;
    spec.timeoutSec = 0.2;
    JobProcess *job = run(spec);
    QVERIFY(waitDone(job));
    QCOMPARE(job->outcome().state, State::TimedOut);
    QCOMPARE(job->outcome().signal, int(SIGTERM));
    QCOMPARE(job->killSentMs(), -1.0);
    QVERIFY2(job->elapsedMs() < 2000, qPrintable(QString::number(job->elapsedMs())));
}

void TestJobProcess::terminalTimeoutEscalatesToKill()
{
    JobSpec spec = helperSpec({QStringLiteral("ignore-term")});
    spec.pty = true;
    spec.timeoutSec = 0.2;
    spec.graceSec = 0.3;
    JobProcess *job = run(spec);
    QVERIFY(waitDone(job));
    QCOMPARE(job->outcome().state, State::TimedOut);
    QCOMPARE(job->outcome().signal, int(SIGKILL));
    const double gap = job->killSentMs() - job->termSentMs();
    QVERIFY2(gap >= 295 && gap < 1500, qPrintable(QString::number(gap)));
    QCOMPARE(job->stdoutTail().tail(), QByteArray("ready\r\n"));
}

void TestJobProcess::terminalChildInheritsOnlyStdio()
{
    const InheritableDescriptors extra;
    JobSpec spec = helperSpec({QStringLiteral("list-fds")});
    spec.pty = true;
    JobProcess *job = run(spec);
    QVERIFY(waitDone(job));
    QCOMPARE(job->outcome().exitCode, 0);
    QCOMPARE(job->stdoutTail().tail(), QByteArray("0\r\n1\r\n2\r\n"));
    for (int fd : extra.fds())
        QCOMPARE(::fcntl(fd, F_GETFD) & FD_CLOEXEC, 0);
}

void TestJobProcess::terminalInteractiveInputAndEof()
{
    JobProcess *job = run(interactive(QStringLiteral("cat"), {}, true));
    QTRY_VERIFY(job->acceptsInput());
    QVERIFY(job->writeInput("hello\n"));
    // The terminal echoes what is typed, then cat writes it back.
    QTRY_COMPARE(job->stdoutTail().tail(), QByteArray("hello\r\nhello\r\n"));
    job->closeInput(); // ^D at the start of a line: end of input for cat
    QVERIFY(waitDone(job));
    QCOMPARE(job->outcome().state, State::Finished);
    QCOMPARE(job->outcome().exitCode, 0);
}

void TestJobProcess::terminalFeedsPresetStdin()
{
    JobSpec spec;
    spec.stage.program = QStringLiteral("wc");
    spec.stage.args = {QStringLiteral("-l")};
    spec.pty = true;
    spec.feedStdin = true;
    spec.stdinData = "a\nb\nc";
    JobProcess *job = run(spec);
    QVERIFY(waitDone(job));
    QCOMPARE(job->outcome().exitCode, 0);
    QVERIFY2(job->stdoutTail().tail().endsWith("3\r\n"), job->stdoutTail().tail().constData());
}

void TestJobProcess::pythonBuffersInAPipeButNotInATerminal()
{
    // The lesson of the buffering presets: print(1) reaches a pipe only when
    // Python exits, a terminal at once.
    if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
        QSKIP("python3 is not installed");
    for (const bool terminal : {false, true}) {
        JobSpec spec;
        spec.stage.program = QStringLiteral("python3");
        spec.stage.args = {QStringLiteral("-c"), QStringLiteral("import time; print(1); time.sleep(1); print(2)")};
        spec.stage.env = {EnvVar{QStringLiteral("PYTHONUNBUFFERED"), QString(), false}}; // set in some shells
        spec.pty = terminal;
        JobProcess *job = run(spec);
        QVERIFY(waitDone(job));
        QCOMPARE(job->outcome().exitCode, 0);
        QVERIFY(job->firstStdoutMs() > 0);
        const double beforeEnd = job->finishedMs() - job->firstStdoutMs();
        const QString times = QStringLiteral("terminal %1: first output %2 ms before the end")
                                  .arg(terminal).arg(beforeEnd);
        if (terminal) {
            QVERIFY2(beforeEnd >= 800, qPrintable(times));
            QCOMPARE(job->stdoutTail().tail(), QByteArray("1\r\n2\r\n"));
        } else {
            QVERIFY2(beforeEnd < 500, qPrintable(times));
            QCOMPARE(job->stdoutTail().tail(), QByteArray("1\n2\n"));
        }
    }
}

QTEST_GUILESS_MAIN(TestJobProcess)
#include "tst_jobprocess.moc"
