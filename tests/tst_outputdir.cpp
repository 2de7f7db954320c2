// --output-dir as an attacker and a full disk see it: the spawnscope binary,
// its exit code, its report, and the files around the folder it was given.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <unistd.h>

namespace {

struct Result
{
    int exitCode = -1;
    QByteArray err;
    QJsonObject job; // the first job of the first run
};

Result finish(QProcess &process)
{
    Result result;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.err = process.readAllStandardError();
    const QJsonArray runs = QJsonDocument::fromJson(process.readAllStandardOutput()).object().value("runs").toArray();
    if (!runs.isEmpty())
        result.job = runs.first().toObject().value("jobs").toArray().first().toObject();
    return result;
}

Result runSpawnscope(const QStringList &args)
{
    QProcess process;
    process.start(QStringLiteral(SPAWNSCOPE_PATH), args);
    return finish(process);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(cannot read)");
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

constexpr uid_t Nobody = 65534;

} // namespace

class TestOutputDir : public QObject
{
    Q_OBJECT

private slots:
    void aPlantedLinkIsRefusedNeverFollowed_data();
    void aPlantedLinkIsRefusedNeverFollowed();
    void aRerunReplacesItsOwnFiles();
    void aSharedDirIsRefused_data();
    void aSharedDirIsRefused();
    void aFailedWriteIsNotSilent();
    void aFullDiskIsNotSilent();
    void theReportAndOutputFilesFollowTheUmask();
};

void TestOutputDir::aPlantedLinkIsRefusedNeverFollowed_data()
{
    QTest::addColumn<QString>("at");      // where the link is planted, under ROOT
    QTest::addColumn<bool>("toFolder");   // to the victim folder, else to the victim file
    QTest::addColumn<QString>("message"); // after the link's path
    QTest::newRow("the job's stdout") << "1/1/stdout" << false << " is a symbolic link";
    QTest::newRow("the job's cmd") << "1/1/cmd" << false << " is a symbolic link";
    QTest::newRow("the job's folder") << "1/1" << true << " is a symbolic link or not a directory";
    QTest::newRow("the run's folder") << "1" << true << " is a symbolic link or not a directory";
}

void TestOutputDir::aPlantedLinkIsRefusedNeverFollowed()
{
    QFETCH(QString, at);
    QFETCH(bool, toFolder);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString victim = dir.filePath("victim");
    const QString victimFolder = dir.filePath("victim-folder");
    QVERIFY(writeFile(victim, "precious\n"));
    QVERIFY(QDir().mkdir(victimFolder));
    const QString root = dir.filePath("out");
    const QString planted = root + '/' + at;
    QVERIFY(QDir().mkpath(QFileInfo(planted).path()));
    QVERIFY(QFile::link(toFolder ? victimFolder : victim, planted));
    const Result result =
        runSpawnscope({"--headless", "--command", "echo overwritten", "--output-dir", root, "--report", "-"});
    QCOMPARE(readAll(victim), QByteArray("precious\n"));
    QCOMPARE(QDir(victimFolder).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList());
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(planted.toUtf8() + message.toUtf8()), result.err.constData());
    QCOMPARE(result.job.value("state").toString(), QStringLiteral("failedToStart"));
    QVERIFY(result.job.value("outputIncomplete").toBool());
    QVERIFY(result.job.value("outputError").toString().contains(planted));
    QVERIFY(QFileInfo(planted).isSymLink()); // left for the user to look at
}

void TestOutputDir::aRerunReplacesItsOwnFiles()
{
    QTemporaryDir dir;
    const QString root = dir.filePath("out");
    for (const QString &word : {QStringLiteral("first"), QStringLiteral("second")}) {
        const Result result =
            runSpawnscope({"--headless", "--command", "echo " + word, "--output-dir", root, "--report", "-"});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(!result.job.value("outputIncomplete").toBool());
        QCOMPARE(readAll(root + "/1/1/stdout"), word.toUtf8() + '\n');
    }
}

void TestOutputDir::aSharedDirIsRefused_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<bool>("othersOwn");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("world-writable") << 0777 << false << 2 << "is writable by other users";
    QTest::newRow("group-writable") << 0775 << false << 2 << "is writable by other users";
    QTest::newRow("sticky and yours, as /tmp") << 01777 << false << 0 << "";
    QTest::newRow("another user's") << 0755 << true << 2 << "belongs to another user (uid 65534)";
    QTest::newRow("sticky but another user's") << 01777 << true << 2 << "belongs to another user (uid 65534)";
}

void TestOutputDir::aSharedDirIsRefused()
{
    QFETCH(int, mode);
    QFETCH(bool, othersOwn);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    if (othersOwn && ::geteuid() != 0)
        QSKIP("giving a folder to another user takes root (CI runs as root)");
    QTemporaryDir dir;
    const QString root = dir.filePath("shared");
    QVERIFY(QDir().mkdir(root));
    const QByteArray local = QFile::encodeName(root);
    QVERIFY(::chmod(local.constData(), mode_t(mode)) == 0);
    if (othersOwn)
        QVERIFY(::chown(local.constData(), Nobody, Nobody) == 0);
    const Result result = runSpawnscope({"--headless", "--command", "echo hi", "--output-dir", root, "--report", "-"});
    QCOMPARE(result.exitCode, exitCode);
    if (exitCode == 0) {
        QCOMPARE(readAll(root + "/1/1/stdout"), QByteArray("hi\n"));
        return;
    }
    QVERIFY2(result.err.contains(root.toUtf8() + ' ' + message.toUtf8()), result.err.constData());
    QVERIFY(!QFileInfo::exists(root + "/1")); // nothing ran, nothing was written
}

void TestOutputDir::aFailedWriteIsNotSilent()
{
    // A file-size limit stands in for a full disk: past it write() fails
    // (EFBIG, with SIGXFSZ ignored), as ENOSPC does on a full one. The
    // report goes to a pipe, which the limit does not touch.
    QTemporaryDir dir;
    const QString root = dir.filePath("out");
    const QString script = QStringLiteral("trap '' XFSZ; ulimit -f 1; exec \"$0\" \"$@\"");
    QProcess process;
    process.start(QStringLiteral("/bin/sh"),
                  {"-c", script, QStringLiteral(SPAWNSCOPE_PATH), "--headless", "--command", "head -c 100000 /dev/zero",
                   "--output-dir", root, "--report", "-"});
    const Result result = finish(process);
    const QString stdoutFile = root + "/1/1/stdout";
    const qint64 onDisk = QFileInfo(stdoutFile).size();
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains("cannot write " + stdoutFile.toUtf8()), result.err.constData());
    QCOMPARE(result.job.value("stdoutBytes").toInteger(), 100000); // what the child wrote
    QVERIFY(result.job.value("outputIncomplete").toBool());
    QCOMPARE(result.job.value("stdoutFileBytes").toInteger(), onDisk); // what the file holds
    QVERIFY(onDisk < 100000);
    QCOMPARE(result.job.value("stderrFileBytes").toInteger(), 0);
    QVERIFY(result.job.value("outputError").toString().contains(stdoutFile));
}

void TestOutputDir::aFullDiskIsNotSilent()
{
    // The real thing, where a tiny tmpfs can be mounted (root, as in CI).
    if (::geteuid() != 0)
        QSKIP("mounting a tiny tmpfs takes root (CI runs as root); aFailedWriteIsNotSilent covers the rest");
    QTemporaryDir dir;
    const QString disk = dir.filePath("disk");
    QVERIFY(QDir().mkdir(disk));
    if (QProcess::execute(QStringLiteral("mount"), {"-t", "tmpfs", "-o", "size=64k,mode=0755", "tmpfs", disk}) != 0)
        QSKIP("this machine refuses to mount a tmpfs (a container without CAP_SYS_ADMIN)");
    struct Unmount
    {
        QString path;
        ~Unmount() { QProcess::execute(QStringLiteral("umount"), {path}); }
    } unmount{disk};
    const QString root = disk + "/out";
    const Result result = runSpawnscope(
        {"--headless", "--command", "head -c 300000 /dev/zero", "--output-dir", root, "--report", "-"});
    const QString stdoutFile = root + "/1/1/stdout";
    const qint64 onDisk = QFileInfo(stdoutFile).size();
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains("cannot write " + stdoutFile.toUtf8()), result.err.constData());
    QCOMPARE(result.job.value("stdoutBytes").toInteger(), 300000);
    QVERIFY(result.job.value("outputIncomplete").toBool());
    QCOMPARE(result.job.value("stdoutFileBytes").toInteger(), onDisk);
    QVERIFY(onDisk < 300000);
    QVERIFY(result.job.value("outputError").toString().contains(stdoutFile));
}

void TestOutputDir::theReportAndOutputFilesFollowTheUmask()
{
    // Only the presets file is private: what a run writes is for sharing, as
    // other tools' output is (the child inherits this umask).
    const mode_t old = ::umask(022);
    QTemporaryDir dir;
    const QString root = dir.filePath("out");
    const QString report = dir.filePath("report.json");
    const QString joblog = dir.filePath("joblog.tsv");
    const Result result = runSpawnscope({"--headless", "--command", "echo hi", "--output-dir", root, "--report", report,
                                         "--joblog", joblog});
    ::umask(old);
    QCOMPARE(result.exitCode, 0);
    auto mode = [](const QString &path) {
        struct stat info = {};
        return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 07777) : -1;
    };
    QCOMPARE(mode(report), 0644);
    QCOMPARE(mode(joblog), 0644);
    QCOMPARE(mode(root + "/1/1/stdout"), 0644);
    QCOMPARE(mode(root + "/1/1/cmd"), 0644);
    QCOMPARE(mode(root + "/1/1"), 0755);
    QCOMPARE(mode(root), 0755);
}

QTEST_GUILESS_MAIN(TestOutputDir)
#include "tst_outputdir.moc"
