// The preset editor accepts exactly what the loader accepts (Preset::validate),
// and its stdin kinds are matched by value, not by their order in the list.
#include "preseteditor.h"
#include "presetfile.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QDialogButtonBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

namespace {

Preset simplePreset()
{
    Preset preset;
    preset.id = QStringLiteral("p");
    preset.title = QStringLiteral("P");
    StageSpec stage;
    stage.program = QStringLiteral("true");
    preset.stages = {stage};
    return preset;
}

} // namespace

class TestPresetEditor : public QObject
{
    Q_OBJECT
private slots:
    void whatTheEditorSavesLoadsBack_data();
    void whatTheEditorSavesLoadsBack();
    void savingRefusesWhatTheLoaderRefuses();
    void aWithheldSecretStaysWithheld();
    void stdinKindRoundTrips_data();
    void stdinKindRoundTrips();
};

void TestPresetEditor::whatTheEditorSavesLoadsBack_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<double>("typed");
    // Values beyond the loader's limits: the editor used to accept up to 86400 s.
    QTest::newRow("grace a day") << "grace" << 86400.0;
    QTest::newRow("poll a day") << "poll" << 86400.0;
    QTest::newRow("timeout a month") << "timeout" << 30 * 86400.0;
    QTest::newRow("poll tiny") << "poll" << 0.001;
}

void TestPresetEditor::whatTheEditorSavesLoadsBack()
{
    QFETCH(QString, field);
    QFETCH(double, typed);
    PresetEditor editor(simplePreset());
    QDoubleSpinBox *spin = field == QLatin1String("grace")  ? editor.graceSpin()
                           : field == QLatin1String("poll") ? editor.pollSpin()
                                                            : editor.timeoutSpin();
    spin->setValue(typed);
    QVERIFY2(editor.isValid(), qPrintable(editor.problems().join(QLatin1Char('\n'))));
    const Preset edited = editor.preset();
    QVERIFY(edited.validate().isEmpty());

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("presets.json"));
    QString error;
    QVERIFY2(PresetFile::save(path, {edited}, &error), qPrintable(error));
    const PresetFile::Result loaded = PresetFile::load(path);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error));
    QCOMPARE(loaded.presets.size(), 1);
    QCOMPARE(loaded.presets.first().graceSec, edited.graceSec);
    QCOMPARE(loaded.presets.first().pollIntervalSec, edited.pollIntervalSec);
}

// A secret whose value was not saved (an import without secrets) opens with an
// empty cell; saving without typing keeps it "not known", so the run asks for
// it, rather than turning it into an empty value that would run as such.
void TestPresetEditor::aWithheldSecretStaysWithheld()
{
    Preset preset = simplePreset();
    EnvVar var;
    var.name = QStringLiteral("TOKEN");
    var.secret = true;
    var.withheld = true;
    preset.stages[0].env << var;
    const Preset untouched = PresetEditor(preset).preset();
    QCOMPARE(untouched.withheldSecrets(), QStringList{QStringLiteral("TOKEN")});

    PresetEditor editor(preset);
    auto *table = editor.findChild<QTableWidget *>();
    QVERIFY(table);
    table->item(0, 1)->setText(QStringLiteral("typed"));
    editor.findChild<QDialogButtonBox *>()->accepted(); // OK stores the table
    const Preset typed = editor.preset();
    QVERIFY(typed.withheldSecrets().isEmpty());
    QCOMPARE(typed.stages.at(0).env.at(0).value, QStringLiteral("typed"));
}

void TestPresetEditor::savingRefusesWhatTheLoaderRefuses()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("presets.json"));
    QString error;
    QVERIFY(PresetFile::save(path, {simplePreset()}, &error));
    const QByteArray before = [&] {
        QFile f(path);
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }();

    Preset bad = simplePreset();
    bad.graceSec = 86400;
    QVERIFY(!bad.validate().isEmpty());
    QCOMPARE(bad.validate().first().field, Preset::Field::GraceSec);
    QVERIFY(!PresetFile::save(path, {bad}, &error));
    QVERIFY2(error.contains(QStringLiteral("graceSec")) && error.contains(QStringLiteral("unchanged")), qPrintable(error));
    QFile after(path);
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), before);
    QVERIFY(PresetFile::load(path).ok());
}

void TestPresetEditor::stdinKindRoundTrips_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("randomCount");
    QTest::newRow("none") << int(StdinSpec::Kind::None) << QByteArray() << 0;
    QTest::newRow("text") << int(StdinSpec::Kind::Text) << QByteArray("hello\n") << 0;
    QTest::newRow("hex") << int(StdinSpec::Kind::Hex) << QByteArray("\x00\xff\x10", 3) << 0;
    QTest::newRow("random") << int(StdinSpec::Kind::RandomBytes) << QByteArray() << 10;
}

void TestPresetEditor::stdinKindRoundTrips()
{
    QFETCH(int, kind);
    QFETCH(QByteArray, data);
    QFETCH(int, randomCount);
    Preset preset = simplePreset();
    preset.stdinSpec.kind = StdinSpec::Kind(kind);
    preset.stdinSpec.data = data;
    preset.stdinSpec.randomCount = randomCount;
    PresetEditor editor(preset);
    QCOMPARE(editor.stdinKindBox()->currentData().toInt(), kind);
    QCOMPARE(editor.preset().stdinSpec, preset.stdinSpec);
}

QTEST_MAIN(TestPresetEditor)
#include "tst_preseteditor.moc"
