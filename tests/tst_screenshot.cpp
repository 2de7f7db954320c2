// spawnscope --screenshot, as the README's images are made: every panel, in
// English and Korean, at the requested size, with nothing running afterwards.
#include <QImage>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct Shot
{
    int exitCode = -1;
    QByteArray err;
    QImage image;
};

Shot shoot(const QStringList &args, const QString &path)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    // A scratch config, so the user's presets and window layout play no part.
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), QFileInfo(path).absolutePath() + QStringLiteral("/config"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(SPAWNSCOPE_PATH), QStringList{QStringLiteral("--screenshot"), path} + args);
    Shot shot;
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return shot;
    }
    shot.exitCode = process.exitCode();
    shot.err = process.readAllStandardError();
    shot.image.load(path);
    return shot;
}

// Runs the presets headless and records them in a session file in dir;
// empty if that failed.
QString record(const QTemporaryDir &dir, const QStringList &presets)
{
    const QString report = dir.filePath(QStringLiteral("recorded.spawnscope"));
    QStringList args{QStringLiteral("--headless")};
    for (const QString &preset : presets)
        args << QStringLiteral("--preset") << preset;
    QProcess headless;
    headless.start(QStringLiteral(SPAWNSCOPE_PATH), args + QStringList{QStringLiteral("--report"), report});
    if (!headless.waitForFinished(60000) || headless.exitStatus() != QProcess::NormalExit || headless.exitCode() != 0)
        return {};
    return report;
}

// How many distinct colours a sample of the picture has: a blank or
// half-painted window has very few.
int colourCount(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3) {
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    }
    return int(colours.size());
}

} // namespace

class TestScreenshot : public QObject
{
    Q_OBJECT

private slots:
    void everyPanelAtTheRequestedSize_data();
    void everyPanelAtTheRequestedSize();
    void koreanDiffersFromEnglish();
    void badPanelIsRefused();
    void unwritablePathFails();
    void liveCaptureDoesNotWaitForTheEnd();
    void badDetailIsRefused();
    void recordedSessionDrawsTheSamePictureTwice();
    void unreadableSessionIsRefused();
};

void TestScreenshot::everyPanelAtTheRequestedSize_data()
{
    QTest::addColumn<QString>("panel");
    QTest::addColumn<QString>("lang");
    for (const char *panel : {"processes", "timeline", "threads", "code"}) {
        for (const char *lang : {"en", "ko"})
            QTest::newRow(qPrintable(QStringLiteral("%1 %2").arg(panel, lang))) << panel << lang;
    }
}

void TestScreenshot::everyPanelAtTheRequestedSize()
{
    QFETCH(QString, panel);
    QFETCH(QString, lang);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("%1-%2.png").arg(panel, lang));
    const Shot shot = shoot({QStringLiteral("--preset"), QStringLiteral("fanout-sleep"), QStringLiteral("--panel"), panel,
                             QStringLiteral("--lang"), lang, QStringLiteral("--size"), QStringLiteral("1000x700")},
                            path);
    QVERIFY2(shot.exitCode == 0, shot.err.constData());
    QVERIFY2(!shot.image.isNull(), qPrintable(path));
    QCOMPARE(shot.image.size(), QSize(1000, 700));
    QVERIFY2(colourCount(shot.image) > 20, qPrintable(QString::number(colourCount(shot.image))));
}

void TestScreenshot::koreanDiffersFromEnglish()
{
    // One recorded session, so the language is all that differs: two live
    // runs would differ anyway (times, pids).
    QTemporaryDir dir;
    const QString session = record(dir, {QStringLiteral("hello-child")});
    QVERIFY(!session.isEmpty());
    const QStringList args{QStringLiteral("--open"), session, QStringLiteral("--panel"), QStringLiteral("timeline"),
                           QStringLiteral("--size"), QStringLiteral("1000x700")};
    const Shot en = shoot(args + QStringList{QStringLiteral("--lang"), QStringLiteral("en")}, dir.filePath("en.png"));
    const Shot again = shoot(args + QStringList{QStringLiteral("--lang"), QStringLiteral("en")}, dir.filePath("again.png"));
    const Shot ko = shoot(args + QStringList{QStringLiteral("--lang"), QStringLiteral("ko")}, dir.filePath("ko.png"));
    QVERIFY2(en.exitCode == 0, en.err.constData());
    QVERIFY2(ko.exitCode == 0, ko.err.constData());
    QCOMPARE(en.image.size(), QSize(1000, 700));
    QCOMPARE(ko.image.size(), QSize(1000, 700));
    QVERIFY(en.image == again.image); // the picture depends on nothing else
    // The menus and tabs are in Korean, so the pictures differ.
    QVERIFY(en.image != ko.image);
}

void TestScreenshot::badPanelIsRefused()
{
    QTemporaryDir dir;
    const Shot shot = shoot({QStringLiteral("--panel"), QStringLiteral("gantt")}, dir.filePath("x.png"));
    QCOMPARE(shot.exitCode, 2);
    QVERIFY2(shot.err.contains("--panel"), shot.err.constData());
    QVERIFY(!QFile::exists(dir.filePath("x.png")));
}

void TestScreenshot::unwritablePathFails()
{
    QTemporaryDir dir;
    const Shot shot = shoot({QStringLiteral("--preset"), QStringLiteral("hello-child")},
                            dir.filePath(QStringLiteral("no/such/dir/x.png")));
    QCOMPARE(shot.exitCode, 2);
    QVERIFY2(shot.err.contains("screenshot"), shot.err.constData());
}

void TestScreenshot::liveCaptureDoesNotWaitForTheEnd()
{
    // Two 30 s children started together, captured after 0.5 s and stopped:
    // the whole thing takes seconds, not the 60 s wait for unfinished runs.
    QTemporaryDir dir;
    QElapsedTimer timer;
    timer.start();
    const Shot shot = shoot({QStringLiteral("--command"), QStringLiteral("sleep 30"), QStringLiteral("--repeat"),
                             QStringLiteral("2"), QStringLiteral("--screenshot-after"), QStringLiteral("0.5"),
                             QStringLiteral("--detail"), QStringLiteral("resources"), QStringLiteral("--size"),
                             QStringLiteral("900x600")},
                            dir.filePath(QStringLiteral("live.png")));
    QVERIFY2(shot.exitCode == 0, shot.err.constData());
    QCOMPARE(shot.image.size(), QSize(900, 600));
    QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(!shot.err.contains("still running after 60 s"));
}

void TestScreenshot::badDetailIsRefused()
{
    QTemporaryDir dir;
    const Shot shot = shoot({QStringLiteral("--detail"), QStringLiteral("graphs")}, dir.filePath("x.png"));
    QCOMPARE(shot.exitCode, 2);
    QVERIFY2(shot.err.contains("--detail"), shot.err.constData());
    QVERIFY(!QFile::exists(dir.filePath("x.png")));
}

void TestScreenshot::recordedSessionDrawsTheSamePictureTwice()
{
    QTemporaryDir dir;
    const QString report = record(dir, {QStringLiteral("fanout-sleep"), QStringLiteral("chain-md5")});
    QVERIFY(!report.isEmpty());
    for (const char *panel : {"timeline", "processes", "compare"}) {
        const QStringList args{QStringLiteral("--open"), report, QStringLiteral("--panel"), QLatin1String(panel),
                               QStringLiteral("--size"), QStringLiteral("1000x700")};
        const Shot first = shoot(args, dir.filePath(QStringLiteral("first.png")));
        const Shot second = shoot(args, dir.filePath(QStringLiteral("second.png")));
        QVERIFY2(first.exitCode == 0, first.err.constData());
        QVERIFY2(second.exitCode == 0, second.err.constData());
        QCOMPARE(first.image.size(), QSize(1000, 700));
        QVERIFY(colourCount(first.image) > 20);
        // Nothing ran: the same file gives the same picture, pixel for pixel.
        QVERIFY2(first.image == second.image, panel);
    }
}

void TestScreenshot::unreadableSessionIsRefused()
{
    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("bad.spawnscope"));
    QFile file(bad);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"format\":\"spawnscope-runs\",\"version\":1,\n\"runs\": [\n{\"preset\":");
    file.close();
    const Shot shot = shoot({QStringLiteral("--open"), bad}, dir.filePath(QStringLiteral("shot.png")));
    QCOMPARE(shot.exitCode, 2);
    QVERIFY2(shot.err.contains("bad.spawnscope") && shot.err.contains("cut short"), shot.err.constData());
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("shot.png"))));
}

QTEST_GUILESS_MAIN(TestScreenshot)
#include "tst_screenshot.moc"
