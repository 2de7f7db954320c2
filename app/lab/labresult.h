// What one mode of the threads-vs-processes lab measured: a value that
// crosses from the worker threads to the GUI and into reports.
#pragma once

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

    static QString modeKey(Mode mode);
    static QString modeTitle(Mode mode);
    static bool modeFromKey(const QString &key, Mode *out);

    // {"mode","wallMs","cpuMs","speedup","results":[{"number","divisors"}]}
    QJsonObject toJson() const;
};

Q_DECLARE_METATYPE(LabResult)
