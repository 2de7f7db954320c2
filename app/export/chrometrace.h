// What ran as Chrome trace-event JSON, for Perfetto or chrome://tracing: one
// span per job, with the TERM and KILL the app sent as instant markers.
#pragma once

#include <QByteArray>
#include <QList>

class JobRun;

namespace ChromeTrace {

QByteArray toJson(const QList<const JobRun *> &runs);

} // namespace ChromeTrace
