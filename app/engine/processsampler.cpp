#include "processsampler.h"

#include "procreader.h"

#include <QTimer>

#include <algorithm>
#include <ctime>

namespace {

// A CPU % over a shorter window is mostly the 10 ms tick granularity of
// utime/stime (a sampleNow() right after a tick would show 0 % or 500 %), so
// such a read keeps the previous value and window start.
constexpr double MinCpuWindowMs = 80;

// /proc/PID/status costs as much as stat and io together to generate, and
// all it adds is VmHWM, a peak the kernel keeps for us: read it at the
// first sight of a process and then every few ticks (2 s at the default).
constexpr quint64 StatusEveryTicks = 4;
// /proc/PID/io likewise: byte counts that only grow, wanted for a column, not
// for a chart. Reading it every tick put sampling 1,000 children over 5 % of
// a core (the benchmark's "sampling" row); every fourth tick keeps it under.
constexpr quint64 IoEveryTicks = 4;

} // namespace

int ProcessSampler::clampInterval(int ms)
{
    return std::clamp(ms, MinIntervalMs, MaxIntervalMs);
}

ProcessSampler::ProcessSampler(const QElapsedTimer *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_timer(new QTimer(this))
{
    m_ownClock.start();
    if (!m_clock)
        m_clock = &m_ownClock;
    m_timer->setInterval(DefaultIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &ProcessSampler::tick);
}

ProcessSampler::~ProcessSampler() = default;

double ProcessSampler::nowMs() const
{
    return double(m_clock->nsecsElapsed()) / 1e6;
}

bool ProcessSampler::add(qint64 pid, const QString &tag)
{
    if (pid <= 0 || contains(pid))
        return false;
    RootSample result;
    result.pid = pid;
    result.tag = tag;
    result.root.pid = pid;
    m_results.append(result);
    m_states.emplace_back();
    ++m_tick;
    sampleRoot(m_results.last(), m_states.back(), nowMs());
    if (!m_timer->isActive())
        m_timer->start();
    return true;
}

void ProcessSampler::remove(qint64 pid)
{
    const int index = indexOf(pid);
    if (index < 0)
        return;
    m_files.forget(pid);
    for (auto it = m_states[size_t(index)].live.cbegin(); it != m_states[size_t(index)].live.cend(); ++it)
        m_files.forget(it.key());
    m_results.removeAt(index);
    m_states.erase(m_states.begin() + index);
    if (m_results.isEmpty())
        m_timer->stop();
}

bool ProcessSampler::contains(qint64 pid) const
{
    return indexOf(pid) >= 0;
}

QList<qint64> ProcessSampler::roots() const
{
    QList<qint64> pids;
    pids.reserve(m_results.size());
    for (const RootSample &result : m_results)
        pids.append(result.pid);
    return pids;
}

void ProcessSampler::setInterval(int ms)
{
    m_timer->setInterval(clampInterval(ms));
}

int ProcessSampler::interval() const
{
    return m_timer->interval();
}

QList<RootSample> ProcessSampler::sampleNow()
{
    sampleAll();
    emit sampled(m_results);
    return m_results;
}

RootSample ProcessSampler::result(qint64 pid) const
{
    const int index = indexOf(pid);
    return index < 0 ? RootSample() : m_results.at(index);
}

int ProcessSampler::indexOf(qint64 pid) const
{
    for (int i = 0; i < m_results.size(); ++i) {
        if (m_results.at(i).pid == pid)
            return i;
    }
    return -1;
}

// What to read of a process seen before (track) or new (null).
unsigned ProcessSampler::partsFor(const Track *track) const
{
    if (!track)
        return ProcReader::Everything;
    unsigned parts = ProcReader::Stat | ProcReader::Children;
    if (m_tick >= track->nextStatusTick)
        parts |= ProcReader::Status;
    if (m_tick >= track->nextIoTick)
        parts |= ProcReader::Io;
    return parts;
}

void ProcessSampler::tick()
{
    sampleAll();
    emit sampled(m_results);
}

void ProcessSampler::sampleAll()
{
    const auto threadCpuMs = [] {
        timespec ts{};
        ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
    };
    const double cpuBefore = threadCpuMs();
    ++m_tick;
    const double now = nowMs();
    for (size_t i = 0; i < m_states.size(); ++i)
        sampleRoot(m_results[qsizetype(i)], m_states[i], now);
    m_cpuMsSpent += threadCpuMs() - cpuBefore;
}

void ProcessSampler::sampleRoot(RootSample &result, RootState &state, double now)
{
    result.sampledMs = now;
    m_queue.clear();

    ProcessSample &root = result.root;
    if (!root.ended) {
        const bool firstRead = root.firstSeenMs < 0;
        const unsigned parts = partsFor(firstRead ? nullptr : &state.root);
        bool present = ProcReader::read(result.pid, parts, m_snapshot, m_procRoot, files());
        if (present && !firstRead && m_snapshot.startTicks != root.startTicks)
            present = false; // the root was reaped and its pid reused
        if (present) {
            if (firstRead)
                result.pgrp = m_snapshot.pgrp;
            update(root, state.root, result, now);
            for (qint64 child : std::as_const(m_snapshot.children))
                m_queue.push_back({child, true});
        } else {
            markEnded(root);
        }
    }

    // First the tree as it hangs from the root now, then whatever was seen
    // before and not reached: gone, or re-parented away from the tree.
    for (size_t i = 0; i < m_queue.size(); ++i)
        readDescendant(result, state, m_queue[i], now);
    m_queue.clear();
    for (auto it = state.live.cbegin(); it != state.live.cend(); ++it) {
        if (state.tracks[size_t(it.value())].seenTick != m_tick)
            m_queue.push_back({it.key(), false});
    }
    for (size_t i = 0; i < m_queue.size(); ++i)
        readDescendant(result, state, m_queue[i], now);

    for (auto it = state.live.begin(); it != state.live.end();) {
        if (state.tracks[size_t(it.value())].seenTick != m_tick) {
            markEnded(result.descendants[it.value()]);
            it = state.live.erase(it);
        } else {
            ++it;
        }
    }
}

void ProcessSampler::readDescendant(RootSample &result, RootState &state, const Pending &pending, double now)
{
    if (pending.pid == result.pid)
        return;
    int index = state.live.value(pending.pid, -1);
    if (index >= 0 && state.tracks[size_t(index)].seenTick == m_tick)
        return; // already read this tick
    const unsigned parts = partsFor(index < 0 ? nullptr : &state.tracks[size_t(index)]);
    if (!ProcReader::read(pending.pid, parts, m_snapshot, m_procRoot, files()))
        return; // ended; the sweep in sampleRoot() marks it

    if (index >= 0 && m_snapshot.startTicks != result.descendants[index].startTicks) {
        // The pid was reused: the process we knew ended, and this is another.
        markEnded(result.descendants[index]);
        state.live.remove(pending.pid);
        index = -1;
    }
    if (index < 0) {
        if (!pending.adopt)
            return; // a stranger under a pid we used to follow
        index = int(result.descendants.size());
        result.descendants.append(ProcessSample());
        state.tracks.emplace_back();
        state.live.insert(pending.pid, index);
    }

    ProcessSample &sample = result.descendants[index];
    Track &track = state.tracks[size_t(index)];
    update(sample, track, result, now);
    for (qint64 child : std::as_const(m_snapshot.children))
        m_queue.push_back({child, true});
}

// Folds m_snapshot (a successful read of sample's process) into sample.
void ProcessSampler::update(ProcessSample &sample, Track &track, const RootSample &result, double now)
{
    const ProcSnapshot &s = m_snapshot;
    if (sample.firstSeenMs < 0) {
        sample.pid = s.pid;
        sample.startTicks = s.startTicks;
        sample.firstSeenMs = now;
        track.comm = s.comm;
        if (s.argv.isEmpty()) { // read without Cmdline, as a pid we thought we knew
            readArgv(sample, track);
        } else {
            sample.argv = s.argv;
            sample.argvIsComm = s.argvIsComm;
        }
    } else if (s.comm != track.comm) {
        readArgv(sample, track); // exec'd since the last read
    }

    sample.ppid = s.ppid;
    sample.pgrp = s.pgrp;
    sample.session = s.session;
    sample.state = s.state;
    sample.leftGroup = result.pgrp != 0 && s.pgrp != result.pgrp;

    const double window = now - track.lastCpuWallMs;
    if (track.lastCpuWallMs < 0 || window >= MinCpuWindowMs) {
        if (track.lastCpuWallMs >= 0) {
            sample.cpuKnown = true;
            sample.cpuPercent = std::max(0.0, double(s.cpuMs() - track.lastCpuMs) * 100.0 / window);
        }
        track.lastCpuMs = s.cpuMs();
        track.lastCpuWallMs = now;
    }
    sample.userMs = s.userMs;
    sample.systemMs = s.systemMs;

    sample.rssKnown = s.rssKnown;
    sample.rssKb = s.rssKb;
    sample.peakRssKb = std::max({sample.peakRssKb, s.hwmKb, s.rssKb});
    if (s.hwmKnown)
        track.nextStatusTick = m_tick + StatusEveryTicks;

    sample.threads = s.threads;
    sample.maxThreads = std::max(sample.maxThreads, s.threads);

    // Read this tick (partsFor's test, before nextIoTick moves): otherwise
    // the last figures stand.
    if (m_tick >= track.nextIoTick) {
        track.nextIoTick = m_tick + IoEveryTicks;
        sample.ioKnown = s.ioKnown;
        if (s.ioKnown) {
            sample.readBytes = s.readBytes;
            sample.writeBytes = s.writeBytes;
        }
    }

    sample.lastSeenMs = now;
    track.seenTick = m_tick;
}

void ProcessSampler::readArgv(ProcessSample &sample, Track &track)
{
    track.comm = m_snapshot.comm;
    if (!ProcReader::read(sample.pid, ProcReader::Stat | ProcReader::Cmdline, m_argvSnapshot, m_procRoot))
        return; // gone meanwhile: keep the old argv, the next tick ends it
    sample.argv = m_argvSnapshot.argv;
    sample.argvIsComm = m_argvSnapshot.argvIsComm;
}

void ProcessSampler::markEnded(ProcessSample &sample)
{
    m_files.forget(sample.pid);
    sample.ended = true;
    sample.cpuKnown = false;
    sample.cpuPercent = 0;
    sample.rssKnown = false;
    sample.rssKb = 0;
}
