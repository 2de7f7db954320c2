#include "codetext.h"

#include <QChar>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace {

QString octal(uchar byte)
{
    return QStringLiteral("\\%1").arg(uint(byte), 3, 8, QLatin1Char('0'));
}

// Shown as itself in a literal: not a control, format or unassigned code
// point, and not a line or paragraph separator (the editor would break the line).
bool isVisible(char32_t cp)
{
    switch (QChar::category(cp)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return false;
    default:
        return true;
    }
}

QString snakeIdentifier(const QString &text)
{
    static const QRegularExpression nonWord(QStringLiteral("[^a-z0-9]+"));
    QString id = text.toLower().replace(nonWord, QStringLiteral("_"));
    while (id.startsWith(QLatin1Char('_')))
        id.remove(0, 1);
    while (id.endsWith(QLatin1Char('_')))
        id.chop(1);
    if (id.isEmpty())
        return {};
    if (id.at(0).isDigit())
        id.prepend(QStringLiteral("p"));
    return id;
}

} // namespace

QString CodeText::seconds(double value)
{
    return QString::number(value, 'g', 12);
}

bool CodeText::isValidUtf8(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes).toUtf8() == bytes;
}

// Text in a comment stays on its line and shows what is there.
QString CodeText::commentText(const QString &text)
{
    QString out;
    for (const char32_t cp : text.toUcs4()) {
        if (cp == U'\n')
            out += QStringLiteral("\\n");
        else if (cp == U'\t')
            out += QLatin1Char(' ');
        else if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && !isVisible(cp)))
            out += QStringLiteral("\\u%1").arg(uint(cp), 4, 16, QLatin1Char('0'));
        else
            out += QString::fromUcs4(&cp, 1);
    }
    // A C++ line comment ending in a backslash would swallow the next line.
    if (out.endsWith(QLatin1Char('\\')))
        out += QLatin1Char('.');
    return out;
}

// prefix + items joined by ", " + suffix, wrapped before WrapColumn with the
// continuation lines aligned under the first item, as the seed wraps argv.
QStringList CodeText::wrapList(const QString &prefix, const QStringList &items, const QString &suffix)
{
    QStringList lines;
    QString line = prefix;
    const QString pad(prefix.size(), QLatin1Char(' '));
    for (int i = 0; i < items.size(); ++i) {
        const QString piece = items.at(i) + (i + 1 < items.size() ? QStringLiteral(",") : suffix);
        const bool first = line.size() == prefix.size();
        if (!first && line.size() + 1 + piece.size() > WrapColumn) {
            lines << line;
            line = pad + piece;
        } else {
            line += (first ? QString() : QStringLiteral(" ")) + piece;
        }
    }
    if (items.isEmpty())
        line += suffix;
    lines << line;
    return lines;
}

QStringList CodeText::indented(const QStringList &lines, int spaces)
{
    const QString pad(spaces, QLatin1Char(' '));
    QStringList out;
    for (const QString &line : lines)
        out << (line.isEmpty() ? line : pad + line);
    return out;
}

// One name per stage, unique within the preset: "openssl", "md5sum"; two
// openssl stages become "openssl_enc" and "openssl_dgst".
QStringList CodeText::stageNames(const QList<StageSpec> &stages)
{
    QStringList base;
    for (const StageSpec &stage : stages) {
        QString name = stage.runsShell() ? QStringLiteral("shell") : snakeIdentifier(QFileInfo(stage.program).fileName());
        base << (name.isEmpty() ? QStringLiteral("stage") : name);
    }
    QStringList names = base;
    for (int i = 0; i < stages.size(); ++i) {
        if (base.count(base.at(i)) < 2)
            continue;
        for (const QString &arg : stages.at(i).args) {
            const QString word = snakeIdentifier(arg);
            if (!word.isEmpty() && !arg.startsWith(QLatin1Char('-'))) {
                names[i] = base.at(i) + QLatin1Char('_') + word.left(16);
                break;
            }
        }
    }
    QSet<QString> seen;
    for (int i = 0; i < names.size(); ++i) {
        if (seen.contains(names.at(i)))
            names[i] = QStringLiteral("%1_%2").arg(names.at(i)).arg(i + 1);
        seen.insert(names.at(i));
    }
    return names;
}

// True when the stage sets a variable whose value may be written out; secret
// ones are only inherited from the environment the example runs in.
bool CodeText::hasPlainEnv(const StageSpec &stage)
{
    return std::any_of(stage.env.cbegin(), stage.env.cend(), [](const EnvVar &var) { return !var.secret; });
}

QString CodeText::pythonString(const QString &text)
{
    const QChar quote = text.contains(QLatin1Char('\'')) && !text.contains(QLatin1Char('"')) ? QLatin1Char('"')
                                                                                             : QLatin1Char('\'');
    QString out = quote;
    for (const char32_t cp : text.toUcs4()) {
        if (cp == U'\\' || cp == quote.unicode())
            out += QLatin1Char('\\') + QString::fromUcs4(&cp, 1);
        else if (cp == U'\n')
            out += QStringLiteral("\\n");
        else if (cp == U'\r')
            out += QStringLiteral("\\r");
        else if (cp == U'\t')
            out += QStringLiteral("\\t");
        else if (cp < 0x20 || cp == 0x7f)
            out += QStringLiteral("\\x%1").arg(uint(cp), 2, 16, QLatin1Char('0'));
        else if (cp < 0x80 || isVisible(cp))
            out += QString::fromUcs4(&cp, 1);
        else if (cp <= 0xff)
            out += QStringLiteral("\\x%1").arg(uint(cp), 2, 16, QLatin1Char('0'));
        else if (cp <= 0xffff)
            out += QStringLiteral("\\u%1").arg(uint(cp), 4, 16, QLatin1Char('0'));
        else
            out += QStringLiteral("\\U%1").arg(uint(cp), 8, 16, QLatin1Char('0'));
    }
    return out + quote;
}

QString CodeText::pythonBytes(const QByteArray &bytes)
{
    const char quote = bytes.contains('\'') && !bytes.contains('"') ? '"' : '\'';
    QString out = QStringLiteral("b") + QLatin1Char(quote);
    for (const char c : bytes) {
        const uchar u = uchar(c);
        if (c == '\\' || c == quote)
            out += QLatin1Char('\\') + QString(QLatin1Char(c));
        else if (c == '\n')
            out += QStringLiteral("\\n");
        else if (c == '\r')
            out += QStringLiteral("\\r");
        else if (c == '\t')
            out += QStringLiteral("\\t");
        else if (u < 0x20 || u >= 0x7f)
            out += QStringLiteral("\\x%1").arg(uint(u), 2, 16, QLatin1Char('0'));
        else
            out += QLatin1Char(c);
    }
    return out + QLatin1Char(quote);
}

QString CodeText::cppString(const QString &text)
{
    QString out = QStringLiteral("\"");
    char32_t previous = 0;
    for (const char32_t cp : text.toUcs4()) {
        const bool afterQuestion = previous == U'?';
        previous = cp;
        if (cp == U'?' && afterQuestion) {
            out += QStringLiteral("\\?"); // "??=" would read as a trigraph (and warn) in older modes
        } else if (cp == U'\\' || cp == U'"') {
            out += QLatin1Char('\\') + QString::fromUcs4(&cp, 1);
        } else if (cp == U'\n') {
            out += QStringLiteral("\\n");
        } else if (cp == U'\r') {
            out += QStringLiteral("\\r");
        } else if (cp == U'\t') {
            out += QStringLiteral("\\t");
        } else if (cp < 0x20 || cp == 0x7f) {
            out += octal(uchar(cp)); // octal: at most 3 digits, so a following digit stays itself
        } else if (cp < 0x80 || isVisible(cp)) {
            out += QString::fromUcs4(&cp, 1);
        } else {
            for (const char byte : QString::fromUcs4(&cp, 1).toUtf8())
                out += octal(uchar(byte));
        }
    }
    return out + QLatin1Char('"');
}

QString CodeText::cppBytes(const QByteArray &bytes)
{
    if (isValidUtf8(bytes))
        return cppString(QString::fromUtf8(bytes));
    QString out = QStringLiteral("\"");
    char previous = 0;
    for (const char c : bytes) {
        const uchar u = uchar(c);
        const bool afterQuestion = previous == '?';
        previous = c;
        if (c == '?' && afterQuestion)
            out += QStringLiteral("\\?");
        else if (c == '\\' || c == '"')
            out += QLatin1Char('\\') + QString(QLatin1Char(c));
        else if (c == '\n')
            out += QStringLiteral("\\n");
        else if (u < 0x20 || u >= 0x7f)
            out += octal(u);
        else
            out += QLatin1Char(c);
    }
    return out + QLatin1Char('"');
}
