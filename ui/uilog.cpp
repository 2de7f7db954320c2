#include "uilog.h"

Q_LOGGING_CATEGORY(lcUi, "spawnscope.ui", QtWarningMsg)
