// A thread that reads one heavy output pipe, so a child writing hundreds of
// MiB a second is read at the pipe's speed: it sleeps in poll() only when the
// pipe is empty, instead of costing the GUI thread an event-loop wake-up
// (poll, epoll_wait, read, signals) for every few KiB the child writes.
//
// The thread keeps its own OutputTail; the owner copies it into the job's
// tail (takeInto) as often as it wants to show progress, so the model and
// the signals stay on the owner's thread while the count and the tail stay
// exact. Copying shares the ring (QByteArray is implicitly shared), so a take
// costs the thread at most one copy of the ring, not one per read.
#pragma once

#include "outputtail.h"

#include <QMutex>

#include <atomic>
#include <thread>

class OutputReader
{
public:
    // Reads fd (a non-blocking read end the caller keeps owning and closes
    // after this is destroyed), continuing from what tail already holds.
    OutputReader(int fd, const OutputTail &tail);
    // Stops and joins the thread (see stop()).
    ~OutputReader();
    OutputReader(const OutputReader &) = delete;
    OutputReader &operator=(const OutputReader &) = delete;

    // Copies what was read so far into *tail, exactly; false if nothing
    // arrived since the last take.
    bool takeInto(OutputTail *tail);
    // Reads what the pipe holds now, at most finalBytes more, then ends the
    // thread and joins it. The wait is short and bounded: the thread never
    // blocks in read() (the pipe is non-blocking) and its poll() also
    // watches the stop request.
    void stop(qint64 finalBytes);
    // The writers are gone (end of file) or the pipe failed: nothing more comes.
    bool atEnd() const { return m_atEnd.load(std::memory_order_acquire); }

    // Whether another reader may start now. Readers are few (one core's
    // worth fewer than the machine has, at least one): each reads as fast as
    // its writer writes, so eight flooding children with a thread each left
    // the GUI thread one runnable thread among seventeen, and the event loop
    // up to 80 ms late. Past the limit a stream stays with the GUI thread's
    // OutputPoller, which bounds what it reads per wake-up.
    static bool mayStart();

private:
    void run();
    // One read into the ring: >0 bytes, 0 at end, -1 with errno set;
    // *asked is how many it asked for.
    qsizetype readOnce(qsizetype *asked);

    int m_fd;
    int m_wake = -1; // an eventfd: stop() writes it to end the thread's poll()
    QMutex m_mutex;  // guards m_tail
    OutputTail m_tail;
    qint64 m_taken = -1; // m_tail.totalBytes() at the last take
    std::atomic<bool> m_stopping{false};
    std::atomic<qint64> m_finalBytes{0};
    std::atomic<bool> m_atEnd{false};
    std::thread m_thread;
    static std::atomic<int> s_running;
};
