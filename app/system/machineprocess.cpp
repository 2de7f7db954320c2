#include "machineprocess.h"

#include <QLatin1Char>

QString MachineProcess::commandLine() const
{
    if (argv.isEmpty())
        return QLatin1Char('[') + comm + QLatin1Char(']');
    return argv.join(QLatin1Char(' '));
}
