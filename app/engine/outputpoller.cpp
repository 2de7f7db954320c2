#include "outputpoller.h"
#include "enginelog.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QThread>

#include <cerrno>
#include <cstring>
#include <sys/epoll.h>
#include <unistd.h>

namespace {

thread_local OutputPoller *t_poller = nullptr;

} // namespace

void OutputPoller::destroyForCurrentThread()
{
    delete t_poller;
    t_poller = nullptr;
}

OutputPoller *OutputPoller::forCurrentThread()
{
    if (!t_poller) {
        t_poller = new OutputPoller;
        // Gone with the application (main thread) or with its own thread.
        QCoreApplication *app = QCoreApplication::instance();
        if (app && app->thread() == QThread::currentThread())
            qAddPostRoutine(destroyForCurrentThread); // while the event dispatcher still exists
        else if (QThread *thread = QThread::currentThread())
            connect(thread, &QThread::finished, t_poller, destroyForCurrentThread, Qt::DirectConnection);
    }
    return t_poller;
}

OutputPoller::OutputPoller()
    : m_epoll(::epoll_create1(EPOLL_CLOEXEC))
{
    if (m_epoll >= 0) {
        m_notifier = new QSocketNotifier(qintptr(m_epoll), QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, &OutputPoller::dispatch);
    }
}

OutputPoller::~OutputPoller()
{
    delete m_notifier;
    if (m_epoll >= 0)
        ::close(m_epoll);
}

quint64 OutputPoller::watch(int fd, std::function<void()> onReady)
{
    if (m_epoll < 0 || fd < 0)
        return 0;
    const quint64 token = m_nextToken++;
    epoll_event event{};
    event.events = EPOLLIN; // EPOLLHUP and EPOLLERR are always reported
    event.data.u64 = token;
    if (::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event) != 0) {
        qCWarning(lcEngine, "epoll_ctl(ADD, fd %d) failed: %s; that output is not read", fd, std::strerror(errno));
        return 0;
    }
    m_watchers.emplace(token, std::move(onReady));
    return token;
}

void OutputPoller::unwatch(quint64 token, int fd)
{
    if (token == 0)
        return;
    if (::epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr) != 0 && errno != EBADF)
        qCWarning(lcEngine, "epoll_ctl(DEL, fd %d) failed: %s", fd, std::strerror(errno));
    if (m_dispatching)
        m_removed.insert(token);
    else
        m_watchers.erase(token);
}

void OutputPoller::dispatch()
{
    epoll_event events[64];
    int count;
    do {
        count = ::epoll_wait(m_epoll, events, 64, 0);
    } while (count < 0 && errno == EINTR);
    m_dispatching = true;
    for (int i = 0; i < count; ++i) {
        const quint64 token = events[i].data.u64;
        if (m_removed.count(token))
            continue;
        const auto it = m_watchers.find(token);
        if (it != m_watchers.end())
            it->second();
    }
    m_dispatching = false;
    for (quint64 token : m_removed)
        m_watchers.erase(token);
    m_removed.clear();
}
