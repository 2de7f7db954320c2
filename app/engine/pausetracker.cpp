#include "pausetracker.h"

bool PauseTracker::appSignalled(bool paused, double atMs)
{
    m_signalMs = atMs;
    m_settled = false;
    return set(paused, atMs);
}

bool PauseTracker::sampled(bool stopped, double sampledAtMs)
{
    if (sampledAtMs <= m_signalMs)
        return false; // read before the app's own signal
    if (stopped == m_paused || sampledAtMs - m_signalMs >= SettleMs)
        m_settled = true;
    return m_settled && set(stopped, sampledAtMs);
}

void PauseTracker::end(double atMs)
{
    if (m_paused) {
        m_paused = false;
        m_stretches.last().endMs = atMs;
    }
}

bool PauseTracker::set(bool paused, double atMs)
{
    if (paused == m_paused)
        return false;
    m_paused = paused;
    if (paused)
        m_stretches.append({atMs, -1});
    else if (!m_stretches.isEmpty())
        m_stretches.last().endMs = atMs;
    return true;
}
