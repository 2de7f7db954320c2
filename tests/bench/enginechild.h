// The engine's side of spawnscope_bench, in a process with Qt Core only (as
// app/ is): `spawnscope_bench_engine --child WORKLOAD ...`. Spawning,
// capturing and the presets, with the real engine and a JobTreeModel
// attached, and a bare QProcess doing the same for reference.
#pragma once

namespace EngineChild {

// argv[1] is "--child"; returns the process exit code (non-zero when the
// workload did not do what it should: a wrong byte count, a failed child).
int run(int argc, char **argv);

} // namespace EngineChild
