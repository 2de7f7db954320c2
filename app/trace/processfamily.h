// A watched program's whole process family, as a value: every process the
// tracer saw (the program and all its descendants), with when it was forked,
// each exec and its argv, how it ended, its CPU time and peak RSS, how many
// threads it had, and what its stdin, stdout and stderr were at its last exec,
// so that pipes can be matched writer to reader by inode.
//
// Built from TraceProtocol events (apply, or fromLines for a whole file), so
// it can grow while the tracer runs; converted to JSON for the run report.
// A build's family holds tens of thousands of processes, so each event costs
// O(1) amortized and each per-member question O(1) or O(the answer): members
// by pid, pipes by inode and each member's parent and depth are indexed as
// the events arrive, never found by scanning the members.
#pragma once

#include "traceprotocol.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>

class ProcessFamily
{
    Q_DECLARE_TR_FUNCTIONS(ProcessFamily)
public:
    // One of fds 0, 1, 2 as readlink(/proc/PID/fd/N) named it.
    struct StdFd
    {
        enum class Kind { Closed, Pipe, File, Tty, Null, Socket, Other };
        Kind kind = Kind::Closed;
        QString target;        // the link text: "pipe:[123]", "/dev/pts/3", a path
        quint64 pipeInode = 0; // for pipes: the inode both ends share

        static StdFd fromLink(const QString &link);
        static QString kindKey(Kind kind);
    };

    struct Exec
    {
        double ms = 0;
        QStringList argv;
        QString exe;
        bool setuid = false; // set-user-ID or set-group-ID: run without those privileges, traced
    };

    struct Member
    {
        qint64 pid = 0;
        qint64 ppid = 0;
        QString how;       // root, attach (running when the watch began), fork, vfork or clone
        double forkMs = 0; // since the tracer started the program
        QList<Exec> execs; // in order; empty for a fork that never exec'd
        bool exited = false;
        double exitMs = -1;
        int exitCode = -1; // when it exited
        int signal = 0;    // when a signal killed it
        double cpuUserMs = -1; // -1: not read (no exit stop seen)
        double cpuSysMs = -1;
        qint64 peakRssKb = -1;
        int threads = 1; // every thread it ever had, the main one included
        std::array<StdFd, 3> fds;
        // Where it sits in the tree, fixed when it arrives: its parent is the
        // latest member with its ppid listed before it (members are listed as
        // they were forked, so a pid reused within the run finds the right
        // parent, and no input, however hostile, makes a cycle). parent is an
        // index into members(), -1 for a root; depth is 0 for a root.
        qsizetype parent = -1;
        int depth = 0;
    };

    // One pipe seen in the family: who holds its write end as stdout or
    // stderr, and who holds its read end as stdin.
    struct PipeLink
    {
        quint64 inode = 0;
        QList<qint64> writers;
        QList<qint64> readers;
    };

    void apply(const TraceProtocol::Event &event);
    // Every line of a tracer's output; lines that do not parse are counted in
    // *badLines (if given) and skipped.
    static ProcessFamily fromLines(const QByteArray &text, int *badLines = nullptr);
    // Applies whole lines (a live reader passes what arrived so far, up to
    // its last '\n'); returns how many did not parse.
    int applyLines(const QByteArray &text);

    const QList<Member> &members() const { return m_members; }
    const Member *member(qint64 pid) const;
    // The program's name as it last exec'd, or its parent's for a fork that
    // did not exec (a shell's subshell is still "sh").
    QString name(qint64 pid) const;
    // Every pipe some member holds as fd 0, 1 or 2, in the order of their
    // first holder (by member, then fd), each side in member order. Built
    // from the index in time linear in its size: for reports and tests, not
    // for a question about one member (describeFd answers that).
    QList<PipeLink> pipes() const;
    // The members holding the pipe as stdin now, as indices into members()
    // in order: for a view that draws each member's pipe to its readers.
    QList<qsizetype> pipeReaders(quint64 inode) const { return m_pipes.value(inode).readers; }
    // For the table and the report: "pipe to 4312 (md5sum)", "pipe from
    // 4311 (echo)", "/dev/pts/3 (terminal)", "/dev/null", a path, "closed";
    // in the window's language (the report's structured fields are not).
    QString describeFd(qint64 pid, int fd) const;
    // The pipes whose other end is the app's own (the job's captured stdout
    // and stderr, by inode): describeFd() names SpawnScope there instead of
    // "other end elsewhere".
    void setCapturePipes(const QSet<quint64> &inodes) { m_capturePipes = inodes; }
    QSet<quint64> capturePipes() const { return m_capturePipes; }
    // A recorded family's lostEvents() and unstoredMembers(), as its report
    // said (fromJson() reads only the members).
    void setRecordedGaps(qint64 lostEvents, qint64 unstoredMembers)
    {
        m_lostEvents = lostEvents;
        m_unstoredMembers = unstoredMembers;
    }

    bool started() const { return m_started; } // a hello line was read
    bool ended() const { return m_ended; }     // every traced process is gone
    int version() const { return m_version; }
    QString refusal() const { return m_refusal; } // "ptrace refused: …", empty if it was not
    // Attached to a program already running (its first member came with
    // how "attach"), rather than started under the tracer.
    bool attached() const { return !m_members.isEmpty() && m_members.constFirst().how == QLatin1String("attach"); }
    // When an attached watch let go; -1 if it did not. Members with no exit
    // were still running then.
    double detachedMs() const { return m_detachedMs; }
    // Events the tracer could not pass on because the reader fell behind
    // (its buffer is bounded): the family is then incomplete, not exact.
    qint64 lostEvents() const { return m_lostEvents; }
    // At most this many members are kept (a family that forks forever must
    // not take the app's memory with it); the processes past it are only
    // counted (unstoredMembers()), and the family is then incomplete.
    static constexpr qsizetype DefaultMemberLimit = 100000;
    static constexpr qsizetype MaxMemberLimit = 10000000;
    void setMemberLimit(qsizetype limit) { m_memberLimit = qBound<qsizetype>(1, limit, MaxMemberLimit); }
    qsizetype memberLimit() const { return m_memberLimit; }
    qint64 unstoredMembers() const { return m_unstoredMembers; }
    // The tracer's own CPU time, from its end event; -1 until then. It is
    // not the program's: the job leaves it out and shows it apart.
    double tracerUserMs() const { return m_tracerUserMs; }
    double tracerSysMs() const { return m_tracerSysMs; }
    // The sum of every member's own CPU time (each from the kernel at its
    // reap); true only when every member ended with it and none is missing.
    bool membersCpu(double *userMs, double *sysMs) const;
    // The largest peak resident set of any one member (what ru_maxrss means
    // for a tree), -1 unless every member's was read at its exit.
    qint64 largestPeakKb() const;

    // One object per member, in the order they were forked.
    QJsonArray toJson() const;
    // The family toJson() wrote, ended (a recorded run's): what does not
    // parse is left at its default, so a hand-edited file cannot crash it.
    static ProcessFamily fromJson(const QJsonArray &array, const QString &refusal);

private:
    // The members holding one pipe, as indices into m_members, ascending.
    struct PipeEnds
    {
        QList<qsizetype> writers; // as fd 1 or 2
        QList<qsizetype> readers; // as fd 0
    };

    Member *find(qint64 pid);
    void append(const Member &member);
    void setFds(qsizetype index, const std::array<StdFd, 3> &fds);
    void indexPipes(qsizetype index, bool add);

    QList<Member> m_members;
    QHash<qint64, qsizetype> m_latestByPid; // pid -> the latest member with it
    QHash<quint64, PipeEnds> m_pipes;       // inode -> who holds it now
    bool m_started = false;
    bool m_ended = false;
    int m_version = 0;
    QString m_refusal;
    double m_detachedMs = -1;
    qint64 m_lostEvents = 0;
    qsizetype m_memberLimit = DefaultMemberLimit;
    qint64 m_unstoredMembers = 0;
    double m_tracerUserMs = -1;
    double m_tracerSysMs = -1;
    QSet<quint64> m_capturePipes;
};
