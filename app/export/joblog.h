// The job log of what ran: GNU parallel's --joblog layout (TSV), so existing
// joblog tools read it, or the same rows as JSON.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

class JobRun;

namespace JobLog {

// "Seq\tHost\tStarttime\tJobRuntime\tSend\tReceive\tExitval\tSignal\tCommand"
QByteArray header();
QByteArray toTsv(const QList<const JobRun *> &runs);
// The same rows as toTsv as a JSON array of objects, one per job, with the
// joblog's fields plus run, job name, state, pid and stderr byte count:
// [{"seq":1,"run":3,"job":"copy 1/10","starttime":...,"jobRuntime":...,"send":0,
//   "receive":12,"exitval":0,"signal":0,"signalName":"","state":"ok","pid":123,"command":"..."}]
QByteArray toJson(const QList<const JobRun *> &runs);
// toJson for a path ending in .json, else toTsv.
QByteArray forPath(const QString &path, const QList<const JobRun *> &runs);
bool isJsonPath(const QString &path);

// One job's row, for a log written as jobs end (JobLogStream): seq is its
// 1-based place among every job logged. toTsv and toJson are made of these.
QByteArray tsvLine(int seq, const JobRun *run, int index);
QJsonObject jsonRow(int seq, const JobRun *run, int index);
// A row as toJson lays it out inside its array (indented, no separator).
QByteArray indentedJsonRow(const QJsonObject &row);

} // namespace JobLog
