// The sockets of one network namespace by inode, from /proc/PID/net/{tcp,
// tcp6,udp,udp6,unix} (the namespace of that process, not the reader's), so
// that a descriptor "socket:[456]" can show its addresses. Read once per
// ProcessDetails::read and only when the process has a socket.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

class SocketTable
{
public:
    struct Entry
    {
        QString protocol; // "tcp", "tcp6", "udp", "udp6", "unix"
        QString localAddress; // "127.0.0.1:8080", "[::1]:22", "/run/x.sock", "@abstract"
        QString peerAddress; // empty when not connected
        QString state; // "LISTEN", "ESTABLISHED", ...; empty for udp and unix
    };

    // Reads the tables seen by pid under procRoot ("/proc" when empty).
    static SocketTable read(const QByteArray &procRoot, qint64 pid);

    const Entry *find(quint64 inode) const;
    qsizetype size() const { return m_entries.size(); }

    // One line of a tcp or udp table, parsed into *entry and *inode; false
    // for a header or a malformed line. ipv6 for the *6 tables.
    static bool parseInetLine(QByteArrayView line, bool ipv6, Entry *entry, quint64 *inode);
    static bool parseUnixLine(QByteArrayView line, Entry *entry, quint64 *inode);

private:
    QHash<quint64, Entry> m_entries;
};
