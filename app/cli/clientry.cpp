#include "clientry.h"

#include "attachcheck.h"
#include "headlessrunner.h"
#include "jobengine.h"
#include "labheadless.h"
#include "outputbudget.h"
#include "outputdir.h"
#include "presetcatalog.h"
#include "processesheadless.h"
#include "settingskeys.h"
#include "tracer.h"
#include "translations.h"
#include "unixsignalwatcher.h"

#include <QCoreApplication>
#include <QSettings>

#include <algorithm>
#include <cstdio>

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
    return CliEntry::fail(message);
}

qint64 outputBudget(const LaunchOptions &options)
{
    return CliEntry::outputBudget(options);
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

} // namespace

bool CliEntry::handles(const LaunchOptions &options)
{
    return !options.importPresets.isEmpty() || options.traceWorker || options.worker || options.listPresets
           || options.headless;
}

int CliEntry::run(int argc, char **argv, const LaunchOptions &options)
{
    if (!options.importPresets.isEmpty())
        return importPresets(options);
    if (options.traceWorker)
        return runTracer(options);
    if (options.worker) {
        return LabHeadless::runWorker(options.labRequest.numbers.first(), options.labRequest.scale,
                                      options.labRequest.algorithm);
    }

    QList<Preset> presets;
    QString error;
    if (!PresetCatalog::load(options.presetFiles, &presets, &error, nullptr))
        return fail(error);
    if (options.listPresets) {
        for (const Preset &preset : std::as_const(presets))
            std::printf("%s\t%s\n", qPrintable(preset.id), qPrintable(preset.title));
        return 0;
    }
    if (options.processes)
        return runProcesses(argc, argv, options);
    if (options.attachPid > 0) {
        // Refused before anything starts, with the cause: no such process,
        // this app or its tracer, already traced, another user's, Yama.
        const QString refusal = AttachCheck::refusal(options.attachPid);
        if (!refusal.isEmpty())
            return fail(QObject::tr("cannot watch process %1: %2").arg(options.attachPid).arg(refusal));
    }
    if (options.lab)
        return runLab(argc, argv, options);
    return runHeadless(argc, argv, options, presets);
}

int CliEntry::fail(const QString &message)
{
    std::fprintf(stderr, "spawnscope: %s\n", qPrintable(message));
    return 2;
}

// --output-budget, else the setting (QSettings "jobs/outputBudgetBytes", for
// the window and headless runs alike), else OutputBudget's default.
qint64 CliEntry::outputBudget(const LaunchOptions &options)
{
    if (options.outputBudget > 0)
        return options.outputBudget;
    const qint64 saved = QSettings().value(SettingsKeys::OutputBudgetBytes, OutputBudget::DefaultBytes).toLongLong();
    return std::max(saved, OutputBudget::MinBytes);
}


std::optional<int> CliEntry::begin(int argc, char **argv, LaunchOptions *options)
{
    QCoreApplication::setOrganizationName(QStringLiteral("SpawnScope"));
    QCoreApplication::setApplicationName(QStringLiteral("spawnscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SPAWNSCOPE_VERSION));

    QString error;
    const QStringList args = argumentList(argc, argv);
    if (!LaunchOptions::parse(args, options, &error)) {
        // A usage error says where to read more, as GNU tools do, on the one line errors have here.
        if (!error.contains(QLatin1String("--help"))) {
            if (error.endsWith(QLatin1Char('.'))) // QCommandLineParser's own messages
                error.chop(1);
            error += QStringLiteral(" (see --help)");
        }
        return fail(error);
    }
    if (options->showHelp) {
        QCoreApplication app(argc, argv); // the help text names the executable through it
        Translations::install(options->lang); // Korean help for --lang ko or a Korean locale
        std::fputs(qPrintable(LaunchOptions::helpText()), stdout);
        return 0;
    }
    if (options->showVersion) {
        std::printf("spawnscope %s\n", SPAWNSCOPE_VERSION);
        return 0;
    }

    return std::nullopt;
}
