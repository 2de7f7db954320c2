// spawnscope_bench_engine: the engine's workloads (see enginechild.h) in a
// process that loads Qt Core and nothing else.
#include "enginechild.h"

#include <cstdio>
#include <cstring>

int main(int argc, char **argv)
{
    if (argc > 1 && std::strcmp(argv[1], "--child") == 0)
        return EngineChild::run(argc, argv);
    std::fputs("spawnscope_bench_engine is run by spawnscope_bench (--child WORKLOAD ...)\n", stderr);
    return 2;
}
