#include "presetslog.h"

Q_LOGGING_CATEGORY(lcPresets, "spawnscope.presets", QtInfoMsg)
