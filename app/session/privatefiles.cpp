#include "privatefiles.h"

#include "privatedir.h"

#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

constexpr mode_t FolderMode = 0700;
constexpr mode_t FileMode = 0600;

// Group and other access taken away from what the user owns; others' files
// and symlinks are not touched.
void tighten(const QByteArray &path, mode_t mode)
{
    struct stat st;
    if (::lstat(path.constData(), &st) != 0 || S_ISLNK(st.st_mode) || st.st_uid != ::geteuid())
        return;
    if ((st.st_mode & 077) != 0)
        ::chmod(path.constData(), mode);
}

} // namespace

bool PrivateFiles::makeFolder(const QString &dir, QString *error)
{
    if (!PrivateDir::make(dir, error))
        return false;
    tighten(QFile::encodeName(QFileInfo(dir).absoluteFilePath()), FolderMode);
    return true;
}

bool PrivateFiles::prepareFile(const QString &path, bool *created, QString *error)
{
    *created = false;
    if (!makeFolder(QFileInfo(path).absolutePath(), error))
        return false;
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, FileMode);
    if (fd >= 0) {
        ::close(fd);
        *created = true;
        return true;
    }
    if (errno != EEXIST) {
        *error = tr("it cannot be made: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    tighten(name, FileMode);
    return true;
}
