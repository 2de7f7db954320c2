// The JSON report of finished runs, as written by the headless runner.
#pragma once

#include <QJsonObject>
#include <QList>

class JobRun;

namespace RunReport {

// The document's "format" and "version": a session file is a report too.
constexpr const char *FormatName = "spawnscope-runs";
constexpr int FormatVersion = 1;
// The fields of a run known only at its end (a streamed report writes them last).
inline const char *const LateRunFields[] = {"wallMs", "sumMs", "parallelism", "endedByQuit"};

// Bytes of the stdout tail given in hex as stdoutTailHex.
constexpr qsizetype TailHexBytes = 64;
// --report-output's default: at most this much of each stream's text per
// job (its last bytes), so a chatty run makes a report of a readable size.
constexpr qsizetype DefaultTextBytes = 64 * 1024;
// How a job's output goes into its entry. Report: at most textBytes of
// JSON text per stream (what a reader of the report wants), with base64 only
// for bytes the text cannot carry. Session: the last textBytes bytes of the
// kept tail, exactly, as text or (binary) as base64 alone; fewer bytes than
// were kept are marked trimmed.
enum class TextMode { Report, Session };

// One job's entry; textBytes caps stdoutText and stderrText, and
// stdoutCut/stderrCut say when the text is not all the stream wrote.
QJsonObject jobToJson(const JobRun *run, int index, qsizetype textBytes = DefaultTextBytes,
                      TextMode mode = TextMode::Report);
// A run's own fields, without "jobs" (a streamed report adds them as they end).
QJsonObject runFields(const JobRun *run);
QJsonObject runToJson(const JobRun *run, qsizetype textBytes = DefaultTextBytes);
QJsonObject toJson(const QList<const JobRun *> &runs, qsizetype textBytes = DefaultTextBytes);
// A few human lines per run, for a terminal: the run's line, then one per job.
QString summary(const JobRun *run);
QString summaryRunLine(const JobRun *run);
QString summaryJobLine(const JobRun *run, int index);

} // namespace RunReport
