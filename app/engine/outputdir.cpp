#include "outputdir.h"

#include "outputtail.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QObject>
#include <QTemporaryFile>

QString OutputDir::jobDir(const QString &root, quint64 runId, int jobIndex)
{
    return QStringLiteral("%1/%2/%3").arg(root).arg(runId).arg(jobIndex + 1);
}

bool OutputDir::prepare(const QString &root, QString *error)
{
    if (!QDir().mkpath(root) || !QFileInfo(root).isDir()) {
        *error = QObject::tr("--output-dir %1: cannot create that directory; choose one you can write to").arg(root);
        return false;
    }
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
    if (!QDir().mkpath(jobDir)) {
        *error = QObject::tr("cannot create %1 for its output files").arg(jobDir);
        return false;
    }
    QFile cmd(jobDir + QStringLiteral("/cmd"));
    if (!cmd.open(QIODevice::WriteOnly | QIODevice::Truncate) || cmd.write(commandLine.toUtf8() + '\n') < 0) {
        *error = QObject::tr("cannot write %1: %2").arg(cmd.fileName(), cmd.errorString());
        return false;
    }
    return out->copyTo(jobDir + QStringLiteral("/stdout"), error)
           && err->copyTo(jobDir + QStringLiteral("/stderr"), error);
}
