#include "launchcheck.h"

#include "stagespec.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QStandardPaths>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

struct PassedCheck
{
    QString resolved;
    qint64 atMs;
};

} // namespace

QString LaunchCheck::problem(const StageSpec &stage, QString *resolved)
{
    // Never run with an empty stand-in for a secret: the front ends ask for
    // the value first; this is the last guard (a run from a file, headless).
    const QStringList withheld = stage.withheldSecrets();
    if (!withheld.isEmpty()) {
        return tr("the value of the secret %1 was not saved with this preset (secrets never are, outside your "
                  "presets file): give it again to run it")
            .arg(withheld.join(QStringLiteral(", ")));
    }
    static thread_local QHash<QString, PassedCheck> passed;
    static thread_local QElapsedTimer clock;
    if (!clock.isValid())
        clock.start();
    QString key = stage.program + QChar(0) + stage.cwd;
    for (const EnvVar &var : stage.env) {
        if (var.name == QLatin1String("PATH"))
            key += QChar(0) + var.value;
    }
    const auto hit = passed.constFind(key);
    if (hit != passed.cend() && clock.elapsed() - hit->atMs < PassedCacheMs) {
        *resolved = hit->resolved;
        return {};
    }
    const QString found = check(stage, resolved);
    if (found.isEmpty()) {
        if (passed.size() > 256)
            passed.clear();
        passed.insert(key, {*resolved, clock.elapsed()});
    }
    return found;
}

QString LaunchCheck::check(const StageSpec &stage, QString *resolved)
{
    // Plain system calls rather than QFileInfo: this runs once per child, and
    // a fan-out of a thousand copies should not pay for a dozen stats each.
    if (stage.program.trimmed().isEmpty())
        return tr("the command is empty: there is no program to run");

    struct stat info;
    if (!stage.cwd.isEmpty()) {
        if (::stat(QFile::encodeName(stage.cwd).constData(), &info) != 0)
            return tr("the working directory \"%1\" does not exist").arg(stage.cwd);
        if (!S_ISDIR(info.st_mode))
            return tr("the working directory \"%1\" is not a directory").arg(stage.cwd);
    }

    if (stage.program.contains(QLatin1Char('/'))) {
        // A relative name is resolved against the working directory the child gets.
        const QString path = stage.cwd.isEmpty() || stage.program.startsWith(QLatin1Char('/'))
                                 ? stage.program
                                 : QDir(stage.cwd).filePath(stage.program);
        const QByteArray encoded = QFile::encodeName(path);
        if (::stat(encoded.constData(), &info) != 0)
            return tr("\"%1\" does not exist").arg(stage.program);
        if (S_ISDIR(info.st_mode))
            return tr("\"%1\" is a directory, not a program").arg(stage.program);
        if (::access(encoded.constData(), X_OK) != 0)
            return tr("\"%1\" is not executable (its execute permission is not set)").arg(stage.program);
        return interpreterProblem(path, stage.program);
    }

    QStringList path;
    for (const EnvVar &var : stage.env) {
        if (var.name == QLatin1String("PATH"))
            path = var.value.split(QLatin1Char(':'), Qt::SkipEmptyParts);
    }
    const QString found = QStandardPaths::findExecutable(stage.program, path);
    if (found.isEmpty())
        return tr("\"%1\" was not found on PATH: check the spelling, or install it").arg(stage.program);
    // QProcess would search PATH again; hand it what was found here.
    *resolved = found;
    return interpreterProblem(found, stage.program);
}

QString LaunchCheck::interpreterProblem(const QString &path, const QString &shown)
{
    // A script's "#!" line names the program the kernel really runs. A missing
    // one makes exec fail inside the child, which Qt 6.4 reports but at the
    // cost of a leaked descriptor, and with a message that names no file.
    // 256 bytes with one read(2): QFile would buffer 16 KiB of every binary.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return {}; // not readable here: exec decides
    char buffer[256];
    ssize_t got;
    do {
        got = ::read(fd, buffer, sizeof buffer);
    } while (got < 0 && errno == EINTR);
    ::close(fd);
    if (got < 2 || buffer[0] != '#' || buffer[1] != '!')
        return {};
    const QByteArray head(buffer, qsizetype(got));
    // Parsed as the kernel does: blanks, then the name up to a blank or newline.
    // A '\r' is not a separator, so a CRLF script names "/bin/sh\r".
    qsizetype begin = 2;
    while (begin < head.size() && (head.at(begin) == ' ' || head.at(begin) == '\t'))
        ++begin;
    qsizetype end = begin;
    while (end < head.size() && head.at(end) != ' ' && head.at(end) != '\t' && head.at(end) != '\n')
        ++end;
    if (end == begin || head.at(begin) != '/' || end == 256)
        return {}; // no name, a relative name, or a name too long to judge: exec decides
    const QByteArray interpreter = head.mid(begin, end - begin);
    if (interpreter.endsWith('\r') && QFileInfo(QFile::decodeName(interpreter.chopped(1))).isExecutable())
        return tr("the first line of \"%1\" ends in a Windows line ending (\\r), so the kernel looks for an "
                  "interpreter named \"%2\\r\": convert the script to Unix line endings (e.g. dos2unix)")
            .arg(shown, QFile::decodeName(interpreter.chopped(1)));
    const QFileInfo info(QFile::decodeName(interpreter));
    if (!info.exists())
        return tr("\"%1\" is a script whose interpreter \"%2\" (named on its first line, after #!) does not "
                  "exist: install it, or fix that line")
            .arg(shown, info.filePath());
    if (info.isDir() || !info.isExecutable())
        return tr("\"%1\" is a script whose interpreter \"%2\" (named on its first line, after #!) is not "
                  "an executable program: fix that line")
            .arg(shown, info.filePath());
    return {};
}
