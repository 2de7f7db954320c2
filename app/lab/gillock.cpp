#include "gillock.h"

GilLock::GilLock(std::chrono::microseconds switchInterval)
    : m_interval(switchInterval)
{
}

void GilLock::acquire()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    const quint64 ticket = m_nextTicket++;
    ++m_waiting;
    m_turn.wait(lock, [&] { return m_serving == ticket; });
    --m_waiting;
    const int inside = ++m_inside;
    int seen = m_maxInside.load();
    while (inside > seen && !m_maxInside.compare_exchange_weak(seen, inside)) {
    }
    m_acquiredAt = Clock::now();
}

void GilLock::release()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        --m_inside;
        ++m_serving;
    }
    m_turn.notify_all();
}

bool GilLock::shouldYield() const
{
    return m_waiting.load(std::memory_order_relaxed) > 0 && Clock::now() - m_acquiredAt >= m_interval;
}

void GilLock::yield()
{
    ++m_switches;
    release();
    acquire();
}
