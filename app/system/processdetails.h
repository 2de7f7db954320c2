// Everything the Machine panel shows about one selected process, read on
// demand (never on every scan): its identity, parents, environment, limits,
// cgroup, namespaces, memory, threads and open descriptors, each pipe with
// the process at its other end and each socket with its addresses. A part
// the kernel withheld carries a plain reason in its *Problem field instead
// of an empty list ("refused: owned by root", "the process has ended", "no
// such file on this kernel"); an empty Problem means the part was read.
//
// Built to finish in well under 100 ms with 1,000 processes: the pipe peers
// come from one pass over the other processes' fd links, indexed by inode,
// and the socket tables are read once per call.
#pragma once

#include <QCoreApplication>

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QtGlobal>

struct ProcessDetails
{
    Q_DECLARE_TR_FUNCTIONS(ProcessDetails)
public:

    struct Ancestor
    {
        qint64 pid = 0;
        QString name; // comm
    };
    struct Limit
    {
        QString name; // "Max open files"
        QString soft; // "1024", "unlimited"
        QString hard;
        QString unit; // "files", "bytes", "" when none
    };
    struct Namespace
    {
        QString type; // "pid", "net", ...
        QString target; // "pid:[4026531836]"
    };
    struct Thread
    {
        qint64 tid = 0;
        QString name;
        char state = '?';
        qint64 cpuMs = 0;
        double cpuPercent = -1; // since the previous read; -1 without one
    };
    // One end of a pipe held by another process (or this one, another fd).
    struct PipeEnd
    {
        qint64 pid = 0;
        QString name; // comm
        int fd = -1;
        enum class Access { Unknown, Read, Write, ReadWrite } access = Access::Unknown;
    };
    struct Descriptor
    {
        enum class Kind { File, Pipe, Socket, Terminal, Other };
        int fd = -1;
        Kind kind = Kind::Other;
        QString target; // the raw link: "/etc/passwd", "pipe:[123]", "socket:[456]"
        PipeEnd::Access access = PipeEnd::Access::Unknown; // from fdinfo's flags
        quint64 inode = 0; // pipes and sockets
        QString path; // File, Terminal
        // Pipe: the other holders, shown "→ 1234 md5sum (fd 0)".
        QList<PipeEnd> peers;
        // Socket: "tcp", "tcp6", "udp", "udp6", "unix"; empty when in none of
        // the tables (netlink, another network namespace).
        QString protocol;
        QString localAddress; // "127.0.0.1:8080", a unix path or "@abstract"
        QString peerAddress; // empty for a listening socket
        QString socketState; // "LISTEN", "ESTABLISHED", ...
        // One line for the panel: the path, the pipe's peers, the addresses.
        QString description() const;
    };

    qint64 pid = 0;
    // False when the process does not exist (any more); then problem says so
    // and nothing else is set.
    bool present = false;
    QString problem;
    qint64 readAtMs = 0; // a monotonic clock, for the next read's thread CPU %

    QString comm;
    char state = '?';
    qint64 ppid = 0;
    qint64 uid = -1;
    QString user;
    qint64 startTicks = 0;
    qint64 startedAtEpochMs = 0;

    QStringList argv; // empty for a kernel thread
    QString exe;
    QString exeProblem;
    QString cwd;
    QString cwdProblem;

    QList<Ancestor> parents; // the parent first, up to and including pid 1

    QStringList environment; // "NAME=value", as the process started
    QString environmentProblem;

    QList<Limit> limits;
    QString limitsProblem;

    QStringList cgroups; // the lines of /proc/PID/cgroup: "0::/user.slice/..."
    QString cgroupProblem;

    QList<Namespace> namespaces;
    QString namespacesProblem;

    qint64 rssKb = -1;
    qint64 pssKb = -1; // from smaps_rollup
    QString pssProblem;
    qint64 swapKb = -1; // VmSwap

    QList<Thread> threads;
    QString threadsProblem;

    QList<Descriptor> descriptors;
    QString descriptorsProblem;

    // Reads pid's details. With previous (the same process read before),
    // threads get a CPU %. procRoot: a directory laid out like /proc
    // (tests); empty means "/proc".
    static ProcessDetails read(qint64 pid, const ProcessDetails *previous = nullptr,
                               const QByteArray &procRoot = QByteArray());

    static QString kindToString(Descriptor::Kind kind);
};
