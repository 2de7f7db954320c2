// The machine layer's reads of /proc: whole files and links into reused
// buffers with plain open/read/close (no QFile, which costs an allocation
// and a stat per file), keeping errno so a caller can say why a file was
// refused. And the one home of the plain reasons shown instead of a field
// that could not be read ("refused: owned by root").
#pragma once

#include <QByteArray>
#include <QString>

namespace ProcFiles {

// "/proc" for an empty procRoot, else procRoot (tests build fake trees).
QByteArray root(const QByteArray &procRoot);

// Reads the whole file at path into buffer (grown as needed). Returns the
// length, or -1 with errno set.
qsizetype read(const char *path, QByteArray &buffer);
// The same for a path relative to the directory open as dirFd (openat).
qsizetype readAt(int dirFd, const char *path, QByteArray &buffer);
// The target of the symbolic link at path; a null QByteArray with errno set
// when it cannot be read.
QByteArray readLink(const char *path);

// The real uid on status's "Uid:" line, or -1.
qint64 parseUid(QByteArrayView statusText);
// The kB value of a "Key:" line of status or smaps_rollup ("VmSwap:"), or -1.
qint64 parseKbLine(QByteArrayView text, QByteArrayView key);

// Why a file of a process could not be read, from errno: "refused: owned by
// root" (EACCES, EPERM; ownerUid -1 leaves the owner out), "the process has
// ended" (ESRCH, and ENOENT when processGone), "no such file on this kernel"
// (ENOENT otherwise), or the system's text.
QString reason(int errorNumber, qint64 ownerUid = -1, bool processGone = false);
// "the process has ended".
QString endedReason();

} // namespace ProcFiles
