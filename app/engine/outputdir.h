// --output-dir: every job's full stdout and stderr in files, in the spirit of
// GNU parallel's --results: ROOT/<run id>/<job number>/{cmd,stdout,stderr},
// the job number counting from 1 in the run's report order (copy-major).
//
// The folder may be somewhere others can write (/tmp), so nothing under ROOT
// is opened by name: each folder is opened O_NOFOLLOW under the descriptor of
// the one above, and each file created there with O_EXCL | O_NOFOLLOW. A
// symbolic link or a file someone else put in the way is refused, never
// followed; a rerun replaces the plain files it wrote itself the time before.
// ROOT itself is the user's own choice and may be a link; the folder it leads
// to must be the user's and writable by no one else (unless sticky, as /tmp).
#pragma once

#include <QString>

class OutputTail;

namespace OutputDir {

// The directory of one job: ROOT/<runId>/<jobIndex + 1>.
QString jobDir(const QString &root, quint64 runId, int jobIndex);

// For the command line's edge: makes root if need be; false, with *error
// saying what to do, when it cannot be made or written to, or is not safe
// (another user's, or writable by others without the sticky bit).
bool prepare(const QString &root, QString *error);

// Makes the job's directory, writes its command line to "cmd" and has the
// tails copy every byte to "stdout" and "stderr" as it arrives. On a refusal
// both tails are marked incomplete with the same message as *error.
bool open(const QString &jobDir, const QString &commandLine, OutputTail *out, OutputTail *err, QString *error);

} // namespace OutputDir
