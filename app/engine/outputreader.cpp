#include "outputreader.h"

#include "enginelog.h"

#include <QMutexLocker>
#include <QThread>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace {

// Reads of this size keep the copy in the cache and hold the pipe's lock
// briefly, so the writer is not kept waiting (cat reads 128 KiB too).
constexpr qsizetype ReadBytes = 128 * 1024;
// A round that found this much says the writer is fast: the next round
// reads at once rather than first asking poll() whether there is data.
constexpr qint64 FastRoundBytes = 64 * 1024;
// At most this much per round, then the stop request is checked.
constexpr qint64 RoundBytes = 1024 * 1024;

} // namespace

std::atomic<int> OutputReader::s_running{0};

bool OutputReader::mayStart()
{
    static const int limit = std::max(1, QThread::idealThreadCount() - 1);
    return s_running.load(std::memory_order_relaxed) < limit;
}

OutputReader::OutputReader(int fd, const OutputTail &tail)
    : m_fd(fd)
    , m_wake(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK))
    , m_tail(tail)
    , m_taken(tail.totalBytes())
{
    if (m_wake < 0)
        qCWarning(lcEngine, "eventfd failed: %s; the output reader polls every 100 ms instead", std::strerror(errno));
    s_running.fetch_add(1, std::memory_order_relaxed);
    m_thread = std::thread([this] { run(); });
}

OutputReader::~OutputReader()
{
    stop(0);
    if (m_wake >= 0)
        ::close(m_wake);
    s_running.fetch_sub(1, std::memory_order_relaxed);
}

void OutputReader::stop(qint64 finalBytes)
{
    if (!m_thread.joinable())
        return;
    m_finalBytes.store(finalBytes, std::memory_order_relaxed);
    m_stopping.store(true, std::memory_order_release);
    if (m_wake >= 0) {
        const quint64 one = 1;
        [[maybe_unused]] const ssize_t written = ::write(m_wake, &one, sizeof one);
    }
    m_thread.join();
}

bool OutputReader::takeInto(OutputTail *tail)
{
    const QMutexLocker locker(&m_mutex);
    if (m_tail.totalBytes() == m_taken)
        return false;
    *tail = m_tail;
    m_taken = m_tail.totalBytes();
    return true;
}

qsizetype OutputReader::readOnce(qsizetype *asked)
{
    // Straight into the ring when it has its full size (one copy, kernel to
    // tail); the lock is held only for this non-blocking read.
    char buffer[ReadBytes];
    const QMutexLocker locker(&m_mutex);
    qsizetype room = 0;
    char *target = m_tail.writeRegion(&room);
    const bool direct = target != nullptr;
    if (!direct)
        target = buffer;
    room = direct ? std::min(room, ReadBytes) : ReadBytes;
    *asked = room;
    const ssize_t n = ::read(m_fd, target, size_t(room));
    if (n > 0) {
        if (direct)
            m_tail.commit(n);
        else
            m_tail.append(buffer, n);
    }
    return qsizetype(n);
}

void OutputReader::run()
{
    bool fast = false;
    pollfd fds[2] = {{m_fd, POLLIN, 0}, {m_wake, POLLIN, 0}};
    const nfds_t count = m_wake >= 0 ? 2 : 1;
    for (;;) {
        if (m_stopping.load(std::memory_order_acquire))
            break;
        // Sleeps until the writer writes (or stop() asks).
        if (!fast)
            ::poll(fds, count, m_wake >= 0 ? -1 : 100);
        qint64 got = 0;
        for (;;) {
            qsizetype asked = 0;
            const qsizetype n = readOnce(&asked);
            if (n > 0) {
                got += n;
                // A short read emptied the pipe; a round's cap lets stop()
                // be seen while a writer keeps it full.
                if (n < asked || got >= RoundBytes)
                    break;
                continue;
            }
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
                break;
            // End of file, or (on a terminal's master) EIO once the slave closed.
            m_atEnd.store(true, std::memory_order_release);
            return;
        }
        fast = got >= FastRoundBytes;
    }
    // Stopped: what the pipe holds now is still the job's, up to the budget.
    qint64 left = m_finalBytes.load(std::memory_order_relaxed);
    while (left > 0) {
        qsizetype asked = 0;
        const qsizetype n = readOnce(&asked);
        if (n > 0) {
            left -= n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK))
            m_atEnd.store(true, std::memory_order_release);
        break;
    }
}
