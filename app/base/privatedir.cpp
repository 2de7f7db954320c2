#include "privatedir.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <sys/stat.h>

bool PrivateDir::make(const QString &path, QString *error)
{
    const QString absolute = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    QString built;
    const QStringList parts = absolute.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        built += QLatin1Char('/') + part;
        // mkdir() itself, not a check first: a folder made meanwhile is fine.
        if (::mkdir(QFile::encodeName(built).constData(), 0700) == 0 || errno == EEXIST)
            continue;
        *error = QCoreApplication::translate("PrivateDir", "%1: cannot create the folder: %2")
                     .arg(built, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    if (!QFileInfo(absolute).isDir()) {
        *error = QCoreApplication::translate("PrivateDir", "%1: cannot create the folder: a file of that name is in the way")
                     .arg(absolute);
        return false;
    }
    return true;
}
