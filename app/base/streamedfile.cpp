#include "streamedfile.h"

#include "fileslog.h"
#include "stoprequest.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

// How long a write to a full FIFO waits before looking for a stop request.
constexpr int PollSliceMs = 100;

} // namespace

StreamedFile::StreamedFile() = default;

StreamedFile::~StreamedFile()
{
    if (m_pipe >= 0)
        ::close(m_pipe);
    // Never committed (an error elsewhere): the previous file stays.
    if (auto *save = m_atomic ? static_cast<QSaveFile *>(m_file.get()) : nullptr)
        save->cancelWriting();
}

bool StreamedFile::fail(const QString &why, QString *error)
{
    // The same words as AtomicFile's, so they share one translation.
    *error = QCoreApplication::translate("AtomicFile", "cannot write %1 to %2: %3").arg(m_what, m_shownPath, why);
    qCWarning(lcFiles).noquote() << *error;
    return false;
}

bool StreamedFile::open(const QString &path, const QString &what, QString *error)
{
    m_what = what;
    m_shownPath = path == QLatin1String("-") ? QStringLiteral("stdout") : path;
    if (path == QLatin1String("-")) {
        std::fflush(stdout); // what was printed before comes first
        auto file = std::make_unique<QFile>();
        if (!file->open(stdout, QIODevice::WriteOnly))
            return fail(file->errorString(), error);
        m_file = std::move(file);
        return true;
    }
    const QFileInfo target(path);
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) == 0 && (S_ISFIFO(info.st_mode) || S_ISSOCK(info.st_mode))) {
        // Its reader is there by now (HeadlessRunner waits with ReaderWait).
        m_pipe = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CLOEXEC);
        if (m_pipe < 0)
            return fail(QString::fromLocal8Bit(std::strerror(errno)), error);
        ::fcntl(m_pipe, F_SETFL, ::fcntl(m_pipe, F_GETFL) | O_NONBLOCK);
        return true;
    }
    if (target.exists() && !target.isFile()) {
        auto file = std::make_unique<QFile>(path);
        if (!file->open(QIODevice::WriteOnly))
            return fail(file->errorString(), error);
        m_file = std::move(file);
        return true;
    }
    auto file = std::make_unique<QSaveFile>(path);
    if (!file->open(QIODevice::WriteOnly))
        return fail(file->errorString(), error);
    m_file = std::move(file);
    m_atomic = true;
    return true;
}

void StreamedFile::write(const QByteArray &bytes)
{
    if (m_pipe >= 0 && !m_failed) {
        writeToPipe(bytes);
        return;
    }
    if (!m_file || m_failed)
        return;
    if (m_file->write(bytes) != bytes.size())
        m_failed = true;
}

void StreamedFile::writeToPipe(const QByteArray &bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(m_pipe, bytes.constData() + done, size_t(bytes.size() - done));
        if (n > 0) {
            done += n;
            continue;
        }
        if (n < 0 && errno != EAGAIN && errno != EINTR) {
            m_pipeError = QString::fromLocal8Bit(std::strerror(errno));
            m_failed = true;
            return;
        }
        // Full: wait for the reader to read, a slice at a time; a signal
        // ends poll() at once (poll is never restarted).
        if (const int signal = StopRequest::signal()) {
            m_pipeError = QCoreApplication::translate("StreamedFile", "stopped by signal %1 while waiting for its "
                                                                      "reader to read")
                              .arg(signal);
            m_failed = true;
            return;
        }
        pollfd out = {m_pipe, POLLOUT, 0};
        ::poll(&out, 1, PollSliceMs);
    }
}

bool StreamedFile::commit(QString *error)
{
    if (m_pipe >= 0) {
        ::close(m_pipe);
        m_pipe = -1;
        return m_failed ? fail(m_pipeError, error) : true;
    }
    if (!m_file)
        return fail(QCoreApplication::translate("AtomicFile", "the write failed"), error);
    if (m_failed || !m_file->flush()) {
        const QString reason = m_file->error() == QFileDevice::NoError || m_file->errorString() == QLatin1String("Unknown error")
                                   ? QCoreApplication::translate("AtomicFile", "only part of it could be written (is the disk full, or a size limit set?); the previous file is unchanged")
                                   : QCoreApplication::translate("AtomicFile", "%1; the previous file is unchanged").arg(m_file->errorString());
        if (m_atomic) {
            auto *save = static_cast<QSaveFile *>(m_file.get());
            save->cancelWriting();
            save->commit();
        }
        m_file.reset();
        return fail(reason, error);
    }
    if (m_atomic) {
        auto *save = static_cast<QSaveFile *>(m_file.get());
        const bool committed = save->commit();
        const QString reason = save->errorString();
        m_file.reset();
        if (!committed)
            return fail(QCoreApplication::translate("AtomicFile", "%1; the previous file is unchanged").arg(reason), error);
        return true;
    }
    m_file.reset();
    return true;
}
