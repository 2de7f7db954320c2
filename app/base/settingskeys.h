// Every QSettings key SpawnScope reads or writes, named once: a key typed in
// two places drifts, and then a setting is saved where nothing reads it.
#pragma once

#include <QString>

namespace SettingsKeys {

// The window's layout.
inline const QString WindowGeometry = QStringLiteral("window/geometry");
inline const QString WindowState = QStringLiteral("window/state");
inline const QString WindowTab = QStringLiteral("window/tab");
inline const QString CentreSplitter = QStringLiteral("window/centreSplitter");
inline const QString JobColumns = QStringLiteral("window/jobColumns");

// The command bar. KeepStdin, Terminal and Watch are no longer saved (they
// last for the session); they are named so that older values can be removed.
inline const QString ViaShell = QStringLiteral("command/viaShell");
inline const QString LastCommand = QStringLiteral("command/last");
inline const QString KeepStdin = QStringLiteral("command/keepStdin");
inline const QString Terminal = QStringLiteral("command/terminal");
inline const QString Watch = QStringLiteral("command/watch");

// Jobs and their limits (the toolbar and Jobs → Limits…).
inline const QString MaxParallel = QStringLiteral("jobs/maxParallel");
inline const QString MaxParallelChosen = QStringLiteral("jobs/maxParallelChosen");
inline const QString FinishedJobLimit = QStringLiteral("jobs/finishedJobLimit");
inline const QString OutputBudgetBytes = QStringLiteral("jobs/outputBudgetBytes");
inline const QString DrainLimitMs = QStringLiteral("jobs/drainLimitMs");
inline const QString SampleIntervalMs = QStringLiteral("monitor/sampleIntervalMs");

// The threads lab's inputs.
inline const QString LabNumbers = QStringLiteral("lab/numbers");
inline const QString LabScale = QStringLiteral("lab/scale");
inline const QString LabAlgorithm = QStringLiteral("lab/algorithm");
inline const QString LabIoWorkers = QStringLiteral("lab/ioWorkers");
inline const QString LabIoSeconds = QStringLiteral("lab/ioSeconds");

// The Machine panel: its columns (header state), what it shows and how.
inline const QString MachineColumns = QStringLiteral("machine/columns");
inline const QString MachineShow = QStringLiteral("machine/show");
inline const QString MachineProgramsOnly = QStringLiteral("machine/programsOnly");
inline const QString MachineTree = QStringLiteral("machine/tree");
inline const QString MachineSplitter = QStringLiteral("machine/splitter");

// Sessions and files.
inline const QString KeepSession = QStringLiteral("session/keep");
inline const QString SessionDir = QStringLiteral("session/lastDir");
inline const QString ScreenshotDir = QStringLiteral("screenshots/dir");

} // namespace SettingsKeys
