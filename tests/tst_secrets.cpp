// A secret's value is never written anywhere but the presets file: not into
// reports, job logs, traces, output folders or sessions, not into the seed's
// code, and a run read back from such a file asks for the value again rather
// than running with an empty stand-in.
#include "jobengine.h"
#include "jobrun.h"
#include "mainwindow.h"
#include "presetfile.h"
#include "rungate.h"
#include "sessionactions.h"
#include "sessionkeeper.h"
#include "sessionwriter.h"
#include "testsupport.h"
#include "threadlab.h"

#include <QCheckBox>
#include <QDialog>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace TestSupport;

namespace {

// Unusual enough that finding it anywhere means it leaked.
const QString Value = QStringLiteral("s3cr3t-Xq7-value");

// A preset whose child proves it got the value (it prints its length, not
// the value) and whose seed code spells the value out, as the notes do.
Preset secretPreset()
{
    Preset preset;
    preset.id = QStringLiteral("secret-run");
    preset.title = QStringLiteral("Secret run");
    StageSpec stage;
    stage.program = QStringLiteral("sh");
    stage.args = {QStringLiteral("-c"), QStringLiteral("echo \"length ${#TOKEN}\"")};
    stage.env << EnvVar{QStringLiteral("TOKEN"), Value, true};
    preset.stages << stage;
    preset.python = QStringLiteral("env['TOKEN'] = '%1'\nprint(\"%1\")\n").arg(Value);
    return preset;
}

// Every file under dir whose bytes contain the value, as paths.
QStringList filesHolding(const QString &dir, const QByteArray &needle)
{
    QStringList found;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            found << path;
    }
    return found;
}

} // namespace

class TestSecrets : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void reportFormLeavesTheValueOut();
    void presetsFileKeepsTheValue();
    void exportWithSecretsIsPrivate();
    void seedCodeIsMasked();
    void withheldSecretIsNotRunEmpty();
    void headlessFilesNeverHoldTheValue();
    void sessionNeverHoldsTheValue();
    void runAgainFromAFileAsksOnceAndForTheSecret();
    void environmentCannotChooseTheTracer();
    void windowFoldersArePrivate();
};

void TestSecrets::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestSecrets::reportFormLeavesTheValueOut()
{
    const QJsonObject json = secretPreset().toJson();
    const QByteArray text = QJsonDocument(json).toJson();
    QVERIFY2(!text.contains(Value.toUtf8()), text.constData());
    const QJsonObject token =
        json.value("stages").toArray().at(0).toObject().value("env").toObject().value("TOKEN").toObject();
    QCOMPARE(token.value("secret").toBool(), true);
    QVERIFY(!token.contains("value"));

    // Read back: the name and the flag stay, the value is known to be missing.
    Preset back;
    QString error;
    QVERIFY2(Preset::fromJson(json, 0, &back, &error), qPrintable(error));
    QCOMPARE(back.withheldSecrets(), QStringList{QStringLiteral("TOKEN")});
    const EnvVar var = back.stages.at(0).env.at(0);
    QVERIFY(var.secret && var.withheld && var.value.isEmpty());
    back.supplySecret(QStringLiteral("TOKEN"), QStringLiteral("given"));
    QVERIFY(back.withheldSecrets().isEmpty());
    QCOMPARE(back.stages.at(0).env.at(0).value, QStringLiteral("given"));

    // A non-secret variable without a value is still an error.
    QJsonObject plain = json;
    QJsonArray stages = plain.value("stages").toArray();
    QJsonObject stage = stages.at(0).toObject();
    stage.insert("env", QJsonObject{{"PLAIN", QJsonObject{{"secret", false}}}});
    stages[0] = stage;
    plain.insert("stages", stages);
    QVERIFY(!Preset::fromJson(plain, 0, &back, &error));
    QVERIFY2(error.contains("PLAIN.value"), qPrintable(error));
}

void TestSecrets::presetsFileKeepsTheValue()
{
    // The user's own presets file is the one place the value must stay,
    // or the preset could not run after a restart; an export may leave it out.
    const QByteArray kept = PresetFile::serialize({secretPreset()});
    QVERIFY(kept.contains(Value.toUtf8()));
    const PresetFile::Result loaded = PresetFile::parse(kept, QStringLiteral("kept"));
    QVERIFY2(loaded.ok(), qPrintable(loaded.error));
    QCOMPARE(loaded.presets.at(0).stages.at(0).env.at(0).value, Value);
    QVERIFY(loaded.presets.at(0).withheldSecrets().isEmpty());

    const QByteArray exported = PresetFile::serialize({secretPreset()}, SecretValues::Omit);
    QVERIFY2(!exported.contains(Value.toUtf8()), exported.constData());
    const PresetFile::Result imported = PresetFile::parse(exported, QStringLiteral("exported"));
    QVERIFY2(imported.ok(), qPrintable(imported.error));
    QCOMPARE(imported.presets.at(0).withheldSecrets(), QStringList{QStringLiteral("TOKEN")});
}

void TestSecrets::exportWithSecretsIsPrivate()
{
    QTemporaryDir dir;
    const mode_t old = ::umask(022);
    QString error;
    const QString with = dir.filePath(QStringLiteral("with.json"));
    const QString without = dir.filePath(QStringLiteral("without.json"));
    const bool saved = PresetFile::save(with, {secretPreset()}, &error, SecretValues::Keep)
                       && PresetFile::save(without, {secretPreset()}, &error, SecretValues::Omit);
    ::umask(old);
    QVERIFY2(saved, qPrintable(error));
    struct stat info;
    QCOMPARE(::stat(QFile::encodeName(with).constData(), &info), 0);
    QCOMPARE(info.st_mode & 0777, mode_t(0600));
    // Without the values it is an ordinary file, as the umask says.
    QCOMPARE(::stat(QFile::encodeName(without).constData(), &info), 0);
    QCOMPARE(info.st_mode & 0777, mode_t(0644));
}

void TestSecrets::seedCodeIsMasked()
{
    const QString code = secretPreset().maskedPython();
    QVERIFY2(!code.contains(Value), qPrintable(code));
    QVERIFY2(code.contains(QStringLiteral("env['TOKEN'] = os.environ[\"TOKEN\"]")), qPrintable(code));
    // The report's copy of the code is the masked one.
    QVERIFY(!secretPreset().toJson().value("python").toString().contains(Value));
    QVERIFY(secretPreset().toJson(SecretValues::Keep).value("python").toString().contains(Value));
}

void TestSecrets::withheldSecretIsNotRunEmpty()
{
    Preset preset = secretPreset();
    preset.stages[0].env[0].value.clear();
    preset.stages[0].env[0].withheld = true;
    JobEngine engine;
    JobRun *run = engine.start(preset);
    QVERIFY(waitRun(run));
    const JobOutcome outcome = run->jobs().at(0)->outcome();
    QCOMPARE(outcome.state, JobOutcome::State::FailedToStart);
    QVERIFY2(outcome.error.contains(QStringLiteral("TOKEN")), qPrintable(outcome.error));
    QCOMPARE(run->jobs().at(0)->pid(), qint64(0));
}

void TestSecrets::headlessFilesNeverHoldTheValue()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString presets = dir.filePath(QStringLiteral("presets.json"));
    QString error;
    QVERIFY2(PresetFile::save(presets, {secretPreset()}, &error), qPrintable(error));
    const QString out = dir.filePath(QStringLiteral("out"));
    QVERIFY(QDir().mkpath(out));

    QProcess spawnscope;
    spawnscope.setProgram(QStringLiteral(SPAWNSCOPE_PATH));
    spawnscope.setArguments({QStringLiteral("--headless"), QStringLiteral("--presets-file"), presets,
                             QStringLiteral("--preset"), QStringLiteral("secret-run"),
                             QStringLiteral("--report"), out + QStringLiteral("/report.json"),
                             QStringLiteral("--joblog"), out + QStringLiteral("/joblog.tsv"),
                             QStringLiteral("--trace"), out + QStringLiteral("/trace.json"),
                             QStringLiteral("--output-dir"), out + QStringLiteral("/output")});
    spawnscope.start();
    QVERIFY(spawnscope.waitForFinished(30000));
    QVERIFY2(spawnscope.exitCode() == 0, spawnscope.readAllStandardError().constData());

    // The child had the value (its length), and no file written holds it.
    QFile report(out + QStringLiteral("/report.json"));
    QVERIFY(report.open(QIODevice::ReadOnly));
    const QByteArray reportText = report.readAll();
    QVERIFY2(reportText.contains("length 16"), reportText.constData());
    QVERIFY(reportText.contains("\"secret\": true") || reportText.contains("\"secret\":true"));
    QVERIFY(QFile::exists(out + QStringLiteral("/joblog.tsv")));
    QVERIFY(QFile::exists(out + QStringLiteral("/trace.json")));
    QVERIFY(QDir(out + QStringLiteral("/output")).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).size() > 0);
    QCOMPARE(filesHolding(out, Value.toUtf8()), QStringList());
}

void TestSecrets::sessionNeverHoldsTheValue()
{
    JobEngine engine;
    JobRun *run = engine.start(secretPreset());
    QVERIFY(waitRun(run));
    QVERIFY(run->jobs().at(0)->stdoutTail().tail().contains("length 16"));
    const QByteArray session = SessionWriter::document({SessionWriter::runPieces(run)});
    QVERIFY(session.contains("Secret run"));
    QVERIFY2(!session.contains(Value.toUtf8()), session.constData());
}

void TestSecrets::runAgainFromAFileAsksOnceAndForTheSecret()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("theirs.spawnscope"));
    {
        JobEngine engine;
        JobRun *run = engine.start(secretPreset());
        QVERIFY(waitRun(run));
        QString error;
        QVERIFY2(SessionWriter::write(path, {SessionWriter::runPieces(run)}, &error), qPrintable(error));
    }

    JobEngine engine;
    ThreadLab lab(&engine);
    SessionKeeper keeper(&engine);
    MainWindow window(&engine, &lab, PresetFile::builtIns());
    window.setSessionKeeper(&keeper);
    window.sessionActions()->openFile(path);
    QTRY_COMPARE(engine.runs().size(), 1);
    JobRun *opened = engine.runs().first();
    window.selectRun(opened);

    // Opening ran nothing; Run again shows what would run, and waits.
    QAction *rerun = nullptr;
    for (QAction *action : window.findChildren<QAction *>()) {
        if (action->text().remove(QLatin1Char('&')) == QLatin1String("Run again"))
            rerun = action;
    }
    QVERIFY(rerun);
    QTRY_VERIFY(rerun->isEnabled());
    rerun->trigger();
    QCOMPARE(engine.runs().size(), 1);
    QDialog *dialog = window.runGate()->pendingDialog();
    QVERIFY(dialog);
    const QString details = dialog->findChild<QPlainTextEdit *>(QStringLiteral("runGateDetails"))->toPlainText();
    QVERIFY2(details.contains(QStringLiteral("echo")), qPrintable(details));
    QVERIFY2(details.contains(QStringLiteral("TOKEN = (secret, not in the file")), qPrintable(details));
    QVERIFY2(details.contains(QStringLiteral("(from the file)")), qPrintable(details));
    auto *runButton = dialog->findChild<QPushButton *>(QStringLiteral("runGateRun"));
    QVERIFY(runButton);
    QVERIFY(!runButton->isEnabled()); // not without the value
    auto *field = dialog->findChild<QLineEdit *>(QStringLiteral("secret:TOKEN"));
    QVERIFY(field);
    QCOMPARE(field->echoMode(), QLineEdit::Password);
    field->setText(QStringLiteral("abc"));
    QVERIFY(runButton->isEnabled());
    runButton->click();
    QTRY_COMPARE(engine.runs().size(), 2);
    JobRun *again = engine.runs().last();
    QVERIFY(waitRun(again));
    QVERIFY2(again->jobs().at(0)->stdoutTail().tail().contains("length 3"), again->jobs().at(0)->stdoutTail().tail().constData());

    // Asked once: the same run again starts at once, with the value given.
    QTRY_VERIFY(!window.runGate()->pendingDialog());
    window.selectRun(opened);
    QTRY_VERIFY(rerun->isEnabled());
    rerun->trigger();
    QCOMPARE(engine.runs().size(), 3);
    QVERIFY(!window.runGate()->pendingDialog());
    QVERIFY(waitRun(engine.runs().last()));
    QVERIFY(engine.runs().last()->jobs().at(0)->stdoutTail().tail().contains("length 3"));
}

// The release binary runs what it is, whatever the environment says: the
// tests' own seam (TraceProtocol::setTracerProgram) is a call, not a variable.
void TestSecrets::environmentCannotChooseTheTracer()
{
    QTemporaryDir dir;
    const QString marker = dir.filePath(QStringLiteral("ran"));
    const QString impostor = dir.filePath(QStringLiteral("impostor.sh"));
    QFile script(impostor);
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write(QStringLiteral("#!/bin/sh\ntouch '%1'\nexit 9\n").arg(marker).toUtf8());
    script.close();
    script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    QProcess spawnscope;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SPAWNSCOPE_TRACER"), impostor);
    env.insert(QStringLiteral("ASAN_OPTIONS"), QStringLiteral("detect_leaks=0"));
    spawnscope.setProcessEnvironment(env);
    spawnscope.start(QStringLiteral(SPAWNSCOPE_PATH),
                     {QStringLiteral("--headless"), QStringLiteral("--watch"), QStringLiteral("--command"),
                      QStringLiteral("sh -c 'exit 0'"), QStringLiteral("--report"), QStringLiteral("-")});
    QVERIFY(spawnscope.waitForFinished(30000));
    QCOMPARE(spawnscope.exitCode(), 0);
    QVERIFY(!QFile::exists(marker));
}

// The window's own folders (settings, presets, the kept session) are 0700
// from its first start, and an older, wider one of SpawnScope's is tightened.
void TestSecrets::windowFoldersArePrivate()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QString config = home.filePath(QStringLiteral("config"));
    const QString data = home.filePath(QStringLiteral("data"));
    QVERIFY(QDir().mkpath(config + QStringLiteral("/SpawnScope")));
    QVERIFY(QFile::setPermissions(config + QStringLiteral("/SpawnScope"),
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                                      | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther));
    QProcess window;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config);
    env.insert(QStringLiteral("XDG_DATA_HOME"), data);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    window.setProcessEnvironment(env);
    window.start(QStringLiteral(SPAWNSCOPE_PATH), {QStringLiteral("--command"), QStringLiteral("true")});
    const QString session = data + QStringLiteral("/SpawnScope/spawnscope/session.spawnscope");
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(session), 20000);
    window.terminate();
    QVERIFY(window.waitForFinished(20000));
    for (const QString &folder : {config + QStringLiteral("/SpawnScope"), config + QStringLiteral("/SpawnScope/spawnscope"),
                                  data + QStringLiteral("/SpawnScope"), data + QStringLiteral("/SpawnScope/spawnscope")}) {
        struct stat info;
        QVERIFY2(::stat(QFile::encodeName(folder).constData(), &info) == 0, qPrintable(folder));
        QVERIFY2((info.st_mode & 0777) == 0700, qPrintable(QStringLiteral("%1: %2").arg(folder).arg(info.st_mode & 0777, 0, 8)));
    }
    struct stat info;
    QCOMPARE(::stat(QFile::encodeName(session).constData(), &info), 0);
    QCOMPARE(info.st_mode & 0777, mode_t(0600));
}

QTEST_MAIN(TestSecrets)
#include "tst_secrets.moc"
