// The window's logging category, spawnscope.ui: failures the user is told about
// in a dialog or the status bar (a preset save, an export, a screenshot) also
// leave a line here, so a bug report or a log shows what went wrong after the
// message is gone. Warnings are on by default; QT_LOGGING_RULES turns on more.
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcUi)
