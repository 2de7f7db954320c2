#include "outputdir.h"

#include "outputtail.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QObject>
#include <QTemporaryFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

// A descriptor closed with its scope.
class Fd
{
public:
    explicit Fd(int fd = -1) : m_fd(fd) {}
    ~Fd()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Fd(const Fd &) = delete;
    Fd &operator=(const Fd &) = delete;
    int get() const { return m_fd; }
    int release()
    {
        const int fd = m_fd;
        m_fd = -1;
        return fd;
    }

private:
    int m_fd;
};

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

// Folders SpawnScope makes are writable by the user alone (the umask may
// take more), so the checks below hold for them too.
constexpr mode_t FolderMode = 0755;

// Empty when the open folder fd (shown as path) is safe to write under: the
// user's own, and writable by no one else unless sticky, where others cannot
// rename or remove what the user made.
QString unsafeFolder(int fd, const QString &path)
{
    struct stat info = {};
    if (::fstat(fd, &info) != 0)
        return QObject::tr("--output-dir: cannot check %1: %2").arg(path, errnoText(errno));
    if (info.st_uid != ::geteuid())
        return QObject::tr("--output-dir: %1 belongs to another user (uid %2), who could swap its files for links; "
                           "choose a directory of your own")
            .arg(path)
            .arg(info.st_uid);
    if ((info.st_mode & (S_IWGRP | S_IWOTH)) && !(info.st_mode & S_ISVTX))
        return QObject::tr("--output-dir: %1 is writable by other users, who could swap its files for links; "
                           "remove their write permission (chmod go-w) or choose another directory")
            .arg(path);
    return {};
}

// Makes (if need be) and opens the folder name under parent, never through a
// link; -1 with *error naming the folder otherwise.
int openFolder(int parent, const QString &name, const QString &path, QString *error)
{
    const QByteArray local = QFile::encodeName(name);
    if (::mkdirat(parent, local.constData(), FolderMode) != 0 && errno != EEXIST) {
        *error = QObject::tr("cannot create %1 for its output files: %2").arg(path, errnoText(errno));
        return -1;
    }
    Fd fd(::openat(parent, local.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (fd.get() < 0) {
        *error = errno == ELOOP || errno == ENOTDIR
                     ? QObject::tr("--output-dir: %1 is a symbolic link or not a directory; SpawnScope never follows "
                                   "links inside --output-dir: remove it or choose another directory")
                           .arg(path)
                     : QObject::tr("cannot open %1 for its output files: %2").arg(path, errnoText(errno));
        return -1;
    }
    *error = unsafeFolder(fd.get(), path);
    return error->isEmpty() ? fd.release() : -1;
}

// Creates the file name in folder, never through a link; a plain file of the
// user's own from an earlier run (one link, so no other name is hit) is
// replaced. -1 with *error naming the file otherwise.
int createFile(int folder, const QString &name, const QString &path, QString *error)
{
    const QByteArray local = QFile::encodeName(name);
    for (int attempt = 0; attempt < 2; ++attempt) {
        const int fd = ::openat(folder, local.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
        if (fd >= 0)
            return fd;
        if (errno != EEXIST)
            break;
        struct stat info = {};
        if (::fstatat(folder, local.constData(), &info, AT_SYMLINK_NOFOLLOW) != 0)
            break;
        if (S_ISLNK(info.st_mode)) {
            *error = QObject::tr("--output-dir: %1 is a symbolic link; SpawnScope never writes through links inside "
                                 "--output-dir: remove it or choose another directory")
                         .arg(path);
            return -1;
        }
        if (!S_ISREG(info.st_mode) || info.st_uid != ::geteuid() || info.st_nlink != 1) {
            *error = QObject::tr("--output-dir: %1 is already there and is not a file of a run of yours; "
                                 "remove it or choose another directory")
                         .arg(path);
            return -1;
        }
        if (::unlinkat(folder, local.constData(), 0) != 0 && errno != ENOENT)
            break;
    }
    *error = QObject::tr("cannot write %1: %2").arg(path, errnoText(errno));
    return -1;
}

bool writeAll(int fd, const QByteArray &bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (n == 0)
                errno = EIO;
            return false;
        }
        done += n;
    }
    return true;
}

// Opens the root the user named (a link there is theirs to make) and checks it.
int openRoot(const QString &root, QString *error)
{
    Fd fd(::open(QFile::encodeName(root).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() < 0) {
        *error = QObject::tr("--output-dir %1: cannot open that directory (%2); choose one you can write to")
                     .arg(root, errnoText(errno));
        return -1;
    }
    *error = unsafeFolder(fd.get(), root);
    return error->isEmpty() ? fd.release() : -1;
}

bool openJob(const QString &jobDir, const QString &commandLine, OutputTail *out, OutputTail *err, QString *error)
{
    const QString jobName = jobDir.section(QLatin1Char('/'), -1);
    const QString runName = jobDir.section(QLatin1Char('/'), -2, -2);
    const QString root = jobDir.section(QLatin1Char('/'), 0, -3);
    const QString runDir = jobDir.section(QLatin1Char('/'), 0, -2);
    const Fd rootFd(openRoot(root, error));
    if (rootFd.get() < 0)
        return false;
    const Fd runFd(openFolder(rootFd.get(), runName, runDir, error));
    if (runFd.get() < 0)
        return false;
    const Fd jobFd(openFolder(runFd.get(), jobName, jobDir, error));
    if (jobFd.get() < 0)
        return false;
    const QString cmdPath = jobDir + QStringLiteral("/cmd");
    const Fd cmd(createFile(jobFd.get(), QStringLiteral("cmd"), cmdPath, error));
    if (cmd.get() < 0)
        return false;
    if (!writeAll(cmd.get(), commandLine.toUtf8() + '\n')) {
        *error = QObject::tr("cannot write %1: %2").arg(cmdPath, errnoText(errno));
        return false;
    }
    const QString outPath = jobDir + QStringLiteral("/stdout");
    const QString errPath = jobDir + QStringLiteral("/stderr");
    Fd outFd(createFile(jobFd.get(), QStringLiteral("stdout"), outPath, error));
    if (outFd.get() < 0)
        return false;
    Fd errFd(createFile(jobFd.get(), QStringLiteral("stderr"), errPath, error));
    if (errFd.get() < 0)
        return false;
    out->copyTo(outFd.release(), outPath);
    err->copyTo(errFd.release(), errPath);
    return true;
}

} // namespace

QString OutputDir::jobDir(const QString &root, quint64 runId, int jobIndex)
{
    return QStringLiteral("%1/%2/%3").arg(root).arg(runId).arg(jobIndex + 1);
}

bool OutputDir::prepare(const QString &root, QString *error)
{
    if (!QFileInfo::exists(root)) {
        // Made as the folders below it are: writable by the user alone.
        QString built = root.startsWith(QLatin1Char('/')) ? QStringLiteral("/") : QString();
        for (const QString &part : root.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
            built += part;
            if (::mkdir(QFile::encodeName(built).constData(), FolderMode) != 0 && errno != EEXIST)
                break;
            built += QLatin1Char('/');
        }
    }
    if (!QFileInfo(root).isDir()) {
        *error = QObject::tr("--output-dir %1: cannot create that directory; choose one you can write to").arg(root);
        return false;
    }
    const Fd fd(openRoot(root, error));
    if (fd.get() < 0)
        return false;
    // Tried rather than judged from the mode bits, which say nothing of a
    // read-only mount or of root's rights.
    QTemporaryFile probe(QDir(root).filePath(QStringLiteral(".spawnscope-XXXXXX")));
    if (!probe.open()) {
        *error = QObject::tr("--output-dir %1: cannot write there (%2); choose a directory you can write to")
                     .arg(root, probe.errorString());
        return false;
    }
    return true;
}

bool OutputDir::open(const QString &jobDir, const QString &commandLine, OutputTail *out, OutputTail *err,
                     QString *error)
{
    if (openJob(jobDir, commandLine, out, err, error))
        return true;
    out->failCopy(*error);
    err->failCopy(*error);
    return false;
}
