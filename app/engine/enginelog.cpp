#include "enginelog.h"

Q_LOGGING_CATEGORY(lcEngine, "spawnscope.engine", QtInfoMsg)
