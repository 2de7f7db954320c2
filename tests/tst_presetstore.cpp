#include "presetfile.h"
#include "presetstore.h"

#include "atomicfile.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

namespace {

Preset preset(const QString &id, const QString &secret = {})
{
    Preset p;
    p.id = id;
    p.title = id;
    StageSpec stage;
    stage.program = QStringLiteral("echo");
    stage.args = {id};
    if (!secret.isEmpty())
        stage.env << EnvVar{QStringLiteral("TOKEN"), secret, true};
    p.stages = {stage};
    return p;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The mode bits of path, as stat() gives them; -1 when it cannot be read.
int modeOf(const QString &path)
{
    struct stat info = {};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 07777) : -1;
}

// Sets the process's umask for the life of the object.
class UmaskScope
{
public:
    explicit UmaskScope(mode_t mask) : m_old(::umask(mask)) {}
    ~UmaskScope() { ::umask(m_old); }

private:
    mode_t m_old;
};

} // namespace

class TestPresetStore : public QObject
{
    Q_OBJECT

private slots:
    void missingFileIsEmpty();
    void saveThenLoad();
    void saveCreatesTheFolder();
    void mergeRenamesTakenIds();
    void exportsLeaveSecretsOut();
    void importFromTheCommandLine();
    void badImportsLeaveTheStoreByteForByte_data();
    void badImportsLeaveTheStoreByteForByte();
    void aFailingWriteLeavesTheOldFileIntact();
    void theFileAndItsFolderArePrivate();
    void aWiderOldFileIsMadePrivate();
    void reportsStillFollowTheUmask();
};

void TestPresetStore::missingFileIsEmpty()
{
    QTemporaryDir dir;
    const PresetFile::Result result = PresetStore(dir.filePath("none.json")).load();
    QVERIFY(result.ok());
    QVERIFY(result.presets.isEmpty());
}

void TestPresetStore::saveThenLoad()
{
    QTemporaryDir dir;
    PresetStore store(dir.filePath("presets.json"));
    QString error;
    QVERIFY(store.save({preset("b"), preset("a", "s3cret")}, &error));
    const PresetFile::Result result = store.load();
    QVERIFY(result.ok());
    QCOMPARE(result.presets.size(), 2);
    QCOMPARE(result.presets.at(0).id, QStringLiteral("b")); // order is kept
    QCOMPARE(result.presets.at(1).stages.first().env.first().value, QStringLiteral("s3cret")); // your own file keeps it
    QVERIFY(!result.presets.at(0).builtIn);
}

void TestPresetStore::saveCreatesTheFolder()
{
    QTemporaryDir dir;
    PresetStore store(dir.filePath("deeper/still/presets.json"));
    QString error;
    QVERIFY2(store.save({preset("x")}, &error), qPrintable(error));
    QVERIFY(QFile::exists(store.path()));
}

void TestPresetStore::mergeRenamesTakenIds()
{
    QList<Preset> mine{preset("mine")};
    const QList<Preset> added = PresetStore::merge(&mine, {preset("mine"), preset("hello-child"), preset("new")},
                                                   {QStringLiteral("hello-child")});
    QCOMPARE(added.size(), 3);
    QCOMPARE(added.at(0).id, QStringLiteral("mine-2"));
    QCOMPARE(added.at(1).id, QStringLiteral("hello-child-2"));
    QCOMPARE(added.at(2).id, QStringLiteral("new"));
    QCOMPARE(mine.size(), 4);
}

void TestPresetStore::exportsLeaveSecretsOut()
{
    const QList<Preset> exported = PresetStore::withoutSecrets({preset("a", "s3cret")});
    const QByteArray json = PresetFile::serialize(exported);
    QVERIFY(!json.contains("s3cret"));
    QVERIFY(json.contains("\"secret\": true")); // still marked, so an import knows to ask
}

void TestPresetStore::importFromTheCommandLine()
{
    QTemporaryDir config;
    QTemporaryDir dir;
    const QString file = dir.filePath("in.json");
    QString error;
    QVERIFY(PresetFile::save(file, {preset("imported"), preset("hello-child")}, &error));
    QProcess app;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
    app.setProcessEnvironment(env);
    app.start(QStringLiteral(SPAWNSCOPE_PATH), {QStringLiteral("--import-presets"), file});
    QVERIFY(app.waitForFinished(10000));
    QCOMPARE(app.exitCode(), 0);
    QVERIFY(app.readAllStandardOutput().contains("imported 2 preset(s)"));
    app.start(QStringLiteral(SPAWNSCOPE_PATH), {QStringLiteral("--list-presets")});
    QVERIFY(app.waitForFinished(10000));
    const QByteArray list = app.readAllStandardOutput();
    QVERIFY(list.contains("imported\timported\n"));
    QVERIFY(list.contains("hello-child-2\thello-child\n")); // the seed keeps its id
    // --headless --preset finds your presets too.
    app.start(QStringLiteral(SPAWNSCOPE_PATH),
              {QStringLiteral("--headless"), QStringLiteral("--preset"), QStringLiteral("imported")});
    QVERIFY(app.waitForFinished(10000));
    QCOMPARE(app.exitCode(), 0);
    QVERIFY(app.readAllStandardOutput().contains("imported"));
}

void TestPresetStore::badImportsLeaveTheStoreByteForByte_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");
    QTest::newRow("invalid JSON") << QByteArray("{\"version\": 1, \"presets\": [") << "not valid JSON";
    QTest::newRow("wrong type") << QByteArray(R"({"version":1,"presets":[{"id":"x","stages":[{"program":5}]}]})")
                                << "program must be a string";
    QTest::newRow("deep nesting") << QByteArray(5000, '[') << "not valid JSON";
    QTest::newRow("invalid UTF-8") << QByteArray("{\"version\":1,\"presets\":[{\"id\":\"\xff\xfe\"}]}") << "not valid JSON";
    QTest::newRow("unknown version") << QByteArray(R"({"version":9,"presets":[]})") << "unknown version 9";
    QTest::newRow("100 MB") << QByteArray() << "at most 16 MiB";
}

void TestPresetStore::badImportsLeaveTheStoreByteForByte()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    QTemporaryDir config;
    QTemporaryDir dir;
    const QString storePath = config.filePath("SpawnScope/spawnscope/presets.json");
    QString error;
    QVERIFY(PresetStore(storePath).save({preset("keep-me", "s3cret")}, &error));
    const QByteArray before = readAll(storePath);

    const QString file = dir.filePath("bad.json");
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    if (content.isEmpty())
        out.resize(100 * 1024 * 1024); // a sparse 100 MB file
    else
        out.write(content);
    out.close();

    QProcess app;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
    app.setProcessEnvironment(env);
    app.start(QStringLiteral(SPAWNSCOPE_PATH), {QStringLiteral("--import-presets"), file});
    QVERIFY(app.waitForFinished(20000));
    QCOMPARE(app.exitCode(), 2);
    const QString err = QString::fromUtf8(app.readAllStandardError()).trimmed();
    QVERIFY2(err.contains(message) && err.contains(file), qPrintable(err));
    QVERIFY(!err.contains(QLatin1Char('\n')));
    QCOMPARE(readAll(storePath), before);
}

void TestPresetStore::aFailingWriteLeavesTheOldFileIntact()
{
    // A real failing write: the file-size limit stops the new file at 1 KiB.
    QTemporaryDir config;
    QTemporaryDir dir;
    const QString storePath = config.filePath("SpawnScope/spawnscope/presets.json");
    QString error;
    QVERIFY(PresetStore(storePath).save({preset("keep-me")}, &error));
    const QByteArray before = readAll(storePath);
    QList<Preset> many;
    for (int i = 0; i < 200; ++i)
        many << preset(QStringLiteral("bulk-%1").arg(i));
    const QString file = dir.filePath("many.json");
    QVERIFY(PresetFile::save(file, many, &error));

    QProcess app;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
    app.setProcessEnvironment(env);
    // Ignoring SIGXFSZ makes the write fail with EFBIG instead of killing the process.
    app.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), QStringLiteral("trap '' XFSZ; ulimit -f 2; exec \"$0\" --import-presets \"$1\""),
                                          QStringLiteral(SPAWNSCOPE_PATH), file});
    QVERIFY(app.waitForFinished(20000));
    QCOMPARE(app.exitCode(), 2);
    QVERIFY2(app.readAllStandardError().contains("previous file is unchanged"), "no clear message");
    QCOMPARE(readAll(storePath), before);
    // No half-written temporary file is left beside it either.
    QCOMPARE(QDir(QFileInfo(storePath).absolutePath()).entryList(QDir::Files), QStringList{"presets.json"});
}

void TestPresetStore::theFileAndItsFolderArePrivate()
{
    const UmaskScope umask(022);
    QTemporaryDir dir;
    PresetStore store(dir.filePath("config/SpawnScope/presets.json"));
    QString error;
    QVERIFY2(store.save({preset("a", "s3cret")}, &error), qPrintable(error));
    QCOMPARE(modeOf(store.path()), 0600);
    QCOMPARE(modeOf(dir.filePath("config/SpawnScope")), 0700);
    QCOMPARE(modeOf(dir.filePath("config")), 0700); // made on the way: private too
    QCOMPARE(modeOf(dir.path()), 0700);              // QTemporaryDir's own, untouched
    // A second save replaces the file and keeps it private.
    QVERIFY2(store.save({preset("a", "s3cret"), preset("b")}, &error), qPrintable(error));
    QCOMPARE(modeOf(store.path()), 0600);
    QCOMPARE(store.load().presets.size(), 2);
}

void TestPresetStore::aWiderOldFileIsMadePrivate()
{
    const UmaskScope umask(022);
    QTemporaryDir dir;
    const QString shared = dir.filePath("shared");
    QVERIFY(QDir().mkpath(shared));
    QVERIFY(QFile::setPermissions(shared, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                                              | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther));
    PresetStore store(shared + "/presets.json");
    {
        QFile old(store.path());
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write(PresetFile::serialize({preset("old")}));
    }
    QVERIFY(::chmod(QFile::encodeName(store.path()).constData(), 0644) == 0);
    QString error;
    QVERIFY2(store.save({preset("new", "s3cret")}, &error), qPrintable(error));
    QCOMPARE(modeOf(store.path()), 0600);
    QCOMPARE(modeOf(shared), 0755); // a folder the user made stays as they set it
    QCOMPARE(store.load().presets.first().id, QStringLiteral("new"));
}

void TestPresetStore::reportsStillFollowTheUmask()
{
    const UmaskScope umask(022);
    QTemporaryDir dir;
    const QString report = dir.filePath("report.json");
    QString error;
    QVERIFY2(AtomicFile::write(report, "{}\n", QStringLiteral("the report"), &error), qPrintable(error));
    QCOMPARE(modeOf(report), 0644);
}

QTEST_GUILESS_MAIN(TestPresetStore)
#include "tst_presetstore.moc"
