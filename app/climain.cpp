// spawnscope-cli: SpawnScope without a window. It links Qt Core only, so a
// headless run, a lab worker or a tracer starts without loading Qt Gui and
// Widgets; the window's binary (main.cpp) hands such work here.
#include "clientry.h"

#include <QString>

#include <optional>

int main(int argc, char **argv)
{
    LaunchOptions options;
    if (const std::optional<int> done = CliEntry::begin(argc, argv, &options))
        return *done;
    if (!CliEntry::handles(options)) {
        return CliEntry::fail(QStringLiteral("spawnscope-cli has no window: add --headless to run without one, "
                                             "or run spawnscope for the window"));
    }
    return CliEntry::run(argc, argv, options);
}
