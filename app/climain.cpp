// spawnscope: the front door. It links Qt Core only and does everything
// that needs no window itself (CliEntry), so a headless run, a lab worker
// or a watched job's tracer starts without loading Qt Gui and Widgets. The
// window is spawnscope-window's (main.cpp): it is handed the same arguments.
#include "clientry.h"
#include "coreprogram.h"

#include <QFile>
#include <QString>

#include <cerrno>
#include <cstring>
#include <optional>
#include <unistd.h>

int main(int argc, char **argv)
{
    LaunchOptions options;
    if (const std::optional<int> done = CliEntry::begin(argc, argv, &options))
        return *done;
    if (CliEntry::handles(options))
        return CliEntry::run(argc, argv, options);
    const QByteArray window = QFile::encodeName(CoreProgram::beside(CoreProgram::WindowFileName));
    if (window.isEmpty()) {
        return CliEntry::fail(QStringLiteral("the window is not installed (%1 is not beside this spawnscope); "
                                             "--headless runs without it")
                                  .arg(QLatin1String(CoreProgram::WindowFileName)));
    }
    argv[0] = const_cast<char *>(window.constData());
    ::execv(window.constData(), argv);
    return CliEntry::fail(QStringLiteral("cannot start the window, %1: %2")
                              .arg(QFile::decodeName(window), QString::fromLocal8Bit(std::strerror(errno))));
}
