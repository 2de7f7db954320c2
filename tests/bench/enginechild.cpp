#include "enginechild.h"

#include "benchsupport.h"
#include "jobengine.h"
#include "jobprocess.h"
#include "jobrun.h"
#include "jobtreemodel.h"
#include "presetfile.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>

#include <algorithm>
#include <functional>

using namespace BenchSupport;

namespace {

int spawnWorkload(int argc, char **argv)
{
    if (argc < 6)
        return fail("usage: --child spawn COUNT MAX_PARALLEL PROGRAM [ARGS...]");
    QCoreApplication app(argc, argv);
    const int count = QByteArray(argv[3]).toInt();
    QStringList args;
    for (int i = 6; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    JobEngine engine;
    JobTreeModel model(&engine);
    engine.setMaxParallel(QByteArray(argv[4]).toInt());
    const JobRun *run = runWithModel(&engine, commandPreset(QString::fromLocal8Bit(argv[5]), args, count));
    for (const JobProcess *job : run->jobs()) {
        if (job->outcome().state != JobOutcome::State::Finished || job->outcome().exitCode != 0)
            return fail(qPrintable(QStringLiteral("a child did not exit 0: %1").arg(job->outcome().error)));
    }
    print("wall_ms", run->wallMs());
    print("peak_running", engine.peakRunning());
    print("rss_kib", double(statusKiB("VmHWM:")));
    return 0;
}

// QProcess's own cost, for reference: the same children, each a QProcess
// capturing stdout and stderr (its defaults), at most MAX_PARALLEL at once,
// the next started from the last one's finished(). No engine, no model.
int spawnQProcessWorkload(int argc, char **argv)
{
    if (argc < 6)
        return fail("usage: --child spawn-qprocess COUNT MAX_PARALLEL PROGRAM [ARGS...]");
    QCoreApplication app(argc, argv);
    const int count = QByteArray(argv[3]).toInt();
    const int maxParallel = std::max(1, QByteArray(argv[4]).toInt());
    const QString program = QString::fromLocal8Bit(argv[5]);
    QStringList args;
    for (int i = 6; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    int started = 0;
    int running = 0;
    int failed = 0;
    QElapsedTimer timer;
    timer.start();
    std::function<void()> startOne = [&] {
        auto *process = new QProcess(&app);
        ++started;
        ++running;
        QObject::connect(process, &QProcess::finished, process, [&, process](int code, QProcess::ExitStatus status) {
            process->readAllStandardOutput();
            process->readAllStandardError();
            if (status != QProcess::NormalExit || code != 0)
                ++failed;
            process->deleteLater();
            --running;
            if (started < count)
                startOne();
            else if (running == 0)
                app.quit();
        });
        process->start(program, args);
    };
    while (started < std::min(count, maxParallel))
        startOne();
    if (count > 0)
        app.exec();
    if (failed > 0)
        return fail("a child did not exit 0");
    print("wall_ms", double(timer.nsecsElapsed()) / 1e6);
    return 0;
}

int captureWorkload(int argc, char **argv)
{
    if (argc < 4)
        return fail("usage: --child capture BYTES");
    QCoreApplication app(argc, argv);
    const qint64 bytes = QByteArray(argv[3]).toLongLong();
    JobEngine engine;
    JobTreeModel model(&engine);
    const JobRun *run = runWithModel(
        &engine, commandPreset(QStringLiteral("head"), {QStringLiteral("-c"), QString::number(bytes), QStringLiteral("/dev/zero")}, 1));
    const JobProcess *job = run->jobs().constFirst();
    if (job->outcome().state != JobOutcome::State::Finished || job->stdoutTail().totalBytes() != bytes)
        return fail(qPrintable(QStringLiteral("captured %1 bytes of %2").arg(job->stdoutTail().totalBytes()).arg(bytes)));
    // The tail must hold the stream's last bytes: zeros from /dev/zero.
    if (job->stdoutTail().last(64) != QByteArray(std::min<qint64>(64, bytes), '\0'))
        return fail("the kept tail is not the stream's end");
    print("wall_ms", run->wallMs());
    print("bytes", double(job->stdoutTail().totalBytes()));
    print("cpu_ms", selfCpuMs());
    print("rss_kib", double(statusKiB("VmHWM:")));
    return 0;
}

// The reference the issue quotes: a bare QProcess and readAll() per signal.
int captureNaiveWorkload(int argc, char **argv)
{
    if (argc < 4)
        return fail("usage: --child capture-naive BYTES");
    QCoreApplication app(argc, argv);
    const qint64 bytes = QByteArray(argv[3]).toLongLong();
    QProcess process;
    qint64 got = 0;
    QObject::connect(&process, &QProcess::readyReadStandardOutput, &process,
                     [&] { got += process.readAllStandardOutput().size(); });
    QObject::connect(&process, &QProcess::finished, &app, [&] {
        got += process.readAllStandardOutput().size();
        app.quit();
    });
    QElapsedTimer timer;
    timer.start();
    process.start(QStringLiteral("head"), {QStringLiteral("-c"), QString::number(bytes), QStringLiteral("/dev/zero")});
    app.exec();
    if (got != bytes)
        return fail("the naive reader lost bytes");
    print("wall_ms", double(timer.nsecsElapsed()) / 1e6);
    print("rss_kib", double(statusKiB("VmHWM:")));
    return 0;
}

int presetWorkload(int argc, char **argv)
{
    if (argc < 4)
        return fail("usage: --child preset ID");
    QCoreApplication app(argc, argv);
    const QString id = QString::fromLocal8Bit(argv[3]);
    const QList<Preset> presets = PresetFile::builtIns();
    const auto it = std::find_if(presets.cbegin(), presets.cend(), [&](const Preset &p) { return p.id == id; });
    if (it == presets.cend())
        return fail("no such built-in preset");
    JobEngine engine;
    JobTreeModel model(&engine);
    const JobRun *run = runWithModel(&engine, *it);
    if (!run->isDone())
        return fail("the run did not finish");
    print("wall_ms", run->wallMs());
    print("sum_ms", run->sumMs());
    return 0;
}

} // namespace

int EngineChild::run(int argc, char **argv)
{
    const QByteArray workload = argc > 2 ? QByteArray(argv[2]) : QByteArray();
    if (workload == "spawn")
        return spawnWorkload(argc, argv);
    if (workload == "spawn-qprocess")
        return spawnQProcessWorkload(argc, argv);
    if (workload == "capture")
        return captureWorkload(argc, argv);
    if (workload == "capture-naive")
        return captureNaiveWorkload(argc, argv);
    if (workload == "preset")
        return presetWorkload(argc, argv);
    return fail("unknown workload after --child");
}
