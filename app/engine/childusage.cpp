#include "childusage.h"

#include <mutex>

#include <sys/resource.h>

namespace {

struct Reading
{
    qint64 userUs = 0;
    qint64 systemUs = 0;
    qint64 maxRssKb = 0;
};

// One baseline for the whole process, since RUSAGE_CHILDREN is process-wide:
// two baselines would each count the same reap.
std::mutex g_mutex;
Reading g_previous;

qint64 micros(const timeval &tv)
{
    return qint64(tv.tv_sec) * 1000000 + tv.tv_usec;
}

} // namespace

namespace ChildUsage {

Delta takeDelta()
{
    const std::lock_guard<std::mutex> lock(g_mutex);
    rusage usage {};
    ::getrusage(RUSAGE_CHILDREN, &usage);
    const Reading now {micros(usage.ru_utime), micros(usage.ru_stime), qint64(usage.ru_maxrss)};

    Delta delta;
    delta.userMs = double(now.userUs - g_previous.userUs) / 1000.0;
    delta.systemMs = double(now.systemUs - g_previous.systemUs) / 1000.0;
    // Qt 6.4 starts a child vfork-style: until exec it runs in the app's own
    // memory, and exec records that memory's high-water mark as the child's
    // (exec_mmap's setmax_mm_hiwater_rss). So a peak no larger than the
    // app's own could be the app's, not the child's: only a peak above it is
    // certainly the child's own.
    rusage self {};
    ::getrusage(RUSAGE_SELF, &self);
    delta.maxRssIsThisChild = now.maxRssKb > g_previous.maxRssKb && now.maxRssKb > qint64(self.ru_maxrss);
    delta.maxRssKb = now.maxRssKb; // Linux reports ru_maxrss in KiB
    g_previous = now;
    return delta;
}

} // namespace ChildUsage
