#include "coreprogram.h"

#include <QFileInfo>

namespace {

// The running binary, symlinks resolved; read from the kernel, as there may
// be no QCoreApplication yet (spawnscope hands the window off before making
// one).
QString runningBinary()
{
    return QFileInfo(QStringLiteral("/proc/self/exe")).canonicalFilePath();
}

} // namespace

QString CoreProgram::beside(const char *fileName)
{
    const QString self = runningBinary();
    if (self.isEmpty())
        return QString();
    const QFileInfo program(QFileInfo(self).absolutePath() + QLatin1Char('/') + QLatin1String(fileName));
    return program.isFile() && program.isExecutable() ? program.absoluteFilePath() : QString();
}

QString CoreProgram::path()
{
    const QString core = beside(FileName);
    return core.isEmpty() ? runningBinary() : core;
}
