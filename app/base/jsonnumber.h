// The one checked conversion for every number that SpawnScope reads from a
// file or a pipe it did not just write itself: the session file, a report,
// the trace protocol. A JSON number is a double, and casting a double that is
// fractional, huge (1e300, 2^63) or out of the target's range to an integer is
// undefined behaviour; here it is refused instead, with the reason as a
// phrase that follows the field's name ("\"pid\" is not a whole number").
#pragma once

#include <QCoreApplication>
#include <QJsonValue>
#include <QString>

#include <cmath>
#include <limits>
#include <optional>

namespace JsonNumber {

// The largest count a reader accepts: the last whole number a double holds
// exactly (2^53), far above any byte count, tick count or time in ms.
constexpr qint64 MaxWhole = qint64(1) << 53;
// Times in milliseconds, on any clock SpawnScope writes (the epoch included):
// beyond ±10^13 ms (317 years) a value is damage, not a time.
constexpr double MaxMs = 1e13;
// A pid or a process group: pid_t is an int on Linux; -1 and 0 mean "none".
constexpr qint64 MaxPid = std::numeric_limits<int>::max();

inline QString outOfRange(const QString &value, const QString &min, const QString &max)
{
    return QCoreApplication::translate("JsonNumber", "is %1, outside %2 to %3").arg(value, min, max);
}

// value as a whole number in [min, max]. Anything else (not a number, a
// fraction, out of range) is nullopt, with *problem saying why.
inline std::optional<qint64> whole(const QJsonValue &value, qint64 min, qint64 max, QString *problem = nullptr)
{
    const auto fail = [problem](const QString &why) {
        if (problem)
            *problem = why;
        return std::optional<qint64>();
    };
    if (!value.isDouble())
        return fail(QCoreApplication::translate("JsonNumber", "is not a number"));
    const double d = value.toDouble();
    if (!std::isfinite(d) || d != std::floor(d))
        return fail(QCoreApplication::translate("JsonNumber", "is not a whole number"));
    // Compared as doubles first: only a double inside qint64's range may be cast.
    // 2^63 is exact as a double; qint64's max is not.
    constexpr double limit = 9223372036854775808.0;
    if (!(d >= -limit && d < limit))
        return fail(outOfRange(QString::number(d, 'g', 17), QString::number(min), QString::number(max)));
    // A value parsed as an integer keeps all its digits in toInteger().
    const qint64 n = value.toInteger(qint64(d));
    if (n < min || n > max)
        return fail(outOfRange(QString::number(n), QString::number(min), QString::number(max)));
    return n;
}

inline std::optional<int> wholeInt(const QJsonValue &value, int min, int max, QString *problem = nullptr)
{
    const std::optional<qint64> n = whole(value, min, max, problem);
    return n ? std::optional<int>(int(*n)) : std::nullopt;
}

// value as a finite number in [min, max].
inline std::optional<double> real(const QJsonValue &value, double min, double max, QString *problem = nullptr)
{
    if (!value.isDouble()) {
        if (problem)
            *problem = QCoreApplication::translate("JsonNumber", "is not a number");
        return std::nullopt;
    }
    const double d = value.toDouble();
    if (!std::isfinite(d) || d < min || d > max) {
        if (problem)
            *problem = outOfRange(QString::number(d, 'g', 17), QString::number(min, 'g', 17), QString::number(max, 'g', 17));
        return std::nullopt;
    }
    return d;
}

// A time in ms, from -MaxMs to MaxMs (-1 is "not yet" in many fields).
inline std::optional<double> ms(const QJsonValue &value, QString *problem = nullptr)
{
    return real(value, -MaxMs, MaxMs, problem);
}

} // namespace JsonNumber
