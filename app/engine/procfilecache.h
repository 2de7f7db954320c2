// /proc files kept open to be read again: a sampler reads the same stat and
// children files of the same processes every tick, and pread() on a kept
// descriptor costs half of opening the file anew (4.5 µs against 8.7 µs for
// a stat file on the development VM), since the path walk, the dentry and the
// open and close are gone.
//
// A kept descriptor stays bound to the process it was opened for: once that
// process is reaped, reading it fails (even if its pid was reused), the entry
// is closed and dropped, and the next read opens the path again.
//
// At most capacity() descriptors are kept, 2,048 by default (1,024
// processes); past that, files are read the usual way. The price: every
// descriptor the app holds is copied into each child it starts and closed
// again at its exec, so with 2,000 kept (1,000 processes followed) starting
// 1,000 more children took about 14 % longer (median of seven pairs, 1,166 ms
// against 1,025 ms), while following those 1,000 cost 3.0-3.3 % of a core
// instead of 4.9-5.6 %. One thread only.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QtGlobal>

class ProcFileCache
{
public:
    enum class File : quint8 { Stat, Children };

    // The most files kept: 2,048, or an eighth of the open-files limit if less.
    static int defaultCapacity();
    explicit ProcFileCache(int capacity = defaultCapacity());
    ~ProcFileCache();
    ProcFileCache(const ProcFileCache &) = delete;
    ProcFileCache &operator=(const ProcFileCache &) = delete;

    // Reads pid's file (at path, opened there the first time) from its start
    // into buffer, growing it as needed. Returns the length, or -1 with errno
    // set when the file cannot be opened or read (the process is gone).
    qsizetype read(const char *path, qint64 pid, File file, QByteArray &buffer);
    // Reads fd to its end into buffer (grown as needed): from offset 0 with
    // pread when fromStart (a kept /proc file is regenerated from its
    // start), else from where it is. The length, or -1 with errno set.
    static qsizetype readWhole(int fd, QByteArray &buffer, bool fromStart);
    // Closes what is kept for pid: the sampler no longer follows it.
    void forget(qint64 pid);
    void clear();

    int size() const { return int(m_fds.size()); }
    int capacity() const { return m_capacity; }

private:
    static quint64 key(qint64 pid, File file) { return (quint64(pid) << 1) | quint64(file); }

    QHash<quint64, int> m_fds;
    int m_capacity;
};
