// ProcessDetails of real processes started here (a pipe between two helper
// children, an open file, a listening socket, threads, the environment) and
// of fake /proc trees for the parts a kernel withholds; the socket table's
// parsing; and, as nobody, the reasons for root's process.
#include "descriptorreader.h"
#include "processdetails.h"
#include "procreader.h"
#include "sockettable.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

using Descriptor = ProcessDetails::Descriptor;
using Kind = Descriptor::Kind;
using Access = ProcessDetails::PipeEnd::Access;

class TestProcessDetails : public QObject
{
    Q_OBJECT

private slots:
    void pipeShowsTheProcessAtTheOtherEnd();
    void openFileShowsItsPath();
    void listeningSocketShowsItsLocalAddress();
    void threadsAreListedWithCpuOnTheSecondRead();
    void identityParentsLimitsAndEnvironment();
    void endedProcessSaysSo();
    void withheldPartsCarryAReason();
    void anotherUsersProcessSaysWhyRefused();
    void classify_data();
    void classify();
    void accessFromFdinfo_data();
    void accessFromFdinfo();
    void parseInetLine_data();
    void parseInetLine();
    void parseUnixLine();
};

namespace {

const Descriptor *findFd(const ProcessDetails &d, int fd)
{
    for (const Descriptor &descriptor : d.descriptors) {
        if (descriptor.fd == fd)
            return &descriptor;
    }
    return nullptr;
}

void writeFile(const QString &path, const QByteArray &text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
}

// One process in a fake /proc: stat, status with the given uid, cmdline and
// limits; nothing else (no fd, ns, task, smaps_rollup).
void fakeProcess(const QTemporaryDir &root, qint64 pid, qint64 uid)
{
    const QString dir = root.filePath(QString::number(pid));
    QDir().mkpath(dir);
    writeFile(dir + QStringLiteral("/stat"),
              QByteArray::number(pid) + " (fake) S 1 1 1 0 -1 4194304 0 0 0 0 3 4 0 0 20 0 1 0 500 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1\n");
    writeFile(dir + QStringLiteral("/status"), "Name:\tfake\nUid:\t" + QByteArray::number(uid) + "\t0\t0\t0\nVmRSS:\t  12 kB\nVmSwap:\t  3 kB\n");
    writeFile(dir + QStringLiteral("/cmdline"), QByteArray("fake\0--x\0", 9));
    writeFile(dir + QStringLiteral("/limits"),
              "Limit                     Soft Limit           Hard Limit           Units     \n"
              "Max cpu time              unlimited            unlimited            seconds   \n"
              "Max open files            1024                 524288               files     \n"
              "Max nice priority         0                    0                    \n");
    writeFile(root.filePath(QStringLiteral("stat")), "btime 1700000000\n");
}

} // namespace

void TestProcessDetails::pipeShowsTheProcessAtTheOtherEnd()
{
    QProcess writer;
    QProcess reader;
    writer.setStandardOutputProcess(&reader);
    reader.start(TestSupport::helper(), {QStringLiteral("cat")});
    writer.start(TestSupport::helper(), {QStringLiteral("sleep"), QStringLiteral("30")});
    QVERIFY(reader.waitForStarted());
    QVERIFY(writer.waitForStarted());
    const auto cleanup = qScopeGuard([&] {
        writer.kill();
        writer.waitForFinished();
        reader.closeWriteChannel();
        reader.kill();
        reader.waitForFinished();
    });
    // Until the exec, the writer is still a copy of this test.
    QTRY_COMPARE(ProcReader::read(writer.processId(), ProcReader::Stat).comm, QByteArray("spawnhelper"));
    QTRY_COMPARE(ProcReader::read(reader.processId(), ProcReader::Stat).comm, QByteArray("spawnhelper"));

    QElapsedTimer timer;
    timer.start();
    const ProcessDetails details = ProcessDetails::read(writer.processId());
    qInfo("details with descriptors and pipe peers read in %lld ms", static_cast<long long>(timer.elapsed()));
    QVERIFY(details.present);
    QVERIFY2(details.descriptorsProblem.isEmpty(), qPrintable(details.descriptorsProblem));
    const Descriptor *out = findFd(details, 1);
    QVERIFY(out);
    QCOMPARE(out->kind, Kind::Pipe);
    QCOMPARE(out->access, Access::Write);
    QVERIFY(out->inode != 0);
    QVERIFY(out->target.startsWith(QLatin1String("pipe:[")));
    const auto readerEnd = std::find_if(out->peers.cbegin(), out->peers.cend(),
                                        [&](const ProcessDetails::PipeEnd &e) { return e.pid == reader.processId(); });
    QVERIFY2(readerEnd != out->peers.cend(), qPrintable(out->description()));
    QCOMPARE(readerEnd->fd, 0);
    QCOMPARE(readerEnd->access, Access::Read);
    QCOMPARE(readerEnd->name, QStringLiteral("spawnhelper"));
    // No other writer is shown as the other end of a write end.
    for (const ProcessDetails::PipeEnd &end : out->peers)
        QVERIFY(end.access != Access::Write);
    QVERIFY2(out->description().contains(QStringLiteral("→ %1 spawnhelper (fd 0)").arg(reader.processId())),
             qPrintable(out->description()));

    // And from the reader's side, the writer.
    const ProcessDetails other = ProcessDetails::read(reader.processId());
    const Descriptor *in = findFd(other, 0);
    QVERIFY(in);
    QCOMPARE(in->kind, Kind::Pipe);
    QCOMPARE(in->inode, out->inode);
    QVERIFY2(in->description().contains(QStringLiteral("← %1 spawnhelper (fd 1)").arg(writer.processId())),
             qPrintable(in->description()));
}

void TestProcessDetails::openFileShowsItsPath()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("open file.txt")));
    QVERIFY(file.open(QIODevice::ReadWrite));
    const ProcessDetails details = ProcessDetails::read(QCoreApplication::applicationPid());
    const Descriptor *d = findFd(details, int(file.handle()));
    QVERIFY(d);
    QCOMPARE(d->kind, Kind::File);
    QCOMPARE(d->path, QFileInfo(file.fileName()).canonicalFilePath());
    QCOMPARE(d->description(), d->path);
    QCOMPARE(d->access, Access::ReadWrite);
    QCOMPARE(ProcessDetails::kindToString(d->kind), QStringLiteral("file"));
}

void TestProcessDetails::listeningSocketShowsItsLocalAddress()
{
    const int server = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    QVERIFY(server >= 0);
    const auto cleanup = qScopeGuard([server] { ::close(server); });
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QCOMPARE(::bind(server, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
    QCOMPARE(::listen(server, 4), 0);
    socklen_t length = sizeof address;
    QCOMPARE(::getsockname(server, reinterpret_cast<sockaddr *>(&address), &length), 0);
    const int port = ntohs(address.sin_port);

    const ProcessDetails details = ProcessDetails::read(QCoreApplication::applicationPid());
    const Descriptor *d = findFd(details, server);
    QVERIFY(d);
    QCOMPARE(d->kind, Kind::Socket);
    QCOMPARE(d->protocol, QStringLiteral("tcp"));
    QCOMPARE(d->localAddress, QStringLiteral("127.0.0.1:%1").arg(port));
    QVERIFY(d->peerAddress.isEmpty());
    QCOMPARE(d->socketState, QStringLiteral("LISTEN"));
    QCOMPARE(d->description(), QStringLiteral("tcp 127.0.0.1:%1 LISTEN").arg(port));
}

void TestProcessDetails::threadsAreListedWithCpuOnTheSecondRead()
{
    QProcess helper;
    helper.start(TestSupport::helper(), {QStringLiteral("threads"), QStringLiteral("3"), QStringLiteral("30")});
    QVERIFY(helper.waitForStarted());
    const auto cleanup = qScopeGuard([&] {
        helper.kill();
        helper.waitForFinished();
    });
    QTRY_VERIFY(helper.canReadLine());
    QCOMPARE(helper.readLine().trimmed(), QByteArray("ready"));
    const ProcessDetails first = ProcessDetails::read(helper.processId());
    QVERIFY2(first.threadsProblem.isEmpty(), qPrintable(first.threadsProblem));
    QCOMPARE(first.threads.size(), 4);
    QCOMPARE(first.threads.first().tid, helper.processId());
    QCOMPARE(first.threads.first().name, QStringLiteral("spawnhelper"));
    for (const ProcessDetails::Thread &t : first.threads) {
        QCOMPARE(t.cpuPercent, -1.0);
        QVERIFY(t.state == 'S' || t.state == 'R');
    }
    QVERIFY(first.threads.at(1).tid > first.threads.at(0).tid);

    ProcessDetails second;
    QTRY_VERIFY((second = ProcessDetails::read(helper.processId(), &first)).readAtMs > first.readAtMs);
    QCOMPARE(second.threads.size(), 4);
    for (const ProcessDetails::Thread &t : second.threads)
        QVERIFY2(t.cpuPercent >= 0, qPrintable(QString::number(t.tid)));
}

void TestProcessDetails::identityParentsLimitsAndEnvironment()
{
    QProcess helper;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("SPAWNSCOPE_DETAILS_MARKER"), QStringLiteral("a b=c"));
    helper.setProcessEnvironment(environment);
    helper.start(TestSupport::helper(), {QStringLiteral("sleep"), QStringLiteral("30")});
    QVERIFY(helper.waitForStarted());
    const auto cleanup = qScopeGuard([&] {
        helper.kill();
        helper.waitForFinished();
    });
    // The exec sets comm before the new command line: wait for the latter.
    QTRY_COMPARE(ProcReader::read(helper.processId(), ProcReader::Stat | ProcReader::Cmdline).argv.size(), 3);
    const ProcessDetails d = ProcessDetails::read(helper.processId());
    QVERIFY(d.present);
    QCOMPARE(d.argv, (QStringList{TestSupport::helper(), QStringLiteral("sleep"), QStringLiteral("30")}));
    QCOMPARE(d.exe, QFileInfo(TestSupport::helper()).canonicalFilePath());
    QVERIFY(d.exeProblem.isEmpty());
    QCOMPARE(d.cwd, QDir::currentPath());
    QCOMPARE(d.uid, qint64(::getuid()));
    QCOMPARE(d.ppid, QCoreApplication::applicationPid());
    QVERIFY(qAbs(d.startedAtEpochMs - QDateTime::currentMSecsSinceEpoch()) < 10000);

    QVERIFY(!d.parents.isEmpty());
    QCOMPARE(d.parents.first().pid, QCoreApplication::applicationPid());
    QCOMPARE(d.parents.first().name, QStringLiteral("tst_processdeta")); // comm: 15 bytes
    QCOMPARE(d.parents.last().pid, 1);

    QVERIFY2(d.environmentProblem.isEmpty(), qPrintable(d.environmentProblem));
    QVERIFY(d.environment.contains(QStringLiteral("SPAWNSCOPE_DETAILS_MARKER=a b=c")));

    rlimit files{};
    QCOMPARE(::getrlimit(RLIMIT_NOFILE, &files), 0);
    const auto openFiles = std::find_if(d.limits.cbegin(), d.limits.cend(),
                                        [](const ProcessDetails::Limit &l) { return l.name == QLatin1String("Max open files"); });
    QVERIFY(openFiles != d.limits.cend());
    QCOMPARE(openFiles->soft, QString::number(files.rlim_cur));
    QCOMPARE(openFiles->unit, QStringLiteral("files"));

    QVERIFY(!d.cgroups.isEmpty());
    QVERIFY2(d.namespacesProblem.isEmpty(), qPrintable(d.namespacesProblem));
    const auto pidNs = std::find_if(d.namespaces.cbegin(), d.namespaces.cend(),
                                    [](const ProcessDetails::Namespace &n) { return n.type == QLatin1String("pid"); });
    QVERIFY(pidNs != d.namespaces.cend());
    QVERIFY(pidNs->target.startsWith(QLatin1String("pid:[")));
    QVERIFY(d.rssKb > 0);
    QVERIFY2(d.pssKb > 0, qPrintable(d.pssProblem));
    QVERIFY(d.swapKb >= 0);
    // The standard streams: QProcess's pipes to this test.
    QCOMPARE(findFd(d, 1)->kind, Kind::Pipe);
    QVERIFY(findFd(d, 1)->description().contains(QString::number(QCoreApplication::applicationPid())));
}

void TestProcessDetails::endedProcessSaysSo()
{
    QProcess helper;
    helper.start(TestSupport::helper(), {QStringLiteral("exit"), QStringLiteral("0")});
    QVERIFY(helper.waitForFinished());
    const ProcessDetails d = ProcessDetails::read(helper.processId());
    QVERIFY(!d.present);
    QCOMPARE(d.problem, QStringLiteral("process %1 has ended").arg(helper.processId()));
    QVERIFY(d.descriptors.isEmpty());
}

void TestProcessDetails::withheldPartsCarryAReason()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    fakeProcess(root, 1, 0);
    fakeProcess(root, 300, 4242);
    const ProcessDetails d = ProcessDetails::read(300, nullptr, QFile::encodeName(root.path()));
    QVERIFY(d.present);
    QCOMPARE(d.user, QStringLiteral("4242")); // a uid with no name reads as its number
    QCOMPARE(d.argv, (QStringList{QStringLiteral("fake"), QStringLiteral("--x")}));
    QCOMPARE(d.startedAtEpochMs, 1700000000000 + ProcReader::ticksToMs(500));
    QCOMPARE(d.parents.size(), 1);
    QCOMPARE(d.parents.first().pid, 1);
    QCOMPARE(d.environmentProblem,
             QStringLiteral("not shown: owned by 4242 (only your own processes' environment is shown)"));
    QVERIFY(d.environment.isEmpty());
    const QString missing = QStringLiteral("no such file on this kernel");
    QCOMPARE(d.pssProblem, missing);
    QCOMPARE(d.pssKb, -1);
    QCOMPARE(d.rssKb, 12);
    QCOMPARE(d.swapKb, 3);
    QCOMPARE(d.cgroupProblem, missing);
    QCOMPARE(d.namespacesProblem, missing);
    QCOMPARE(d.threadsProblem, missing);
    QCOMPARE(d.descriptorsProblem, missing);
    QCOMPARE(d.limits.size(), 3);
    QCOMPARE(d.limits.at(1).name, QStringLiteral("Max open files"));
    QCOMPARE(d.limits.at(1).soft, QStringLiteral("1024"));
    QCOMPARE(d.limits.at(1).hard, QStringLiteral("524288"));
    QCOMPARE(d.limits.at(2).unit, QString());
    QVERIFY(d.limitsProblem.isEmpty());
}

// Run as nobody by tst_processdetails_unprivileged: pid 1 is root's.
void TestProcessDetails::anotherUsersProcessSaysWhyRefused()
{
    if (::geteuid() == 0)
        QSKIP("root reads every process; tst_processdetails_unprivileged runs this as nobody");
    const ProcessDetails d = ProcessDetails::read(1);
    QVERIFY(d.present);
    QCOMPARE(d.user, QStringLiteral("root"));
    const QString refused = QStringLiteral("refused: owned by root");
    QCOMPARE(d.exeProblem, refused);
    QVERIFY(d.exe.isEmpty());
    QCOMPARE(d.cwdProblem, refused);
    QCOMPARE(d.descriptorsProblem, refused);
    QCOMPARE(d.pssProblem, refused);
    QCOMPARE(d.namespacesProblem, refused);
    QCOMPARE(d.environmentProblem, QStringLiteral("not shown: owned by root (only your own processes' environment is shown)"));
    QVERIFY(!d.limits.isEmpty()); // limits are readable by all
}

void TestProcessDetails::classify_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<quint64>("inode");
    QTest::newRow("file") << QByteArray("/etc/passwd") << Kind::File << quint64(0);
    QTest::newRow("deleted file") << QByteArray("/tmp/x (deleted)") << Kind::File << quint64(0);
    QTest::newRow("pipe") << QByteArray("pipe:[123]") << Kind::Pipe << quint64(123);
    QTest::newRow("socket") << QByteArray("socket:[98765]") << Kind::Socket << quint64(98765);
    QTest::newRow("pts") << QByteArray("/dev/pts/3") << Kind::Terminal << quint64(0);
    QTest::newRow("tty") << QByteArray("/dev/tty1") << Kind::Terminal << quint64(0);
    QTest::newRow("anon inode") << QByteArray("anon_inode:[eventfd]") << Kind::Other << quint64(0);
    QTest::newRow("broken pipe text") << QByteArray("pipe:[12x]") << Kind::Other << quint64(0);
}

void TestProcessDetails::classify()
{
    QFETCH(QByteArray, target);
    QFETCH(Kind, kind);
    QFETCH(quint64, inode);
    quint64 found = 99;
    QCOMPARE(DescriptorReader::classify(target, &found), kind);
    QCOMPARE(found, inode);
}

void TestProcessDetails::accessFromFdinfo_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<Access>("access");
    QTest::newRow("read") << QByteArray("pos:\t0\nflags:\t02000000\nmnt_id:\t15\n") << Access::Read;
    QTest::newRow("write") << QByteArray("pos:\t0\nflags:\t02000001\n") << Access::Write;
    QTest::newRow("read-write") << QByteArray("pos:\t0\nflags:\t0100002\n") << Access::ReadWrite;
    QTest::newRow("none") << QByteArray("pos:\t0\n") << Access::Unknown;
    QTest::newRow("garbage") << QByteArray("flags:\tzz\n") << Access::Unknown;
}

void TestProcessDetails::accessFromFdinfo()
{
    QFETCH(QByteArray, text);
    QFETCH(Access, access);
    QCOMPARE(DescriptorReader::accessFromFdinfo(text), access);
}

void TestProcessDetails::parseInetLine_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<bool>("ipv6");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("local");
    QTest::addColumn<QString>("peer");
    QTest::addColumn<QString>("state");
    QTest::addColumn<quint64>("inode");
    QTest::newRow("listen v4")
        << QByteArray("   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 31337 1 0000000000000000 100 0 0 10 0")
        << false << true << "127.0.0.1:8080" << QString() << "LISTEN" << quint64(31337);
    QTest::newRow("established v4")
        << QByteArray("   1: 0200000A:D431 08080808:01BB 01 00000000:00000000 00:00000000 00000000  1000        0 4242 1")
        << false << true << "10.0.0.2:54321" << "8.8.8.8:443" << "ESTABLISHED" << quint64(4242);
    QTest::newRow("listen v6 loopback")
        << QByteArray("   0: 00000000000000000000000001000000:0016 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 777 1")
        << true << true << "[::1]:22" << QString() << "LISTEN" << quint64(777);
    QTest::newRow("header") << QByteArray("  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode")
                            << false << false << QString() << QString() << QString() << quint64(0);
    QTest::newRow("short address")
        << QByteArray("   0: 0100007F:1F90 0000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1") << false
        << false << QString() << QString() << QString() << quint64(0);
    QTest::newRow("port too big")
        << QByteArray("   0: 0100007F:1FFFFF 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1") << false
        << false << QString() << QString() << QString() << quint64(0);
    QTest::newRow("truncated") << QByteArray("   0: 0100007F:1F90") << false << false << QString() << QString() << QString()
                               << quint64(0);
}

void TestProcessDetails::parseInetLine()
{
    QFETCH(QByteArray, line);
    QFETCH(bool, ipv6);
    QFETCH(bool, ok);
    QFETCH(QString, local);
    QFETCH(QString, peer);
    QFETCH(QString, state);
    QFETCH(quint64, inode);
    SocketTable::Entry entry;
    quint64 found = 0;
    QCOMPARE(SocketTable::parseInetLine(line, ipv6, &entry, &found), ok);
    if (!ok)
        return;
    QCOMPARE(entry.localAddress, local);
    QCOMPARE(entry.peerAddress, peer);
    QCOMPARE(entry.state, state);
    QCOMPARE(found, inode);
}

void TestProcessDetails::parseUnixLine()
{
    SocketTable::Entry entry;
    quint64 inode = 0;
    QVERIFY(SocketTable::parseUnixLine("0000000000000000: 00000002 00000000 00010000 0001 01 20345 /run/my app.sock", &entry, &inode));
    QCOMPARE(inode, quint64(20345));
    QCOMPARE(entry.protocol, QStringLiteral("unix"));
    QCOMPARE(entry.localAddress, QStringLiteral("/run/my app.sock"));
    QVERIFY(SocketTable::parseUnixLine("0000000000000000: 00000003 00000000 00000000 0001 03 20346", &entry, &inode));
    QCOMPARE(inode, quint64(20346));
    QVERIFY(entry.localAddress.isEmpty());
    QVERIFY(!SocketTable::parseUnixLine("Num       RefCount Protocol Flags    Type St Inode Path", &entry, &inode));
}

QTEST_GUILESS_MAIN(TestProcessDetails)
#include "tst_processdetails.moc"
