// spawnscope-window: the composition root of the window, which spawnscope
// (climain.cpp, Qt Core only) hands the window to.
#include "attachcheck.h"
#include "clientry.h"
#include "jobengine.h"
#include "launchoptions.h"
#include "mainwindow.h"
#include "presetcatalog.h"
#include "presetfile.h"
#include "privatefiles.h"
#include "screenshotter.h"
#include "sessionactions.h"
#include "sessionkeeper.h"
#include "theme.h"
#include "threadlab.h"
#include "translations.h"
#include "unixsignalwatcher.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFileInfo>
#include <QStandardPaths>

#include <cstdio>
#include <optional>

namespace {

int fail(const QString &message)
{
    return CliEntry::fail(message);
}

bool hasDisplay()
{
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY")
           || qEnvironmentVariableIsSet("QT_QPA_PLATFORM");
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
    LaunchOptions options;
    if (const std::optional<int> done = CliEntry::begin(argc, argv, &options))
        return *done;
    QString error;
    // Normally spawnscope does this itself and hands only the window here.
    if (CliEntry::handles(options))
        return CliEntry::run(argc, argv, options);

    QList<Preset> presets;
    QString userProblem;
    if (!PresetCatalog::load(options.presetFiles, &presets, &error, &userProblem))
        return fail(error);
    if (options.attachPid > 0) {
        // Refused before anything starts, with the cause: no such process,
        // this app or its tracer, already traced, another user's, Yama.
        const QString refusal = AttachCheck::refusal(options.attachPid);
        if (!refusal.isEmpty())
            return fail(QObject::tr("cannot watch process %1: %2").arg(options.attachPid).arg(refusal));
    }

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
    engine.setOutputBudget(CliEntry::outputBudget(options));
    if (options.drainLimitMs >= 0)
        engine.setDrainLimitMs(options.drainLimitMs);
    if (options.familyLimit > 0)
        engine.setFamilyLimit(options.familyLimit);

    if (!options.screenshotPath.isEmpty())
        return runScreenshot(app, engine, lab, options, presets);

    makePrivateFolders();
    return runWindow(app, engine, lab, options, presets, userProblem);
}
