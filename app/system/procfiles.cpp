#include "procfiles.h"

#include "procfilecache.h"
#include "usernames.h"

#include <QCoreApplication>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace ProcFiles {

QByteArray root(const QByteArray &procRoot)
{
    return procRoot.isEmpty() ? QByteArrayLiteral("/proc") : procRoot;
}

namespace {

qsizetype readAndClose(int fd, QByteArray &buffer)
{
    if (fd < 0)
        return -1;
    const qsizetype length = ProcFileCache::readWhole(fd, buffer, false);
    const int error = errno;
    ::close(fd);
    errno = error;
    return length;
}

} // namespace

qsizetype read(const char *path, QByteArray &buffer)
{
    return readAndClose(::open(path, O_RDONLY | O_CLOEXEC), buffer);
}

qsizetype readAt(int dirFd, const char *path, QByteArray &buffer)
{
    return readAndClose(::openat(dirFd, path, O_RDONLY | O_CLOEXEC), buffer);
}

QByteArray readLink(const char *path)
{
    char target[4096];
    const ssize_t n = ::readlink(path, target, sizeof target);
    if (n < 0)
        return QByteArray();
    return QByteArray(target, n);
}

namespace {

// The line of text that starts with key, from just after the key; empty
// when there is none.
QByteArrayView lineAfter(QByteArrayView text, QByteArrayView key)
{
    qsizetype from = 0;
    while (from < text.size()) {
        qsizetype end = text.indexOf('\n', from);
        if (end < 0)
            end = text.size();
        const QByteArrayView line = text.sliced(from, end - from);
        if (line.startsWith(key))
            return line.sliced(key.size());
        from = end + 1;
    }
    return QByteArrayView();
}

qint64 firstNumber(QByteArrayView text)
{
    qsizetype i = 0;
    while (i < text.size() && (text.at(i) == ' ' || text.at(i) == '\t'))
        ++i;
    if (i >= text.size() || text.at(i) < '0' || text.at(i) > '9')
        return -1;
    qint64 value = 0;
    while (i < text.size() && text.at(i) >= '0' && text.at(i) <= '9' && value < (qint64(1) << 55))
        value = value * 10 + (text.at(i++) - '0');
    return value;
}

} // namespace

qint64 parseUid(QByteArrayView statusText)
{
    return firstNumber(lineAfter(statusText, "Uid:"));
}

qint64 parseKbLine(QByteArrayView text, QByteArrayView key)
{
    return firstNumber(lineAfter(text, key));
}

QString endedReason()
{
    return QCoreApplication::translate("ProcFiles", "the process has ended");
}

QString reason(int errorNumber, qint64 ownerUid, bool processGone)
{
    switch (errorNumber) {
    case EACCES:
    case EPERM:
        if (ownerUid < 0)
            return QCoreApplication::translate("ProcFiles", "refused: owned by another user");
        return QCoreApplication::translate("ProcFiles", "refused: owned by %1").arg(UserNames::name(ownerUid));
    case ESRCH:
        return endedReason();
    case ENOENT:
        return processGone ? endedReason() : QCoreApplication::translate("ProcFiles", "no such file on this kernel");
    default:
        return QString::fromLocal8Bit(std::strerror(errorNumber));
    }
}

} // namespace ProcFiles
