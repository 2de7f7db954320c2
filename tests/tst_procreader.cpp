#include "procfilecache.h"
#include "procreader.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

class TestProcReader : public QObject
{
    Q_OBJECT

private slots:
    void parseStat_data();
    void parseStat();
    void residentSetFromStat_data();
    void residentSetFromStat();
    void parseStatRejectsWhatIsNotAStatLine_data();
    void parseStatRejectsWhatIsNotAStatLine();
    void parseStatus_data();
    void parseStatus();
    void parseIo_data();
    void parseIo();
    void parseCmdline_data();
    void parseCmdline();
    void readsOwnProcess();
    void vanishedPidIsGone();
    void zombieHasStateZAndNoRss();
    void childrenOfEveryThreadAreListed();
    void keptFilesReadFreshAndDropAReapedProcess();
    void keptFilesStayWithinCapacityAndForget();
    void missingIoIsUnknownNotZero();
    void ioOfAnotherUsersProcessIsUnknown();
};

namespace {

// A stat line with the fields parseStat() reads set from the arguments and
// the rest plausible.
QByteArray statLine(qint64 pid, const QByteArray &comm, char state, qint64 ppid, qint64 pgrp,
                    qint64 utime, qint64 stime, int threads, qint64 start, qint64 flags = 4194304)
{
    return QByteArray::number(pid) + " (" + comm + ") " + state + ' ' + QByteArray::number(ppid) + ' '
        + QByteArray::number(pgrp) + ' ' + QByteArray::number(pgrp) + " 34816 -1 " + QByteArray::number(flags) + " 120 0 0 0 "
        + QByteArray::number(utime) + ' ' + QByteArray::number(stime) + " 0 0 20 0 "
        + QByteArray::number(threads) + " 0 " + QByteArray::number(start)
        + " 8323072 421 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n";
}

} // namespace

void TestProcReader::parseStat_data()
{
    QTest::addColumn<QByteArray>("comm");
    QTest::newRow("plain") << QByteArray("bash");
    QTest::newRow("spaces") << QByteArray("Web Content");
    QTest::newRow("close-open paren") << QByteArray("a) (b c");
    QTest::newRow("ends in paren") << QByteArray("x) 1 2 3)");
    QTest::newRow("only parens") << QByteArray(")(");
    QTest::newRow("empty") << QByteArray("");
}

void TestProcReader::parseStat()
{
    QFETCH(QByteArray, comm);
    ProcSnapshot s;
    QVERIFY(ProcReader::parseStat(statLine(4242, comm, 'S', 17, 4200, 250, 130, 3, 987654), s));
    QCOMPARE(s.pid, 4242);
    QCOMPARE(s.comm, comm);
    QCOMPARE(s.state, 'S');
    QCOMPARE(s.ppid, 17);
    QCOMPARE(s.pgrp, 4200);
    QCOMPARE(s.session, 4200);
    QCOMPARE(s.userMs, ProcReader::ticksToMs(250));
    QCOMPARE(s.systemMs, ProcReader::ticksToMs(130));
    QCOMPARE(s.threads, 3);
    QCOMPARE(s.startTicks, 987654);
    QCOMPARE(ProcReader::ticksToMs(sysconf(_SC_CLK_TCK)), 1000);
}

void TestProcReader::residentSetFromStat_data()
{
    QTest::addColumn<char>("state");
    QTest::addColumn<qint64>("flags");
    QTest::addColumn<bool>("known");
    QTest::newRow("sleeping") << 'S' << qint64(0x400000) << true;
    QTest::newRow("zombie") << 'Z' << qint64(0x400000) << false;
    QTest::newRow("kernel thread") << 'I' << qint64(0x208040) << false;
}

void TestProcReader::residentSetFromStat()
{
    QFETCH(char, state);
    QFETCH(qint64, flags);
    QFETCH(bool, known);
    ProcSnapshot s;
    QVERIFY(ProcReader::parseStat(statLine(9, "x", state, 1, 9, 0, 0, 1, 5, flags), s));
    QCOMPARE(s.rssKnown, known);
    // 421 pages in statLine()
    QCOMPARE(s.rssKb, known ? 421 * sysconf(_SC_PAGESIZE) / 1024 : 0);
}

void TestProcReader::parseStatRejectsWhatIsNotAStatLine_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("no parens") << QByteArray("12 bash S 1 1 1");
    QTest::newRow("no close") << QByteArray("12 (bash S 1 1 1");
    QTest::newRow("no pid") << QByteArray("(bash) S 1 1 1");
    const QByteArray full = statLine(12, "bash", 'S', 1, 1, 0, 0, 1, 5);
    QTest::newRow("truncated before starttime") << full.left(full.indexOf(" 8323072") - 3);
    QTest::newRow("truncated before rss") << full.left(full.indexOf(" 421 "));
}

void TestProcReader::parseStatRejectsWhatIsNotAStatLine()
{
    QFETCH(QByteArray, text);
    ProcSnapshot s;
    s.state = 'Q';
    QVERIFY(!ProcReader::parseStat(text, s));
    QCOMPARE(s.state, 'Q'); // untouched
}

void TestProcReader::parseStatus_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("rssKnown");
    QTest::addColumn<qint64>("rssKb");
    QTest::addColumn<qint64>("hwmKb");
    QTest::newRow("running") << QByteArray("Name:\tcat\nState:\tR (running)\nVmPeak:\t  9000 kB\n"
                                           "VmHWM:\t    2048 kB\nVmRSS:\t    1664 kB\nRssAnon:\t 100 kB\nThreads:\t1\n")
                             << true << qint64(1664) << qint64(2048);
    QTest::newRow("zombie") << QByteArray("Name:\tsh\nState:\tZ (zombie)\nTgid:\t5\nThreads:\t1\nSigQ:\t0/1\n")
                            << false << qint64(0) << qint64(0);
    QTest::newRow("no final newline") << QByteArray("VmHWM:\t 10 kB\nVmRSS:\t 7 kB") << true << qint64(7) << qint64(10);
}

void TestProcReader::parseStatus()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, rssKnown);
    QFETCH(qint64, rssKb);
    QFETCH(qint64, hwmKb);
    ProcSnapshot s;
    s.rssKnown = !rssKnown;
    s.rssKb = 99;
    ProcReader::parseStatus(text, s);
    QCOMPARE(s.rssKnown, rssKnown);
    QCOMPARE(s.rssKb, rssKb);
    QCOMPARE(s.hwmKb, hwmKb);
    QCOMPARE(s.hwmKnown, hwmKb > 0);
}

void TestProcReader::parseIo_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("known");
    QTest::addColumn<qint64>("readBytes");
    QTest::addColumn<qint64>("writeBytes");
    QTest::newRow("kernel order") << QByteArray("rchar: 10\nwchar: 20\nsyscr: 1\nsyscw: 2\nread_bytes: 4096\n"
                                                "write_bytes: 8192\ncancelled_write_bytes: 512\n")
                                  << true << qint64(4096) << qint64(8192);
    QTest::newRow("cancelled first") << QByteArray("cancelled_write_bytes: 7\nwrite_bytes: 3\nread_bytes: 0\n")
                                     << true << qint64(0) << qint64(3);
    QTest::newRow("empty") << QByteArray() << false << qint64(0) << qint64(0);
    QTest::newRow("no write_bytes") << QByteArray("read_bytes: 5\ncancelled_write_bytes: 7\n") << false << qint64(0) << qint64(0);
}

void TestProcReader::parseIo()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, known);
    QFETCH(qint64, readBytes);
    QFETCH(qint64, writeBytes);
    ProcSnapshot s;
    ProcReader::parseIo(text, s);
    QCOMPARE(s.ioKnown, known);
    QCOMPARE(s.readBytes, readBytes);
    QCOMPARE(s.writeBytes, writeBytes);
}

void TestProcReader::parseCmdline_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("argv");
    QTest::addColumn<bool>("isComm");
    QTest::newRow("two args") << QByteArray("sleep\0" "5\0", 8) << QStringList{"sleep", "5"} << false;
    QTest::newRow("empty arg kept") << QByteArray("a\0\0b\0", 5) << QStringList{"a", "", "b"} << false;
    QTest::newRow("rewritten, no NUL") << QByteArray("nginx: worker process") << QStringList{"nginx: worker process"} << false;
    QTest::newRow("kernel thread or zombie") << QByteArray() << QStringList{"kworker/0:1"} << true;
}

void TestProcReader::parseCmdline()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, argv);
    QFETCH(bool, isComm);
    ProcSnapshot s;
    s.comm = "kworker/0:1";
    s.argv = QStringList{"stale"};
    ProcReader::parseCmdline(text, s);
    QCOMPARE(s.argv, argv);
    QCOMPARE(s.argvIsComm, isComm);
}

void TestProcReader::readsOwnProcess()
{
    const qint64 self = QCoreApplication::applicationPid();
    const ProcSnapshot s = ProcReader::read(self);
    QVERIFY(s.present);
    QCOMPARE(s.pid, self);
    QCOMPARE(s.state, 'R');
    QCOMPARE(s.ppid, qint64(getppid()));
    QCOMPARE(s.pgrp, qint64(getpgrp()));
    QCOMPARE(s.session, qint64(getsid(0)));
    QCOMPARE(s.comm, QByteArray("tst_procreader"));
    QCOMPARE(s.argv.value(0), QCoreApplication::arguments().value(0));
    QVERIFY(!s.argvIsComm);
    QVERIFY(s.rssKnown);
    QVERIFY(s.rssKb > 1000);
    QVERIFY(s.hwmKnown);
    QVERIFY(s.hwmKb >= s.rssKb);
    QVERIFY(s.ioKnown);
    // Without status the resident set still comes from stat, and no peak.
    const ProcSnapshot statOnly = ProcReader::read(self, ProcReader::Stat);
    QVERIFY(statOnly.rssKnown);
    QVERIFY(qAbs(statOnly.rssKb - s.rssKb) < 4096);
    QVERIFY(!statOnly.hwmKnown);
    QVERIFY(s.threads >= 1);
    QVERIFY(s.startTicks > 0);

    // Reading the same process again names the same process.
    QCOMPARE(ProcReader::read(self, ProcReader::Stat).startTicks, s.startTicks);
}

void TestProcReader::vanishedPidIsGone()
{
    const pid_t child = fork();
    if (child == 0)
        _exit(0);
    QVERIFY(child > 0);
    QCOMPARE(waitpid(child, nullptr, 0), child);
    ProcSnapshot s;
    s.present = true;
    s.rssKnown = true;
    QVERIFY(!ProcReader::read(child, ProcReader::Everything, s));
    QVERIFY(s.isGone());
    QCOMPARE(s.pid, qint64(child));
    QVERIFY(ProcReader::read(child).isGone());
}

void TestProcReader::zombieHasStateZAndNoRss()
{
    const pid_t child = fork();
    if (child == 0)
        _exit(0);
    QVERIFY(child > 0);
    // Not reaped yet, so it stays a zombie until the waitpid() below.
    QTRY_COMPARE(ProcReader::read(child, ProcReader::Stat).state, 'Z');
    const ProcSnapshot s = ProcReader::read(child);
    const ProcSnapshot self = ProcReader::read(QCoreApplication::applicationPid());
    QCOMPARE(waitpid(child, nullptr, 0), child);

    QVERIFY(s.present);
    QVERIFY(s.isZombie());
    QVERIFY(!s.rssKnown);
    QCOMPARE(s.rssKb, 0);
    QVERIFY(s.argvIsComm);
    QCOMPARE(s.argv, QStringList{QStringLiteral("tst_procreader")});
    QVERIFY2(self.children.contains(child), "a zombie is still its parent's child");
}

void TestProcReader::childrenOfEveryThreadAreListed()
{
    QProcess helper;
    helper.start(TestSupport::helper(), {QStringLiteral("thread-fork"), QStringLiteral("1")});
    QVERIFY(helper.waitForStarted());
    QTRY_VERIFY(helper.canReadLine());
    const qint64 child = helper.readLine().trimmed().toLongLong();
    QVERIFY(child > 0);

    const ProcSnapshot s = ProcReader::read(helper.processId());
    QVERIFY(s.present);
    QCOMPARE(s.threads, 2);
    // Only the second thread's children file holds it.
    QCOMPARE(s.children, QList<qint64>{child});
    const ProcSnapshot grandchild = ProcReader::read(child);
    QVERIFY(grandchild.present);
    QVERIFY(grandchild.ppid == helper.processId());
    QVERIFY(helper.waitForFinished(5000));
}

void TestProcReader::keptFilesReadFreshAndDropAReapedProcess()
{
    // A child that burns CPU until killed: its utime must move between two
    // reads of the same kept stat file.
    const pid_t child = fork();
    if (child == 0) {
        for (volatile unsigned long i = 0;; i = i + 1) { }
    }
    QVERIFY(child > 0);
    ProcFileCache cache(16);
    ProcSnapshot s;
    QVERIFY(ProcReader::read(child, ProcReader::Stat | ProcReader::Children, s, QByteArray(), &cache));
    QCOMPARE(cache.size(), 2); // stat and children, kept
    const qint64 firstMs = s.cpuMs();
    QTRY_VERIFY_WITH_TIMEOUT((ProcReader::read(child, ProcReader::Stat, s, QByteArray(), &cache),
                              s.cpuMs() > firstMs + 50),
                             5000);
    QCOMPARE(cache.size(), 2); // read again, not opened again
    QVERIFY(s.children.isEmpty());

    ::kill(child, SIGKILL);
    QCOMPARE(waitpid(child, nullptr, 0), child);
    // The kept descriptor fails once the process is reaped; the path is gone
    // too, so the process reads as gone and nothing of it stays kept for stat.
    QVERIFY(!ProcReader::read(child, ProcReader::Stat | ProcReader::Children, s, QByteArray(), &cache));
    QVERIFY(s.isGone());
    QCOMPARE(cache.size(), 1); // its children file, until forgotten
    cache.forget(child);
    QCOMPARE(cache.size(), 0);
}

void TestProcReader::keptFilesStayWithinCapacityAndForget()
{
    ProcFileCache cache(1);
    ProcSnapshot s;
    const qint64 self = QCoreApplication::applicationPid();
    QVERIFY(ProcReader::read(self, ProcReader::Stat | ProcReader::Children, s, QByteArray(), &cache));
    QCOMPARE(cache.size(), 1); // stat kept; children read and closed
    QVERIFY(ProcReader::read(self, ProcReader::Stat | ProcReader::Children, s, QByteArray(), &cache));
    QCOMPARE(s.pid, self);
    QCOMPARE(cache.size(), 1);
    cache.forget(self);
    QCOMPARE(cache.size(), 0);
    QVERIFY(ProcFileCache::defaultCapacity() > 0);
    QVERIFY(ProcFileCache::defaultCapacity() <= 2048);
}

void TestProcReader::missingIoIsUnknownNotZero()
{
    // A fake /proc whose process has no io file, as for a kernel without
    // task I/O accounting.
    QTemporaryDir root;
    QVERIFY(root.isValid());
    QDir dir(root.path());
    QVERIFY(dir.mkpath(QStringLiteral("77/task/77")));
    const auto write = [&](const QString &name, const QByteArray &text) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
    };
    write(QStringLiteral("77/stat"), statLine(77, "fake", 'S', 1, 77, 10, 20, 1, 500));
    write(QStringLiteral("77/status"), "VmHWM:\t 300 kB\nVmRSS:\t 200 kB\n");
    write(QStringLiteral("77/cmdline"), QByteArray("fake\0--flag\0", 12));
    write(QStringLiteral("77/task/77/children"), "78 79 ");

    ProcSnapshot s;
    QVERIFY(ProcReader::read(77, ProcReader::Everything, s, QFile::encodeName(root.path())));
    QVERIFY(!s.ioKnown);
    QCOMPARE(s.readBytes, 0);
    QCOMPARE(s.rssKb, 200);
    QCOMPARE(s.argv, (QStringList{"fake", "--flag"}));
    QCOMPARE(s.children, (QList<qint64>{78, 79}));

    write(QStringLiteral("77/io"), "read_bytes: 11\nwrite_bytes: 22\n");
    QVERIFY(ProcReader::read(77, ProcReader::Everything, s, QFile::encodeName(root.path())));
    QVERIFY(s.ioKnown);
    QCOMPARE(s.writeBytes, 22);
}

void TestProcReader::ioOfAnotherUsersProcessIsUnknown()
{
    // Root may read every io file; tests/CMakeLists.txt runs this one again
    // as an unprivileged user, where init's is refused with EACCES.
    if (getuid() == 0)
        QSKIP("root may read every process's io file");
    const ProcSnapshot init = ProcReader::read(1);
    QVERIFY(init.present);
    QVERIFY(!init.ioKnown);
    QCOMPARE(init.readBytes, 0);
    QCOMPARE(init.writeBytes, 0);
}

QTEST_GUILESS_MAIN(TestProcReader)
#include "tst_procreader.moc"
