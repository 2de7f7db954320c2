// Reads every process on the machine from /proc into a MachineSnapshot, as
// htop and GNOME System Monitor do, and keeps the previous scan so that
// cpuPercent is measured over the interval between two scans. A process is
// known by its pid and start time: a pid reused between scans is a new
// process, with no CPU % yet. A process that vanishes between reading its
// directory and its files is dropped without a word.
//
// Built to be cheap at a 1 s interval with 1,000 processes: stat every scan,
// status (uid, rss) every scan, cmdline and exe only for a process not seen
// before, user names cached.
#pragma once

#include "machinesnapshot.h"
#include "procsnapshot.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>

class MachineScanner
{
public:
    // procRoot: a directory laid out like /proc (tests build fake ones);
    // empty means "/proc".
    explicit MachineScanner(const QByteArray &procRoot = QByteArray());

    MachineSnapshot scan();

    // The boot time /proc/stat's btime names, in ms since the epoch; 0 when
    // it cannot be read (then startedAtEpochMs is 0 too).
    qint64 bootTimeEpochMs();

private:
    // What a scan keeps of a process for the next: the row, and the raw comm
    // that tells an exec (same pid and start, new program) from no change.
    struct Known
    {
        MachineProcess process;
        QByteArray comm;
        QString identityReason; // why exe could not be read, kept with it
    };
    bool readProcess(int rootFd, qint64 pid, qint64 intervalMs, Known &out);
    bool readIdentity(int rootFd, Known &out);
    bool readIo(int rootFd, MachineProcess &out, QString *reason);
    QString userName(qint64 uid);

    QByteArray m_procRoot;
    QHash<qint64, Known> m_previous; // by pid
    QElapsedTimer m_clock;
    qint64 m_previousMs = -1;
    qint64 m_bootTimeEpochMs = -1;
    QHash<qint64, QString> m_userNames;
    QByteArray m_buffer; // reused for every file
    ProcSnapshot m_stat; // reused for every process
    ProcSnapshot m_argv;
};
