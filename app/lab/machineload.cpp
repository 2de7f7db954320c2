#include "machineload.h"

#include <cmath>

bool MachineLoad::leavesEnough(double coresNeeded) const
{
    if (!known)
        return true;
    return freeCores() >= coresNeeded * (1 - SlackShare);
}

QString MachineLoad::busyWarning(double coresNeeded) const
{
    if (leavesEnough(coresNeeded))
        return {};
    return tr("the machine was busy: %1 of %2 cores in use by others while this mode needs %3; run again")
        .arg(formatCores(othersCores))
        .arg(cores)
        .arg(coresNeeded, 0, 'g', 3);
}

QString MachineLoad::formatCores(double cores)
{
    return QString::number(cores, 'f', 1);
}

QJsonObject MachineLoad::toJson(double coresNeeded) const
{
    QJsonObject json;
    json.insert(QStringLiteral("cores"), cores);
    json.insert(QStringLiteral("coresNeeded"), coresNeeded);
    json.insert(QStringLiteral("coresUsedByOthers"),
                known ? QJsonValue(std::round(othersCores * 100.0) / 100.0) : QJsonValue());
    json.insert(QStringLiteral("busy"), !leavesEnough(coresNeeded));
    return json;
}
