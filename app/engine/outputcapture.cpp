#include "outputcapture.h"

#include "outputpoller.h"
#include "outputreader.h"

#include <QElapsedTimer>
#include <QSocketNotifier>
#include <QTimer>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

// A child that writes HeavyWriterBytes writes fast: a pipe of WidePipeBytes
// instead of 64 KiB lets it run on while the app is busy, and the app reads
// the lot in one go, with a fraction of the wake-ups (on Linux the kernel may
// refuse for an unprivileged user over its pipe quota; then the pipe just
// stays as it was).
void widen(int fd, bool *widened)
{
#ifdef F_SETPIPE_SZ
    if (*widened || fd < 0)
        return;
    *widened = true;
    ::fcntl(fd, F_SETPIPE_SZ, int(OutputCapture::WidePipeBytes));
#else
    Q_UNUSED(fd);
    Q_UNUSED(widened);
#endif
}

} // namespace

OutputCapture::OutputCapture(qsizetype tailCapacity, const QElapsedTimer *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_stdout(tailCapacity)
    , m_stderr(tailCapacity)
{
}

OutputCapture::~OutputCapture()
{
    close();
}

bool OutputCapture::openPipes(bool ownStdout, int *stdoutWrite, int *stderrWrite)
{
    // Close-on-exec on both ends, so no other child inherits them; the read
    // ends non-blocking, so a drain stops when the pipe is empty.
    const auto open = [](Pipe &pipe, int *writeEnd) {
        int ends[2];
        if (::pipe2(ends, O_CLOEXEC) != 0)
            return false;
        ::fcntl(ends[0], F_SETFL, O_NONBLOCK); // a new read end has no other status flags
        pipe.fd = ends[0];
        *writeEnd = ends[1];
        return true;
    };
    if (open(m_stderrPipe, stderrWrite) && (!ownStdout || open(m_stdoutPipe, stdoutWrite)))
        return true;
    const int savedErrno = errno;
    for (int fd : {*stdoutWrite, *stderrWrite}) {
        if (fd >= 0)
            ::close(fd);
    }
    *stdoutWrite = *stderrWrite = -1;
    close();
    errno = savedErrno;
    return false;
}

void OutputCapture::readTerminal(int masterFd)
{
    closePipe(m_stdoutPipe);
    m_stdoutPipe.fd = masterFd;
}

void OutputCapture::watch()
{
    watchPipe(m_stdoutPipe);
    watchPipe(m_stderrPipe);
}

void OutputCapture::watchPipe(Pipe &pipe)
{
    if (pipe.fd < 0)
        return;
    if (!m_poller)
        m_poller = OutputPoller::forCurrentThread();
    const auto onReady = [this, &pipe] {
        // A bounded helping per wake-up, so one flooding child cannot starve
        // the others or the window; the poller asks again for the rest.
        drainPipe(pipe, 4 * 1024 * 1024);
        if (m_final) {
            // After the child's exit: no reader thread, only until the end.
            if (!isOpen())
                emit drained();
            return;
        }
        if (pipe.fd >= 0 && tailOf(pipe).totalBytes() >= HeavyWriterBytes && OutputReader::mayStart())
            startReader(pipe);
        emit changed();
    };
    pipe.token = m_poller->watch(pipe.fd, onReady);
    if (pipe.token == 0) {
        // No epoll set (out of descriptors?): a notifier of its own still works.
        pipe.notifier = new QSocketNotifier(qintptr(pipe.fd), QSocketNotifier::Read, this);
        connect(pipe.notifier, &QSocketNotifier::activated, this, onReady);
    }
}

void OutputCapture::drainPipe(Pipe &pipe, qint64 budget)
{
    OutputTail &tail = tailOf(pipe);
    if (tail.totalBytes() >= HeavyWriterBytes)
        widen(pipe.fd, &pipe.widened);
    qint64 total = 0;
    char buffer[64 * 1024];
    while (pipe.fd >= 0 && total < budget) {
        qsizetype room = 0;
        char *target = tail.writeRegion(&room);
        const bool direct = target != nullptr;
        if (!direct) {
            // The ring is still growing: read a chunk and let it decide.
            target = buffer;
            room = qsizetype(sizeof buffer);
        }
        const ssize_t n = ::read(pipe.fd, target, size_t(room));
        if (n > 0 && m_firstStdoutMs < 0 && &tail == &m_stdout)
            m_firstStdoutMs = double(m_clock->nsecsElapsed()) / 1e6;
        if (n > 0) {
            if (direct)
                tail.commit(n);
            else
                tail.append(buffer, n);
            total += n;
            // A short read emptied the pipe: no need to ask again for EAGAIN.
            if (n < room)
                return;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        // End of file: every writer is gone. On a terminal's master that
        // reads as EIO once the slave's last holder closed it: the normal end,
        // not an error.
        closePipe(pipe);
    }
}

void OutputCapture::startReader(Pipe &pipe)
{
    if (pipe.token != 0 && m_poller)
        m_poller->unwatch(pipe.token, pipe.fd);
    pipe.token = 0;
    delete pipe.notifier;
    pipe.notifier = nullptr;
    widen(pipe.fd, &pipe.widened);
    pipe.reader = new OutputReader(pipe.fd, tailOf(pipe));
    if (!m_readerTimer) {
        m_readerTimer = new QTimer(this);
        m_readerTimer->setInterval(ReaderTakeMs);
        connect(m_readerTimer, &QTimer::timeout, this, &OutputCapture::takeFromReaders);
    }
    m_readerTimer->start();
}

void OutputCapture::takeFromReaders()
{
    bool moved = false;
    for (Pipe *pipe : {&m_stdoutPipe, &m_stderrPipe}) {
        if (!pipe->reader)
            continue;
        moved |= pipe->reader->takeInto(&tailOf(*pipe));
        if (pipe->reader->atEnd())
            closePipe(*pipe); // every writer is gone, as at end of file in drainPipe
    }
    if (!m_stdoutPipe.reader && !m_stderrPipe.reader)
        m_readerTimer->stop();
    if (moved)
        emit changed();
}

void OutputCapture::takeFinal()
{
    // Whatever the child wrote before it exited is in the pipes now. A
    // descendant that kept them open can still write: it is read until it
    // closes them, as long as the job waits. The cap keeps a grandchild
    // that floods the inherited pipe from holding the app here.
    m_final = true;
    if (m_readerTimer)
        m_readerTimer->stop();
    for (Pipe *pipe : {&m_stdoutPipe, &m_stderrPipe}) {
        if (pipe->reader) {
            pipe->reader->stop(FinalDrainBytes);
            pipe->reader->takeInto(&tailOf(*pipe));
            if (pipe->reader->atEnd()) {
                closePipe(*pipe);
            } else {
                // The rest comes through the poller, like a light writer's.
                delete pipe->reader;
                pipe->reader = nullptr;
                watchPipe(*pipe);
            }
        } else {
            drainPipe(*pipe, FinalDrainBytes);
        }
    }
}

QSet<quint64> OutputCapture::pipeInodes() const
{
    QSet<quint64> inodes;
    for (const Pipe *pipe : {&m_stdoutPipe, &m_stderrPipe}) {
        struct stat info;
        if (pipe->fd >= 0 && ::fstat(pipe->fd, &info) == 0)
            inodes.insert(quint64(info.st_ino));
    }
    return inodes;
}

void OutputCapture::close()
{
    if (m_readerTimer)
        m_readerTimer->stop();
    closePipe(m_stdoutPipe);
    closePipe(m_stderrPipe);
}

void OutputCapture::closePipe(Pipe &pipe)
{
    if (pipe.reader) {
        // Joined before its descriptor goes; what it read last is kept.
        pipe.reader->stop(0);
        pipe.reader->takeInto(&tailOf(pipe));
        delete pipe.reader;
        pipe.reader = nullptr;
    }
    // Stop watching before the descriptor goes.
    if (pipe.token != 0 && m_poller)
        m_poller->unwatch(pipe.token, pipe.fd);
    pipe.token = 0;
    delete pipe.notifier;
    pipe.notifier = nullptr;
    if (pipe.fd >= 0)
        ::close(pipe.fd);
    pipe.fd = -1;
}
