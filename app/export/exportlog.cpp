#include "exportlog.h"

Q_LOGGING_CATEGORY(lcExport, "spawnscope.export", QtInfoMsg)
