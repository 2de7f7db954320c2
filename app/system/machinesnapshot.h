// Every process on the machine at one moment: what MachineScanner returns
// and what "spawnscope --headless --processes" writes. The JSON is the
// format another SpawnScope will one day read from this one over ssh, so it
// carries its name and version and nothing that only makes sense locally.
//
//   {"format":"spawnscope-processes","version":1,"takenAtEpochMs":..,
//    "intervalMs":..,"processes":[{"pid","ppid","uid","user","argv","exe",
//    "state","startedAtEpochMs","cpuUserMs","cpuSysMs","cpuPercent","rssKb",
//    "threads"}]}
#pragma once

#include <QCoreApplication>

#include "machineprocess.h"

#include <QJsonObject>
#include <QList>

struct MachineSnapshot
{
    Q_DECLARE_TR_FUNCTIONS(MachineSnapshot)
public:

    static constexpr char Format[] = "spawnscope-processes";
    static constexpr int Version = 1;

    qint64 takenAtEpochMs = 0;
    // The interval cpuPercent was measured over; 0 on a first scan.
    qint64 intervalMs = 0;
    QList<MachineProcess> processes; // ordered by pid

    QJsonObject toJson() const;
    // The reader of toJson(): false, with *error naming the field, for a
    // document that is not one (another format, a newer version, a wrong type).
    static bool fromJson(const QJsonObject &object, MachineSnapshot *out, QString *error);
    const MachineProcess *find(qint64 pid) const; // binary search
};
