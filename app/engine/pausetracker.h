// Whether a job is stopped (SIGSTOP, SIGTSTP, a debugger...), whoever
// stopped it, and the stretches it spent so. The app's own stop or continue
// counts at once; otherwise the sampled /proc state ('T' or 't') decides.
// The sampler reads /proc on its own thread, so a sample read before the
// app's own signal can arrive after it, and a SIGSTOP is acted on only when
// the child is next scheduled: samples that disagree with the app's signal
// are ignored until one agrees or SettleMs pass.
#pragma once

#include <QList>

struct PausedStretch
{
    double startMs = 0; // on the run's clock
    double endMs = -1; // -1 while still paused
};

class PauseTracker
{
public:
    static constexpr double SettleMs = 1000;

    bool isPaused() const { return m_paused; }
    const QList<PausedStretch> &stretches() const { return m_stretches; }
    // The app stopped (paused) or continued the job at atMs. True if
    // isPaused() changed.
    bool appSignalled(bool paused, double atMs);
    // A sample read at sampledAtMs found it stopped or not. True if
    // isPaused() changed.
    bool sampled(bool stopped, double sampledAtMs);
    // The job ended at atMs: a stretch still open closes there.
    void end(double atMs);
    void restore(const QList<PausedStretch> &stretches) { m_stretches = stretches; }

private:
    bool set(bool paused, double atMs);

    QList<PausedStretch> m_stretches;
    bool m_paused = false;
    double m_signalMs = -1; // when the app last stopped or continued the child
    bool m_settled = true;
};
