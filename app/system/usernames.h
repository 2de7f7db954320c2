// Login names for uids (getpwuid_r), cached for the life of the program: a
// scan of 1,000 processes must not read /etc/passwd (or ask NSS) 1,000 times.
// Thread-safe; a uid with no name reads as its number.
#pragma once

#include <QString>

namespace UserNames {

QString name(qint64 uid);

} // namespace UserNames
