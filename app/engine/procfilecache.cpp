#include "procfilecache.h"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

qsizetype ProcFileCache::readWhole(int fd, QByteArray &buffer, bool fromStart)
{
    qsizetype length = 0;
    for (;;) {
        if (length == buffer.size())
            buffer.resize(std::max<qsizetype>(4096, buffer.size() * 2));
        const ssize_t n = fromStart
                              ? ::pread(fd, buffer.data() + length, size_t(buffer.size() - length), off_t(length))
                              : ::read(fd, buffer.data() + length, size_t(buffer.size() - length));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        if (n == 0)
            return length;
        length += n;
    }
}

int ProcFileCache::defaultCapacity()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
        return 2048;
    return int(std::min<rlim_t>(2048, limit.rlim_cur / 8));
}

ProcFileCache::ProcFileCache(int capacity)
    : m_capacity(std::max(0, capacity))
{
}

ProcFileCache::~ProcFileCache()
{
    clear();
}

qsizetype ProcFileCache::read(const char *path, qint64 pid, File file, QByteArray &buffer)
{
    const quint64 k = key(pid, file);
    const auto it = m_fds.constFind(k);
    if (it != m_fds.cend()) {
        // An empty file is an answer (a process without children); a
        // failed read (ESRCH once the process is reaped) is not: open the
        // path again below, which finds whatever has that pid now.
        const qsizetype length = readWhole(it.value(), buffer, true);
        if (length >= 0)
            return length;
        ::close(it.value());
        m_fds.erase(it);
    }
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    const qsizetype length = readWhole(fd, buffer, false);
    if (length >= 0 && m_fds.size() < m_capacity) {
        m_fds.insert(k, fd);
    } else {
        const int error = errno;
        ::close(fd);
        errno = error;
    }
    return length;
}

void ProcFileCache::forget(qint64 pid)
{
    for (File file : {File::Stat, File::Children}) {
        const auto it = m_fds.constFind(key(pid, file));
        if (it != m_fds.cend()) {
            ::close(it.value());
            m_fds.erase(it);
        }
    }
}

void ProcFileCache::clear()
{
    for (int fd : std::as_const(m_fds))
        ::close(fd);
    m_fds.clear();
}
