#include "launchoptions.h"

#include "jobprocess.h"

#include "outputbudget.h"
#include "presetcatalog.h"
#include "processsampler.h"
#include "threadlab.h"
#include "traceprotocol.h"
#include "workerprotocol.h"

#include <QCommandLineParser>
#include <QFile>
#include <QObject>

#include <cmath>

namespace {

// --report-output's ceiling: a report entry is built in memory whole.
constexpr qint64 MaxReportTextBytes = 1024 * 1024 * 1024;

struct Spec
{
    QCommandLineOption list{QStringLiteral("list-presets"), QObject::tr("List presets: id<TAB>title.")};
    QCommandLineOption headless{QStringLiteral("headless"), QObject::tr("Run without a window and report.")};
    QCommandLineOption preset{QStringLiteral("preset"), QObject::tr("Run preset ID (repeatable)."), QStringLiteral("ID")};
    QCommandLineOption presetsFile{QStringLiteral("presets-file"), QObject::tr("Also load presets from FILE."),
                                   QStringLiteral("FILE")};
    QCommandLineOption importPresets{QStringLiteral("import-presets"),
                                     QObject::tr("Validate FILE and add its presets to your presets; nothing runs."),
                                     QStringLiteral("FILE")};
    QCommandLineOption report{QStringLiteral("report"), QObject::tr("Write the JSON report to FILE, or - for stdout."),
                              QStringLiteral("FILE")};
    QCommandLineOption joblog{QStringLiteral("joblog"), QObject::tr("Also write GNU parallel's --joblog TSV to FILE."),
                              QStringLiteral("FILE")};
    QCommandLineOption trace{QStringLiteral("trace"),
                             QObject::tr("Also write a Chrome trace (Perfetto, chrome://tracing) to FILE."),
                             QStringLiteral("FILE")};
    QCommandLineOption command{QStringLiteral("command"), QObject::tr("Run CMD, split into words, no shell."),
                               QStringLiteral("CMD")};
    QCommandLineOption shell{QStringLiteral("shell"), QObject::tr("Run --command through /bin/sh -c.")};
    QCommandLineOption repeat{QStringLiteral("repeat"), QObject::tr("Start N copies of --command (at most --max-parallel at a time)."),
                              QStringLiteral("N"), QStringLiteral("1")};
    QCommandLineOption timeout{QStringLiteral("timeout"), QObject::tr("Stop --command after SEC seconds."),
                               QStringLiteral("SEC")};
    QCommandLineOption grace{QStringLiteral("grace"), QObject::tr("Seconds between SIGTERM and SIGKILL (default 2)."),
                             QStringLiteral("SEC")};
    QCommandLineOption stdinFile{QStringLiteral("stdin-file"), QObject::tr("Feed FILE to --command's stdin, then EOF."),
                                 QStringLiteral("FILE")};
    QCommandLineOption pty{QStringLiteral("pty"),
                           QObject::tr("Run --command in a pseudo-terminal, so it sees a terminal (isatty) and "
                                       "line-buffers; its stderr is merged into stdout.")};
    QCommandLineOption maxProcesses{QStringLiteral("max-processes"),
                                    QObject::tr("Fork-bomb brake for --command: at most N more processes (RLIMIT_NPROC; "
                                                "not for root)."),
                                    QStringLiteral("N")};
    QCommandLineOption maxParallel{QStringLiteral("max-parallel"),
                                   QObject::tr("At most N children at once; the rest wait as queued (0: no limit)."),
                                   QStringLiteral("N")};
    QCommandLineOption sampleInterval{QStringLiteral("sample-interval"),
                                      QObject::tr("Read each child's CPU, memory and process tree every MS "
                                                  "milliseconds (100 to 5000; default 500)."),
                                      QStringLiteral("MS")};
    QCommandLineOption outputBudget{QStringLiteral("output-budget"),
                                    QObject::tr("Keep at most BYTES of output in memory over all jobs (e.g. 256M, "
                                                "the default; K, M and G count in 1024s); past it the oldest "
                                                "finished jobs keep only their last 4 KiB of each stream."),
                                    QStringLiteral("BYTES")};
    QCommandLineOption drainLimit{QStringLiteral("drain-limit"),
                                  QObject::tr("After a job's own process exits, keep reading its output for at most "
                                              "SECONDS while a descendant still holds it (default %1; 0 stops "
                                              "reading at once). Whoever holds it then is named in the report.")
                                      .arg(JobProcess::DefaultDrainLimitMs / 1000.0),
                                  QStringLiteral("SECONDS")};
    QCommandLineOption reportOutput{QStringLiteral("report-output"),
                                    QObject::tr("Put at most BYTES of each stream's text per job in the report "
                                                "(default 64K); the byte counts stay exact."),
                                    QStringLiteral("BYTES")};
    QCommandLineOption outputDir{QStringLiteral("output-dir"),
                                 QObject::tr("Also write every job's full stdout and stderr to files: "
                                             "DIR/RUN/JOB/stdout, stderr and cmd (with --headless). DIR must be yours and "
                                             "writable by no one else; a link inside it is refused. If a file cannot "
                                             "be written in full (a full disk), the run exits 1."),
                                 QStringLiteral("DIR")};
    QCommandLineOption open{QStringLiteral("open"),
                            QObject::tr("Open a session or a --report file in the window, read-only (FILE.spawnscope "
                                        "alone does the same); with --screenshot, draw it without running anything."),
                            QStringLiteral("FILE")};
    QCommandLineOption screenshot{QStringLiteral("screenshot"),
                                  QObject::tr("Run the --preset ids, save a PNG of the window to FILE and exit."),
                                  QStringLiteral("FILE")};
    QCommandLineOption panel{QStringLiteral("panel"), QObject::tr("The tab in front: processes, timeline, threads or code; or compare, the Compare dialog over the last two runs."),
                             QStringLiteral("NAME")};
    QCommandLineOption screenshotAfter{
        QStringLiteral("screenshot-after"),
        QObject::tr("With --screenshot: start every preset at once and capture SEC seconds later, while they "
                    "still run (live CPU, memory and descendants, side by side), then stop them."),
        QStringLiteral("SEC")};
    QCommandLineOption detail{QStringLiteral("detail"),
                              QObject::tr("With --screenshot: select the last run's first job and show this tab of "
                                          "the detail pane: overview, stdout, stderr or resources."),
                              QStringLiteral("TAB")};
    QCommandLineOption runLab{QStringLiteral("run-lab"),
                              QObject::tr("With --screenshot: run every threads-lab mode first.")};
    QCommandLineOption lang{QStringLiteral("lang"),
                            QObject::tr("Language of the window: en or ko (default: the system locale)."),
                            QStringLiteral("LANG")};
    QCommandLineOption theme{QStringLiteral("theme"),
                             QObject::tr("Colours: light or dark (default: the desktop's)."), QStringLiteral("NAME")};
    QCommandLineOption size{QStringLiteral("size"), QObject::tr("Screenshot size, e.g. 1400x860."), QStringLiteral("WxH")};
    QCommandLineOption factorize{QStringLiteral("factorize"),
                                 QObject::tr("Threads lab: factorize N[,N...] (with --headless)."), QStringLiteral("N,...")};
    QCommandLineOption blockingIo{QStringLiteral("blocking-io"),
                                  QObject::tr("Threads lab: N workers each blocked --seconds T (with --headless)."),
                                  QStringLiteral("N")};
    QCommandLineOption seconds{QStringLiteral("seconds"), QObject::tr("How long each --blocking-io worker blocks."),
                               QStringLiteral("T")};
    QCommandLineOption mode{QStringLiteral("mode"), QObject::tr("Lab mode: serial, threads, gil, processes or all (default)."),
                            QStringLiteral("MODE")};
    QCommandLineOption scale{QStringLiteral("scale"), QObject::tr("Factorize each number K times (default 1)."),
                             QStringLiteral("K")};
    QCommandLineOption algorithm{QStringLiteral("algorithm"),
                                 QObject::tr("trial (up to n, the seed's; default) or sqrt (up to √n, faster)."),
                                 QStringLiteral("ALG")};
    QCommandLineOption worker{QString::fromLatin1(WorkerProtocol::OptionName), QStringLiteral("internal: the lab's worker"),
                              QStringLiteral("N")};
    QCommandLineOption watch{QStringLiteral("watch"),
                             QObject::tr("Trace the whole process family of --command or of PROGRAM after -- "
                                         "(every fork, exec and exit, with ptrace), in the window or with --headless.")};
    QCommandLineOption traceWorker{QString::fromLatin1(TraceProtocol::WorkerOption),
                                   QStringLiteral("internal: the ptrace tracer")};
    QCommandLineOption traceOut{QString::fromLatin1(TraceProtocol::OutOption),
                                QStringLiteral("internal: where the tracer writes its events"), QStringLiteral("FILE")};
    QCommandLineOption help{{QStringLiteral("h"), QStringLiteral("help")}, QObject::tr("Show this help and exit.")};
    QCommandLineOption version{{QStringLiteral("v"), QStringLiteral("version")}, QObject::tr("Show the version and exit.")};

    void addTo(QCommandLineParser &parser)
    {
        parser.setApplicationDescription(
            QObject::tr("SpawnScope starts child processes and shows, live, what they do."));
        worker.setFlags(QCommandLineOption::HiddenFromHelp);
        traceWorker.setFlags(QCommandLineOption::HiddenFromHelp);
        traceOut.setFlags(QCommandLineOption::HiddenFromHelp);
        parser.addOptions({list, headless, preset, presetsFile, importPresets, report, joblog, trace, command, shell, repeat, timeout, grace,
                           stdinFile, pty, maxProcesses, maxParallel, sampleInterval, outputBudget, drainLimit, reportOutput, outputDir, open, screenshot, screenshotAfter, detail, size, panel, runLab, lang, theme, factorize, blockingIo, seconds, mode, scale, algorithm, worker,
                           watch, traceWorker, traceOut, help, version});
    }
};

bool parseSeconds(const QString &text, const QString &option, double min, double *out, QString *error)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value) || value < min || value > 7 * 24 * 3600) {
        *error = QObject::tr("--%1 takes a number of seconds, not \"%2\"").arg(option, text);
        return false;
    }
    *out = value;
    return true;
}

bool parseLab(const QCommandLineParser &parser, const Spec &spec, LaunchOptions *options, QString *error)
{
    const bool factorize = parser.isSet(spec.factorize);
    const bool blocking = parser.isSet(spec.blockingIo);
    const bool worker = parser.isSet(spec.worker);
    const bool labOnly = parser.isSet(spec.seconds) || parser.isSet(spec.mode) || parser.isSet(spec.scale)
                         || parser.isSet(spec.algorithm);
    if (!factorize && !blocking && !worker) {
        if (labOnly) {
            *error = QObject::tr("--mode, --scale, --algorithm and --seconds apply to --factorize or --blocking-io");
            return false;
        }
        return true;
    }
    if (factorize && blocking) {
        *error = QObject::tr("use either --factorize or --blocking-io, not both");
        return false;
    }
    if ((factorize || blocking) && !options->headless) {
        *error = QObject::tr("--factorize and --blocking-io run with --headless; the window has a Threads lab tab");
        return false;
    }
    if ((factorize || blocking) && (!options->presetIds.isEmpty() || !options->command.isEmpty())) {
        *error = QObject::tr("the threads lab runs on its own: leave out --preset and --command");
        return false;
    }

    LabRequest &request = options->labRequest;
    if (parser.isSet(spec.scale)) {
        bool ok = false;
        request.scale = parser.value(spec.scale).toInt(&ok);
        if (!ok || request.scale < 1 || request.scale > LabRequest::MaxScale) {
            *error = QObject::tr("--scale takes a whole number from 1 to %1, not \"%2\"")
                         .arg(LabRequest::MaxScale)
                         .arg(parser.value(spec.scale));
            return false;
        }
    }
    if (parser.isSet(spec.algorithm)
        && !Factorizer::algorithmFromKey(parser.value(spec.algorithm), &request.algorithm)) {
        *error = QObject::tr("--algorithm takes trial or sqrt, not \"%1\"").arg(parser.value(spec.algorithm));
        return false;
    }

    if (worker) {
        QList<quint64> numbers;
        if (!Factorizer::parseNumbers(parser.value(spec.worker), &numbers, error) || numbers.size() != 1) {
            if (error->isEmpty())
                *error = QObject::tr("--worker-factorize takes one number");
            return false;
        }
        request.numbers = numbers;
        options->worker = true;
        return true;
    }

    if (factorize) {
        request.workload = LabResult::Workload::Cpu;
        if (!Factorizer::parseNumbers(parser.value(spec.factorize), &request.numbers, error)) {
            *error = QStringLiteral("--factorize: ") + *error;
            return false;
        }
        if (parser.isSet(spec.seconds)) {
            *error = QObject::tr("--seconds applies to --blocking-io");
            return false;
        }
    } else {
        request.workload = LabResult::Workload::BlockingIo;
        bool ok = false;
        request.ioWorkers = parser.value(spec.blockingIo).toInt(&ok);
        if (!ok || request.ioWorkers < 1 || request.ioWorkers > LabRequest::MaxIoWorkers) {
            *error = QObject::tr("--blocking-io takes a number of workers from 1 to %1, not \"%2\"")
                         .arg(LabRequest::MaxIoWorkers)
                         .arg(parser.value(spec.blockingIo));
            return false;
        }
        if (!parser.isSet(spec.seconds)) {
            *error = QObject::tr("--blocking-io needs --seconds T, how long each worker blocks");
            return false;
        }
        if (!parseSeconds(parser.value(spec.seconds), QStringLiteral("seconds"), 0.001, &request.ioSeconds, error))
            return false;
        if (parser.isSet(spec.scale) || parser.isSet(spec.algorithm)) {
            *error = QObject::tr("--scale and --algorithm apply to --factorize");
            return false;
        }
    }

    const QString modeText = parser.isSet(spec.mode) ? parser.value(spec.mode) : QStringLiteral("all");
    if (modeText == QLatin1String("all")) {
        options->labModes = ThreadLab::allModes(request.workload);
    } else {
        LabResult::Mode mode;
        if (!LabResult::modeFromKey(modeText, &mode)
            || (mode == LabResult::Mode::Processes && request.workload == LabResult::Workload::BlockingIo)) {
            *error = request.workload == LabResult::Workload::Cpu
                         ? QObject::tr("--mode takes serial, threads, gil, processes or all, not \"%1\"").arg(modeText)
                         : QObject::tr("--mode takes serial, threads, gil or all with --blocking-io, not \"%1\"").arg(modeText);
            return false;
        }
        options->labModes = {mode};
    }
    options->lab = true;
    return true;
}

} // namespace

QString LaunchOptions::helpText()
{
    QCommandLineParser parser;
    Spec spec;
    spec.addTo(parser);
    return QObject::tr("Usage: spawnscope [options]\n"
                       "       spawnscope [--preset ID ...] [--command \"CMD\"] [--watch -- PROGRAM [ARGS...]]   "
                       "(the window, running these at once)\n"
                       "       spawnscope --list-presets [--presets-file FILE]\n"
                       "       spawnscope --headless --preset ID [--preset ID ...] [--presets-file FILE] [--report FILE|-]\n"
                       "       spawnscope --headless --command \"CMD\" [--repeat N] [--timeout SEC] [--grace SEC] "
                       "[--stdin-file FILE] [--pty] [--report FILE|-]\n"
                       "       spawnscope --headless --watch --command \"CMD\" | -- PROGRAM [ARGS...] "
                       "[--report FILE|-] [--trace FILE]\n"
                       "       spawnscope --headless --factorize N[,N...] [--mode serial|threads|gil|processes|all] "
                       "[--scale K] [--algorithm trial|sqrt] [--report FILE|-]\n"
                       "       spawnscope --headless --blocking-io N --seconds T [--mode serial|threads|gil|all] "
                       "[--report FILE|-]\n")
           // A blank line between the usage lines and the description, as in GNU help.
           + QLatin1Char('\n') + parser.helpText().section(QLatin1Char('\n'), 1);
}

bool LaunchOptions::parse(const QStringList &arguments, LaunchOptions *out, QString *error)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    Spec spec;
    spec.addTo(parser);
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return false;
    }
    // The tracer's mode comes first and alone: everything after "--" is the
    // program it runs.
    if (parser.isSet(spec.traceWorker)) {
        if (parser.positionalArguments().isEmpty() || !parser.isSet(spec.traceOut)) {
            *error = QStringLiteral("--trace-worker needs --trace-out FILE -- PROGRAM [ARGS...]");
            return false;
        }
        out->traceWorker = true;
        out->traceOut = parser.value(spec.traceOut);
        out->programArgs = parser.positionalArguments();
        return true;
    }
    const bool watch = parser.isSet(spec.watch);
    // spawnscope FILE.spawnscope: the file manager's way to open a session.
    QStringList positional = parser.positionalArguments();
    QStringList openFiles = parser.values(spec.open);
    if (!watch) {
        while (!positional.isEmpty() && positional.first().endsWith(QLatin1String(".spawnscope")))
            openFiles << positional.takeFirst();
    }
    if (!positional.isEmpty() && !(watch && arguments.contains(QStringLiteral("--")))) {
        *error = QObject::tr("unexpected argument \"%1\" (see --help)").arg(positional.first());
        return false;
    }

    LaunchOptions options;
    options.showHelp = parser.isSet(spec.help);
    options.showVersion = parser.isSet(spec.version);
    options.listPresets = parser.isSet(spec.list);
    options.headless = parser.isSet(spec.headless);
    options.presetIds = parser.values(spec.preset);
    options.presetFiles = parser.values(spec.presetsFile);
    options.importPresets = parser.value(spec.importPresets);
    options.reportPath = parser.value(spec.report);
    options.joblogPath = parser.value(spec.joblog);
    options.tracePath = parser.value(spec.trace);
    options.command = parser.value(spec.command);
    options.viaShell = parser.isSet(spec.shell);
    options.stdinFile = parser.value(spec.stdinFile);
    options.pty = parser.isSet(spec.pty);
    options.screenshotPath = parser.value(spec.screenshot);
    options.openFiles = openFiles;
    options.watch = watch;
    options.programArgs = positional;
    if (options.watch && options.command.isEmpty() == options.programArgs.isEmpty()) {
        *error = QObject::tr("--watch needs either --command \"CMD\" or -- PROGRAM [ARGS...]");
        return false;
    }
    if (options.watch && !parser.values(spec.preset).isEmpty()) {
        *error = QObject::tr("--watch applies to --command or -- PROGRAM, not to --preset");
        return false;
    }

    if (parser.isSet(spec.repeat)) {
        bool ok = false;
        options.repeat = parser.value(spec.repeat).toInt(&ok);
        const int maxRepeat = options.headless ? Preset::MaxHeadlessCopies : Preset::MaxCopies;
        if (!ok || options.repeat < 1 || options.repeat > maxRepeat) {
            *error = options.headless
                         ? QObject::tr("--repeat takes a whole number from 1 to %1, not \"%2\"")
                               .arg(maxRepeat)
                               .arg(parser.value(spec.repeat))
                         : QObject::tr("--repeat takes a whole number from 1 to %1 with a window (up to %2 with "
                                       "--headless), not \"%3\"")
                               .arg(maxRepeat)
                               .arg(Preset::MaxHeadlessCopies)
                               .arg(parser.value(spec.repeat));
            return false;
        }
    }
    if (parser.isSet(spec.timeout) && !parseSeconds(parser.value(spec.timeout), QStringLiteral("timeout"), 0,
                                                    &options.timeoutSec, error)) {
        return false;
    }
    if (parser.isSet(spec.grace)
        && !parseSeconds(parser.value(spec.grace), QStringLiteral("grace"), 0, &options.graceSec, error)) {
        return false;
    }
    if (parser.isSet(spec.drainLimit)) {
        double seconds = 0;
        if (!parseSeconds(parser.value(spec.drainLimit), QStringLiteral("drain-limit"), 0, &seconds, error))
            return false;
        if (seconds * 1000 > JobProcess::MaxDrainLimitMs) {
            *error = QObject::tr("--drain-limit takes at most %1 seconds, not \"%2\"")
                         .arg(JobProcess::MaxDrainLimitMs / 1000)
                         .arg(parser.value(spec.drainLimit));
            return false;
        }
        options.drainLimitMs = int(seconds * 1000 + 0.5);
    }
    options.panel = parser.value(spec.panel);
    options.runLab = parser.isSet(spec.runLab);
    static const QStringList panels{QStringLiteral("processes"), QStringLiteral("timeline"), QStringLiteral("threads"),
                                    QStringLiteral("code"), QStringLiteral("compare")};
    if (!options.panel.isEmpty() && !panels.contains(options.panel)) {
        *error = QObject::tr("--panel takes processes, timeline, threads, code or compare, not \"%1\"").arg(options.panel);
        return false;
    }
    options.lang = parser.value(spec.lang);
    if (!options.lang.isEmpty() && options.lang != QLatin1String("en") && options.lang != QLatin1String("ko")) {
        *error = QObject::tr("--lang takes en or ko, not \"%1\"").arg(options.lang);
        return false;
    }
    options.theme = parser.value(spec.theme);
    if (!options.theme.isEmpty() && options.theme != QLatin1String("light") && options.theme != QLatin1String("dark")) {
        *error = QObject::tr("--theme takes light or dark, not \"%1\"").arg(options.theme);
        return false;
    }
    if (parser.isSet(spec.screenshotAfter)
        && !parseSeconds(parser.value(spec.screenshotAfter), QStringLiteral("screenshot-after"), 0.1,
                         &options.screenshotAfterSec, error)) {
        return false;
    }
    options.detailTab = parser.value(spec.detail);
    static const QStringList detailTabs{QStringLiteral("overview"), QStringLiteral("stdout"), QStringLiteral("stderr"),
                                        QStringLiteral("resources")};
    if (!options.detailTab.isEmpty() && !detailTabs.contains(options.detailTab)) {
        *error = QObject::tr("--detail takes overview, stdout, stderr or resources, not \"%1\"").arg(options.detailTab);
        return false;
    }
    if ((options.screenshotAfterSec > 0 || !options.detailTab.isEmpty()) && options.screenshotPath.isEmpty()) {
        *error = QObject::tr("--screenshot-after and --detail apply to --screenshot");
        return false;
    }
    if (options.runLab && options.screenshotPath.isEmpty()) {
        *error = QObject::tr("--run-lab applies to --screenshot");
        return false;
    }
    if (parser.isSet(spec.size)) {
        const QStringList parts = parser.value(spec.size).split(QLatin1Char('x'));
        bool okW = false;
        bool okH = false;
        const int w = parts.size() == 2 ? parts.at(0).toInt(&okW) : 0;
        const int h = parts.size() == 2 ? parts.at(1).toInt(&okH) : 0;
        if (!okW || !okH || w < 320 || h < 240 || w > 8192 || h > 8192) {
            *error = QObject::tr("--size takes WIDTHxHEIGHT between 320x240 and 8192x8192, not \"%1\"")
                         .arg(parser.value(spec.size));
            return false;
        }
        options.screenshotSize = QSize(w, h);
    }

    if (!parseLab(parser, spec, &options, error))
        return false;

    if (parser.isSet(spec.maxProcesses)) {
        bool ok = false;
        options.maxProcesses = parser.value(spec.maxProcesses).toInt(&ok);
        if (!ok || options.maxProcesses < 1 || options.maxProcesses > 1000000) {
            *error = QObject::tr("--max-processes takes a whole number from 1 to 1000000, not \"%1\"")
                         .arg(parser.value(spec.maxProcesses));
            return false;
        }
    }
    if (parser.isSet(spec.maxParallel)) {
        bool ok = false;
        options.maxParallel = parser.value(spec.maxParallel).toInt(&ok);
        if (!ok || options.maxParallel < 0 || options.maxParallel > 100000) {
            *error = QObject::tr("--max-parallel takes a whole number from 0 (no limit) to 100000, not \"%1\"")
                         .arg(parser.value(spec.maxParallel));
            return false;
        }
    }
    if (parser.isSet(spec.sampleInterval)) {
        bool ok = false;
        options.sampleIntervalMs = parser.value(spec.sampleInterval).toInt(&ok);
        // Refused rather than clamped: a typo should not silently sample at 5 s.
        if (!ok || options.sampleIntervalMs < ProcessSampler::MinIntervalMs
            || options.sampleIntervalMs > ProcessSampler::MaxIntervalMs) {
            *error = QObject::tr("--sample-interval must be from %1 to %2 ms")
                         .arg(ProcessSampler::MinIntervalMs)
                         .arg(ProcessSampler::MaxIntervalMs);
            return false;
        }
    }
    if (parser.isSet(spec.outputBudget)) {
        if (!parseBytes(parser.value(spec.outputBudget), &options.outputBudget)
            || options.outputBudget < OutputBudget::MinBytes) {
            *error = QObject::tr("--output-budget takes a size of at least %1 bytes, e.g. 64K, 256M or 1G, not \"%2\"")
                         .arg(OutputBudget::MinBytes)
                         .arg(parser.value(spec.outputBudget));
            return false;
        }
    }
    if (parser.isSet(spec.reportOutput)) {
        qint64 bytes = -1;
        if (!parseBytes(parser.value(spec.reportOutput), &bytes) || bytes > MaxReportTextBytes) {
            *error = QObject::tr("--report-output takes a size from 0 to 1G, e.g. 0, 4K or 64K, not \"%1\"")
                         .arg(parser.value(spec.reportOutput));
            return false;
        }
        options.reportTextBytes = qsizetype(bytes);
    }
    options.outputDir = parser.value(spec.outputDir);
    if ((parser.isSet(spec.reportOutput) || parser.isSet(spec.outputDir)) && !options.headless) {
        *error = QObject::tr("--report-output and --output-dir apply to --headless runs");
        return false;
    }
    if (parser.isSet(spec.outputDir) && options.outputDir.isEmpty()) {
        *error = QObject::tr("--output-dir needs a directory");
        return false;
    }
    const bool commandOnly = options.viaShell || parser.isSet(spec.repeat) || parser.isSet(spec.timeout)
                             || parser.isSet(spec.grace) || !options.stdinFile.isEmpty()
                             || parser.isSet(spec.maxProcesses) || options.pty;
    if (commandOnly && options.command.isEmpty()) {
        *error = QObject::tr("--shell, --repeat, --timeout, --grace, --stdin-file, --pty and --max-processes apply "
                             "to --command, which is missing");
        return false;
    }
    if (options.headless && !options.showHelp && !options.showVersion && options.presetIds.isEmpty()
        && options.command.isEmpty() && options.programArgs.isEmpty() && !options.lab) {
        *error = QObject::tr("--headless needs --preset ID, --command \"CMD\", --factorize N or --blocking-io N "
                             "(see --help)");
        return false;
    }
    if (!options.command.isEmpty() && !options.presetIds.isEmpty()) {
        *error = QObject::tr("use either --preset or --command, not both");
        return false;
    }
    if ((!options.reportPath.isEmpty() || !options.joblogPath.isEmpty() || !options.tracePath.isEmpty())
        && !options.headless) {
        *error = QObject::tr("--report, --joblog and --trace apply to --headless runs");
        return false;
    }
    if (!options.openFiles.isEmpty() && options.headless) {
        *error = QObject::tr("--open applies to the window and to --screenshot, not to --headless");
        return false;
    }
    if ((!options.joblogPath.isEmpty() || !options.tracePath.isEmpty()) && options.lab) {
        *error = QObject::tr("--joblog and --trace apply to --preset and --command runs");
        return false;
    }
    *out = options;
    return true;
}

bool LaunchOptions::parseBytes(const QString &text, qint64 *out)
{
    QString digits = text.trimmed();
    qint64 unit = 1;
    if (!digits.isEmpty()) {
        switch (digits.back().toUpper().unicode()) {
        case 'K':
            unit = 1024;
            break;
        case 'M':
            unit = 1024 * 1024;
            break;
        case 'G':
            unit = 1024 * 1024 * 1024;
            break;
        default:
            break;
        }
        if (unit > 1)
            digits.chop(1);
    }
    bool ok = false;
    const qint64 value = digits.toLongLong(&ok);
    // A terabyte of output in memory is a typo, not a plan; it also keeps
    // value * unit far from overflowing.
    if (!ok || value < 0 || value > (qint64(1) << 40) / unit)
        return false;
    *out = value * unit;
    return true;
}

bool LaunchOptions::presetsToRun(const QList<Preset> &available, QList<Preset> *out, QString *error) const
{
    QList<Preset> chosen;
    if (!command.isEmpty() || !programArgs.isEmpty()) {
        // "-- PROGRAM ARGS..." are words already: quoted back into one command
        // line, they split into the same words.
        const QString line = command.isEmpty()
                                 ? StageSpec{programArgs.first(), programArgs.mid(1), {}, {}}.commandLine()
                                 : command;
        Preset preset = Preset::fromCommand(line, viaShell, error);
        if (preset.stages.isEmpty())
            return false;
        preset.copies = repeat;
        preset.timeoutSec = timeoutSec;
        preset.graceSec = graceSec;
        preset.maxProcesses = maxProcesses;
        preset.pty = pty;
        preset.watch = watch;
        if (!stdinFile.isEmpty()) {
            QFile file(stdinFile);
            if (!file.open(QIODevice::ReadOnly)) {
                *error = QObject::tr("--stdin-file %1: cannot open: %2").arg(stdinFile, file.errorString());
                return false;
            }
            preset.stdinSpec.kind = StdinSpec::Kind::Hex; // raw bytes, whatever they are
            preset.stdinSpec.data = file.readAll();
        }
        chosen << preset;
    }
    QList<Preset> byId;
    if (!PresetCatalog::select(available, presetIds, &byId, error))
        return false;
    *out = chosen + byId;
    return true;
}
