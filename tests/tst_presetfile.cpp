// The preset file format, the presets built from it, and the ad-hoc command.
#include "builtinpresettexts.h"
#include "shellwords.h"
#include "preset.h"
#include "presetfile.h"
#include "stagespec.h"
#include "stdinspec.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

namespace {

const QString kSecret = QStringLiteral("zf7ShyBhgZ0raQDdE/FiZpm/m/8f9X+M1");

// A version 1 file around the given presets array body.
QByteArray fileWith(const QByteArray &presetsBody)
{
    return QByteArrayLiteral("{\"version\": 1, \"presets\": [") + presetsBody + QByteArrayLiteral("]}");
}

// One preset object with a valid stage, plus extra fields spliced in.
QByteArray presetWith(const QByteArray &extraFields, const QByteArray &id = "p")
{
    return QByteArrayLiteral("{\"id\": \"") + id + QByteArrayLiteral("\", \"stages\": [{\"program\": \"true\"}]")
           + (extraFields.isEmpty() ? QByteArray() : QByteArrayLiteral(", ") + extraFields) + QByteArrayLiteral("}");
}

// One preset whose only stage has the given body.
QByteArray stageWith(const QByteArray &stageBody)
{
    return QByteArrayLiteral("{\"id\": \"p\", \"stages\": [{") + stageBody + QByteArrayLiteral("}]}");
}

StageSpec stage(const QString &program, const QStringList &args = {}, const QList<EnvVar> &env = {},
                const QString &cwd = {})
{
    StageSpec s;
    s.program = program;
    s.args = args;
    s.env = env;
    s.cwd = cwd;
    return s;
}

Preset preset(const QString &id, const QList<StageSpec> &stages)
{
    Preset p;
    p.id = id;
    p.title = id;
    p.stages = stages;
    return p;
}

const Preset *findPreset(const QList<Preset> &presets, const QString &id)
{
    for (const Preset &p : presets) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

QStringList entriesOf(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
}

} // namespace

class TestPresetFile : public QObject
{
    Q_OBJECT

private slots:
    void builtInIds();
    void builtInShapes();
    void builtInsAreMarkedAndHaveTeachingText();
    void builtInTextsAreListedForTranslation();

    void roundTripBuiltIns();
    void roundTrip_data();
    void roundTrip();

    void goodFiles_data();
    void goodFiles();
    void badFiles_data();
    void badFiles();
    void unknownFieldsAreIgnored();

    void loadErrors();
    void loadOversizedFile();
    void saveAndReload();
    void saveReplacesExistingFile();
    void saveIntoMissingDirectoryFails();
    void saveFailureKeepsOldFile();

    void fromCommand_data();
    void fromCommand();
    void fromCommandSplitsLikeAShell();
    void fromCommandRefusesAnUnclosedQuote();
    void fromCommandBlank_data();
    void fromCommandBlank();

    void shellQuote_data();
    void shellQuote();
    void shellQuoteSurvivesARealShell_data();
    void shellQuoteSurvivesARealShell();
    void commandLineReadsBackAsTheSameWords_data();
    void commandLineReadsBackAsTheSameWords();
    void runsShell_data();
    void runsShell();
    void commandLines();

    void stdinMaterialize();
};

// --- built-ins ------------------------------------------------------------

void TestPresetFile::builtInIds()
{
    const QList<Preset> presets = PresetFile::builtIns();
    QStringList ids;
    for (const Preset &p : presets)
        ids << p.id;
    QCOMPARE(ids, (QStringList{"hello-child", "poll-sleep", "fanout-sleep", "python-fanout-watched", "openssl-encrypt", "chain-md5",
                               "chain-whirlpool", "timeout-kill", "buffering-pipe", "buffering-pty"}));
}

void TestPresetFile::builtInShapes()
{
    const QList<Preset> presets = PresetFile::builtIns();

    const Preset *hello = findPreset(presets, "hello-child");
    QVERIFY(hello);
    QCOMPARE(hello->copies, 1);
    QCOMPARE(hello->stages.size(), 1);
    QCOMPARE(hello->stages.first().program, QStringLiteral("echo"));
    QVERIFY(hello->stdinSpec.isNone());
    QCOMPARE(hello->timeoutSec, 0.0);

    const Preset *poll = findPreset(presets, "poll-sleep");
    QVERIFY(poll);
    QCOMPARE(poll->pollIntervalSec, 0.2);
    QCOMPARE(poll->stages.first().program, QStringLiteral("sleep"));

    const Preset *fanout = findPreset(presets, "fanout-sleep");
    QVERIFY(fanout);
    QCOMPARE(fanout->copies, 10);
    QVERIFY(!fanout->isChain());

    const Preset *encrypt = findPreset(presets, "openssl-encrypt");
    QVERIFY(encrypt);
    QCOMPARE(encrypt->copies, 3);
    QCOMPARE(encrypt->stages.size(), 1);
    QCOMPARE(encrypt->stages.first().program, QStringLiteral("openssl"));
    QCOMPARE(encrypt->stages.first().env.size(), 1);
    const EnvVar password = encrypt->stages.first().env.first();
    QCOMPARE(password.name, QStringLiteral("password"));
    QCOMPARE(password.value, kSecret);
    QVERIFY(password.secret);
    QCOMPARE(password.displayValue(), EnvVar::mask());
    QCOMPARE(encrypt->stdinSpec.kind, StdinSpec::Kind::RandomBytes);
    QCOMPARE(encrypt->stdinSpec.randomCount, 10);
    QVERIFY(!encrypt->commandLine().contains(kSecret));

    const Preset *md5 = findPreset(presets, "chain-md5");
    QVERIFY(md5);
    QCOMPARE(md5->copies, 3);
    QCOMPARE(md5->stages.size(), 2);
    QVERIFY(md5->isChain());
    QCOMPARE(md5->stages.last().program, QStringLiteral("md5sum"));
    QVERIFY(md5->stages.first().env.first().secret);
    QCOMPARE(md5->commandLine(), QStringLiteral("openssl enc -des3 -pass env:password | md5sum"));

    const Preset *whirlpool = findPreset(presets, "chain-whirlpool");
    QVERIFY(whirlpool);
    QCOMPARE(whirlpool->stages.size(), 2);
    const QStringList hashArgs = whirlpool->stages.last().args;
    QVERIFY(hashArgs.contains(QStringLiteral("-whirlpool")));
    const qsizetype provider = hashArgs.indexOf(QStringLiteral("-provider"));
    QVERIFY2(provider >= 0, qPrintable(hashArgs.join(' ')));
    QVERIFY(hashArgs.mid(provider).join(' ').contains(QStringLiteral("-provider legacy")));
    QCOMPARE(whirlpool->stdinSpec.randomCount, 100);

    const Preset *timeout = findPreset(presets, "timeout-kill");
    QVERIFY(timeout);
    QCOMPARE(timeout->timeoutSec, 0.1);
    QCOMPARE(timeout->graceSec, 2.0);
    QCOMPARE(timeout->stages.first().program, QStringLiteral("sleep"));
}

void TestPresetFile::builtInsAreMarkedAndHaveTeachingText()
{
    const QList<Preset> presets = PresetFile::builtIns();
    QVERIFY(!presets.isEmpty());
    for (const Preset &p : presets) {
        QVERIFY2(p.builtIn, qPrintable(p.id));
        QVERIFY2(!p.python.trimmed().isEmpty(), qPrintable(p.id));
        QVERIFY2(p.python.contains(QStringLiteral("subprocess")), qPrintable(p.id));
        QVERIFY2(!p.title.isEmpty(), qPrintable(p.id));
        QVERIFY2(!p.description.isEmpty(), qPrintable(p.id));
        QVERIFY2(!p.runsShell(), qPrintable(p.id)); // the seeds exec directly
    }
}

// --- round trips ----------------------------------------------------------

void TestPresetFile::roundTripBuiltIns()
{
    const QList<Preset> presets = PresetFile::builtIns();
    const QByteArray bytes = PresetFile::serialize(presets);
    const PresetFile::Result result = PresetFile::parse(bytes, QStringLiteral("roundtrip.json"));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.presets, presets);
    // Serializing what was parsed gives the same bytes: the format is stable.
    QCOMPARE(PresetFile::serialize(result.presets), bytes);
    // builtIn is the loader's business, not the file's.
    for (const Preset &p : result.presets)
        QVERIFY(!p.builtIn);
    QVERIFY(bytes.contains("\"secret\": true"));
}

void TestPresetFile::roundTrip_data()
{
    QTest::addColumn<QList<Preset>>("presets");

    QTest::newRow("empty list") << QList<Preset>{};
    QTest::newRow("minimal") << QList<Preset>{preset("min", {stage("true")})};

    Preset full = preset("full", {stage("openssl", {"enc", "-des3"},
                                        {EnvVar{"A", "1", false}, EnvVar{"password", kSecret, true}}, "/tmp"),
                                  stage("md5sum")});
    full.title = QStringLiteral("Full — with ünïcode");
    full.description = QStringLiteral("line one\nline two \"quoted\"");
    full.copies = 7;
    full.timeoutSec = 0.1;
    full.graceSec = 0.5;
    full.pollIntervalSec = 0.25;
    full.python = QStringLiteral("print('hi')\n");
    full.stdinSpec.kind = StdinSpec::Kind::RandomBytes;
    full.stdinSpec.randomCount = 12;
    QTest::newRow("every field") << QList<Preset>{full};

    Preset text = preset("text", {stage("cat")});
    text.stdinSpec.kind = StdinSpec::Kind::Text;
    text.stdinSpec.data = QStringLiteral("héllo\n\tworld").toUtf8();
    QTest::newRow("text stdin") << QList<Preset>{text};

    Preset hex = preset("hex", {stage("xxd")});
    hex.stdinSpec.kind = StdinSpec::Kind::Hex;
    hex.stdinSpec.data = QByteArray("\x00\x01\xfe\xff\n", 5);
    QTest::newRow("binary hex stdin") << QList<Preset>{hex};

    Preset zeroRandom = preset("zero", {stage("cat")});
    zeroRandom.stdinSpec.kind = StdinSpec::Kind::RandomBytes;
    zeroRandom.stdinSpec.randomCount = 0;
    QTest::newRow("zero random bytes") << QList<Preset>{zeroRandom};

    Preset noGrace = preset("nograce", {stage("sleep", {"1"})});
    noGrace.graceSec = 0;
    noGrace.copies = Preset::MaxCopies;
    QTest::newRow("limits") << QList<Preset>{noGrace};

    Preset shell = preset("shell", {stage("/bin/sh", {"-c", "echo 'a b' | tr a-z A-Z"})});
    QTest::newRow("shell with quotes") << QList<Preset>{shell};

    QList<StageSpec> many;
    for (int i = 0; i < Preset::MaxStages; ++i)
        many << stage("cat", {QString::number(i)});
    QTest::newRow("max stages") << QList<Preset>{preset("many", many)};

    Preset interactive = preset("interactive", {stage("bc", {"-q"})});
    interactive.stdinSpec.kind = StdinSpec::Kind::Interactive;
    interactive.pty = true;
    QTest::newRow("interactive stdin in a terminal") << QList<Preset>{interactive};

    Preset compare = preset("compare", {stage("python3", {"-c", "print(1)"})});
    compare.copies = 2;
    compare.ptyCompare = true;
    QTest::newRow("pipe and terminal compared") << QList<Preset>{compare};

    QTest::newRow("several") << QList<Preset>{preset("a", {stage("true")}), text, hex, full};
}

void TestPresetFile::roundTrip()
{
    QFETCH(QList<Preset>, presets);
    const QByteArray bytes = PresetFile::serialize(presets);
    const PresetFile::Result result = PresetFile::parse(bytes, QStringLiteral("x.json"));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.presets.size(), presets.size());
    for (qsizetype i = 0; i < presets.size(); ++i)
        QVERIFY2(result.presets.at(i) == presets.at(i), qPrintable(presets.at(i).id));
}

// --- parsing --------------------------------------------------------------

void TestPresetFile::goodFiles_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QList<Preset>>("expected");

    QTest::newRow("no presets") << QByteArray("{\"version\": 1, \"presets\": []}") << QList<Preset>{};
    QTest::newRow("version 1.0") << QByteArray("{\"version\": 1.0, \"presets\": []}") << QList<Preset>{};
    QTest::newRow("minimal") << fileWith(presetWith({})) << QList<Preset>{preset("p", {stage("true")})};

    QTest::newRow("id and program are trimmed")
        << fileWith("{\"id\": \"  p \", \"stages\": [{\"program\": \" true \"}]}")
        << QList<Preset>{preset("p", {stage("true")})};

    QTest::newRow("nulls mean absent")
        << fileWith("{\"id\": \"p\", \"title\": null, \"copies\": null, \"timeoutSec\": null, \"stdin\": null,"
                    " \"stages\": [{\"program\": \"true\", \"args\": null, \"env\": null, \"cwd\": null}]}")
        << QList<Preset>{preset("p", {stage("true")})};

    Preset titled = preset("p", {stage("echo", {"a", "b c"})});
    titled.title = QStringLiteral("Title");
    titled.description = QStringLiteral("Desc");
    titled.python = QStringLiteral("pass");
    titled.copies = 4;
    titled.timeoutSec = 1.5;
    titled.graceSec = 0;
    titled.pollIntervalSec = 0.01;
    QTest::newRow("all scalar fields")
        << fileWith("{\"id\": \"p\", \"title\": \"Title\", \"description\": \"Desc\", \"python\": \"pass\","
                    " \"copies\": 4, \"timeoutSec\": 1.5, \"graceSec\": 0, \"pollIntervalSec\": 0.01,"
                    " \"stages\": [{\"program\": \"echo\", \"args\": [\"a\", \"b c\"]}]}")
        << QList<Preset>{titled};

    QTest::newRow("env as plain strings and objects")
        << fileWith(stageWith("\"program\": \"env\", \"env\": {\"B\": \"2\", \"A\": {\"value\": \"1\"},"
                              " \"S\": {\"value\": \"s\", \"secret\": true}, \"N\": {\"value\": \"n\", \"secret\": false}}"))
        << QList<Preset>{preset("p", {stage("env", {},
                                            {EnvVar{"A", "1", false}, EnvVar{"B", "2", false},
                                             EnvVar{"N", "n", false}, EnvVar{"S", "s", true}})})};

    QTest::newRow("cwd") << fileWith(stageWith("\"program\": \"pwd\", \"cwd\": \"/\""))
                         << QList<Preset>{preset("p", {stage("pwd", {}, {}, "/")})};

    Preset hex = preset("p", {stage("true")});
    hex.stdinSpec.kind = StdinSpec::Kind::Hex;
    hex.stdinSpec.data = QByteArray("\x0a\xff\x00", 3);
    QTest::newRow("hex with spaces and capitals")
        << fileWith(presetWith("\"stdin\": {\"hex\": \"0A ff 00\"}")) << QList<Preset>{hex};

    Preset emptyHex = preset("p", {stage("true")});
    emptyHex.stdinSpec.kind = StdinSpec::Kind::Hex;
    QTest::newRow("empty hex") << fileWith(presetWith("\"stdin\": {\"hex\": \"\"}")) << QList<Preset>{emptyHex};

    Preset text = preset("p", {stage("true")});
    text.stdinSpec.kind = StdinSpec::Kind::Text;
    text.stdinSpec.data = QStringLiteral("ü\n").toUtf8();
    QTest::newRow("text stdin") << fileWith(presetWith("\"stdin\": {\"text\": \"\\u00fc\\n\"}"))
                                << QList<Preset>{text};

    Preset random = preset("p", {stage("true")});
    random.stdinSpec.kind = StdinSpec::Kind::RandomBytes;
    random.stdinSpec.randomCount = StdinSpec::MaxRandomBytes;
    QTest::newRow("max random bytes")
        << fileWith(presetWith(QByteArray("\"stdin\": {\"randomBytes\": ") + QByteArray::number(StdinSpec::MaxRandomBytes)
                               + "}"))
        << QList<Preset>{random};

    Preset maxCopies = preset("p", {stage("true")});
    maxCopies.copies = Preset::MaxCopies;
    QTest::newRow("max copies") << fileWith(presetWith("\"copies\": 1000")) << QList<Preset>{maxCopies};

    QTest::newRow("order kept")
        << fileWith(presetWith({}, "b") + "," + presetWith({}, "a") + "," + presetWith({}, "c"))
        << QList<Preset>{preset("b", {stage("true")}), preset("a", {stage("true")}), preset("c", {stage("true")})};
}

void TestPresetFile::goodFiles()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QList<Preset>, expected);

    const PresetFile::Result result = PresetFile::parse(bytes, QStringLiteral("good.json"));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.error, QString());
    QCOMPARE(result.presets.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(result.presets.at(i).id, expected.at(i).id);
        QCOMPARE(result.presets.at(i).stages, expected.at(i).stages);
        QCOMPARE(result.presets.at(i).stdinSpec, expected.at(i).stdinSpec);
        QVERIFY(result.presets.at(i) == expected.at(i));
    }
}

void TestPresetFile::badFiles_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QStringList>("mustContain"); // besides the source name

    // Whole-file problems.
    QTest::newRow("empty file") << QByteArray() << QStringList{"not valid JSON"};
    QTest::newRow("invalid JSON") << QByteArray("{\"version\": 1, \"presets\": [}") << QStringList{"not valid JSON"};
    QTest::newRow("not JSON at all") << QByteArray("version = 1") << QStringList{"not valid JSON"};
    QFile builtin(QStringLiteral(":/presets/builtin.json"));
    QVERIFY(builtin.open(QIODevice::ReadOnly));
    const QByteArray builtinBytes = builtin.readAll();
    QTest::newRow("truncated file") << builtinBytes.left(builtinBytes.size() / 2)
                                    << QStringList{"not valid JSON", "at byte"};
    QTest::newRow("top level array") << QByteArray("[]") << QStringList{"top level", "object"};
    QTest::newRow("top level string") << QByteArray("\"presets\"") << QStringList{};
    QTest::newRow("top level number") << QByteArray("1") << QStringList{};
    QTest::newRow("missing version") << QByteArray("{\"presets\": []}") << QStringList{"\"version\"", "missing"};
    QTest::newRow("version as string") << QByteArray("{\"version\": \"1\", \"presets\": []}")
                                       << QStringList{"\"version\""};
    QTest::newRow("version 2") << QByteArray("{\"version\": 2, \"presets\": []}")
                               << QStringList{"unknown version 2", "version 1"};
    QTest::newRow("version 0") << QByteArray("{\"version\": 0, \"presets\": []}") << QStringList{"unknown version 0"};
    QTest::newRow("presets missing") << QByteArray("{\"version\": 1}") << QStringList{"\"presets\"", "array"};
    QTest::newRow("presets not an array") << QByteArray("{\"version\": 1, \"presets\": {}}")
                                          << QStringList{"\"presets\"", "array"};
    QTest::newRow("preset not an object") << fileWith(presetWith({}) + ", 5") << QStringList{"presets[1]", "object"};

    // Ids.
    QTest::newRow("missing id") << fileWith("{\"stages\": [{\"program\": \"true\"}]}")
                                << QStringList{"presets[0].id", "missing"};
    QTest::newRow("blank id, second preset") << fileWith(presetWith({}) + "," + presetWith({}, "  "))
                                             << QStringList{"presets[1].id"};
    QTest::newRow("id is a number") << fileWith("{\"id\": 7, \"stages\": [{\"program\": \"true\"}]}")
                                    << QStringList{"presets[0].id"};
    QTest::newRow("duplicate ids") << fileWith(presetWith({}, "dup") + "," + presetWith({}, "dup"))
                                   << QStringList{"\"dup\"", "twice"};
    QTest::newRow("duplicate ids after trimming") << fileWith(presetWith({}, "dup") + "," + presetWith({}, " dup "))
                                                  << QStringList{"\"dup\"", "twice"};

    // Preset fields: the message names the preset and the field.
    QTest::newRow("title not a string") << fileWith(presetWith("\"title\": 3")) << QStringList{"preset \"p\"", "title"};
    QTest::newRow("python not a string") << fileWith(presetWith("\"python\": []"))
                                         << QStringList{"preset \"p\"", "python"};
    QTest::newRow("copies 0") << fileWith(presetWith("\"copies\": 0")) << QStringList{"preset \"p\"", "copies"};
    QTest::newRow("copies 1.5") << fileWith(presetWith("\"copies\": 1.5"))
                                << QStringList{"preset \"p\"", "copies", "whole number"};
    QTest::newRow("copies 5000") << fileWith(presetWith("\"copies\": 5000"))
                                 << QStringList{"preset \"p\"", "copies", "1000"};
    QTest::newRow("copies as string") << fileWith(presetWith("\"copies\": \"3\"")) << QStringList{"copies"};
    QTest::newRow("negative timeoutSec") << fileWith(presetWith("\"timeoutSec\": -1"))
                                         << QStringList{"preset \"p\"", "timeoutSec"};
    QTest::newRow("timeoutSec beyond a week") << fileWith(presetWith("\"timeoutSec\": 1e9"))
                                              << QStringList{"timeoutSec"};
    QTest::newRow("graceSec too long") << fileWith(presetWith("\"graceSec\": 4000")) << QStringList{"graceSec"};
    QTest::newRow("pollIntervalSec too short") << fileWith(presetWith("\"pollIntervalSec\": 0.001"))
                                               << QStringList{"preset \"p\"", "pollIntervalSec", "0.01"};

    // Stages.
    QTest::newRow("stages missing") << fileWith("{\"id\": \"p\"}") << QStringList{"preset \"p\"", "stages"};
    QTest::newRow("stages empty") << fileWith("{\"id\": \"p\", \"stages\": []}")
                                  << QStringList{"preset \"p\"", "stages", "non-empty"};
    QTest::newRow("stages not an array") << fileWith("{\"id\": \"p\", \"stages\": {\"program\": \"true\"}}")
                                         << QStringList{"preset \"p\"", "stages"};
    QByteArray tooMany;
    for (int i = 0; i <= Preset::MaxStages; ++i)
        tooMany += QByteArray(i ? "," : "") + "{\"program\": \"cat\"}";
    QTest::newRow("too many stages") << fileWith("{\"id\": \"p\", \"stages\": [" + tooMany + "]}")
                                     << QStringList{"preset \"p\"", "stages", "33"};
    QTest::newRow("stage not an object") << fileWith("{\"id\": \"p\", \"stages\": [\"true\"]}")
                                         << QStringList{"preset \"p\".stages[0]", "program"};
    QTest::newRow("program missing") << fileWith(stageWith("\"args\": []"))
                                     << QStringList{"preset \"p\".stages[0].program", "missing"};
    QTest::newRow("program missing in second stage")
        << fileWith("{\"id\": \"p\", \"stages\": [{\"program\": \"a\"}, {\"args\": []}]}")
        << QStringList{"preset \"p\".stages[1].program"};
    QTest::newRow("program wrong type") << fileWith(stageWith("\"program\": [\"echo\"]"))
                                        << QStringList{"preset \"p\".stages[0].program", "string"};
    QTest::newRow("program blank") << fileWith(stageWith("\"program\": \"   \""))
                                   << QStringList{"preset \"p\".stages[0].program", "empty"};
    QTest::newRow("args not array") << fileWith(stageWith("\"program\": \"echo\", \"args\": \"hi\""))
                                    << QStringList{"preset \"p\".stages[0].args", "array"};
    QTest::newRow("args element not string") << fileWith(stageWith("\"program\": \"echo\", \"args\": [\"a\", 2]"))
                                             << QStringList{"preset \"p\".stages[0].args[1]", "string"};
    QTest::newRow("env not object") << fileWith(stageWith("\"program\": \"env\", \"env\": [\"A=1\"]"))
                                    << QStringList{"preset \"p\".stages[0].env"};
    QTest::newRow("env value not string") << fileWith(stageWith("\"program\": \"env\", \"env\": {\"FOO\": 5}"))
                                          << QStringList{"preset \"p\".stages[0].env.FOO"};
    QTest::newRow("env object value not string")
        << fileWith(stageWith("\"program\": \"env\", \"env\": {\"FOO\": {\"value\": 5}}"))
        << QStringList{"preset \"p\".stages[0].env.FOO.value", "string"};
    // A secret may come without its value (withheld); a plain variable may not.
    QTest::newRow("env object without value")
        << fileWith(stageWith("\"program\": \"env\", \"env\": {\"FOO\": {\"secret\": false}}"))
        << QStringList{"env.FOO.value"};
    QTest::newRow("env secret not bool")
        << fileWith(stageWith("\"program\": \"env\", \"env\": {\"FOO\": {\"value\": \"x\", \"secret\": \"yes\"}}"))
        << QStringList{"preset \"p\".stages[0].env.FOO.secret"};
    QTest::newRow("env name with =") << fileWith(stageWith("\"program\": \"env\", \"env\": {\"A=B\": \"1\"}"))
                                     << QStringList{"env.A=B", "'='"};
    QTest::newRow("env name empty") << fileWith(stageWith("\"program\": \"env\", \"env\": {\"\": \"1\"}"))
                                    << QStringList{"preset \"p\".stages[0].env", "non-empty"};
    QTest::newRow("cwd not string") << fileWith(stageWith("\"program\": \"pwd\", \"cwd\": 1"))
                                    << QStringList{"preset \"p\".stages[0].cwd"};

    // Stdin.
    QTest::newRow("stdin not object") << fileWith(presetWith("\"stdin\": \"hello\""))
                                      << QStringList{"preset \"p\".stdin"};
    QTest::newRow("stdin with no kind") << fileWith(presetWith("\"stdin\": {}"))
                                        << QStringList{"preset \"p\".stdin", "exactly one"};
    QTest::newRow("stdin with two kinds") << fileWith(presetWith("\"stdin\": {\"text\": \"a\", \"hex\": \"00\"}"))
                                          << QStringList{"preset \"p\".stdin", "exactly one"};
    QTest::newRow("stdin text not string") << fileWith(presetWith("\"stdin\": {\"text\": 5}"))
                                           << QStringList{"preset \"p\".stdin.text"};
    QTest::newRow("bad hex digits") << fileWith(presetWith("\"stdin\": {\"hex\": \"zz\"}"))
                                    << QStringList{"preset \"p\".stdin.hex"};
    QTest::newRow("odd hex digits") << fileWith(presetWith("\"stdin\": {\"hex\": \"abc\"}"))
                                    << QStringList{"preset \"p\".stdin.hex"};
    QTest::newRow("hex with 0x prefix") << fileWith(presetWith("\"stdin\": {\"hex\": \"0x0a\"}"))
                                        << QStringList{"preset \"p\".stdin.hex"};
    QTest::newRow("hex not a string") << fileWith(presetWith("\"stdin\": {\"hex\": 10}"))
                                      << QStringList{"preset \"p\".stdin.hex"};
    QTest::newRow("interactive not a bool") << fileWith(presetWith("\"stdin\": {\"interactive\": 1}"))
                                            << QStringList{"preset \"p\".stdin.interactive", "true or false"};
    QTest::newRow("interactive and text") << fileWith(presetWith("\"stdin\": {\"interactive\": true, \"text\": \"x\"}"))
                                          << QStringList{"exactly one of", "\"interactive\""};
    QTest::newRow("pty not a bool") << fileWith(presetWith("\"pty\": \"yes\""))
                                    << QStringList{"preset \"p\".pty", "true, false or \"compare\""};
    QTest::newRow("pty compare with one copy") << fileWith(presetWith("\"pty\": \"compare\""))
                                               << QStringList{"preset \"p\".pty", "copies to 2"};
    QTest::newRow("pty on a chain")
        << fileWith("{\"id\": \"p\", \"pty\": true, \"stages\": [{\"program\": \"yes\"}, {\"program\": \"head\"}]}")
        << QStringList{"preset \"p\".pty", "single command"};
    QTest::newRow("randomBytes negative") << fileWith(presetWith("\"stdin\": {\"randomBytes\": -1}"))
                                          << QStringList{"preset \"p\".stdin.randomBytes"};
    QTest::newRow("randomBytes fractional") << fileWith(presetWith("\"stdin\": {\"randomBytes\": 2.5}"))
                                            << QStringList{"preset \"p\".stdin.randomBytes"};
    QTest::newRow("randomBytes too many")
        << fileWith(presetWith(QByteArray("\"stdin\": {\"randomBytes\": ")
                               + QByteArray::number(qint64(StdinSpec::MaxRandomBytes) + 1) + "}"))
        << QStringList{"preset \"p\".stdin.randomBytes"};
    QTest::newRow("randomBytes as string") << fileWith(presetWith("\"stdin\": {\"randomBytes\": \"10\"}"))
                                           << QStringList{"preset \"p\".stdin.randomBytes"};

    // Hostile input.
    QTest::newRow("5000 nested arrays") << QByteArray(5000, '[') << QStringList{"not valid JSON"};
    QTest::newRow("5000 nested arrays inside presets") << QByteArray("{\"version\": 1, \"presets\": ")
                                                              + QByteArray(5000, '[')
                                                       << QStringList{"not valid JSON"};
    QTest::newRow("invalid UTF-8 in a string") << fileWith(presetWith({}, "bad\xff\xfeid"))
                                               << QStringList{"not valid JSON"};
    // Valid JSON padded past the limit: only the size can be the reason.
    QByteArray huge = QByteArrayLiteral("{\"version\": 1, \"presets\": []}");
    huge += QByteArray(PresetFile::MaxFileBytes + 1 - huge.size(), ' ');
    QTest::newRow("bigger than MaxFileBytes") << huge << QStringList{"at most 16 MiB"};
}

void TestPresetFile::badFiles()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, mustContain);

    const QString source = QStringLiteral("some/dir/bad-presets.json");
    const PresetFile::Result result = PresetFile::parse(bytes, source);
    QVERIFY(!result.ok());
    QVERIFY(result.presets.isEmpty()); // nothing half-loaded
    QVERIFY2(result.error.startsWith(source + QStringLiteral(": ")), qPrintable(result.error));
    for (const QString &part : mustContain)
        QVERIFY2(result.error.contains(part), qPrintable(QStringLiteral("%1\nlacks: %2").arg(result.error, part)));
}

void TestPresetFile::unknownFieldsAreIgnored()
{
    const QByteArray bytes =
        "{\"version\": 1, \"comment\": \"from the future\", \"meta\": {\"x\": [1, 2]},"
        " \"presets\": [{\"id\": \"p\", \"color\": \"red\", \"tags\": [\"a\"],"
        "  \"stdin\": {\"text\": \"hi\", \"encoding\": \"utf-8\"},"
        "  \"stages\": [{\"program\": \"cat\", \"nice\": 5,"
        "                \"env\": {\"A\": {\"value\": \"1\", \"note\": \"ignored\"}}}]}]}";
    const PresetFile::Result result = PresetFile::parse(bytes, QStringLiteral("future.json"));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.presets.size(), 1);

    Preset expected = preset("p", {stage("cat", {}, {EnvVar{"A", "1", false}})});
    expected.stdinSpec.kind = StdinSpec::Kind::Text;
    expected.stdinSpec.data = "hi";
    QVERIFY(result.presets.first() == expected);
    // And they are not carried into a saved file.
    QVERIFY(!PresetFile::serialize(result.presets).contains("color"));
}

// --- files ----------------------------------------------------------------

void TestPresetFile::loadErrors()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    const QString missing = dir.filePath(QStringLiteral("missing.json"));
    PresetFile::Result result = PresetFile::load(missing);
    QVERIFY(!result.ok());
    QVERIFY2(result.error.startsWith(missing), qPrintable(result.error));
    QVERIFY2(result.error.contains(QStringLiteral("cannot open")), qPrintable(result.error));

    result = PresetFile::load(dir.path());
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(QStringLiteral("directory")), qPrintable(result.error));

    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    QFile file(bad);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(fileWith(presetWith("\"copies\": 0", "broken")));
    file.close();
    result = PresetFile::load(bad);
    QVERIFY(!result.ok());
    // The file path is the source name, so the user knows which file to fix.
    QVERIFY2(result.error.startsWith(bad + QStringLiteral(": ")), qPrintable(result.error));
    QVERIFY2(result.error.contains(QStringLiteral("preset \"broken\".copies")), qPrintable(result.error));
}

void TestPresetFile::loadOversizedFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("huge.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"version\": 1, \"presets\": []}");
    QVERIFY(file.resize(PresetFile::MaxFileBytes + 1)); // sparse: cheap to make
    file.close();

    const PresetFile::Result result = PresetFile::load(path);
    QVERIFY(!result.ok());
    QVERIFY2(result.error.startsWith(path), qPrintable(result.error));
    QVERIFY2(result.error.contains(QStringLiteral("at most 16 MiB")), qPrintable(result.error));
}

void TestPresetFile::saveAndReload()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("presets.json"));
    const QList<Preset> presets = PresetFile::builtIns();

    QString error;
    QVERIFY2(PresetFile::save(path, presets, &error), qPrintable(error));
    QVERIFY(error.isEmpty());

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), PresetFile::serialize(presets));

    const PresetFile::Result result = PresetFile::load(path);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.presets, presets);
    // No temporary file left beside it.
    QCOMPARE(entriesOf(dir.path()), QStringList{QStringLiteral("presets.json")});
}

void TestPresetFile::saveReplacesExistingFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("presets.json"));
    QFile old(path);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write(QByteArray(100000, 'x')); // longer than the new content: must not leave a tail
    old.close();

    const QList<Preset> presets{preset("only", {stage("true")})};
    QString error;
    QVERIFY2(PresetFile::save(path, presets, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), PresetFile::serialize(presets));
    QCOMPARE(PresetFile::load(path).presets, presets);
    QCOMPARE(entriesOf(dir.path()), QStringList{QStringLiteral("presets.json")});
}

void TestPresetFile::saveIntoMissingDirectoryFails()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("no/such/dir/presets.json"));

    QString error;
    QVERIFY(!PresetFile::save(path, PresetFile::builtIns(), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY(!QFileInfo::exists(path));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("no"))));
    QCOMPARE(entriesOf(dir.path()), QStringList{});
}

void TestPresetFile::saveFailureKeepsOldFile()
{
    if (::geteuid() == 0)
        QSKIP("root ignores directory permissions, so a read-only directory cannot make saving fail");

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("presets.json"));
    const QByteArray original = fileWith(presetWith({}, "original"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(original);
    }
    QFile::Permissions dirPermissions = QFile::permissions(dir.path());
    QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner));
    QString error;
    const bool saved = PresetFile::save(path, PresetFile::builtIns(), &error);
    QVERIFY(QFile::setPermissions(dir.path(), dirPermissions));

    QVERIFY(!saved);
    QVERIFY2(error.contains(path), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), original);
    QCOMPARE(entriesOf(dir.path()), QStringList{QStringLiteral("presets.json")});
}

// --- ad-hoc commands ------------------------------------------------------

void TestPresetFile::fromCommand_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<bool>("viaShell");
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("runsShell");

    QTest::newRow("one word") << "true" << false << "true" << QStringList{} << false;
    QTest::newRow("words") << "sleep 1" << false << "sleep" << QStringList{"1"} << false;
    QTest::newRow("surrounding space") << "   sleep   1  " << false << "sleep" << QStringList{"1"} << false;
    QTest::newRow("double quotes") << "printf \"%s\\n\" \"a b\"" << false << "printf"
                                   << QStringList{"%s\\n", "a b"} << false;
    QTest::newRow("shell metacharacters are plain words") << "echo a | wc" << false << "echo"
                                                          << QStringList{"a", "|", "wc"} << false;
    QTest::newRow("explicit sh -c is recognised") << "sh -c \"echo hi\"" << false << "sh"
                                                  << QStringList{"-c", "echo hi"} << true;
    QTest::newRow("via shell") << "ls | wc -l" << true << "/bin/sh" << QStringList{"-c", "ls | wc -l"} << true;
    QTest::newRow("via shell keeps quotes") << "echo 'a b' c" << true << "/bin/sh"
                                            << QStringList{"-c", "echo 'a b' c"} << true;
    QTest::newRow("via shell trims") << "  echo hi  " << true << "/bin/sh" << QStringList{"-c", "echo hi"} << true;
}

void TestPresetFile::fromCommand()
{
    QFETCH(QString, command);
    QFETCH(bool, viaShell);
    QFETCH(QString, program);
    QFETCH(QStringList, args);
    QFETCH(bool, runsShell);

    QString error;
    const Preset p = Preset::fromCommand(command, viaShell, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(p.stages.size(), 1);
    QCOMPARE(p.stages.first().program, program);
    QCOMPARE(p.stages.first().args, args);
    QCOMPARE(p.runsShell(), runsShell);
    QCOMPARE(p.id, QStringLiteral("command"));
    QCOMPARE(p.title, command.trimmed());
    QCOMPARE(p.copies, 1);
    QVERIFY(p.stdinSpec.isNone());
    QVERIFY(!p.builtIn);
}

void TestPresetFile::fromCommandSplitsLikeAShell()
{
    // Single quotes group words as in sh and Python's shlex.split; before,
    // QProcess::splitCommand left them literal and split inside them.
    QString error;
    const Preset p = Preset::fromCommand(QStringLiteral("echo \"a b\" c 'd e'"), false, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(p.stages.size(), 1);
    QCOMPARE(p.stages.first().program, QStringLiteral("echo"));
    QCOMPARE(p.stages.first().args, (QStringList{"a b", "c", "d e"}));
    QVERIFY(!p.runsShell());
}

void TestPresetFile::fromCommandRefusesAnUnclosedQuote()
{
    QString error;
    const Preset p = Preset::fromCommand(QStringLiteral("sh -c 'echo hi; exit 3"), false, &error);
    QVERIFY(p.stages.isEmpty());
    QVERIFY2(error.contains(QStringLiteral("single quote at character 7")), qPrintable(error));
}

void TestPresetFile::fromCommandBlank_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<bool>("viaShell");

    QTest::newRow("empty") << "" << false;
    QTest::newRow("spaces") << "   " << false;
    QTest::newRow("tabs and newlines") << "\t\n " << false;
    QTest::newRow("empty via shell") << "" << true;
    QTest::newRow("spaces via shell") << "  " << true;
    QTest::newRow("only empty quotes") << "\"\"" << false;
}

void TestPresetFile::fromCommandBlank()
{
    QFETCH(QString, command);
    QFETCH(bool, viaShell);

    QString error;
    const Preset p = Preset::fromCommand(command, viaShell, &error);
    QVERIFY(!error.isEmpty());
    QVERIFY(p.stages.isEmpty());
}

// --- stages ---------------------------------------------------------------

void TestPresetFile::shellQuote_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("quoted");

    // Safe words stay bare.
    QTest::newRow("plain") << "abc" << "abc";
    QTest::newRow("option") << "-des3" << "-des3";
    QTest::newRow("env ref") << "env:password" << "env:password";
    QTest::newRow("path") << "/usr/bin/md5sum" << "/usr/bin/md5sum";
    QTest::newRow("safe punctuation") << "a_b@c%d+e=f,g.h" << "a_b@c%d+e=f,g.h";
    // Double quotes where nothing inside is special to them.
    QTest::newRow("space") << "a b" << "\"a b\"";
    QTest::newRow("single quote") << "it's" << "\"it's\"";
    QTest::newRow("only a quote") << "'" << "\"'\"";
    QTest::newRow("glob") << "*.txt" << "\"*.txt\"";
    QTest::newRow("pipe") << "|" << "\"|\"";
    QTest::newRow("semicolon") << "a;b" << "\"a;b\"";
    QTest::newRow("tilde") << "~" << "\"~\"";
    QTest::newRow("newline") << "a\nb" << "\"a\nb\"";
    QTest::newRow("non-ASCII") << "ünï" << "\"ünï\"";
    // Single quotes where double quotes would let the shell interpret something.
    QTest::newRow("empty") << "" << "''";
    QTest::newRow("double quote") << "say \"hi\"" << "'say \"hi\"'";
    QTest::newRow("dollar") << "$HOME" << "'$HOME'";
    QTest::newRow("backtick") << "`id`" << "'`id`'";
    QTest::newRow("backslash") << "a\\b" << "'a\\b'";
    QTest::newRow("bang") << "hi!" << "\"hi!\"";
    QTest::newRow("trailing newline") << "abc\n" << "\"abc\n\"";
    QTest::newRow("quote and dollar") << "it's $5" << "'it'\\''s $5'";
}

void TestPresetFile::shellQuote()
{
    QFETCH(QString, word);
    QFETCH(QString, quoted);
    QCOMPARE(ShellWords::quote(word), quoted);
}

void TestPresetFile::shellQuoteSurvivesARealShell_data()
{
    shellQuote_data();
}

void TestPresetFile::shellQuoteSurvivesARealShell()
{
    // What matters is that a shell turns the quoted word back into the word.
    QFETCH(QString, word);

    QProcess sh;
    sh.start(QStringLiteral("/bin/sh"),
             {QStringLiteral("-c"), QStringLiteral("printf '%s' ") + ShellWords::quote(word)});
    QVERIFY(sh.waitForFinished(10000));
    QCOMPARE(sh.exitStatus(), QProcess::NormalExit);
    QCOMPARE(sh.exitCode(), 0);
    QCOMPARE(QString::fromUtf8(sh.readAllStandardOutput()), word);
}

void TestPresetFile::commandLineReadsBackAsTheSameWords_data()
{
    QTest::addColumn<StageSpec>("spec");

    // The command field and drags rely on a displayed command line splitting
    // back into the same words.
    for (const Preset &p : PresetFile::builtIns()) {
        for (qsizetype i = 0; i < p.stages.size(); ++i)
            QTest::addRow("%s stage %d", qPrintable(p.id), int(i)) << p.stages.at(i);
    }
    QTest::newRow("spaces and quotes") << stage("printf", {"%s", "a b", "it's", "*.txt", "a;b|c"});
    QTest::newRow("non-ASCII and newline") << stage("echo", {"ünï", "x\ny"});
    QTest::newRow("program with a space") << stage("/opt/my tools/run", {"--flag"});
}

void TestPresetFile::commandLineReadsBackAsTheSameWords()
{
    QFETCH(StageSpec, spec);
    QCOMPARE(ShellWords::split(spec.commandLine()).words, QStringList{spec.program} + spec.args);
}

void TestPresetFile::runsShell_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("shell");

    QTest::newRow("/bin/sh -c") << "/bin/sh" << QStringList{"-c", "true"} << true;
    QTest::newRow("sh -c") << "sh" << QStringList{"-c", "true"} << true;
    QTest::newRow("bash -c") << "/usr/bin/bash" << QStringList{"-c", "true"} << true;
    QTest::newRow("dash -c") << "dash" << QStringList{"-c", "true"} << true;
    QTest::newRow("zsh -c") << "zsh" << QStringList{"-c", "true"} << true;
    QTest::newRow("ksh -c") << "ksh" << QStringList{"-c", "true"} << true;
    QTest::newRow("sh with a script") << "sh" << QStringList{"script.sh"} << false;
    QTest::newRow("python -c") << "python3" << QStringList{"-c", "print(1)"} << false;
    QTest::newRow("shell-like name") << "shell" << QStringList{"-c", "x"} << false;
    QTest::newRow("echo") << "echo" << QStringList{"-c"} << false;
}

void TestPresetFile::runsShell()
{
    QFETCH(QString, program);
    QFETCH(QStringList, args);
    QFETCH(bool, shell);

    const StageSpec s = stage(program, args);
    QCOMPARE(s.runsShell(), shell);
    // One shell stage makes the whole preset a shell preset.
    const Preset p = preset("p", {stage("cat"), s});
    QCOMPARE(p.runsShell(), shell);
}

void TestPresetFile::commandLines()
{
    QCOMPARE(stage("openssl", {"enc", "-des3", "-pass", "env:password"}).commandLine(),
             QStringLiteral("openssl enc -des3 -pass env:password"));
    QCOMPARE(stage("echo", {"Hello from the child!"}).commandLine(), QStringLiteral("echo \"Hello from the child!\""));
    QCOMPARE(stage("my prog", {""}).commandLine(), QStringLiteral("\"my prog\" ''"));
    const Preset chain = preset("c", {stage("a", {"1"}), stage("b"), stage("c d")});
    QCOMPARE(chain.commandLine(), QStringLiteral("a 1 | b | \"c d\""));
    // Env values never appear in a command line.
    const Preset secret = preset("s", {stage("env", {}, {EnvVar{"password", kSecret, true}})});
    QCOMPARE(secret.commandLine(), QStringLiteral("env"));
}

void TestPresetFile::stdinMaterialize()
{
    StdinSpec none;
    QVERIFY(none.isNone());
    QCOMPARE(none.materialize(), QByteArray());

    StdinSpec hex;
    hex.kind = StdinSpec::Kind::Hex;
    hex.data = QByteArray("\x00\xff", 2);
    QCOMPARE(hex.materialize(), hex.data);
    QVERIFY(hex.describe().contains(QStringLiteral("2 bytes")));

    StdinSpec random;
    random.kind = StdinSpec::Kind::RandomBytes;
    random.randomCount = 32;
    const QByteArray first = random.materialize();
    const QByteArray second = random.materialize();
    QCOMPARE(first.size(), 32);
    QCOMPARE(second.size(), 32);
    QVERIFY(first != second); // fresh bytes per copy; equal by chance once in 2^256
    QVERIFY(random.describe().contains(QStringLiteral("32 random bytes")));
}

void TestPresetFile::builtInTextsAreListedForTranslation()
{
    // lupdate only sees strings in the sources: each built-in title and
    // description must be in BuiltinPresetTexts, word for word.
    QSet<QString> listed;
    for (const char *text : BuiltinPresetTexts::all())
        listed.insert(QString::fromUtf8(text));
    const QList<Preset> presets = PresetFile::builtIns(); // no translator here: the English
    QCOMPARE(listed.size(), 2 * presets.size());
    for (const Preset &preset : presets) {
        QVERIFY2(listed.contains(preset.title), qPrintable(preset.title));
        QVERIFY2(listed.contains(preset.description), qPrintable(preset.description));
    }
}

QTEST_GUILESS_MAIN(TestPresetFile)
#include "tst_presetfile.moc"
