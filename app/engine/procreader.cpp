#include "procreader.h"

#include "procfilecache.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

namespace {

// One buffer per thread for every file read: big enough for any stat,
// status or io file, and grown (once) for a long command line.
QByteArray &fileBuffer()
{
    thread_local QByteArray buffer(16 * 1024, Qt::Uninitialized);
    return buffer;
}

// Reads the whole file into fileBuffer(). Returns its length, or -1 with
// errno set. /proc files have no size, so read until read() says 0.
qsizetype readFile(const char *path)
{
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    const qsizetype length = ProcFileCache::readWhole(fd, fileBuffer(), false);
    const int error = errno;
    ::close(fd);
    errno = error;
    return length;
}

// The cursor parsers below stop at the end of the text and never read past it.
struct Cursor
{
    const char *p;
    const char *end;

    void skipSpaces()
    {
        while (p < end && (*p == ' ' || *p == '\t'))
            ++p;
    }
    bool number(qint64 *value)
    {
        skipSpaces();
        bool negative = false;
        if (p < end && *p == '-') {
            negative = true;
            ++p;
        }
        if (p >= end || *p < '0' || *p > '9')
            return false;
        qint64 v = 0;
        while (p < end && *p >= '0' && *p <= '9') {
            v = v * 10 + (*p - '0');
            ++p;
        }
        *value = negative ? -v : v;
        return true;
    }
    bool skipField()
    {
        skipSpaces();
        const char *start = p;
        while (p < end && *p != ' ' && *p != '\n')
            ++p;
        return p > start;
    }
};

// The number after "Key:" on the line starting at p, or -1.
qint64 valueAfterKey(const char *p, const char *end)
{
    Cursor cursor{p, end};
    qint64 value = -1;
    return cursor.number(&value) ? value : -1;
}

bool startsWith(const char *p, const char *end, const char *key, size_t keyLength)
{
    return size_t(end - p) >= keyLength && std::memcmp(p, key, keyLength) == 0;
}

} // namespace

namespace ProcReader {

qint64 ticksToMs(qint64 ticks)
{
    static const long ticksPerSecond = [] {
        const long value = ::sysconf(_SC_CLK_TCK);
        return value > 0 ? value : 100;
    }();
    return ticks * 1000 / ticksPerSecond;
}

namespace {

qint64 pageKb()
{
    static const qint64 kb = [] {
        const long bytes = ::sysconf(_SC_PAGESIZE);
        return bytes > 0 ? qint64(bytes) / 1024 : 4;
    }();
    return kb;
}

} // namespace

bool parseStat(QByteArrayView text, ProcSnapshot &out)
{
    if (text.isEmpty())
        return false; // and no memchr on a null view's data
    const char *begin = text.data();
    const char *end = begin + text.size();
    const char *open = static_cast<const char *>(std::memchr(begin, '(', size_t(text.size())));
    const char *close = nullptr;
    for (const char *p = end; p > begin; --p) {
        if (p[-1] == ')') {
            close = p - 1;
            break;
        }
    }
    if (!open || !close || close < open)
        return false;
    Cursor head{begin, open};
    qint64 pid = 0;
    if (!head.number(&pid))
        return false;

    Cursor c{close + 1, end};
    c.skipSpaces();
    if (c.p >= end)
        return false;
    const char state = *c.p++;
    // After the state: ppid pgrp session tty_nr tpgid flags minflt cminflt
    // majflt cmajflt utime stime cutime cstime priority nice num_threads
    // itrealvalue starttime vsize rss (proc(5), fields 4 to 24).
    qint64 fields[21];
    for (qint64 &field : fields) {
        if (!c.number(&field))
            return false;
    }
    out.pid = pid;
    // Copied into the existing bytes: a snapshot reused across pids keeps
    // its allocation unless a sampler still shares the previous name.
    out.comm.resize(close - open - 1);
    std::memcpy(out.comm.data(), open + 1, size_t(close - open - 1));
    out.state = state;
    out.ppid = fields[0];
    out.pgrp = fields[1];
    out.session = fields[2];
    out.userMs = ticksToMs(fields[10]);
    out.systemMs = ticksToMs(fields[11]);
    out.threads = int(fields[16]);
    out.startTicks = fields[18];
    // PF_KTHREAD in flags: a kernel thread has no memory of its own, and a
    // zombie has released its own; their rss of 0 means "none", not "small".
    constexpr qint64 KernelThreadFlag = 0x00200000;
    out.rssKnown = state != 'Z' && state != 'X' && !(fields[5] & KernelThreadFlag);
    out.rssKb = out.rssKnown ? fields[20] * pageKb() : 0;
    return true;
}

void parseStatus(QByteArrayView text, ProcSnapshot &out)
{
    const char *p = text.data();
    const char *end = p + text.size();
    bool haveRss = false;
    bool haveHwm = false;
    qint64 rssKb = 0;
    qint64 hwmKb = 0;
    while (p < end && !(haveRss && haveHwm)) {
        const char *lineEnd = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
        if (!lineEnd)
            lineEnd = end;
        if (startsWith(p, lineEnd, "VmRSS:", 6)) {
            rssKb = valueAfterKey(p + 6, lineEnd);
            haveRss = rssKb >= 0;
        } else if (startsWith(p, lineEnd, "VmHWM:", 6)) {
            hwmKb = valueAfterKey(p + 6, lineEnd);
            haveHwm = hwmKb >= 0;
        }
        p = lineEnd + 1;
    }
    out.rssKnown = haveRss;
    out.rssKb = haveRss ? rssKb : 0;
    out.hwmKnown = haveHwm;
    out.hwmKb = haveHwm ? hwmKb : 0;
}

void parseIo(QByteArrayView text, ProcSnapshot &out)
{
    const char *p = text.data();
    const char *end = p + text.size();
    qint64 readBytes = -1;
    qint64 writeBytes = -1;
    while (p < end) {
        const char *lineEnd = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
        if (!lineEnd)
            lineEnd = end;
        // Line starts only: "cancelled_write_bytes" must not count as write_bytes.
        if (startsWith(p, lineEnd, "read_bytes:", 11))
            readBytes = valueAfterKey(p + 11, lineEnd);
        else if (startsWith(p, lineEnd, "write_bytes:", 12))
            writeBytes = valueAfterKey(p + 12, lineEnd);
        p = lineEnd + 1;
    }
    out.ioKnown = readBytes >= 0 && writeBytes >= 0;
    out.readBytes = out.ioKnown ? readBytes : 0;
    out.writeBytes = out.ioKnown ? writeBytes : 0;
}

void parseCmdline(QByteArrayView text, ProcSnapshot &out)
{
    out.argv.clear();
    qsizetype size = text.size();
    if (size > 0 && text.at(size - 1) == '\0')
        --size; // the terminator of the last argument, not an empty one after it
    if (size == 0) {
        out.argv.append(QString::fromLocal8Bit(out.comm));
        out.argvIsComm = true;
        return;
    }
    out.argvIsComm = false;
    const char *p = text.data();
    const char *end = p + size;
    for (;;) {
        const char *nul = static_cast<const char *>(std::memchr(p, '\0', size_t(end - p)));
        const char *stop = nul ? nul : end;
        out.argv.append(QString::fromLocal8Bit(p, stop - p));
        if (!nul)
            break;
        p = nul + 1;
    }
}

void appendChildren(QByteArrayView text, QList<qint64> &out)
{
    Cursor c{text.data(), text.data() + text.size()};
    qint64 pid = 0;
    while (c.number(&pid))
        out.append(pid);
}

bool read(qint64 pid, unsigned parts, ProcSnapshot &out, const QByteArray &procRoot)
{
    return read(pid, parts, out, procRoot, nullptr);
}

bool read(qint64 pid, unsigned parts, ProcSnapshot &out, const QByteArray &procRoot, ProcFileCache *cache)
{
    out.pid = pid;
    out.present = false;
    out.children.clear();
    // Parts not asked for read as unknown, not as the previous pid's values.
    out.hwmKnown = false;
    out.hwmKb = 0;
    out.ioKnown = false;
    out.readBytes = out.writeBytes = 0;
    if (!(parts & Cmdline)) {
        out.argv.clear();
        out.argvIsComm = false;
    }
    const char *root = procRoot.isEmpty() ? "/proc" : procRoot.constData();
    char path[512];
    const int prefix = std::snprintf(path, sizeof path, "%s/%lld/", root, static_cast<long long>(pid));
    if (prefix <= 0 || prefix >= int(sizeof path) - 64)
        return false;
    char *name = path + prefix;
    const auto text = [&](qsizetype length) { return QByteArrayView(fileBuffer().constData(), length); };

    // The two files read every tick come through the cache when there is one.
    const auto readKept = [&](ProcFileCache::File file) {
        return cache ? cache->read(path, pid, file, fileBuffer()) : readFile(path);
    };

    std::strcpy(name, "stat");
    qsizetype length = readKept(ProcFileCache::File::Stat);
    if (length <= 0 || !parseStat(text(length), out))
        return false;

    if (parts & Status) {
        std::strcpy(name, "status");
        length = readFile(path);
        if (length <= 0)
            return false;
        parseStatus(text(length), out);
    }

    if (parts & Io) {
        std::strcpy(name, "io");
        length = readFile(path);
        // EACCES (another user's process) or ENOENT (no I/O accounting in
        // this kernel) leaves io unknown, never 0. A process that vanished
        // meanwhile is caught by the next file.
        if (length >= 0)
            parseIo(text(length), out);
    }

    if (parts & Cmdline) {
        std::strcpy(name, "cmdline");
        length = readFile(path);
        if (length < 0)
            return false;
        parseCmdline(text(length), out);
    }

    if (parts & Children) {
        if (out.threads <= 1) {
            // The common case costs one file and no directory listing.
            std::snprintf(name, sizeof path - size_t(prefix), "task/%lld/children", static_cast<long long>(pid));
            length = readKept(ProcFileCache::File::Children);
            if (length > 0)
                appendChildren(text(length), out.children);
        } else {
            std::strcpy(name, "task");
            if (DIR *dir = ::opendir(path)) {
                while (const dirent *entry = ::readdir(dir)) {
                    if (entry->d_name[0] < '0' || entry->d_name[0] > '9')
                        continue;
                    std::snprintf(name, sizeof path - size_t(prefix), "task/%s/children", entry->d_name);
                    length = readFile(path);
                    if (length > 0)
                        appendChildren(text(length), out.children);
                }
                ::closedir(dir);
            }
            // A child moves between threads' files if its parent thread
            // exits mid-listing; count it once.
            std::sort(out.children.begin(), out.children.end());
            out.children.erase(std::unique(out.children.begin(), out.children.end()), out.children.end());
        }
    }

    out.present = true;
    return true;
}

ProcSnapshot read(qint64 pid, unsigned parts)
{
    ProcSnapshot snapshot;
    read(pid, parts, snapshot);
    return snapshot;
}

} // namespace ProcReader
