// What every side of spawnscope_bench shares: the key=value lines a child
// prints, clocks, /proc/self/status, and the one preset a workload runs.
#pragma once

#include "preset.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QList>
#include <QString>
#include <QStringList>
#include <QtGlobal>

class JobEngine;
class JobRun;

namespace BenchSupport {

double monotonicMs();
// A field of /proc/self/status in KiB (VmHWM:, VmRSS:), or -1.
qint64 statusKiB(const char *field);
// The app's own CPU time, every thread, user and system (not its children's).
double selfCpuMs();
double percentile(QList<double> values, double p);
// One key=value line on stdout, read back by the driver.
void print(const char *key, double value);
// A message on stderr; returns the exit code of a failed workload.
int fail(const char *what);
// COPIES of one command, as --command --repeat makes them.
Preset commandPreset(const QString &program, const QStringList &args, int copies);
// Runs one preset on an engine (with whatever is attached to it) until the
// engine is idle.
JobRun *runWithModel(JobEngine *engine, const Preset &preset);
// Runs the event loop for ms milliseconds.
void waitMs(int ms);

// Runs the event loop until done() or ms milliseconds; false on the timeout.
template <typename Predicate>
bool waitFor(Predicate done, int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > ms)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return true;
}

} // namespace BenchSupport
