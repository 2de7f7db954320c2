#include "fileslog.h"

Q_LOGGING_CATEGORY(lcFiles, "spawnscope.files", QtInfoMsg)
