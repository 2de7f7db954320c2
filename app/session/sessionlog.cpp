#include "sessionlog.h"

Q_LOGGING_CATEGORY(lcSession, "spawnscope.session", QtInfoMsg)
