// Writes a report where the user asked: "-" for stdout, a regular file
// atomically, and a special file (/dev/null, a FIFO, a terminal) in place.
#pragma once

#include <QByteArray>
#include <QString>

namespace ReportFile {

// False with *error ("cannot write the report to PATH: why") on failure.
bool write(const QString &path, const QByteArray &bytes, QString *error);

} // namespace ReportFile
