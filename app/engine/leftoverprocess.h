// A process a job left behind: still alive when the job's own process had
// exited, in its process group or holding its output pipe (a background
// writer, a daemon). Found once, when the job ends, by reading /proc.
#pragma once

#include <QList>
#include <QStringList>

struct LeftoverProcess
{
    qint64 pid = 0;
    QStringList argv;
    // It still held the job's stdout or stderr when SpawnScope stopped reading
    // (the drain limit passed): its next write there gets SIGPIPE.
    bool heldOutput = false;

    // "1234 sleep 30"
    QString describe() const;

    // The live (non-zombie) processes of the user's that are in process group
    // pgid or hold one of the pipes (by inode), lowest pid first. Processes
    // that vanish meanwhile, and other users' (unreadable) fds, are skipped.
    static QList<LeftoverProcess> find(qint64 pgid, const QList<quint64> &pipeInodes);

    friend bool operator==(const LeftoverProcess &a, const LeftoverProcess &b)
    {
        return a.pid == b.pid && a.argv == b.argv && a.heldOutput == b.heldOutput;
    }
};
