#include "outputtail.h"

#include "enginelog.h"

#include <QFile>
#include <QObject>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

OutputTail::OutputTail(qsizetype capacity)
    : m_capacity(std::max<qsizetype>(capacity, 1))
{
}

void OutputTail::append(const char *data, qsizetype size)
{
    if (size <= 0)
        return;
    m_total += size;
    writeCopy(data, size);

    if (size >= m_capacity) {
        // The chunk alone fills the ring: keep its end, linearly.
        m_ring.resize(m_capacity);
        std::memcpy(m_ring.data(), data + (size - m_capacity), size_t(m_capacity));
        m_start = 0;
        m_size = m_capacity;
        return;
    }

    if (m_ring.size() < m_capacity) {
        // Still growing and never wrapped: bytes are linear from index 0.
        const qsizetype room = m_capacity - m_size;
        if (size <= room) {
            if (m_ring.size() < m_size + size)
                m_ring.resize(std::min(m_capacity, std::max(m_size + size, m_ring.size() * 2)));
            std::memcpy(m_ring.data() + m_size, data, size_t(size));
            m_size += size;
            return;
        }
        m_ring.resize(m_capacity);
    }

    // Full-size ring: write at the logical end, wrapping, overwriting the oldest.
    qsizetype writePos = (m_start + m_size) % m_capacity;
    qsizetype remaining = size;
    const char *src = data;
    while (remaining > 0) {
        const qsizetype chunk = std::min(remaining, m_capacity - writePos);
        std::memcpy(m_ring.data() + writePos, src, size_t(chunk));
        src += chunk;
        remaining -= chunk;
        writePos = (writePos + chunk) % m_capacity;
    }
    const qsizetype newSize = m_size + size;
    if (newSize > m_capacity) {
        m_start = (m_start + (newSize - m_capacity)) % m_capacity;
        m_size = m_capacity;
    } else {
        m_size = newSize;
    }
}

char *OutputTail::writeRegion(qsizetype *size)
{
    // Only once the ring has its full size: growing it for a direct read
    // would reserve a whole ring for every child that writes a few bytes.
    if (m_ring.size() < m_capacity) {
        *size = 0;
        return nullptr;
    }
    const qsizetype writePos = (m_start + m_size) % m_capacity;
    *size = m_capacity - writePos;
    return m_ring.data() + writePos;
}

void OutputTail::commit(qsizetype n)
{
    if (n <= 0)
        return;
    m_total += n;
    // The bytes were read to where writeRegion() pointed: the logical end.
    writeCopy(m_ring.constData() + (m_start + m_size) % m_capacity, n);
    const qsizetype newSize = m_size + n;
    if (newSize > m_capacity) {
        m_start = (m_start + (newSize - m_capacity)) % m_capacity;
        m_size = m_capacity;
    } else {
        m_size = newSize;
    }
}

char OutputTail::at(qsizetype logicalIndex) const
{
    const qsizetype cap = m_ring.size() == m_capacity ? m_capacity : m_ring.size();
    return m_ring.at((m_start + logicalIndex) % cap);
}

QByteArray OutputTail::tail() const
{
    return last(m_size);
}

QByteArray OutputTail::last(qsizetype n) const
{
    n = std::clamp<qsizetype>(n, 0, m_size);
    QByteArray out;
    out.resize(n);
    const qsizetype from = m_size - n;
    const qsizetype cap = m_ring.size();
    if (cap == 0)
        return out;
    const qsizetype physical = (m_start + from) % cap;
    const qsizetype first = std::min(n, cap - physical);
    std::memcpy(out.data(), m_ring.constData() + physical, size_t(first));
    if (n > first)
        std::memcpy(out.data() + first, m_ring.constData(), size_t(n - first));
    return out;
}

QByteArray OutputTail::lastLine(qsizetype maxBytes) const
{
    qsizetype end = m_size;
    while (end > 0 && (at(end - 1) == '\n' || at(end - 1) == '\r'))
        --end;
    qsizetype begin = end;
    const qsizetype limit = std::max<qsizetype>(0, end - maxBytes);
    while (begin > limit && at(begin - 1) != '\n')
        --begin;
    QByteArray line;
    line.reserve(end - begin);
    for (qsizetype i = begin; i < end; ++i)
        line.append(at(i));
    return line;
}

void OutputTail::shrinkTo(qsizetype keep)
{
    keep = std::max<qsizetype>(keep, 1);
    if (keep >= m_capacity)
        return;
    // A fresh, exact-size buffer: resizing the old one down would keep its
    // allocation, and freeing memory is the point.
    QByteArray kept = last(keep);
    m_ring = kept;
    m_capacity = keep;
    m_start = 0;
    // Marked only when bytes that would have been kept are gone.
    m_trimmed = m_trimmed || m_size > kept.size();
    m_size = kept.size();
}

void OutputTail::restore(const QByteArray &kept, qint64 total, bool trimmed)
{
    m_ring = kept;
    m_capacity = std::max<qsizetype>({m_capacity, kept.size(), 1});
    m_start = 0;
    m_size = kept.size();
    m_total = std::max<qint64>(total, kept.size());
    m_trimmed = trimmed;
}

struct OutputTail::Copy
{
    Copy(int fd, const QString &path) : fd(fd), path(path) {}
    ~Copy() { ::close(fd); }
    Copy(const Copy &) = delete;
    Copy &operator=(const Copy &) = delete;

    int fd;
    QString path;
};

bool OutputTail::copyTo(const QString &path, QString *error)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC,
                          0666);
    if (fd < 0) {
        *error = QObject::tr("cannot write %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    copyTo(fd, path);
    return true;
}

void OutputTail::copyTo(int fd, const QString &path)
{
    m_file = std::make_shared<Copy>(fd, path);
    m_fileError.clear();
    m_copied = 0;
}

void OutputTail::failCopy(const QString &error)
{
    m_file.reset();
    m_fileError = error;
}

void OutputTail::closeCopy()
{
    m_file.reset();
}

void OutputTail::writeCopy(const char *data, qsizetype size)
{
    if (!m_file)
        return;
    // Unbuffered: each chunk goes to the kernel as it arrives, with no second
    // copy in memory, and what a crash leaves on disk is what was read. A
    // short write is retried, so a full disk shows as its errno (ENOSPC),
    // not as a silent short count.
    while (size > 0) {
        const ssize_t n = ::write(m_file->fd, data, size_t(size));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const QString why = n < 0 ? QString::fromLocal8Bit(std::strerror(errno)) : QStringLiteral("no progress");
            m_fileError = QObject::tr("cannot write %1: %2").arg(m_file->path, why);
            qCWarning(lcEngine).noquote() << "stopped copying output:" << m_fileError;
            m_file.reset();
            return;
        }
        m_copied += n;
        data += n;
        size -= n;
    }
}
