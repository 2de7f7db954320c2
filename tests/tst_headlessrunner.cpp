// The headless runner, driven as a user drives it: the spawnscope binary with
// arguments, its exit code, its report.
#include "chrometrace.h"
#include "chrometracestream.h"
#include "jobengine.h"
#include "joblog.h"
#include "joblogstream.h"
#include "jobrun.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <csignal>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace TestSupport;

namespace {

struct Result
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject report;
};

Result runSpawnscope(const QStringList &args, int timeoutMs = 60000)
{
    QProcess process;
    process.start(QStringLiteral(SPAWNSCOPE_PATH), args);
    Result result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    result.report = QJsonDocument::fromJson(result.out).object();
    return result;
}

QJsonObject onlyRun(const Result &result)
{
    const QJsonArray runs = result.report.value(QStringLiteral("runs")).toArray();
    return runs.size() == 1 ? runs.first().toObject() : QJsonObject();
}

QList<QJsonObject> jobsOf(const QJsonObject &run)
{
    QList<QJsonObject> jobs;
    for (const QJsonValue &job : run.value(QStringLiteral("jobs")).toArray())
        jobs << job.toObject();
    return jobs;
}

// A 'fork' job's descendants in the report: the ones the helper forked, by
// the pids it printed, in forked; any other in others. Under ASan there was
// one in CI: LeakSanitizer's check at exit runs in a short-lived clone (the
// helper now turns the check off).
void splitForked(const QJsonObject &job, QList<QJsonObject> &forked, QList<QJsonObject> &others)
{
    QSet<qint64> printed;
    for (const QString &line : job.value(QStringLiteral("stdoutText")).toString().split('\n', Qt::SkipEmptyParts))
        printed.insert(line.toLongLong());
    for (const QJsonValue &value : job.value(QStringLiteral("descendants")).toArray()) {
        const QJsonObject child = value.toObject();
        (printed.contains(child.value(QStringLiteral("pid")).toInteger()) ? forked : others) << child;
    }
}

// Live (non-zombie) processes whose parent is pid.
QList<qint64> childrenOf(qint64 pid)
{
    QList<qint64> children;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool isPid = false;
        const qint64 candidate = entry.toLongLong(&isPid);
        if (!isPid)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(entry));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields.at(0) != "Z" && fields.at(1).toLongLong() == pid)
            children << candidate;
    }
    return children;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(cannot read)");
}

// Whether pid ignores SIGTERM: bit SIGTERM - 1 of the SigIgn mask in /proc/PID/status.
bool ignoresTerm(qint64 pid)
{
    for (const QByteArray &line : readAll(QStringLiteral("/proc/%1/status").arg(pid)).split('\n')) {
        if (line.startsWith("SigIgn:"))
            return (line.mid(7).trimmed().toULongLong(nullptr, 16) >> (SIGTERM - 1)) & 1;
    }
    return false;
}

// The high-water mark of a process's resident memory, in KiB; 0 once it is gone.
qint64 peakRssKb(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return 0;
}

// Runs spawnscope and watches its peak RSS until it exits (the last reading
// before the exit: VmHWM only grows).
qint64 runWatchingMemory(const QStringList &args, int *exitCode)
{
    QProcess process;
    process.setStandardOutputFile(QProcess::nullDevice()); // nothing held in this process
    process.start(QStringLiteral(SPAWNSCOPE_PATH), args);
    if (!process.waitForStarted())
        return -1;
    qint64 peak = 0;
    while (!process.waitForFinished(20))
        peak = std::max(peak, peakRssKb(process.processId()));
    *exitCode = process.exitCode();
    return peak;
}

} // namespace

class TestHeadlessRunner : public QObject
{
    Q_OBJECT

private slots:
    void burnCpuInReport();
    void allocPeakInReport();
    void forkDescendantsInReport();
    void sampleIntervalReachesTheSampler();
    void listPresets();
    void headlessWorkNeverLoadsTheWidgets();
    void everyJobHasTheReportFields();
    void helloChild();
    void pollSleep();
    void fanoutSleep();
    void opensslEncrypt();
    void chainMd5();
    void chainWhirlpool();
    void timeoutKill();
    void severalPresetsInOrder();
    void adHocCommand();
    void adHocCommandSplitsLikeAShell();
    void adHocCommandWithTimeoutAndStdin();
    void ptyCommandSeesATerminal();
    void bufferingPresetsShowTheLesson();
    void childFailuresStillExitZero();
    void reportToFile();
    void badArguments_data();
    void badArguments();
    void userPresetsFile();
    void terminatingTheAppStopsItsChildren();
    void joblogAndTrace();
    void joblogAsJson();
    void labFactorizeReport();
    void labBlockingIoReport();
    void labRefusesBadInput_data();
    void labRefusesBadInput();
    void killingTheAppTakesItsChildren();
    void reportOutputCutsTheTextWithExactCounts();
    void binaryOutputKeepsTheReportSmall();
    void outputDirHoldsEveryByte();
    void streamedReportKeepsMemoryFlat();
    void streamedJoblogAndTraceKeepMemoryFlat();
    void streamedJoblogAndTraceMatchTheWholeExports();
    void interruptingAHugeRunReportsEveryCopy();
    void aFifoWithoutAReaderGivesWayToSignals_data();
    void aFifoWithoutAReaderGivesWayToSignals();
    void aFifoReportReachesItsReader();
    void aFifoReaderThatStopsReadingGivesWayToSignals();
};

void TestHeadlessRunner::listPresets()
{
    const Result result = runSpawnscope({QStringLiteral("--list-presets")});
    QCOMPARE(result.exitCode, 0);
    const QStringList lines = QString::fromUtf8(result.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QStringList ids;
    for (const QString &line : lines) {
        QCOMPARE(line.count(QLatin1Char('\t')), 1);
        ids << line.section(QLatin1Char('\t'), 0, 0);
    }
    QCOMPARE(ids, (QStringList{"hello-child", "poll-sleep", "fanout-sleep", "python-fanout-watched", "openssl-encrypt", "chain-md5",
                               "chain-whirlpool", "timeout-kill", "buffering-pipe", "buffering-pty"}));
}

// spawnscope links Qt Core only and hands nothing but the window to
// spawnscope-window: the process that runs a headless job (its parent, read
// by the job from /proc) has no Qt Gui or Widgets mapped.
void TestHeadlessRunner::headlessWorkNeverLoadsTheWidgets()
{
    const QString script = QStringLiteral("cat /proc/$PPID/maps; readlink /proc/$PPID/exe");
    const Result result = runSpawnscope({"--headless", "--shell", "--command", script, "--report", "-"});
    QCOMPARE(result.exitCode, 0);
    const QList<QJsonObject> jobs = jobsOf(onlyRun(result));
    QCOMPARE(jobs.size(), 1);
    const QString seen = jobs.first().value(QStringLiteral("stdoutText")).toString();
    QVERIFY2(seen.contains(QLatin1String("libQt6Core")), qPrintable(seen.left(2000)));
    QVERIFY2(!seen.contains(QLatin1String("libQt6Gui")), qPrintable(seen.left(2000)));
    QVERIFY2(!seen.contains(QLatin1String("libQt6Widgets")), qPrintable(seen.left(2000)));
    QVERIFY2(seen.trimmed().endsWith(QLatin1String("/spawnscope")), qPrintable(seen.right(200)));
}

void TestHeadlessRunner::everyJobHasTheReportFields()
{
    const Result result = runSpawnscope({"--headless", "--preset", "hello-child", "--preset", "timeout-kill", "--report", "-"});
    QCOMPARE(result.exitCode, 0);
    const QJsonArray runs = result.report.value(QStringLiteral("runs")).toArray();
    QCOMPARE(runs.size(), 2);
    for (const QJsonValue &run : runs) {
        for (const char *key : {"preset", "wallMs", "sumMs", "jobs"})
            QVERIFY2(run.toObject().contains(QLatin1String(key)), key);
        for (const QJsonObject &job : jobsOf(run.toObject())) {
            for (const char *key : {"group", "stage", "program", "args", "pid", "state", "exitCode", "signal",
                                    "signalName", "startedMs", "finishedMs", "durationMs", "polls", "stdoutBytes",
                                    "firstStdoutMs", "terminal", "inputBytes", "stderrBytes", "stdoutTailHex", "stdoutText", "stderrText"}) {
                QVERIFY2(job.contains(QLatin1String(key)), key);
            }
        }
    }
}

void TestHeadlessRunner::helloChild()
{
    const QJsonObject run = onlyRun(runSpawnscope({"--headless", "--preset", "hello-child", "--report", "-"}));
    QCOMPARE(run.value("preset").toString(), QStringLiteral("hello-child"));
    const QList<QJsonObject> jobs = jobsOf(run);
    QCOMPARE(jobs.size(), 1);
    QCOMPARE(jobs[0].value("program").toString(), QStringLiteral("echo"));
    QCOMPARE(jobs[0].value("stdoutText").toString(), QStringLiteral("Hello from the child!\n"));
    QCOMPARE(jobs[0].value("stdoutBytes").toInt(), 22);
    QCOMPARE(jobs[0].value("exitCode").toInt(-1), 0);
    QVERIFY(jobs[0].value("signal").isNull());
    QVERIFY(jobs[0].value("signalName").isNull());
    QVERIFY(jobs[0].value("pid").toInt() > 0);
    QCOMPARE(jobs[0].value("state").toString(), QStringLiteral("finished"));
}

void TestHeadlessRunner::pollSleep()
{
    const QList<QJsonObject> jobs = jobsOf(onlyRun(runSpawnscope({"--headless", "--preset", "poll-sleep", "--report", "-"})));
    QCOMPARE(jobs.size(), 1);
    QCOMPARE(jobs[0].value("polls").toInt(), 2); // the seed's two "Working..."
    QCOMPARE(jobs[0].value("exitCode").toInt(-1), 0);
    QVERIFY(jobs[0].value("durationMs").toDouble() >= 290);
}

void TestHeadlessRunner::fanoutSleep()
{
    const QJsonObject run = onlyRun(runSpawnscope({"--headless", "--preset", "fanout-sleep", "--report", "-"}));
    const QList<QJsonObject> jobs = jobsOf(run);
    QCOMPARE(jobs.size(), 10);
    QSet<int> groups;
    for (const QJsonObject &job : jobs) {
        QCOMPARE(job.value("exitCode").toInt(-1), 0);
        QCOMPARE(job.value("stage").toInt(), 0);
        groups.insert(job.value("group").toInt());
    }
    QCOMPARE(groups.size(), 10);
    const double wall = run.value("wallMs").toDouble();
    const double sum = run.value("sumMs").toDouble();
    QVERIFY2(sum >= 990, qPrintable(QString::number(sum)));
    // About 0.1 s against 1 s: they ran at the same time.
    QVERIFY2(wall >= 99 && wall < 500, qPrintable(QString::number(wall)));
}

void TestHeadlessRunner::opensslEncrypt()
{
    const QList<QJsonObject> jobs = jobsOf(onlyRun(runSpawnscope({"--headless", "--preset", "openssl-encrypt", "--report", "-"})));
    QCOMPARE(jobs.size(), 3);
    QSet<QString> tails;
    for (const QJsonObject &job : jobs) {
        QCOMPARE(job.value("exitCode").toInt(-1), 0);
        // "Salted__" + 8 bytes of salt + 10 bytes padded to one 16-byte block.
        QCOMPARE(job.value("stdoutBytes").toInt(), 32);
        QVERIFY(job.value("stdoutTailHex").toString().startsWith(QByteArray("Salted__").toHex()));
        QVERIFY(job.value("stderrText").toString().contains(QStringLiteral("deprecated key derivation")));
        tails.insert(job.value("stdoutTailHex").toString());
    }
    QCOMPARE(tails.size(), 3); // fresh random input for each child
}

void TestHeadlessRunner::chainMd5()
{
    const QList<QJsonObject> jobs = jobsOf(onlyRun(runSpawnscope({"--headless", "--preset", "chain-md5", "--report", "-"})));
    QCOMPARE(jobs.size(), 6);
    static const QRegularExpression digest(QStringLiteral("^[0-9a-f]{32}  -\\n$"));
    for (const QJsonObject &job : jobs) {
        QCOMPARE(job.value("exitCode").toInt(-1), 0);
        if (job.value("stage").toInt() == 0) {
            QCOMPARE(job.value("program").toString(), QStringLiteral("openssl"));
            QVERIFY(job.value("stdoutPiped").toBool());
        } else {
            QCOMPARE(job.value("program").toString(), QStringLiteral("md5sum"));
            QVERIFY2(digest.match(job.value("stdoutText").toString()).hasMatch(),
                     qPrintable(job.value("stdoutText").toString()));
        }
    }
}

void TestHeadlessRunner::chainWhirlpool()
{
    const QList<QJsonObject> jobs = jobsOf(onlyRun(runSpawnscope({"--headless", "--preset", "chain-whirlpool", "--report", "-"})));
    QCOMPARE(jobs.size(), 6);
    for (const QJsonObject &job : jobs) {
        QVERIFY2(job.value("exitCode").toInt(-1) == 0, qPrintable(job.value("stderrText").toString()));
        if (job.value("stage").toInt() == 1) {
            QCOMPARE(job.value("stdoutBytes").toInt(), 64); // a 512-bit whirlpool digest
            QCOMPARE(job.value("stdoutTailHex").toString().size(), 128);
        }
    }
}

void TestHeadlessRunner::timeoutKill()
{
    const QList<QJsonObject> jobs = jobsOf(onlyRun(runSpawnscope({"--headless", "--preset", "timeout-kill", "--report", "-"})));
    QCOMPARE(jobs.size(), 1);
    QCOMPARE(jobs[0].value("state").toString(), QStringLiteral("timedOut"));
    QCOMPARE(jobs[0].value("signal").toInt(), 15);
    QCOMPARE(jobs[0].value("signalName").toString(), QStringLiteral("SIGTERM"));
    QVERIFY(jobs[0].value("exitCode").isNull());
    const double duration = jobs[0].value("durationMs").toDouble();
    QVERIFY2(duration >= 99 && duration < 600, qPrintable(QString::number(duration)));
}

void TestHeadlessRunner::severalPresetsInOrder()
{
    const Result result = runSpawnscope({"--headless", "--preset", "timeout-kill", "--preset", "hello-child", "--report", "-"});
    QCOMPARE(result.exitCode, 0);
    const QJsonArray runs = result.report.value("runs").toArray();
    QCOMPARE(runs.size(), 2);
    QCOMPARE(runs[0].toObject().value("preset").toString(), QStringLiteral("timeout-kill"));
    QCOMPARE(runs[1].toObject().value("preset").toString(), QStringLiteral("hello-child"));
}

void TestHeadlessRunner::adHocCommand()
{
    const Result result = runSpawnscope({"--headless", "--command", helper() + " stderr \"two words\" 7", "--repeat", "3", "--report", "-"});
    QCOMPARE(result.exitCode, 0);
    const QList<QJsonObject> jobs = jobsOf(onlyRun(result));
    QCOMPARE(jobs.size(), 3);
    for (const QJsonObject &job : jobs) {
        QCOMPARE(job.value("exitCode").toInt(), 7);
        QCOMPARE(job.value("args").toArray().at(1).toString(), QStringLiteral("two words")); // quotes split, no shell
        QCOMPARE(job.value("stderrText").toString(), QStringLiteral("two words\n"));
    }
}

void TestHeadlessRunner::adHocCommandSplitsLikeAShell()
{
    // Typed as in a tutorial: single quotes group, as in sh and shlex.split.
    const Result result = runSpawnscope({"--headless", "--command", "sh -c 'echo hi; exit 3'", "--report", "-"});
    QCOMPARE(result.exitCode, 0);
    const QJsonObject job = jobsOf(onlyRun(result)).first();
    QCOMPARE(job.value("exitCode").toInt(), 3);
    QCOMPARE(job.value("stdoutText").toString(), QStringLiteral("hi\n"));
}

void TestHeadlessRunner::adHocCommandWithTimeoutAndStdin()
{
    QTemporaryDir dir;
    QFile input(dir.filePath("in.bin"));
    QVERIFY(input.open(QIODevice::WriteOnly));
    input.write(QByteArray(1000, 'x'));
    input.close();
    Result result = runSpawnscope({"--headless", "--command", helper() + " count-stdin", "--stdin-file", input.fileName(), "--report", "-"});
    QCOMPARE(jobsOf(onlyRun(result)).first().value("stdoutText").toString(), QStringLiteral("1000 eof\n"));

    result = runSpawnscope({"--headless", "--command", helper() + " ignore-term", "--timeout", "0.1", "--grace", "0.2", "--report", "-"});
    const QJsonObject job = jobsOf(onlyRun(result)).first();
    QCOMPARE(job.value("state").toString(), QStringLiteral("timedOut"));
    QCOMPARE(job.value("signalName").toString(), QStringLiteral("SIGKILL"));
}

void TestHeadlessRunner::ptyCommandSeesATerminal()
{
    Result result = runSpawnscope({"--headless", "--command", "sh -c 'test -t 0 && test -t 1 && echo tty; echo err >&2'",
                                   "--pty", "--report", "-"});
    QCOMPARE(result.exitCode, 0);
    QJsonObject job = jobsOf(onlyRun(result)).first();
    QCOMPARE(job.value("terminal").toBool(), true);
    QCOMPARE(job.value("stdoutText").toString(), QStringLiteral("tty\r\nerr\r\n")); // stderr merged
    QCOMPARE(job.value("stderrBytes").toInt(), 0);

    // Without --pty the same command sees pipes (and /dev/null as stdin).
    result = runSpawnscope({"--headless", "--command", "sh -c 'test -t 1 || echo pipe'", "--report", "-"});
    job = jobsOf(onlyRun(result)).first();
    QCOMPARE(job.value("terminal").toBool(), false);
    QCOMPARE(job.value("stdoutText").toString(), QStringLiteral("pipe\n"));
}

void TestHeadlessRunner::bufferingPresetsShowTheLesson()
{
    // buffering-pty runs the same Python twice at once: print(1), sleep 2 s,
    // print(2), the first copy through a pipe, the second in a terminal.
    // Through the pipe both lines arrive at the exit; in the terminal the
    // first arrives about 2 s before it. buffering-pipe is the pipe half alone.
    if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
        QSKIP("python3 is not installed");
    const Result result = runSpawnscope({"--headless", "--preset", "buffering-pty", "--preset", "buffering-pipe",
                                         "--report", "-"});
    QCOMPARE(result.exitCode, 0);
    const QJsonArray runs = result.report.value(QStringLiteral("runs")).toArray();
    QCOMPARE(runs.size(), 2);
    const QList<QJsonObject> sideBySide = jobsOf(runs.at(0).toObject());
    QCOMPARE(sideBySide.size(), 2);
    const QJsonObject pipe = sideBySide.at(0);
    const QJsonObject terminal = sideBySide.at(1);
    const QJsonObject pipeAlone = jobsOf(runs.at(1).toObject()).first();
    QCOMPARE(pipe.value("terminal").toBool(), false);
    QCOMPARE(terminal.value("terminal").toBool(), true);
    // Side by side: they ran at the same time, not one after the other.
    QVERIFY(std::abs(pipe.value("startedMs").toDouble() - terminal.value("startedMs").toDouble()) < 1000);
    for (const QJsonObject &job : {pipe, terminal, pipeAlone})
        QCOMPARE(job.value("exitCode").toInt(), 0);
    QCOMPARE(pipe.value("stdoutText").toString(), QStringLiteral("1\n2\n"));
    QCOMPARE(pipeAlone.value("stdoutText").toString(), QStringLiteral("1\n2\n"));
    QCOMPARE(terminal.value("stdoutText").toString(), QStringLiteral("1\r\n2\r\n"));
    const auto lead = [](const QJsonObject &job) {
        return job.value("finishedMs").toDouble() - job.value("firstStdoutMs").toDouble();
    };
    QVERIFY2(lead(pipe) < 500, qPrintable(QString::number(lead(pipe))));
    QVERIFY2(lead(pipeAlone) < 500, qPrintable(QString::number(lead(pipeAlone))));
    QVERIFY2(lead(terminal) > 1500, qPrintable(QString::number(lead(terminal))));
}

void TestHeadlessRunner::childFailuresStillExitZero()
{
    // The runner carried out and reported the run: that is success for it.
    Result result = runSpawnscope({"--headless", "--command", "no-such-program-spawnscope", "--report", "-"});
    QCOMPARE(result.exitCode, 0);
    QJsonObject job = jobsOf(onlyRun(result)).first();
    QCOMPARE(job.value("state").toString(), QStringLiteral("failedToStart"));
    QVERIFY(job.value("error").toString().contains(QStringLiteral("not found on PATH")));
    QVERIFY(job.value("exitCode").isNull());
    QVERIFY(job.value("pid").isNull());

    result = runSpawnscope({"--headless", "--command", "sh -c \"exit 3\"", "--report", "-"});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(jobsOf(onlyRun(result)).first().value("exitCode").toInt(), 3);
}

void TestHeadlessRunner::reportToFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("report.json");
    const Result result = runSpawnscope({"--headless", "--preset", "hello-child", "--report", path});
    QCOMPARE(result.exitCode, 0);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject report = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(report.value("runs").toArray().size(), 1);

    // A special file is written in place, never replaced (QSaveFile would
    // rename a regular file over it: as root, over /dev/null).
    const QString fifo = dir.filePath("report.fifo");
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    QProcess reader;
    reader.start(QStringLiteral("cat"), {fifo});
    QVERIFY(reader.waitForStarted());
    const Result toFifo = runSpawnscope({"--headless", "--preset", "hello-child", "--report", fifo});
    QCOMPARE(toFifo.exitCode, 0);
    QVERIFY(reader.waitForFinished(5000));
    QVERIFY(reader.readAllStandardOutput().contains("\"hello-child\""));
    QVERIFY(QFileInfo(fifo).exists() && !QFileInfo(fifo).isFile());

    // An unwritable place gets a one-line error and exit 2.
    const Result nowhere = runSpawnscope({"--headless", "--preset", "hello-child", "--report", "/nonexistent/dir/r.json"});
    QCOMPARE(nowhere.exitCode, 2);
    QVERIFY(nowhere.err.contains("/nonexistent/dir/r.json"));

    // Without --report: a readable summary instead of JSON.
    const Result summary = runSpawnscope({"--headless", "--preset", "hello-child"});
    QCOMPARE(summary.exitCode, 0);
    QVERIFY(summary.out.contains("Hello from the child!"));
    QVERIFY(summary.out.contains("[hello-child]"));
}

void TestHeadlessRunner::badArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown preset") << QStringList{"--headless", "--preset", "nope"} << "unknown preset \"nope\"";
    QTest::newRow("nothing to run") << QStringList{"--headless"} << "--headless needs --preset";
    QTest::newRow("bad repeat") << QStringList{"--headless", "--command", "true", "--repeat", "0"} << "--repeat";
    QTest::newRow("bad timeout") << QStringList{"--headless", "--command", "true", "--timeout", "soon"} << "--timeout";
    QTest::newRow("unknown option") << QStringList{"--headless", "--frobnicate"} << "frobnicate";
    QTest::newRow("missing presets file") << QStringList{"--headless", "--preset", "hello-child", "--presets-file", "/nonexistent/p.json"} << "/nonexistent/p.json";
    QTest::newRow("sample interval too short") << QStringList{"--headless", "--command", "true", "--sample-interval", "50"} << "--sample-interval must be from 100 to 5000 ms";
    QTest::newRow("sample interval too long") << QStringList{"--headless", "--command", "true", "--sample-interval", "5001"} << "--sample-interval must be from 100 to 5000 ms";
    QTest::newRow("sample interval not a number") << QStringList{"--headless", "--command", "true", "--sample-interval", "fast"} << "--sample-interval must be from 100 to 5000 ms";
    QTest::newRow("unclosed quote") << QStringList{"--headless", "--command", "sh -c 'exit 3"} << "single quote at character 7";
    QTest::newRow("pty without command") << QStringList{"--headless", "--preset", "hello-child", "--pty"} << "--pty";
    QTest::newRow("output budget zero") << QStringList{"--headless", "--command", "true", "--output-budget", "0"} << "--output-budget takes a size of at least";
    QTest::newRow("unwritable output dir") << QStringList{"--headless", "--command", "true", "--output-dir", "/proc/spawnscope-nope"} << "--output-dir /proc/spawnscope-nope: cannot create that directory";
    QTest::newRow("output dir on a file") << QStringList{"--headless", "--command", "true", "--output-dir", "/dev/null"} << "--output-dir /dev/null";
    QTest::newRow("repeat past a million") << QStringList{"--headless", "--command", "true", "--repeat", "1000001"} << "--repeat takes a whole number from 1 to 1000000";
    QTest::newRow("missing stdin file") << QStringList{"--headless", "--command", "cat", "--stdin-file", "/nonexistent/in"} << "/nonexistent/in";
}

void TestHeadlessRunner::badArguments()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Result result = runSpawnscope(args);
    QCOMPARE(result.exitCode, 2);
    const QString err = QString::fromUtf8(result.err).trimmed();
    QVERIFY2(err.contains(message), qPrintable(err));
    QVERIFY2(!err.contains(QLatin1Char('\n')), qPrintable(err)); // one line
    QVERIFY(result.out.isEmpty());
}

void TestHeadlessRunner::userPresetsFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("mine.json");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"version": 1, "presets": [{"id": "mine", "title": "Mine", "copies": 2,
                  "stages": [{"program": "echo", "args": ["from a file"]}], "futureField": true}]})");
    file.close();
    Result result = runSpawnscope({"--list-presets", "--presets-file", path});
    QVERIFY(result.out.contains("mine\tMine\n"));
    result = runSpawnscope({"--headless", "--presets-file", path, "--preset", "mine", "--report", "-"});
    QCOMPARE(result.exitCode, 0);
    const QList<QJsonObject> jobs = jobsOf(onlyRun(result));
    QCOMPARE(jobs.size(), 2);
    QCOMPARE(jobs[1].value("stdoutText").toString(), QStringLiteral("from a file\n"));

    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(R"({"version": 1, "presets": [{"id": "broken", "stages": [{"args": ["x"]}]}]})");
    file.close();
    result = runSpawnscope({"--headless", "--presets-file", path, "--preset", "hello-child"});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains("broken") && result.err.contains("program"), result.err.constData());
}

void TestHeadlessRunner::terminatingTheAppStopsItsChildren()
{
    QProcess app;
    app.start(QStringLiteral(SPAWNSCOPE_PATH), {"--headless", "--command", helper() + " ignore-term", "--repeat", "3",
                                                "--grace", "0.3", "--report", "-"});
    QVERIFY(app.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(childrenOf(app.processId()).size(), 3, 5000);
    const QList<qint64> children = childrenOf(app.processId());
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(children.cbegin(), children.cend(), ignoresTerm), 5000);
    ::kill(pid_t(app.processId()), SIGTERM);
    QVERIFY(app.waitForFinished(5000));
    QCOMPARE(app.exitCode(), 128 + SIGTERM);
    for (qint64 child : children)
        QVERIFY(!processAlive(child));
    // What was interrupted is still reported.
    const QJsonObject report = QJsonDocument::fromJson(app.readAllStandardOutput()).object();
    const QJsonArray runs = report.value("runs").toArray();
    QCOMPARE(runs.size(), 1);
    for (const QJsonValue &job : runs.first().toObject().value("jobs").toArray())
        QCOMPARE(job.toObject().value("signalName").toString(), QStringLiteral("SIGKILL"));
}

void TestHeadlessRunner::killingTheAppTakesItsChildren()
{
    QProcess app;
    app.start(QStringLiteral(SPAWNSCOPE_PATH), {"--headless", "--command", helper() + " sleep 30", "--repeat", "2"});
    QVERIFY(app.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(childrenOf(app.processId()).size(), 2, 5000);
    const QList<qint64> children = childrenOf(app.processId());
    app.kill(); // SIGKILL: no chance to clean up, so the kernel must do it
    QVERIFY(app.waitForFinished(5000));
    for (qint64 child : children)
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(child), 3000);
}

void TestHeadlessRunner::labFactorizeReport()
{
    const Result result = runSpawnscope({"--headless", "--factorize", "12,2139079", "--mode", "all", "--report", "-"});
    QCOMPARE(result.exitCode, 0);
    const QJsonArray modes = result.report.value("modes").toArray();
    QCOMPARE(modes.size(), 4);
    QStringList names;
    for (const QJsonValue &mode : modes) {
        const QJsonObject m = mode.toObject();
        names << m.value("mode").toString();
        QVERIFY(m.value("wallMs").toDouble() > 0);
        QVERIFY(m.contains("cpuMs"));
        QVERIFY(m.value("speedup").toDouble() > 0);
        const QJsonArray results = m.value("results").toArray();
        QCOMPARE(results.size(), 2);
        QCOMPARE(results.at(0).toObject().value("number").toInteger(), 12);
        QCOMPARE(results.at(0).toObject().value("divisors").toArray(), (QJsonArray{1, 2, 3, 4, 6, 12}));
        QCOMPARE(results.at(1).toObject().value("divisors").toArray(), (QJsonArray{1, 101, 21179, 2139079}));
        // What others used of the machine meanwhile (null when the run was too short to tell).
        const QJsonObject load = m.value("machineLoad").toObject();
        const int cores = load.value("cores").toInt();
        QVERIFY(cores > 0);
        const bool parallel = names.last() == "threads" || names.last() == "processes";
        QCOMPARE(load.value("coresNeeded").toDouble(), parallel ? std::min(2, cores) : 1.0);
        QVERIFY(load.contains("coresUsedByOthers"));
        QVERIFY(load.value("busy").isBool());
    }
    QCOMPARE(names, (QStringList{"serial", "threads", "gil", "processes"}));
    QCOMPARE(modes.at(0).toObject().value("speedup").toDouble(), 1.0);
}

void TestHeadlessRunner::labBlockingIoReport()
{
    const Result result = runSpawnscope({"--headless", "--blocking-io", "3", "--seconds", "0.05", "--report", "-"});
    QCOMPARE(result.exitCode, 0);
    const QJsonArray modes = result.report.value("modes").toArray();
    QCOMPARE(modes.size(), 3);
    for (const QJsonValue &mode : modes)
        QVERIFY(!mode.toObject().contains("results"));
    QVERIFY(modes.at(0).toObject().value("wallMs").toDouble() >= 145);
    // Threads overlap the three 50 ms waits: well under the serial run's time, whatever the machine's load.
    QVERIFY(modes.at(1).toObject().value("wallMs").toDouble() < 0.8 * modes.at(0).toObject().value("wallMs").toDouble());
}

void TestHeadlessRunner::labRefusesBadInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("zero") << QStringList{"--headless", "--factorize", "12,0"} << "\"0\" is zero";
    QTest::newRow("negative") << QStringList{"--headless", "--factorize", "-5"} << "\"-5\" is negative";
    QTest::newRow("word") << QStringList{"--headless", "--factorize", "12,abc"} << "\"abc\" is not a whole number";
    QTest::newRow("overflow") << QStringList{"--headless", "--factorize", "18446744073709551616"} << "too large";
    QTest::newRow("bad mode") << QStringList{"--headless", "--factorize", "12", "--mode", "fibers"} << "--mode";
    QTest::newRow("io processes") << QStringList{"--headless", "--blocking-io", "2", "--seconds", "1", "--mode", "processes"} << "--mode";
    QTest::newRow("io without seconds") << QStringList{"--headless", "--blocking-io", "2"} << "--seconds";
    QTest::newRow("bad scale") << QStringList{"--headless", "--factorize", "12", "--scale", "0"} << "--scale";
    QTest::newRow("without headless") << QStringList{"--factorize", "12"} << "--headless";
}

void TestHeadlessRunner::labRefusesBadInput()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Result result = runSpawnscope(args);
    QCOMPARE(result.exitCode, 2);
    const QString err = QString::fromUtf8(result.err).trimmed();
    QVERIFY2(err.contains(message), qPrintable(err));
    QVERIFY(!err.contains(QLatin1Char('\n')));
}

void TestHeadlessRunner::joblogAndTrace()
{
    QTemporaryDir dir;
    const QString joblog = dir.filePath("joblog.tsv");
    const QString trace = dir.filePath("trace.json");
    const Result run = runSpawnscope({"--headless", "--preset", "chain-md5", "--preset", "timeout-kill", "--joblog",
                                      joblog, "--trace", trace, "--report", "-"});
    QCOMPARE(run.exitCode, 0);

    QFile tsv(joblog);
    QVERIFY(tsv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = tsv.readAll().split('\n');
    QCOMPARE(lines.first(), QByteArray("Seq\tHost\tStarttime\tJobRuntime\tSend\tReceive\tExitval\tSignal\tCommand"));
    QCOMPARE(lines.size(), 1 + 7 + 1); // header, 6 chain jobs + 1 timeout job, final newline
    const QList<QByteArray> md5 = lines.at(2).split('\t'); // chain 1, stage 2
    QCOMPARE(md5.size(), 9);
    QCOMPARE(md5.at(0), QByteArray("2"));
    QCOMPARE(md5.at(1), QByteArray(":"));
    QVERIFY(md5.at(2).toDouble() > 1.6e9); // epoch seconds
    QCOMPARE(md5.at(5), QByteArray("36")); // "<32 hex digits>  -\n"
    QCOMPARE(md5.at(8), QByteArray("md5sum"));
    QCOMPARE(lines.at(1).split('\t').at(4), QByteArray("10")); // 10 random bytes sent to openssl
    const QList<QByteArray> timeout = lines.at(7).split('\t');
    QCOMPARE(timeout.at(7), QByteArray("15")); // SIGTERM
    QVERIFY(timeout.at(3).toDouble() < 1.0);

    QFile json(trace);
    QVERIFY(json.open(QIODevice::ReadOnly));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json.readAll(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    int spans = 0;
    int terms = 0;
    for (const QJsonValue &event : doc.object().value("traceEvents").toArray()) {
        const QJsonObject e = event.toObject();
        if (e.value("ph").toString() == QLatin1String("X")) {
            ++spans;
            QVERIFY(e.value("dur").toDouble() > 0);
            QVERIFY(e.value("ts").toDouble() >= 0);
        }
        if (e.value("name").toString() == QLatin1String("SIGTERM"))
            ++terms;
    }
    QCOMPARE(spans, 7); // one span per job
    QCOMPARE(terms, 1); // the timeout's TERM marker
}

void TestHeadlessRunner::joblogAsJson()
{
    QTemporaryDir dir;
    const QString joblog = dir.filePath("joblog.json");
    const Result run = runSpawnscope({"--headless", "--preset", "chain-md5", "--preset", "timeout-kill", "--joblog",
                                      joblog, "--report", "-"});
    QCOMPARE(run.exitCode, 0);

    QFile file(joblog);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonArray rows = doc.array();
    QCOMPARE(rows.size(), 7); // the same rows as the TSV
    const QJsonObject md5 = rows.at(1).toObject(); // chain 1, stage 2
    QCOMPARE(md5.value("seq").toInt(), 2);
    QCOMPARE(md5.value("preset").toString(), QString("chain-md5"));
    QCOMPARE(md5.value("command").toString(), QString("md5sum"));
    QCOMPARE(md5.value("receive").toInt(), 36);
    QCOMPARE(md5.value("exitval").toInt(), 0);
    QVERIFY(md5.value("starttime").toDouble() > 1.6e9);
    QVERIFY(md5.value("pid").toInteger() > 0);
    QCOMPARE(rows.at(0).toObject().value("send").toInt(), 10);
    const QJsonObject timeout = rows.at(6).toObject();
    QCOMPARE(timeout.value("signal").toInt(), 15);
    QCOMPARE(timeout.value("signalName").toString(), QString("SIGTERM"));
    QCOMPARE(timeout.value("state").toString(), QString("timedOut"));
    QVERIFY(timeout.value("jobRuntime").toDouble() < 1.0);
}

void TestHeadlessRunner::burnCpuInReport()
{
    const Result result = runSpawnscope({"--headless", "--command", helper() + " burn 1", "--sample-interval", "100", "--report", "-"});
    QCOMPARE(result.exitCode, 0);
    const QList<QJsonObject> jobs = jobsOf(onlyRun(result));
    QCOMPARE(jobs.size(), 1);
    const double cpu = jobs[0].value("cpuUserMs").toDouble(-1) + jobs[0].value("cpuSysMs").toDouble(-1);
    QVERIFY2(cpu >= 900 && cpu <= 1100, qPrintable(QString::number(cpu)));
    QCOMPARE(jobs[0].value("cpuExact").toBool(), true);
    QVERIFY(jobs[0].value("maxThreads").toInt(-1) >= 1);
    QVERIFY(jobs[0].value("descendants").toArray().isEmpty());
}

void TestHeadlessRunner::allocPeakInReport()
{
    const Result result = runSpawnscope({"--headless", "--command", helper() + " alloc 200 1", "--report", "-"});
    QCOMPARE(result.exitCode, 0);
    const QList<QJsonObject> jobs = jobsOf(onlyRun(result));
    QCOMPARE(jobs.size(), 1);
    const double peak = jobs[0].value("peakRssKb").toDouble(-1);
    QVERIFY2(peak >= 200 * 1024, qPrintable(QString::number(peak)));
    QVERIFY(jobs[0].value("peakRssExact").isBool());
}

void TestHeadlessRunner::forkDescendantsInReport()
{
    const Result result = runSpawnscope({"--headless", "--command", helper() + " fork 3 2", "--report", "-"});
    QCOMPARE(result.exitCode, 0);
    const QList<QJsonObject> jobs = jobsOf(onlyRun(result));
    QCOMPARE(jobs.size(), 1);
    QList<QJsonObject> forked, others;
    splitForked(jobs[0], forked, others);
    QCOMPARE(forked.size(), 3);
    QVERIFY2(others.size() <= 1, qPrintable(QString::number(others.size())));
    const qint64 pid = jobs[0].value("pid").toInteger();
    for (const QJsonObject &child : std::as_const(forked)) {
        QVERIFY2(child.value("lastSeenMs").toDouble() - child.value("firstSeenMs").toDouble() >= 1000, "a forked child sleeps 2 s");
        QCOMPARE(child.value("ppid").toInteger(), pid);
        QVERIFY(child.value("pid").toInteger() > 0);
        QCOMPARE(child.value("argv").toArray().first().toString(), helper());
        QVERIFY(child.value("lastSeenMs").toDouble() >= child.value("firstSeenMs").toDouble());
        QVERIFY(child.value("ended").toBool()); // the job is over: no descendant reads as still running
        QVERIFY(child.value("cpuMs").isDouble());
        QVERIFY(child.value("peakRssKb").toDouble() > 0);
    }
}

void TestHeadlessRunner::sampleIntervalReachesTheSampler()
{
    // Children living 0.35 s: the default 500 ms interval would find them
    // only by luck; sampled every 100 ms they are seen several times.
    const Result result = runSpawnscope({"--headless", "--command", helper() + " fork 2 0.35", "--sample-interval", "100", "--report", "-"});
    QCOMPARE(result.exitCode, 0);
    QList<QJsonObject> forked, others;
    splitForked(jobsOf(onlyRun(result)).first(), forked, others);
    QCOMPARE(forked.size(), 2);
    QVERIFY2(others.size() <= 1, qPrintable(QString::number(others.size())));
    for (const QJsonObject &child : std::as_const(forked)) {
        QVERIFY2(child.value("lastSeenMs").toDouble() - child.value("firstSeenMs").toDouble() >= 150,
                 qPrintable(QString::fromUtf8(QJsonDocument(child).toJson(QJsonDocument::Compact))));
    }
}

void TestHeadlessRunner::reportOutputCutsTheTextWithExactCounts()
{
    const QString flood = helper() + QStringLiteral(" flood 100000");
    const QByteArray all = floodBytes(100000);

    // 1000 bytes of the report: the last lines, each newline written as \n
    // (two bytes), so 1000 bytes of JSON hold 985 bytes of output.
    const Result cut = runSpawnscope({"--headless", "--command", flood, "--report", "-", "--report-output", "1000"});
    QCOMPARE(cut.exitCode, 0);
    const QJsonObject job = jobsOf(onlyRun(cut)).value(0);
    QCOMPARE(job.value("stdoutBytes").toInteger(), 100000);
    QVERIFY(job.value("stdoutCut").toBool());
    QVERIFY(!job.value("stdoutTrimmed").toBool());
    const qint64 textBytes = job.value("stdoutTextBytes").toInteger();
    QCOMPARE(textBytes, 985);
    QCOMPARE(job.value("stdoutText").toString().toLatin1(), all.right(textBytes));
    QCOMPARE(job.value("stderrBytes").toInteger(), 0);
    QVERIFY(!job.value("stderrCut").toBool());

    // The default, 64 KiB of JSON text; nothing cut when everything fits.
    const Result whole = runSpawnscope({"--headless", "--command", helper() + " flood 5000", "--report", "-"});
    const QJsonObject small = jobsOf(onlyRun(whole)).value(0);
    QCOMPARE(small.value("stdoutTextBytes").toInteger(), 5000);
    QVERIFY(!small.value("stdoutCut").toBool());
    QCOMPARE(small.value("stdoutText").toString().toLatin1(), floodBytes(5000));

    // Zero: the counts alone.
    const Result none = runSpawnscope({"--headless", "--command", flood, "--report", "-", "--report-output", "0"});
    const QJsonObject counts = jobsOf(onlyRun(none)).value(0);
    QCOMPARE(counts.value("stdoutText").toString(), QString());
    QCOMPARE(counts.value("stdoutBytes").toInteger(), 100000);
    QVERIFY(counts.value("stdoutCut").toBool());
}

void TestHeadlessRunner::binaryOutputKeepsTheReportSmall()
{
    // NUL bytes are six bytes each in JSON (\u0000): the limit is on what
    // the report holds, so 20 jobs of 200 kB of zeros stay near 20 x 64 KiB.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("report.json"));
    const Result result = runSpawnscope({"--headless", "--command", "head -c 200000 /dev/zero", "--repeat", "20",
                                         "--report", path});
    QCOMPARE(result.exitCode, 0);
    const QByteArray text = readAll(path);
    QVERIFY2(text.size() < 20 * (64 * 1024 + 4096), qPrintable(QString::number(text.size())));
    const QList<QJsonObject> jobs = jobsOf(QJsonDocument::fromJson(text).object().value("runs").toArray().first().toObject());
    QCOMPARE(jobs.size(), 20);
    for (const QJsonObject &job : jobs) {
        QCOMPARE(job.value("stdoutBytes").toInteger(), 200000);
        QCOMPARE(job.value("stdoutTextBytes").toInteger(), 65536 / 6);
        QVERIFY(job.value("stdoutCut").toBool());
    }
}

void TestHeadlessRunner::outputDirHoldsEveryByte()
{
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("out"));
    // Both streams, larger than the 1 MiB tail, so only the files hold it all.
    const QString command = QStringLiteral("%1 flood 1500000; %1 flood-err 70000").arg(helper());
    const Result result = runSpawnscope({"--headless", "--shell", "--command", command, "--repeat", "3",
                                         "--output-dir", root, "--report", "-"});
    QCOMPARE(result.exitCode, 0);
    const QList<QJsonObject> jobs = jobsOf(onlyRun(result));
    QCOMPARE(jobs.size(), 3);
    for (int i = 0; i < 3; ++i) {
        // ROOT/<run id>/<job number from 1>/{cmd,stdout,stderr}
        const QString jobDir = QStringLiteral("%1/1/%2").arg(root).arg(i + 1);
        QCOMPARE(jobs.at(i).value("outputDir").toString(), jobDir);
        QVERIFY(readAll(jobDir + "/stdout") == floodBytes(1500000));
        QVERIFY(readAll(jobDir + "/stderr") == floodBytes(70000));
        // The command line as the report and the job log quote it.
        QCOMPARE(readAll(jobDir + "/cmd"), QByteArray("/bin/sh -c \"") + command.toUtf8() + "\"\n");
        QCOMPARE(jobs.at(i).value("stdoutBytes").toInteger(), 1500000);
    }
    QCOMPARE(QDir(root + "/1").entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 3);
}

void TestHeadlessRunner::streamedReportKeepsMemoryFlat()
{
#if defined(__SANITIZE_ADDRESS__)
    QSKIP("AddressSanitizer's quarantine keeps freed memory resident: the plain build measures this");
#endif
    // Each job is written to the report as it ends and then let go: six
    // times the jobs must not cost the app more memory (kept, 2,500 more
    // jobs would be some 10 MB).
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("report.json"));
    int exitCode = -1;
    const qint64 few = runWatchingMemory({"--headless", "--command", "true", "--repeat", "500", "--max-parallel", "32",
                                          "--report", path},
                                         &exitCode);
    QCOMPARE(exitCode, 0);
    const qint64 many = runWatchingMemory({"--headless", "--command", "true", "--repeat", "3000", "--max-parallel",
                                           "32", "--report", path},
                                          &exitCode);
    QCOMPARE(exitCode, 0);
    QVERIFY2(many - few < 4 * 1024,
             qPrintable(QStringLiteral("peak RSS %1 KiB for 500 jobs, %2 KiB for 3000").arg(few).arg(many)));

    // Valid JSON, every job once, in the run's order.
    QJsonParseError error;
    const QJsonDocument report = QJsonDocument::fromJson(readAll(path), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject run = report.object().value("runs").toArray().first().toObject();
    const QList<QJsonObject> jobs = jobsOf(run);
    QCOMPARE(jobs.size(), 3000);
    for (int i = 0; i < jobs.size(); ++i)
        QCOMPARE(jobs.at(i).value("group").toInt(), i);
    QVERIFY(run.value("wallMs").toDouble() > 0);
}

void TestHeadlessRunner::streamedJoblogAndTraceKeepMemoryFlat()
{
#if defined(__SANITIZE_ADDRESS__)
    QSKIP("AddressSanitizer's quarantine keeps freed memory resident: the plain build measures this");
#endif
    // The job log and the trace are written as copies end, so the run goes
    // on releasing each copy: 2,500 more jobs cost no more memory (kept,
    // as they were for these files before, some 10 MB).
    QTemporaryDir dir;
    const QString joblog = dir.filePath(QStringLiteral("joblog.tsv"));
    const QString trace = dir.filePath(QStringLiteral("trace.json"));
    const auto args = [&](int copies) {
        return QStringList{"--headless", "--command", "true", "--repeat", QString::number(copies), "--max-parallel",
                           "32", "--joblog", joblog, "--trace", trace, "--report", "/dev/null"};
    };
    int exitCode = -1;
    const qint64 few = runWatchingMemory(args(500), &exitCode);
    QCOMPARE(exitCode, 0);
    const qint64 many = runWatchingMemory(args(3000), &exitCode);
    QCOMPARE(exitCode, 0);
    QVERIFY2(many - few < 4 * 1024,
             qPrintable(QStringLiteral("peak RSS %1 KiB for 500 jobs, %2 KiB for 3000").arg(few).arg(many)));

    // Both files whole and valid: every job once, in order.
    const QList<QByteArray> lines = readAll(joblog).split('\n');
    QCOMPARE(lines.size(), 1 + 3000 + 1); // header, jobs, final newline
    QCOMPARE(lines.at(3000).split('\t').first(), QByteArray("3000"));
    QCOMPARE(lines.at(3000).split('\t').at(6), QByteArray("0"));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(readAll(trace), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(doc.object().value("displayTimeUnit").toString(), QStringLiteral("ms"));
    int spans = 0;
    for (const QJsonValue &event : doc.object().value("traceEvents").toArray())
        spans += event.toObject().value("ph").toString() == QLatin1String("X") ? 1 : 0;
    QCOMPARE(spans, 3000);
}

// Written job by job, the job log has the bytes JobLog makes from the whole
// runs (TSV and JSON), and the trace the same events as ChromeTrace's.
void TestHeadlessRunner::streamedJoblogAndTraceMatchTheWholeExports()
{
    JobEngine engine;
    QList<const JobRun *> runs;
    JobRun *chain = engine.start(helperPreset({QStringLiteral("echo"), QStringLiteral("x")}, 3, 2));
    QVERIFY(waitRun(chain));
    JobRun *failing = engine.start(helperPreset({QStringLiteral("exit"), QStringLiteral("3")}, 2));
    QVERIFY(waitRun(failing));
    runs << chain << failing;

    QTemporaryDir dir;
    for (const QString &name : {QStringLiteral("log.tsv"), QStringLiteral("log.json")}) {
        const QString path = dir.filePath(name);
        JobLogStream log;
        QString error;
        QVERIFY2(log.open(path, &error), qPrintable(error));
        for (const JobRun *run : runs) {
            for (int i = 0; i < run->jobs().size(); ++i)
                log.addJob(run, i);
        }
        QVERIFY2(log.finish(&error), qPrintable(error));
        QCOMPARE(readAll(path), JobLog::forPath(path, runs));
    }

    const QString path = dir.filePath(QStringLiteral("trace.json"));
    ChromeTraceStream trace;
    QString error;
    QVERIFY2(trace.open(path, &error), qPrintable(error));
    for (const JobRun *run : runs) {
        for (int i = 0; i < run->jobs().size(); ++i)
            trace.addJob(run, i);
    }
    QVERIFY2(trace.finish(&error), qPrintable(error));
    const QJsonDocument streamed = QJsonDocument::fromJson(readAll(path));
    QVERIFY(streamed.isObject());
    QCOMPARE(streamed, QJsonDocument::fromJson(ChromeTrace::toJson(runs)));
}

void TestHeadlessRunner::interruptingAHugeRunReportsEveryCopy()
{
    // Two run, 4,998 wait; on SIGTERM the waiting copies are cancelled in
    // batches, and every one of them is still in the report.
    QProcess app;
    app.start(QStringLiteral(SPAWNSCOPE_PATH), {"--headless", "--command", helper() + " sleep 30", "--repeat", "5000",
                                                "--max-parallel", "2", "--report", "-"});
    QVERIFY(app.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(childrenOf(app.processId()).size(), 2, 5000);
    ::kill(pid_t(app.processId()), SIGTERM);
    QVERIFY(app.waitForFinished(15000));
    QCOMPARE(app.exitCode(), 128 + SIGTERM);
    const QJsonObject report = QJsonDocument::fromJson(app.readAllStandardOutput()).object();
    const QList<QJsonObject> jobs = jobsOf(report.value("runs").toArray().first().toObject());
    QCOMPARE(jobs.size(), 5000);
    int neverRan = 0;
    for (const QJsonObject &job : jobs)
        neverRan += job.value("pid").isNull() && job.value("error").toString().contains("never ran");
    QCOMPARE(neverRan, 4998);
}

void TestHeadlessRunner::aFifoWithoutAReaderGivesWayToSignals_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<int>("signal");
    QTest::newRow("report, SIGTERM") << "--report" << SIGTERM;
    QTest::newRow("report, SIGINT") << "--report" << SIGINT;
    QTest::newRow("job log, SIGTERM") << "--joblog" << SIGTERM;
}

void TestHeadlessRunner::aFifoWithoutAReaderGivesWayToSignals()
{
    // Nobody opens the FIFO for reading: an open() for writing would wait in
    // the kernel for ever, through any signal the app handles.
    QFETCH(QString, option);
    QFETCH(int, signal);
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("fifo"));
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    QProcess process;
    process.start(QStringLiteral(SPAWNSCOPE_PATH), {"--headless", "--command", "true", option, fifo});
    QVERIFY(process.waitForStarted());
    process.setReadChannel(QProcess::StandardError);
    QByteArray err;
    while (!err.contains("waiting for a reader") && process.waitForReadyRead(10000))
        err += process.readAllStandardError();
    QVERIFY2(err.contains("waiting for a reader of " + fifo.toUtf8()), err.constData());
    QElapsedTimer clock;
    clock.start();
    ::kill(pid_t(process.processId()), signal);
    QVERIFY(process.waitForFinished(5000));
    QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 128 + signal);
}

void TestHeadlessRunner::aFifoReportReachesItsReader()
{
    // A reader that comes late still gets the whole report.
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("fifo"));
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    QProcess process;
    process.start(QStringLiteral(SPAWNSCOPE_PATH), {"--headless", "--command", "echo through the fifo", "--report", fifo});
    QVERIFY(process.waitForStarted());
    process.setReadChannel(QProcess::StandardError);
    QByteArray err;
    while (!err.contains("waiting for a reader") && process.waitForReadyRead(10000))
        err += process.readAllStandardError();
    QVERIFY2(err.contains("waiting for a reader"), err.constData());
    const int reader = ::open(QFile::encodeName(fifo).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    QVERIFY(reader >= 0);
    QVERIFY(process.waitForFinished(30000)); // a small report fits in the pipe
    QCOMPARE(process.exitCode(), 0);
    QByteArray bytes;
    char buffer[65536];
    ssize_t n = 0;
    while ((n = ::read(reader, buffer, sizeof buffer)) > 0)
        bytes.append(buffer, n);
    ::close(reader);
    const QJsonArray runs = QJsonDocument::fromJson(bytes).object().value("runs").toArray();
    QCOMPARE(runs.size(), 1);
    const QJsonObject job = runs.first().toObject().value("jobs").toArray().first().toObject();
    QCOMPARE(job.value("stdoutText").toString(), QStringLiteral("through the fifo\n"));
}

void TestHeadlessRunner::aFifoReaderThatStopsReadingGivesWayToSignals()
{
    // The reader opens the FIFO and never reads: once the pipe is full, a
    // blocking write would wait for ever, through the signal.
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("fifo"));
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    const int reader = ::open(QFile::encodeName(fifo).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    QVERIFY(reader >= 0);
    const int capacity = ::fcntl(reader, F_GETPIPE_SZ);
    QVERIFY(capacity > 0);
    QProcess process;
    // The job's entry alone is several times the pipe's size.
    process.start(QStringLiteral(SPAWNSCOPE_PATH), {"--headless", "--command", helper() + " flood 400000",
                                                    "--report-output", "1M", "--report", fifo});
    QVERIFY(process.waitForStarted());
    auto buffered = [reader] {
        int n = 0;
        return ::ioctl(reader, FIONREAD, &n) == 0 ? n : -1;
    };
    // Full: the kernel fills a pipe a page at a time, so up to a page short.
    QTRY_VERIFY_WITH_TIMEOUT(buffered() > capacity - int(::sysconf(_SC_PAGESIZE)), 20000);
    QElapsedTimer clock;
    clock.start();
    ::kill(pid_t(process.processId()), SIGTERM);
    QVERIFY(process.waitForFinished(5000));
    const qint64 took = clock.elapsed();
    ::close(reader);
    QVERIFY2(took < 1000, qPrintable(QString::number(took)));
    QCOMPARE(process.exitCode(), 128 + SIGTERM);
    const QByteArray err = process.readAllStandardError();
    QVERIFY2(err.contains("cannot write the report to " + fifo.toUtf8()), err.constData());
}

QTEST_GUILESS_MAIN(TestHeadlessRunner)
#include "tst_headlessrunner.moc"
