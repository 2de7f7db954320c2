#include "benchchild.h"

#include "benchsupport.h"
#include "jobengine.h"
#include "jobprocess.h"
#include "jobrun.h"
#include "jobtableview.h"
#include "jobtreemodel.h"
#include "mainwindow.h"
#include "sessionkeeper.h"
#include "presetfile.h"
#include "processsampler.h"
#include "threadlab.h"
#include "traceprotocol.h"

#include <QApplication>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QFile>
#include <QProcess>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTimer>
#include <QTreeView>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <sys/resource.h>

using namespace BenchSupport;

namespace {

// Measures how late a 10 ms precise timer fires: the event loop's latency.
class LatencyProbe : public QObject
{
public:
    explicit LatencyProbe(QObject *parent)
        : QObject(parent)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(10);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            if (m_since.isValid())
                m_lateness << std::max(0.0, double(m_since.nsecsElapsed()) / 1e6 - 10);
            m_since.restart();
        });
    }
    void start()
    {
        m_lateness.clear();
        m_since.invalidate();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    double p99() const { return percentile(m_lateness, 0.99); }

private:
    QTimer m_timer;
    QElapsedTimer m_since;
    QList<double> m_lateness;
};

class PaintCounter : public QObject
{
public:
    int paints = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return QObject::eventFilter(watched, event);
    }
};

// Times each delivery of a timer event to one object (the model's batching
// timer): that is the whole cost of one model update, with the proxy and the
// view's reactions to dataChanged included.
class DeliveryTimer : public QObject
{
public:
    QList<double> ms;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::Timer || m_inside)
            return false;
        m_inside = true;
        QElapsedTimer timer;
        timer.start();
        QCoreApplication::sendEvent(watched, event);
        ms << double(timer.nsecsElapsed()) / 1e6;
        m_inside = false;
        return true;
    }

private:
    bool m_inside = false;
};

int startupWorkload(int argc, char **argv)
{
    // The driver's CLOCK_MONOTONIC just before it spawned us.
    const double spawnedAt = argc > 3 ? QByteArray(argv[3]).toDouble() : monotonicMs();
    const double mainAt = monotonicMs();
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    const double appAt = monotonicMs();
    double firstPaintAt = -1;
    class FirstPaint : public QObject
    {
    public:
        double *at;
        explicit FirstPaint(double *target) : at(target) { }

    protected:
        bool eventFilter(QObject *watched, QEvent *event) override
        {
            if (event->type() == QEvent::Paint && *at < 0 && watched->isWidgetType()) {
                *at = monotonicMs();
                QTimer::singleShot(0, QCoreApplication::instance(), &QCoreApplication::quit);
            }
            return false;
        }
    } filter(&firstPaintAt);
    app.installEventFilter(&filter);
    JobEngine engine; // as the composition root does: the window shows them, they outlive it
    ThreadLab lab(&engine);
    MainWindow window(&engine, &lab, PresetFile::builtIns());
    window.setConfirmQuit(false);
    const double builtAt = monotonicMs();
    window.show();
    QTimer::singleShot(5000, &app, &QCoreApplication::quit);
    app.exec();
    if (firstPaintAt < 0)
        return fail("the window never painted");
    print("first_paint_ms", firstPaintAt - spawnedAt);
    print("exec_to_main_ms", mainAt - spawnedAt);
    print("qapplication_ms", appAt - mainAt);
    print("window_built_ms", builtAt - appAt);
    print("show_to_paint_ms", firstPaintAt - builtAt);
    return 0;
}

int floodWorkload(int argc, char **argv)
{
    const double seconds = argc > 3 ? QByteArray(argv[3]).toDouble() : 5;
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    JobEngine engine; // as the composition root does: the window shows them, they outlive it
    ThreadLab lab(&engine);
    MainWindow window(&engine, &lab, PresetFile::builtIns());
    window.setConfirmQuit(false);
    window.resize(1200, 700);
    window.show();
    PaintCounter counter;
    window.jobView()->viewport()->installEventFilter(&counter);

    Preset flood = commandPreset(QStringLiteral("yes"), {}, 8);
    flood.timeoutSec = seconds;
    flood.graceSec = 1;
    LatencyProbe probe(&app);
    const qint64 rssBefore = statusKiB("VmRSS:");
    qint64 peakRss = rssBefore;
    JobRun *run = window.runPreset(flood);
    probe.start();
    QElapsedTimer elapsed;
    elapsed.start();
    QTimer rss;
    QObject::connect(&rss, &QTimer::timeout, &app, [&] { peakRss = std::max(peakRss, statusKiB("VmRSS:")); });
    rss.start(100);
    if (!waitFor([&] { return run->isDone(); }, int(seconds * 1000) + 10000))
        return fail("the flood did not end");
    probe.stop();
    qint64 bytes = 0;
    for (const JobProcess *job : run->jobs())
        bytes += job->stdoutTail().totalBytes();
    if (bytes == 0)
        return fail("the flood wrote nothing");
    print("p99_ms", probe.p99());
    print("paints_per_s", counter.paints / (double(elapsed.elapsed()) / 1000));
    print("mib_read", double(bytes) / (1024 * 1024));
    print("rss_growth_kib", double(peakRss - rssBefore));
    return 0;
}

int liveWorkload(int argc, char **argv)
{
    const int count = argc > 3 ? QByteArray(argv[3]).toInt() : 1000;
    const double seconds = argc > 4 ? QByteArray(argv[4]).toDouble() : 3;
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    JobEngine engine; // as the composition root does: the window shows them, they outlive it
    ThreadLab lab(&engine);
    MainWindow window(&engine, &lab, PresetFile::builtIns());
    window.setConfirmQuit(false);
    window.setMaxParallel(0);
    window.resize(1200, 700);
    window.show();
    QTreeView *view = window.jobView();
    PaintCounter counter;
    view->viewport()->installEventFilter(&counter);

    Preset live = commandPreset(QStringLiteral("sleep"), {QStringLiteral("120")}, count);
    live.graceSec = 1;
    JobRun *run = window.runPreset(live);
    const auto allRunning = [&] {
        return std::all_of(run->jobs().cbegin(), run->jobs().cend(),
                           [](const JobProcess *job) { return job->outcome().state == JobOutcome::State::Running; });
    };
    const bool started = waitFor(allRunning, 60000);
    view->expandAll();
    QCoreApplication::processEvents();

    // Two phases: the new group selected, as runPreset() leaves it (the
    // detail pane then describes all its children on every update), and one
    // child selected (the table alone, plus a one-job detail pane).
    DeliveryTimer groupFlushes;
    DeliveryTimer flushes;
    const QList<QTimer *> timers = window.jobModel()->findChildren<QTimer *>();
    const auto measure = [&](DeliveryTimer *into, double forSeconds) {
        for (QTimer *timer : timers)
            timer->installEventFilter(into);
        waitMs(int(forSeconds * 1000));
        for (QTimer *timer : timers)
            timer->removeEventFilter(into);
    };
    LatencyProbe probe(&app);
    probe.start();
    counter.paints = 0;
    QElapsedTimer elapsed;
    elapsed.start();
    // One child in the middle ends while the others live on: an update of one row.
    run->jobs().at(count / 2)->kill();
    measure(&groupFlushes, seconds / 2);
    window.selectRun(run, 0);
    measure(&flushes, seconds / 2);
    probe.stop();
    const double paintsPerSecond = counter.paints / (double(elapsed.elapsed()) / 1000);

    // Sorting: click each interesting column, both ways, and paint the result.
    QList<double> sortMs;
    for (int column : {int(JobTreeModel::ElapsedColumn), int(JobTreeModel::PidColumn), int(JobTreeModel::StateColumn),
                       int(JobTreeModel::StdoutColumn)}) {
        for (Qt::SortOrder order : {Qt::DescendingOrder, Qt::AscendingOrder}) {
            QElapsedTimer t;
            t.start();
            view->sortByColumn(column, order);
            view->viewport()->repaint();
            sortMs << double(t.nsecsElapsed()) / 1e6;
        }
    }
    // Scrolling: page through the whole table, painting each page.
    QList<double> scrollMs;
    QScrollBar *bar = view->verticalScrollBar();
    for (int value = bar->minimum(); value <= bar->maximum(); value += std::max(1, bar->pageStep())) {
        QElapsedTimer t;
        t.start();
        bar->setValue(value);
        view->viewport()->repaint();
        scrollMs << double(t.nsecsElapsed()) / 1e6;
    }

    run->stop();
    const bool ended = waitFor([&] { return run->isDone(); }, 30000);
    if (!started)
        return fail("not every child was running after 60 s");
    if (!ended)
        return fail("the children did not stop");
    print("rows", double(window.jobModel()->rowCount(window.jobModel()->index(0, 0))));
    print("p99_ms", probe.p99());
    print("paints_per_s", paintsPerSecond);
    print("flush_median_ms", percentile(flushes.ms, 0.5));
    print("flush_max_ms", percentile(flushes.ms, 1.0));
    print("group_flush_median_ms", percentile(groupFlushes.ms, 0.5));
    print("group_flush_max_ms", percentile(groupFlushes.ms, 1.0));
    print("sort_max_ms", percentile(sortMs, 1.0));
    print("scroll_median_ms", percentile(scrollMs, 0.5));
    print("scroll_max_ms", percentile(scrollMs, 1.0));
    return 0;
}

// COUNT sleeping children for SECONDS, with the sampler on or off: the app's
// own CPU time (user + system) over that stretch, as % of one core. The
// table's model is attached, so the cost of showing the samples counts too.
int samplingWorkload(int argc, char **argv)
{
    const int count = argc > 3 ? QByteArray(argv[3]).toInt() : 1000;
    const double seconds = argc > 4 ? QByteArray(argv[4]).toDouble() : 5;
    const bool sampling = argc > 5 && QByteArray(argv[5]) == "on";
    QCoreApplication app(argc, argv);
    JobEngine engine;
    engine.setMaxParallel(0);
    engine.setSamplingEnabled(sampling);
    JobTreeModel model(&engine);
    Preset sleepers = commandPreset(QStringLiteral("sleep"), {QStringLiteral("120")}, count);
    sleepers.graceSec = 1;
    JobRun *run = engine.start(sleepers);
    const bool started = waitFor(
        [&] {
            return std::all_of(run->jobs().cbegin(), run->jobs().cend(), [](const JobProcess *job) {
                return job->outcome().state == JobOutcome::State::Running;
            });
        },
        60000);
    LatencyProbe probe(&app);
    probe.start();
    rusage before{};
    ::getrusage(RUSAGE_SELF, &before);
    const double samplerBefore = engine.sampler()->cpuMsSpent();
    QElapsedTimer wall;
    wall.start();
    waitMs(int(seconds * 1000));
    rusage after{};
    ::getrusage(RUSAGE_SELF, &after);
    const double samplerMs = engine.sampler()->cpuMsSpent() - samplerBefore;
    const double wallMs = double(wall.nsecsElapsed()) / 1e6;
    probe.stop();
    const auto ms = [](const timeval &t) { return double(t.tv_sec) * 1e3 + double(t.tv_usec) / 1e3; };
    const double cpuMs = ms(after.ru_utime) - ms(before.ru_utime) + ms(after.ru_stime) - ms(before.ru_stime);
    run->stop();
    const bool ended = waitFor([&] { return run->isDone(); }, 30000);
    if (!started)
        return fail("not every child was running after 60 s");
    if (!ended)
        return fail("the children did not stop");
    print("cpu_percent", 100.0 * cpuMs / wallMs);
    print("sampler_percent", 100.0 * samplerMs / wallMs);
    print("p99_ms", probe.p99());
    return 0;
}

// A fixed amount of pure computation (a xorshift chain, no system calls):
// the CPU-bound program whose time under watch is compared with its bare time.
int spinWorkload(int argc, char **argv)
{
    const qint64 iterations = argc > 3 ? QByteArray(argv[3]).toLongLong() : 0;
    quint64 x = 88172645463325252ull;
    for (qint64 i = 0; i < iterations; ++i) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
    }
    print("checksum", double(x & 0xffff)); // keeps the loop from being optimised away
    return 0;
}

// A watched job whose family is COUNT short-lived processes started at once
// (a shell's background /bin/true, then wait), run through the engine with
// the table's model attached: how late the event loop got while the tracer's
// events came in and the family was read.
int watchFamilyWorkload(int argc, char **argv)
{
    const int count = argc > 3 ? QByteArray(argv[3]).toInt() : 1000;
    QCoreApplication app(argc, argv);
    // The tracer is spawnscope's hidden mode, not this program's.
    TraceProtocol::setTracerProgram(QStringLiteral(SPAWNSCOPE_PATH));
    JobEngine engine;
    JobTreeModel model(&engine);
    Preset family = commandPreset(
        QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("for i in $(seq %1); do /bin/true & done; wait").arg(count)},
        1);
    family.watch = true;
    LatencyProbe probe(&app);
    probe.start();
    const JobRun *run = runWithModel(&engine, family);
    probe.stop();
    const JobProcess *job = run->jobs().first();
    if (job->outcome().state != JobOutcome::State::Finished || job->outcome().exitCode != 0)
        return fail(qPrintable(QStringLiteral("the watched shell did not exit 0: %1").arg(job->outcome().error)));
    if (!job->family().refusal().isEmpty())
        return fail(qPrintable(job->family().refusal()));
    // The shell, the $(seq) subshell and seq, and one process per /bin/true.
    const qsizetype members = job->family().members().size();
    if (members < count + 1)
        return fail(qPrintable(QStringLiteral("the family has %1 members, not %2 or more").arg(members).arg(count + 1)));
    print("p99_ms", probe.p99());
    print("members", double(members));
    print("wall_ms", run->wallMs());
    return 0;
}

// The window as the app builds it (main.cpp), keeping its session as runs
// finish, in a scratch file; shown offscreen. Made after the QApplication.
struct AppWindow
{
    JobEngine engine;
    ThreadLab lab{&engine};
    QTemporaryDir sessionDir;
    SessionKeeper sessions{&engine};
    MainWindow window{&engine, &lab, PresetFile::builtIns()};

    AppWindow()
    {
        sessions.setPath(sessionDir.filePath(QStringLiteral("session.spawnscope")));
        window.setConfirmQuit(false);
        window.setSessionKeeper(&sessions);
        window.resize(1200, 700);
        window.show();
    }
};

// The window after many finished jobs: RUNS runs of COPIES × /bin/true, one
// after another, with the window's default row limit (10,000 finished jobs),
// so the oldest runs fold. The event loop's lateness while they run and
// finish, the rows left, and the process's peak RSS.
int finishedWorkload(int argc, char **argv)
{
    const int runs = argc > 3 ? QByteArray(argv[3]).toInt() : 12;
    const int copies = argc > 4 ? QByteArray(argv[4]).toInt() : 1000;
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    AppWindow shown;
    MainWindow &window = shown.window;
    JobEngine &engine = shown.engine;
    window.setMaxParallel(64);
    engine.setFinishedJobLimit(JobEngine::DefaultFinishedJobLimit);
    LatencyProbe probe(&app);
    probe.start();
    double startMs = 0; // the longest runPreset(): adding a run's rows, lanes and first starts
    for (int i = 0; i < runs; ++i) {
        Preset batch = commandPreset(QStringLiteral("/bin/true"), {}, copies);
        QElapsedTimer startTimer;
        startTimer.start();
        JobRun *run = window.runPreset(batch);
        startMs = std::max(startMs, double(startTimer.nsecsElapsed()) / 1e6);
        if (!waitFor([&] { return run->isDone(); }, 120000))
            return fail("a run of /bin/true did not finish in 120 s");
    }
    probe.stop();
    qint64 rows = 0;
    for (const JobRun *run : engine.runs())
        rows += run->jobs().size();
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    print("p99_ms", probe.p99());
    print("rows", double(rows));
    print("folded_runs", double(engine.folded().runs));
    print("run_start_max_ms", startMs);
    print("peak_rss_mib", double(usage.ru_maxrss) / 1024.0);
    print("session_saves", double(shown.sessions.savesWritten()));
    return 0;
}

// The window with COUNT children printing BYTES each at once, far past the
// output budget (its default, 256 MiB), the session kept as the app keeps
// it: the process's peak RSS once every job has ended and the session is
// written.
int budgetWindowWorkload(int argc, char **argv)
{
    if (argc < 5)
        return fail("usage: --child budget-window COUNT BYTES");
    const int count = QByteArray(argv[3]).toInt();
    const QString bytes = QString::fromLatin1(argv[4]);
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    AppWindow shown;
    JobRun *run = shown.window.runPreset(
        commandPreset(QStringLiteral("head"), {QStringLiteral("-c"), bytes, QStringLiteral("/dev/zero")}, count));
    if (!waitFor([&] { return run->isDone(); }, 120000))
        return fail("the children did not finish in 120 s");
    for (const JobProcess *job : run->jobs()) {
        if (job->stdoutTail().totalBytes() != bytes.toLongLong())
            return fail("a job's byte count is not exact");
    }
    shown.sessions.saveNow();
    waitMs(200);
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    print("peak_rss_mib", double(usage.ru_maxrss) / 1024.0);
    print("kept_mib", double(shown.engine.budget().finishedBytes()) / (1 << 20));
    print("trimmed_jobs", double(shown.engine.budget().trimmedJobs()));
    return 0;
}

} // namespace

int BenchChild::run(int argc, char **argv)
{
    const QByteArray workload = argc > 2 ? QByteArray(argv[2]) : QByteArray();
    if (workload == "startup")
        return startupWorkload(argc, argv);
    if (workload == "flood")
        return floodWorkload(argc, argv);
    if (workload == "sampling")
        return samplingWorkload(argc, argv);
    if (workload == "live")
        return liveWorkload(argc, argv);
    if (workload == "finished")
        return finishedWorkload(argc, argv);
    if (workload == "budget-window")
        return budgetWindowWorkload(argc, argv);
    if (workload == "spin")
        return spinWorkload(argc, argv);
    if (workload == "watch-family")
        return watchFamilyWorkload(argc, argv);
    return fail("unknown workload after --child");
}
