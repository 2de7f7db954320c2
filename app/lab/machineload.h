// How much of the machine other programs used while one lab mode ran, and
// whether that left the mode the cores its lesson needs. A value: BusyMeter
// measures it, LabResult carries it into the chart, the panel and reports.
//
// A speed-up is only a lesson when the mode had the machine: on a 2-core
// machine where a build takes one core, Threads can come out slower than
// Threads + GIL, and the result says so instead of teaching the opposite.
#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

class MachineLoad
{
    Q_DECLARE_TR_FUNCTIONS(MachineLoad)
public:
    // Others may take this share of the cores a mode needs and the result
    // still reads right: a Serial run at four fifths of a core makes every
    // speed-up a quarter too high, Threads + GIL ×1.25 at worst. More than
    // that (issue 23's ×1.23 GIL against ×0.96 Threads) teaches the opposite.
    static constexpr double SlackShare = 0.2;

    bool known = false; // false when /proc/stat could not be read or the run was too short to tell
    int cores = 0; // CPUs the kernel counts in /proc/stat
    double othersCores = 0; // cores' worth of CPU time used by everything but SpawnScope, on average over the run

    double freeCores() const { return cores - othersCores; }

    // The decision: true when others left the mode at least coresNeeded less
    // the slack share, and when nothing is known (no warning without a
    // measurement).
    bool leavesEnough(double coresNeeded) const;
    // "the machine was busy: 1.2 of 2 cores in use by others ..."; empty when
    // leavesEnough(coresNeeded).
    QString busyWarning(double coresNeeded) const;

    // "1.4": cores' worth of CPU time, as every warning writes it.
    static QString formatCores(double cores);

    // {"cores","coresNeeded","coresUsedByOthers" (null when unknown),"busy"}
    QJsonObject toJson(double coresNeeded) const;
};
