// One process of a preset: what to exec, with which arguments, where, and with
// which environment overrides.
#pragma once

#include "envvar.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

struct StageSpec
{
    QString program;
    QStringList args;
    QList<EnvVar> env;
    QString cwd;

    // program followed by args, each quoted (ShellWords::quote) so that a
    // POSIX shell and the command field read it back as the same words.
    QString commandLine() const;
    // True for "/bin/sh -c ..." and friends: the row must say a shell is involved.
    bool runsShell() const;

    // Secret values are left out unless secrets is Keep (the presets file).
    QJsonObject toJson(SecretValues secrets = SecretValues::Omit) const;
    // Names of the secrets whose values this stage does not have (withheld).
    QStringList withheldSecrets() const;
    // Fills *out from json; on failure returns false and sets *error to a
    // message naming the field ("stages[1].args must be an array of strings").
    static bool fromJson(const QJsonObject &json, const QString &where, StageSpec *out, QString *error);

    friend bool operator==(const StageSpec &a, const StageSpec &b)
    {
        return a.program == b.program && a.args == b.args && a.env == b.env && a.cwd == b.cwd;
    }
};
