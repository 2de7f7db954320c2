// OutputTail against a naive reference: whatever is appended, the tail must be
// exactly the last capacity() bytes of everything, and the count exact.
#include "outputtail.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <cstring>
#include <QtTest>

namespace {

// The reference: keep everything, cut at the end.
QByteArray referenceTail(const QByteArray &all, qsizetype capacity)
{
    return all.size() <= capacity ? all : all.right(capacity);
}

// The last non-empty line of bytes, cut to its last maxBytes bytes, written
// the slow obvious way so it can judge the ring's version.
QByteArray referenceLastLine(const QByteArray &bytes, qsizetype maxBytes)
{
    QByteArray trimmed = bytes;
    while (!trimmed.isEmpty() && (trimmed.endsWith('\n') || trimmed.endsWith('\r')))
        trimmed.chop(1);
    const qsizetype newline = trimmed.lastIndexOf('\n');
    QByteArray line = trimmed.mid(newline + 1);
    if (line.size() > maxBytes)
        line = line.right(maxBytes);
    return line;
}

QByteArray pattern(qsizetype size, char seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char('a' + (seed + i) % 26);
    return bytes;
}

} // namespace

class TestOutputTail : public QObject
{
    Q_OBJECT

private slots:
    void emptyTail();
    void capacityIsAtLeastOne();
    void appendSequence_data();
    void appendSequence();
    void lastN_data();
    void lastN();
    void wrapAroundManyAppends();
    void randomizedAgainstReference_data();
    void randomizedAgainstReference();
    void lastLine_data();
    void lastLine();
    void lastLineAcrossWrap();
    void ignoresEmptyAndNegativeAppends();
    void binaryBytesSurvive();
    void directWritesMatchAppends_data();
    void directWritesMatchAppends();
    void shrinkKeepsTheEndAndTheCount_data();
    void shrinkKeepsTheEndAndTheCount();
    void copyToFileIsByteExact();
    void copyToAnUnwritablePathFails();
};

void TestOutputTail::emptyTail()
{
    const OutputTail tail(16);
    QCOMPARE(tail.tail(), QByteArray());
    QCOMPARE(tail.last(5), QByteArray());
    QCOMPARE(tail.lastLine(), QByteArray());
    QCOMPARE(tail.totalBytes(), qint64(0));
    QCOMPARE(tail.keptBytes(), qsizetype(0));
    QCOMPARE(tail.capacity(), qsizetype(16));
    QVERIFY(!tail.truncated());
}

void TestOutputTail::capacityIsAtLeastOne()
{
    OutputTail zero(0);
    QCOMPARE(zero.capacity(), qsizetype(1));
    zero.append(QByteArrayLiteral("abc"));
    QCOMPARE(zero.tail(), QByteArrayLiteral("c"));
    QCOMPARE(zero.totalBytes(), qint64(3));
    QVERIFY(zero.truncated());

    OutputTail negative(-5);
    QCOMPARE(negative.capacity(), qsizetype(1));
    negative.append(QByteArrayLiteral("xy"));
    QCOMPARE(negative.tail(), QByteArrayLiteral("y"));
}

void TestOutputTail::appendSequence_data()
{
    QTest::addColumn<int>("capacity");
    QTest::addColumn<QList<QByteArray>>("chunks");

    QTest::newRow("one small chunk") << 8 << QList<QByteArray>{"abc"};
    QTest::newRow("exactly capacity") << 8 << QList<QByteArray>{"abcdefgh"};
    QTest::newRow("one byte over capacity") << 8 << QList<QByteArray>{"abcdefghi"};
    QTest::newRow("chunk much larger than capacity") << 4 << QList<QByteArray>{pattern(1000, 3)};
    QTest::newRow("fills in pieces to exactly capacity") << 6 << QList<QByteArray>{"ab", "cd", "ef"};
    QTest::newRow("small then overflow") << 6 << QList<QByteArray>{"ab", "cdefgh"};
    QTest::newRow("small then larger than capacity") << 6 << QList<QByteArray>{"ab", "0123456789"};
    QTest::newRow("large then small") << 6 << QList<QByteArray>{"0123456789", "xy"};
    QTest::newRow("large then small then large") << 5 << QList<QByteArray>{"0123456789", "xy", "ABCDEFG"};
    QTest::newRow("chunk equal to capacity after wrap") << 5 << QList<QByteArray>{"abc", "defgh", "12345"};
    QTest::newRow("single bytes past capacity")
        << 3 << QList<QByteArray>{"a", "b", "c", "d", "e", "f", "g"};
    QTest::newRow("growth doubling then wrap") << 100 << QList<QByteArray>{pattern(1, 0), pattern(2, 1), pattern(5, 2),
                                                                             pattern(30, 3), pattern(70, 4),
                                                                             pattern(99, 5)};
    QTest::newRow("capacity one") << 1 << QList<QByteArray>{"ab", "c", "", "de"};
}

void TestOutputTail::appendSequence()
{
    QFETCH(int, capacity);
    QFETCH(QList<QByteArray>, chunks);

    OutputTail tail(capacity);
    QByteArray all;
    for (const QByteArray &chunk : chunks) {
        tail.append(chunk);
        all += chunk;
        const QByteArray expected = referenceTail(all, capacity);
        QCOMPARE(tail.tail(), expected);
        QCOMPARE(tail.keptBytes(), expected.size());
        QCOMPARE(tail.totalBytes(), qint64(all.size()));
        QCOMPARE(tail.truncated(), all.size() > capacity);
    }
}

void TestOutputTail::lastN_data()
{
    QTest::addColumn<int>("capacity");
    QTest::addColumn<QList<QByteArray>>("chunks");
    QTest::addColumn<int>("n");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("zero") << 8 << QList<QByteArray>{"abcdef"} << 0 << QByteArray();
    QTest::newRow("negative is clamped") << 8 << QList<QByteArray>{"abcdef"} << -3 << QByteArray();
    QTest::newRow("fewer than kept") << 8 << QList<QByteArray>{"abcdef"} << 2 << QByteArray("ef");
    QTest::newRow("all kept") << 8 << QList<QByteArray>{"abcdef"} << 6 << QByteArray("abcdef");
    QTest::newRow("more than kept is clamped") << 8 << QList<QByteArray>{"abcdef"} << 100 << QByteArray("abcdef");
    // After wrapping, the last bytes straddle the physical end of the ring.
    QTest::newRow("straddles the wrap") << 5 << QList<QByteArray>{"abcd", "efg"} << 4 << QByteArray("defg");
    QTest::newRow("after wrap, only new bytes") << 5 << QList<QByteArray>{"abcd", "efg"} << 2 << QByteArray("fg");
    QTest::newRow("after wrap, everything") << 5 << QList<QByteArray>{"abcd", "efg"} << 5 << QByteArray("cdefg");
}

void TestOutputTail::lastN()
{
    QFETCH(int, capacity);
    QFETCH(QList<QByteArray>, chunks);
    QFETCH(int, n);
    QFETCH(QByteArray, expected);

    OutputTail tail(capacity);
    for (const QByteArray &chunk : chunks)
        tail.append(chunk);
    QCOMPARE(tail.last(n), expected);
}

void TestOutputTail::wrapAroundManyAppends()
{
    // Chunk sizes coprime with the capacity make the write position visit
    // every offset of the ring, so every wrap split is exercised.
    const qsizetype capacity = 97;
    OutputTail tail(capacity);
    QByteArray all;
    for (int i = 0; i < 500; ++i) {
        const QByteArray chunk = pattern(1 + (i * 7) % 13, char(i));
        tail.append(chunk);
        all += chunk;
        const QByteArray expected = referenceTail(all, capacity);
        QCOMPARE(tail.tail(), expected);
        for (qsizetype n : {qsizetype(1), qsizetype(10), capacity / 2, capacity})
            QCOMPARE(tail.last(n), expected.right(n));
    }
    QCOMPARE(tail.totalBytes(), qint64(all.size()));
    QVERIFY(tail.truncated());
    QCOMPARE(tail.keptBytes(), capacity);
}

void TestOutputTail::randomizedAgainstReference_data()
{
    QTest::addColumn<int>("capacity");
    QTest::addColumn<int>("maxChunk");
    QTest::addColumn<quint32>("seed");

    QTest::newRow("tiny ring, small chunks") << 7 << 5 << 1u;
    QTest::newRow("tiny ring, chunks around capacity") << 7 << 16 << 2u;
    QTest::newRow("medium ring") << 256 << 100 << 3u;
    QTest::newRow("medium ring, big chunks") << 256 << 600 << 4u;
    QTest::newRow("large ring, small chunks") << 4096 << 64 << 5u;
}

void TestOutputTail::randomizedAgainstReference()
{
    QFETCH(int, capacity);
    QFETCH(int, maxChunk);
    QFETCH(quint32, seed);

    QRandomGenerator rng(seed);
    OutputTail tail(capacity);
    QByteArray all;
    for (int step = 0; step < 2000; ++step) {
        const int size = rng.bounded(maxChunk + 1); // 0 included: must be a no-op
        QByteArray chunk(size, Qt::Uninitialized);
        for (char &c : chunk) {
            // Mostly letters, with newlines and CRs so lastLine has work to do.
            const quint32 r = rng.bounded(20);
            c = r == 0 ? '\n' : r == 1 ? '\r' : char('a' + r);
        }
        tail.append(chunk);
        all += chunk;

        const QByteArray expected = referenceTail(all, capacity);
        QCOMPARE(tail.totalBytes(), qint64(all.size()));
        QCOMPARE(tail.keptBytes(), expected.size());
        QCOMPARE(tail.truncated(), all.size() > capacity);
        QCOMPARE(tail.tail(), expected);
        const int n = rng.bounded(capacity + 2);
        QCOMPARE(tail.last(n), expected.right(n));
        const int maxBytes = 1 + rng.bounded(capacity + 1);
        QCOMPARE(tail.lastLine(maxBytes), referenceLastLine(expected, maxBytes));
    }
}

void TestOutputTail::lastLine_data()
{
    QTest::addColumn<QByteArray>("output");
    QTest::addColumn<int>("maxBytes");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("empty") << QByteArray() << 512 << QByteArray();
    QTest::newRow("only newlines") << QByteArray("\n\n\n") << 512 << QByteArray();
    QTest::newRow("only CRLFs") << QByteArray("\r\n\r\n") << 512 << QByteArray();
    QTest::newRow("no newline") << QByteArray("hello") << 512 << QByteArray("hello");
    QTest::newRow("one line with newline") << QByteArray("hello\n") << 512 << QByteArray("hello");
    QTest::newRow("two lines") << QByteArray("first\nsecond\n") << 512 << QByteArray("second");
    QTest::newRow("last line unterminated") << QByteArray("first\nsecond") << 512 << QByteArray("second");
    QTest::newRow("trailing blank lines skipped") << QByteArray("first\nsecond\n\n\n") << 512 << QByteArray("second");
    QTest::newRow("CRLF endings") << QByteArray("first\r\nsecond\r\n") << 512 << QByteArray("second");
    QTest::newRow("CRLF blank lines skipped") << QByteArray("first\r\nsecond\r\n\r\n") << 512 << QByteArray("second");
    QTest::newRow("mixed endings") << QByteArray("a\r\nb\n\r\n") << 512 << QByteArray("b");
    QTest::newRow("whitespace line counts as a line") << QByteArray("a\n  \n") << 512 << QByteArray("  ");
    QTest::newRow("leading newline") << QByteArray("\nonly") << 512 << QByteArray("only");
    QTest::newRow("cut keeps the end") << QByteArray("0123456789\n") << 4 << QByteArray("6789");
    QTest::newRow("cut exactly at length") << QByteArray("x\n0123\n") << 4 << QByteArray("0123");
    QTest::newRow("zero bytes allowed") << QByteArray("abc\n") << 0 << QByteArray();
}

void TestOutputTail::lastLine()
{
    QFETCH(QByteArray, output);
    QFETCH(int, maxBytes);
    QFETCH(QByteArray, expected);

    // Byte by byte and all at once must agree.
    OutputTail whole(1024);
    whole.append(output);
    QCOMPARE(whole.lastLine(maxBytes), expected);

    OutputTail pieces(1024);
    for (char c : output)
        pieces.append(&c, 1);
    QCOMPARE(pieces.lastLine(maxBytes), expected);
}

void TestOutputTail::lastLineAcrossWrap()
{
    OutputTail tail(10);
    tail.append(QByteArrayLiteral("line one\nli"));
    tail.append(QByteArrayLiteral("ne two\n"));
    // The first chunk alone overflowed, so only its end survives; the second
    // wraps around the ring.
    QCOMPARE(tail.tail(), QByteArrayLiteral("\nline two\n"));
    QCOMPARE(tail.lastLine(), QByteArrayLiteral("line two"));

    tail.append(QByteArrayLiteral("abcdefghijklmnop")); // no newline in the window at all
    QCOMPARE(tail.lastLine(), QByteArrayLiteral("ghijklmnop"));
    QCOMPARE(tail.lastLine(3), QByteArrayLiteral("nop"));
}

void TestOutputTail::ignoresEmptyAndNegativeAppends()
{
    OutputTail tail(8);
    tail.append(QByteArrayLiteral("abc"));
    tail.append(QByteArray());
    tail.append("zzz", 0);
    tail.append("zzz", -4);
    QCOMPARE(tail.tail(), QByteArrayLiteral("abc"));
    QCOMPARE(tail.totalBytes(), qint64(3));
}

void TestOutputTail::binaryBytesSurvive()
{
    QByteArray bytes;
    for (int i = 0; i < 256; ++i)
        bytes.append(char(i));
    OutputTail tail(100);
    tail.append(bytes);
    tail.append(bytes.left(30));
    QCOMPARE(tail.tail(), (bytes + bytes.left(30)).right(100));
    QCOMPARE(tail.totalBytes(), qint64(286));
}


void TestOutputTail::directWritesMatchAppends_data()
{
    QTest::addColumn<int>("capacity");
    QTest::addColumn<int>("maxChunk");
    QTest::addColumn<quint32>("seed");

    QTest::newRow("chunks smaller than the ring") << 64 << 20 << 11u;
    QTest::newRow("chunks around the ring") << 64 << 130 << 12u;
    QTest::newRow("one-byte ring") << 1 << 3 << 13u;
}

void TestOutputTail::directWritesMatchAppends()
{
    // What a reader does: append() while the ring grows, then read straight
    // into writeRegion() and commit(); the tail must be the same either way.
    QFETCH(int, capacity);
    QFETCH(int, maxChunk);
    QFETCH(quint32, seed);

    QRandomGenerator rng(seed);
    OutputTail tail(capacity);
    QByteArray all;
    int directWrites = 0;
    for (int i = 0; i < 400; ++i) {
        const QByteArray chunk = pattern(1 + rng.bounded(maxChunk), char(i));
        qsizetype room = 0;
        char *region = tail.writeRegion(&room);
        if (region) {
            QVERIFY(room > 0 && room <= capacity);
            const qsizetype n = std::min(room, chunk.size());
            std::memcpy(region, chunk.constData(), size_t(n));
            tail.commit(n);
            all += chunk.left(n);
            ++directWrites;
        } else {
            QCOMPARE(room, qsizetype(0));
            tail.append(chunk);
            all += chunk;
        }
        QCOMPARE(tail.tail(), referenceTail(all, capacity));
        QCOMPARE(tail.totalBytes(), qint64(all.size()));
    }
    QVERIFY(directWrites > 0); // the ring reached its full size and was written in place
}

void TestOutputTail::shrinkKeepsTheEndAndTheCount_data()
{
    QTest::addColumn<int>("capacity");
    QTest::addColumn<int>("written");
    QTest::addColumn<int>("keep");
    QTest::addColumn<bool>("trimmed"); // bytes that were kept are gone
    QTest::newRow("full ring to 4 KiB") << 64 * 1024 << 200 * 1024 << 4096 << true;
    QTest::newRow("wrapped ring") << 10000 << 12345 << 4096 << true;
    QTest::newRow("less than kept: nothing lost") << 64 * 1024 << 1000 << 4096 << false;
    QTest::newRow("exactly what is kept") << 64 * 1024 << 4096 << 4096 << false;
    QTest::newRow("one byte more") << 64 * 1024 << 4097 << 4096 << true;
}

void TestOutputTail::shrinkKeepsTheEndAndTheCount()
{
    QFETCH(int, capacity);
    QFETCH(int, written);
    QFETCH(int, keep);
    QFETCH(bool, trimmed);
    OutputTail tail(capacity);
    const QByteArray all = pattern(written, 3);
    for (qsizetype at = 0; at < all.size(); at += 777)
        tail.append(all.mid(at, 777));
    QVERIFY(!tail.trimmed());
    tail.shrinkTo(keep);
    QCOMPARE(tail.trimmed(), trimmed);
    QCOMPARE(tail.totalBytes(), qint64(written)); // the count stays exact
    QCOMPARE(tail.tail(), referenceTail(referenceTail(all, capacity), keep));
    QVERIFY(tail.capacity() <= keep);
    // What arrives later (it should not, for a finished job) is still kept right.
    tail.append(QByteArray("tail end\n"));
    QCOMPARE(tail.totalBytes(), qint64(written) + 9);
    QVERIFY(tail.tail().endsWith("tail end\n"));
    QVERIFY(tail.keptBytes() <= keep);
}

void TestOutputTail::copyToFileIsByteExact()
{
    // Both ways bytes arrive (append while the ring grows, then direct reads
    // into the full ring) must reach the file, in order, every one of them.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("stdout"));
    OutputTail tail(1000);
    QString error;
    QVERIFY2(tail.copyTo(path, &error), qPrintable(error));
    QByteArray all;
    QRandomGenerator random(7);
    for (int round = 0; round < 400; ++round) {
        QByteArray chunk(qsizetype(random.bounded(1, 700)), Qt::Uninitialized);
        for (char &c : chunk)
            c = char(random.bounded(256));
        all += chunk;
        qsizetype room = 0;
        char *region = tail.writeRegion(&room);
        if (region && round % 2 == 0) {
            const qsizetype n = std::min(room, chunk.size());
            std::memcpy(region, chunk.constData(), size_t(n));
            tail.commit(n);
            tail.append(chunk.constData() + n, chunk.size() - n);
        } else {
            tail.append(chunk);
        }
    }
    tail.closeCopy();
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), all);
    QCOMPARE(tail.totalBytes(), qint64(all.size()));
    QCOMPARE(tail.tail(), referenceTail(all, 1000));
    QVERIFY(tail.fileError().isEmpty());
}

void TestOutputTail::copyToAnUnwritablePathFails()
{
    OutputTail tail;
    QString error;
    QVERIFY(!tail.copyTo(QStringLiteral("/nonexistent-dir/stdout"), &error));
    QVERIFY2(error.contains(QLatin1String("/nonexistent-dir/stdout")), qPrintable(error));
    tail.append(QByteArray("still kept"));
    QCOMPARE(tail.tail(), QByteArray("still kept"));
}

QTEST_GUILESS_MAIN(TestOutputTail)
#include "tst_outputtail.moc"
