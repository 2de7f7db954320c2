#include "stagespec.h"
#include "shellwords.h"

#include <QFileInfo>
#include <QJsonArray>

QString StageSpec::commandLine() const
{
    return ShellWords::join(QStringList{program} + args);
}

bool StageSpec::runsShell() const
{
    static const QStringList shells = {QStringLiteral("sh"), QStringLiteral("bash"), QStringLiteral("dash"),
                                       QStringLiteral("zsh"), QStringLiteral("ksh")};
    return shells.contains(QFileInfo(program).fileName()) && args.contains(QStringLiteral("-c"));
}

QJsonObject StageSpec::toJson(SecretValues secrets) const
{
    QJsonObject json;
    json.insert(QStringLiteral("program"), program);
    json.insert(QStringLiteral("args"), QJsonArray::fromStringList(args));
    if (!env.isEmpty()) {
        QJsonObject envJson;
        for (const EnvVar &var : env) {
            QJsonObject entry;
            // A secret's value stays out unless asked for; one never known
            // (withheld) has nothing to write.
            if (!var.secret || (secrets == SecretValues::Keep && !var.withheld))
                entry.insert(QStringLiteral("value"), var.value);
            if (var.secret)
                entry.insert(QStringLiteral("secret"), true);
            envJson.insert(var.name, entry);
        }
        json.insert(QStringLiteral("env"), envJson);
    }
    if (!cwd.isEmpty())
        json.insert(QStringLiteral("cwd"), cwd);
    return json;
}

bool StageSpec::fromJson(const QJsonObject &json, const QString &where, StageSpec *out, QString *error)
{
    StageSpec stage;
    const QJsonValue program = json.value(QStringLiteral("program"));
    if (program.isUndefined() || program.isNull()) {
        *error = QObject::tr("%1.program is missing: every stage needs a program to run").arg(where);
        return false;
    }
    if (!program.isString()) {
        *error = QObject::tr("%1.program must be a string").arg(where);
        return false;
    }
    stage.program = program.toString().trimmed();
    if (stage.program.isEmpty()) {
        *error = QObject::tr("%1.program is empty: every stage needs a program to run").arg(where);
        return false;
    }

    const QJsonValue args = json.value(QStringLiteral("args"));
    if (!args.isUndefined() && !args.isNull()) {
        if (!args.isArray()) {
            *error = QObject::tr("%1.args must be an array of strings").arg(where);
            return false;
        }
        const QJsonArray array = args.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array.at(i).isString()) {
                *error = QObject::tr("%1.args[%2] must be a string").arg(where).arg(i);
                return false;
            }
            stage.args << array.at(i).toString();
        }
    }

    const QJsonValue env = json.value(QStringLiteral("env"));
    if (!env.isUndefined() && !env.isNull()) {
        if (!env.isObject()) {
            *error = QObject::tr("%1.env must be an object of NAME: {\"value\": ..., \"secret\": ...}").arg(where);
            return false;
        }
        const QJsonObject envObject = env.toObject();
        for (auto it = envObject.begin(); it != envObject.end(); ++it) {
            const QString field = QStringLiteral("%1.env.%2").arg(where, it.key());
            if (it.key().isEmpty() || it.key().contains(QLatin1Char('='))) {
                *error = QObject::tr("%1: an environment variable name must be non-empty and contain no '='").arg(field);
                return false;
            }
            EnvVar var;
            var.name = it.key();
            if (it.value().isString()) {
                var.value = it.value().toString();
            } else if (it.value().isObject()) {
                const QJsonObject entry = it.value().toObject();
                const QJsonValue secret = entry.value(QStringLiteral("secret"));
                if (!secret.isUndefined() && !secret.isBool()) {
                    *error = QObject::tr("%1.secret must be true or false").arg(field);
                    return false;
                }
                var.secret = secret.toBool(false);
                const QJsonValue value = entry.value(QStringLiteral("value"));
                if (var.secret && value.isUndefined()) {
                    // Written without its value (a report, a session, an
                    // export without secrets): asked for before it runs.
                    var.withheld = true;
                } else if (!value.isString()) {
                    *error = var.secret ? QObject::tr("%1.value must be a string, or absent for a secret whose value "
                                                      "was not saved").arg(field)
                                        : QObject::tr("%1.value must be a string").arg(field);
                    return false;
                } else {
                    var.value = value.toString();
                }
            } else {
                *error = QObject::tr("%1 must be a string or an object with \"value\"").arg(field);
                return false;
            }
            stage.env << var;
        }
    }

    const QJsonValue cwd = json.value(QStringLiteral("cwd"));
    if (!cwd.isUndefined() && !cwd.isNull()) {
        if (!cwd.isString()) {
            *error = QObject::tr("%1.cwd must be a string").arg(where);
            return false;
        }
        stage.cwd = cwd.toString();
    }

    *out = stage;
    return true;
}

QStringList StageSpec::withheldSecrets() const
{
    QStringList names;
    for (const EnvVar &var : env) {
        if (var.withheld)
            names << var.name;
    }
    return names;
}
