// The logging category for the presets layer: spawnscope.presets.
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcPresets)
