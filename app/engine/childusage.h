// Exact CPU time of a child at the moment it is reaped, from the kernel's own
// accounting rather than from samples.
//
// getrusage(RUSAGE_CHILDREN) sums the CPU time of every child this process
// has reaped (each including its own waited-for descendants, as time(1)
// reports). QProcess reaps a child on the thread it lives on and emits
// finished() in the same call stack, so calling takeDelta() first thing in
// every finished() handler and subtracting the previous reading gives exactly
// that child's user and system time.
//
// The assumption: every child of this process is reaped on that one thread,
// each reap followed by a takeDelta() before the next. A reap anywhere else
// (a QProcess on a worker thread, system(), popen()) is lumped into whichever
// delta comes next. Qt's forkfd reaps through a pidfd on Linux 5.4 and later;
// on older kernels it reaps from its SIGCHLD handler, so two children that
// end at once may share one delta.
//
// ru_maxrss for children is the largest peak of any one reaped child's family
// (the largest of the child and its waited-for descendants, not their sum);
// it grows only when a child beats every earlier one. And since a child
// starts in the app's own memory (vfork-style, until exec), a child's figure
// is at least the app's peak at that moment: a peak is this child's only
// when it is above the app's own peak too.
#pragma once

#include <QtGlobal>

namespace ChildUsage {

struct Delta
{
    double userMs = 0;
    double systemMs = 0;
    double cpuMs() const { return userMs + systemMs; }
    // When maxRssIsThisChild: this child family's exact peak resident set.
    // Otherwise an upper bound only (the largest peak of any child reaped
    // so far, which this one did not beat); take the lower bound from the
    // last sample (ProcessSample::peakRssKb).
    qint64 maxRssKb = 0;
    bool maxRssIsThisChild = false;
};

// The usage of children reaped since the previous call (or since the
// process started). Call it from the finished() handler on the reaping thread.
Delta takeDelta();

} // namespace ChildUsage
