// spawnscope_bench: SpawnScope against the cheapest way to do the same thing,
// side by side in one run (A B A B ..., medians), printed as ratios.
//
//   spawnscope_bench [--quick | --smoke] [--rounds N] [--only NAME,...] [--check]
//
// Every measured workload runs in a fresh process: the engine's in
// spawnscope_bench_engine, which loads Qt Core only (enginechild.h), the
// window's in this program (--child, benchchild.h), and the scale rows in
// spawnscope itself; the baselines are posix_spawn_loop (C, built next to it),
// the shell pipe, and baseline.py when python3 is on PATH. The watch rows run
// the same program bare and under spawnscope's tracer (its --trace-worker mode).
#include "benchchild.h"
#include "processfamily.h"
#include "traceprotocol.h"

#include <QByteArray>
#include <QDir>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QList>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdarg>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

QByteArray format(const char *pattern, ...) __attribute__((format(printf, 1, 2)));
QByteArray format(const char *pattern, ...)
{
    char buffer[512];
    va_list args;
    va_start(args, pattern);
    std::vsnprintf(buffer, sizeof buffer, pattern, args);
    va_end(args);
    return QByteArray(buffer);
}

double monotonicMs()
{
    timespec ts{};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

struct Sample
{
    bool ok = false;
    double wallMs = 0;     // measured here, from fork to reaping
    long maxRssKiB = 0;    // the child's (and its reaped descendants') peak
    double cpuMs = 0;      // user + system, the child's and its reaped descendants'
    QHash<QByteArray, double> values; // its key=value lines
    QByteArray error;
};

// Runs argv with stdout captured, stderr passed through; times it from fork to
// reap. "%SPAWN_MS%" in argv becomes the spawn time on CLOCK_MONOTONIC.
Sample runProcess(QStringList argv)
{
    Sample sample;
    int out[2];
    if (::pipe2(out, O_CLOEXEC) != 0) {
        sample.error = "pipe failed";
        return sample;
    }
    const double before = monotonicMs();
    for (QString &arg : argv)
        arg.replace(QLatin1String("%SPAWN_MS%"), QString::number(before, 'f', 3));
    QList<QByteArray> storage;
    for (const QString &arg : argv)
        storage << arg.toLocal8Bit();
    QList<char *> cargv;
    for (QByteArray &arg : storage)
        cargv << arg.data();
    cargv << nullptr;
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(out[1], STDOUT_FILENO);
        ::execvp(cargv.at(0), cargv.data());
        std::fprintf(stderr, "spawnscope_bench: cannot run %s: %s\n", cargv.at(0), std::strerror(errno));
        ::_exit(127);
    }
    ::close(out[1]);
    QByteArray output;
    char buffer[4096];
    ssize_t n;
    while ((n = ::read(out[0], buffer, sizeof buffer)) != 0) {
        if (n > 0)
            output.append(buffer, n);
        else if (errno != EINTR)
            break;
    }
    ::close(out[0]);
    int status = 0;
    rusage usage{};
    while (::wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) { }
    sample.wallMs = monotonicMs() - before;
    sample.maxRssKiB = usage.ru_maxrss;
    const auto ms = [](const timeval &t) { return double(t.tv_sec) * 1e3 + double(t.tv_usec) / 1e3; };
    sample.cpuMs = ms(usage.ru_utime) + ms(usage.ru_stime);
    for (const QByteArray &line : output.split('\n')) {
        const qsizetype eq = line.indexOf('=');
        if (eq > 0)
            sample.values.insert(line.left(eq), line.mid(eq + 1).toDouble());
    }
    sample.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    if (!sample.ok)
        sample.error = "`" + argv.join(QLatin1Char(' ')).toLocal8Bit() + "` failed";
    return sample;
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return std::nan("");
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}

// The median of A_i / B_i over rounds: each pair ran back to back, so a
// slow moment of a shared machine hits both sides of the same ratio.
double pairedRatio(const QList<double> &a, const QList<double> &b)
{
    QList<double> ratios;
    for (qsizetype i = 0; i < std::min(a.size(), b.size()); ++i)
        ratios << a.at(i) / b.at(i);
    return median(ratios);
}

struct Contender
{
    QString name;
    QStringList argv;
    QByteArray key; // a value the child prints, or empty for the wall time seen here
    QList<double> ms;
    QList<double> rssKiB;
    QList<Sample> samples;
};

struct Options
{
    QString mode = QStringLiteral("full"); // full, quick, smoke
    int rounds = 0;                        // 0: the mode's default
    QStringList only;
    bool check = false;
};

class Bench
{
public:
    explicit Bench(const Options &options)
        : m_options(options)
    {
        const QString dir = QCoreApplication::applicationDirPath();
        m_self = QCoreApplication::applicationFilePath();
        m_loop = dir + QStringLiteral("/posix_spawn_loop");
        m_engineHost = dir + QStringLiteral("/spawnscope_bench_engine");
        m_script = dir + QStringLiteral("/baseline.py");
        m_python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        m_smoke = options.mode == QLatin1String("smoke");
        m_quick = options.mode == QLatin1String("quick");
    }

    int run()
    {
        std::printf("spawnscope_bench (%s): each comparison alternates its contenders (A B A B ...); times are\n"
                    "medians, and a ratio is the median of the rounds' A/B ratios\n",
                    qPrintable(m_options.mode));
        if (m_python.isEmpty())
            std::printf("python3 not found on PATH: the Python baselines are skipped\n");
        else if (!QFileInfo::exists(m_script))
            std::printf("%s is missing: the Python baselines are skipped\n", qPrintable(m_script));
        if (m_smoke)
            std::printf("smoke mode: tiny workloads, checks that every comparison runs; goals are not judged\n");
        std::fflush(stdout);

        if (wanted("spawn"))
            spawn();
        if (wanted("capture"))
            capture();
        if (wanted("fanout"))
            presetWall(QStringLiteral("fanout-sleep"), 130);
        if (wanted("timeout"))
            presetWall(QStringLiteral("timeout-kill"), 120);
        if (wanted("startup"))
            startup();
        if (wanted("flood"))
            flood();
        if (wanted("live"))
            live();
        if (wanted("finished"))
            finished();
        if (wanted("sampling"))
            sampling();
        if (wanted("watch"))
            watch();
        if (wanted("budget"))
            budget();
        if (wanted("scale"))
            scale();
        if (wanted("machine"))
            machine();

        std::printf("\n%-34s %14s %14s %9s %10s  %s\n", "goal", "SpawnScope", "baseline", "ratio", "target",
                    "verdict");
        for (const QByteArray &line : std::as_const(m_table))
            std::printf("%s\n", line.constData());
        std::printf("\n");
        if (!m_errors.isEmpty()) {
            for (const QByteArray &error : std::as_const(m_errors))
                std::fprintf(stderr, "spawnscope_bench: FAILED: %s\n", error.constData());
            return 1;
        }
        if (m_table.isEmpty()) {
            std::fprintf(stderr, "spawnscope_bench: nothing was measured (check --only)\n");
            return 1;
        }
        if (m_options.check && m_missed > 0) {
            std::printf("%d goal(s) missed\n", m_missed);
            return 3;
        }
        return 0;
    }

private:
    bool wanted(const char *name) const
    {
        return m_options.only.isEmpty() || m_options.only.contains(QLatin1String(name));
    }
    int rounds(int full) const
    {
        if (m_options.rounds > 0)
            return m_options.rounds;
        return m_smoke ? 1 : m_quick ? std::max(2, full / 2) : full;
    }
    bool havePython() const { return !m_python.isEmpty() && QFileInfo::exists(m_script); }
    QStringList python(const QStringList &args) const { return QStringList{m_python, m_script} + args; }
    QStringList child(const QStringList &args) const
    {
        return QStringList{m_self, QStringLiteral("--child")} + args;
    }
    // The spawnscope executable itself, headless.
    QStringList headless(const QStringList &args) const
    {
        return QStringList{m_spawnscope, QStringLiteral("--headless")} + args;
    }
    // The engine's workloads run in the Qt Core–only host.
    QStringList engineChild(const QStringList &args) const
    {
        return QStringList{m_engineHost, QStringLiteral("--child")} + args;
    }

    // Alternates the contenders for n rounds; the first is SpawnScope.
    void compare(const char *title, QList<Contender> &contenders, int n)
    {
        std::printf("\n%s (%d round%s)\n", title, n, n == 1 ? "" : "s");
        std::fflush(stdout);
        for (int round = 0; round < n; ++round) {
            for (Contender &c : contenders) {
                const Sample s = runProcess(c.argv);
                if (!s.ok) {
                    m_errors << title + QByteArray(": ") + s.error;
                    return;
                }
                const double ms = c.key.isEmpty() ? s.wallMs : s.values.value(c.key, std::nan(""));
                c.ms << ms;
                c.rssKiB << double(s.maxRssKiB);
                c.samples << s;
            }
        }
        for (const Contender &c : contenders) {
            std::printf("  %-44s median %9.1f ms  [", qPrintable(c.name), median(c.ms));
            for (double ms : c.ms)
                std::printf(" %.1f", ms);
            std::printf(" ]  peak RSS %.1f MiB\n", median(c.rssKiB) / 1024);
        }
        std::fflush(stdout);
    }

    // One table row. A ratio goal judges `ratio` (the paired one); an
    // absolute goal judges `ours`. Lower is better unless higherIsBetter.
    void row(const QString &goal, double ours, double theirs, double target, const char *unit,
             bool ratioGoal, bool higherIsBetter = false, double ratio = std::nan(""))
    {
        if (ratioGoal && std::isnan(ratio))
            ratio = ours / theirs;
        const double value = ratioGoal ? ratio : ours;
        const bool met = higherIsBetter ? value >= target : value <= target;
        QByteArray verdict;
        if (std::isnan(value)) {
            verdict = "not measured";
            m_errors << goal.toLocal8Bit() + ": no value was measured";
        }
        else if (m_smoke)
            verdict = "(smoke: not judged)";
        else if (met)
            verdict = "met";
        else {
            verdict = "NOT met";
            ++m_missed;
        }
        const QByteArray ratioText = ratioGoal ? QByteArray::number(value, 'f', 2) + "x" : QByteArray("-");
        const QByteArray targetText = (higherIsBetter ? ">= " : "<= ")
                                      + QByteArray::number(target, 'f', ratioGoal ? 2 : 0)
                                      + (ratioGoal ? QByteArray("x") : QByteArray(" ") + unit);
        QByteArray oursText = QByteArray::number(ours, 'f', 1) + " " + unit;
        QByteArray theirsText = std::isnan(theirs) ? QByteArray("-") : QByteArray::number(theirs, 'f', 1) + " " + unit;
        m_table << format("%-34s %14s %14s %9s %10s  %s", qPrintable(goal), oursText.constData(),
                                        theirsText.constData(), ratioText.constData(), targetText.constData(),
                                        verdict.constData());
    }

    // A baseline against another, for scale; no goal.
    void reference(const QString &what, double ours, double theirs, double ratio)
    {
        m_table << format("%-34s %14s %14s %9s %10s  %s", qPrintable(what),
                          (QByteArray::number(ours, 'f', 1) + " ms").constData(),
                          (QByteArray::number(theirs, 'f', 1) + " ms").constData(),
                          (QByteArray::number(ratio, 'f', 2) + "x").constData(), "-", "(reference)");
    }

    void spawn()
    {
        const int count = m_smoke ? 20 : 1000;
        const int parallel = m_smoke ? 8 : 64;
        const QStringList work{QString::number(count), QString::number(parallel), QStringLiteral("/bin/true")};
        QList<Contender> cs{
            {QStringLiteral("SpawnScope engine + model"), engineChild(QStringList{QStringLiteral("spawn")} + work), {}, {}, {}, {}},
            {QStringLiteral("posix_spawn loop (C)"), QStringList{m_loop} + work, {}, {}, {}, {}},
            {QStringLiteral("bare QProcess loop"), engineChild(QStringList{QStringLiteral("spawn-qprocess")} + work), {}, {}, {}, {}},
            {QStringLiteral("spawnscope --headless (the executable)"),
             headless({QStringLiteral("--command"), QStringLiteral("/bin/true"), QStringLiteral("--repeat"), work.at(0),
                       QStringLiteral("--max-parallel"), work.at(1)}),
             {}, {}, {}, {}},
        };
        if (havePython())
            cs << Contender{QStringLiteral("Python subprocess.Popen"), python(QStringList{QStringLiteral("spawn")} + work), {}, {}, {}, {}};
        const QByteArray title = format("Spawn: %d x /bin/true, at most %d at once (wall, fork to reap)",
                                                      count, parallel);
        compare(title.constData(), cs, rounds(7));
        if (cs.at(0).ms.size() < rounds(7))
            return;
        const QString goal = QStringLiteral("spawn %1 x true vs posix_spawn").arg(count);
        row(goal, median(cs.at(0).ms), median(cs.at(1).ms), 1.15, "ms", true, false,
            pairedRatio(cs.at(0).ms, cs.at(1).ms));
        reference(QStringLiteral("  bare QProcess vs posix_spawn"), median(cs.at(2).ms), median(cs.at(1).ms),
                  pairedRatio(cs.at(2).ms, cs.at(1).ms));
        reference(QStringLiteral("  the executable vs posix_spawn"), median(cs.at(3).ms), median(cs.at(1).ms),
                  pairedRatio(cs.at(3).ms, cs.at(1).ms));
        if (cs.size() > 4)
            reference(QStringLiteral("  Python Popen vs posix_spawn"), median(cs.at(4).ms), median(cs.at(1).ms),
                      pairedRatio(cs.at(4).ms, cs.at(1).ms));
        // Each process's own CPU and its children's, per child: what the
        // app adds to the same children.
        std::printf("  CPU per child, the children's included: SpawnScope %.1f us, C loop %.1f us, bare QProcess "
                    "%.1f us\n",
                    median(cpuMs(cs.at(0))) * 1000 / count, median(cpuMs(cs.at(1))) * 1000 / count,
                    median(cpuMs(cs.at(2))) * 1000 / count);
    }

    void capture()
    {
        const qint64 bytes = m_smoke ? (8 << 20) : (qint64(1) << 30);
        const QString n = QString::number(bytes);
        QList<Contender> cs{
            {QStringLiteral("SpawnScope engine + model"), engineChild({QStringLiteral("capture"), n}), {}, {}, {}, {}},
            {QStringLiteral("head -c N /dev/zero | cat >/dev/null"),
             {QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("head -c %1 /dev/zero | cat >/dev/null").arg(n)},
             {}, {}, {}, {}},
            {QStringLiteral("bare QProcess, readAll() per signal"), engineChild({QStringLiteral("capture-naive"), n}), {}, {}, {}, {}},
        };
        if (havePython())
            cs << Contender{QStringLiteral("Python read loop"), python({QStringLiteral("capture"), n}), {}, {}, {}, {}};
        const QByteArray title = format("Capture: %lld MiB of a child's stdout (wall, fork to reap)",
                                                      bytes >> 20);
        compare(title.constData(), cs, rounds(7));
        if (cs.at(0).ms.size() < rounds(7))
            return;
        const QString size = bytes >= (qint64(1) << 30) ? QStringLiteral("%1 GiB").arg(bytes >> 30)
                                                        : QStringLiteral("%1 MiB").arg(bytes >> 20);
        row(QStringLiteral("capture %1 vs cat pipe").arg(size), median(cs.at(0).ms), median(cs.at(1).ms), 1.10, "ms",
            true, false, pairedRatio(cs.at(0).ms, cs.at(1).ms));
        reference(QStringLiteral("  bare QProcess readAll vs cat"), median(cs.at(2).ms), median(cs.at(1).ms),
                  pairedRatio(cs.at(2).ms, cs.at(1).ms));
        if (cs.size() > 3)
            reference(QStringLiteral("  Python read loop vs cat"), median(cs.at(3).ms), median(cs.at(1).ms),
                      pairedRatio(cs.at(3).ms, cs.at(1).ms));
        // The app's own CPU time (all its threads, not the child's), per GiB.
        QList<double> cpu;
        for (const Sample &s : cs.at(0).samples)
            cpu << s.values.value("cpu_ms") * double(qint64(1) << 30) / double(bytes);
        std::printf("  SpawnScope's own CPU time (user + system, all threads): median %.1f ms per GiB\n", median(cpu));
        // Peak RSS as the child itself saw it (VmHWM), in MiB.
        QList<double> rss;
        for (const Sample &s : cs.at(0).samples)
            rss << s.values.value("rss_kib") / 1024;
        row(QStringLiteral("capture %1: peak RSS").arg(size), median(rss), std::nan(""), 64, "MiB", false);
    }

    void presetWall(const QString &id, double targetMs)
    {
        QList<Contender> cs{{QStringLiteral("SpawnScope engine + model (run wall)"), engineChild({QStringLiteral("preset"), id}),
                             "wall_ms", {}, {}, {}}};
        if (havePython())
            cs << Contender{QStringLiteral("Python, the seed's code"), python({id}), "wall_ms", {}, {}, {}};
        const QByteArray title = "Preset " + id.toLatin1() + " (wall from first spawn to last exit, measured inside)";
        compare(title.constData(), cs, rounds(9));
        if (cs.at(0).ms.size() < rounds(9))
            return;
        row(QStringLiteral("%1 wall").arg(id), median(cs.at(0).ms), cs.size() > 1 ? median(cs.at(1).ms) : std::nan(""),
            targetMs, "ms", false);
    }

    void startup()
    {
        QList<Contender> cs{{QStringLiteral("SpawnScope window, offscreen"),
                             child({QStringLiteral("startup"), QStringLiteral("%SPAWN_MS%")}), "first_paint_ms", {}, {}, {}}};
        compare("Startup: exec to the window's first paint", cs, rounds(7));
        if (cs.at(0).ms.size() < rounds(7))
            return;
        const Sample &s = cs.at(0).samples.constLast();
        std::printf("  last run: exec to main %.1f ms, QApplication %.1f ms, window built %.1f ms, show to paint %.1f ms\n",
                    s.values.value("exec_to_main_ms"), s.values.value("qapplication_ms"),
                    s.values.value("window_built_ms"), s.values.value("show_to_paint_ms"));
        row(QStringLiteral("first paint after start"), median(cs.at(0).ms), std::nan(""), 300, "ms", false);
    }

    void flood()
    {
        const QString seconds = m_smoke ? QStringLiteral("1") : m_quick ? QStringLiteral("3") : QStringLiteral("5");
        QList<Contender> cs{{QStringLiteral("window + 8 x yes"), child({QStringLiteral("flood"), seconds}), "p99_ms", {}, {}, {}}};
        compare(qPrintable(QStringLiteral("GUI under flood: 8 x yes for %1 s, window offscreen").arg(seconds)), cs,
                rounds(3));
        if (cs.at(0).ms.isEmpty())
            return;
        QList<double> paints, mib, growth;
        for (const Sample &s : cs.at(0).samples) {
            paints << s.values.value("paints_per_s");
            mib << s.values.value("mib_read");
            growth << s.values.value("rss_growth_kib") / 1024;
        }
        std::printf("  read %.0f MiB per run, RSS growth %.1f MiB (medians)\n", median(mib), median(growth));
        row(QStringLiteral("flood: event-loop lateness p99"), median(cs.at(0).ms), std::nan(""), 50, "ms", false);
        row(QStringLiteral("flood: table repaints"), median(paints), std::nan(""), 10, "/s", false, true);
    }

    void sampling()
    {
        const QString count = m_smoke ? QStringLiteral("50") : QStringLiteral("1000");
        const QString seconds = m_smoke ? QStringLiteral("1") : QStringLiteral("5");
        QList<Contender> cs{
            {QStringLiteral("engine + model, sampling on"), child({QStringLiteral("sampling"), count, seconds, QStringLiteral("on")}),
             "cpu_percent", {}, {}, {}},
            {QStringLiteral("engine + model, sampling off"), child({QStringLiteral("sampling"), count, seconds, QStringLiteral("off")}),
             "cpu_percent", {}, {}, {}}};
        compare(qPrintable(QStringLiteral("Sampling /proc: %1 sleeping children for %2 s, default interval "
                                          "(the app's CPU time, % of one core)").arg(count, seconds)),
                cs, rounds(3));
        if (cs.at(0).ms.isEmpty() || cs.at(1).ms.isEmpty())
            return;
        // The sampler's own ticks, timed on their thread: the difference of
        // the two medians above moves by a few points between runs.
        QList<double> sampler;
        for (const Sample &s : cs.at(0).samples)
            sampler << s.values.value("sampler_percent");
        std::printf("  sampling on: %.2f %% of a core; off: %.2f %% (difference %.2f); the sampler's ticks: %.2f %%\n",
                    median(cs.at(0).ms), median(cs.at(1).ms), median(cs.at(0).ms) - median(cs.at(1).ms),
                    median(sampler));
        row(QStringLiteral("%1 live: sampling, % of a core").arg(count), median(sampler), std::nan(""), 5, "%", false);
        QList<double> p99;
        for (const Sample &s : cs.at(0).samples)
            p99 << s.values.value("p99_ms");
        row(QStringLiteral("%1 live, sampled: event-loop lateness p99").arg(count), median(p99), std::nan(""), 50, "ms",
            false);
    }

    // The window past its row limit: 12 runs of 1,000 /bin/true, the oldest
    // folded so that 10,000 finished rows stay.
    void finished()
    {
        const QString runs = m_smoke ? QStringLiteral("3") : QStringLiteral("12");
        const QString copies = m_smoke ? QStringLiteral("20") : QStringLiteral("1000");
        QList<Contender> cs{{QStringLiteral("window + %1 runs x %2 true").arg(runs, copies),
                             child({QStringLiteral("finished"), runs, copies}), "p99_ms", {}, {}, {}}};
        compare(qPrintable(QStringLiteral("Many finished jobs: %1 runs of %2, window offscreen, row limit 10,000")
                               .arg(runs, copies)),
                cs, rounds(1));
        if (cs.at(0).ms.isEmpty())
            return;
        const Sample &s = cs.at(0).samples.first();
        std::printf("  rows left %.0f, runs folded %.0f, peak RSS %.1f MiB, longest start of a run %.1f ms\n",
                    s.values.value("rows"), s.values.value("folded_runs"), s.values.value("peak_rss_mib"),
                    s.values.value("run_start_max_ms"));
        row(QStringLiteral("%1 x %2 finished: event-loop lateness p99").arg(runs, copies), median(cs.at(0).ms),
            std::nan(""), 50, "ms", false);
        row(QStringLiteral("%1 x %2 finished: peak RSS").arg(runs, copies), s.values.value("peak_rss_mib"),
            std::nan(""), 300, "MiB", false);
    }

    void live()
    {
        const QString count = m_smoke ? QStringLiteral("50") : QStringLiteral("1000");
        const QString seconds = m_smoke ? QStringLiteral("0.5") : QStringLiteral("3");
        QList<Contender> cs{{QStringLiteral("window + %1 x sleep").arg(count), child({QStringLiteral("live"), count, seconds}),
                             "p99_ms", {}, {}, {}}};
        compare(qPrintable(QStringLiteral("Many live children: %1 rows, window offscreen").arg(count)), cs, rounds(3));
        if (cs.at(0).ms.isEmpty())
            return;
        const auto med = [&](const char *key) {
            QList<double> v;
            for (const Sample &s : cs.at(0).samples)
                v << s.values.value(key);
            return median(v);
        };
        std::printf("  model update (one 50 ms batch, with what reacts to it), a child selected: median %.2f ms, "
                    "max %.2f ms\n"
                    "  the same with the whole group selected (the detail pane describes every child): median %.2f ms, "
                    "max %.2f ms\n"
                    "  sort max %.1f ms; scroll a page median %.1f ms, max %.1f ms; %.1f paints/s\n",
                    med("flush_median_ms"), med("flush_max_ms"), med("group_flush_median_ms"),
                    med("group_flush_max_ms"), med("sort_max_ms"), med("scroll_median_ms"), med("scroll_max_ms"),
                    med("paints_per_s"));
        row(QStringLiteral("%1 live: event-loop lateness p99").arg(count), median(cs.at(0).ms), std::nan(""), 50, "ms",
            false);
        row(QStringLiteral("%1 live: model update, max").arg(count), med("flush_max_ms"), std::nan(""), 16, "ms", false);
        row(QStringLiteral("%1 live: sort a column, max").arg(count), med("sort_max_ms"), std::nan(""), 100, "ms", false);
        row(QStringLiteral("%1 live: scroll a page, max").arg(count), med("scroll_max_ms"), std::nan(""), 16, "ms",
            false);
    }

    static QList<double> cpuMs(const Contender &c)
    {
        QList<double> ms;
        for (const Sample &s : c.samples)
            ms << s.cpuMs;
        return ms;
    }

    // The real executable, headless, against the C loop at a scale the
    // window never sees: every job's line on stdout, the report streamed to
    // a file as the jobs end.
    void scale()
    {
        const int count = m_smoke ? 200 : m_quick ? 20000 : 100000;
        const QString report = m_scratch.filePath(QStringLiteral("scale.json"));
        const QString n = QString::number(count);
        QList<Contender> cs{
            {QStringLiteral("spawnscope --headless --report FILE"),
             headless({QStringLiteral("--command"), QStringLiteral("/bin/true"), QStringLiteral("--repeat"), n,
                       QStringLiteral("--max-parallel"), QStringLiteral("64"), QStringLiteral("--report"), report}),
             {}, {}, {}, {}},
            {QStringLiteral("posix_spawn loop (C)"), {m_loop, n, QStringLiteral("64"), QStringLiteral("/bin/true")},
             {}, {}, {}, {}},
        };
        const int n0 = m_smoke ? 1 : m_quick ? 2 : 3;
        compare(qPrintable(QStringLiteral("Scale: %1 x /bin/true, at most 64 at once, the real executable "
                                          "(wall, fork to reap)").arg(count)),
                cs, rounds(n0));
        if (cs.at(0).ms.size() < rounds(n0))
            return;
        std::printf("  SpawnScope's CPU per child (its own and the children's): %.1f us; the C loop's: %.1f us\n",
                    median(cpuMs(cs.at(0))) * 1000 / count, median(cpuMs(cs.at(1))) * 1000 / count);
        const double reportMiB = double(QFileInfo(report).size()) / (1 << 20);
        std::printf("  the report: %.1f MiB\n", reportMiB);
        row(QStringLiteral("%1 x true headless vs C").arg(count), median(cs.at(0).ms), median(cs.at(1).ms), 1.3, "ms",
            true, false, pairedRatio(cs.at(0).ms, cs.at(1).ms));
        row(QStringLiteral("%1 x true headless: peak RSS").arg(count), median(cs.at(0).rssKiB) / 1024, std::nan(""), 256,
            "MiB", false);
    }

    // The output budget: children that print far more than it, all at once,
    // headless (with the report) and in the window (offscreen).
    void budget()
    {
        const QString count = m_smoke ? QStringLiteral("30") : QStringLiteral("300");
        const QString bytes = m_smoke ? QStringLiteral("200000") : QStringLiteral("2000000");
        const QString command = QStringLiteral("head -c %1 /dev/zero").arg(bytes);
        const QString report = m_scratch.filePath(QStringLiteral("budget.json"));
        QList<Contender> cs{
            {QStringLiteral("spawnscope --headless --report FILE"),
             headless({QStringLiteral("--command"), command, QStringLiteral("--repeat"), count, QStringLiteral("--report"),
                       report}),
             {}, {}, {}, {}},
            {QStringLiteral("window offscreen, session kept"), child({QStringLiteral("budget-window"), count, bytes}),
             {}, {}, {}, {}},
        };
        compare(qPrintable(QStringLiteral("Output budget: %1 x `%2` at once, 256 MiB kept at most").arg(count, command)),
                cs, rounds(3));
        if (cs.at(1).ms.size() < rounds(3))
            return;
        const Sample &w = cs.at(1).samples.constLast();
        std::printf("  the window kept %.1f MiB of output at the end, %.0f jobs trimmed\n",
                    w.values.value("kept_mib"), w.values.value("trimmed_jobs"));
        const double reportMB = double(QFileInfo(report).size()) / 1e6;
        const QString what = QStringLiteral("%1 x %2 MB").arg(count, QString::number(bytes.toDouble() / 1e6));
        row(QStringLiteral("%1 headless: peak RSS").arg(what), median(cs.at(0).rssKiB) / 1024, std::nan(""), 400, "MiB",
            false);
        row(QStringLiteral("%1 window: peak RSS").arg(what), median(cs.at(1).rssKiB) / 1024, std::nan(""), 400, "MiB",
            false);
        row(QStringLiteral("%1: the report's size").arg(what), reportMB, std::nan(""), 50, "MB", false);
    }

    // spawnscope's tracer around program, its events in the scratch directory.
    QStringList watched(const QStringList &program) const
    {
        return QStringList{m_spawnscope}
               + TraceProtocol::workerArguments(m_scratch.filePath(QStringLiteral("events.jsonl")), program.first(),
                                                program.mid(1));
    }

    // Why this machine refuses ptrace, from the tracer's own answer on
    // /bin/true; empty when it traces.
    QString ptraceRefusal()
    {
        const Sample probe = runProcess(watched({QStringLiteral("/bin/true")}));
        if (!probe.ok) {
            m_errors << "watch: the tracer did not run: " + probe.error;
            return QStringLiteral("the tracer did not run");
        }
        QFile events(m_scratch.filePath(QStringLiteral("events.jsonl")));
        if (!events.open(QIODevice::ReadOnly))
            return QStringLiteral("the tracer wrote no events");
        return ProcessFamily::fromLines(events.readAll()).refusal();
    }

    void watch()
    {
        std::printf("\nWatch: the same programs bare and under spawnscope's ptrace tracer\n");
        const QString refusal = ptraceRefusal();
        if (!refusal.isEmpty()) {
            std::printf("  %s: the watch rows are skipped\n", qPrintable(refusal));
            m_table << format("%-34s %s", "watch", "(skipped: ptrace is refused here)");
            return;
        }

        // About a second of pure computation in the full run: the tracer
        // stops a program only at fork, exec and exit, so nothing else of
        // its time should change.
        const QString iterations = m_smoke ? QStringLiteral("20000000")
                                           : m_quick ? QStringLiteral("320000000") : QStringLiteral("650000000");
        const QStringList spin = child({QStringLiteral("spin"), iterations});
        QList<Contender> cpu{{QStringLiteral("watched: tracer + spin"), watched(spin), {}, {}, {}, {}},
                             {QStringLiteral("bare spin"), spin, {}, {}, {}, {}}};
        compare(qPrintable(QStringLiteral("Watch a CPU-bound program: %1 xorshift steps (wall, fork to reap)")
                               .arg(iterations)),
                cpu, rounds(7));
        if (cpu.at(0).ms.size() < rounds(7))
            return;
        row(QStringLiteral("watch: CPU-bound vs bare"), median(cpu.at(0).ms), median(cpu.at(1).ms), 1.02, "ms", true,
            false, pairedRatio(cpu.at(0).ms, cpu.at(1).ms));
        // CPU time barely depends on what else the machine runs, so it tells
        // the tracer's real cost apart from a busy machine's noise in wall time.
        reference(QStringLiteral("  CPU time, the tracer's included"), median(cpuMs(cpu.at(0))), median(cpuMs(cpu.at(1))),
                  pairedRatio(cpuMs(cpu.at(0)), cpuMs(cpu.at(1))));

        // Every iteration is a fork, an exec and an exit: three stops each.
        const int loops = m_smoke ? 20 : 500;
        const QStringList loop{QStringLiteral("sh"), QStringLiteral("-c"),
                               QStringLiteral("for i in $(seq %1); do /bin/true; done").arg(loops)};
        QList<Contender> forks{{QStringLiteral("watched: tracer + shell loop"), watched(loop), {}, {}, {}, {}},
                               {QStringLiteral("bare shell loop"), loop, {}, {}, {}, {}}};
        compare(qPrintable(QStringLiteral("Watch a fork-heavy shell: %1 x /bin/true in a loop (wall, fork to reap)")
                               .arg(loops)),
                forks, rounds(7));
        if (forks.at(0).ms.size() < rounds(7))
            return;
        row(QStringLiteral("watch: %1 x true loop vs bare").arg(loops), median(forks.at(0).ms),
            median(forks.at(1).ms), 1.5, "ms", true, false, pairedRatio(forks.at(0).ms, forks.at(1).ms));
        reference(QStringLiteral("  CPU time, the tracer's included"), median(cpuMs(forks.at(0))),
                  median(cpuMs(forks.at(1))), pairedRatio(cpuMs(forks.at(0)), cpuMs(forks.at(1))));

        // Through the engine, as the app runs a watched job (the child names
        // spawnscope as its tracer with TraceProtocol::setTracerProgram).
        const QString count = m_smoke ? QStringLiteral("20") : QStringLiteral("1000");
        QList<Contender> family{{QStringLiteral("engine + model, watched job"),
                                 child({QStringLiteral("watch-family"), count}), "p99_ms", {}, {}, {}}};
        compare(qPrintable(QStringLiteral("Watch a family of %1 short-lived processes started at once "
                                          "(event-loop lateness p99)").arg(count)),
                family, rounds(3));
        if (family.at(0).ms.isEmpty())
            return;
        QList<double> members, wall;
        for (const Sample &s : family.at(0).samples) {
            members << s.values.value("members");
            wall << s.values.value("wall_ms");
        }
        std::printf("  %.0f processes in the family, run wall %.1f ms (medians)\n", median(members), median(wall));
        row(QStringLiteral("watch: %1-process family, p99").arg(count), median(family.at(0).ms), std::nan(""), 50,
            "ms", false);
    }

    // The Machine panel's cost: one scan of every process on the machine,
    // beside ps -e and one top pass, with PROCS extra sleeping processes
    // so the machine holds about a thousand; then a second-by-second scan
    // kept up for a while, as the panel does, in % of one core.
    void machine()
    {
        const int extra = m_smoke ? 20 : 1000;
        QList<pid_t> sleepers;
        for (int i = 0; i < extra; ++i) {
            const pid_t pid = ::fork();
            if (pid == 0) {
                ::pause();
                ::_exit(0);
            }
            if (pid > 0)
                sleepers << pid;
        }
        const auto count = [] {
            return QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size();
        };
        std::printf("\n%lld entries in /proc with %d extra sleeping processes\n", qint64(count()), extra);
        const QStringList scan = headless({QStringLiteral("--processes"), QStringLiteral("--report"), QStringLiteral("/dev/null")});
        QList<Contender> once{{QStringLiteral("spawnscope --processes (one scan)"), scan, {}, {}, {}, {}},
                              {QStringLiteral("ps -e -o pid,ppid,user,stat,rss,args"),
                               {QStringLiteral("sh"), QStringLiteral("-c"),
                                QStringLiteral("ps -e -o pid,ppid,user,stat,rss,args > /dev/null")},
                               {}, {}, {}, {}},
                              {QStringLiteral("top -b -n 1"),
                               {QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("top -b -n 1 > /dev/null")},
                               {}, {}, {}, {}}};
        compare("Every process on the machine, one pass (CPU time, start-up included)", once, rounds(7));
        // The panel's steady cost: a short and a long run of 1 s scans side
        // by side; the difference in CPU time over the difference in length
        // leaves out start-up and the first scan, which reads every argv.
        const int shortSec = m_smoke ? 1 : 3;
        const int longSec = m_smoke ? 2 : 13;
        const auto scans = [this](int sec) {
            return headless({QStringLiteral("--processes"), QStringLiteral("--duration"), QString::number(sec),
                             QStringLiteral("--sample-interval"), QStringLiteral("1000"), QStringLiteral("--report"),
                             QStringLiteral("/dev/null")});
        };
        QList<Contender> kept{{QStringLiteral("--processes --duration %1 (1 s scans)").arg(longSec), scans(longSec), {}, {}, {}, {}},
                              {QStringLiteral("--processes --duration %1 (1 s scans)").arg(shortSec), scans(shortSec), {}, {}, {}, {}}};
        compare("Scanning every second, as the Machine panel does (CPU time, long against short)", kept, rounds(3));
        for (pid_t pid : std::as_const(sleepers))
            ::kill(pid, SIGKILL);
        for (pid_t pid : std::as_const(sleepers))
            ::waitpid(pid, nullptr, 0);
        if (once.at(0).samples.size() < rounds(7) || kept.at(1).samples.size() < rounds(3))
            return;
        row(QStringLiteral("machine: one scan vs ps -e, CPU"), median(cpuMs(once.at(0))), median(cpuMs(once.at(1))), 3.0,
            "ms", true, false, pairedRatio(cpuMs(once.at(0)), cpuMs(once.at(1))));
        reference(QStringLiteral("  one scan vs top -b -n 1, CPU"), median(cpuMs(once.at(0))), median(cpuMs(once.at(2))),
                  pairedRatio(cpuMs(once.at(0)), cpuMs(once.at(2))));
        QList<double> percent;
        for (int i = 0; i < kept.at(0).samples.size(); ++i)
            percent << (kept.at(0).samples.at(i).cpuMs - kept.at(1).samples.at(i).cpuMs) / ((longSec - shortSec) * 1000.0) * 100.0;
        row(QStringLiteral("machine: 1 s scans, % of a core"), median(percent), std::nan(""), 2.0, "%", false);
    }

    Options m_options;
    QString m_spawnscope = QStringLiteral(SPAWNSCOPE_PATH);
    QTemporaryDir m_scratch;
    QString m_self;
    QString m_loop;
    QString m_engineHost;
    QString m_script;
    QString m_python;
    bool m_smoke = false;
    bool m_quick = false;
    QList<QByteArray> m_table;
    QList<QByteArray> m_errors;
    int m_missed = 0;
};

int usage(FILE *to)
{
    std::fputs("usage: spawnscope_bench [--quick | --smoke] [--rounds N] [--only NAME,...] [--check]\n"
               "  --quick     fewer rounds and a shorter flood (about a minute)\n"
               "  --smoke     tiny workloads: checks every comparison runs and prints ratios; judges nothing\n"
               "  --rounds N  rounds per comparison (default 7, 9 for presets, 3 for the window ones)\n"
               "  --only      some of: spawn,capture,fanout,timeout,startup,flood,live,finished,sampling,watch,\n"
               "              budget,scale,machine\n"
               "  --check     exit 3 if a goal is missed (not for CI: timings depend on the machine)\n",
               to);
    return to == stderr ? 2 : 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc > 1 && std::strcmp(argv[1], "--child") == 0)
        return BenchChild::run(argc, argv);

    // Under ASan (the CI's smoke run) a traced child's exit-time leak check
    // would ptrace-attach, which a process the watch rows trace cannot
    // allow, so children run without it; this process read its own options
    // at start and keeps its check.
    const QByteArray asan = qgetenv("ASAN_OPTIONS");
    if (!asan.isEmpty() && !asan.contains("detect_leaks=0"))
        qputenv("ASAN_OPTIONS", asan + ":detect_leaks=0");

    Options options;
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg = argv[i];
        if (arg == "--quick")
            options.mode = QStringLiteral("quick");
        else if (arg == "--smoke")
            options.mode = QStringLiteral("smoke");
        else if (arg == "--check")
            options.check = true;
        else if (arg == "--rounds" && i + 1 < argc)
            options.rounds = std::max(1, std::atoi(argv[++i]));
        else if (arg == "--only" && i + 1 < argc)
            options.only = QString::fromLocal8Bit(argv[++i]).split(QLatin1Char(','), Qt::SkipEmptyParts);
        else if (arg == "--help" || arg == "-h")
            return usage(stdout);
        else
            return usage(stderr);
    }
    // The window workloads need no display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QCoreApplication app(argc, argv);
    Bench bench(options);
    return bench.run();
}
