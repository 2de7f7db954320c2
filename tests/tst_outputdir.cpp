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
    void aPlantedLinkIsRefusedNeverFollowed();
    void aRerunReplacesItsOwnFiles();
    void aSharedDirIsRefused_data();
    void aSharedDirIsRefused();
    void aFailedWriteIsNotSilent();
};

void TestOutputDir::aPlantedLinkIsRefusedNeverFollowed()
{
    QTemporaryDir dir;
    const QString victim = dir.filePath("victim");
    QVERIFY(writeFile(victim, "precious\n"));
    const QString root = dir.filePath("out");
    QVERIFY(QDir().mkpath(root + "/1/1"));
    const QString planted = root + "/1/1/stdout";
    QVERIFY(QFile::link(victim, planted));
    const Result result =
        runSpawnscope({"--headless", "--command", "echo overwritten", "--output-dir", root, "--report", "-"});
    QCOMPARE(readAll(victim), QByteArray("precious\n"));
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(planted.toUtf8() + " is a symbolic link"), result.err.constData());
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

QTEST_GUILESS_MAIN(TestOutputDir)
#include "tst_outputdir.moc"
