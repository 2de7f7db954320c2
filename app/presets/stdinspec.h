// What a preset feeds to its first stage's stdin before closing it (EOF), or
// Interactive: stdin stays open for whatever the user types, until they close it.
#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

struct StdinSpec
{
    enum class Kind { None, Text, Hex, RandomBytes, Interactive };

    Kind kind = Kind::None;
    QByteArray data;     // for Text and Hex: the bytes themselves
    int randomCount = 0; // for RandomBytes

    static constexpr int MaxRandomBytes = 64 * 1024 * 1024;

    bool isNone() const { return kind == Kind::None; }
    bool isInteractive() const { return kind == Kind::Interactive; }
    // Bytes written up front, then EOF (Text, Hex, RandomBytes).
    bool feedsData() const { return kind != Kind::None && kind != Kind::Interactive; }
    // The bytes to send; RandomBytes draws fresh ones on every call, so each
    // copy of a fan-out gets its own, as os.urandom() does in the seed.
    QByteArray materialize() const;
    // "10 random bytes", "text (22 bytes)", ...
    QString describe() const;

    QJsonValue toJson() const;
    static bool fromJson(const QJsonValue &json, const QString &where, StdinSpec *out, QString *error);

    friend bool operator==(const StdinSpec &a, const StdinSpec &b)
    {
        return a.kind == b.kind && a.data == b.data && a.randomCount == b.randomCount;
    }
};
