#include "lablog.h"

Q_LOGGING_CATEGORY(lcLab, "spawnscope.lab", QtInfoMsg)
