// The logging category for the trace layer: spawnscope.trace.
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcTrace)
