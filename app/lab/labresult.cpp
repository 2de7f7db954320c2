#include "labresult.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

// Exact as a JSON integer up to 2^63 - 1; beyond that, a string keeps every digit.
QJsonValue exactNumber(quint64 value)
{
    if (value <= quint64(std::numeric_limits<qint64>::max()))
        return QJsonValue(qint64(value));
    return QJsonValue(QString::number(value));
}

double round3(double value)
{
    return std::round(value * 1000.0) / 1000.0;
}

} // namespace

QString LabResult::modeKey(Mode mode)
{
    switch (mode) {
    case Mode::Serial: return QStringLiteral("serial");
    case Mode::Threads: return QStringLiteral("threads");
    case Mode::Gil: return QStringLiteral("gil");
    case Mode::Processes: return QStringLiteral("processes");
    }
    return {};
}

QString LabResult::modeTitle(Mode mode)
{
    switch (mode) {
    case Mode::Serial: return QObject::tr("Serial");
    case Mode::Threads: return QObject::tr("Threads");
    case Mode::Gil: return QObject::tr("Threads + GIL");
    case Mode::Processes: return QObject::tr("Processes");
    }
    return {};
}

bool LabResult::modeFromKey(const QString &key, Mode *out)
{
    for (Mode mode : {Mode::Serial, Mode::Threads, Mode::Gil, Mode::Processes}) {
        if (modeKey(mode) == key) {
            *out = mode;
            return true;
        }
    }
    return false;
}

double LabResult::coresNeeded() const
{
    if (workload == Workload::BlockingIo)
        return 0;
    switch (mode) {
    case Mode::Serial:
    case Mode::Gil:
        return 1;
    case Mode::Threads:
    case Mode::Processes: {
        const int lanesCount = int(lanes.size());
        return std::max(1, machineLoad.cores > 0 ? std::min(lanesCount, machineLoad.cores) : lanesCount);
    }
    }
    return 1;
}

QString LabResult::busyWarning() const
{
    if (cancelled || !error.isEmpty())
        return {};
    return machineLoad.busyWarning(coresNeeded());
}

QString LabResult::busySummary(const QList<LabResult> &results)
{
    QStringList parts;
    int cores = 0;
    for (const LabResult &result : results) {
        if (result.busyWarning().isEmpty())
            continue;
        parts << QStringLiteral("%1 (%2)").arg(MachineLoad::formatCores(result.machineLoad.othersCores),
                                               modeTitle(result.mode));
        cores = result.machineLoad.cores;
    }
    if (parts.isEmpty())
        return {};
    return MachineLoad::tr("The machine was busy: %1 of %2 cores in use by others; run again")
        .arg(parts.join(QStringLiteral(", ")))
        .arg(cores);
}

QJsonObject LabResult::toJson() const
{
    QJsonObject json;
    json.insert(QStringLiteral("mode"), modeKey(mode));
    json.insert(QStringLiteral("wallMs"), round3(wallMs));
    json.insert(QStringLiteral("cpuMs"), round3(cpuMs));
    // Three significant digits, not two decimals: a mode far slower than
    // serial (×0.003 on a loaded machine) must not read as 0.
    json.insert(QStringLiteral("speedup"), speedup > 0 ? QJsonValue(QString::number(speedup, 'g', 3).toDouble()) : QJsonValue());
    if (cancelled)
        json.insert(QStringLiteral("cancelled"), true);
    if (!error.isEmpty())
        json.insert(QStringLiteral("error"), error);
    if (mode == Mode::Gil)
        json.insert(QStringLiteral("gilSwitches"), gilSwitches);
    json.insert(QStringLiteral("machineLoad"), machineLoad.toJson(coresNeeded()));
    if (workload == Workload::Cpu) {
        QJsonArray array;
        for (const NumberResult &result : results) {
            QJsonArray divisors;
            for (quint64 d : result.divisors)
                divisors.append(exactNumber(d));
            array.append(QJsonObject{{QStringLiteral("number"), exactNumber(result.number)},
                                     {QStringLiteral("divisors"), divisors}});
        }
        json.insert(QStringLiteral("results"), array);
    }
    return json;
}
