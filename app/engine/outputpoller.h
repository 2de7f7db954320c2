// One epoll set for every output pipe the app reads, watched by a single
// QSocketNotifier: the event loop polls one descriptor for all of them
// instead of two per child, and starting or ending a child costs two
// epoll_ctl calls instead of creating and destroying two notifiers.
#pragma once

#include <QObject>

#include <functional>
#include <unordered_map>
#include <unordered_set>

class QSocketNotifier;

class OutputPoller : public QObject
{
    Q_OBJECT
public:
    // The calling thread's poller, created on first use and destroyed with
    // the application (or its thread).
    static OutputPoller *forCurrentThread();

    // Calls onReady from the event loop while fd is readable or at end of
    // file (level-triggered: data left unread asks again). Returns a token
    // for unwatch(), or 0 if the descriptor cannot be watched.
    quint64 watch(int fd, std::function<void()> onReady);
    // Call before closing fd. Safe from inside an onReady callback.
    void unwatch(quint64 token, int fd);

    int watchedCount() const { return int(m_watchers.size()) - int(m_removed.size()); }

private:
    OutputPoller();
    ~OutputPoller() override;
    static void destroyForCurrentThread();
    void dispatch();

    int m_epoll = -1;
    QSocketNotifier *m_notifier = nullptr;
    quint64 m_nextToken = 1;
    // Node-based, so a callback that watches more pipes cannot move the one running.
    std::unordered_map<quint64, std::function<void()>> m_watchers;
    std::unordered_set<quint64> m_removed; // unwatched during dispatch(), erased after it
    bool m_dispatching = false;
};
