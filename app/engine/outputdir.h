// --output-dir: every job's full stdout and stderr in files, in the spirit of
// GNU parallel's --results: ROOT/<run id>/<job number>/{cmd,stdout,stderr},
// the job number counting from 1 in the run's report order (copy-major).
#pragma once

#include <QString>

class OutputTail;

namespace OutputDir {

// The directory of one job: ROOT/<runId>/<jobIndex + 1>.
QString jobDir(const QString &root, quint64 runId, int jobIndex);

// For the command line's edge: makes root if need be; false, with *error
// saying what to do, when it cannot be made or written to.
bool prepare(const QString &root, QString *error);

// Makes the job's directory, writes its command line to "cmd" and has the
// tails copy every byte to "stdout" and "stderr" as it arrives.
bool open(const QString &jobDir, const QString &commandLine, OutputTail *out, OutputTail *err, QString *error);

} // namespace OutputDir
