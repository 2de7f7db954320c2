// The command line, parsed into a value; shared by the window and the headless
// runner. Parsing only: loading and importing presets is PresetCatalog's.
#pragma once

#include "labrequest.h"
#include "preset.h"

#include <QList>
#include <QSize>
#include <QString>
#include <QStringList>

struct LaunchOptions
{
    bool headless = false;
    bool listPresets = false;
    bool showHelp = false;
    bool showVersion = false;
    QStringList presetIds;
    QStringList presetFiles;
    QString importPresets; // --import-presets FILE
    QString reportPath;
    QString joblogPath; // --joblog: GNU parallel's TSV layout
    QString tracePath;  // --trace: Chrome trace-event JSON
    QString command;
    bool viaShell = false;
    int repeat = 1;
    double timeoutSec = 0;
    double graceSec = 2;
    QString stdinFile;
    bool pty = false;       // --pty: run --command in a pseudo-terminal
    int maxProcesses = 0;   // --max-processes, for --command
    int maxParallel = -1;   // --max-parallel; -1: the engine's default
    int sampleIntervalMs = 0; // --sample-interval; 0: the sampler's default
    qint64 familyLimit = 0;   // --family-limit; 0: ProcessFamily's default
    int drainLimitMs = -1;    // --drain-limit in ms; -1: JobProcess's default
    qint64 outputBudget = 0;  // --output-budget in bytes; 0: the setting or OutputBudget's default
    qsizetype reportTextBytes = -1; // --report-output in bytes; -1: RunReport's default
    QString outputDir;        // --output-dir: every job's full output, in files
    QString screenshotPath;
    // --open FILE and FILE.spawnscope: sessions or reports to show, read-only.
    QStringList openFiles;
    QSize screenshotSize{1400, 860};
    QString panel;         // --panel: which tab is in front
    QString lang;          // --lang en|ko; empty: the system locale
    QString theme;         // --theme light|dark; empty: the desktop's palette
    bool runLab = false;   // --run-lab: run every lab mode before the screenshot
    double screenshotAfterSec = 0; // --screenshot-after: capture the last run live
    QString detailTab;     // --detail: the detail pane's tab in a screenshot
    // The threads lab, headless.
    bool lab = false;
    LabRequest labRequest;
    QList<LabResult::Mode> labModes;
    // Hidden: the lab's worker child.
    bool worker = false;
    // --watch: trace the run's whole process family (TraceProtocol's tracer).
    bool watch = false;
    // The words after "--": the program --watch runs, or the tracer's.
    QStringList programArgs;
    // Hidden: the ptrace tracer child (--trace-worker --trace-out FILE -- PROGRAM ...,
    // or --trace-attach PID [--trace-detach-after MS] instead of the program).
    bool traceWorker = false;
    QString traceOut;
    qint64 traceAttachPid = 0;
    qint64 traceDetachAfterMs = 0;
    // --processes: every process on the machine, as a report (with --headless).
    bool processes = false;
    // --attach PID: watch a running program's family from now on.
    qint64 attachPid = 0;
    // --duration: how long --processes measures or --attach watches; 0: one
    // scan, or until the attached program ends.
    double durationSec = 0;
    static constexpr double MinDurationSec = 0.1;
    static constexpr double MaxDurationSec = 86400;

    // "64K", "256M", "1G" (powers of 1024) or plain bytes; false for anything else.
    static bool parseBytes(const QString &text, qint64 *out);

    // False with a one-line *error for bad arguments.
    static bool parse(const QStringList &arguments, LaunchOptions *out, QString *error);
    static QString helpText();

    // What --headless should run: the --preset ids in order, or the --command.
    bool presetsToRun(const QList<Preset> &available, QList<Preset> *out, QString *error) const;
};
