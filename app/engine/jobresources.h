// What one job's process tree used, as a value: the latest sampled figures,
// peaks, a bounded history for a chart, every descendant seen, and after the
// end the kernel's exact CPU time and (when it can tell) exact peak memory.
//
// Sampled vs exact: while the job runs, everything comes from ProcessSampler
// ticks (a process living between two ticks is never seen, peaks are the
// largest values read). At the reap, ChildUsage gives the exact user and
// system CPU time of the child and its waited-for descendants (cpuExact),
// and the exact peak resident set when the child beat every earlier one
// (peakRssExact); otherwise peakRssKb stays the largest sampled peak, a
// lower bound.
//
// Unknown is never zero: every figure that may be unknown is -1 until known
// (and cpuPercent/rssKb go back to -1 when the job has ended).
#pragma once

#include "childusage.h"
#include "processsample.h"

#include <QList>

class ProcessFamily;
struct RootSample;

struct ResourcePoint
{
    double ms = 0; // on the run's clock, like JobProcess::startedMs()
    double cpuPercent = 0; // -1 when not known at that tick
    qint64 rssKb = 0; // -1 when not known at that tick
};

struct JobResources
{
    // The chart history keeps at most this many points: when full, every
    // other point is dropped and only every second later tick is kept, so a
    // long job still spans its whole life at half the resolution.
    static constexpr int MaxHistory = 600;

    int samples = 0; // ticks that read this job's tree

    // The tree now (root plus live descendants); -1 unknown or ended.
    double cpuPercent = -1;
    qint64 rssKb = -1;
    int threads = -1;

    // Root plus every descendant seen; -1 before the first read.
    qint64 cpuUserMs = -1;
    qint64 cpuSysMs = -1;
    bool cpuExact = false; // from ChildUsage at the reap

    // The largest one-process peak seen in the tree (not a sum: that is
    // what the kernel's ru_maxrss means too); -1 before the first read.
    qint64 peakRssKb = -1;
    bool peakRssExact = false;
    int maxThreads = -1; // the most threads the tree had at one tick

    // Bytes fetched from and sent to storage by the tree; -1 when the kernel
    // refused /proc/PID/io or nothing was read yet.
    qint64 readBytes = -1;
    qint64 writeBytes = -1;

    QList<ResourcePoint> history;
    int historyStride = 1; // one point kept per this many ticks
    int historySkipped = 0;

    // Every descendant seen, in the order first seen; ended ones stay. Times
    // are on the run's clock.
    QList<ProcessSample> descendants;

    // One sampler tick. offsetMs: the sampler's clock minus the run's clock,
    // so sampled times land on the run's clock.
    void applySample(const RootSample &sample, double offsetMs);
    // At the reap: exact CPU, and the peak when the kernel knows it is ours.
    void applyUsage(const ChildUsage::Delta &usage);
    // At a watched job's end: the family's own CPU time and peak, without the
    // tracer's. tracerReap is the kernel's figure at the tracer's reap.
    void applyFamilyUsage(const ProcessFamily &family, ChildUsage::Delta tracerReap);
    // After the end: current figures become unknown, peaks and totals stay.
    void markEnded();

private:
    void appendPoint(const ResourcePoint &point);
};
