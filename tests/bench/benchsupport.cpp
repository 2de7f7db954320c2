#include "benchsupport.h"

#include "jobengine.h"
#include "jobrun.h"

#include <QEventLoop>
#include <QFile>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <sys/resource.h>

namespace BenchSupport {

double monotonicMs()
{
    timespec ts{};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

qint64 statusKiB(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qsizetype(qstrlen(field))).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

double selfCpuMs()
{
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    const auto ms = [](const timeval &t) { return double(t.tv_sec) * 1e3 + double(t.tv_usec) / 1e3; };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(qsizetype(double(values.size() - 1) * p));
}

void print(const char *key, double value)
{
    std::printf("%s=%.3f\n", key, value);
}

int fail(const char *what)
{
    std::fprintf(stderr, "spawnscope_bench: %s\n", what);
    return 1;
}

Preset commandPreset(const QString &program, const QStringList &args, int copies)
{
    Preset preset;
    preset.id = QStringLiteral("bench");
    preset.title = QStringLiteral("bench");
    preset.copies = copies;
    StageSpec stage;
    stage.program = program;
    stage.args = args;
    preset.stages = {stage};
    return preset;
}

JobRun *runWithModel(JobEngine *engine, const Preset &preset)
{
    JobRun *run = engine->start(preset);
    QObject::connect(engine, &JobEngine::idle, QCoreApplication::instance(), &QCoreApplication::quit);
    if (!engine->isIdle())
        QCoreApplication::exec();
    return run;
}

void waitMs(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace BenchSupport
