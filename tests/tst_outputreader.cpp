#include "outputreader.h"

#include <QTimer>
#include <QtTest>

#include <fcntl.h>
#include <thread>
#include <unistd.h>

class TestOutputReader : public QObject
{
    Q_OBJECT

private slots:
    void readsEveryByteAfterWhatTheTailHeld();
    void stopReturnsWhileAWriterKeepsThePipeOpen();
};

namespace {

// A pattern whose every position is known: byte i is 'a' + i % 26.
QByteArray pattern(qint64 from, qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char('a' + (from + i) % 26);
    return bytes;
}

bool writeAll(int fd, const QByteArray &bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

} // namespace

void TestOutputReader::readsEveryByteAfterWhatTheTailHeld()
{
    int ends[2];
    QVERIFY(::pipe2(ends, O_CLOEXEC) == 0);
    ::fcntl(ends[0], F_SETFL, O_NONBLOCK);
    const qsizetype capacity = 100 * 1000; // not a multiple of any read size
    OutputTail tail(capacity);
    tail.append(pattern(0, 1000));
    const qint64 total = 20LL * 1024 * 1024 + 7;
    OutputReader reader(ends[0], tail);
    std::thread writer([&] {
        for (qint64 at = 1000; at < total; at += 65536)
            writeAll(ends[1], pattern(at, qsizetype(std::min<qint64>(65536, total - at))));
        ::close(ends[1]);
    });
    // Takes while it reads, as the job's timer does.
    int takes = 0;
    QTimer taker;
    taker.setInterval(5);
    connect(&taker, &QTimer::timeout, this, [&] {
        if (reader.takeInto(&tail))
            ++takes;
    });
    taker.start();
    const bool ended = QTest::qWaitFor([&] { return reader.atEnd(); }, 30000);
    taker.stop();
    writer.join();
    QVERIFY(ended);
    reader.stop(0);
    reader.takeInto(&tail);
    QVERIFY(takes > 0);
    QCOMPARE(tail.totalBytes(), total);
    QCOMPARE(tail.keptBytes(), capacity);
    QCOMPARE(tail.tail(), pattern(total - capacity, capacity));
    QVERIFY(!reader.takeInto(&tail)); // nothing new
    ::close(ends[0]);
}

void TestOutputReader::stopReturnsWhileAWriterKeepsThePipeOpen()
{
    // As a grandchild that keeps the job's stdout: no end of file ever comes,
    // yet stop() reads what is there and returns.
    int ends[2];
    QVERIFY(::pipe2(ends, O_CLOEXEC) == 0);
    ::fcntl(ends[0], F_SETFL, O_NONBLOCK);
    OutputTail tail(4096);
    OutputReader reader(ends[0], tail);
    QVERIFY(writeAll(ends[1], "first\n"));
    QTRY_VERIFY(reader.takeInto(&tail) || tail.totalBytes() == 6);
    QCOMPARE(tail.tail(), QByteArray("first\n"));
    QVERIFY(writeAll(ends[1], "last\n"));
    QElapsedTimer timer;
    timer.start();
    reader.stop(1024);
    QVERIFY(timer.elapsed() < 2000);
    reader.takeInto(&tail);
    QCOMPARE(tail.tail(), QByteArray("first\nlast\n"));
    QVERIFY(!reader.atEnd());
    ::close(ends[1]);
    ::close(ends[0]);
}

QTEST_GUILESS_MAIN(TestOutputReader)
#include "tst_outputreader.moc"
