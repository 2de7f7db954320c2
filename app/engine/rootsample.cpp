#include "rootsample.h"

namespace {

template<typename F>
void forEachLive(const RootSample &sample, F f)
{
    if (!sample.root.ended)
        f(sample.root);
    for (const ProcessSample &process : sample.descendants) {
        if (!process.ended)
            f(process);
    }
}

} // namespace

double RootSample::cpuPercent() const
{
    double total = 0;
    forEachLive(*this, [&](const ProcessSample &p) {
        if (p.cpuKnown)
            total += p.cpuPercent;
    });
    return total;
}

qint64 RootSample::rssKb() const
{
    qint64 total = 0;
    forEachLive(*this, [&](const ProcessSample &p) {
        if (p.rssKnown)
            total += p.rssKb;
    });
    return total;
}

int RootSample::liveCount() const
{
    int count = 0;
    forEachLive(*this, [&](const ProcessSample &) { ++count; });
    return count;
}
