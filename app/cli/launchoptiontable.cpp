#include "launchoptiontable.h"

#include "factorizer.h"
#include "jobprocess.h"
#include "jsonnumber.h"
#include "launchoptions.h"
#include "outputbudget.h"
#include "processfamily.h"
#include "processsampler.h"
#include "runreport.h"
#include "traceprotocol.h"
#include "workerprotocol.h"

#include <QObject>

#include <cmath>
#include <limits>
#include <type_traits>

namespace {

using Row = LaunchOptionRow;
using Refusal = std::function<QString(const QString &text)>;
using Store = std::function<void(LaunchOptions *, double)>;

// Seconds past a week are a typo, not a plan.
constexpr double MaxSeconds = 7 * 24 * 3600;
// --report-output's ceiling: a report entry is built in memory whole.
constexpr qint64 MaxReportTextBytes = 1024 * 1024 * 1024;
// --max-parallel's ceiling: past it, "no limit" (0) says the same.
constexpr int MaxParallelLimit = 100000;
constexpr double NoMax = std::numeric_limits<double>::infinity();

QString numberText(double value)
{
    return value == std::floor(value) && std::abs(value) < 1e15 ? QString::number(qint64(value))
                                                                  : QString::number(value);
}

bool readNumber(Row::Number kind, const QString &text, double *out)
{
    bool ok = false;
    qint64 bytes = 0;
    switch (kind) {
    case Row::Number::Whole:
        *out = text.toInt(&ok);
        return ok;
    case Row::Number::Seconds:
        *out = text.toDouble(&ok);
        return ok && std::isfinite(*out);
    case Row::Number::Bytes:
        ok = LaunchOptions::parseBytes(text, &bytes);
        *out = double(bytes);
        return ok;
    case Row::Number::None:
        break;
    }
    return false;
}

Row number(QCommandLineOption option, Row::Number kind, double min, double max, Refusal refusal, Store store)
{
    Row row{std::move(option), {}, kind, min, max, numberText(min), numberText(max), {}};
    row.read = [kind, min, max, refusal, store](const QStringList &values, LaunchOptions *out, QString *error) {
        double value = 0;
        if (!readNumber(kind, values.constLast(), &value) || value < min || value > max) {
            *error = refusal(values.constLast());
            return false;
        }
        store(out, value);
        return true;
    };
    return row;
}

Row seconds(QCommandLineOption option, double min, double max, Store store)
{
    const QString name = option.names().constLast();
    const Refusal refusal = [name, min, max](const QString &text) {
        return QObject::tr("--%1 takes a number of seconds from %2 to %3, not \"%4\"")
            .arg(name, numberText(min), numberText(max), text);
    };
    return number(std::move(option), Row::Number::Seconds, min, max, refusal, std::move(store));
}

template<typename T>
Row value(QCommandLineOption option, T LaunchOptions::*member)
{
    Row row{std::move(option)};
    row.read = [member](const QStringList &values, LaunchOptions *out, QString *) {
        if constexpr (std::is_same_v<T, bool>)
            out->*member = true;
        else if constexpr (std::is_same_v<T, QStringList>)
            out->*member = values;
        else
            out->*member = values.constLast();
        return true;
    };
    return row;
}

// A word from a fixed list, or empty for the default; refusal names them.
Row choice(QCommandLineOption option, QString LaunchOptions::*member, const QStringList &words, const QString &refusal)
{
    Row row{std::move(option)};
    row.read = [member, words, refusal](const QStringList &values, LaunchOptions *out, QString *error) {
        if (!values.constLast().isEmpty() && !words.contains(values.constLast())) {
            *error = refusal.arg(values.constLast());
            return false;
        }
        out->*member = values.constLast();
        return true;
    };
    return row;
}

QCommandLineOption opt(const char *name, const QString &help, const char *valueName = nullptr)
{
    return valueName ? QCommandLineOption(QString::fromLatin1(name), help, QString::fromLatin1(valueName))
                     : QCommandLineOption(QString::fromLatin1(name), help);
}

QCommandLineOption hidden(QCommandLineOption option)
{
    option.setFlags(QCommandLineOption::HiddenFromHelp);
    return option;
}

Row size()
{
    Row row{opt("size", QObject::tr("Screenshot size, e.g. 1400x860."), "WxH")};
    row.read = [](const QStringList &values, LaunchOptions *out, QString *error) {
        const QStringList parts = values.constLast().split(QLatin1Char('x'));
        bool okW = false;
        bool okH = false;
        const int w = parts.size() == 2 ? parts.at(0).toInt(&okW) : 0;
        const int h = parts.size() == 2 ? parts.at(1).toInt(&okH) : 0;
        if (!okW || !okH || w < 320 || h < 240 || w > 8192 || h > 8192) {
            *error = QObject::tr("--size takes WIDTHxHEIGHT between 320x240 and 8192x8192, not \"%1\"")
                         .arg(values.constLast());
            return false;
        }
        out->screenshotSize = QSize(w, h);
        return true;
    };
    return row;
}

// The run's options: what runs, how long, how much it may use.
QList<Row> runRows()
{
    const Preset defaults;
    Row repeat = number(opt("repeat", QObject::tr("Start N copies of --command (at most --max-parallel at a time)."), "N"),
                        Row::Number::Whole, 1, Preset::MaxHeadlessCopies, nullptr,
                        [](LaunchOptions *o, double n) { o->repeat = int(n); });
    repeat.option.setDefaultValue(QString::number(defaults.copies));
    // A window holds fewer copies than a headless run: the limit follows --headless, read before.
    repeat.read = [](const QStringList &values, LaunchOptions *out, QString *error) {
        const QString &text = values.constLast();
        const int max = out->headless ? Preset::MaxHeadlessCopies : Preset::MaxCopies;
        double n = 0;
        if (!readNumber(Row::Number::Whole, text, &n) || n < 1 || n > max) {
            *error = out->headless ? QObject::tr("--repeat takes a whole number from 1 to %1, not \"%2\"").arg(max).arg(text)
                                   : QObject::tr("--repeat takes a whole number from 1 to %1 with a window (up to %2 with "
                                                 "--headless), not \"%3\"")
                                         .arg(max)
                                         .arg(Preset::MaxHeadlessCopies)
                                         .arg(text);
            return false;
        }
        out->repeat = int(n);
        return true;
    };
    Row grace = seconds(opt("grace", QObject::tr("Seconds between SIGTERM and SIGKILL (default %1).").arg(defaults.graceSec),
                            "SEC"),
                        0, MaxSeconds, [](LaunchOptions *o, double s) { o->graceSec = s; });
    grace.defaultText = numberText(defaults.graceSec);
    return {
        value(opt("command", QObject::tr("Run CMD, split into words, no shell."), "CMD"), &LaunchOptions::command),
        value(opt("shell", QObject::tr("Run --command through /bin/sh -c.")), &LaunchOptions::viaShell),
        repeat,
        seconds(opt("timeout", QObject::tr("Stop --command after SEC seconds."), "SEC"), 0, Preset::MaxTimeoutSec,
                [](LaunchOptions *o, double s) { o->timeoutSec = s; }),
        grace,
        value(opt("stdin-file", QObject::tr("Feed FILE to --command's stdin, then EOF."), "FILE"), &LaunchOptions::stdinFile),
        value(opt("pty", QObject::tr("Run --command in a pseudo-terminal, so it sees a terminal (isatty) and "
                                     "line-buffers; its stderr is merged into stdout.")),
              &LaunchOptions::pty),
        number(opt("max-processes",
                   QObject::tr("Fork-bomb brake for --command: at most N more processes (RLIMIT_NPROC; not for root)."), "N"),
               Row::Number::Whole, 1, Preset::MaxMaxProcesses,
               [](const QString &text) {
                   return QObject::tr("--max-processes takes a whole number from 1 to 1000000, not \"%1\"").arg(text);
               },
               [](LaunchOptions *o, double n) { o->maxProcesses = int(n); }),
        number(opt("max-parallel", QObject::tr("At most N children at once; the rest wait as queued (0: no limit)."), "N"),
               Row::Number::Whole, 0, MaxParallelLimit,
               [](const QString &text) {
                   return QObject::tr("--max-parallel takes a whole number from 0 (no limit) to 100000, not \"%1\"").arg(text);
               },
               [](LaunchOptions *o, double n) { o->maxParallel = int(n); }),
    };
}

// How often each child is read, and how much of its output is kept in memory.
QList<Row> memoryRows()
{
    Row sample = number(opt("sample-interval",
                            QObject::tr("Read each child's CPU, memory and process tree every MS milliseconds "
                                        "(%1 to %2; default %3).")
                                .arg(ProcessSampler::MinIntervalMs)
                                .arg(ProcessSampler::MaxIntervalMs)
                                .arg(ProcessSampler::DefaultIntervalMs),
                            "MS"),
                        Row::Number::Whole, ProcessSampler::MinIntervalMs, ProcessSampler::MaxIntervalMs,
                        // Refused rather than clamped: a typo should not silently sample at 5 s.
                        [](const QString &) {
                            return QObject::tr("--sample-interval must be from %1 to %2 ms")
                                .arg(ProcessSampler::MinIntervalMs)
                                .arg(ProcessSampler::MaxIntervalMs);
                        },
                        [](LaunchOptions *o, double ms) { o->sampleIntervalMs = int(ms); });
    sample.defaultText = QString::number(ProcessSampler::DefaultIntervalMs);
    Row budget = number(opt("output-budget",
                            QObject::tr("Keep at most BYTES of output in memory over all jobs (e.g. %1, the default; K, "
                                        "M and G count in 1024s); past it the oldest finished jobs keep only their last "
                                        "%2 KiB of each stream.")
                                .arg(LaunchOptionTable::bytesText(OutputBudget::DefaultBytes))
                                .arg(OutputBudget::TrimmedKeepBytes / 1024),
                            "BYTES"),
                        Row::Number::Bytes, OutputBudget::MinBytes, NoMax,
                        [](const QString &text) {
                            return QObject::tr("--output-budget takes a size of at least %1 bytes, e.g. 64K, 256M or "
                                               "1G, not \"%2\"")
                                .arg(OutputBudget::MinBytes)
                                .arg(text);
                        },
                        [](LaunchOptions *o, double bytes) { o->outputBudget = qint64(bytes); });
    budget.defaultText = LaunchOptionTable::bytesText(OutputBudget::DefaultBytes);
    return {sample, budget};
}

// How long output is read, and where it goes.
QList<Row> outputRows()
{
    using LaunchOptionTable::bytesText;
    const double maxDrainSec = JobProcess::MaxDrainLimitMs / 1000;
    Row drain = seconds(opt("drain-limit",
                            QObject::tr("After a job's own process exits, keep reading its output for at most SECONDS "
                                        "while a descendant still holds it (default %1; 0 stops reading at once). "
                                        "Whoever holds it then is named in the report.")
                                .arg(JobProcess::DefaultDrainLimitMs / 1000.0),
                            "SECONDS"),
                        0, maxDrainSec, [](LaunchOptions *o, double s) { o->drainLimitMs = int(s * 1000 + 0.5); });
    drain.defaultText = numberText(JobProcess::DefaultDrainLimitMs / 1000.0);
    const auto drainSeconds = drain.read;
    drain.read = [drainSeconds, maxDrainSec](const QStringList &values, LaunchOptions *out, QString *error) {
        double sec = 0;
        if (readNumber(Row::Number::Seconds, values.constLast(), &sec) && sec > maxDrainSec) {
            *error = QObject::tr("--drain-limit takes at most %1 seconds, not \"%2\"").arg(maxDrainSec).arg(values.constLast());
            return false;
        }
        return drainSeconds(values, out, error);
    };
    Row report = number(opt("report-output",
                            QObject::tr("Put at most BYTES of each stream's text per job in the report (default %1); "
                                        "the byte counts stay exact.")
                                .arg(bytesText(RunReport::DefaultTextBytes)),
                            "BYTES"),
                        Row::Number::Bytes, 0, MaxReportTextBytes,
                        [](const QString &text) {
                            return QObject::tr("--report-output takes a size from 0 to 1G, e.g. 0, 4K or 64K, not \"%1\"")
                                .arg(text);
                        },
                        [](LaunchOptions *o, double bytes) { o->reportTextBytes = qsizetype(bytes); });
    report.maxText = bytesText(MaxReportTextBytes);
    report.defaultText = bytesText(RunReport::DefaultTextBytes);
    return {drain, report,
            value(opt("output-dir",
                      QObject::tr("Also write every job's full stdout and stderr to files: DIR/RUN/JOB/stdout, stderr and "
                                  "cmd (with --headless). DIR must be yours and writable by no one else; a link inside "
                                  "it is refused. If a file cannot be written in full (a full disk), the run exits 1."),
                      "DIR"),
                  &LaunchOptions::outputDir)};
}

// The window and its screenshots.
QList<Row> windowRows()
{
    return {
        value(opt("open",
                  QObject::tr("Open a session or a --report file in the window, read-only (FILE.spawnscope alone does "
                              "the same); with --screenshot, draw it without running anything."),
                  "FILE"),
              &LaunchOptions::openFiles),
        value(opt("screenshot", QObject::tr("Run the --preset ids, save a PNG of the window to FILE and exit."), "FILE"),
              &LaunchOptions::screenshotPath),
        seconds(opt("screenshot-after",
                    QObject::tr("With --screenshot: start every preset at once and capture SEC seconds later, while "
                                "they still run (live CPU, memory and descendants, side by side), then stop them."),
                    "SEC"),
                0.1, MaxSeconds, [](LaunchOptions *o, double s) { o->screenshotAfterSec = s; }),
        choice(opt("detail",
                   QObject::tr("With --screenshot: select the last run's first job and show this tab of the detail "
                               "pane: overview, stdout, stderr or resources."),
                   "TAB"),
               &LaunchOptions::detailTab, {"overview", "stdout", "stderr", "resources"},
               QObject::tr("--detail takes overview, stdout, stderr or resources, not \"%1\"")),
        size(),
        choice(opt("panel",
                   QObject::tr("The tab in front: processes, timeline, threads, code or machine; or compare, the "
                               "Compare dialog over the last two runs."),
                   "NAME"),
               &LaunchOptions::panel, {"processes", "timeline", "threads", "code", "machine", "compare"},
               QObject::tr("--panel takes processes, timeline, threads, code, machine or compare, not \"%1\"")),
        value(opt("run-lab", QObject::tr("With --screenshot: run every threads-lab mode first.")), &LaunchOptions::runLab),
        choice(opt("lang", QObject::tr("Language of the window: en or ko (default: the system locale)."), "LANG"),
               &LaunchOptions::lang, {"en", "ko"}, QObject::tr("--lang takes en or ko, not \"%1\"")),
        choice(opt("theme", QObject::tr("Colours: light or dark (default: the desktop's)."), "NAME"), &LaunchOptions::theme,
               {"light", "dark"}, QObject::tr("--theme takes light or dark, not \"%1\"")),
    };
}

// The threads lab, headless; --mode is read with the workload, in LaunchOptions.
QList<Row> labRows()
{
    Row factorize{opt("factorize", QObject::tr("Threads lab: factorize N[,N...] (with --headless)."), "N,...")};
    factorize.read = [](const QStringList &values, LaunchOptions *out, QString *error) {
        if (Factorizer::parseNumbers(values.constLast(), &out->labRequest.numbers, error))
            return true;
        *error = QStringLiteral("--factorize: ") + *error;
        return false;
    };
    Row scale = number(opt("scale", QObject::tr("Factorize each number K times (default %1).").arg(LabRequest().scale), "K"),
                       Row::Number::Whole, 1, LabRequest::MaxScale,
                       [](const QString &text) {
                           return QObject::tr("--scale takes a whole number from 1 to %1, not \"%2\"")
                               .arg(LabRequest::MaxScale)
                               .arg(text);
                       },
                       [](LaunchOptions *o, double k) { o->labRequest.scale = int(k); });
    scale.defaultText = QString::number(LabRequest().scale);
    Row algorithm{opt("algorithm", QObject::tr("trial (up to n, the seed's; default) or sqrt (up to √n, faster)."), "ALG")};
    algorithm.read = [](const QStringList &values, LaunchOptions *out, QString *error) {
        if (Factorizer::algorithmFromKey(values.constLast(), &out->labRequest.algorithm))
            return true;
        *error = QObject::tr("--algorithm takes trial or sqrt, not \"%1\"").arg(values.constLast());
        return false;
    };
    Row worker{hidden(QCommandLineOption(QString::fromLatin1(WorkerProtocol::OptionName),
                                         QStringLiteral("internal: the lab's worker"), QStringLiteral("N")))};
    worker.read = [](const QStringList &values, LaunchOptions *out, QString *error) {
        QList<quint64> numbers;
        if (!Factorizer::parseNumbers(values.constLast(), &numbers, error) || numbers.size() != 1) {
            if (error->isEmpty())
                *error = QObject::tr("--worker-factorize takes one number");
            return false;
        }
        out->labRequest.numbers = numbers;
        out->worker = true;
        return true;
    };
    return {
        factorize,
        number(opt("blocking-io", QObject::tr("Threads lab: N workers each blocked --seconds T (with --headless)."), "N"),
               Row::Number::Whole, 1, LabRequest::MaxIoWorkers,
               [](const QString &text) {
                   return QObject::tr("--blocking-io takes a number of workers from 1 to %1, not \"%2\"")
                       .arg(LabRequest::MaxIoWorkers)
                       .arg(text);
               },
               [](LaunchOptions *o, double n) { o->labRequest.ioWorkers = int(n); }),
        seconds(opt("seconds", QObject::tr("How long each --blocking-io worker blocks."), "T"), 0.001, MaxSeconds,
                [](LaunchOptions *o, double s) { o->labRequest.ioSeconds = s; }),
        Row{opt("mode", QObject::tr("Lab mode: serial, threads, gil, processes or all (default)."), "MODE")},
        scale,
        algorithm,
        worker,
    };
}

// How much of a watched family is kept.
Row familyLimitRow()
{
    Row limit = number(opt("family-limit",
                           QObject::tr("Keep at most N members of each watched family (default %1); the processes "
                                       "past it are counted, not stored, and the job says so.")
                               .arg(ProcessFamily::DefaultMemberLimit),
                           "N"),
                       Row::Number::Whole, 1, double(ProcessFamily::MaxMemberLimit),
                       [](const QString &text) {
                           return QObject::tr("--family-limit takes a whole number from 1 to %1, not \"%2\"")
                               .arg(ProcessFamily::MaxMemberLimit)
                               .arg(text);
                       },
                       [](LaunchOptions *o, double n) { o->familyLimit = qint64(n); });
    limit.defaultText = QString::number(ProcessFamily::DefaultMemberLimit);
    return limit;
}

// The whole machine: a snapshot of every process, and attaching to one.
QList<Row> machineRows()
{
    return {
        value(opt("processes", QObject::tr("Write every process on the machine to --report (with --headless): pid, "
                                           "parent, user, argv, state, CPU and memory.")),
              &LaunchOptions::processes),
        number(opt("attach",
                   QObject::tr("Watch the running process PID and its descendants from now on (every fork, exec and "
                               "exit, with ptrace), in the window or with --headless; they keep running when the watch "
                               "ends."),
                   "PID"),
               Row::Number::Whole, 1, double(JsonNumber::MaxPid),
               [](const QString &text) {
                   return QObject::tr("--attach takes a process id from 1 to %1, not \"%2\"").arg(JsonNumber::MaxPid).arg(text);
               },
               [](LaunchOptions *o, double pid) { o->attachPid = qint64(pid); }),
        seconds(opt("duration",
                    QObject::tr("With --processes: measure CPU % over S seconds (sampling every --sample-interval). "
                                "With --attach: let go after S seconds."),
                    "S"),
                LaunchOptions::MinDurationSec, LaunchOptions::MaxDurationSec,
                [](LaunchOptions *o, double sec) { o->durationSec = sec; }),
    };
}

} // namespace

QString LaunchOptionTable::bytesText(qint64 bytes)
{
    for (const auto &[unit, suffix] : {std::pair{qint64(1) << 30, 'G'}, {qint64(1) << 20, 'M'}, {qint64(1) << 10, 'K'}}) {
        if (bytes >= unit && bytes % unit == 0)
            return QString::number(bytes / unit) + QLatin1Char(suffix);
    }
    return QString::number(bytes);
}

QList<LaunchOptionRow> LaunchOptionTable::rows()
{
    QList<Row> rows{
        value(opt("list-presets", QObject::tr("List presets: id<TAB>title.")), &LaunchOptions::listPresets),
        value(opt("headless", QObject::tr("Run without a window and report.")), &LaunchOptions::headless),
        value(opt("preset", QObject::tr("Run preset ID (repeatable)."), "ID"), &LaunchOptions::presetIds),
        value(opt("presets-file", QObject::tr("Also load presets from FILE."), "FILE"), &LaunchOptions::presetFiles),
        value(opt("import-presets", QObject::tr("Validate FILE and add its presets to your presets; nothing runs."), "FILE"),
              &LaunchOptions::importPresets),
        value(opt("report", QObject::tr("Write the JSON report to FILE, or - for stdout."), "FILE"), &LaunchOptions::reportPath),
        value(opt("joblog", QObject::tr("Also write GNU parallel's --joblog TSV to FILE."), "FILE"), &LaunchOptions::joblogPath),
        value(opt("trace", QObject::tr("Also write a Chrome trace (Perfetto, chrome://tracing) to FILE."), "FILE"),
              &LaunchOptions::tracePath),
    };
    rows << runRows() << memoryRows() << outputRows() << windowRows() << labRows();
    rows << value(opt("watch", QObject::tr("Trace the whole process family of --command or of PROGRAM after -- (every "
                                           "fork, exec and exit, with ptrace), in the window or with --headless.")),
                  &LaunchOptions::watch)
         << familyLimitRow()
         << machineRows()
         << Row{hidden(QCommandLineOption(QString::fromLatin1(TraceProtocol::AttachOption),
                                          QStringLiteral("internal: the running process the tracer attaches to"),
                                          QStringLiteral("PID")))}
         << Row{hidden(QCommandLineOption(QString::fromLatin1(TraceProtocol::DetachAfterOption),
                                          QStringLiteral("internal: when the attached tracer lets go"),
                                          QStringLiteral("MS")))}
         << Row{hidden(QCommandLineOption(QString::fromLatin1(TraceProtocol::WorkerOption),
                                          QStringLiteral("internal: the ptrace tracer")))}
         << Row{hidden(QCommandLineOption(QString::fromLatin1(TraceProtocol::OutOption),
                                          QStringLiteral("internal: where the tracer writes its events"),
                                          QStringLiteral("FILE")))}
         << value(QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")}, QObject::tr("Show this help and exit.")),
                  &LaunchOptions::showHelp)
         << value(QCommandLineOption({QStringLiteral("v"), QStringLiteral("version")},
                                     QObject::tr("Show the version and exit.")),
                  &LaunchOptions::showVersion);
    return rows;
}
