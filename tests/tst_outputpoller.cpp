#include "outputpoller.h"

#include <QtTest>

#include <fcntl.h>
#include <unistd.h>

class TestOutputPoller : public QObject
{
    Q_OBJECT

private slots:
    void dataAndEndOfFileAreReported();
    void unwatchInsideACallbackStopsTheOther();
};

namespace {

struct Pipe
{
    int read = -1;
    int write = -1;
    Pipe()
    {
        int ends[2];
        if (::pipe2(ends, O_CLOEXEC | O_NONBLOCK) == 0) {
            read = ends[0];
            write = ends[1];
        }
    }
    ~Pipe()
    {
        for (int fd : {read, write}) {
            if (fd >= 0)
                ::close(fd);
        }
    }
};

} // namespace

void TestOutputPoller::dataAndEndOfFileAreReported()
{
    OutputPoller *poller = OutputPoller::forCurrentThread();
    QCOMPARE(OutputPoller::forCurrentThread(), poller);
    Pipe pipe;
    QVERIFY(pipe.read >= 0);
    QByteArray got;
    int calls = 0;
    bool eof = false;
    const quint64 token = poller->watch(pipe.read, [&] {
        ++calls;
        char buffer[16];
        const ssize_t n = ::read(pipe.read, buffer, sizeof buffer);
        if (n > 0)
            got.append(buffer, n);
        else if (n == 0)
            eof = true;
    });
    QVERIFY(token != 0);
    const int watched = poller->watchedCount();
    QVERIFY(watched >= 1);

    // A round of the event loop polls the epoll set; nothing is readable yet.
    QCoreApplication::processEvents();
    QCOMPARE(calls, 0);
    // Level-triggered: 40 bytes read 16 at a time take several calls.
    QCOMPARE(::write(pipe.write, QByteArray(40, 'x').constData(), 40), ssize_t(40));
    QTRY_COMPARE(got.size(), 40);
    QVERIFY(calls >= 3);
    ::close(pipe.write);
    pipe.write = -1;
    QTRY_VERIFY(eof);

    poller->unwatch(token, pipe.read);
    QCOMPARE(poller->watchedCount(), watched - 1);
}

void TestOutputPoller::unwatchInsideACallbackStopsTheOther()
{
    // Both pipes are ready in the same round; whichever is served first
    // unwatches the other, which then must not be called.
    OutputPoller *poller = OutputPoller::forCurrentThread();
    Pipe a;
    Pipe b;
    int aCalls = 0;
    int bCalls = 0;
    quint64 aToken = 0;
    quint64 bToken = 0;
    aToken = poller->watch(a.read, [&] {
        ++aCalls;
        poller->unwatch(bToken, b.read);
        poller->unwatch(aToken, a.read);
    });
    bToken = poller->watch(b.read, [&] {
        ++bCalls;
        poller->unwatch(aToken, a.read);
        poller->unwatch(bToken, b.read);
    });
    QVERIFY(aToken && bToken);
    QCOMPARE(::write(a.write, "1", 1), ssize_t(1));
    QCOMPARE(::write(b.write, "1", 1), ssize_t(1));
    QTRY_COMPARE(aCalls + bCalls, 1);
    // The data is still unread, so the epoll set stays readable while either
    // watch lives (level-triggered): the next round of the event loop would call it.
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    QCOMPARE(aCalls + bCalls, 1);
}

QTEST_GUILESS_MAIN(TestOutputPoller)
#include "tst_outputpoller.moc"
