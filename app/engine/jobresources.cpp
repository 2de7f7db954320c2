#include "jobresources.h"

#include "processfamily.h"

#include "rootsample.h"

#include <algorithm>
#include <cmath>

void JobResources::applySample(const RootSample &sample, double offsetMs)
{
    if (sample.root.firstSeenMs < 0)
        return; // the root was gone before it was ever read
    ++samples;
    const ProcessSample &root = sample.root;

    if (!root.ended) {
        cpuPercent = root.cpuKnown ? sample.cpuPercent() : -1;
        rssKb = root.rssKnown ? sample.rssKb() : -1;
        int liveThreads = root.threads;
        for (const ProcessSample &child : sample.descendants) {
            if (!child.ended)
                liveThreads += child.threads;
        }
        threads = liveThreads;
        maxThreads = std::max(maxThreads, liveThreads);
    }

    if (!cpuExact) {
        qint64 user = root.userMs;
        qint64 sys = root.systemMs;
        for (const ProcessSample &child : sample.descendants) {
            user += child.userMs;
            sys += child.systemMs;
        }
        cpuUserMs = std::max(cpuUserMs, user);
        cpuSysMs = std::max(cpuSysMs, sys);
    }

    if (!peakRssExact) {
        qint64 peak = root.peakRssKb;
        for (const ProcessSample &child : sample.descendants)
            peak = std::max(peak, child.peakRssKb);
        // A leader that called pthread_exit reads as a zombie with no
        // memory while its threads run on: 0 is "not known", never a figure.
        if (peak > 0)
            peakRssKb = std::max(peakRssKb, peak);
    }

    if (root.ioKnown) {
        qint64 read = root.readBytes;
        qint64 written = root.writeBytes;
        for (const ProcessSample &child : sample.descendants) {
            if (child.ioKnown) {
                read += child.readBytes;
                written += child.writeBytes;
            }
        }
        readBytes = std::max(readBytes, read);
        writeBytes = std::max(writeBytes, written);
    }

    descendants = sample.descendants;
    for (ProcessSample &child : descendants) {
        if (child.firstSeenMs >= 0)
            child.firstSeenMs -= offsetMs;
        if (child.lastSeenMs >= 0)
            child.lastSeenMs -= offsetMs;
    }

    if (!root.ended)
        appendPoint({sample.sampledMs - offsetMs, cpuPercent, rssKb});
}

void JobResources::applyUsage(const ChildUsage::Delta &usage)
{
    cpuUserMs = qint64(std::llround(usage.userMs));
    cpuSysMs = qint64(std::llround(usage.systemMs));
    cpuExact = true;
    if (usage.maxRssIsThisChild && usage.maxRssKb > 0) {
        peakRssKb = usage.maxRssKb;
        peakRssExact = true;
    }
}

void JobResources::applyFamilyUsage(const ProcessFamily &family, ChildUsage::Delta tracerReap)
{
    // When every member ended under the watch, the job's time is the sum of
    // their own, each the kernel's at its reap: exactly the family's, with
    // none of the tracer's.
    double user = 0;
    double sys = 0;
    if (family.membersCpu(&user, &sys)) {
        applyUsage({user, sys, 0, false});
    } else if (family.attached()) {
        // The tracer reaped nothing of an attached family; one let go still
        // running keeps the sampled figures.
        return;
    } else {
        // Some member's end is not known (events lost, members past the
        // limit): the kernel's figure at the tracer's reap is the tracer's
        // own time plus the program's and all it waited for, and the
        // tracer's own, from its end event, is taken off.
        if (family.tracerUserMs() >= 0 && family.tracerSysMs() >= 0) {
            tracerReap.userMs = std::max(0.0, tracerReap.userMs - family.tracerUserMs());
            tracerReap.systemMs = std::max(0.0, tracerReap.systemMs - family.tracerSysMs());
        }
        tracerReap.maxRssIsThisChild = false; // the kernel's peak may be the tracer's
        applyUsage(tracerReap);
    }
    // Each member's own peak was read at its exit stop.
    const qint64 peak = family.largestPeakKb();
    if (peak > 0) {
        peakRssKb = peak;
        peakRssExact = true;
    }
}

void JobResources::markEnded()
{
    cpuPercent = -1;
    rssKb = -1;
    threads = -1;
    // Its descendants are no longer followed once it is gone: those alive at
    // the last sample read as ended, last seen then. (One that daemonized may
    // live on; Stop could not reach it either, and its row says setsid.)
    for (ProcessSample &descendant : descendants) {
        if (!descendant.ended) {
            descendant.ended = true;
            descendant.cpuKnown = false;
            descendant.cpuPercent = 0;
            descendant.rssKnown = false;
            descendant.rssKb = 0;
        }
    }
}

void JobResources::appendPoint(const ResourcePoint &point)
{
    if (++historySkipped < historyStride)
        return;
    historySkipped = 0;
    if (history.size() >= MaxHistory) {
        // Keep the even points: the first one (the start) always survives.
        qsizetype kept = 0;
        for (qsizetype i = 0; i < history.size(); i += 2)
            history[kept++] = history.at(i);
        history.resize(kept);
        historyStride *= 2;
    }
    history.append(point);
}
