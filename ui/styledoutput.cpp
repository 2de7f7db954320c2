#include "styledoutput.h"
#include "theme.h"

#include "ansitext.h"

#include <QPlainTextEdit>
#include <QTextCursor>
#include <QTextDocument>

namespace {

QColor fromAnsi(const AnsiText::Colour &colour)
{
    return colour.isDefault() ? QColor() : QColor::fromRgb(QRgb(colour.toRgb()));
}

} // namespace

void StyledOutput::appendPlain(const QString &text)
{
    m_text += text;
}

void StyledOutput::appendAnsi(const QByteArray &bytes, const QPalette &palette)
{
    if (!bytes.contains('\x1b')) {
        // No escape, no styles: strip only redraws and control characters.
        m_text += QString::fromUtf8(AnsiText::strip(bytes));
        return;
    }
    const QList<AnsiText::Span> spans = AnsiText::spans(bytes);
    for (const AnsiText::Span &span : spans) {
        const bool styled = !span.fg.isDefault() || !span.bg.isDefault() || span.bold || span.italic || span.underline;
        if (styled && !span.text.isEmpty()) {
            QTextCharFormat format;
            const QColor bg = fromAnsi(span.bg);
            if (!span.fg.isDefault() || bg.isValid())
                format.setForeground(Theme::terminalText(fromAnsi(span.fg), bg, palette));
            if (bg.isValid())
                format.setBackground(bg);
            if (span.bold)
                format.setFontWeight(QFont::Bold);
            if (span.italic)
                format.setFontItalic(true);
            if (span.underline)
                format.setFontUnderline(true);
            m_formats.append({int(m_text.size()), int(span.text.size()), format});
        }
        m_text += span.text;
    }
}

void StyledOutput::renderInto(QPlainTextEdit *edit) const
{
    // Read-only views: an undo stack would only hold every render's formats.
    edit->document()->setUndoRedoEnabled(false);
    if (m_formats.isEmpty()) {
        edit->setPlainText(m_text);
        return;
    }
    // Insert run by run into an empty document, in one edit block so the
    // layout is redone once: cheaper than setPlainText and then reformatting
    // ranges, which splits the document's fragments a second time.
    edit->clear();
    QTextCursor cursor(edit->document());
    cursor.beginEditBlock();
    const QTextCharFormat plain;
    int at = 0;
    for (const QTextLayout::FormatRange &range : m_formats) {
        if (range.start > at)
            cursor.insertText(m_text.mid(at, range.start - at), plain);
        cursor.insertText(m_text.mid(range.start, range.length), range.format);
        at = range.start + range.length;
    }
    if (at < m_text.size())
        cursor.insertText(m_text.mid(at), plain);
    cursor.endEditBlock();
}
