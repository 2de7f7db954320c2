// MachineScanner over the real /proc (a child and grandchild started here,
// CPU % over two scans, the cost of a scan) and over fake /proc trees (a
// reused pid, a vanished process, a missing io file, kernel threads), and
// MachineSnapshot's JSON both ways.
#include "machinescanner.h"
#include "machinesnapshot.h"
#include "procreader.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <unistd.h>

class TestMachineScanner : public QObject
{
    Q_OBJECT

private slots:
    void childAndGrandchildAppearWithParentAndArgv();
    void cpuPercentIsUnknownOnFirstScanAndMeasuredOnSecond();
    void reusedPidIsANewProcess();
    void execReadsTheNewArgv();
    void quietProcessIsReadAgainWithinRefreshRounds();
    void vanishedProcessIsDropped();
    void missingIoIsPartialWithReason();
    void ioOfAnotherUsersProcessIsRefusedWithReason();
    void kernelThreadsAreFlagged();
    void jsonRoundTrip();
    void fromJsonRejects_data();
    void fromJsonRejects();
    void costOfAScan();
};

namespace {

constexpr qint64 BootTimeSeconds = 1700000000;

QByteArray statLine(qint64 pid, const QByteArray &comm, qint64 ppid, qint64 utime, qint64 start, char state = 'S')
{
    return QByteArray::number(pid) + " (" + comm + ") " + state + ' ' + QByteArray::number(ppid) + ' '
        + QByteArray::number(pid) + ' ' + QByteArray::number(pid) + " 34816 -1 4194304 120 0 0 0 "
        + QByteArray::number(utime) + " 5 0 0 20 0 1 0 " + QByteArray::number(start)
        + " 8323072 421 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n";
}

// A directory laid out like /proc: a stat with btime, and one directory per
// process with the files the scanner reads.
class FakeProc
{
public:
    FakeProc() { write(QStringLiteral("stat"), "cpu 1 2 3 4\nbtime " + QByteArray::number(BootTimeSeconds) + "\n"); }
    QByteArray root() const { return QFile::encodeName(m_dir.path()); }
    bool isValid() const { return m_dir.isValid(); }

    void add(qint64 pid, const QByteArray &comm, qint64 ppid, qint64 utime, qint64 start,
             const QByteArray &cmdline, bool withIo = true)
    {
        const QString dir = QString::number(pid);
        QDir(m_dir.path()).mkpath(dir);
        write(dir + QStringLiteral("/stat"), statLine(pid, comm, ppid, utime, start));
        write(dir + QStringLiteral("/status"), "Name:\t" + comm + "\nUid:\t0\t0\t0\t0\nVmRSS:\t  1684 kB\n");
        write(dir + QStringLiteral("/cmdline"), cmdline);
        if (withIo)
            write(dir + QStringLiteral("/io"), "rchar: 1\nwchar: 2\nread_bytes: 4096\nwrite_bytes: 8192\n");
        else
            QFile::remove(m_dir.filePath(dir + QStringLiteral("/io")));
    }
    void remove(const QString &relative) { QFile::remove(m_dir.filePath(relative)); }
    void removeProcess(qint64 pid) { QDir(m_dir.filePath(QString::number(pid))).removeRecursively(); }

private:
    void write(const QString &relative, const QByteArray &text)
    {
        QFile file(m_dir.filePath(relative));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(text);
    }
    QTemporaryDir m_dir;
};

} // namespace

void TestMachineScanner::childAndGrandchildAppearWithParentAndArgv()
{
    QProcess shell;
    shell.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), QStringLiteral("sleep 37 & wait")});
    QVERIFY(shell.waitForStarted());
    MachineScanner scanner;
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const MachineProcess *sleeper = nullptr;
    MachineSnapshot snapshot;
    QTRY_VERIFY([&] {
        snapshot = scanner.scan();
        sleeper = nullptr;
        for (const MachineProcess &p : std::as_const(snapshot.processes)) {
            if (p.ppid == shell.processId() && p.comm == QLatin1String("sleep"))
                sleeper = &p;
        }
        return sleeper != nullptr;
    }());
    const qint64 grandchild = sleeper->pid;
    const auto cleanup = qScopeGuard([&] {
        ::kill(pid_t(grandchild), SIGKILL);
        shell.kill();
        shell.waitForFinished();
    });
    QCOMPARE(sleeper->argv, (QStringList{QStringLiteral("sleep"), QStringLiteral("37")}));
    QCOMPARE(sleeper->commandLine(), QStringLiteral("sleep 37"));
    QCOMPARE(sleeper->uid, qint64(::getuid()));
    QVERIFY(!sleeper->user.isEmpty());
    QVERIFY(!sleeper->kernelThread);
    QVERIFY(sleeper->rssKb > 0);
    QVERIFY(sleeper->ioReadBytes >= 0);
    QVERIFY2(!sleeper->partial, qPrintable(sleeper->partialReason));
    // Started within this test, to the clock tick.
    QVERIFY2(qAbs(sleeper->startedAtEpochMs - before) < 5000,
             qPrintable(QStringLiteral("%1 vs %2").arg(sleeper->startedAtEpochMs).arg(before)));

    const MachineProcess *sh = snapshot.find(shell.processId());
    QVERIFY(sh);
    QCOMPARE(sh->ppid, QCoreApplication::applicationPid());
    QCOMPARE(sh->argv.value(2), QStringLiteral("sleep 37 & wait"));
    QVERIFY(sh->exe.endsWith(QLatin1String("sh")) || sh->exe.contains(QLatin1String("dash"))
            || sh->exe.contains(QLatin1String("bash")));
    QVERIFY(snapshot.find(QCoreApplication::applicationPid()));
    QVERIFY(std::is_sorted(snapshot.processes.cbegin(), snapshot.processes.cend(),
                           [](const MachineProcess &a, const MachineProcess &b) { return a.pid < b.pid; }));
}

void TestMachineScanner::cpuPercentIsUnknownOnFirstScanAndMeasuredOnSecond()
{
    QProcess burner;
    burner.start(TestSupport::helper(), {QStringLiteral("burn"), QStringLiteral("20")});
    QVERIFY(burner.waitForStarted());
    const auto cleanup = qScopeGuard([&] {
        burner.kill();
        burner.waitForFinished();
    });
    MachineScanner scanner;
    const MachineSnapshot first = scanner.scan();
    QCOMPARE(first.intervalMs, 0);
    QVERIFY(first.processes.size() > 1);
    for (const MachineProcess &p : first.processes)
        QCOMPARE(p.cpuPercent, -1.0);

    // The burner spins, so once a clock tick has passed it used CPU. (QTRY
    // evaluates its condition again after success, so the result is kept.)
    bool measured = false;
    QTRY_VERIFY(measured || [&] {
        const MachineSnapshot next = scanner.scan();
        const MachineProcess *p = next.find(burner.processId());
        measured = next.intervalMs > 0 && p && p->cpuPercent > 0 && p->isActive();
        return measured;
    }());
    // Every process of the scan before is measured; one started since is not yet.
    const MachineSnapshot before = scanner.scan();
    const MachineSnapshot last = scanner.scan();
    for (const MachineProcess &p : last.processes) {
        const MachineProcess *earlier = before.find(p.pid);
        const bool seen = earlier && earlier->startTicks == p.startTicks;
        QVERIFY2(seen ? p.cpuPercent >= 0 : p.cpuPercent == -1.0, qPrintable(QString::number(p.pid)));
    }
}

void TestMachineScanner::reusedPidIsANewProcess()
{
    FakeProc proc;
    QVERIFY(proc.isValid());
    proc.add(100, "worker", 1, 10, 5000, QByteArray("worker\0--old\0", 13));
    MachineScanner scanner(proc.root());
    MachineSnapshot s = scanner.scan();
    QCOMPARE(s.processes.size(), 1);
    QCOMPARE(s.processes[0].cpuPercent, -1.0);
    QCOMPARE(s.processes[0].startedAtEpochMs, BootTimeSeconds * 1000 + ProcReader::ticksToMs(5000));
    QCOMPARE(s.processes[0].rssKb, 1684);
    QCOMPARE(s.processes[0].ioWriteBytes, 8192);
    QCOMPARE(s.processes[0].argv, (QStringList{QStringLiteral("worker"), QStringLiteral("--old")}));

    // The same process a scan later: measured.
    proc.add(100, "worker", 1, 60, 5000, QByteArray("worker\0--old\0", 13));
    s = scanner.scan();
    QVERIFY(s.processes[0].cpuPercent > 0);
    QCOMPARE(s.processes[0].cpuUserMs, ProcReader::ticksToMs(60));

    // Pid 100 again, started later: another process, not yet measured, its own argv.
    proc.add(100, "worker", 1, 90, 7000, QByteArray("worker\0--new\0", 13));
    s = scanner.scan();
    QCOMPARE(s.processes.size(), 1);
    QCOMPARE(s.processes[0].cpuPercent, -1.0);
    QCOMPARE(s.processes[0].startTicks, 7000);
    QCOMPARE(s.processes[0].argv, (QStringList{QStringLiteral("worker"), QStringLiteral("--new")}));
}

void TestMachineScanner::execReadsTheNewArgv()
{
    FakeProc proc;
    proc.add(100, "sh", 1, 10, 5000, QByteArray("sh\0-c\0make\0", 11));
    MachineScanner scanner(proc.root());
    QCOMPARE(scanner.scan().processes[0].argv.value(2), QStringLiteral("make"));
    // Same pid and start, new program: comm changed, so argv is read again.
    proc.add(100, "make", 1, 20, 5000, QByteArray("make\0all\0", 9));
    const MachineSnapshot s = scanner.scan();
    QCOMPARE(s.processes[0].argv, (QStringList{QStringLiteral("make"), QStringLiteral("all")}));
    QVERIFY(s.processes[0].cpuPercent >= 0); // still the same process
}

void TestMachineScanner::quietProcessIsReadAgainWithinRefreshRounds()
{
    FakeProc proc;
    proc.add(100, "idle", 1, 10, 5000, QByteArray("idle\0", 5));
    proc.add(101, "busy", 1, 10, 5000, QByteArray("busy\0", 5));
    MachineScanner scanner(proc.root());
    scanner.scan();
    // Both now show other io counts; only 101 used CPU since.
    const QByteArray io = "read_bytes: 1\nwrite_bytes: 777\n";
    for (const char *dir : {"100/io", "101/io"}) {
        QFile file(QDir(QFile::decodeName(proc.root())).filePath(QLatin1String(dir)));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(io);
    }
    proc.add(101, "busy", 1, 20, 5000, QByteArray("busy\0", 5), false);
    QFile busyIo(QDir(QFile::decodeName(proc.root())).filePath(QStringLiteral("101/io")));
    QVERIFY(busyIo.open(QIODevice::WriteOnly));
    busyIo.write(io);
    busyIo.close();
    int scans = 0;
    MachineSnapshot s = scanner.scan();
    QCOMPARE(s.find(101)->ioWriteBytes, 777); // it ran: read again at once
    // The quiet one is read again within RefreshRounds scans, not at every one.
    while (s.find(100)->ioWriteBytes != 777 && scans < MachineScanner::RefreshRounds + 1) {
        QCOMPARE(s.find(100)->ioWriteBytes, 8192);
        s = scanner.scan();
        ++scans;
    }
    QCOMPARE(s.find(100)->ioWriteBytes, 777);
    QVERIFY(scans < MachineScanner::RefreshRounds);
}

void TestMachineScanner::vanishedProcessIsDropped()
{
    FakeProc proc;
    proc.add(100, "a", 1, 1, 5000, QByteArray("a\0", 2));
    proc.add(101, "b", 1, 1, 5000, QByteArray("b\0", 2));
    proc.add(102, "c", 1, 1, 5000, QByteArray("c\0", 2));
    MachineScanner scanner(proc.root());
    QCOMPARE(scanner.scan().processes.size(), 3);
    proc.removeProcess(101);
    // 102 ended between its directory's listing and its files' reading.
    proc.remove(QStringLiteral("102/stat"));
    const MachineSnapshot s = scanner.scan();
    QCOMPARE(s.processes.size(), 1);
    QCOMPARE(s.processes[0].pid, 100);
    QVERIFY(!s.find(101));
    QVERIFY(!s.find(102));
}

void TestMachineScanner::missingIoIsPartialWithReason()
{
    FakeProc proc;
    proc.add(100, "a", 1, 1, 5000, QByteArray("a\0", 2), false);
    proc.add(101, "b", 1, 1, 5000, QByteArray("b\0", 2), true);
    MachineScanner scanner(proc.root());
    const MachineSnapshot s = scanner.scan();
    QCOMPARE(s.processes.size(), 2);
    const MachineProcess &without = s.processes[0];
    QVERIFY(without.partial);
    QCOMPARE(without.ioReadBytes, -1);
    QCOMPARE(without.ioWriteBytes, -1);
    QCOMPARE(without.partialReason, QStringLiteral("I/O counts: no such file on this kernel"));
    QVERIFY(!s.processes[1].partial);
    QCOMPARE(s.processes[1].ioReadBytes, 4096);
}

// Run as nobody by tst_machinescanner_unprivileged: pid 1 is root's.
void TestMachineScanner::ioOfAnotherUsersProcessIsRefusedWithReason()
{
    if (::geteuid() == 0)
        QSKIP("root may read every process's io; tst_machinescanner_unprivileged runs this as nobody");
    MachineScanner scanner;
    const MachineSnapshot s = scanner.scan();
    const MachineProcess *init = s.find(1);
    QVERIFY(init);
    QCOMPARE(init->uid, 0);
    QCOMPARE(init->user, QStringLiteral("root"));
    QVERIFY(init->partial);
    QCOMPARE(init->ioReadBytes, -1);
    QVERIFY2(init->partialReason.contains(QLatin1String("I/O counts: refused: owned by root")),
             qPrintable(init->partialReason));
    const MachineProcess *self = s.find(QCoreApplication::applicationPid());
    QVERIFY(self);
    QVERIFY2(!self->partial, qPrintable(self->partialReason));
}

void TestMachineScanner::kernelThreadsAreFlagged()
{
    FakeProc proc;
    proc.add(1, "init", 0, 1, 1, QByteArray("/sbin/init\0", 11));
    proc.add(2, "kthreadd", 0, 0, 1, QByteArray());
    proc.add(57, "kworker/0:1", 2, 0, 9, QByteArray());
    MachineScanner scanner(proc.root());
    const MachineSnapshot s = scanner.scan();
    QCOMPARE(s.processes.size(), 3);
    QVERIFY(!s.find(1)->kernelThread);
    QVERIFY(s.find(2)->kernelThread);
    QVERIFY(s.find(57)->kernelThread);
    QVERIFY(s.find(57)->argv.isEmpty());
    QCOMPARE(s.find(57)->commandLine(), QStringLiteral("[kworker/0:1]"));
    QCOMPARE(s.find(1)->commandLine(), QStringLiteral("/sbin/init"));
}

void TestMachineScanner::jsonRoundTrip()
{
    MachineScanner scanner;
    scanner.scan();
    const MachineSnapshot original = scanner.scan();
    const QJsonObject json = original.toJson();
    QCOMPARE(json.value(QLatin1String("format")).toString(), QStringLiteral("spawnscope-processes"));
    QCOMPARE(json.value(QLatin1String("version")).toInt(), 1);
    const QJsonObject first = json.value(QLatin1String("processes")).toArray().first().toObject();
    QCOMPARE(first.keys(), (QStringList{"argv", "cpuPercent", "cpuSysMs", "cpuUserMs", "exe", "pid", "ppid", "rssKb",
                                        "startedAtEpochMs", "state", "threads", "uid", "user"}));

    // Through text, as another SpawnScope would read it.
    const QJsonObject reread = QJsonDocument::fromJson(QJsonDocument(json).toJson()).object();
    MachineSnapshot copy;
    QString error;
    QVERIFY2(MachineSnapshot::fromJson(reread, &copy, &error), qPrintable(error));
    QCOMPARE(copy.takenAtEpochMs, original.takenAtEpochMs);
    QCOMPARE(copy.intervalMs, original.intervalMs);
    QCOMPARE(copy.processes.size(), original.processes.size());
    for (qsizetype i = 0; i < original.processes.size(); ++i) {
        const MachineProcess &a = original.processes[i];
        const MachineProcess &b = copy.processes[i];
        QCOMPARE(b.pid, a.pid);
        QCOMPARE(b.ppid, a.ppid);
        QCOMPARE(b.uid, a.uid);
        QCOMPARE(b.user, a.user);
        QCOMPARE(b.argv, a.argv);
        QCOMPARE(b.exe, a.exe);
        QCOMPARE(b.state, a.state);
        QCOMPARE(b.startedAtEpochMs, a.startedAtEpochMs);
        QCOMPARE(b.cpuUserMs, a.cpuUserMs);
        QCOMPARE(b.cpuSysMs, a.cpuSysMs);
        QCOMPARE(b.cpuPercent, a.cpuPercent);
        QCOMPARE(b.rssKb, a.rssKb);
        QCOMPARE(b.threads, a.threads);
    }
    QCOMPARE(copy.find(QCoreApplication::applicationPid())->pid, QCoreApplication::applicationPid());
    QVERIFY(!copy.find(-5));
}

void TestMachineScanner::fromJsonRejects_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    const QByteArray process = R"({"pid":5,"ppid":1,"uid":0,"user":"root","argv":["a"],"exe":"/a","state":"S",)"
                               R"("startedAtEpochMs":1,"cpuUserMs":1,"cpuSysMs":1,"cpuPercent":-1,"rssKb":-1,"threads":1})";
    const auto document = [&](const QByteArray &head, const QByteArray &processes) {
        return "{" + head + R"(,"takenAtEpochMs":1,"intervalMs":0,"processes":[)" + processes + "]}";
    };
    const QByteArray head = R"("format":"spawnscope-processes","version":1)";
    QTest::newRow("valid") << document(head, process) << QString();
    QTest::newRow("no format") << QByteArray(R"({"version":1})")
                               << QStringLiteral("not a process list: \"format\" is not \"spawnscope-processes\"");
    QTest::newRow("other format") << document(R"("format":"spawnscope-session","version":1)", process)
                                  << QStringLiteral("not a process list: \"format\" is not \"spawnscope-processes\"");
    QTest::newRow("newer") << document(R"("format":"spawnscope-processes","version":2)", process)
                           << QStringLiteral("a process list of version 2, newer than this SpawnScope reads (1): update SpawnScope");
    QTest::newRow("version text") << document(R"("format":"spawnscope-processes","version":"1")", process)
                                  << QStringLiteral("\"version\" is not a number");
    QTest::newRow("processes not a list") << QByteArray("{" + head + R"(,"takenAtEpochMs":1,"intervalMs":0,"processes":{}})")
                                          << QStringLiteral("\"processes\" is not a list");
    QTest::newRow("taken missing") << QByteArray("{" + head + R"(,"intervalMs":0,"processes":[]})")
                                   << QStringLiteral("document.takenAtEpochMs is not a number");
    QTest::newRow("process not object") << document(head, "3") << QStringLiteral("processes[0] is not an object");
    QByteArray bad = process;
    QTest::newRow("pid text") << document(head, process + "," + QByteArray(process).replace("\"pid\":5", "\"pid\":\"5\""))
                              << QStringLiteral("processes[1].pid is not a number");
    QTest::newRow("pid fraction") << document(head, QByteArray(process).replace("\"pid\":5", "\"pid\":5.5"))
                                  << QStringLiteral("processes[0].pid is not a whole number");
    QTest::newRow("pid huge") << document(head, QByteArray(process).replace("\"pid\":5", "\"pid\":1e300"))
                              << QStringLiteral("processes[0].pid is 1.0000000000000001e+300, outside 0 to 2147483647");
    QTest::newRow("argv not strings") << document(head, QByteArray(process).replace("[\"a\"]", "[1]"))
                                      << QStringLiteral("processes[0].argv holds an item that is not a string");
    QTest::newRow("state two letters") << document(head, QByteArray(process).replace("\"S\"", "\"SS\""))
                                       << QStringLiteral("processes[0].state is not one letter");
    QTest::newRow("user missing") << document(head, QByteArray(process).replace("\"user\":\"root\",", ""))
                                  << QStringLiteral("processes[0].user is not a string");
    QTest::newRow("cpu below -1") << document(head, QByteArray(process).replace("\"cpuPercent\":-1", "\"cpuPercent\":-7"))
                                  << QStringLiteral("processes[0].cpuPercent is -7, outside -1 to 1000000");
}

void TestMachineScanner::fromJsonRejects()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    QJsonParseError parse;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parse);
    QVERIFY2(document.isObject(), qPrintable(parse.errorString() + QLatin1Char(' ') + QString::fromUtf8(json)));
    MachineSnapshot out;
    out.takenAtEpochMs = 42;
    QString message;
    QCOMPARE(MachineSnapshot::fromJson(document.object(), &out, &message), error.isEmpty());
    QCOMPARE(message, error);
    if (error.isEmpty())
        QCOMPARE(out.processes.size(), 1);
    else
        QCOMPARE(out.takenAtEpochMs, 42); // untouched
}

// Not a pass/fail bound (a loaded CI machine would make it flaky): the
// figure the performance notes quote, printed.
void TestMachineScanner::costOfAScan()
{
    MachineScanner scanner;
    scanner.scan();
    QElapsedTimer timer;
    timer.start();
    qsizetype count = 0;
    constexpr int Scans = 20;
    for (int i = 0; i < Scans; ++i)
        count = scanner.scan().processes.size();
    const double perScanMs = double(timer.nsecsElapsed()) / 1e6 / Scans;
    qInfo("%lld processes, %.2f ms per scan, %.2f %% of a core at a 1 s interval", static_cast<long long>(count),
          perScanMs, perScanMs / 10.0);
    QVERIFY(count > 1);
}

QTEST_GUILESS_MAIN(TestMachineScanner)
#include "tst_machinescanner.moc"
