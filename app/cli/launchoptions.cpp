#include "launchoptions.h"

#include "launchoptiontable.h"
#include "procreader.h"
#include "presetcatalog.h"
#include "threadlab.h"
#include "traceprotocol.h"
#include "workerprotocol.h"

#include <QCommandLineParser>
#include <QFile>
#include <QObject>

namespace {

// The options, from the table, on a parser.
QList<LaunchOptionRow> addTable(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QObject::tr("SpawnScope starts child processes and shows, live, what they do."));
    const QList<LaunchOptionRow> rows = LaunchOptionTable::rows();
    for (const LaunchOptionRow &row : rows)
        parser.addOption(row.option);
    return rows;
}

// A rule between options: when broken says so, parse() fails with message.
struct Rule
{
    bool broken;
    QString message;
};

// The rules between options, in the order they are checked; the values
// themselves were checked from the table before.
QList<Rule> rules(const QCommandLineParser &parser, const LaunchOptions &o)
{
    const auto set = [&parser](const char *name) { return parser.isSet(QString::fromLatin1(name)); };
    const bool screenshot = !o.screenshotPath.isEmpty();
    const bool commandOnly = set("shell") || set("repeat") || set("timeout") || set("grace") || !o.stdinFile.isEmpty()
                             || set("max-processes") || set("pty");
    return {
        {o.watch && o.command.isEmpty() == o.programArgs.isEmpty(),
         QObject::tr("--watch needs either --command \"CMD\" or -- PROGRAM [ARGS...]")},
        {o.watch && !o.presetIds.isEmpty(), QObject::tr("--watch applies to --command or -- PROGRAM, not to --preset")},
        {(o.screenshotAfterSec > 0 || !o.detailTab.isEmpty()) && !screenshot,
         QObject::tr("--screenshot-after and --detail apply to --screenshot")},
        {o.runLab && !screenshot, QObject::tr("--run-lab applies to --screenshot")},
        {(set("report-output") || set("output-dir")) && !o.headless,
         QObject::tr("--report-output and --output-dir apply to --headless runs")},
        {set("output-dir") && o.outputDir.isEmpty(), QObject::tr("--output-dir needs a directory")},
        {commandOnly && o.command.isEmpty(),
         QObject::tr("--shell, --repeat, --timeout, --grace, --stdin-file, --pty and --max-processes apply to "
                     "--command, which is missing")},
        {o.processes && o.attachPid > 0, QObject::tr("use either --processes or --attach, not both")},
        {o.processes && !o.headless,
         QObject::tr("--processes writes a report with --headless; the window has a Machine tab")},
        {set("duration") && !o.processes && o.attachPid == 0, QObject::tr("--duration applies to --processes and --attach")},
        {(o.processes || o.attachPid > 0)
             && (!o.command.isEmpty() || !o.presetIds.isEmpty() || !o.programArgs.isEmpty() || o.watch || o.lab),
         o.processes ? QObject::tr("--processes runs nothing: leave out --command, --preset, --watch and PROGRAM")
                     : QObject::tr("--attach watches a running program: leave out --command, --preset, --watch and PROGRAM")},
        {o.headless && !o.showHelp && !o.showVersion && o.presetIds.isEmpty() && o.command.isEmpty()
             && o.programArgs.isEmpty() && !o.lab && !o.processes && o.attachPid == 0,
         QObject::tr("--headless needs --preset ID, --command \"CMD\", --attach PID, --processes, --factorize N or "
                     "--blocking-io N (see --help)")},
        {!o.command.isEmpty() && !o.presetIds.isEmpty(), QObject::tr("use either --preset or --command, not both")},
        {(!o.reportPath.isEmpty() || !o.joblogPath.isEmpty() || !o.tracePath.isEmpty()) && !o.headless,
         QObject::tr("--report, --joblog and --trace apply to --headless runs")},
        {!o.openFiles.isEmpty() && o.headless,
         QObject::tr("--open applies to the window and to --screenshot, not to --headless")},
        {(!o.joblogPath.isEmpty() || !o.tracePath.isEmpty()) && o.lab,
         QObject::tr("--joblog and --trace apply to --preset and --command runs")},
    };
}

// The threads lab's rules. Whether the lab runs at all is checked before
// any value is read (first = true); what it needs besides, after.
QList<Rule> labRules(const QCommandLineParser &parser, bool first)
{
    const auto set = [&parser](const char *name) { return parser.isSet(QString::fromLatin1(name)); };
    const bool factorize = set("factorize");
    const bool blocking = set("blocking-io");
    if (first) {
        return {
            {!factorize && !blocking && !set(WorkerProtocol::OptionName)
                 && (set("seconds") || set("mode") || set("scale") || set("algorithm")),
             QObject::tr("--mode, --scale, --algorithm and --seconds apply to --factorize or --blocking-io")},
            {factorize && blocking, QObject::tr("use either --factorize or --blocking-io, not both")},
            {(factorize || blocking) && !set("headless"),
             QObject::tr("--factorize and --blocking-io run with --headless; the window has a Threads lab tab")},
            {(factorize || blocking) && (set("preset") || !parser.value(QStringLiteral("command")).isEmpty()),
             QObject::tr("the threads lab runs on its own: leave out --preset and --command")},
        };
    }
    const bool lab = !set(WorkerProtocol::OptionName); // the worker ignores the rest
    return {
        {lab && factorize && set("seconds"), QObject::tr("--seconds applies to --blocking-io")},
        {lab && blocking && !set("seconds"), QObject::tr("--blocking-io needs --seconds T, how long each worker blocks")},
        {lab && blocking && (set("scale") || set("algorithm")),
         QObject::tr("--scale and --algorithm apply to --factorize")},
    };
}

bool firstBroken(const QList<Rule> &rules, QString *error)
{
    for (const Rule &rule : rules) {
        if (rule.broken) {
            *error = rule.message;
            return true;
        }
    }
    return false;
}

// --factorize or --blocking-io: the workload and the --mode list to run.
bool readLabMode(const QCommandLineParser &parser, LaunchOptions *options, QString *error)
{
    const bool factorize = parser.isSet(QStringLiteral("factorize"));
    if (options->worker || (!factorize && !parser.isSet(QStringLiteral("blocking-io"))))
        return true;
    LabRequest &request = options->labRequest;
    request.workload = factorize ? LabResult::Workload::Cpu : LabResult::Workload::BlockingIo;
    const QString modeText = parser.isSet(QStringLiteral("mode")) ? parser.value(QStringLiteral("mode"))
                                                                  : QStringLiteral("all");
    if (modeText == QLatin1String("all")) {
        options->labModes = ThreadLab::allModes(request.workload);
    } else {
        LabResult::Mode mode;
        if (!LabResult::modeFromKey(modeText, &mode)
            || (mode == LabResult::Mode::Processes && request.workload == LabResult::Workload::BlockingIo)) {
            *error = factorize
                         ? QObject::tr("--mode takes serial, threads, gil, processes or all, not \"%1\"").arg(modeText)
                         : QObject::tr("--mode takes serial, threads, gil or all with --blocking-io, not \"%1\"").arg(modeText);
            return false;
        }
        options->labModes = {mode};
    }
    options->lab = true;
    return true;
}

// The words that are not options: FILE.spawnscope to open (after --open's),
// or after --watch, the program.
bool readPositional(const QCommandLineParser &parser, const QStringList &arguments, LaunchOptions *options,
                    QString *error)
{
    // spawnscope FILE.spawnscope: the file manager's way to open a session.
    QStringList positional = parser.positionalArguments();
    const bool watch = parser.isSet(QStringLiteral("watch"));
    if (!watch) {
        while (!positional.isEmpty() && positional.first().endsWith(QLatin1String(".spawnscope")))
            options->openFiles << positional.takeFirst();
    }
    if (!positional.isEmpty() && !(watch && arguments.contains(QStringLiteral("--")))) {
        *error = QObject::tr("unexpected argument \"%1\" (see --help)").arg(positional.first());
        return false;
    }
    options->programArgs = positional;
    return true;
}

} // namespace

QString LaunchOptions::helpText()
{
    QCommandLineParser parser;
    addTable(parser);
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
    const QList<LaunchOptionRow> rows = addTable(parser);
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return false;
    }
    // The tracer's mode comes first and alone: everything after "--" is the
    // program it runs.
    if (parser.isSet(QString::fromLatin1(TraceProtocol::WorkerOption))) {
        const QString traceOut = QString::fromLatin1(TraceProtocol::OutOption);
        const QString attach = QString::fromLatin1(TraceProtocol::AttachOption);
        if (parser.isSet(attach) && parser.isSet(traceOut)) {
            bool ok = false;
            out->traceAttachPid = parser.value(attach).toLongLong(&ok);
            out->traceDetachAfterMs = parser.value(QString::fromLatin1(TraceProtocol::DetachAfterOption)).toLongLong();
            if (!ok || out->traceAttachPid <= 0) {
                *error = QStringLiteral("--trace-attach needs a process id");
                return false;
            }
            out->traceWorker = true;
            out->traceOut = parser.value(traceOut);
            return true;
        }
        if (parser.positionalArguments().isEmpty() || !parser.isSet(traceOut)) {
            *error = QStringLiteral("--trace-worker needs --trace-out FILE -- PROGRAM [ARGS...]");
            return false;
        }
        out->traceWorker = true;
        out->traceOut = parser.value(traceOut);
        out->programArgs = parser.positionalArguments();
        return true;
    }

    LaunchOptions positional;
    if (!readPositional(parser, arguments, &positional, error) || firstBroken(labRules(parser, true), error))
        return false;
    LaunchOptions options;
    // In the table's order: --repeat's limit reads --headless, set before it.
    for (const LaunchOptionRow &row : rows) {
        if (row.read && parser.isSet(row.option) && !row.read(parser.values(row.option), &options, error))
            return false;
    }
    options.openFiles << positional.openFiles;
    options.programArgs = positional.programArgs;
    if (firstBroken(labRules(parser, false), error) || !readLabMode(parser, &options, error)
        || firstBroken(rules(parser, options), error)) {
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
    if (attachPid > 0) {
        // The argv names the row; the tracer reads it again when it attaches.
        chosen << Preset::attachTo(attachPid, ProcReader::read(attachPid, ProcReader::Cmdline).argv, durationSec);
        *out = chosen;
        return true;
    }
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
