// Entry point: the composition root that picks the headless runner or the window.
#include "attachcheck.h"
#include "headlessrunner.h"
#include "settingskeys.h"
#include "jobengine.h"
#include "labheadless.h"
#include "launchoptions.h"
#include "mainwindow.h"
#include "outputdir.h"
#include "presetcatalog.h"
#include "presetfile.h"
#include "processesheadless.h"
#include "privatefiles.h"
#include "screenshotter.h"
#include "sessionactions.h"
#include "sessionkeeper.h"
#include "theme.h"
#include "threadlab.h"
#include "tracer.h"
#include "translations.h"
#include "unixsignalwatcher.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

#include <algorithm>
#include <cstdio>
#include <memory>

namespace {

QStringList argumentList(int argc, char **argv)
{
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    return args;
}

int fail(const QString &message)
{
    std::fprintf(stderr, "spawnscope: %s\n", qPrintable(message));
    return 2;
}

// --output-budget, else the setting (QSettings "jobs/outputBudgetBytes", for
// the window and headless runs alike), else OutputBudget's default.
qint64 outputBudget(const LaunchOptions &options)
{
    if (options.outputBudget > 0)
        return options.outputBudget;
    const qint64 saved = QSettings().value(SettingsKeys::OutputBudgetBytes, OutputBudget::DefaultBytes).toLongLong();
    return std::max(saved, OutputBudget::MinBytes);
}

bool hasDisplay()
{
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY")
           || qEnvironmentVariableIsSet("QT_QPA_PLATFORM");
}

int runProcesses(int argc, char **argv, const LaunchOptions &options)
{
    QCoreApplication app(argc, argv);
    ProcessesHeadless processes;
    processes.setReportPath(options.reportPath);
    if (options.sampleIntervalMs > 0)
        processes.setSampleInterval(options.sampleIntervalMs);
    QObject::connect(&processes, &ProcessesHeadless::finished, &app, &QCoreApplication::exit);
    UnixSignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &UnixSignalWatcher::received, &processes, &ProcessesHeadless::interrupt);
    processes.run(options.durationSec);
    return app.exec();
}

int importPresets(const LaunchOptions &options)
{
    const PresetCatalog::Import import = PresetCatalog::importInto(options.importPresets);
    if (!import.ok())
        return fail(import.error);
    QStringList ids;
    for (const Preset &preset : import.added)
        ids << preset.id;
    std::printf("imported %lld preset(s) into %s: %s\n", qint64(import.added.size()), qPrintable(import.storePath),
                qPrintable(ids.join(QStringLiteral(", "))));
    return 0;
}

int runTracer(const LaunchOptions &options)
{
    // No QCoreApplication: the tracer is a plain POSIX loop around waitpid.
    int rootSignal = 0;
    const int code = options.traceAttachPid > 0
                         ? Tracer::attach(options.traceAttachPid, options.traceOut, options.traceDetachAfterMs, &rootSignal)
                         : Tracer::run(options.programArgs, options.traceOut, &rootSignal);
    if (rootSignal > 0)
        Tracer::reraise(rootSignal);
    return code;
}

int runLab(int argc, char **argv, const LaunchOptions &options)
{
    QCoreApplication app(argc, argv);
    LabHeadless lab;
    lab.setReportPath(options.reportPath);
    QObject::connect(&lab, &LabHeadless::finished, &app, &QCoreApplication::exit);
    UnixSignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &UnixSignalWatcher::received, &lab, &LabHeadless::interrupt);
    lab.run(options.labRequest, options.labModes);
    return app.exec();
}

int runHeadless(int argc, char **argv, const LaunchOptions &options, const QList<Preset> &presets)
{
    QString error;
    QCoreApplication app(argc, argv);
    QList<Preset> toRun;
    if (!options.presetsToRun(presets, &toRun, &error))
        return fail(error);
    if (!options.outputDir.isEmpty() && !OutputDir::prepare(options.outputDir, &error))
        return fail(error);
    HeadlessRunner runner;
    runner.setReportPath(options.reportPath);
    if (options.reportTextBytes >= 0)
        runner.setReportTextBytes(options.reportTextBytes);
    runner.engine()->setOutputRoot(options.outputDir);
    runner.engine()->setOutputBudget(outputBudget(options));
    if (options.drainLimitMs >= 0)
        runner.engine()->setDrainLimitMs(options.drainLimitMs);
    if (options.familyLimit > 0)
        runner.engine()->setFamilyLimit(options.familyLimit);
    runner.setJoblogPath(options.joblogPath);
    runner.setTracePath(options.tracePath);
    if (options.maxParallel >= 0)
        runner.engine()->setMaxParallel(options.maxParallel);
    if (options.sampleIntervalMs > 0)
        runner.setSampleInterval(options.sampleIntervalMs);
    QObject::connect(&runner, &HeadlessRunner::finished, &app, &QCoreApplication::exit);
    // Ctrl+C: stop the children (they are in their own groups) and go once they are gone.
    UnixSignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &UnixSignalWatcher::received, &runner, &HeadlessRunner::interrupt);
    runner.run(toRun);
    return app.exec();
}

// --screenshot: the window offscreen, its runs or recorded runs, one PNG.
int runScreenshot(QApplication &app, JobEngine &engine, ThreadLab &lab, const LaunchOptions &options,
                  const QList<Preset> &presets)
{
    QString error;
    QList<Preset> toRun;
    // --open alone draws the recorded runs and runs nothing.
    if ((options.openFiles.isEmpty() || !options.presetIds.isEmpty() || !options.command.isEmpty())
        && !options.presetsToRun(presets, &toRun, &error))
        return fail(error);
    Screenshotter shooter(&engine, &lab, presets, toRun, options.screenshotPath, options.screenshotSize);
    SessionKeeper opener(&engine);
    opener.setEnabled(false);
    for (const QString &file : std::as_const(options.openFiles)) {
        const QString problem = opener.openNow(file);
        if (!problem.isEmpty())
            return fail(problem);
    }
    if (!options.openFiles.isEmpty() && !engine.runs().isEmpty())
        shooter.setLastRun(engine.runs().last());
    shooter.setPanel(options.panel, options.runLab);
    shooter.setLive(options.screenshotAfterSec, options.detailTab);
    QObject::connect(&shooter, &Screenshotter::finished, &app, &QCoreApplication::exit);
    shooter.start();
    return app.exec();
}

void makePrivateFolders()
{
    // The window keeps settings, presets (with secret values) and sessions:
    // SpawnScope's own folders are the user's alone, 0700, before anything
    // (QSettings first) writes there. Not fatal: each file says why it could
    // not be written when it is.
    for (const auto location : {QStandardPaths::AppConfigLocation, QStandardPaths::AppDataLocation}) {
        const QString dir = QStandardPaths::writableLocation(location);
        QString problem;
        for (const QString &folder : {QFileInfo(dir).absolutePath(), dir}) {
            if (!PrivateFiles::makeFolder(folder, &problem))
                std::fprintf(stderr, "spawnscope: %s: %s\n", qUtf8Printable(folder), qUtf8Printable(problem));
        }
    }
}

int runWindow(QApplication &app, JobEngine &engine, ThreadLab &lab, const LaunchOptions &options,
              const QList<Preset> &presets, const QString &userProblem)
{
    QString error;
    // --preset, --command and --watch -- PROGRAM start at once in the window too.
    QList<Preset> toRun;
    if (!options.presetsToRun(presets, &toRun, &error))
        return fail(error);
    SessionKeeper sessions(&engine); // before the window, which saves through it as it closes
    MainWindow window(&engine, &lab, presets);
    if (!userProblem.isEmpty())
        window.protectUnreadablePresets(userProblem);
    if (options.maxParallel >= 0)
        window.setMaxParallel(options.maxParallel);
    if (options.sampleIntervalMs > 0)
        window.setSampleInterval(options.sampleIntervalMs);
    if (options.drainLimitMs >= 0) // over the remembered one the window restored
        engine.setDrainLimitMs(options.drainLimitMs);
    UnixSignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &UnixSignalWatcher::received, &window, [&window] {
        window.setConfirmQuit(false);
        window.close();
    });
    window.show();
    // What the command line asks for comes after the last session's runs,
    // which are older: once they are back (at once when there are none).
    QObject::connect(
        &sessions, &SessionKeeper::restored, &window,
        [&window, &toRun, &options] {
            for (const Preset &preset : std::as_const(toRun))
                window.runPreset(preset);
            for (const QString &file : std::as_const(options.openFiles))
                window.sessionActions()->openFile(file);
        },
        Qt::SingleShotConnection);
    window.setSessionKeeper(&sessions);
    return app.exec();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication::setOrganizationName(QStringLiteral("SpawnScope"));
    QCoreApplication::setApplicationName(QStringLiteral("spawnscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SPAWNSCOPE_VERSION));

    LaunchOptions options;
    QString error;
    const QStringList args = argumentList(argc, argv);
    if (!LaunchOptions::parse(args, &options, &error)) {
        // A usage error says where to read more, as GNU tools do, on the one line errors have here.
        if (!error.contains(QLatin1String("--help"))) {
            if (error.endsWith(QLatin1Char('.'))) // QCommandLineParser's own messages
                error.chop(1);
            error += QStringLiteral(" (see --help)");
        }
        return fail(error);
    }
    if (options.showHelp) {
        QCoreApplication app(argc, argv); // the help text names the executable through it
        Translations::install(options.lang); // Korean help for --lang ko or a Korean locale
        std::fputs(qPrintable(LaunchOptions::helpText()), stdout);
        return 0;
    }
    if (options.showVersion) {
        std::printf("spawnscope %s\n", SPAWNSCOPE_VERSION);
        return 0;
    }

    if (!options.importPresets.isEmpty())
        return importPresets(options);
    if (options.traceWorker)
        return runTracer(options);

    if (options.worker) {
        return LabHeadless::runWorker(options.labRequest.numbers.first(), options.labRequest.scale,
                                      options.labRequest.algorithm);
    }

    QList<Preset> presets;
    QString userProblem;
    const bool opensWindow = !options.headless && !options.listPresets;
    if (!PresetCatalog::load(options.presetFiles, &presets, &error, opensWindow ? &userProblem : nullptr))
        return fail(error);

    if (options.listPresets) {
        for (const Preset &preset : std::as_const(presets))
            std::printf("%s\t%s\n", qPrintable(preset.id), qPrintable(preset.title));
        return 0;
    }

    if (options.headless && options.processes)
        return runProcesses(argc, argv, options);
    if (options.attachPid > 0) {
        // Refused before anything starts, with the cause: no such process,
        // this app or its tracer, already traced, another user's, Yama.
        const QString refusal = AttachCheck::refusal(options.attachPid);
        if (!refusal.isEmpty())
            return fail(QObject::tr("cannot watch process %1: %2").arg(options.attachPid).arg(refusal));
    }

    if (options.headless && options.lab)
        return runLab(argc, argv, options);
    if (options.headless)
        return runHeadless(argc, argv, options, presets);

    if (!options.screenshotPath.isEmpty()) {
        if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
    } else if (!hasDisplay()) {
        return fail(QStringLiteral("no display found (DISPLAY is not set). Run it in a desktop session, "
                                   "or use --headless, or set QT_QPA_PLATFORM=offscreen."));
    }

    QApplication app(argc, argv);
    // Ties the window to its .desktop file (icon and name on Wayland).
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.spawnscope.SpawnScope"));
    Translations::install(options.lang);
    // The built-ins were read before the translator was in.
    for (Preset &preset : presets)
        PresetFile::translateBuiltIn(&preset);
    Theme::apply(options.theme);

    // What the window shows, created here and handed to it: the engine that
    // starts every child, and the lab whose Processes mode runs through it.
    // Declared before the window, so they outlive it.
    JobEngine engine;
    ThreadLab lab(&engine);
    engine.setOutputBudget(outputBudget(options));
    if (options.drainLimitMs >= 0)
        engine.setDrainLimitMs(options.drainLimitMs);
    if (options.familyLimit > 0)
        engine.setFamilyLimit(options.familyLimit);

    if (!options.screenshotPath.isEmpty())
        return runScreenshot(app, engine, lab, options, presets);

    makePrivateFolders();
    return runWindow(app, engine, lab, options, presets, userProblem);
}
