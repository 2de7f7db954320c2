// Exports of what ran: GNU parallel's --joblog layout (TSV), so existing
// joblog tools read it, and Chrome trace-event JSON for Perfetto or
// chrome://tracing, one span per job.
#pragma once

#include <QByteArray>
#include <QList>

class JobRun;

namespace JobLog {

// "Seq\tHost\tStarttime\tJobRuntime\tSend\tReceive\tExitval\tSignal\tCommand"
QByteArray header();
QByteArray toTsv(const QList<const JobRun *> &runs);
QByteArray toTrace(const QList<const JobRun *> &runs);

} // namespace JobLog
