// Names and plain-language descriptions of POSIX signals.
#pragma once

#include <QString>

namespace UnixSignals {

// "SIGTERM" for 15; "SIG42" for numbers without a conventional name.
QString name(int signal);

// Short plain description, e.g. "termination request" for SIGTERM.
QString description(int signal);

} // namespace UnixSignals
