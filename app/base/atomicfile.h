// Every file SpawnScope writes (presets, reports, job logs, traces,
// screenshots) goes through here, so a failed save is reported the same way
// everywhere and never leaves a half-written file.
#pragma once

#include <QByteArray>
#include <QString>

namespace AtomicFile {

// Writes bytes to path: "-" means stdout, a regular file is replaced
// atomically (QSaveFile), and a special file (/dev/null, a FIFO, a terminal)
// is written in place. False with *error ("cannot write WHAT to PATH: why")
// on failure; the previous file is then unchanged. `what` names the content
// in the message: "the report", "the screenshot", "the presets".
bool write(const QString &path, const QByteArray &bytes, const QString &what, QString *error);

} // namespace AtomicFile
