// Watches the process trees under a set of root pids (a job's child, say) by
// reading /proc on a timer, and emits one batch of value samples per tick:
// CPU %, memory, threads, I/O and state for each root and every descendant.
//
// Descendants are found through /proc/PID/task/*/children from the root
// down, and a descendant once seen is followed by pid even after its parent
// ends and it is re-parented, so daemons that double-fork stay visible. A pid
// is trusted only while its start time matches: a reused pid is a new process
// and the old one is marked ended.
//
// Everything here is sampled: for a child's exact CPU time and peak memory
// at its end, see ChildUsage. Reading a process costs two small /proc files
// a tick (stat and children, kept open and read again with pread) in a
// reused buffer; status (for VmHWM) and io only every few ticks, and the
// command line only when it changes. The timer
// runs only while there are roots.
#pragma once

#include "procfilecache.h"
#include "procsnapshot.h"
#include "rootsample.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>

#include <vector>

class QTimer;

class ProcessSampler : public QObject
{
    Q_OBJECT
public:
    // The tick interval's bounds: the window, the CLI and the sampler all
    // check against these through clampInterval().
    static constexpr int MinIntervalMs = 100;
    static constexpr int MaxIntervalMs = 5000;
    static constexpr int DefaultIntervalMs = 500;
    static int clampInterval(int ms);

    // clock: the times in samples are milliseconds on it (a run's clock, so
    // they line up with JobProcess::startedMs()); null: the sampler's own,
    // started now. It must outlive the sampler.
    explicit ProcessSampler(const QElapsedTimer *clock = nullptr, QObject *parent = nullptr);
    ~ProcessSampler() override;

    // Starts tracking pid and its descendants and reads them at once, so the
    // first tick already has CPU %. False if pid is already tracked.
    bool add(qint64 pid, const QString &tag = QString());
    // Stops tracking; call sampleNow() first for a last sample.
    void remove(qint64 pid);
    bool contains(qint64 pid) const;
    QList<qint64> roots() const;

    // Clamped to [MinIntervalMs, MaxIntervalMs].
    void setInterval(int ms);
    int interval() const;

    // Reads every tree now, emits sampled() and returns the batch. For
    // tests, and for a root's last sample before remove().
    QList<RootSample> sampleNow();
    // The latest batch, and one root's part of it (pid 0 if not tracked).
    QList<RootSample> results() const { return m_results; }
    RootSample result(qint64 pid) const;

    double nowMs() const;
    // The CPU time the ticks took so far (this thread's, user and system):
    // what sampling costs, apart from whatever else the thread does.
    double cpuMsSpent() const { return m_cpuMsSpent; }
    // How many /proc files are kept open: two for each live process followed.
    int keptFiles() const { return m_files.size(); }

    // For tests: read a directory laid out like /proc instead.
    void setProcRoot(const QByteArray &dir) { m_procRoot = dir; }

signals:
    // Once per tick (and per sampleNow()), every root in the order added.
    void sampled(const QList<RootSample> &roots);

private:
    // Bookkeeping behind one ProcessSample, kept beside it.
    struct Track
    {
        qint64 lastCpuMs = 0;
        double lastCpuWallMs = -1;
        QByteArray comm; // argv is read again when this changes
        quint64 seenTick = 0;
        quint64 nextStatusTick = 0; // when VmHWM is read again
        quint64 nextIoTick = 0;     // when /proc/PID/io is read again
    };
    struct RootState
    {
        Track root;
        std::vector<Track> tracks; // parallel to RootSample::descendants
        QHash<qint64, int> live; // pid -> index of a descendant not yet ended
    };
    // One pid to read; adopt: reached through a tracked parent's children,
    // so a new process under that pid is ours.
    struct Pending
    {
        qint64 pid;
        bool adopt;
    };

    unsigned partsFor(const Track *track) const;
    void tick();
    void sampleAll();
    void sampleRoot(RootSample &result, RootState &state, double now);
    void readDescendant(RootSample &result, RootState &state, const Pending &pending, double now);
    void update(ProcessSample &sample, Track &track, const RootSample &result, double now);
    void readArgv(ProcessSample &sample, Track &track);
    void markEnded(ProcessSample &sample);
    // The kept stat and children files (real /proc only: a test's fake one
    // is rewritten between reads).
    ProcFileCache *files() { return m_procRoot.isEmpty() ? &m_files : nullptr; }
    int indexOf(qint64 pid) const;

    QElapsedTimer m_ownClock;
    const QElapsedTimer *m_clock;
    QTimer *m_timer;
    QByteArray m_procRoot;
    QList<RootSample> m_results;
    std::vector<RootState> m_states; // parallel to m_results
    quint64 m_tick = 0;
    // Reused on every read, so a steady tick allocates next to nothing.
    ProcSnapshot m_snapshot;
    ProcSnapshot m_argvSnapshot;
    std::vector<Pending> m_queue;
    ProcFileCache m_files;
    double m_cpuMsSpent = 0;
};
