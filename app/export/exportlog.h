// The logging category for the export layer: spawnscope.export.
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcExport)
