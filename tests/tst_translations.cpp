// The Korean translation must be complete and sound: every string lupdate
// finds in the sources is translated, placeholders survive, the seed notes'
// terms are used, and the compiled catalogue in the resources loads.
#include "presetfile.h"
#include "translations.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>

namespace {

struct Message
{
    QString context;
    QString source;
    QString translation; // numerus forms joined by '\n'
    QString type;        // "", "unfinished", "vanished", "obsolete"
    bool numerus = false;
};

QList<Message> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Message> messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (xml.name() == QLatin1String("message")) {
                current = Message{context, {}, {}, {}, xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes")};
            } else if (xml.name() == QLatin1String("source")) {
                current.source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                current.type = xml.attributes().value(QLatin1String("type")).toString();
                current.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            messages << current;
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}

// "%1", "%L2", "%n": the placeholders a string's .arg() calls fill.
QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%L?([0-9]{1,2}|n)"));
    QSet<QString> found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found.insert(it.next().captured(1));
    return found;
}

const QString tsPath = QStringLiteral(SPAWNSCOPE_SOURCE_DIR "/resources/translations/spawnscope_ko.ts");

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void everySourceStringIsTranslated();
    void placeholdersSurvive();
    void seedTermsAreUsed();
    void compiledCatalogueLoadsFromResources();
    void installPicksTheRequestedLanguage();
};

// Runs lupdate over the sources into a copy of the committed .ts: a string
// added to the code without a translation shows up as unfinished.
void TestTranslations::everySourceStringIsTranslated()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(QStringLiteral("spawnscope_ko.ts"));
    QVERIFY(QFile::copy(tsPath, copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);

    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(LUPDATE_PATH),
                  {QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none"),
                   QStringLiteral(SPAWNSCOPE_SOURCE_DIR "/app"), QStringLiteral(SPAWNSCOPE_SOURCE_DIR "/ui"),
                   QStringLiteral("-ts"), copy});
    QVERIFY(lupdate.waitForFinished(120000));
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAll().constData());

    QString error;
    const QList<Message> messages = readTs(copy, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(messages.size() > 300, qPrintable(QString::number(messages.size())));
    QStringList missing;
    for (const Message &m : messages) {
        if (m.type == QLatin1String("unfinished") || (m.type.isEmpty() && m.translation.trimmed().isEmpty()))
            missing << QStringLiteral("%1: \"%2\"").arg(m.context, m.source);
    }
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("%1 string(s) have no Korean translation; run `cmake --build build --target "
                                       "update_translations` and translate them in resources/translations/"
                                       "spawnscope_ko.ts:\n  %2")
                            .arg(missing.size())
                            .arg(missing.mid(0, 40).join(QStringLiteral("\n  ")))));
}

void TestTranslations::placeholdersSurvive()
{
    QString error;
    const QList<Message> messages = readTs(tsPath, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList broken;
    for (const Message &m : messages) {
        if (m.type == QLatin1String("vanished") || m.type == QLatin1String("obsolete") || m.translation.isEmpty())
            continue;
        QSet<QString> want = placeholders(m.source);
        QSet<QString> have = placeholders(m.translation);
        if (m.numerus) { // Korean has one plural form and may drop %n for a word
            want.remove(QStringLiteral("n"));
            have.remove(QStringLiteral("n"));
        }
        if (want != have)
            broken << QStringLiteral("%1: \"%2\" -> \"%3\"").arg(m.context, m.source, m.translation);
    }
    QVERIFY2(broken.isEmpty(), qPrintable(broken.join(QLatin1Char('\n'))));
}

void TestTranslations::seedTermsAreUsed()
{
    QFile file(tsPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString ts = QString::fromUtf8(file.readAll());
    // The words the Korean notes on Effective Python use (../shared/seeds/README.md).
    for (const char *term : {"자식 프로세스", "병렬성", "병행", "파이프", "체인", "교착 상태", "폴링", "블로킹 I/O", "스레드"})
        QVERIFY2(ts.contains(QString::fromUtf8(term)), term);
}

void TestTranslations::compiledCatalogueLoadsFromResources()
{
    QTranslator translator;
    QVERIFY(translator.load(Translations::resourcePath(QStringLiteral("ko"))));
    const QString tab = translator.translate("MainWindow", "Pr&ocesses");
    QVERIFY(!tab.isEmpty());
    QVERIFY(tab != QLatin1String("Pr&ocesses"));
    QVERIFY2(tab.contains(QStringLiteral("프로세스")), qPrintable(tab));
    // A learner's explanation, with its placeholders still there.
    const QString explained = translator.translate("QObject", "Exited with code %1: the program reports failure.");
    QVERIFY(explained.contains(QStringLiteral("%1")));
    QVERIFY(!QTranslator().load(Translations::resourcePath(QStringLiteral("xx"))));
}

void TestTranslations::installPicksTheRequestedLanguage()
{
    const QLocale saved;
    QCOMPARE(Translations::install(QStringLiteral("en")), QStringLiteral("en"));
    QCOMPARE(QCoreApplication::translate("MainWindow", "Pr&ocesses"), QStringLiteral("Pr&ocesses"));
    QCOMPARE(Translations::install(QStringLiteral("ko")), QStringLiteral("ko"));
    QVERIFY(QCoreApplication::translate("MainWindow", "Pr&ocesses") != QLatin1String("Pr&ocesses"));
    QCOMPARE(QLocale().language(), QLocale::Korean);
    // The built-in presets' titles and descriptions come out in Korean too.
    Preset fanout;
    for (const Preset &preset : PresetFile::builtIns()) {
        if (preset.id == QLatin1String("fanout-sleep"))
            fanout = preset;
    }
    QVERIFY2(fanout.title.contains(QStringLiteral("병렬")), qPrintable(fanout.title));
    QVERIFY(!fanout.description.contains(QStringLiteral("Start ten children")));
    Preset again = fanout;
    PresetFile::translateBuiltIn(&again); // twice is harmless
    QCOMPARE(again.title, fanout.title);
    QLocale::setDefault(saved);
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
