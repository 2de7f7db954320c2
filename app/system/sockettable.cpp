#include "sockettable.h"

#include "procfiles.h"

#include <QList>

#include <arpa/inet.h>
#include <cstring>

namespace {

// The first atMost fields of a line split on spaces, and in *rest what
// follows them (the unix table's path, which may hold spaces).
QList<QByteArrayView> fields(QByteArrayView line, int atMost, QByteArrayView *rest = nullptr)
{
    QList<QByteArrayView> out;
    qsizetype i = 0;
    const auto skipSpaces = [&] {
        while (i < line.size() && (line.at(i) == ' ' || line.at(i) == '\t'))
            ++i;
    };
    while (out.size() < atMost) {
        skipSpaces();
        const qsizetype start = i;
        while (i < line.size() && line.at(i) != ' ' && line.at(i) != '\t')
            ++i;
        if (i == start)
            break;
        out.append(line.sliced(start, i - start));
    }
    skipSpaces();
    if (rest)
        *rest = line.sliced(i);
    return out;
}

bool hex(QByteArrayView text, quint64 *value)
{
    if (text.isEmpty() || text.size() > 16)
        return false;
    quint64 v = 0;
    for (char c : text) {
        const int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (digit < 0)
            return false;
        v = v << 4 | quint64(digit);
    }
    *value = v;
    return true;
}

// "0100007F:1F90" (the kernel prints each 32-bit word of the address in host
// order) to "127.0.0.1:8080"; "[::1]:22" for IPv6.
bool address(QByteArrayView text, bool ipv6, QString *out)
{
    const qsizetype colon = text.indexOf(':');
    quint64 port = 0;
    if (colon != (ipv6 ? 32 : 8) || !hex(text.sliced(colon + 1), &port) || port > 65535)
        return false;
    unsigned char bytes[16];
    for (int word = 0; word < (ipv6 ? 4 : 1); ++word) {
        quint64 value = 0;
        if (!hex(text.sliced(word * 8, 8), &value))
            return false;
        const quint32 hostOrder = quint32(value);
        std::memcpy(bytes + word * 4, &hostOrder, 4);
    }
    char printed[INET6_ADDRSTRLEN];
    if (!::inet_ntop(ipv6 ? AF_INET6 : AF_INET, bytes, printed, sizeof printed))
        return false;
    const QString host = QString::fromLatin1(printed);
    *out = (ipv6 ? QLatin1Char('[') + host + QLatin1Char(']') : host) + QLatin1Char(':') + QString::number(port);
    return true;
}

QString tcpState(quint64 code)
{
    static const char *const names[] = {"",          "ESTABLISHED", "SYN_SENT", "SYN_RECV",   "FIN_WAIT1", "FIN_WAIT2",
                                        "TIME_WAIT", "CLOSE",       "CLOSE_WAIT", "LAST_ACK", "LISTEN",    "CLOSING"};
    return code < sizeof names / sizeof *names ? QLatin1String(names[code]) : QString();
}

} // namespace

bool SocketTable::parseInetLine(QByteArrayView line, bool ipv6, Entry *entry, quint64 *inode)
{
    // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
    const QList<QByteArrayView> f = fields(line, 10);
    quint64 state = 0;
    if (f.size() < 10 || !f[0].endsWith(':') || !hex(f[3], &state))
        return false;
    bool ok = false;
    const qulonglong number = f[9].toULongLong(&ok);
    if (!ok || !address(f[1], ipv6, &entry->localAddress) || !address(f[2], ipv6, &entry->peerAddress))
        return false;
    // A zero peer ("0.0.0.0:0") is no peer: a listening or unconnected socket.
    if (entry->peerAddress.endsWith(QLatin1String(":0")))
        entry->peerAddress.clear();
    entry->state = tcpState(state);
    *inode = number;
    return true;
}

bool SocketTable::parseUnixLine(QByteArrayView line, Entry *entry, quint64 *inode)
{
    // Num RefCount Protocol Flags Type St Inode [Path]
    QByteArrayView path;
    const QList<QByteArrayView> f = fields(line, 7, &path);
    if (f.size() < 7 || !f[0].endsWith(':'))
        return false;
    bool ok = false;
    *inode = f[6].toULongLong(&ok);
    if (!ok)
        return false;
    entry->protocol = QStringLiteral("unix");
    entry->localAddress = QString::fromLocal8Bit(path.toByteArray()).trimmed();
    entry->peerAddress.clear();
    entry->state.clear();
    return true;
}

SocketTable SocketTable::read(const QByteArray &procRoot, qint64 pid)
{
    SocketTable table;
    QByteArray buffer;
    const QByteArray base = ProcFiles::root(procRoot) + '/' + QByteArray::number(pid) + "/net/";
    static const struct { const char *file; bool ipv6; bool local; } tables[] = {
        {"tcp", false, false}, {"tcp6", true, false}, {"udp", false, false}, {"udp6", true, false}, {"unix", false, true}};
    for (const auto &t : tables) {
        const qsizetype length = ProcFiles::read((base + t.file).constData(), buffer);
        if (length <= 0)
            continue;
        const QByteArrayView text(buffer.constData(), length);
        qsizetype from = text.indexOf('\n') + 1; // past the header
        while (from > 0 && from < text.size()) {
            qsizetype end = text.indexOf('\n', from);
            if (end < 0)
                end = text.size();
            Entry entry;
            quint64 inode = 0;
            const QByteArrayView line = text.sliced(from, end - from);
            const bool ok = t.local ? parseUnixLine(line, &entry, &inode) : parseInetLine(line, t.ipv6, &entry, &inode);
            if (ok && inode != 0) {
                if (!t.local)
                    entry.protocol = QLatin1String(t.file);
                table.m_entries.insert(inode, entry);
            }
            from = end + 1;
        }
    }
    return table;
}

const SocketTable::Entry *SocketTable::find(quint64 inode) const
{
    const auto it = m_entries.constFind(inode);
    return it == m_entries.cend() ? nullptr : &it.value();
}
