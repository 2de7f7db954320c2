// Which executable does the work that needs no window: the tracer, the
// lab's workers, headless runs. spawnscope-cli links Qt Core only, so it
// starts without loading Qt Gui and Widgets (a tracer is started for every
// watched job, a worker for every lab process). The build tree and the
// package put it beside spawnscope; where it is missing, the running binary
// does the work itself (it can do all of it).
#pragma once

#include <QString>

namespace CoreProgram {

inline constexpr char FileName[] = "spawnscope-cli";

// spawnscope-cli beside the running binary, if it is an executable file.
QString beside();
// beside(), else the running binary.
QString path();

} // namespace CoreProgram
