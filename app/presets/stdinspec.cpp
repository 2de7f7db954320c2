#include "stdinspec.h"

#include <QJsonObject>
#include <QObject>
#include <QRandomGenerator>

#include <algorithm>

QByteArray StdinSpec::materialize() const
{
    switch (kind) {
    case Kind::None:
    case Kind::Interactive:
        return {};
    case Kind::Text:
    case Kind::Hex:
        return data;
    case Kind::RandomBytes: {
        QByteArray bytes(randomCount, Qt::Uninitialized);
        QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
        return bytes;
    }
    }
    return {};
}

QString StdinSpec::describe() const
{
    switch (kind) {
    case Kind::None:
        return QObject::tr("nothing (EOF at once)");
    case Kind::Text:
        return QObject::tr("text, %1 bytes, then EOF").arg(data.size());
    case Kind::Hex:
        return QObject::tr("%1 bytes given in hex, then EOF").arg(data.size());
    case Kind::RandomBytes:
        return QObject::tr("%1 random bytes, then EOF").arg(randomCount);
    case Kind::Interactive:
        return QObject::tr("kept open for typed input until closed (Ctrl+D)");
    }
    return {};
}

QJsonValue StdinSpec::toJson() const
{
    switch (kind) {
    case Kind::None:
        return QJsonValue::Undefined;
    case Kind::Text:
        return QJsonObject{{QStringLiteral("text"), QString::fromUtf8(data)}};
    case Kind::Hex:
        return QJsonObject{{QStringLiteral("hex"), QString::fromLatin1(data.toHex())}};
    case Kind::RandomBytes:
        return QJsonObject{{QStringLiteral("randomBytes"), randomCount}};
    case Kind::Interactive:
        return QJsonObject{{QStringLiteral("interactive"), true}};
    }
    return QJsonValue::Undefined;
}

bool StdinSpec::fromJson(const QJsonValue &json, const QString &where, StdinSpec *out, QString *error)
{
    StdinSpec spec;
    if (json.isUndefined() || json.isNull()) {
        *out = spec;
        return true;
    }
    if (!json.isObject()) {
        *error = QObject::tr("%1 must be an object: {\"text\": ...}, {\"hex\": ...}, {\"randomBytes\": N} or "
                             "{\"interactive\": true}").arg(where);
        return false;
    }
    const QJsonObject object = json.toObject();
    const int kinds = int(object.contains(QStringLiteral("text"))) + int(object.contains(QStringLiteral("hex")))
                      + int(object.contains(QStringLiteral("randomBytes")))
                      + int(object.contains(QStringLiteral("interactive")));
    if (kinds != 1) {
        *error = QObject::tr("%1 must have exactly one of \"text\", \"hex\", \"randomBytes\" or \"interactive\"")
                     .arg(where);
        return false;
    }
    if (object.contains(QStringLiteral("interactive"))) {
        const QJsonValue interactive = object.value(QStringLiteral("interactive"));
        if (!interactive.isBool()) {
            *error = QObject::tr("%1.interactive must be true or false").arg(where);
            return false;
        }
        // {"interactive": false} says what no "stdin" says: EOF at once.
        spec.kind = interactive.toBool() ? Kind::Interactive : Kind::None;
    } else if (object.contains(QStringLiteral("text"))) {
        const QJsonValue text = object.value(QStringLiteral("text"));
        if (!text.isString()) {
            *error = QObject::tr("%1.text must be a string").arg(where);
            return false;
        }
        spec.kind = Kind::Text;
        spec.data = text.toString().toUtf8();
    } else if (object.contains(QStringLiteral("hex"))) {
        const QJsonValue hex = object.value(QStringLiteral("hex"));
        const QString digits = hex.toString().remove(QLatin1Char(' '));
        static const auto isHexDigit = [](QChar c) {
            return (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))
                   || (c >= QLatin1Char('A') && c <= QLatin1Char('F'));
        };
        if (!hex.isString() || digits.size() % 2 != 0 || !std::all_of(digits.begin(), digits.end(), isHexDigit)) {
            *error = QObject::tr("%1.hex must be a string of hex digit pairs, e.g. \"0a ff\"").arg(where);
            return false;
        }
        spec.kind = Kind::Hex;
        spec.data = QByteArray::fromHex(digits.toLatin1());
    } else {
        const QJsonValue count = object.value(QStringLiteral("randomBytes"));
        const double n = count.toDouble(-1);
        if (!count.isDouble() || n < 0 || n > MaxRandomBytes || n != double(qint64(n))) {
            *error = QObject::tr("%1.randomBytes must be a whole number from 0 to %2").arg(where).arg(MaxRandomBytes);
            return false;
        }
        spec.kind = Kind::RandomBytes;
        spec.randomCount = int(n);
    }
    *out = spec;
    return true;
}
