#include "coreprogram.h"

#include <QFileInfo>

namespace {

// The running binary, symlinks resolved; read from the kernel, as there may
// be no QCoreApplication yet (spawnscope hands work off before making one).
QString runningBinary()
{
    return QFileInfo(QStringLiteral("/proc/self/exe")).canonicalFilePath();
}

} // namespace

QString CoreProgram::beside()
{
    const QString self = runningBinary();
    if (self.isEmpty())
        return QString();
    const QFileInfo cli(QFileInfo(self).absolutePath() + QLatin1Char('/') + QLatin1String(FileName));
    return cli.isFile() && cli.isExecutable() ? cli.absoluteFilePath() : QString();
}

QString CoreProgram::path()
{
    const QString cli = beside();
    return cli.isEmpty() ? runningBinary() : cli;
}
