// One environment override of a stage; secret ones are never displayed and
// their values are never written anywhere but the user's own presets file.
#pragma once

#include <QString>

// Whether a secret's value goes into a JSON form: only the presets file (and
// an export the user asked to carry secrets) keeps it; reports, sessions and
// every other file write the name with "secret": true and no value.
enum class SecretValues { Omit, Keep };

struct EnvVar
{
    QString name;
    QString value;
    bool secret = false;
    // A secret read from a file that did not carry its value (a session, a
    // report, an export without secrets): the job cannot run until the user
    // gives the value again.
    bool withheld = false;

    static QString mask() { return QStringLiteral("••••"); }
    QString displayValue() const { return secret ? mask() : value; }

    friend bool operator==(const EnvVar &a, const EnvVar &b)
    {
        return a.name == b.name && a.value == b.value && a.secret == b.secret && a.withheld == b.withheld;
    }
};
