// Folders for private data (the presets, which hold secret values): every
// folder SpawnScope has to create on the way is made 0700, whatever the umask.
#pragma once

#include <QString>

namespace PrivateDir {

// Makes path and its missing parents 0700; folders that exist are left as
// they are (a user's ~/.config is theirs to set). False, with *error naming
// the folder and why, when one cannot be made.
bool make(const QString &path, QString *error);

} // namespace PrivateDir
