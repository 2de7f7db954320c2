#include "shellwords.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace ShellWords {

namespace {

bool isBlank(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r');
}

// Characters a backslash escapes inside double quotes (POSIX sh, 2.2.3).
bool escapableInDoubleQuotes(QChar c)
{
    return c == QLatin1Char('"') || c == QLatin1Char('\\') || c == QLatin1Char('$') || c == QLatin1Char('`')
           || c == QLatin1Char('\n');
}

QString tr(const char *text)
{
    return QCoreApplication::translate("ShellWords", text);
}

} // namespace

Split split(const QString &line)
{
    Split result;
    QString word;
    bool inWord = false; // a word has begun, possibly empty (''), so it counts
    const qsizetype n = line.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = line.at(i);
        if (isBlank(c)) {
            if (inWord) {
                result.words << word;
                word.clear();
                inWord = false;
            }
            continue;
        }
        inWord = true;
        if (c == QLatin1Char('\'')) {
            const qsizetype close = line.indexOf(QLatin1Char('\''), i + 1);
            if (close < 0) {
                result.error = tr("The single quote at character %1 is never closed: add a closing ' "
                                  "(inside single quotes everything is literal)")
                                   .arg(i + 1);
                result.errorAt = i;
                result.words.clear();
                return result;
            }
            word += line.mid(i + 1, close - i - 1);
            i = close;
        } else if (c == QLatin1Char('"')) {
            const qsizetype open = i;
            bool closed = false;
            for (++i; i < n; ++i) {
                const QChar d = line.at(i);
                if (d == QLatin1Char('"')) {
                    closed = true;
                    break;
                }
                if (d == QLatin1Char('\\') && i + 1 < n && escapableInDoubleQuotes(line.at(i + 1))) {
                    ++i;
                    if (line.at(i) != QLatin1Char('\n')) // backslash-newline joins lines
                        word += line.at(i);
                    continue;
                }
                word += d;
            }
            if (!closed) {
                result.error = tr("The double quote at character %1 is never closed: add a closing \"").arg(open + 1);
                result.errorAt = open;
                result.words.clear();
                return result;
            }
        } else if (c == QLatin1Char('\\')) {
            if (i + 1 >= n) {
                result.error = tr("The command ends with a backslash, which escapes nothing: remove it or "
                                  "quote it as '\\'");
                result.errorAt = i;
                result.words.clear();
                return result;
            }
            ++i;
            if (line.at(i) == QLatin1Char('\n')) {
                // A line continuation: it neither adds a character nor starts a word.
                if (word.isEmpty())
                    inWord = false;
                continue;
            }
            word += line.at(i);
        } else {
            word += c;
        }
    }
    if (inWord)
        result.words << word;
    return result;
}

QString quote(const QString &word)
{
    // Anchored: a plain ^...$ would also accept a word ending in a newline.
    static const QRegularExpression safe(
        QRegularExpression::anchoredPattern(QStringLiteral("[A-Za-z0-9_@%+=:,./-]+")));
    if (safe.match(word).hasMatch())
        return word;
    // Double quotes read better ("hello world"), and are enough while nothing
    // inside is special to them.
    static const QRegularExpression doubleQuoteSpecial(QStringLiteral("[\"$`\\\\]"));
    if (!word.isEmpty() && !doubleQuoteSpecial.match(word).hasMatch())
        return QLatin1Char('"') + word + QLatin1Char('"');
    QString quoted = word;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString join(const QStringList &words)
{
    QStringList quoted;
    quoted.reserve(words.size());
    for (const QString &word : words)
        quoted << quote(word);
    return quoted.join(QLatin1Char(' '));
}

} // namespace ShellWords
