#include "atomicfile.h"
#include "fileslog.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sys/stat.h>

namespace AtomicFile {

bool write(const QString &path, const QByteArray &bytes, const QString &what, QString *error, Access access)
{
    const QString shownPath = path == QLatin1String("-") ? QStringLiteral("stdout") : path;
    auto fail = [&](const QString &why) {
        *error = QCoreApplication::translate("AtomicFile", "cannot write %1 to %2: %3").arg(what, shownPath, why);
        qCWarning(lcFiles).noquote() << *error;
        return false;
    };
    if (path == QLatin1String("-")) {
        if (std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout) != size_t(bytes.size())
            || std::fflush(stdout) != 0) {
            return fail(QCoreApplication::translate("AtomicFile", "the write failed"));
        }
        return true;
    }
    // QSaveFile renames a temporary file over the target: right for a regular
    // file, destructive for /dev/null, a FIFO or a terminal (as root it would
    // replace /dev/null), which are written in place.
    const QFileInfo target(path);
    if (target.exists() && !target.isFile()) {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.flush())
            return fail(file.errorString());
        return true;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());
    // Before a byte is written: QSaveFile gives the temporary file the old
    // file's mode, or 0666 less the umask, and renames it into place as it is.
    if (access == Access::Private && ::fchmod(file.handle(), S_IRUSR | S_IWUSR) != 0) {
        const QString reason = QString::fromLocal8Bit(std::strerror(errno));
        file.cancelWriting();
        file.commit();
        return fail(reason);
    }
    // A short write (a full disk, a file-size limit) must fail the save:
    // check the write and the flush, not only commit(), since QSaveFile buffers.
    if (file.write(bytes) != bytes.size() || !file.flush()) {
        const QString reason = file.error() == QFileDevice::NoError || file.errorString() == QLatin1String("Unknown error")
                                   ? QCoreApplication::translate("AtomicFile", "only part of it could be written (is the disk full, or a size limit set?); the previous file is unchanged")
                                   : QCoreApplication::translate("AtomicFile", "%1; the previous file is unchanged").arg(file.errorString());
        file.cancelWriting();
        file.commit();
        return fail(reason);
    }
    if (!file.commit())
        return fail(QCoreApplication::translate("AtomicFile", "%1; the previous file is unchanged").arg(file.errorString()));
    return true;
}

} // namespace AtomicFile
