// AnsiText: what a terminal program's output looks like once its escape
// sequences are removed (strip) or read as styles (spans), including broken
// and truncated sequences, which must end neither in a crash nor in a loop.
#include "ansitext.h"

#include <QRandomGenerator>
#include <QtTest>

Q_DECLARE_METATYPE(AnsiText::Colour)

class TestAnsiText : public QObject
{
    Q_OBJECT
private slots:
    void strip_data();
    void strip();
    void spanStyles_data();
    void spanStyles();
    void spansKeepTheStrippedText_data();
    void spansKeepTheStrippedText();
    void redrawAcrossAStyleChange();
    void paletteColours();
    void randomBytesEndQuickly();
};

void TestAnsiText::strip_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << QByteArray("hello\nworld") << QByteArray("hello\nworld");
    QTest::newRow("colour") << QByteArray("\x1b[31mred\x1b[0m ok") << QByteArray("red ok");
    QTest::newRow("bold and colour") << QByteArray("\x1b[1;32mPASS\x1b[22;39m") << QByteArray("PASS");
    QTest::newRow("256 colour") << QByteArray("\x1b[38;5;208morange") << QByteArray("orange");
    QTest::newRow("truecolour") << QByteArray("\x1b[38;2;10;20;30mrgb") << QByteArray("rgb");
    QTest::newRow("cursor moves") << QByteArray("a\x1b[2K\x1b[1Gb\x1b[?25l") << QByteArray("ab");
    QTest::newRow("osc title bel") << QByteArray("\x1b]0;my title\x07text") << QByteArray("text");
    QTest::newRow("osc title st") << QByteArray("\x1b]2;t\x1b\\text") << QByteArray("text");
    QTest::newRow("osc hyperlink") << QByteArray("\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\") << QByteArray("link");
    QTest::newRow("charset") << QByteArray("\x1b(Bplain\x1b=") << QByteArray("plain");
    QTest::newRow("crlf") << QByteArray("one\r\ntwo\r\n") << QByteArray("one\ntwo\n");
    QTest::newRow("progress redraw") << QByteArray("10%\r20%\r30%\n") << QByteArray("30%\n");
    QTest::newRow("trailing cr") << QByteArray("50%\r") << QByteArray("50%");
    QTest::newRow("redraw after colour") << QByteArray("\x1b[32m10%\r\x1b[32m20%") << QByteArray("20%");
    QTest::newRow("bell and backspace") << QByteArray("a\x07" "b\x08" "c") << QByteArray("abc");
    QTest::newRow("tab kept") << QByteArray("a\tb") << QByteArray("a\tb");
    QTest::newRow("utf8 kept") << QByteArray("\x1b[1mgr\xc3\xbc\xc3\x9f\x1b[0m") << QByteArray("gr\xc3\xbc\xc3\x9f");
    // Malformed and truncated: dropped, never shown, never looping.
    QTest::newRow("lone esc at end") << QByteArray("abc\x1b") << QByteArray("abc");
    QTest::newRow("csi cut at end") << QByteArray("abc\x1b[31;") << QByteArray("abc");
    QTest::newRow("csi cut by newline") << QByteArray("a\x1b[31\nb") << QByteArray("a\nb");
    QTest::newRow("osc never ended") << QByteArray("a\x1b]0;title") << QByteArray("a");
    QTest::newRow("osc ended by newline") << QByteArray("a\x1b]0;title\nb") << QByteArray("a\nb");
    QTest::newRow("esc esc") << QByteArray("\x1b\x1b[31mx") << QByteArray("x");
    QTest::newRow("only escapes") << QByteArray("\x1b[0m\x1b[K") << QByteArray();
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("nul bytes") << QByteArray("a\0b", 3) << QByteArray("ab");
}

void TestAnsiText::strip()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QCOMPARE(AnsiText::strip(input), expected);
}

void TestAnsiText::spanStyles_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("text"); // of the first span
    QTest::addColumn<AnsiText::Colour>("fg");
    QTest::addColumn<AnsiText::Colour>("bg");
    QTest::addColumn<bool>("bold");
    using C = AnsiText::Colour;
    QTest::newRow("plain") << QByteArray("x") << "x" << C() << C() << false;
    QTest::newRow("red") << QByteArray("\x1b[31mx") << "x" << C::indexed(1) << C() << false;
    QTest::newRow("bright blue") << QByteArray("\x1b[94mx") << "x" << C::indexed(12) << C() << false;
    QTest::newRow("bold green on black") << QByteArray("\x1b[1;32;40mx") << "x" << C::indexed(2) << C::indexed(0) << true;
    QTest::newRow("256") << QByteArray("\x1b[38;5;208mx") << "x" << C::indexed(208) << C() << false;
    QTest::newRow("256 background") << QByteArray("\x1b[48;5;17mx") << "x" << C() << C::indexed(17) << false;
    QTest::newRow("rgb") << QByteArray("\x1b[38;2;255;128;0mx") << "x" << C::fromRgb(0xff8000) << C() << false;
    QTest::newRow("rgb with colons") << QByteArray("\x1b[38:2:1:2:3mx") << "x" << C::fromRgb(0x010203) << C() << false;
    QTest::newRow("reset") << QByteArray("\x1b[1;31m\x1b[0mx") << "x" << C() << C() << false;
    QTest::newRow("empty reset") << QByteArray("\x1b[1;31m\x1b[mx") << "x" << C() << C() << false;
    QTest::newRow("default fg") << QByteArray("\x1b[1;31m\x1b[39mx") << "x" << C() << C() << true;
    QTest::newRow("normal intensity") << QByteArray("\x1b[1;31m\x1b[22mx") << "x" << C::indexed(1) << C() << false;
    QTest::newRow("256 out of range") << QByteArray("\x1b[38;5;300mx") << "x" << C() << C() << false;
    QTest::newRow("256 truncated") << QByteArray("\x1b[38;5mx") << "x" << C() << C() << false;
    QTest::newRow("rgb truncated") << QByteArray("\x1b[38;2;1;2mx") << "x" << C() << C() << false;
    QTest::newRow("bold after rgb") << QByteArray("\x1b[38;2;1;2;3;1mx") << "x" << C::fromRgb(0x010203) << C() << true;
    QTest::newRow("not sgr") << QByteArray("\x1b[31Hx") << "x" << C() << C() << false;
}

void TestAnsiText::spanStyles()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, text);
    QFETCH(AnsiText::Colour, fg);
    QFETCH(AnsiText::Colour, bg);
    QFETCH(bool, bold);
    const QList<AnsiText::Span> spans = AnsiText::spans(input);
    QCOMPARE(spans.size(), 1);
    QCOMPARE(spans.first().text, text);
    QVERIFY(spans.first().fg == fg);
    QVERIFY(spans.first().bg == bg);
    QCOMPARE(spans.first().bold, bold);
}

void TestAnsiText::spansKeepTheStrippedText_data()
{
    strip_data();
}

void TestAnsiText::spansKeepTheStrippedText()
{
    // Whatever the styles, the spans' text is the stripped text.
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QString joined;
    for (const AnsiText::Span &span : AnsiText::spans(input))
        joined += span.text;
    QCOMPARE(joined, QString::fromUtf8(expected));
}

void TestAnsiText::redrawAcrossAStyleChange()
{
    const QList<AnsiText::Span> spans = AnsiText::spans("ok\n\x1b[31m10%\r\x1b[32m20%\x1b[0m done\n");
    QCOMPARE(spans.size(), 3);
    QCOMPARE(spans.at(0).text, QStringLiteral("ok\n"));
    QCOMPARE(spans.at(1).text, QStringLiteral("20%"));
    QVERIFY(spans.at(1).fg == AnsiText::Colour::indexed(2));
    QCOMPARE(spans.at(2).text, QStringLiteral(" done\n"));
    QVERIFY(spans.at(2).fg.isDefault());
}

void TestAnsiText::paletteColours()
{
    QCOMPARE(AnsiText::Colour::indexed(1).toRgb(), 0xcd0000u);
    QCOMPARE(AnsiText::Colour::indexed(15).toRgb(), 0xffffffu);
    QCOMPARE(AnsiText::Colour::indexed(16).toRgb(), 0x000000u);
    QCOMPARE(AnsiText::Colour::indexed(196).toRgb(), 0xff0000u);
    QCOMPARE(AnsiText::Colour::indexed(232).toRgb(), 0x080808u);
    QCOMPARE(AnsiText::Colour::indexed(255).toRgb(), 0xeeeeeeu);
    QCOMPARE(AnsiText::Colour::fromRgb(0x123456).toRgb(), 0x123456u);
    QCOMPARE(AnsiText::Colour().toRgb(), 0u);
}

void TestAnsiText::randomBytesEndQuickly()
{
    // Escape-heavy noise: every prefix of it is a truncated sequence somewhere.
    QRandomGenerator random(42);
    const char alphabet[] = "\x1b[];:0123456789mHJK\x07\\\r\nab(P_";
    QElapsedTimer clock;
    clock.start();
    for (int round = 0; round < 200; ++round) {
        QByteArray bytes(random.bounded(1, 400), Qt::Uninitialized);
        for (char &c : bytes)
            c = alphabet[random.bounded(int(sizeof alphabet - 1))];
        const QByteArray stripped = AnsiText::strip(bytes);
        QVERIFY(!stripped.contains('\x1b'));
        QString joined;
        for (const AnsiText::Span &span : AnsiText::spans(bytes))
            joined += span.text;
        QCOMPARE(joined, QString::fromUtf8(stripped));
    }
    QVERIFY(clock.elapsed() < 5000);
}

QTEST_GUILESS_MAIN(TestAnsiText)
#include "tst_ansitext.moc"
