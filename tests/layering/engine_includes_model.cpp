// Must not compile: the engine layer cannot see the models above it. The
// ctest layering_is_enforced builds this against spawnscope_engine alone and
// passes only when the build fails.
#include "jobtreemodel.h"
