// Waits for a reader at each FIFO the headless run writes to (--report,
// --joblog, --trace), from the event loop, so SIGINT and SIGTERM still stop
// the run while nobody reads. Opening a FIFO for writing blocks in the kernel
// until a reader comes, and a signal handled with SA_RESTART does not end
// that wait; so each FIFO is tried with O_NONBLOCK every PollMs instead.
// Once a reader is there, a write end is held until this object goes, so the
// reader (cat, say, which ends at the last writer's close) stays for the
// stream's own, then certain, open.
#pragma once

#include <QList>
#include <QObject>
#include <QStringList>
#include <QTimer>

class ReaderWait : public QObject
{
    Q_OBJECT
public:
    static constexpr int PollMs = 100;

    explicit ReaderWait(QObject *parent = nullptr);
    ~ReaderWait() override;

    // Emits ready() (from the event loop, never from here) once every FIFO
    // among paths has a reader; other paths ("-", files, missing ones) are
    // not waited for.
    void start(const QStringList &paths);
    // Gives up waiting: ready() does not come.
    void stop();
    // Closes the held write ends, once the streams have their own.
    void release();
    // The FIFOs still without a reader.
    QStringList waitingFor() const { return m_waiting; }

signals:
    void ready();

private:
    void poll();

    QStringList m_waiting;
    QList<int> m_held;
    QTimer m_timer;
    bool m_stopped = false;
};
