// Must not compile: presets are below the engine.
#include "jobprocess.h"
