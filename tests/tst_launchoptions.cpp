#include "jobprocess.h"
#include "launchoptions.h"
#include "launchoptiontable.h"
#include "outputbudget.h"
#include "presetcatalog.h"
#include "presetfile.h"
#include "processfamily.h"
#include "processsampler.h"
#include "runreport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

namespace {

QStringList commandLine(const QStringList &args)
{
    return QStringList{QStringLiteral("spawnscope")} + args;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// An option's paragraph of --help, on one line.
QString helpOf(const QString &help, const QString &name)
{
    const QStringList lines = help.split(QLatin1Char('\n'));
    QString paragraph;
    for (int i = 0; i < lines.size() && paragraph.isEmpty(); ++i) {
        if (!lines.at(i).startsWith(QStringLiteral("  --%1 ").arg(name)))
            continue;
        paragraph = lines.at(i);
        while (++i < lines.size() && lines.at(i).startsWith(QLatin1String("    "))) // its wrapped lines
            paragraph += QLatin1Char(' ') + lines.at(i);
    }
    return paragraph.simplified();
}

// A number as the option reads it; NaN for text it refuses.
double numberOf(LaunchOptionRow::Number kind, const QString &text)
{
    bool ok = false;
    qint64 bytes = 0;
    const double value = kind == LaunchOptionRow::Number::Bytes
                             ? (LaunchOptions::parseBytes(text, &bytes) ? (ok = true, double(bytes)) : 0)
                             : text.toDouble(&ok);
    return ok ? value : qQNaN();
}

// The other arguments a numeric option needs before its value is read.
QStringList contextOf(const QString &name)
{
    if (name == QLatin1String("screenshot-after"))
        return {"--screenshot", "x.png"};
    if (name == QLatin1String("scale"))
        return {"--headless", "--factorize", "12"};
    if (name == QLatin1String("blocking-io") || name == QLatin1String("seconds"))
        return {"--headless", "--blocking-io", "2", "--seconds", "0.5"};
    if (name == QLatin1String("attach"))
        return {"--headless"};
    if (name == QLatin1String("duration"))
        return {"--headless", "--processes"};
    return {"--headless", "--command", "true"};
}

QStringList idsOf(const QList<Preset> &presets)
{
    QStringList ids;
    for (const Preset &p : presets)
        ids << p.id;
    return ids;
}

} // namespace

class TestLaunchOptions : public QObject
{
    Q_OBJECT

private slots:
    void defaults();
    void goodArguments_data();
    void goodArguments();
    void badArguments_data();
    void badArguments();
    void panelLanguageAndTheme();
    void sampleInterval_data();
    void sampleInterval();
    void helpTextMentionsEveryOption();
    void helpNamesTheOwnersDefault_data();
    void helpNamesTheOwnersDefault();
    void numbersOutOfRange_data();
    void numbersOutOfRange();
    void byteSizes_data();
    void byteSizes();
    void outputOptions();
    void drainLimit();
    void openOptions();

    void presetsToRunByIds();
    void presetsToRunUnknownId();
    void presetsToRunCommand();
    void presetsToRunShellCommand();
    void presetsToRunBlankCommand();
    void presetsToRunStdinFile();
    void presetsToRunMissingStdinFile();

    void loadPresetsBuiltInsOnly();
    void loadPresetsBadFile_data();
    void loadPresetsBadFile();
    void loadPresetsAddsAndReplaces();
};

void TestLaunchOptions::sampleInterval_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("expected"); // -1: refused
    QTest::newRow("lowest") << "100" << 100;
    QTest::newRow("highest") << "5000" << 5000;
    QTest::newRow("default value") << "500" << 500;
    QTest::newRow("too short") << "99" << -1;
    QTest::newRow("too long") << "5001" << -1;
    QTest::newRow("zero") << "0" << -1;
    QTest::newRow("not a number") << "1s" << -1;
}

void TestLaunchOptions::sampleInterval()
{
    QFETCH(QString, value);
    QFETCH(int, expected);
    LaunchOptions options;
    QString error;
    const bool ok = LaunchOptions::parse(commandLine({"--headless", "--command", "true", "--sample-interval", value}),
                                         &options, &error);
    QCOMPARE(ok, expected > 0);
    if (ok)
        QCOMPARE(options.sampleIntervalMs, expected);
    else
        QCOMPARE(error, QStringLiteral("--sample-interval must be from 100 to 5000 ms"));
}

void TestLaunchOptions::defaults()
{
    LaunchOptions options;
    QString error;
    QVERIFY2(LaunchOptions::parse(commandLine({}), &options, &error), qPrintable(error));
    QVERIFY(!options.headless);
    QVERIFY(!options.listPresets);
    QVERIFY(!options.showHelp);
    QVERIFY(!options.showVersion);
    QVERIFY(options.presetIds.isEmpty());
    QVERIFY(options.presetFiles.isEmpty());
    QVERIFY(options.command.isEmpty());
    QVERIFY(!options.viaShell);
    QCOMPARE(options.repeat, 1);
    QCOMPARE(options.timeoutSec, 0.0);
    QCOMPARE(options.graceSec, 2.0);
    QCOMPARE(options.screenshotSize, QSize(1400, 860));
    QCOMPARE(options.sampleIntervalMs, 0);
    QVERIFY(error.isEmpty());
}

void TestLaunchOptions::goodArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("headless");
    QTest::addColumn<QStringList>("presetIds");
    QTest::addColumn<QString>("command");
    QTest::addColumn<bool>("viaShell");
    QTest::addColumn<int>("repeat");
    QTest::addColumn<double>("timeoutSec");
    QTest::addColumn<double>("graceSec");
    QTest::addColumn<QString>("reportPath");
    QTest::addColumn<QSize>("size");

    const QSize defSize(1400, 860);
    QTest::newRow("window") << QStringList{} << false << QStringList{} << "" << false << 1 << 0.0 << 2.0 << ""
                            << defSize;
    QTest::newRow("headless preset") << QStringList{"--headless", "--preset", "hello-child"} << true
                                     << QStringList{"hello-child"} << "" << false << 1 << 0.0 << 2.0 << ""
                                     << defSize;
    QTest::newRow("several presets in order")
        << QStringList{"--headless", "--preset", "timeout-kill", "--preset", "hello-child"} << true
        << QStringList{"timeout-kill", "hello-child"} << "" << false << 1 << 0.0 << 2.0 << "" << defSize;
    QTest::newRow("report to file") << QStringList{"--headless", "--preset", "x", "--report", "out.json"} << true
                                    << QStringList{"x"} << "" << false << 1 << 0.0 << 2.0 << "out.json" << defSize;
    QTest::newRow("report to stdout") << QStringList{"--headless", "--preset", "x", "--report", "-"} << true
                                      << QStringList{"x"} << "" << false << 1 << 0.0 << 2.0 << "-" << defSize;
    QTest::newRow("command with repeat and timeout")
        << QStringList{"--headless", "--command", "sleep 1", "--repeat", "3", "--timeout", "0.5"} << true
        << QStringList{} << "sleep 1" << false << 3 << 0.5 << 2.0 << "" << defSize;
    QTest::newRow("command with grace") << QStringList{"--headless", "--command", "sleep 9", "--timeout", "1",
                                                       "--grace", "0.25"}
                                        << true << QStringList{} << "sleep 9" << false << 1 << 1.0 << 0.25 << ""
                                        << defSize;
    QTest::newRow("zero timeout and grace") << QStringList{"--headless", "--command", "true", "--timeout", "0",
                                                           "--grace", "0"}
                                            << true << QStringList{} << "true" << false << 1 << 0.0 << 0.0 << ""
                                            << defSize;
    QTest::newRow("repeat at the maximum") << QStringList{"--headless", "--command", "true", "--repeat", "1000000"}
                                           << true << QStringList{} << "true" << false << 1000000 << 0.0 << 2.0 << ""
                                           << defSize;
    QTest::newRow("repeat at the window's maximum") << QStringList{"--command", "true", "--repeat", "1000"} << false
                                                    << QStringList{} << "true" << false << 1000 << 0.0 << 2.0 << ""
                                                    << defSize;
    QTest::newRow("option=value form") << QStringList{"--headless", "--command=sleep 2", "--timeout=1.5"} << true
                                       << QStringList{} << "sleep 2" << false << 1 << 1.5 << 2.0 << "" << defSize;
    QTest::newRow("single-dash long options") << QStringList{"-headless", "-command", "true", "-repeat", "2"}
                                              << true << QStringList{} << "true" << false << 2 << 0.0 << 2.0 << ""
                                              << defSize;
    QTest::newRow("shell") << QStringList{"--headless", "--command", "ls | wc -l", "--shell"} << true
                           << QStringList{} << "ls | wc -l" << true << 1 << 0.0 << 2.0 << "" << defSize;
    QTest::newRow("command in the window") << QStringList{"--command", "sleep 1"} << false << QStringList{}
                                           << "sleep 1" << false << 1 << 0.0 << 2.0 << "" << defSize;
    QTest::newRow("size 800x600") << QStringList{"--screenshot", "shot.png", "--preset", "hello-child", "--size",
                                                 "800x600"}
                                  << false << QStringList{"hello-child"} << "" << false << 1 << 0.0 << 2.0 << ""
                                  << QSize(800, 600);
    QTest::newRow("smallest size") << QStringList{"--size", "320x240"} << false << QStringList{} << "" << false << 1
                                   << 0.0 << 2.0 << "" << QSize(320, 240);
    QTest::newRow("largest size") << QStringList{"--size", "8192x8192"} << false << QStringList{} << "" << false
                                  << 1 << 0.0 << 2.0 << "" << QSize(8192, 8192);
    QTest::newRow("headless help needs no preset") << QStringList{"--headless", "--help"} << true << QStringList{}
                                                   << "" << false << 1 << 0.0 << 2.0 << "" << defSize;
}

void TestLaunchOptions::goodArguments()
{
    QFETCH(QStringList, args);
    QFETCH(bool, headless);
    QFETCH(QStringList, presetIds);
    QFETCH(QString, command);
    QFETCH(bool, viaShell);
    QFETCH(int, repeat);
    QFETCH(double, timeoutSec);
    QFETCH(double, graceSec);
    QFETCH(QString, reportPath);
    QFETCH(QSize, size);

    LaunchOptions options;
    QString error;
    QVERIFY2(LaunchOptions::parse(commandLine(args), &options, &error), qPrintable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(options.headless, headless);
    QCOMPARE(options.presetIds, presetIds);
    QCOMPARE(options.command, command);
    QCOMPARE(options.viaShell, viaShell);
    QCOMPARE(options.repeat, repeat);
    QCOMPARE(options.timeoutSec, timeoutSec);
    QCOMPARE(options.graceSec, graceSec);
    QCOMPARE(options.reportPath, reportPath);
    QCOMPARE(options.screenshotSize, size);
}

void TestLaunchOptions::badArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("errorPart");

    QTest::newRow("headless alone") << QStringList{"--headless"} << "--headless";
    QTest::newRow("open headless") << QStringList{"--headless", "--preset", "x", "--open", "s.spawnscope"} << "--open";
    QTest::newRow("a stray file") << QStringList{"notes.txt"} << "unexpected argument \"notes.txt\"";
    QTest::newRow("headless with only a presets file")
        << QStringList{"--headless", "--presets-file", "x.json"} << "--headless";
    QTest::newRow("headless with empty command") << QStringList{"--headless", "--command", ""} << "--headless";
    QTest::newRow("repeat 0") << QStringList{"--headless", "--command", "true", "--repeat", "0"} << "--repeat";
    QTest::newRow("repeat abc") << QStringList{"--headless", "--command", "true", "--repeat", "abc"}
                                << "\"abc\"";
    QTest::newRow("repeat negative") << QStringList{"--headless", "--command", "true", "--repeat", "-2"}
                                     << "--repeat";
    QTest::newRow("repeat fractional") << QStringList{"--headless", "--command", "true", "--repeat", "1.5"}
                                       << "--repeat";
    QTest::newRow("repeat above max") << QStringList{"--headless", "--command", "true", "--repeat", "1000001"}
                                      << "from 1 to 1000000";
    QTest::newRow("repeat above the window's max") << QStringList{"--command", "true", "--repeat", "1001"}
                                                   << "from 1 to 1000 with a window (up to 1000000 with --headless)";
    QTest::newRow("output budget zero") << QStringList{"--headless", "--command", "true", "--output-budget", "0"}
                                        << "--output-budget takes a size of at least 65536 bytes";
    QTest::newRow("output budget below the minimum")
        << QStringList{"--headless", "--command", "true", "--output-budget", "63K"} << "--output-budget";
    QTest::newRow("output budget with a bad suffix")
        << QStringList{"--headless", "--command", "true", "--output-budget", "5X"} << "\"5X\"";
    QTest::newRow("output budget of a petabyte")
        << QStringList{"--headless", "--command", "true", "--output-budget", "1048576G"} << "--output-budget";
    QTest::newRow("report output negative")
        << QStringList{"--headless", "--command", "true", "--report-output", "-1"} << "--report-output";
    QTest::newRow("report output above 1G")
        << QStringList{"--headless", "--command", "true", "--report-output", "2G"} << "--report-output";
    QTest::newRow("report output in the window") << QStringList{"--report-output", "4K"}
                                                 << "apply to --headless runs";
    QTest::newRow("output dir in the window") << QStringList{"--output-dir", "out"} << "apply to --headless runs";
    QTest::newRow("output dir empty") << QStringList{"--headless", "--command", "true", "--output-dir", ""}
                                      << "--output-dir needs a directory";
    QTest::newRow("timeout -1") << QStringList{"--headless", "--command", "true", "--timeout", "-1"}
                                << "--timeout";
    QTest::newRow("timeout abc") << QStringList{"--headless", "--command", "true", "--timeout", "abc"}
                                 << "\"abc\"";
    QTest::newRow("timeout nan") << QStringList{"--headless", "--command", "true", "--timeout", "nan"}
                                 << "--timeout";
    QTest::newRow("timeout inf") << QStringList{"--headless", "--command", "true", "--timeout", "inf"}
                                 << "--timeout";
    QTest::newRow("timeout beyond a week") << QStringList{"--headless", "--command", "true", "--timeout", "1e9"}
                                           << "--timeout";
    QTest::newRow("timeout empty") << QStringList{"--headless", "--command", "true", "--timeout="} << "--timeout";
    QTest::newRow("grace -1") << QStringList{"--headless", "--command", "true", "--grace", "-1"} << "--grace";
    QTest::newRow("drain limit -1") << QStringList{"--headless", "--command", "true", "--drain-limit", "-1"}
                                    << "--drain-limit";
    QTest::newRow("drain limit past an hour")
        << QStringList{"--headless", "--command", "true", "--drain-limit", "3601"} << "at most 3600 seconds";
    QTest::newRow("size 10x10") << QStringList{"--size", "10x10"} << "--size";
    QTest::newRow("size without height") << QStringList{"--size", "800"} << "--size";
    QTest::newRow("size with empty height") << QStringList{"--size", "800x"} << "--size";
    QTest::newRow("size not numbers") << QStringList{"--size", "axb"} << "--size";
    QTest::newRow("size three parts") << QStringList{"--size", "800x600x2"} << "--size";
    QTest::newRow("size too wide") << QStringList{"--size", "9000x600"} << "--size";
    QTest::newRow("size negative") << QStringList{"--size", "-800x600"} << "--size";
    QTest::newRow("shell without command") << QStringList{"--headless", "--preset", "x", "--shell"} << "--command";
    QTest::newRow("repeat without command") << QStringList{"--repeat", "3"} << "--command";
    QTest::newRow("timeout without command") << QStringList{"--timeout", "1"} << "--command";
    QTest::newRow("grace without command") << QStringList{"--grace", "1"} << "--command";
    QTest::newRow("stdin-file without command") << QStringList{"--stdin-file", "in.bin"} << "--command";
    QTest::newRow("pty without command") << QStringList{"--headless", "--preset", "x", "--pty"} << "--command";
    QTest::newRow("report without headless") << QStringList{"--preset", "x", "--report", "r.json"} << "--report";
    QTest::newRow("preset and command together")
        << QStringList{"--headless", "--preset", "hello-child", "--command", "true"} << "not both";
    QTest::newRow("unknown option") << QStringList{"--frobnicate"} << "frobnicate";
    QTest::newRow("positional argument") << QStringList{"--headless", "--preset", "x", "extra"} << "\"extra\"";
    QTest::newRow("missing option value") << QStringList{"--headless", "--preset"} << "preset";
    QTest::newRow("unknown panel") << QStringList{"--panel", "gantt"} << "timeline";
    QTest::newRow("unknown language") << QStringList{"--lang", "fr"} << "en or ko";
    QTest::newRow("unknown theme") << QStringList{"--theme", "sepia"} << "light or dark";
}

void TestLaunchOptions::badArguments()
{
    QFETCH(QStringList, args);
    QFETCH(QString, errorPart);

    LaunchOptions options;
    options.command = QStringLiteral("untouched");
    QString error;
    QVERIFY(!LaunchOptions::parse(commandLine(args), &options, &error));
    QVERIFY2(error.contains(errorPart), qPrintable(error));
    QVERIFY(!error.contains(QLatin1Char('\n'))); // one line, as the header promises
    QCOMPARE(options.command, QStringLiteral("untouched")); // *out only written on success
}

void TestLaunchOptions::byteSizes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("bytes"); // -1: refused
    QTest::newRow("plain") << "4096" << qint64(4096);
    QTest::newRow("zero") << "0" << qint64(0);
    QTest::newRow("K") << "64K" << qint64(64 * 1024);
    QTest::newRow("lower-case m") << "256m" << qint64(256 * 1024 * 1024);
    QTest::newRow("G") << "1G" << qint64(1024) * 1024 * 1024;
    QTest::newRow("a terabyte") << "1024G" << (qint64(1) << 40);
    QTest::newRow("past a terabyte") << "1025G" << qint64(-1);
    QTest::newRow("negative") << "-1K" << qint64(-1);
    QTest::newRow("fraction") << "1.5M" << qint64(-1);
    QTest::newRow("unknown suffix") << "12T" << qint64(-1);
    QTest::newRow("suffix alone") << "M" << qint64(-1);
    QTest::newRow("empty") << "" << qint64(-1);
}

void TestLaunchOptions::byteSizes()
{
    QFETCH(QString, text);
    QFETCH(qint64, bytes);
    qint64 parsed = -1;
    QCOMPARE(LaunchOptions::parseBytes(text, &parsed), bytes >= 0);
    if (bytes >= 0)
        QCOMPARE(parsed, bytes);
}

void TestLaunchOptions::outputOptions()
{
    LaunchOptions options;
    QString error;
    QVERIFY2(LaunchOptions::parse(commandLine({"--headless", "--command", "true", "--output-budget", "64M",
                                               "--report-output", "0", "--output-dir", "out"}),
                                  &options, &error),
             qPrintable(error));
    QCOMPARE(options.outputBudget, qint64(64) * 1024 * 1024);
    QCOMPARE(options.reportTextBytes, qsizetype(0));
    QCOMPARE(options.outputDir, QStringLiteral("out"));

    // Unset: the defaults are the engine's and the report's own.
    QVERIFY(LaunchOptions::parse(commandLine({"--headless", "--command", "true"}), &options, &error));
    QCOMPARE(options.outputBudget, qint64(0));
    QCOMPARE(options.reportTextBytes, qsizetype(-1));
    QVERIFY(options.outputDir.isEmpty());

    // The budget is the window's too.
    QVERIFY2(LaunchOptions::parse(commandLine({"--output-budget", "1G"}), &options, &error), qPrintable(error));
    QCOMPARE(options.outputBudget, qint64(1024) * 1024 * 1024);
}

void TestLaunchOptions::openOptions()
{
    LaunchOptions options;
    QString error;
    QVERIFY2(LaunchOptions::parse(commandLine({"--open", "a.json", "b.spawnscope"}), &options, &error), qPrintable(error));
    // A .spawnscope file alone is opened, as a file manager passes it.
    QCOMPARE(options.openFiles, (QStringList{"a.json", "b.spawnscope"}));
    QVERIFY(options.programArgs.isEmpty());
    QVERIFY2(LaunchOptions::parse(commandLine({"--screenshot", "x.png", "--open", "s.spawnscope", "--panel", "compare"}),
                                  &options, &error),
             qPrintable(error));
    QCOMPARE(options.panel, QStringLiteral("compare"));
    // After --watch --, a .spawnscope word is the program's argument, not a file to open.
    QVERIFY2(LaunchOptions::parse(commandLine({"--watch", "--", "cat", "x.spawnscope"}), &options, &error),
             qPrintable(error));
    QVERIFY(options.openFiles.isEmpty());
    QCOMPARE(options.programArgs, (QStringList{"cat", "x.spawnscope"}));
}

void TestLaunchOptions::panelLanguageAndTheme()
{
    for (const char *panel : {"processes", "timeline", "threads", "code"}) {
        LaunchOptions options;
        QString error;
        QVERIFY2(LaunchOptions::parse(commandLine({"--screenshot", "x.png", "--panel", panel}), &options, &error),
                 qPrintable(error));
        QCOMPARE(options.panel, QString::fromLatin1(panel));
    }
    LaunchOptions options;
    QString error;
    QVERIFY(LaunchOptions::parse(commandLine({"--lang", "ko", "--theme", "dark"}), &options, &error));
    QCOMPARE(options.lang, QStringLiteral("ko"));
    QCOMPARE(options.theme, QStringLiteral("dark"));
    LaunchOptions defaults;
    QVERIFY(LaunchOptions::parse(commandLine({}), &defaults, &error));
    QVERIFY(defaults.lang.isEmpty()); // the system locale decides
    QVERIFY(defaults.theme.isEmpty()); // the desktop decides
}

void TestLaunchOptions::helpTextMentionsEveryOption()
{
    const QString help = LaunchOptions::helpText();
    for (const char *option : {"--list-presets", "--headless", "--preset", "--presets-file", "--report", "--command",
                               "--shell", "--repeat", "--timeout", "--grace", "--stdin-file", "--screenshot",
                               "--size", "--panel", "--lang", "--theme", "--joblog", "--trace", "--help", "--version"}) {
        QVERIFY2(help.contains(QLatin1String(option)), option);
    }
    QVERIFY(help.startsWith(QStringLiteral("Usage: spawnscope")));
}

// Each numeric option's help names the default of the header that owns it,
// read back as the option reads a value: a changed constant cannot leave the
// help saying the old one.
void TestLaunchOptions::helpNamesTheOwnersDefault_data()
{
    const QHash<QString, double> owners{
        {"grace", Preset().graceSec},
        {"sample-interval", ProcessSampler::DefaultIntervalMs},
        {"output-budget", double(OutputBudget::DefaultBytes)},
        {"drain-limit", JobProcess::DefaultDrainLimitMs / 1000.0},
        {"report-output", double(RunReport::DefaultTextBytes)},
        {"scale", LabRequest().scale},
        {"family-limit", double(ProcessFamily::DefaultMemberLimit)},
    };
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("defaultText");
    QTest::addColumn<double>("owners");
    QSet<QString> named;
    for (const LaunchOptionRow &row : LaunchOptionTable::rows()) {
        if (row.number == LaunchOptionRow::Number::None || row.defaultText.isEmpty())
            continue;
        QVERIFY2(owners.contains(row.name()), qPrintable(row.name() + QStringLiteral(": whose default is it?")));
        named << row.name();
        QTest::newRow(qPrintable(row.name())) << row.name() << int(row.number) << row.defaultText << owners.value(row.name());
    }
    QCOMPARE(named, QSet<QString>(owners.keyBegin(), owners.keyEnd())); // none lost its default in the table
}

void TestLaunchOptions::helpNamesTheOwnersDefault()
{
    QFETCH(QString, name);
    QFETCH(int, kind);
    QFETCH(QString, defaultText);
    QFETCH(double, owners);
    QCOMPARE(numberOf(LaunchOptionRow::Number(kind), defaultText), owners);
    const QString help = helpOf(LaunchOptions::helpText(), name);
    QVERIFY2(help.contains(QStringLiteral("default %1").arg(defaultText))
                 || help.contains(QStringLiteral("%1, the default").arg(defaultText)),
             qPrintable(help));
}

// Every numeric option refuses a value just past either bound and says the
// bound; the bounds themselves are taken.
void TestLaunchOptions::numbersOutOfRange_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("refusal"); // empty: taken
    int numeric = 0;
    for (const LaunchOptionRow &row : LaunchOptionTable::rows()) {
        if (row.number == LaunchOptionRow::Number::None)
            continue;
        ++numeric;
        const QStringList context = contextOf(row.name()) << QStringLiteral("--") + row.name();
        const bool seconds = row.number == LaunchOptionRow::Number::Seconds;
        const double below = seconds && row.min > 0 ? row.min / 2 : row.min - 1;
        QVERIFY2(!row.minText.isEmpty() && !row.maxText.isEmpty(), qPrintable(row.name()));
        QTest::addRow("%s below %s", qPrintable(row.name()), qPrintable(row.minText))
            << context + QStringList{QString::number(below, 'f', seconds ? 4 : 0)} << row.minText;
        QTest::addRow("%s at %s", qPrintable(row.name()), qPrintable(row.minText))
            << context + QStringList{row.minText} << QString();
        if (qIsInf(row.max))
            continue;
        QTest::addRow("%s above %s", qPrintable(row.name()), qPrintable(row.maxText))
            << context + QStringList{QString::number(row.max + 1, 'f', 0)} << row.maxText;
        QTest::addRow("%s at %s", qPrintable(row.name()), qPrintable(row.maxText))
            << context + QStringList{row.maxText} << QString();
    }
    QVERIFY(numeric >= 12);
}

void TestLaunchOptions::numbersOutOfRange()
{
    QFETCH(QStringList, args);
    QFETCH(QString, refusal);
    LaunchOptions options;
    QString error;
    const bool ok = LaunchOptions::parse(commandLine(args), &options, &error);
    if (refusal.isEmpty()) {
        QVERIFY2(ok, qPrintable(error));
        return;
    }
    QVERIFY(!ok);
    QVERIFY2(error.contains(args.at(args.size() - 2)), qPrintable(error)); // the option
    QVERIFY2(error.contains(refusal), qPrintable(error));                 // and the bound it passed
}

void TestLaunchOptions::presetsToRunByIds()
{
    LaunchOptions options;
    QString error;
    QVERIFY(LaunchOptions::parse(
        commandLine({"--headless", "--preset", "timeout-kill", "--preset", "hello-child", "--preset", "timeout-kill"}),
        &options, &error));
    QList<Preset> chosen;
    QVERIFY2(options.presetsToRun(PresetFile::builtIns(), &chosen, &error), qPrintable(error));
    QCOMPARE(idsOf(chosen), (QStringList{"timeout-kill", "hello-child", "timeout-kill"}));
    QCOMPARE(chosen.first().timeoutSec, 0.1);
    QVERIFY(chosen.first().builtIn);
}

void TestLaunchOptions::presetsToRunUnknownId()
{
    LaunchOptions options;
    QString error;
    QVERIFY(LaunchOptions::parse(commandLine({"--headless", "--preset", "hello-child", "--preset", "no-such-preset"}),
                                 &options, &error));
    QList<Preset> chosen{Preset()};
    QVERIFY(!options.presetsToRun(PresetFile::builtIns(), &chosen, &error));
    QVERIFY2(error.contains(QStringLiteral("\"no-such-preset\"")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("--list-presets")), qPrintable(error));
    QCOMPARE(chosen.size(), 1); // untouched on failure
}

void TestLaunchOptions::presetsToRunCommand()
{
    LaunchOptions options;
    QString error;
    QVERIFY(LaunchOptions::parse(
        commandLine({"--headless", "--command", "sleep 1", "--repeat", "3", "--timeout", "0.5", "--grace", "0.7"}),
        &options, &error));
    QList<Preset> chosen;
    QVERIFY2(options.presetsToRun(PresetFile::builtIns(), &chosen, &error), qPrintable(error));
    QCOMPARE(chosen.size(), 1);
    const Preset &p = chosen.first();
    QCOMPARE(p.copies, 3);
    QCOMPARE(p.timeoutSec, 0.5);
    QCOMPARE(p.graceSec, 0.7);
    QCOMPARE(p.stages.size(), 1);
    QCOMPARE(p.stages.first().program, QStringLiteral("sleep"));
    QCOMPARE(p.stages.first().args, QStringList{"1"});
    QVERIFY(p.stdinSpec.isNone());
    QVERIFY(!p.runsShell());
    QVERIFY(!p.builtIn);
}

void TestLaunchOptions::presetsToRunShellCommand()
{
    LaunchOptions options;
    QString error;
    QVERIFY(LaunchOptions::parse(commandLine({"--headless", "--command", "echo a | wc -c", "--shell"}), &options,
                                 &error));
    QList<Preset> chosen;
    QVERIFY2(options.presetsToRun({}, &chosen, &error), qPrintable(error));
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen.first().stages.first().program, QStringLiteral("/bin/sh"));
    QCOMPARE(chosen.first().stages.first().args, (QStringList{"-c", "echo a | wc -c"}));
    QVERIFY(chosen.first().runsShell());
}

void TestLaunchOptions::presetsToRunBlankCommand()
{
    LaunchOptions options;
    QString error;
    QVERIFY2(LaunchOptions::parse(commandLine({"--headless", "--command", "   "}), &options, &error),
             qPrintable(error));
    QList<Preset> chosen;
    QVERIFY(!options.presetsToRun({}, &chosen, &error));
    QVERIFY2(error.contains(QStringLiteral("empty")), qPrintable(error));
    QVERIFY(chosen.isEmpty());
}

void TestLaunchOptions::presetsToRunStdinFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("input.bin"));
    QByteArray bytes;
    for (int i = 0; i < 300; ++i)
        bytes.append(char(i * 7)); // every byte value shape, NULs included
    QVERIFY(writeFile(path, bytes));

    LaunchOptions options;
    QString error;
    QVERIFY(LaunchOptions::parse(commandLine({"--headless", "--command", "md5sum", "--stdin-file", path}), &options,
                                 &error));
    QCOMPARE(options.stdinFile, path);
    QList<Preset> chosen;
    QVERIFY2(options.presetsToRun({}, &chosen, &error), qPrintable(error));
    QCOMPARE(chosen.size(), 1);
    const StdinSpec &stdinSpec = chosen.first().stdinSpec;
    QVERIFY(!stdinSpec.isNone());
    QCOMPARE(stdinSpec.data, bytes);
    QCOMPARE(stdinSpec.materialize(), bytes);

    // An empty file is still "feed this, then EOF", not "no stdin".
    const QString empty = dir.filePath(QStringLiteral("empty.bin"));
    QVERIFY(writeFile(empty, {}));
    QVERIFY(LaunchOptions::parse(commandLine({"--headless", "--command", "cat", "--stdin-file", empty}), &options,
                                 &error));
    QVERIFY(options.presetsToRun({}, &chosen, &error));
    QVERIFY(!chosen.first().stdinSpec.isNone());
    QCOMPARE(chosen.first().stdinSpec.materialize(), QByteArray());
}

void TestLaunchOptions::presetsToRunMissingStdinFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("missing.bin"));
    LaunchOptions options;
    QString error;
    QVERIFY(LaunchOptions::parse(commandLine({"--headless", "--command", "cat", "--stdin-file", path}), &options,
                                 &error));
    QList<Preset> chosen;
    QVERIFY(!options.presetsToRun({}, &chosen, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("--stdin-file")), qPrintable(error));
}

void TestLaunchOptions::loadPresetsBuiltInsOnly()
{
    LaunchOptions options;
    QString error;
    QVERIFY(LaunchOptions::parse(commandLine({"--list-presets"}), &options, &error));
    QVERIFY(options.listPresets);
    QList<Preset> presets;
    QVERIFY2(PresetCatalog::load(options.presetFiles, &presets, &error), qPrintable(error));
    QCOMPARE(presets, PresetFile::builtIns());
}

void TestLaunchOptions::loadPresetsBadFile_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("errorPart");

    QTest::newRow("invalid JSON") << QByteArray("{") << "not valid JSON";
    QTest::newRow("version 2") << QByteArray("{\"version\": 2, \"presets\": []}") << "version 2";
    QTest::newRow("bad field") << QByteArray("{\"version\": 1, \"presets\": [{\"id\": \"mine\", \"stages\": []}]}")
                               << "preset \"mine\".stages";
}

void TestLaunchOptions::loadPresetsBadFile()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, errorPart);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString good = dir.filePath(QStringLiteral("good.json"));
    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    QVERIFY(writeFile(good, "{\"version\": 1, \"presets\": []}"));
    QVERIFY(writeFile(bad, bytes));

    LaunchOptions options;
    QString error;
    QVERIFY(LaunchOptions::parse(commandLine({"--list-presets", "--presets-file", good, "--presets-file", bad}),
                                 &options, &error));
    QCOMPARE(options.presetFiles, (QStringList{good, bad}));
    QList<Preset> presets{Preset()};
    QVERIFY(!PresetCatalog::load(options.presetFiles, &presets, &error));
    QCOMPARE(error, PresetFile::load(bad).error); // the file's own message, naming the file
    QVERIFY2(error.startsWith(bad), qPrintable(error));
    QVERIFY2(error.contains(errorPart), qPrintable(error));
    QCOMPARE(presets.size(), 1); // untouched on failure

    // A file that does not exist is an error too.
    const QString missing = dir.filePath(QStringLiteral("missing.json"));
    QVERIFY(LaunchOptions::parse(commandLine({"--presets-file", missing}), &options, &error));
    QVERIFY(!PresetCatalog::load(options.presetFiles, &presets, &error));
    QVERIFY2(error.contains(missing), qPrintable(error));
}

void TestLaunchOptions::loadPresetsAddsAndReplaces()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    Preset mine;
    mine.id = QStringLiteral("mine");
    mine.title = QStringLiteral("Mine");
    StageSpec stage;
    stage.program = QStringLiteral("true");
    mine.stages = {stage};

    Preset hello = mine;
    hello.id = QStringLiteral("hello-child");
    hello.title = QStringLiteral("My own hello");

    Preset later = mine;
    later.title = QStringLiteral("Mine, second file");
    later.copies = 5;

    const QString first = dir.filePath(QStringLiteral("first.json"));
    const QString second = dir.filePath(QStringLiteral("second.json"));
    QString error;
    QVERIFY2(PresetFile::save(first, {mine, hello}, &error), qPrintable(error));
    QVERIFY2(PresetFile::save(second, {later}, &error), qPrintable(error));

    LaunchOptions options;
    QVERIFY(LaunchOptions::parse(commandLine({"--presets-file", first, "--presets-file", second}), &options, &error));
    QList<Preset> presets;
    QVERIFY2(PresetCatalog::load(options.presetFiles, &presets, &error), qPrintable(error));

    const QList<Preset> builtIns = PresetFile::builtIns();
    QCOMPARE(presets.size(), builtIns.size() + 1);
    QStringList expectedIds = idsOf(builtIns);
    expectedIds << QStringLiteral("mine");
    QCOMPARE(idsOf(presets), expectedIds); // replaced in place, new ones at the end

    QCOMPARE(presets.at(0).title, QStringLiteral("My own hello"));
    QVERIFY(!presets.at(0).builtIn);
    QCOMPARE(presets.last().title, QStringLiteral("Mine, second file")); // the later file wins
    QCOMPARE(presets.last().copies, 5);
    for (int i = 1; i < builtIns.size(); ++i)
        QVERIFY(presets.at(i) == builtIns.at(i));

    // And presetsToRun finds a file preset by id.
    QVERIFY(LaunchOptions::parse(commandLine({"--headless", "--preset", "mine"}), &options, &error));
    QList<Preset> chosen;
    QVERIFY2(options.presetsToRun(presets, &chosen, &error), qPrintable(error));
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen.first().copies, 5);
}

void TestLaunchOptions::drainLimit()
{
    LaunchOptions options;
    QString error;
    QVERIFY2(LaunchOptions::parse(commandLine({"--headless", "--command", "true"}), &options, &error), qPrintable(error));
    QCOMPARE(options.drainLimitMs, -1); // the engine's default then
    QVERIFY2(LaunchOptions::parse(commandLine({"--headless", "--command", "true", "--drain-limit", "0.25"}), &options, &error),
             qPrintable(error));
    QCOMPARE(options.drainLimitMs, 250);
    QVERIFY(LaunchOptions::parse(commandLine({"--drain-limit", "0"}), &options, &error));
    QCOMPARE(options.drainLimitMs, 0);
}

QTEST_GUILESS_MAIN(TestLaunchOptions)
#include "tst_launchoptions.moc"
