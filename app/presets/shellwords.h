// Typed commands split into words the way a POSIX shell splits them, and
// words quoted so that they split back: the one place that knows the rules,
// used by the command field, --command, the displayed command lines and drags.
//
// The rules are those of Python's shlex.split (posix=True) and of sh's word
// splitting, without any expansion: $HOME, *, ~, $(...) and backquotes stay
// literal text, because the words go to execve(), never to a shell.
//  - blanks (space, tab, newline) separate words;
//  - '...' keeps everything inside literally, backslashes included;
//  - "..." keeps everything literally except a backslash before " \ $ ` or a
//    newline, which escapes it (as in sh; "\n" stays backslash-n);
//  - outside quotes a backslash escapes the next character, and a backslash
//    before a newline joins the lines;
//  - quotes inside a word join with it: a'b c'd is one word, "ab cd".
// An unclosed quote or a trailing backslash is an error, never a guess.
#pragma once

#include <QString>
#include <QStringList>

namespace ShellWords {

struct Split
{
    QStringList words;
    QString error;          // empty when the line split cleanly
    qsizetype errorAt = -1; // index in the line of the quote or backslash at fault

    bool ok() const { return error.isEmpty(); }
};

Split split(const QString &line);

// A word as a POSIX shell (and split()) reads it back: bare when it holds only
// safe characters, else in double quotes when nothing inside is special to
// them, else in single quotes.
QString quote(const QString &word);
// The words quoted and joined with spaces: split(join(w)).words == w.
QString join(const QStringList &words);

} // namespace ShellWords
