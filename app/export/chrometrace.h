// What ran as Chrome trace-event JSON, for Perfetto or chrome://tracing: one
// span per job, with the TERM and KILL the app sent as instant markers, and
// for a watched job its traced family as tracks under the job's, in tree order.
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

class JobRun;
class ProcessFamily;

namespace ChromeTrace {

QByteArray toJson(const QList<const JobRun *> &runs);

// The pieces of toJson, for a trace written as jobs end (ChromeTraceStream).
// A run's "process" name, then each job's events in job order: its track's
// name and sort index, its span, the TERM/KILL markers and its family's
// tracks. runOffsetUs places the run on the trace clock; the two counters
// carry from one job of the run to the next (start: jobs().size() and 0).
QJsonObject processNameEvent(const JobRun *run);
QJsonArray jobEvents(const JobRun *run, int index, double runOffsetUs, int *nextFamilyTid, int *sortIndex);

// Where a watched job's family goes in the trace.
struct FamilyPlacement
{
    qint64 pid = 0;         // the run's trace "process"
    int firstTid = 0;       // members get firstTid, firstTid + 1, ... in tree order
    int firstSortIndex = 0; // and the same run of thread_sort_index values
    double offsetMs = 0;    // the family's clock zero on the trace clock (the job's start)
    double openEndMs = 0;   // where spans still open end, on the family's clock
};

// One track per member, named with its place in the tree ("  └ md5sum 4312")
// and sorted parent before children; a complete event per stretch between
// fork, execs and exit, named for the program that ran in it, and instant
// events at fork, each exec and exit. Uses members().size() tids.
QJsonArray familyEvents(const ProcessFamily &family, const FamilyPlacement &where);

} // namespace ChromeTrace
