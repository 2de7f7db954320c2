#include "readerwait.h"

#include <QFile>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

ReaderWait::ReaderWait(QObject *parent)
    : QObject(parent)
{
    m_timer.setInterval(PollMs);
    connect(&m_timer, &QTimer::timeout, this, &ReaderWait::poll);
}

ReaderWait::~ReaderWait()
{
    release();
}

void ReaderWait::release()
{
    for (int fd : std::as_const(m_held))
        ::close(fd);
    m_held.clear();
}

void ReaderWait::start(const QStringList &paths)
{
    for (const QString &path : paths) {
        struct stat info = {};
        if (path.isEmpty() || path == QLatin1String("-")
            || ::stat(QFile::encodeName(path).constData(), &info) != 0 || !S_ISFIFO(info.st_mode))
            continue;
        m_waiting << path;
    }
    poll();
    if (!m_waiting.isEmpty())
        m_timer.start();
}

void ReaderWait::stop()
{
    m_stopped = true;
    m_timer.stop();
    m_waiting.clear();
}

void ReaderWait::poll()
{
    if (m_stopped)
        return;
    for (auto it = m_waiting.begin(); it != m_waiting.end();) {
        const int fd = ::open(QFile::encodeName(*it).constData(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0 && errno == ENXIO) {
            ++it; // no reader yet
            continue;
        }
        // Opened, or failed for another reason that the stream's own open
        // will report in its words.
        if (fd >= 0)
            m_held << fd;
        it = m_waiting.erase(it);
    }
    if (!m_waiting.isEmpty())
        return;
    m_timer.stop();
    QTimer::singleShot(0, this, [this] {
        if (!m_stopped) // not if stop() came in between
            emit ready();
    });
}
