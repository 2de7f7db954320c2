// `cmake --install` into a scratch prefix: the binary, the .desktop file, the icon
// and the AppStream metainfo land where desktops look, and agree with each other;
// plus the GNU conventions of --help, --version and a bad option.
#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include <algorithm>

namespace {

const QString appId = QStringLiteral("io.github.spawnscope.SpawnScope");

struct Result
{
    bool finished = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Result run(const QString &program, const QStringList &args, const QString &workingDir = QString())
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DESTDIR")); // it would redirect cmake --install
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C")); // the English help, whatever the tester's locale
    process.setProcessEnvironment(env);
    if (!workingDir.isEmpty())
        process.setWorkingDirectory(workingDir);
    process.start(program, args);
    Result result;
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.finished = process.exitStatus() == QProcess::NormalExit;
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool hasHangul(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() >= 0xac00 && c.unicode() <= 0xd7a3; });
}

// The [Desktop Entry] group as key → value; *error names a malformed line or a repeated key.
QHash<QString, QString> desktopEntry(const QByteArray &bytes, QString *error)
{
    QHash<QString, QString> entry;
    QString group;
    const QStringList lines = QString::fromUtf8(bytes).split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (line.startsWith(QLatin1Char('[')) && line.endsWith(QLatin1Char(']'))) {
            group = line.mid(1, line.size() - 2);
            continue;
        }
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals <= 0) {
            *error = QStringLiteral("line %1 is not key=value: %2").arg(i + 1).arg(line);
            return {};
        }
        if (group != QLatin1String("Desktop Entry"))
            continue;
        const QString key = line.left(equals).trimmed();
        if (entry.contains(key)) {
            *error = QStringLiteral("key %1 appears twice").arg(key);
            return {};
        }
        entry.insert(key, line.mid(equals + 1).trimmed());
    }
    return entry;
}

} // namespace

class TestInstall : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void helpFollowsTheLanguage();

    void filesLandInTheStandardPlaces_data();
    void filesLandInTheStandardPlaces();
    void installedBinaryPrintsItsVersion();
    void desktopFileHasTheRequiredKeys();
    void desktopFileNamesTheInstalledBinaryAndIcon();
    void iconIsSelfContainedSvg();
    void metainfoMatchesTheDesktopFile();
    void desktopFileValidates();
    void readmeIsShortAndEveryDocLinkResolves();
    void metainfoValidates();

    void helpGoesToStdoutAndExitsZero_data();
    void helpGoesToStdoutAndExitsZero();
    void versionFirstLineIsNameAndVersion_data();
    void versionFirstLineIsNameAndVersion();
    void badUsageGoesToStderrAndExitsTwo_data();
    void badUsageGoesToStderrAndExitsTwo();

private:
    QString installed(const QString &relative) const { return m_prefix.filePath(relative); }
    QString binaryPath() const { return installed(QStringLiteral(SPAWNSCOPE_INSTALL_BINDIR "/spawnscope")); }
    QString desktopPath() const
    {
        return installed(QStringLiteral(SPAWNSCOPE_INSTALL_DATADIR "/applications/") + appId + QStringLiteral(".desktop"));
    }
    QString iconPath() const
    {
        return installed(QStringLiteral(SPAWNSCOPE_INSTALL_DATADIR "/icons/hicolor/scalable/apps/") + appId
                         + QStringLiteral(".svg"));
    }
    QString metainfoPath() const
    {
        return installed(QStringLiteral(SPAWNSCOPE_INSTALL_DATADIR "/metainfo/") + appId + QStringLiteral(".metainfo.xml"));
    }

    QTemporaryDir m_prefix;
};

void TestInstall::initTestCase()
{
    QVERIFY(m_prefix.isValid());
    const Result result = run(QStringLiteral(SPAWNSCOPE_CMAKE),
                              {QStringLiteral("--install"), QStringLiteral(SPAWNSCOPE_BUILD_DIR), QStringLiteral("--prefix"),
                               m_prefix.path()});
    QVERIFY2(result.finished && result.exitCode == 0, result.out + result.err);
}

void TestInstall::filesLandInTheStandardPlaces_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("destination");
    const QString desktop = QStringLiteral(SPAWNSCOPE_SOURCE_DIR "/resources/desktop/") + appId;
    QTest::newRow("desktop file") << desktop + QStringLiteral(".desktop")
                                  << QStringLiteral(SPAWNSCOPE_INSTALL_DATADIR "/applications/") + appId
                                         + QStringLiteral(".desktop");
    QTest::newRow("icon") << desktop + QStringLiteral(".svg")
                          << QStringLiteral(SPAWNSCOPE_INSTALL_DATADIR "/icons/hicolor/scalable/apps/") + appId
                                 + QStringLiteral(".svg");
    QTest::newRow("metainfo") << desktop + QStringLiteral(".metainfo.xml")
                              << QStringLiteral(SPAWNSCOPE_INSTALL_DATADIR "/metainfo/") + appId
                                     + QStringLiteral(".metainfo.xml");
    QTest::newRow("session MIME type") << desktop + QStringLiteral(".mime.xml")
                                       << QStringLiteral(SPAWNSCOPE_INSTALL_DATADIR "/mime/packages/") + appId
                                              + QStringLiteral(".xml");
    QTest::newRow("binary") << QStringLiteral(SPAWNSCOPE_PATH) << QStringLiteral(SPAWNSCOPE_INSTALL_BINDIR "/spawnscope");
}

void TestInstall::filesLandInTheStandardPlaces()
{
    QFETCH(QString, source);
    QFETCH(QString, destination);
    const QFileInfo info(installed(destination));
    QVERIFY2(info.isFile(), qPrintable(destination + QStringLiteral(" is not installed")));
    if (destination.endsWith(QLatin1String("/spawnscope")))
        QVERIFY(info.isExecutable()); // an installed binary may be relinked or stripped: no byte compare
    else
        QCOMPARE(readAll(info.filePath()), readAll(source));
}

void TestInstall::installedBinaryPrintsItsVersion()
{
    // From a directory far from the build tree, so nothing is found there by accident.
    const Result result = run(binaryPath(), {QStringLiteral("--version")}, m_prefix.path());
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out.split('\n').first(), QByteArray("spawnscope " SPAWNSCOPE_VERSION));
}

void TestInstall::desktopFileHasTheRequiredKeys()
{
    const QByteArray bytes = readAll(desktopPath());
    QVERIFY(!bytes.isEmpty());
    QVERIFY2(!QString::fromUtf8(bytes).contains(QChar::ReplacementCharacter), "the file is not valid UTF-8");
    QVERIFY(bytes.startsWith("[Desktop Entry]\n"));
    QString error;
    const QHash<QString, QString> entry = desktopEntry(bytes, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    QCOMPARE(entry.value(QStringLiteral("Type")), QStringLiteral("Application"));
    QCOMPARE(entry.value(QStringLiteral("Name")), QStringLiteral("SpawnScope"));
    QCOMPARE(entry.value(QStringLiteral("Terminal")), QStringLiteral("false"));
    for (const char *key : {"Name[ko]", "GenericName", "Comment", "Comment[ko]", "Keywords"})
        QVERIFY2(!entry.value(QLatin1String(key)).isEmpty(), key);
    QVERIFY2(hasHangul(entry.value(QStringLiteral("Comment[ko]"))), "Comment[ko] is not in Korean");
    QVERIFY(entry.value(QStringLiteral("Comment[ko]")) != entry.value(QStringLiteral("Comment")));

    const QString categories = entry.value(QStringLiteral("Categories"));
    QVERIFY2(categories.endsWith(QLatin1Char(';')), qPrintable(categories)); // a list ends with its separator
    const QStringList list = categories.split(QLatin1Char(';'), Qt::SkipEmptyParts);
    for (const char *category : {"Development", "Education", "System", "Monitor"})
        QVERIFY2(list.contains(QLatin1String(category)), category);
    QVERIFY(entry.value(QStringLiteral("Keywords")).endsWith(QLatin1Char(';')));
}

void TestInstall::desktopFileNamesTheInstalledBinaryAndIcon()
{
    QString error;
    const QHash<QString, QString> entry = desktopEntry(readAll(desktopPath()), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    // Exec names the program the menu finds on PATH, not a path into one prefix.
    const QString exec = entry.value(QStringLiteral("Exec")).split(QLatin1Char(' ')).first();
    QVERIFY2(!exec.isEmpty() && !exec.contains(QLatin1Char('/')), qPrintable(exec));
    QVERIFY2(QFileInfo(QFileInfo(binaryPath()).dir(), exec).isExecutable(),
             qPrintable(QStringLiteral("Exec=%1 is not the installed binary").arg(exec)));
    if (entry.contains(QStringLiteral("TryExec")))
        QCOMPARE(entry.value(QStringLiteral("TryExec")), exec);

    // Icon is a theme name: the installed icon's file name without .svg, not a path.
    const QString icon = entry.value(QStringLiteral("Icon"));
    QCOMPARE(icon + QStringLiteral(".svg"), QFileInfo(iconPath()).fileName());
    QVERIFY(QFileInfo::exists(iconPath()));
    // The desktop file is named after the same id, which Wayland compositors match.
    QCOMPARE(QFileInfo(desktopPath()).fileName(), icon + QStringLiteral(".desktop"));

    // It opens the session files the installed MIME type describes, passed as %f
    // (spawnscope FILE.spawnscope opens a session).
    QVERIFY2(entry.value(QStringLiteral("Exec")).endsWith(QLatin1String(" %f")), qPrintable(entry.value(QStringLiteral("Exec"))));
    const QByteArray mime = readAll(installed(QStringLiteral(SPAWNSCOPE_INSTALL_DATADIR "/mime/packages/") + appId
                                              + QStringLiteral(".xml")));
    QVERIFY(mime.contains("<glob pattern=\"*.spawnscope\"/>"));
    const QStringList types = entry.value(QStringLiteral("MimeType")).split(QLatin1Char(';'), Qt::SkipEmptyParts);
    QCOMPARE(types, QStringList{QStringLiteral("application/x-spawnscope-session")});
    QVERIFY(mime.contains("type=\"" + types.first().toUtf8() + "\""));
}

void TestInstall::iconIsSelfContainedSvg()
{
    QFile file(iconPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QVERIFY(xml.readNextStartElement());
    QCOMPARE(xml.name(), QLatin1String("svg"));
    QCOMPARE(xml.namespaceUri(), QLatin1String("http://www.w3.org/2000/svg"));
    const QStringList viewBox = xml.attributes().value(QLatin1String("viewBox")).toString().simplified().split(QLatin1Char(' '));
    QCOMPARE(viewBox.size(), 4);
    bool okW = false;
    bool okH = false;
    const double width = viewBox.at(2).toDouble(&okW);
    const double height = viewBox.at(3).toDouble(&okH);
    QVERIFY(okW && okH && width > 0);
    QCOMPARE(width, height); // an apps icon is square

    int elements = 1;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        ++elements;
        // Icon themes render without fonts or network: no text, no external references.
        QVERIFY2(xml.name() != QLatin1String("text") && xml.name() != QLatin1String("image"),
                 qPrintable(xml.name().toString()));
        for (const QXmlStreamAttribute &attribute : xml.attributes()) {
            const QString value = attribute.value().toString();
            if (attribute.name() == QLatin1String("href"))
                QVERIFY2(value.startsWith(QLatin1Char('#')), qPrintable(value));
            QVERIFY2(!value.contains(QLatin1String("url(")) || value.startsWith(QLatin1String("url(#")), qPrintable(value));
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(elements > 3);
}

void TestInstall::metainfoMatchesTheDesktopFile()
{
    QFile file(metainfoPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QVERIFY(xml.readNextStartElement());
    QCOMPARE(xml.name(), QLatin1String("component"));
    QCOMPARE(xml.attributes().value(QLatin1String("type")), QLatin1String("desktop-application"));

    QHash<QString, QString> values; // the first occurrence of each element without xml:lang
    QString launchableType;
    QString releaseVersion;
    QString releaseDate;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QString name = xml.name().toString();
        if (name == QLatin1String("launchable"))
            launchableType = xml.attributes().value(QLatin1String("type")).toString();
        if (name == QLatin1String("release") && releaseVersion.isEmpty()) {
            releaseVersion = xml.attributes().value(QLatin1String("version")).toString();
            releaseDate = xml.attributes().value(QLatin1String("date")).toString();
        }
        const bool translated = xml.attributes().hasAttribute(QLatin1String("xml:lang"));
        if (!translated && !values.contains(name)
            && (name == QLatin1String("id") || name == QLatin1String("launchable") || name == QLatin1String("binary")
                || name == QLatin1String("metadata_license") || name == QLatin1String("project_license")
                || name == QLatin1String("name") || name == QLatin1String("summary"))) {
            values.insert(name, xml.readElementText().trimmed());
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));

    const QString desktopFileName = QFileInfo(desktopPath()).fileName();
    QCOMPARE(values.value(QStringLiteral("id")) + QStringLiteral(".desktop"), desktopFileName);
    QCOMPARE(launchableType, QStringLiteral("desktop-id"));
    QCOMPARE(values.value(QStringLiteral("launchable")), desktopFileName);
    QCOMPARE(values.value(QStringLiteral("binary")), QFileInfo(binaryPath()).fileName());
    QCOMPARE(values.value(QStringLiteral("metadata_license")), QStringLiteral("CC0-1.0"));
    // The licence the metainfo declares is the one in LICENSE and the README.
    QCOMPARE(values.value(QStringLiteral("project_license")), QStringLiteral("MIT"));
    QFile licence(QStringLiteral(SPAWNSCOPE_SOURCE_DIR "/LICENSE"));
    QVERIFY2(licence.open(QIODevice::ReadOnly), "LICENSE is missing");
    QCOMPARE(licence.readLine().trimmed(), QByteArray("MIT License"));
    QFile readme(QStringLiteral(SPAWNSCOPE_SOURCE_DIR "/README.md"));
    QVERIFY(readme.open(QIODevice::ReadOnly));
    QVERIFY2(readme.readAll().contains("MIT licence"), "the README does not state the licence");
    QCOMPARE(values.value(QStringLiteral("name")), QStringLiteral("SpawnScope"));
    QVERIFY(!values.value(QStringLiteral("summary")).isEmpty());
    // The newest release listed is the one being installed.
    QCOMPARE(releaseVersion, QStringLiteral(SPAWNSCOPE_VERSION));
    QVERIFY2(QDate::fromString(releaseDate, Qt::ISODate).isValid(), qPrintable(releaseDate));
}

// The README is a short door (at most 300 lines) to the guide in
// resources/docs/; every relative link there and in the guide reaches a file,
// and a link's #anchor a heading of that file (GitHub's slugs).
void TestInstall::readmeIsShortAndEveryDocLinkResolves()
{
    const QDir source(QStringLiteral(SPAWNSCOPE_SOURCE_DIR));
    QStringList documents{QStringLiteral("README.md")};
    for (const QString &name : QDir(source.filePath(QStringLiteral("resources/docs"))).entryList({QStringLiteral("*.md")}))
        documents << QStringLiteral("resources/docs/") + name;
    QVERIFY(documents.size() >= 5);
    const auto slugs = [](const QString &text) {
        QStringList list;
        static const QRegularExpression heading(QStringLiteral("^#+\\s*(.*)$"), QRegularExpression::MultilineOption);
        for (auto it = heading.globalMatch(text); it.hasNext();) {
            QString slug = it.next().captured(1).trimmed().toLower();
            slug.remove(QRegularExpression(QStringLiteral("[^\\w\\- ]")));
            list << slug.replace(QLatin1Char(' '), QLatin1Char('-'));
        }
        return list;
    };
    int links = 0;
    for (const QString &document : std::as_const(documents)) {
        QFile file(source.filePath(document));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(document));
        const QString text = QString::fromUtf8(file.readAll());
        if (document == QLatin1String("README.md"))
            QVERIFY2(text.count(QLatin1Char('\n')) <= 300, "README.md is longer than 300 lines");
        static const QRegularExpression link(QStringLiteral("\\]\\(([^)\\s]+)\\)"));
        for (auto it = link.globalMatch(text); it.hasNext();) {
            const QString target = it.next().captured(1);
            if (target.startsWith(QLatin1String("http")) || target.startsWith(QLatin1String("mailto:")))
                continue;
            ++links;
            const QString path = target.section(QLatin1Char('#'), 0, 0);
            const QString anchor = target.section(QLatin1Char('#'), 1);
            const QString file = path.isEmpty() ? source.filePath(document)
                                                : QDir::cleanPath(QFileInfo(source.filePath(document)).dir().filePath(path));
            QVERIFY2(QFileInfo::exists(file), qPrintable(QStringLiteral("%1: %2 does not exist").arg(document, target)));
            if (anchor.isEmpty() || !file.endsWith(QLatin1String(".md")))
                continue;
            QFile linked(file);
            QVERIFY(linked.open(QIODevice::ReadOnly));
            QVERIFY2(slugs(QString::fromUtf8(linked.readAll())).contains(anchor),
                     qPrintable(QStringLiteral("%1: no heading for %2").arg(document, target)));
        }
    }
    QVERIFY(links > 20);
}

void TestInstall::desktopFileValidates()
{
    const QString validator = QStandardPaths::findExecutable(QStringLiteral("desktop-file-validate"));
    if (validator.isEmpty())
        QSKIP("desktop-file-validate is not installed (Debian package desktop-file-utils)");
    const Result result = run(validator, {desktopPath()});
    QVERIFY(result.finished);
    QVERIFY2(result.exitCode == 0, result.out + result.err);
}

void TestInstall::metainfoValidates()
{
    const QString validator = QStandardPaths::findExecutable(QStringLiteral("appstreamcli"));
    if (validator.isEmpty())
        QSKIP("appstreamcli is not installed (Debian package appstream)");
    const Result result = run(validator, {QStringLiteral("validate"), QStringLiteral("--no-net"), metainfoPath()});
    QVERIFY(result.finished);
    QVERIFY2(result.exitCode == 0, result.out + result.err);
}

void TestInstall::helpGoesToStdoutAndExitsZero_data()
{
    QTest::addColumn<QString>("option");
    QTest::newRow("--help") << QStringLiteral("--help");
    QTest::newRow("-h") << QStringLiteral("-h");
}

void TestInstall::helpGoesToStdoutAndExitsZero()
{
    QFETCH(QString, option);
    const Result result = run(QStringLiteral(SPAWNSCOPE_PATH), {option});
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.err, QByteArray());
    const QString help = QString::fromUtf8(result.out);
    QVERIFY2(help.startsWith(QLatin1String("Usage: spawnscope ")), qPrintable(help.left(80)));
    QVERIFY(help.endsWith(QLatin1Char('\n')));
    QVERIFY(help.contains(QLatin1String("\n\n"))); // the usage lines stand apart from the rest
    for (const char *mentioned : {"--help", "--version", "--headless", "--theme"})
        QVERIFY2(help.contains(QLatin1String(mentioned)), mentioned);
    QVERIFY2(!help.contains(QLatin1String("worker-factorize")), "an internal option is listed");
}

void TestInstall::versionFirstLineIsNameAndVersion_data()
{
    QTest::addColumn<QString>("option");
    QTest::newRow("--version") << QStringLiteral("--version");
    QTest::newRow("-v") << QStringLiteral("-v");
}

void TestInstall::versionFirstLineIsNameAndVersion()
{
    QFETCH(QString, option);
    const Result result = run(QStringLiteral(SPAWNSCOPE_PATH), {option});
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.err, QByteArray());
    const QString firstLine = QString::fromUtf8(result.out).section(QLatin1Char('\n'), 0, 0);
    QVERIFY2(QRegularExpression(QStringLiteral("^spawnscope \\d+\\.\\d+\\.\\d+$")).match(firstLine).hasMatch(),
             qPrintable(firstLine));
    QCOMPARE(firstLine, QStringLiteral("spawnscope " SPAWNSCOPE_VERSION));
}

void TestInstall::badUsageGoesToStderrAndExitsTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("unknown long option") << QStringList{QStringLiteral("--bogus")} << QStringLiteral("bogus");
    QTest::newRow("unknown short option") << QStringList{QStringLiteral("-x")} << QStringLiteral("x");
    QTest::newRow("missing value") << QStringList{QStringLiteral("--preset")} << QStringLiteral("--preset");
    QTest::newRow("bad value") << QStringList{QStringLiteral("--theme"), QStringLiteral("purple")}
                               << QStringLiteral("purple");
    QTest::newRow("stray argument") << QStringList{QStringLiteral("extra")} << QStringLiteral("extra");
    QTest::newRow("bad option beside --help")
        << QStringList{QStringLiteral("--help"), QStringLiteral("--bogus")} << QStringLiteral("bogus");
}

void TestInstall::badUsageGoesToStderrAndExitsTwo()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    const Result result = run(QStringLiteral(SPAWNSCOPE_PATH), args);
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 2);
    QCOMPARE(result.out, QByteArray());
    const QString err = QString::fromUtf8(result.err);
    QVERIFY2(err.startsWith(QLatin1String("spawnscope: ")), qPrintable(err)); // names the program
    QVERIFY2(err.contains(mentions), qPrintable(err));                         // and what was wrong
    QVERIFY2(err.contains(QLatin1String("--help")), qPrintable(err));          // and where to read more
    QCOMPARE(err.count(QLatin1Char('\n')), 1);                                  // on one line
}

void TestInstall::helpFollowsTheLanguage()
{
    const Result result = run(QStringLiteral(SPAWNSCOPE_PATH), {QStringLiteral("--help"), QStringLiteral("--lang"),
                                                                 QStringLiteral("ko")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains("--headless"), result.out.constData());
    QVERIFY2(QString::fromUtf8(result.out).contains(QStringLiteral("자식 프로세스")), result.out.constData());
}

QTEST_GUILESS_MAIN(TestInstall)
#include "tst_install.moc"
