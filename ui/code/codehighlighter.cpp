#include "codehighlighter.h"

#include "theme.h"

#include <QColor>
#include <QRegularExpression>
#include <QSet>
#include <QStringView>

#include <algorithm>
#include <cctype>

namespace {

const QSet<QString> &pythonKeywords()
{
    static const QSet<QString> words{
        QStringLiteral("False"),  QStringLiteral("None"),     QStringLiteral("True"),   QStringLiteral("and"),
        QStringLiteral("as"),     QStringLiteral("assert"),   QStringLiteral("async"),  QStringLiteral("await"),
        QStringLiteral("break"),  QStringLiteral("class"),    QStringLiteral("continue"), QStringLiteral("def"),
        QStringLiteral("del"),    QStringLiteral("elif"),     QStringLiteral("else"),   QStringLiteral("except"),
        QStringLiteral("finally"), QStringLiteral("for"),     QStringLiteral("from"),   QStringLiteral("global"),
        QStringLiteral("if"),     QStringLiteral("import"),   QStringLiteral("in"),     QStringLiteral("is"),
        QStringLiteral("lambda"), QStringLiteral("nonlocal"), QStringLiteral("not"),    QStringLiteral("or"),
        QStringLiteral("pass"),   QStringLiteral("raise"),    QStringLiteral("return"), QStringLiteral("try"),
        QStringLiteral("while"),  QStringLiteral("with"),     QStringLiteral("yield")};
    return words;
}

const QSet<QString> &pythonBuiltins()
{
    static const QSet<QString> words{
        QStringLiteral("print"), QStringLiteral("range"),  QStringLiteral("len"),       QStringLiteral("str"),
        QStringLiteral("bytes"), QStringLiteral("open"),   QStringLiteral("max"),       QStringLiteral("min"),
        QStringLiteral("any"),   QStringLiteral("all"),    QStringLiteral("int"),       QStringLiteral("float"),
        QStringLiteral("list"),  QStringLiteral("dict"),   QStringLiteral("set"),       QStringLiteral("tuple"),
        QStringLiteral("sum"),   QStringLiteral("sorted"), QStringLiteral("enumerate"), QStringLiteral("zip"),
        QStringLiteral("super"), QStringLiteral("self"),   QStringLiteral("isinstance")};
    return words;
}

const QSet<QString> &cppKeywords()
{
    static const QSet<QString> words{
        QStringLiteral("auto"),     QStringLiteral("bool"),      QStringLiteral("break"),     QStringLiteral("case"),
        QStringLiteral("catch"),    QStringLiteral("char"),      QStringLiteral("class"),     QStringLiteral("const"),
        QStringLiteral("constexpr"), QStringLiteral("continue"), QStringLiteral("default"),   QStringLiteral("delete"),
        QStringLiteral("do"),       QStringLiteral("double"),    QStringLiteral("else"),      QStringLiteral("enum"),
        QStringLiteral("explicit"), QStringLiteral("false"),     QStringLiteral("float"),     QStringLiteral("for"),
        QStringLiteral("if"),       QStringLiteral("inline"),    QStringLiteral("int"),       QStringLiteral("long"),
        QStringLiteral("namespace"), QStringLiteral("new"),      QStringLiteral("nullptr"),   QStringLiteral("operator"),
        QStringLiteral("private"),  QStringLiteral("protected"), QStringLiteral("public"),    QStringLiteral("return"),
        QStringLiteral("short"),    QStringLiteral("signed"),    QStringLiteral("sizeof"),    QStringLiteral("static"),
        QStringLiteral("struct"),   QStringLiteral("switch"),    QStringLiteral("template"),  QStringLiteral("this"),
        QStringLiteral("throw"),    QStringLiteral("true"),      QStringLiteral("try"),       QStringLiteral("typename"),
        QStringLiteral("unsigned"), QStringLiteral("using"),     QStringLiteral("virtual"),   QStringLiteral("void"),
        QStringLiteral("while"),    QStringLiteral("size_t")};
    return words;
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

bool isUpperCamel(const QString &word)
{
    return word.at(0).isUpper() && std::any_of(word.cbegin(), word.cend(), [](QChar c) { return c.isLower(); });
}

bool isAllCaps(const QString &word)
{
    return word.size() > 1 && std::none_of(word.cbegin(), word.cend(), [](QChar c) { return c.isLower(); })
           && word.at(0).isUpper();
}

// A colour of the given hue that reads well on base: dark on light themes,
// light on dark ones.
QColor tone(int hue, int saturation, const QPalette &palette)
{
    const bool dark = Theme::isDark(palette);
    return QColor::fromHsl(hue, saturation, dark ? 178 : 88);
}

// How many characters the escape sequence at text[i] ('\\') spans.
int escapeLength(const QString &text, int i)
{
    auto hexRun = [&](int from, int max) {
        int n = 0;
        while (n < max && from + n < text.size() && isxdigit(text.at(from + n).toLatin1()))
            ++n;
        return n;
    };
    if (i + 1 >= text.size())
        return 1;
    const QChar c = text.at(i + 1);
    if (c == QLatin1Char('x'))
        return 2 + hexRun(i + 2, 2);
    if (c == QLatin1Char('u'))
        return 2 + hexRun(i + 2, 4);
    if (c == QLatin1Char('U'))
        return 2 + hexRun(i + 2, 8);
    if (c >= QLatin1Char('0') && c <= QLatin1Char('7')) {
        int n = 1;
        while (n < 3 && i + 1 + n < text.size() && text.at(i + 1 + n) >= QLatin1Char('0')
               && text.at(i + 1 + n) <= QLatin1Char('7'))
            ++n;
        return 1 + n;
    }
    return 2;
}

} // namespace

CodeHighlighter::CodeHighlighter(Language language, const QPalette &palette, QTextDocument *document)
    : QSyntaxHighlighter(document)
    , m_language(language)
{
    setPalette(palette);
}

void CodeHighlighter::setPalette(const QPalette &palette)
{
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    auto format = [](const QColor &color, bool bold = false, bool italic = false) {
        QTextCharFormat f;
        f.setForeground(color);
        if (bold)
            f.setFontWeight(QFont::DemiBold);
        f.setFontItalic(italic);
        return f;
    };
    m_formats[int(Kind::Keyword)] = format(tone(225, 170, palette), true);
    m_formats[int(Kind::Builtin)] = format(tone(280, 120, palette));
    m_formats[int(Kind::ClassName)] = format(tone(185, 200, palette), true);
    m_formats[int(Kind::String)] = format(tone(115, 150, palette));
    m_formats[int(Kind::Escape)] = format(tone(25, 210, palette), true);
    m_formats[int(Kind::Comment)] = format(Theme::mix(text, base, 0.42), false, true);
    m_formats[int(Kind::Number)] = format(tone(30, 190, palette));
    m_formats[int(Kind::Preprocessor)] = format(tone(320, 140, palette));
    rehighlight();
}

int CodeHighlighter::scanString(const QString &text, int from, const QString &quote)
{
    int i = from;
    while (i < text.size()) {
        if (QStringView(text).mid(i).startsWith(quote)) {
            setFormat(i, int(quote.size()), m_formats[int(Kind::String)]);
            return i + int(quote.size());
        }
        if (text.at(i) == QLatin1Char('\\')) {
            const int length = std::min(escapeLength(text, i), int(text.size()) - i);
            setFormat(i, length, m_formats[int(Kind::Escape)]);
            i += length;
            continue;
        }
        setFormat(i, 1, m_formats[int(Kind::String)]);
        ++i;
    }
    return -1;
}

void CodeHighlighter::classifyWord(const QString &word, int start)
{
    const int length = int(word.size());
    if (m_language == Language::Python) {
        if (pythonKeywords().contains(word))
            setFormat(start, length, m_formats[int(Kind::Keyword)]);
        else if (pythonBuiltins().contains(word))
            setFormat(start, length, m_formats[int(Kind::Builtin)]);
        else if (isAllCaps(word))
            setFormat(start, length, m_formats[int(Kind::Number)]); // constants: PIPE, DEVNULL
        else if (isUpperCamel(word))
            setFormat(start, length, m_formats[int(Kind::ClassName)]); // Popen, TimeoutExpired
        return;
    }
    if (cppKeywords().contains(word))
        setFormat(start, length, m_formats[int(Kind::Keyword)]);
    else if (word == QLatin1String("Qt") || (word.size() > 1 && word.at(0) == QLatin1Char('Q') && word.at(1).isUpper()))
        setFormat(start, length, m_formats[int(Kind::ClassName)]);
    else if (word == QLatin1String("std") || (word.size() > 1 && word.at(0) == QLatin1Char('q') && word.at(1).isUpper()))
        setFormat(start, length, m_formats[int(Kind::Builtin)]); // std::printf, qPrintable
    else if (isUpperCamel(word))
        setFormat(start, length, m_formats[int(Kind::ClassName)]); // enum values: NotRunning, CrashExit
}

int CodeHighlighter::resumeBlock(const QString &text)
{
    const int previous = previousBlockState();
    if (previous == InBlockComment) {
        const int end = int(text.indexOf(QLatin1String("*/")));
        if (end < 0) {
            setFormat(0, int(text.size()), m_formats[int(Kind::Comment)]);
            setCurrentBlockState(InBlockComment);
            return -1;
        }
        setFormat(0, end + 2, m_formats[int(Kind::Comment)]);
        return end + 2;
    }
    if (previous == InTripleSingle || previous == InTripleDouble) {
        const QString quote(3, previous == InTripleSingle ? QLatin1Char('\'') : QLatin1Char('"'));
        const int end = scanString(text, 0, quote);
        if (end < 0)
            setCurrentBlockState(previous);
        return end;
    }
    return 0;
}

int CodeHighlighter::numberEnd(const QString &text, int start)
{
    const int n = int(text.size());
    int j = start + 1;
    while (j < n) {
        const QChar d = text.at(j);
        const bool exponentSign = (d == QLatin1Char('+') || d == QLatin1Char('-'))
                                  && (text.at(j - 1) == QLatin1Char('e') || text.at(j - 1) == QLatin1Char('E'))
                                  && !QStringView(text).mid(start, j - start).startsWith(QLatin1String("0x"));
        if (!(isWordChar(d) || d == QLatin1Char('.') || exponentSign))
            break;
        ++j;
    }
    return j;
}

int CodeHighlighter::highlightWord(const QString &text, int start)
{
    const int n = int(text.size());
    int j = start + 1;
    while (j < n && isWordChar(text.at(j)))
        ++j;
    const QString word = text.mid(start, j - start);
    const bool quoteFollows = j < n && (text.at(j) == QLatin1Char('\'') || text.at(j) == QLatin1Char('"'));
    static const QSet<QString> pythonPrefixes{QStringLiteral("b"), QStringLiteral("r"), QStringLiteral("u"),
                                              QStringLiteral("f"), QStringLiteral("rb"), QStringLiteral("br"),
                                              QStringLiteral("fr"), QStringLiteral("rf")};
    static const QSet<QString> cppPrefixes{QStringLiteral("u8"), QStringLiteral("u"), QStringLiteral("U"),
                                           QStringLiteral("L")};
    const bool python = m_language == Language::Python;
    if (quoteFollows && (python ? pythonPrefixes.contains(word.toLower()) : cppPrefixes.contains(word)))
        setFormat(start, j - start, m_formats[int(Kind::String)]); // a string's prefix, as in b"..." or u8"..."
    else
        classifyWord(word, start);
    return j;
}

void CodeHighlighter::highlightBlock(const QString &text)
{
    const bool python = m_language == Language::Python;
    const int n = int(text.size());
    setCurrentBlockState(Normal);
    int i = resumeBlock(text);
    if (i < 0)
        return;

    if (!python && text.trimmed().startsWith(QLatin1Char('#'))) {
        setFormat(0, n, m_formats[int(Kind::Preprocessor)]);
        static const QRegularExpression includeTarget(QStringLiteral("[<\"]"));
        const int open = int(text.indexOf(includeTarget));
        if (open >= 0)
            setFormat(open, n - open, m_formats[int(Kind::String)]);
        return;
    }

    while (i < n) {
        const QChar c = text.at(i);
        const QChar next = i + 1 < n ? text.at(i + 1) : QChar();
        if ((python && c == QLatin1Char('#')) || (!python && c == QLatin1Char('/') && next == QLatin1Char('/'))) {
            setFormat(i, n - i, m_formats[int(Kind::Comment)]);
            return;
        }
        if (!python && c == QLatin1Char('/') && next == QLatin1Char('*')) {
            const int end = int(text.indexOf(QLatin1String("*/"), i + 2));
            if (end < 0) {
                setFormat(i, n - i, m_formats[int(Kind::Comment)]);
                setCurrentBlockState(InBlockComment);
                return;
            }
            setFormat(i, end + 2 - i, m_formats[int(Kind::Comment)]);
            i = end + 2;
            continue;
        }
        if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            QString quote(c);
            if (python && QStringView(text).mid(i).startsWith(QString(3, c)))
                quote = QString(3, c);
            setFormat(i, int(quote.size()), m_formats[int(Kind::String)]);
            const int end = scanString(text, i + int(quote.size()), quote);
            if (end < 0) {
                if (quote.size() == 3)
                    setCurrentBlockState(c == QLatin1Char('\'') ? InTripleSingle : InTripleDouble);
                return;
            }
            i = end;
            continue;
        }
        const bool wordBefore = i > 0 && isWordChar(text.at(i - 1));
        if (!wordBefore && (c.isDigit() || (c == QLatin1Char('.') && next.isDigit()))) {
            const int j = numberEnd(text, i);
            setFormat(i, j - i, m_formats[int(Kind::Number)]);
            i = j;
            continue;
        }
        if (c.isLetter() || c == QLatin1Char('_')) {
            i = highlightWord(text, i);
            continue;
        }
        ++i;
    }
}
