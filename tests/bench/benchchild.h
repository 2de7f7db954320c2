// The measured side of spawnscope_bench: each workload runs in a fresh process
// (`spawnscope_bench --child WORKLOAD ...`) with the real engine, its full
// bookkeeping and a JobTreeModel attached, and prints key=value lines.
#pragma once

namespace BenchChild {

// argv[1] is "--child"; returns the process exit code (non-zero when the
// workload did not do what it should: a wrong byte count, a failed child).
int run(int argc, char **argv);

} // namespace BenchChild
