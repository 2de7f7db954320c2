// The keys of a report's and a session's JSON (one format serves both: see
// RunReport), written by RunReport and read back by SessionReader: one
// spelling of each, so the writer and the reader cannot drift apart. The
// family's members carry ProcessFamily's own keys, and a run's
// "presetDefinition" is the Preset's JSON.
#pragma once

#include <QLatin1String>

namespace ReportKey {

inline constexpr QLatin1String Args("args");
inline constexpr QLatin1String Argv("argv");
inline constexpr QLatin1String AtMs("atMs");
inline constexpr QLatin1String Attached("attached");
inline constexpr QLatin1String Base64("base64");
inline constexpr QLatin1String CapturePipes("capturePipes");
inline constexpr QLatin1String Cause("cause");
inline constexpr QLatin1String CpuExact("cpuExact");
inline constexpr QLatin1String CpuMs("cpuMs");
inline constexpr QLatin1String CpuSysMs("cpuSysMs");
inline constexpr QLatin1String CpuUserMs("cpuUserMs");
inline constexpr QLatin1String Descendants("descendants");
inline constexpr QLatin1String DetachedMs("detachedMs");
inline constexpr QLatin1String DurationMs("durationMs");
inline constexpr QLatin1String EndMs("endMs");
inline constexpr QLatin1String Ended("ended");
inline constexpr QLatin1String EndedByQuit("endedByQuit");
inline constexpr QLatin1String Error("error");
inline constexpr QLatin1String EventsLost("eventsLost");
inline constexpr QLatin1String ExitCode("exitCode");
inline constexpr QLatin1String Explanation("explanation");
inline constexpr QLatin1String Family("family");
inline constexpr QLatin1String FamilyUnstored("familyUnstored");
inline constexpr QLatin1String FinishedMs("finishedMs");
inline constexpr QLatin1String FirstSeenMs("firstSeenMs");
inline constexpr QLatin1String FirstStdoutMs("firstStdoutMs");
inline constexpr QLatin1String Format("format");
inline constexpr QLatin1String Group("group");
inline constexpr QLatin1String HeldOutput("heldOutput");
inline constexpr QLatin1String History("history");
inline constexpr QLatin1String Input("input");
inline constexpr QLatin1String InputBytes("inputBytes");
inline constexpr QLatin1String Jobs("jobs");
inline constexpr QLatin1String KillSentMs("killSentMs");
inline constexpr QLatin1String LastSeenMs("lastSeenMs");
inline constexpr QLatin1String LeftGroup("leftGroup");
inline constexpr QLatin1String MaxThreads("maxThreads");
inline constexpr QLatin1String OutputDir("outputDir");
inline constexpr QLatin1String OutputError("outputError");
inline constexpr QLatin1String OutputIncomplete("outputIncomplete");
inline constexpr QLatin1String Parallelism("parallelism");
inline constexpr QLatin1String PausedStretches("pausedStretches");
inline constexpr QLatin1String PeakRssExact("peakRssExact");
inline constexpr QLatin1String PeakRssKb("peakRssKb");
inline constexpr QLatin1String Pgrp("pgrp");
inline constexpr QLatin1String Pid("pid");
inline constexpr QLatin1String PollTimesMs("pollTimesMs");
inline constexpr QLatin1String Polls("polls");
inline constexpr QLatin1String Ppid("ppid");
inline constexpr QLatin1String Preset("preset");
inline constexpr QLatin1String PresetDefinition("presetDefinition");
inline constexpr QLatin1String Program("program");
inline constexpr QLatin1String ReadBytes("readBytes");
inline constexpr QLatin1String Runs("runs");
inline constexpr QLatin1String Samples("samples");
inline constexpr QLatin1String Signal("signal");
inline constexpr QLatin1String SignalName("signalName");
inline constexpr QLatin1String Stage("stage");
inline constexpr QLatin1String StartMs("startMs");
inline constexpr QLatin1String StartedAtEpochMs("startedAtEpochMs");
inline constexpr QLatin1String StartedMs("startedMs");
inline constexpr QLatin1String State("state");
inline constexpr QLatin1String StderrBytes("stderrBytes");
inline constexpr QLatin1String StderrFileBytes("stderrFileBytes");
inline constexpr QLatin1String StdinBytes("stdinBytes");
inline constexpr QLatin1String StdoutBytes("stdoutBytes");
inline constexpr QLatin1String StdoutFileBytes("stdoutFileBytes");
inline constexpr QLatin1String StdoutOffset("stdoutOffset");
inline constexpr QLatin1String StdoutPiped("stdoutPiped");
inline constexpr QLatin1String StdoutTailHex("stdoutTailHex");
inline constexpr QLatin1String StillRunning("stillRunning");
inline constexpr QLatin1String SumMs("sumMs");
inline constexpr QLatin1String SystemMs("systemMs");
inline constexpr QLatin1String TermSentMs("termSentMs");
inline constexpr QLatin1String Terminal("terminal");
inline constexpr QLatin1String Text("text");
inline constexpr QLatin1String Title("title");
inline constexpr QLatin1String UserMs("userMs");
inline constexpr QLatin1String Uuid("uuid");
inline constexpr QLatin1String Version("version");
inline constexpr QLatin1String WallMs("wallMs");
inline constexpr QLatin1String WatchRefused("watchRefused");
inline constexpr QLatin1String WriteBytes("writeBytes");

// A stream's fields: its text, its exact bytes when they are not text, how
// many bytes the text holds, and whether it is less than the stream wrote
// (cut) or than the job kept (trimmed).
struct Stream
{
    QLatin1String text;
    QLatin1String base64;
    QLatin1String textBytes;
    QLatin1String cut;
    QLatin1String trimmed;
};
inline constexpr Stream Stdout{QLatin1String("stdoutText"), QLatin1String("stdoutBase64"),
                               QLatin1String("stdoutTextBytes"), QLatin1String("stdoutCut"),
                               QLatin1String("stdoutTrimmed")};
inline constexpr Stream Stderr{QLatin1String("stderrText"), QLatin1String("stderrBase64"),
                               QLatin1String("stderrTextBytes"), QLatin1String("stderrCut"),
                               QLatin1String("stderrTrimmed")};

} // namespace ReportKey
