// Output text on its way into a view: plain runs (headers, "⟩ " markers, hex
// dumps) and runs a program styled with ANSI escapes, kept as one string plus
// format ranges so a view with no escapes at all keeps setPlainText's fast path.
#pragma once

#include <QList>
#include <QPalette>
#include <QString>
#include <QTextLayout>

class QByteArray;
class QPlainTextEdit;

class StyledOutput
{
public:
    void appendPlain(const QString &text);
    // The bytes' text with their escapes turned into formats; colours are
    // made readable on palette (Theme::terminalText).
    void appendAnsi(const QByteArray &bytes, const QPalette &palette);

    const QString &text() const { return m_text; }
    bool isEmpty() const { return m_text.isEmpty(); }
    bool endsWith(QChar c) const { return m_text.endsWith(c); }
    bool hasFormats() const { return !m_formats.isEmpty(); }

    // Replaces the view's text. Formats go on the document's characters (not
    // a highlighter's layout formats) so they survive find's extraSelections
    // and can be read back through the document.
    void renderInto(QPlainTextEdit *edit) const;

private:
    QString m_text;
    QList<QTextLayout::FormatRange> m_formats;
};
