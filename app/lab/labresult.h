// What one mode of the threads-vs-processes lab measured: a value that
// crosses from the worker threads to the GUI and into reports.
#pragma once

#include "machineload.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QStringList>

class LabResult
{
    Q_GADGET
public:
    enum class Mode { Serial, Threads, Gil, Processes };
    Q_ENUM(Mode)
    enum class Workload { Cpu, BlockingIo };
    Q_ENUM(Workload)

    struct NumberResult
    {
        quint64 number = 0;
        QList<quint64> divisors;
    };

    // One stretch of time a worker (lane) spent running; for GIL mode, one
    // turn holding the lock.
    struct Span
    {
        int lane = 0;
        double startMs = 0;
        double endMs = 0;
    };

    Mode mode = Mode::Serial;
    Workload workload = Workload::Cpu;
    double wallMs = 0;
    double cpuMs = 0;
    double speedup = 0; // against serial in the same session; 0 when unknown
    QList<NumberResult> results;
    QStringList lanes;
    QList<Span> spans;
    int gilSwitches = 0;
    int maxInsideLock = 0;
    bool cancelled = false;
    QString error;
    MachineLoad machineLoad; // what others used of the machine while this mode ran

    // Cores this mode can keep busy, which others must leave it for the
    // result to teach the lesson: one for Serial and Threads + GIL, one per
    // number up to the machine's cores for Threads and Processes, none for
    // blocking I/O (it waits, it does not compute).
    double coresNeeded() const;
    // Why this result is not to be trusted, beside the result; empty when it
    // is (or when it was cancelled or failed, which say so already).
    QString busyWarning() const;
    // One line for several results: "The machine was busy: 1.4 (Serial),
    // 1.1 (Threads) of 2 cores in use by others; run again"; empty when none
    // has a busyWarning().
    static QString busySummary(const QList<LabResult> &results);

    static QString modeKey(Mode mode);
    static QString modeTitle(Mode mode);
    static bool modeFromKey(const QString &key, Mode *out);

    // {"mode","wallMs","cpuMs","speedup","machineLoad":{...},"results":[{"number","divisors"}]}
    QJsonObject toJson() const;
};

Q_DECLARE_METATYPE(LabResult)
