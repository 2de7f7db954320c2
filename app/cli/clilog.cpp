#include "clilog.h"

Q_LOGGING_CATEGORY(lcCli, "spawnscope.cli", QtInfoMsg)
