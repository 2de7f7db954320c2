// Syntax colours for the Code panel's Python and C++, taken from the widget
// palette so they stay readable on light and dark themes alike.
#pragma once

#include <QPalette>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

class QTextDocument;

class CodeHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    enum class Language { Python, Cpp };
    Q_ENUM(Language)

    // What a piece of code is; each has its own format.
    enum class Kind { Keyword, Builtin, ClassName, String, Escape, Comment, Number, Preprocessor, KindCount };
    Q_ENUM(Kind)

    CodeHighlighter(Language language, const QPalette &palette, QTextDocument *document);

    Language language() const { return m_language; }
    // Recomputes the colours for palette (call it on QEvent::PaletteChange) and rehighlights.
    void setPalette(const QPalette &palette);
    QTextCharFormat formatFor(Kind kind) const { return m_formats[int(kind)]; }

protected:
    void highlightBlock(const QString &text) override;

private:
    // Block states carried from one line to the next.
    enum State { Normal = -1, InBlockComment = 1, InTripleSingle = 2, InTripleDouble = 3 };

    int scanString(const QString &text, int from, const QString &quote);
    // Where this line goes on from a comment or string left open by the
    // previous one; -1 if it does not end on this line either.
    int resumeBlock(const QString &text);
    static int numberEnd(const QString &text, int start);
    // Formats the word at start (a keyword, a type, a string's prefix...);
    // returns where it ends.
    int highlightWord(const QString &text, int start);
    void classifyWord(const QString &word, int start);

    Language m_language;
    QTextCharFormat m_formats[int(Kind::KindCount)];
};
