// The command line's one option table. --help and the value checks are both
// made from it: each row names an option, its help, and for a number its
// range and the default, read from the header constant that owns each, so a
// changed limit or default changes the help and the refusal together.
// Rules between options (--repeat needs --command, ...) are LaunchOptions's.
#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

struct LaunchOptions;

struct LaunchOptionRow
{
    enum class Number { None, Whole, Seconds, Bytes };

    QCommandLineOption option;
    // Reads the option's values (given only when it is set) into *out; false
    // with a one-line *error. Null for an option parse() reads itself.
    std::function<bool(const QStringList &values, LaunchOptions *out, QString *error)> read;

    // Numbers only: the bounds (max infinite: none but the format's), as
    // the help and the refusal write them, and the default the help names
    // (empty: the option has none to name).
    Number number = Number::None;
    double min = 0;
    double max = 0;
    QString minText;
    QString maxText;
    QString defaultText;

    QString name() const { return option.names().constLast(); }
};

namespace LaunchOptionTable {
// Every option in --help's order, built per call so the texts follow the
// translation installed at the time.
QList<LaunchOptionRow> rows();
// 256M, 64K, 1G, or plain bytes: what LaunchOptions::parseBytes() reads back.
QString bytesText(qint64 bytes);
} // namespace LaunchOptionTable
