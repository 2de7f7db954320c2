#include "streamedfile.h"

#include "fileslog.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <cstdio>

StreamedFile::StreamedFile() = default;

StreamedFile::~StreamedFile()
{
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
    if (!m_file || m_failed)
        return;
    if (m_file->write(bytes) != bytes.size())
        m_failed = true;
}

bool StreamedFile::commit(QString *error)
{
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
