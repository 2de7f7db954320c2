#include "tracechannel.h"

#include "processfamily.h"
#include "tracelog.h"
#include "traceprotocol.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

TraceChannel::~TraceChannel()
{
    close();
}

bool TraceChannel::open(QString *error)
{
    close();
    int ends[2];
    if (::pipe2(ends, O_CLOEXEC) != 0) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    m_readFd = ends[0];
    m_writeFd = ends[1];
    ::fcntl(m_readFd, F_SETPIPE_SZ, TraceProtocol::PipeBytes);
    ::fcntl(m_readFd, F_SETFL, ::fcntl(m_readFd, F_GETFL) | O_NONBLOCK);
    return true;
}

QString TraceChannel::writePath() const
{
    return m_writeFd >= 0 ? TraceProtocol::descriptorPath(m_writeFd) : QString();
}

void TraceChannel::closeWriteEnd()
{
    if (m_writeFd >= 0)
        ::close(m_writeFd);
    m_writeFd = -1;
}

bool TraceChannel::readInto(ProcessFamily *family, bool atEnd, const QString &program)
{
    if (m_readFd < 0)
        return false;
    bool closed = false;
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(m_readFd, buffer, sizeof buffer);
        if (n > 0) {
            m_pending.append(buffer, n);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        closed = n == 0;
        break;
    }
    // Only the last line can be cut short (a burst that filled the pipe).
    const qsizetype lastNewline = atEnd || closed ? m_pending.size() : m_pending.lastIndexOf('\n') + 1;
    const bool applied = lastNewline > 0;
    if (applied) {
        const int bad = family->applyLines(m_pending.left(lastNewline));
        if (bad > 0)
            qCWarning(lcTrace) << bad << "unreadable lines in the trace of" << program;
        m_pending.remove(0, lastNewline);
    }
    if (atEnd)
        close();
    return applied;
}

void TraceChannel::close()
{
    for (int *fd : {&m_readFd, &m_writeFd}) {
        if (*fd >= 0)
            ::close(*fd);
        *fd = -1;
    }
    m_pending.clear();
}
