// A model of CPython's global interpreter lock: one worker computes at a time,
// and a worker that has held it for the switch interval hands it to the next
// waiting one (first come, first served), as CPython does every 5 ms.
#pragma once

#include <QtGlobal>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>

class GilLock
{
public:
    using Clock = std::chrono::steady_clock;

    explicit GilLock(std::chrono::microseconds switchInterval = std::chrono::milliseconds(5));

    void acquire();
    void release();
    // Called by the holder now and then: true when it has held the lock for the
    // switch interval and another worker is waiting.
    bool shouldYield() const;
    // release() then acquire(): the waiting worker goes first.
    void yield();

    // The most workers ever inside the lock at once: 1 unless it is broken.
    int maxInside() const { return m_maxInside.load(); }
    int switches() const { return m_switches.load(); }

private:
    std::mutex m_mutex;
    std::condition_variable m_turn;
    quint64 m_nextTicket = 0;
    quint64 m_serving = 0;
    std::atomic<int> m_waiting{0};
    std::atomic<int> m_inside{0};
    std::atomic<int> m_maxInside{0};
    std::atomic<int> m_switches{0};
    Clock::time_point m_acquiredAt;
    std::chrono::microseconds m_interval;
};
