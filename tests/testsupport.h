// Small helpers shared by the engine tests.
#pragma once

#include "jobspec.h"

#include <QFile>
#include <QString>
#include <QStringList>

#include <csignal>
#include <sys/types.h>

namespace TestSupport {

inline QString helper()
{
    return QStringLiteral(SPAWNHELPER_PATH);
}

inline JobSpec helperSpec(const QStringList &args)
{
    JobSpec spec;
    spec.stage.program = helper();
    spec.stage.args = args;
    return spec;
}

// True while pid names a live (non-zombie) process.
inline bool processAlive(qint64 pid)
{
    if (pid <= 0 || ::kill(pid_t(pid), 0) != 0)
        return false;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')');
    return close < 0 || line.mid(close + 2, 1) != "Z";
}

} // namespace TestSupport
