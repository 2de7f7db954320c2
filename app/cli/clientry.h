// Everything spawnscope does without a window, in one place: the headless
// runner, the lab and --processes, importing and listing presets, the lab's
// worker and the ptrace tracer. It needs Qt Core only.
//
// Two executables share it. spawnscope is it, and hands only the window to
// spawnscope-window: it never loads Qt Gui or Widgets, so a headless run or a
// tracer starts at the speed of a Core program. spawnscope-window runs it
// too when it is given such work directly (CoreProgram says who is where).
#pragma once

#include "launchoptions.h"

#include <QString>

#include <optional>

class CliEntry
{
public:
    // Names the application, parses argv into *options and answers --help,
    // --version and usage errors; returns the exit code when that was all,
    // nothing when the caller goes on.
    static std::optional<int> begin(int argc, char **argv, LaunchOptions *options);
    // True when the options ask for work without a window.
    static bool handles(const LaunchOptions &options);
    // Does it and returns the process's exit code; argc and argv are for
    // the QCoreApplication it makes where it needs an event loop.
    static int run(int argc, char **argv, const LaunchOptions &options);

    // "spawnscope: MESSAGE" on stderr; the exit code of a usage error (2).
    static int fail(const QString &message);
    // --output-budget, else the saved setting, else OutputBudget's default.
    static qint64 outputBudget(const LaunchOptions &options);
};
