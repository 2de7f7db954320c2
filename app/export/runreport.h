// The JSON report of finished runs, as written by the headless runner.
#pragma once

#include <QJsonObject>
#include <QList>

class JobRun;

namespace RunReport {

// Bytes of the stdout tail given in hex as stdoutTailHex.
constexpr qsizetype TailHexBytes = 64;

QJsonObject runToJson(const JobRun *run);
QJsonObject toJson(const QList<const JobRun *> &runs);
// A few human lines per run, for a terminal.
QString summary(const JobRun *run);

} // namespace RunReport
