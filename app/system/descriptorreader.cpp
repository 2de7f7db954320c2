#include "descriptorreader.h"

#include "procfiles.h"
#include "procreader.h"
#include "sockettable.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

using Descriptor = ProcessDetails::Descriptor;
using PipeEnd = ProcessDetails::PipeEnd;
using Access = PipeEnd::Access;

namespace {

bool numeric(const char *name)
{
    if (*name < '0' || *name > '9')
        return false;
    while (*name >= '0' && *name <= '9')
        ++name;
    return *name == '\0';
}

quint64 inodeIn(QByteArrayView target, QByteArrayView prefix)
{
    if (!target.startsWith(prefix) || !target.endsWith(']'))
        return 0;
    bool ok = false;
    const quint64 inode = target.sliced(prefix.size(), target.size() - prefix.size() - 1).toULongLong(&ok);
    return ok ? inode : 0;
}

// Calls visit(fd, target) for every link in the fd directory open as dirFd.
template<typename Visit>
void forEachFd(int dirFd, Visit visit)
{
    DIR *dir = ::fdopendir(dirFd);
    if (!dir) {
        ::close(dirFd);
        return;
    }
    char target[4096];
    while (const dirent *entry = ::readdir(dir)) {
        if (!numeric(entry->d_name))
            continue;
        const ssize_t n = ::readlinkat(dirFd, entry->d_name, target, sizeof target);
        if (n > 0)
            visit(std::atoi(entry->d_name), QByteArrayView(target, n));
    }
    ::closedir(dir);
}

Access accessOf(const QByteArray &root, qint64 pid, int fd, QByteArray &buffer)
{
    char path[64];
    std::snprintf(path, sizeof path, "/%lld/fdinfo/%d", static_cast<long long>(pid), fd);
    const qsizetype length = ProcFiles::read((root + path).constData(), buffer);
    return length > 0 ? DescriptorReader::accessFromFdinfo(QByteArrayView(buffer.constData(), length)) : Access::Unknown;
}

QString commOf(const QByteArray &root, qint64 pid, QByteArray &buffer)
{
    const QByteArray path = root + '/' + QByteArray::number(pid) + "/stat";
    const qsizetype length = ProcFiles::read(path.constData(), buffer);
    ProcSnapshot stat;
    if (length > 0 && ProcReader::parseStat(QByteArrayView(buffer.constData(), length), stat))
        return QString::fromLocal8Bit(stat.comm);
    return QString();
}

// Every holder of the wanted pipe inodes on the machine, but the asker's own
// descriptor: one pass over all fd directories.
QHash<quint64, QList<PipeEnd>> pipeHolders(const QByteArray &root, const QSet<quint64> &wanted)
{
    QHash<quint64, QList<PipeEnd>> holders;
    const int rootFd = ::open(root.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR *dir = rootFd >= 0 ? ::fdopendir(rootFd) : nullptr;
    if (!dir) {
        if (rootFd >= 0)
            ::close(rootFd);
        return holders;
    }
    char path[64];
    while (const dirent *entry = ::readdir(dir)) {
        if (!numeric(entry->d_name))
            continue;
        std::snprintf(path, sizeof path, "%s/fd", entry->d_name);
        const int fdDir = ::openat(rootFd, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fdDir < 0)
            continue; // another user's process (to a non-root reader), or ended
        const qint64 pid = std::atoll(entry->d_name);
        forEachFd(fdDir, [&](int fd, QByteArrayView target) {
            const quint64 inode = inodeIn(target, "pipe:[");
            if (inode && wanted.contains(inode))
                holders[inode].append(PipeEnd{pid, QString(), fd, Access::Unknown});
        });
    }
    ::closedir(dir);
    return holders;
}

// The holders of our pipe that hold its other end: of a write end, those
// that read, and the other way round; all of them when the access is unknown.
void fillPeers(const QByteArray &root, qint64 pid, QList<Descriptor> &descriptors,
               const QHash<quint64, QList<PipeEnd>> &holders)
{
    QByteArray buffer;
    QHash<qint64, QString> names;
    for (Descriptor &d : descriptors) {
        if (d.kind != Descriptor::Kind::Pipe)
            continue;
        for (PipeEnd end : holders.value(d.inode)) {
            if (end.pid == pid && end.fd == d.fd)
                continue;
            end.access = accessOf(root, end.pid, end.fd, buffer);
            const bool sameSide = d.access != Access::Unknown && end.access == d.access && d.access != Access::ReadWrite;
            if (sameSide)
                continue;
            auto name = names.find(end.pid);
            if (name == names.end())
                name = names.insert(end.pid, commOf(root, end.pid, buffer));
            end.name = name.value();
            d.peers.append(end);
        }
    }
}

} // namespace

Descriptor::Kind DescriptorReader::classify(QByteArrayView target, quint64 *inode)
{
    *inode = 0;
    if ((*inode = inodeIn(target, "pipe:[")))
        return Descriptor::Kind::Pipe;
    if ((*inode = inodeIn(target, "socket:[")))
        return Descriptor::Kind::Socket;
    if (target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target == "/dev/console"
        || target == "/dev/ptmx")
        return Descriptor::Kind::Terminal;
    if (target.startsWith('/'))
        return Descriptor::Kind::File;
    return Descriptor::Kind::Other;
}

Access DescriptorReader::accessFromFdinfo(QByteArrayView text)
{
    const qsizetype at = text.indexOf("flags:");
    if (at < 0)
        return Access::Unknown;
    qsizetype i = at + 6;
    while (i < text.size() && (text.at(i) == ' ' || text.at(i) == '\t'))
        ++i;
    qint64 flags = 0;
    const qsizetype start = i;
    while (i < text.size() && text.at(i) >= '0' && text.at(i) <= '7')
        flags = flags * 8 + (text.at(i++) - '0');
    if (i == start)
        return Access::Unknown;
    switch (flags & O_ACCMODE) {
    case O_RDONLY:
        return Access::Read;
    case O_WRONLY:
        return Access::Write;
    case O_RDWR:
        return Access::ReadWrite;
    default:
        return Access::Unknown;
    }
}

void DescriptorReader::read(const QByteArray &procRoot, qint64 pid, qint64 ownerUid, QList<Descriptor> *out,
                            QString *problem)
{
    const QByteArray root = ProcFiles::root(procRoot);
    out->clear();
    const QByteArray fdPath = root + '/' + QByteArray::number(pid) + "/fd";
    const int fdDir = ::open(fdPath.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fdDir < 0) {
        const int error = errno;
        const bool gone = ::access((root + '/' + QByteArray::number(pid) + "/stat").constData(), F_OK) != 0;
        *problem = ProcFiles::reason(error, ownerUid, gone);
        return;
    }
    QSet<quint64> pipes;
    bool sockets = false;
    forEachFd(fdDir, [&](int fd, QByteArrayView target) {
        Descriptor d;
        d.fd = fd;
        d.target = QString::fromLocal8Bit(target.toByteArray());
        d.kind = classify(target, &d.inode);
        if (d.kind == Descriptor::Kind::File || d.kind == Descriptor::Kind::Terminal)
            d.path = d.target;
        if (d.kind == Descriptor::Kind::Pipe)
            pipes.insert(d.inode);
        sockets = sockets || d.kind == Descriptor::Kind::Socket;
        out->append(d);
    });
    std::sort(out->begin(), out->end(), [](const Descriptor &a, const Descriptor &b) { return a.fd < b.fd; });
    QByteArray buffer;
    for (Descriptor &d : *out)
        d.access = accessOf(root, pid, d.fd, buffer);
    if (!pipes.isEmpty())
        fillPeers(root, pid, *out, pipeHolders(root, pipes));
    if (sockets) {
        const SocketTable table = SocketTable::read(procRoot, pid);
        for (Descriptor &d : *out) {
            if (const SocketTable::Entry *e = d.kind == Descriptor::Kind::Socket ? table.find(d.inode) : nullptr) {
                d.protocol = e->protocol;
                d.localAddress = e->localAddress;
                d.peerAddress = e->peerAddress;
                d.socketState = e->state;
            }
        }
    }
}
