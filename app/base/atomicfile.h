// Every file SpawnScope writes (presets, reports, job logs, traces,
// screenshots) goes through here, so a failed save is reported the same way
// everywhere and never leaves a half-written file.
#pragma once

#include <QByteArray>
#include <QString>

namespace AtomicFile {

// Who may read a regular file that write() creates or replaces: Shared follows
// the umask (reports, job logs, traces, as other tools do); Private is 0600
// whatever the umask and whatever the replaced file's mode was (the presets,
// which hold secret values). A special file keeps its own mode.
enum class Access { Shared, Private };

// Writes bytes to path: "-" means stdout, a regular file is replaced
// atomically (QSaveFile), and a special file (/dev/null, a FIFO, a terminal)
// is written in place. False with *error ("cannot write WHAT to PATH: why")
// on failure; the previous file is then unchanged. `what` names the content
// in the message: "the report", "the screenshot", "the presets".
bool write(const QString &path, const QByteArray &bytes, const QString &what, QString *error,
           Access access = Access::Shared);

} // namespace AtomicFile
