#include "preset.h"

#include <QJsonArray>
#include <QObject>
#include <QProcess>

#include <algorithm>
#include <cmath>

namespace {

// Reads an optional number field within [min, max]; false with a message otherwise.
bool readNumber(const QJsonObject &json, const char *key, const QString &where, double min, double max,
                double *out, QString *error)
{
    const QJsonValue value = json.value(QLatin1String(key));
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isDouble() || !std::isfinite(value.toDouble()) || value.toDouble() < min || value.toDouble() > max) {
        *error = QObject::tr("%1.%2 must be a number from %3 to %4").arg(where, QLatin1String(key)).arg(min).arg(max);
        return false;
    }
    *out = value.toDouble();
    return true;
}

bool readString(const QJsonObject &json, const char *key, const QString &where, QString *out, QString *error)
{
    const QJsonValue value = json.value(QLatin1String(key));
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isString()) {
        *error = QObject::tr("%1.%2 must be a string").arg(where, QLatin1String(key));
        return false;
    }
    *out = value.toString();
    return true;
}

} // namespace

bool Preset::runsShell() const
{
    return std::any_of(stages.cbegin(), stages.cend(), [](const StageSpec &s) { return s.runsShell(); });
}

QString Preset::commandLine() const
{
    QStringList parts;
    for (const StageSpec &stage : stages)
        parts << stage.commandLine();
    return parts.join(QStringLiteral(" | "));
}

QJsonObject Preset::toJson() const
{
    QJsonObject json;
    json.insert(QStringLiteral("id"), id);
    json.insert(QStringLiteral("title"), title);
    if (!description.isEmpty())
        json.insert(QStringLiteral("description"), description);
    json.insert(QStringLiteral("copies"), copies);
    QJsonArray stageArray;
    for (const StageSpec &stage : stages)
        stageArray.append(stage.toJson());
    json.insert(QStringLiteral("stages"), stageArray);
    const QJsonValue stdinJson = stdinSpec.toJson();
    if (!stdinJson.isUndefined())
        json.insert(QStringLiteral("stdin"), stdinJson);
    if (timeoutSec > 0)
        json.insert(QStringLiteral("timeoutSec"), timeoutSec);
    json.insert(QStringLiteral("graceSec"), graceSec);
    if (pollIntervalSec > 0)
        json.insert(QStringLiteral("pollIntervalSec"), pollIntervalSec);
    if (!python.isEmpty())
        json.insert(QStringLiteral("python"), python);
    if (maxProcesses > 0)
        json.insert(QStringLiteral("maxProcesses"), maxProcesses);
    return json;
}

bool Preset::fromJson(const QJsonObject &json, int index, Preset *out, QString *error)
{
    Preset preset;
    QString where = QStringLiteral("presets[%1]").arg(index);

    const QJsonValue id = json.value(QStringLiteral("id"));
    if (!id.isString() || id.toString().trimmed().isEmpty()) {
        *error = QObject::tr("%1.id is missing or not a string: every preset needs an id").arg(where);
        return false;
    }
    preset.id = id.toString().trimmed();
    where = QStringLiteral("preset \"%1\"").arg(preset.id);

    if (!readString(json, "title", where, &preset.title, error)
        || !readString(json, "description", where, &preset.description, error)
        || !readString(json, "python", where, &preset.python, error)) {
        return false;
    }
    if (preset.title.isEmpty())
        preset.title = preset.id;

    double copies = 1;
    if (!readNumber(json, "copies", where, 1, MaxCopies, &copies, error))
        return false;
    if (copies != std::floor(copies)) {
        *error = QObject::tr("%1.copies must be a whole number").arg(where);
        return false;
    }
    preset.copies = int(copies);

    if (!readNumber(json, "timeoutSec", where, 0, 7 * 24 * 3600, &preset.timeoutSec, error)
        || !readNumber(json, "graceSec", where, 0, 3600, &preset.graceSec, error)
        || !readNumber(json, "pollIntervalSec", where, 0, 3600, &preset.pollIntervalSec, error)) {
        return false;
    }
    double maxProcesses = 0;
    if (!readNumber(json, "maxProcesses", where, 0, 1000000, &maxProcesses, error))
        return false;
    if (maxProcesses != std::floor(maxProcesses)) {
        *error = QObject::tr("%1.maxProcesses must be a whole number").arg(where);
        return false;
    }
    preset.maxProcesses = int(maxProcesses);
    if (preset.pollIntervalSec > 0 && preset.pollIntervalSec < 0.01) {
        *error = QObject::tr("%1.pollIntervalSec must be 0 (no polling) or at least 0.01").arg(where);
        return false;
    }

    const QJsonValue stages = json.value(QStringLiteral("stages"));
    if (!stages.isArray() || stages.toArray().isEmpty()) {
        *error = QObject::tr("%1.stages must be a non-empty array of stages").arg(where);
        return false;
    }
    const QJsonArray stageArray = stages.toArray();
    if (stageArray.size() > MaxStages) {
        *error = QObject::tr("%1.stages has %2 stages; at most %3 are allowed").arg(where).arg(stageArray.size()).arg(MaxStages);
        return false;
    }
    for (qsizetype i = 0; i < stageArray.size(); ++i) {
        const QString stageWhere = QStringLiteral("%1.stages[%2]").arg(where).arg(i);
        if (!stageArray.at(i).isObject()) {
            *error = QObject::tr("%1 must be an object with a \"program\"").arg(stageWhere);
            return false;
        }
        StageSpec stage;
        if (!StageSpec::fromJson(stageArray.at(i).toObject(), stageWhere, &stage, error))
            return false;
        preset.stages << stage;
    }

    if (!StdinSpec::fromJson(json.value(QStringLiteral("stdin")), where + QStringLiteral(".stdin"), &preset.stdinSpec,
                             error)) {
        return false;
    }

    *out = preset;
    return true;
}

Preset Preset::fromCommand(const QString &command, bool viaShell, QString *error)
{
    Preset preset;
    const QString trimmed = command.trimmed();
    if (trimmed.isEmpty()) {
        *error = QObject::tr("The command is empty: type a program and its arguments, e.g. sleep 1");
        return preset;
    }
    StageSpec stage;
    if (viaShell) {
        stage.program = QStringLiteral("/bin/sh");
        stage.args = {QStringLiteral("-c"), trimmed};
    } else {
        const QStringList words = QProcess::splitCommand(trimmed);
        if (words.isEmpty()) {
            *error = QObject::tr("The command \"%1\" has no program after splitting it into words").arg(trimmed);
            return preset;
        }
        stage.program = words.first();
        stage.args = words.mid(1);
    }
    preset.id = QStringLiteral("command");
    preset.title = trimmed;
    preset.stages = {stage};
    return preset;
}
