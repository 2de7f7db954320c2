// What the Python and the C++ generators share, kept in one place so the two
// programs a preset becomes quote, comment, wrap and name things alike:
// literals that read back as exactly the given text or bytes, comment text
// that stays on its line, the seed's list wrapping and one name per stage.
#pragma once

#include "stagespec.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

class CodeText
{
public:
    // Both languages' lines wrap before this column, as the seed wraps argv.
    static constexpr int WrapColumn = 79;

    // Literals that read back as exactly the given text or bytes: Python's
    // repr() style ('...' unless the text holds ' and no "), and C++ "..."
    // with escapes. Printable non-ASCII text is kept as it is (UTF-8 source).
    static QString pythonString(const QString &text);
    static QString pythonBytes(const QByteArray &bytes);
    static QString cppString(const QString &text);
    static QString cppBytes(const QByteArray &bytes);

    // True when the bytes decode as UTF-8 and encode back unchanged, so they
    // can be written as text rather than escaped bytes.
    static bool isValidUtf8(const QByteArray &bytes);
    // Text for a # or // comment: one line, control characters shown escaped.
    static QString commentText(const QString &text);
    // A duration in seconds as both languages write it: 0.1, 2, 1.5.
    static QString seconds(double value);
    static QStringList wrapList(const QString &prefix, const QStringList &items, const QString &suffix);
    static QStringList indented(const QStringList &lines, int spaces);
    static QStringList stageNames(const QList<StageSpec> &stages);
    static bool hasPlainEnv(const StageSpec &stage);
};
