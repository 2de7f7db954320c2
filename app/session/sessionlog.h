// The logging category for the session layer: spawnscope.session.
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcSession)
