#include "tracelog.h"

Q_LOGGING_CATEGORY(lcTrace, "spawnscope.trace", QtInfoMsg)
