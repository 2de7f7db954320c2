// Text shown for jobs and runs, shared by the table, the detail pane and reports.
#pragma once

#include "processfamily.h"

#include <QByteArray>
#include <QString>

class JobProcess;
class JobRun;
class OutputTail;
class ProcessFamily;
struct JobResources;

namespace JobFormat {

QString bytes(qint64 count);          // "532 B", "1.5 KiB", "4.0 MiB"
QString seconds(double ms);           // "0.103 s"
QString cpuPercent(double percent);   // "12.5 %" (100 % = one core)
QString cpuTime(qint64 ms);           // "1.02 s"
QString parallelism(double factor);   // "×6.9": sum of children ÷ wall
// A stream's exact byte count, with "✂" after it when the output budget
// trimmed the kept tail ("12.0 MiB ✂"), and the tooltip that explains the
// mark (empty when not trimmed).
QString streamBytes(const OutputTail &tail);
QString trimmedNote(const OutputTail &tail);
QString kibibytes(qint64 kb);         // as bytes(): "52.0 MiB"
// A job's totals, saying whether the kernel gave them at the reap or they are
// the sampled lower bound: "CPU time 1.02 s (exact)", "CPU time ≥ 0.80 s
// (sampled)", "Peak memory ≥ 52.0 MiB (largest sample)"; "… not measured yet"
// while it runs, and why not once it ended before the first sample.
QString cpuTimeSummary(const JobResources &resources, bool ended = false);
QString peakMemorySummary(const JobResources &resources, bool ended = false);
QString hexBytes(const QByteArray &); // "87 14 20 f2"
// xxd-style lines: "00000010  53 61 6c 74 ...  |Salt...|"; firstOffset numbers the first byte.
QString hexDump(const QByteArray &data, qint64 firstOffset = 0);
// Text, or hex of the last 10 bytes when the output is binary (as the seed's out[-10:]).
// While the job runs this is its last complete line: a trailing line without its
// newline yet is held back until the newline or the job's end.
QString lastLine(const JobProcess *job);
// What a finished job left behind, one line each (LeftoverProcess), or that
// its output is still being read after its own exit; empty for most jobs.
QString leftBehind(const JobProcess *job);
// The one word (or short phrase) for where a job stands, read the same in
// its row, the detail pane, the Overview and the text report: "running",
// "paused", "stopping…", "killing…", "finished, reading…", "stopped",
// "killed", "timed out", "finished, 2 left running", ...
QString jobState(const JobProcess *job);
// The detail pane's sentence for the same state: jobState() said in full.
QString jobExplanation(const JobProcess *job);
// The word for a process below a job (a watched family member or a sampled
// descendant), in the same vocabulary as jobState(): "running", "paused",
// "finished", "crashed".
QString memberState(bool ended, bool crashed, bool paused = false);
// A watched family member's word: memberState() while it is known, and for
// one with no exit once the job is over, why: "let go, still running" (an
// attached watch let go) or "unknown: the tracer died".
QString familyMemberState(const JobProcess *job, const ProcessFamily::Member &member);
// "12 events of the family were lost: …", for a family whose tracer
// counted events it could not pass on (ProcessFamily::lostEvents()).
QString lostEvents(const ProcessFamily &family);
// "The family passed its limit of 100000 members: …", for a family that
// counted members it did not keep (ProcessFamily::unstoredMembers()).
QString unstoredMembers(const ProcessFamily &family);
// True when a watched job ended before its tracer saw the family end (the
// tracer was killed): what it did not see is unknown.
bool tracerDied(const JobProcess *job);
// A watched job's program (the family's root) once it has exited, else null:
// the tracer goes on while descendants it left behind still run.
const ProcessFamily::Member *endedProgram(const JobProcess *job);
// What watching changes for this member, in a sentence; empty when nothing:
// a set-user-ID program runs without its privileges while traced, and a
// debugger or tracer (strace, gdb) cannot trace under SpawnScope's tracer.
QString memberWarning(const ProcessFamily::Member &member);
// A member still running when the program ended (a daemon, a background job).
bool outlivedTheProgram(const JobProcess *job, const ProcessFamily::Member &member);
// The kernel's one-letter process state (/proc/PID/stat), as ps and htop
// explain it, in the same words as memberState(): "running", "sleeping",
// "waiting for disk", "paused", "zombie", "idle"; an unknown letter as itself.
QString processState(char state);
// When a process started, as ps's START column: "14:05" today, "Mar 02"
// before; the tooltip's "2026-03-02 14:05:09" is startedAtFull().
QString startedAt(qint64 epochMs, qint64 nowEpochMs);
QString startedAtFull(qint64 epochMs);
// "copy 3/10", "chain 2 · stage 1/2", "child"
QString jobName(const JobRun *run, int jobIndex);
// True when bytes are not readable text (control characters or invalid UTF-8).
// ANSI escape sequences (a terminal program's colours) count as text.
bool looksBinary(const QByteArray &bytes);
// "10 ok", "2 ok · 1 failed", "1 ok · 1 pipe closed", "1 timed out", "1 stopped";
// while running "running · 3/10 done", "paused · 0/2 done" when every running
// job is paused, "running · 3/10 done · 2 paused" when some are. A run of one
// job reads as that job: "running", "paused", "finished", "timed out".
QString runState(const JobRun *run);
// Where a run's figures come from, for a run not started in this session
// ("recorded 2026-12-02 09:14 · opened from fanout.spawnscope"), and whether
// SpawnScope's quit stopped it; empty for a run of this session.
QString runOrigin(const JobRun *run);
// A run's title as the table and the timeline show it: marked ⟲ when recorded.
QString runTitle(const JobRun *run);
// "wall 0.103 s · Σ 1.012 s · ×9.8 parallel"; "nothing ran" when no job started.
QString runTiming(const JobRun *run);
// The same without the wall, for the table, whose Elapsed cell shows the wall:
// "Σ 1.012 s · ×9.8"; empty for a single job.
QString runSpread(const JobRun *run);

// A family member's stdin and stdout (and a stderr that differs), a terminal
// left out as the usual case: "← pipe from 4311 (echo) · → pipe to 4312 (md5sum)".
QString familyStreams(const ProcessFamily &family, qint64 pid);
// The indent that nests a member under its parent: "" for the program
// itself, "└ " for its children, "  └ " for theirs.
QString familyIndent(int depth);
// A watched family as text, one line per process indented under its parent:
// "  └ 4312  md5sum  exit 0  0.006 s  ← pipe from 4311 (openssl)"; at most
// maxLines processes, then how many more there are.
QStringList familyLines(const ProcessFamily &family, int maxLines = 200);

} // namespace JobFormat
