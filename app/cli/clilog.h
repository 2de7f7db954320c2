// The logging category for the cli layer: spawnscope.cli.
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcCli)
