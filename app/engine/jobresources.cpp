#include "jobresources.h"

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
