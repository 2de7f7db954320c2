// One environment override of a stage; secret ones are never displayed.
#pragma once

#include <QString>

struct EnvVar
{
    QString name;
    QString value;
    bool secret = false;

    static QString mask() { return QStringLiteral("••••"); }
    QString displayValue() const { return secret ? mask() : value; }

    friend bool operator==(const EnvVar &a, const EnvVar &b)
    {
        return a.name == b.name && a.value == b.value && a.secret == b.secret;
    }
};
