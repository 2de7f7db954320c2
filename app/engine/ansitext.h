// Terminal output made readable: ANSI escape sequences (colours, cursor moves,
// window titles) removed for one-line displays, or turned into coloured spans
// for an output view. Programs run in a terminal (JobSpec::pty) write these
// because isatty() is true; a table cell must never show them as garbage.
//
// Lenient by design: any byte string is accepted, a malformed or truncated
// sequence is dropped rather than shown, and every step advances, so no
// input can loop.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QtGlobal>

class AnsiText
{
public:
    struct Colour
    {
        enum class Kind : quint8 { Default, Indexed, Rgb };
        Kind kind = Kind::Default;
        int index = 0; // Indexed: 0-7 normal, 8-15 bright, 16-255 xterm's cube and greys
        quint32 rgb = 0; // Rgb: 0xRRGGBB

        bool isDefault() const { return kind == Kind::Default; }
        // 0xRRGGBB for Indexed (xterm's palette) and Rgb; 0 for Default.
        quint32 toRgb() const;
        static Colour indexed(int index) { return {Kind::Indexed, index, 0}; }
        static Colour fromRgb(quint32 rgb) { return {Kind::Rgb, 0, rgb}; }
        friend bool operator==(const Colour &a, const Colour &b)
        {
            return a.kind == b.kind && a.index == b.index && a.rgb == b.rgb;
        }
    };

    // A run of text in one style (SGR: Select Graphic Rendition).
    struct Span
    {
        QString text;
        Colour fg;
        Colour bg;
        bool bold = false;
        bool italic = false;
        bool underline = false;
    };

    // The text without escape sequences or other control characters (tab and
    // newline stay). A carriage return inside a line means the program
    // redrew it (a progress bar): only what follows the last one is kept,
    // and the CR of a CRLF (a terminal's line end) is dropped.
    static QByteArray strip(const QByteArray &bytes);
    // The same text as styled runs; adjacent runs differ in style.
    static QList<Span> spans(const QByteArray &bytes);
};
