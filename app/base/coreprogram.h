// SpawnScope's two executables, and where each finds the other. spawnscope
// links Qt Core only: it does all the work that needs no window (headless
// runs, --processes, the lab's workers, the tracer of every watched job),
// so that work starts without loading Qt Gui and Widgets, and it hands the
// window to spawnscope-window (exec, same arguments). The window's binary
// starts its tracers and workers from spawnscope. The build tree and the
// package put the two side by side.
#pragma once

#include <QString>

namespace CoreProgram {

inline constexpr char FileName[] = "spawnscope";
inline constexpr char WindowFileName[] = "spawnscope-window";

// The executable of that name beside the running binary, if there is one.
QString beside(const char *fileName);
// The Core-only spawnscope beside the running binary, else the running
// binary itself (either can do the work without a window).
QString path();

} // namespace CoreProgram
