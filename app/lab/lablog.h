// The logging category for the lab layer: spawnscope.lab.
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcLab)
