#include "ansitext.h"

#include <QStringList>

#include <functional>

namespace {

constexpr char Esc = '\x1b';

// Walks bytes, handing plain text (with \r, \n and \t, without other control
// characters) to onText and each SGR's parameters to onSgr; every other
// sequence is skipped. Each iteration consumes at least one byte.
void scan(const QByteArray &bytes, const std::function<void(const char *, qsizetype)> &onText,
          const std::function<void(const QList<int> &)> &onSgr)
{
    const char *data = bytes.constData();
    const qsizetype size = bytes.size();
    qsizetype i = 0;
    while (i < size) {
        const auto c = static_cast<unsigned char>(data[i]);
        if (c != 0x1b && (c >= 0x20 || c == '\n' || c == '\r' || c == '\t')) {
            qsizetype end = i + 1;
            while (end < size) {
                const auto d = static_cast<unsigned char>(data[end]);
                if (d == 0x1b || (d < 0x20 && d != '\n' && d != '\r' && d != '\t') || d == 0x7f)
                    break;
                ++end;
            }
            if (c == 0x7f) {
                ++i; // DEL: nothing to show
                continue;
            }
            onText(data + i, end - i);
            i = end;
            continue;
        }
        if (c != 0x1b) {
            ++i; // BEL, backspace and other C0 controls
            continue;
        }
        if (i + 1 >= size)
            break; // a lone ESC at the end: a truncated sequence
        const char kind = data[i + 1];
        if (kind == '[') {
            // CSI: parameter bytes 0x30-0x3f, intermediates 0x20-0x2f, one
            // final byte 0x40-0x7e. Anything else ends it unfinished; that
            // byte is then read as text again.
            qsizetype j = i + 2;
            while (j < size && data[j] >= 0x30 && data[j] <= 0x3f)
                ++j;
            const QByteArray params(data + i + 2, j - (i + 2));
            while (j < size && data[j] >= 0x20 && data[j] <= 0x2f)
                ++j;
            if (j < size && data[j] >= 0x40 && data[j] <= 0x7e) {
                if (data[j] == 'm' && onSgr) {
                    QList<int> numbers;
                    // ':' separates sub-parameters (38:2:r:g:b); read alike.
                    for (const QByteArray &part : params.split(params.contains(':') ? ':' : ';')) {
                        bool ok = false;
                        const int n = part.isEmpty() ? 0 : part.toInt(&ok);
                        numbers << (part.isEmpty() || ok ? n : -1);
                    }
                    onSgr(numbers);
                }
                ++j;
            }
            i = j;
        } else if (kind == ']' || kind == 'P' || kind == 'X' || kind == '^' || kind == '_') {
            // OSC (window title, hyperlinks) and other strings: up to BEL or
            // ESC \. A newline ends one left open too, so an unterminated
            // title cannot swallow the rest of the output.
            qsizetype j = i + 2;
            while (j < size && data[j] != '\x07' && data[j] != '\n' && !(data[j] == Esc && j + 1 < size && data[j + 1] == '\\'))
                ++j;
            if (j < size && data[j] == '\x07')
                ++j;
            else if (j < size && data[j] == Esc)
                j += 2;
            i = j;
        } else {
            // Two-byte sequences (ESC 7, ESC =), with intermediates first
            // for a charset choice (ESC ( B). A byte that cannot end one (a
            // second ESC, a newline) is left to be read again.
            qsizetype j = i + 1;
            while (j < size && data[j] >= 0x20 && data[j] <= 0x2f)
                ++j;
            i = j < size && data[j] >= 0x30 && data[j] <= 0x7e ? j + 1 : j;
        }
    }
}

// One line's visible text: what follows its last carriage return, once a
// trailing CR (a CRLF's, or one still waiting for its redraw) is set aside.
QByteArray visibleLine(QByteArray line)
{
    while (line.endsWith('\r'))
        line.chop(1);
    const qsizetype cr = line.lastIndexOf('\r');
    return cr < 0 ? line : line.mid(cr + 1);
}

const quint32 BasicPalette[16] = {
    0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd, 0x00cdcd, 0xe5e5e5, // xterm's normal
    0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00, 0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff, // and bright
};

// An extended colour at params[*i] (after 38 or 48): 5;n or 2;r;g;b.
// Advances *i past what it used; false, and past everything, if malformed.
bool readExtendedColour(const QList<int> &params, qsizetype *i, AnsiText::Colour *out)
{
    const qsizetype at = *i;
    if (at + 1 < params.size() && params.at(at) == 5) {
        *i = at + 2;
        const int n = params.at(at + 1);
        if (n < 0 || n > 255)
            return false;
        *out = AnsiText::Colour::indexed(n);
        return true;
    }
    if (at + 3 < params.size() && params.at(at) == 2) {
        *i = at + 4;
        quint32 rgb = 0;
        for (qsizetype k = at + 1; k <= at + 3; ++k) {
            const int v = params.at(k);
            if (v < 0 || v > 255)
                return false;
            rgb = (rgb << 8) | quint32(v);
        }
        *out = AnsiText::Colour::fromRgb(rgb);
        return true;
    }
    *i = params.size();
    return false;
}

void applySgr(const QList<int> &params, AnsiText::Span *style)
{
    for (qsizetype i = 0; i < params.size(); ++i) {
        const int p = params.at(i);
        if (p == 0) {
            *style = AnsiText::Span();
        } else if (p == 1) {
            style->bold = true;
        } else if (p == 3) {
            style->italic = true;
        } else if (p == 4) {
            style->underline = true;
        } else if (p == 22) {
            style->bold = false;
        } else if (p == 23) {
            style->italic = false;
        } else if (p == 24) {
            style->underline = false;
        } else if (p >= 30 && p <= 37) {
            style->fg = AnsiText::Colour::indexed(p - 30);
        } else if (p >= 90 && p <= 97) {
            style->fg = AnsiText::Colour::indexed(p - 90 + 8);
        } else if (p == 39) {
            style->fg = {};
        } else if (p >= 40 && p <= 47) {
            style->bg = AnsiText::Colour::indexed(p - 40);
        } else if (p >= 100 && p <= 107) {
            style->bg = AnsiText::Colour::indexed(p - 100 + 8);
        } else if (p == 49) {
            style->bg = {};
        } else if (p == 38 || p == 48) {
            ++i;
            AnsiText::Colour colour;
            if (readExtendedColour(params, &i, &colour))
                (p == 38 ? style->fg : style->bg) = colour;
            --i; // the loop's ++i
        }
        // Others (blink, inverse, fonts...) are not rendered.
    }
}

bool sameStyle(const AnsiText::Span &a, const AnsiText::Span &b)
{
    return a.fg == b.fg && a.bg == b.bg && a.bold == b.bold && a.italic == b.italic && a.underline == b.underline;
}

} // namespace

quint32 AnsiText::Colour::toRgb() const
{
    if (kind == Kind::Rgb)
        return rgb;
    if (kind != Kind::Indexed || index < 0 || index > 255)
        return 0;
    if (index < 16)
        return BasicPalette[index];
    if (index < 232) {
        // xterm's 6x6x6 cube.
        static const quint32 levels[6] = {0, 95, 135, 175, 215, 255};
        const int n = index - 16;
        return (levels[n / 36] << 16) | (levels[(n / 6) % 6] << 8) | levels[n % 6];
    }
    const quint32 grey = quint32(8 + 10 * (index - 232));
    return (grey << 16) | (grey << 8) | grey;
}

QByteArray AnsiText::strip(const QByteArray &bytes)
{
    QByteArray plain;
    plain.reserve(bytes.size());
    scan(bytes, [&plain](const char *text, qsizetype n) { plain.append(text, n); }, {});
    if (!plain.contains('\r'))
        return plain;
    QByteArray out;
    out.reserve(plain.size());
    const QList<QByteArray> lines = plain.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i > 0)
            out += '\n';
        out += visibleLine(lines.at(i));
    }
    return out;
}

QList<AnsiText::Span> AnsiText::spans(const QByteArray &bytes)
{
    // Built as bytes, decoded at the end, so a UTF-8 character split across
    // two text pieces still decodes.
    struct Run
    {
        Span style;
        QByteArray bytes;
    };
    QList<Run> runs;
    Span style;
    const auto add = [&runs, &style](const QByteArray &text) {
        if (text.isEmpty())
            return;
        if (!runs.isEmpty() && sameStyle(runs.last().style, style))
            runs.last().bytes += text;
        else
            runs.append({style, text});
    };
    // Where the current line began (run index and byte offset in it; index
    // runs.size() for "a run not made yet"), so a redraw can drop what it
    // overwrites. A CR takes effect only when more of the line follows: one
    // before a newline (CRLF) or at the very end changes nothing shown.
    qsizetype lineRun = 0;
    qsizetype lineOffset = 0;
    bool pendingCr = false;
    const auto redraw = [&] {
        if (lineRun >= runs.size())
            return;
        runs[lineRun].bytes.truncate(lineOffset);
        runs.resize(lineRun + 1);
        if (runs.last().bytes.isEmpty()) {
            runs.removeLast();
            lineOffset = 0;
        }
    };
    const auto onText = [&](const char *text, qsizetype n) {
        qsizetype start = 0;
        for (qsizetype k = 0; k <= n; ++k) {
            const char c = k < n ? text[k] : '\0';
            if (k < n && c != '\r' && c != '\n')
                continue;
            if (k > start) {
                if (pendingCr)
                    redraw();
                pendingCr = false;
                add(QByteArray(text + start, k - start));
            }
            start = k + 1;
            if (k == n)
                break;
            if (c == '\r') {
                pendingCr = true;
            } else {
                pendingCr = false;
                add(QByteArrayLiteral("\n"));
                lineRun = runs.size() - 1;
                lineOffset = runs.last().bytes.size();
            }
        }
    };
    scan(bytes, onText, [&style](const QList<int> &params) { applySgr(params, &style); });

    QList<Span> result;
    result.reserve(runs.size());
    for (const Run &run : std::as_const(runs)) {
        Span span = run.style;
        span.text = QString::fromUtf8(run.bytes);
        result << span;
    }
    return result;
}
