#include "reportfile.h"

#include <QFile>
#include <QFileInfo>
#include <QObject>
#include <QSaveFile>

#include <cstdio>

bool ReportFile::write(const QString &path, const QByteArray &bytes, QString *error)
{
    auto fail = [&](const QString &why) {
        *error = QObject::tr("cannot write the report to %1: %2").arg(path == QLatin1String("-") ? QStringLiteral("stdout") : path, why);
        return false;
    };
    if (path == QLatin1String("-")) {
        if (std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout) != size_t(bytes.size()) || std::fflush(stdout) != 0)
            return fail(QObject::tr("the write failed"));
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
    // Check the write and the flush too: QSaveFile buffers, and a short write
    // must not be committed as if it were whole.
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.flush() || !file.commit())
        return fail(file.errorString());
    return true;
}
