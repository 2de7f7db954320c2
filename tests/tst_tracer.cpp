// The ptrace tracer, run as the spawnscope binary's --trace-worker mode on
// real programs: what it reports about a family must be exactly what ran.
// Skipped, with the reason, where the kernel refuses ptrace; the refusal path
// itself is tested through TraceProtocol::RefuseEnv everywhere.
#include "jobformat.h"
#include "processfamily.h"
#include "traceprotocol.h"

#include <QtTest>

#include <csignal>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

struct Traced
{
    int exitCode = -1;
    QProcess::ExitStatus exitStatus = QProcess::NormalExit;
    QByteArray out;
    QByteArray err;
    ProcessFamily family;
};

} // namespace

class TstTracer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_runs = 0;

    QString eventsPath() { return m_dir.filePath(QStringLiteral("events-%1.jsonl").arg(++m_runs)); }

    // The environment of every traced run. Under ASan, LeakSanitizer checks
    // for leaks at exit by ptrace-attaching to the exiting process, which a
    // process already traced cannot allow: it would die with exit 1. So the
    // traced programs run without the leak check (no effect on other builds).
    static QProcessEnvironment tracedEnvironment()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        const QString asan = env.value(QStringLiteral("ASAN_OPTIONS"));
        env.insert(QStringLiteral("ASAN_OPTIONS"),
                   asan.isEmpty() ? QStringLiteral("detect_leaks=0") : asan + QStringLiteral(":detect_leaks=0"));
        return env;
    }

    // Starts the tracer on program; the caller waits.
    void start(QProcess *process, const QString &events, const QStringList &program,
               const QProcessEnvironment &env = tracedEnvironment())
    {
        process->setProcessEnvironment(env);
        process->setProgram(QStringLiteral(SPAWNSCOPE_PATH));
        process->setArguments(TraceProtocol::workerArguments(events, program.first(), program.mid(1)));
        process->start();
    }

    Traced finish(QProcess *process, const QString &events)
    {
        Traced traced;
        if (!process->waitForFinished(30000))
            process->kill();
        process->waitForFinished(5000);
        traced.exitCode = process->exitCode();
        traced.exitStatus = process->exitStatus();
        traced.out = process->readAllStandardOutput();
        traced.err = process->readAllStandardError();
        QFile file(events);
        if (file.open(QIODevice::ReadOnly)) {
            int bad = 0;
            traced.family = ProcessFamily::fromLines(file.readAll(), &bad);
            if (bad != 0)
                qWarning("%d bad lines in %s", bad, qPrintable(events));
        }
        return traced;
    }

    Traced trace(const QStringList &program,
                 const QProcessEnvironment &env = tracedEnvironment())
    {
        QProcess process;
        const QString events = eventsPath();
        start(&process, events, program, env);
        return finish(&process, events);
    }

    static QString helper() { return QStringLiteral(SPAWNHELPER_PATH); }

    QList<const ProcessFamily::Member *> withArgv0(const ProcessFamily &family, const QString &argv0)
    {
        QList<const ProcessFamily::Member *> found;
        for (const ProcessFamily::Member &m : family.members()) {
            for (const ProcessFamily::Exec &exec : m.execs) {
                if (exec.argv.value(0) == argv0) {
                    found << &m;
                    break;
                }
            }
        }
        return found;
    }

    bool m_refused = false;
    QString m_refusal;

#define SKIP_IF_REFUSED()                                                                                              \
    if (m_refused)                                                                                                     \
        QSKIP(qPrintable(QStringLiteral("ptrace is refused on this machine (%1); the refusal path is still tested")  \
                             .arg(m_refusal)));

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const Traced probe = trace({QStringLiteral("/bin/true")});
        QVERIFY(probe.family.started());
        if (!probe.family.refusal().isEmpty()) {
            m_refused = true;
            m_refusal = probe.family.refusal();
        }
    }

    // A reader that falls behind (here: none at all while the loop runs)
    // never slows the family: the pipe and the tracer's bounded buffer fill,
    // the events past them are counted, and the end event says how many.
    void aReaderThatFallsBehindGetsACountOfLostEvents()
    {
        SKIP_IF_REFUSED();
        int ends[2];
        QCOMPARE(::pipe2(ends, O_CLOEXEC), 0);
        const int writeEnd = ends[1];
        QProcessEnvironment env = tracedEnvironment();
        env.insert(QLatin1String(TraceProtocol::BufferEnv), QStringLiteral("4096"));
        const QString marker = m_dir.filePath(QStringLiteral("looped"));
        QProcess process;
        process.setChildProcessModifier([writeEnd] { ::fcntl(writeEnd, F_SETFD, 0); });
        start(&process, TraceProtocol::descriptorPath(writeEnd),
              {QStringLiteral("/bin/sh"), QStringLiteral("-c"),
               QStringLiteral("i=0; while [ $i -lt 600 ]; do /bin/true; i=$((i+1)); done; : > '%1'").arg(marker)},
              env);
        ::close(writeEnd);
        QVERIFY(process.waitForStarted());
        // About 200 KiB of events against a 64 KiB pipe and 4 KiB behind it.
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(marker), 60000);
        QByteArray events;
        char buffer[65536];
        for (ssize_t n; (n = ::read(ends[0], buffer, sizeof buffer)) != 0;) {
            if (n < 0 && errno == EINTR)
                continue;
            QVERIFY(n > 0);
            events.append(buffer, n);
        }
        ::close(ends[0]);
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 0);
        int bad = -1;
        const ProcessFamily family = ProcessFamily::fromLines(events, &bad);
        QCOMPARE(bad, 0); // what did arrive arrived whole
        QVERIFY(family.ended());
        QVERIFY2(family.lostEvents() > 100, qPrintable(QString::number(family.lostEvents())));
        QVERIFY(withArgv0(family, QStringLiteral("/bin/true")).size() < 600);
    }

    static QProcessEnvironment refusedEnvironment()
    {
        QProcessEnvironment env = tracedEnvironment();
        env.insert(QLatin1String(TraceProtocol::RefuseEnv), QStringLiteral("forced by the test"));
        return env;
    }

    // The fallback: a refused ptrace is one clear event, and the program runs
    // anyway, unwatched, its output and exit code passed through as traced.
    void refusalIsReportedAndProgramRunsUnwatched()
    {
        const QString marker = m_dir.filePath(QStringLiteral("ran"));
        const Traced traced = trace({QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                                     QStringLiteral("echo > '%1'; /bin/echo out; exit 3").arg(marker)},
                                    refusedEnvironment());
        QCOMPARE(traced.exitStatus, QProcess::NormalExit);
        QCOMPARE(traced.exitCode, 3);
        QCOMPARE(traced.out, QByteArray("out\n"));
        QVERIFY(QFile::exists(marker));
        QCOMPARE(traced.family.refusal(), QStringLiteral("ptrace refused: forced by the test"));
        QVERIFY(traced.family.members().isEmpty()); // nothing traced: sampling's job now
        QVERIFY(traced.family.ended());
        QVERIFY(traced.err.contains("ptrace refused"));
        QVERIFY(traced.err.contains("unwatched"));

        const Traced term = trace({helper(), QStringLiteral("signal"), QString::number(SIGTERM)}, refusedEnvironment());
        QCOMPARE(term.exitStatus, QProcess::CrashExit); // dies of the program's signal, as traced
        QCOMPARE(term.exitCode, SIGTERM);
    }

    // A real refusal, not the forced one: the tracer is itself traced (as
    // under strace or a debugger), so its child already has a tracer.
    void refusedUnderAnotherTracer()
    {
        SKIP_IF_REFUSED();
        const QString strace = QStandardPaths::findExecutable(QStringLiteral("strace"));
        if (strace.isEmpty())
            QSKIP("strace is not installed; the forced refusal above still covers the fallback");
        const QString events = eventsPath();
        QProcess process;
        process.setProcessEnvironment(tracedEnvironment());
        process.start(strace, QStringList{QStringLiteral("-f"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                                          QStringLiteral(SPAWNSCOPE_PATH)}
                                  + TraceProtocol::workerArguments(events, QStringLiteral("sh"),
                                                                   {QStringLiteral("-c"),
                                                                    QStringLiteral("echo unwatched; exit 2")}));
        const Traced traced = finish(&process, events);
        QCOMPARE(traced.exitCode, 2);
        QCOMPARE(traced.out, QByteArray("unwatched\n"));
        QVERIFY2(traced.family.refusal().startsWith(QStringLiteral("ptrace refused: PTRACE_SEIZE failed")),
                 qPrintable(traced.family.refusal()));
        QVERIFY(traced.family.members().isEmpty());
    }

    // Unwatched, the job ends with the program: a daemon it leaves behind
    // re-parents to the tracer (the subreaper) while the tracer runs, and
    // does not hold the tracer once the program is gone.
    void refusedEndsWithTheProgramNotItsDaemon()
    {
        QProcess process;
        const QString events = eventsPath();
        start(&process, events, {helper(), QStringLiteral("daemon"), QStringLiteral("20")}, refusedEnvironment());
        QVERIFY(process.waitForStarted());
        const qint64 tracer = process.processId();
        QElapsedTimer clock;
        clock.start();
        const Traced traced = finish(&process, events);
        const QStringList line = QString::fromLatin1(traced.out).trimmed().split(QLatin1Char(' '));
        QCOMPARE(line.size(), 2);
        const pid_t daemon = pid_t(line.at(0).toLongLong());
        QVERIFY(daemon > 0);
        const bool alive = ::kill(daemon, 0) == 0;
        ::kill(daemon, SIGKILL);
        QCOMPARE(traced.exitCode, 0);
        QVERIFY2(clock.elapsed() < 15000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(line.at(1).toLongLong(), tracer);
        QVERIFY(alive);
        QVERIFY(!traced.family.refusal().isEmpty());
    }

    // sh, echo and md5sum, with echo's stdout and md5sum's stdin the same pipe;
    // the program's own output passes through unchanged.
    void pipelineFamilyAndPipe()
    {
        SKIP_IF_REFUSED();
        const Traced traced =
            trace({QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("/bin/echo a | md5sum")});
        QCOMPARE(traced.exitCode, 0);
        QCOMPARE(traced.out, QByteArray("60b725f10c9c85c70d97880dfe8191b3  -\n"));
        const ProcessFamily &family = traced.family;
        QVERIFY(family.ended());
        QCOMPARE(family.members().size(), 3);
        const auto echo = withArgv0(family, QStringLiteral("/bin/echo"));
        const auto md5 = withArgv0(family, QStringLiteral("md5sum"));
        QCOMPARE(echo.size(), 1);
        QCOMPARE(md5.size(), 1);
        const qint64 root = family.members().first().pid;
        QCOMPARE(echo.first()->ppid, root);
        QCOMPARE(md5.first()->ppid, root);
        QCOMPARE(echo.first()->execs.first().argv, (QStringList{QStringLiteral("/bin/echo"), QStringLiteral("a")}));
        QCOMPARE(echo.first()->fds[1].kind, ProcessFamily::StdFd::Kind::Pipe);
        QCOMPARE(echo.first()->fds[1].pipeInode, md5.first()->fds[0].pipeInode);
        bool paired = false;
        for (const ProcessFamily::PipeLink &link : family.pipes()) {
            if (link.writers == QList<qint64>{echo.first()->pid} && link.readers == QList<qint64>{md5.first()->pid})
                paired = true;
        }
        QVERIFY(paired);
        QCOMPARE(family.describeFd(echo.first()->pid, 1), QStringLiteral("pipe to %1 (md5sum)").arg(md5.first()->pid));
        for (const ProcessFamily::Member &m : family.members())
            QVERIFY2(m.exited && m.exitCode == 0, qPrintable(QString::number(m.pid)));
    }

    // Processes that live a millisecond are there: found by their fork, not
    // by sampling.
    void shortLivedProcessesAreAllThere()
    {
        SKIP_IF_REFUSED();
        const Traced traced = trace({QStringLiteral("sh"), QStringLiteral("-c"),
                                     QStringLiteral("/bin/true; /bin/true; /bin/true; exit 0")});
        QCOMPARE(traced.exitCode, 0);
        QCOMPARE(withArgv0(traced.family, QStringLiteral("/bin/true")).size(), 3);
    }

    void execTwiceRecordsBoth()
    {
        SKIP_IF_REFUSED();
        const Traced traced = trace({QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("exec env true")});
        QCOMPARE(traced.exitCode, 0);
        QCOMPARE(traced.family.members().size(), 1);
        const ProcessFamily::Member &root = traced.family.members().first();
        QCOMPARE(root.execs.size(), 3);
        QCOMPARE(root.execs.at(0).argv.value(0), QStringLiteral("sh"));
        QCOMPARE(root.execs.at(1).argv, (QStringList{QStringLiteral("env"), QStringLiteral("true")}));
        QCOMPARE(root.execs.at(2).argv, QStringList{QStringLiteral("true")});
        QVERIFY(root.execs.at(1).ms <= root.execs.at(2).ms);
        QCOMPARE(traced.family.name(root.pid), QStringLiteral("true"));
    }

    void exitCodeAndSignal()
    {
        SKIP_IF_REFUSED();
        const Traced three = trace({helper(), QStringLiteral("exit"), QStringLiteral("3")});
        QCOMPARE(three.exitCode, 3); // the tracer exits as the program did
        QCOMPARE(three.family.members().first().exitCode, 3);
        QCOMPARE(three.family.members().first().signal, 0);

        const Traced term = trace({helper(), QStringLiteral("signal"), QString::number(SIGTERM)});
        QCOMPARE(term.exitStatus, QProcess::CrashExit); // and dies of the same signal
        QCOMPARE(term.exitCode, SIGTERM);
        QVERIFY(term.family.members().first().exited);
        QCOMPARE(term.family.members().first().signal, SIGTERM);
    }

    // Group-stop: the program stays stopped until SIGCONT, then goes on.
    void stoppedAndContinued()
    {
        SKIP_IF_REFUSED();
        QProcess process;
        const QString events = eventsPath();
        start(&process, events, {helper(), QStringLiteral("stop-resume")});
        QVERIFY(process.waitForStarted());
        qint64 pid = 0;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                QFile file(events);
                if (!file.open(QIODevice::ReadOnly))
                    return false;
                const ProcessFamily family = ProcessFamily::fromLines(file.readAll());
                if (family.members().isEmpty() || family.members().first().execs.isEmpty())
                    return false;
                pid = family.members().first().pid;
                return true;
            }(),
            10000);
        const auto state = [pid] {
            QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
            return stat.open(QIODevice::ReadOnly) ? stat.readAll().split(')').last().trimmed().left(1) : QByteArray();
        };
        QTRY_VERIFY_WITH_TIMEOUT(state() == "t" || state() == "T", 10000);
        // Still stopped after a while: the tracer did not resume it on its own. No event
        // says "nothing happened", so this stretch is what is under test, not a wait.
        QTest::qWait(300);
        const QByteArray after = state();
        QVERIFY2(after == "t" || after == "T", after.constData());
        QVERIFY(process.state() == QProcess::Running);
        QCOMPARE(::kill(pid_t(pid), SIGCONT), 0);
        const Traced traced = finish(&process, events);
        QCOMPARE(traced.exitCode, 0);
        QCOMPARE(traced.out, QByteArray("resumed\n"));
    }

    // A signal sent to a traced process reaches it (the tracer re-injects it
    // at the signal-delivery-stop): the handler's exit code proves it ran.
    void signalIsDelivered()
    {
        SKIP_IF_REFUSED();
        QProcess process;
        const QString events = eventsPath();
        start(&process, events, {helper(), QStringLiteral("usr1-exit")});
        QVERIFY(process.waitForStarted());
        // Its stdout passes through the tracer, so "ready" means the handler is in.
        QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine() || process.state() != QProcess::Running, 10000);
        QCOMPARE(process.readLine(), QByteArray("ready\n"));
        QFile file(events);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const ProcessFamily family = ProcessFamily::fromLines(file.readAll());
        QVERIFY(!family.members().isEmpty());
        QCOMPARE(::kill(pid_t(family.members().first().pid), SIGUSR1), 0);
        const Traced traced = finish(&process, events);
        QCOMPARE(traced.exitCode, 7);
        QCOMPARE(traced.family.members().first().exitCode, 7);
    }

    void forkThreeChildren()
    {
        SKIP_IF_REFUSED();
        const Traced traced = trace({helper(), QStringLiteral("fork"), QStringLiteral("3"), QStringLiteral("0.2")});
        QCOMPARE(traced.exitCode, 0);
        const ProcessFamily &family = traced.family;
        QCOMPARE(family.members().size(), 4);
        const qint64 root = family.members().first().pid;
        QStringList printed;
        for (int i = 1; i < 4; ++i) {
            const ProcessFamily::Member &child = family.members().at(i);
            QCOMPARE(child.ppid, root);
            QCOMPARE(child.how, QStringLiteral("fork"));
            QVERIFY(child.execs.isEmpty()); // a fork of the helper, not a new program
            QVERIFY(child.exited);
            QCOMPARE(child.exitCode, 0);
            QVERIFY(child.exitMs - child.forkMs >= 190);
            printed << QString::number(child.pid);
        }
        // The helper prints its children's pids: the same three.
        QCOMPARE(QString::fromLatin1(traced.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts), printed);
    }

    void cpuTimeOfBurn()
    {
        SKIP_IF_REFUSED();
        const Traced traced = trace({helper(), QStringLiteral("burn"), QStringLiteral("1")});
        QCOMPARE(traced.exitCode, 0);
        const ProcessFamily::Member &m = traced.family.members().first();
        const double cpu = m.cpuUserMs + m.cpuSysMs;
        QVERIFY2(cpu >= 900 && cpu <= 1100, qPrintable(QString::number(cpu)));
        QVERIFY(m.peakRssKb > 0);
    }

    // Each member's CPU time is the kernel's, to the microsecond, and its
    // own: the shell that ran two burns is not charged with them, and a
    // /bin/true that ran for a millisecond is not 0 (a clock tick, 10 ms,
    // was the resolution of /proc). The tracer's own time comes apart.
    void eachMemberHasItsOwnExactCpuTime()
    {
        SKIP_IF_REFUSED();
        const QString script = QStringLiteral("\"$0\" burn 0.3; \"$0\" burn 0.2; /bin/true");
        const Traced traced = trace({QStringLiteral("sh"), QStringLiteral("-c"), script, helper()});
        QCOMPARE(traced.exitCode, 0);
        const ProcessFamily &family = traced.family;
        QCOMPARE(family.members().size(), 4);
        const auto cpuOf = [](const ProcessFamily::Member &m) { return m.cpuUserMs + m.cpuSysMs; };
        const ProcessFamily::Member &shell = family.members().at(0);
        QVERIFY2(cpuOf(shell) < 100, qPrintable(QString::number(cpuOf(shell))));
        const double first = cpuOf(family.members().at(1));
        const double second = cpuOf(family.members().at(2));
        QVERIFY2(first >= 290 && first <= 400, qPrintable(QString::number(first)));
        QVERIFY2(second >= 190 && second <= 300, qPrintable(QString::number(second)));
        const ProcessFamily::Member &trueMember = family.members().at(3);
        QCOMPARE(trueMember.execs.value(0).argv.value(0), QStringLiteral("/bin/true"));
        QVERIFY2(cpuOf(trueMember) > 0 && cpuOf(trueMember) < 50, qPrintable(QString::number(cpuOf(trueMember))));
        QVERIFY(family.tracerUserMs() >= 0);
        QVERIFY(family.tracerSysMs() >= 0);
        double user = 0;
        double sys = 0;
        QVERIFY(family.membersCpu(&user, &sys));
        QVERIFY2(user + sys >= 490 && user + sys <= 800, qPrintable(QString::number(user + sys)));
    }

    // A parent that never waits for its child (here a shell that execs the
    // helper, which never reaps) is not charged the child's time either way:
    // the child, left a zombie, comes to the tracer as the subreaper, and its
    // time was never in the parent's.
    void aParentThatNeverWaitedKeepsItsOwnTime()
    {
        SKIP_IF_REFUSED();
        const QString script = QStringLiteral("\"$0\" burn 0.2 & exec \"$0\" burn 0.4");
        const Traced traced = trace({QStringLiteral("sh"), QStringLiteral("-c"), script, helper()});
        QCOMPARE(traced.exitCode, 0);
        const ProcessFamily &family = traced.family;
        QCOMPARE(family.members().size(), 2);
        const ProcessFamily::Member &parent = family.members().at(0);
        const ProcessFamily::Member &child = family.members().at(1);
        QVERIFY(child.exitMs < parent.exitMs);
        const double parentCpu = parent.cpuUserMs + parent.cpuSysMs;
        const double childCpu = child.cpuUserMs + child.cpuSysMs;
        QVERIFY2(parentCpu >= 390 && parentCpu <= 520, qPrintable(QString::number(parentCpu)));
        QVERIFY2(childCpu >= 190 && childCpu <= 300, qPrintable(QString::number(childCpu)));
    }

    // A set-user-ID program runs without its privileges while traced: its
    // exec says so, and the member carries a warning that names it; a plain
    // program carries none. A debugger or tracer inside the family is named
    // too (the kernel allows one tracer per process).
    void programsThatWatchingChangesAreMarked()
    {
        SKIP_IF_REFUSED();
        QString setuidProgram;
        for (const QString &candidate : {QStringLiteral("/usr/bin/su"), QStringLiteral("/bin/su"),
                                         QStringLiteral("/usr/bin/mount"), QStringLiteral("/usr/bin/passwd"),
                                         QStringLiteral("/usr/bin/newgrp")}) {
            struct stat info{};
            if (::stat(QFile::encodeName(candidate).constData(), &info) == 0 && (info.st_mode & S_ISUID)) {
                setuidProgram = candidate;
                break;
            }
        }
        if (setuidProgram.isEmpty())
            QSKIP("no set-user-ID program on this machine");
        const QString script = QStringLiteral("\"$0\" --version >/dev/null 2>&1; /bin/true");
        const Traced traced = trace({QStringLiteral("sh"), QStringLiteral("-c"), script, setuidProgram});
        const QList<const ProcessFamily::Member *> setuid = withArgv0(traced.family, setuidProgram);
        QCOMPARE(setuid.size(), 1);
        QVERIFY(setuid.first()->execs.constLast().setuid);
        QVERIFY2(JobFormat::memberWarning(*setuid.first()).contains(QLatin1String("set-user-ID")),
                 qPrintable(JobFormat::memberWarning(*setuid.first())));
        const QList<const ProcessFamily::Member *> plain = withArgv0(traced.family, QStringLiteral("/bin/true"));
        QCOMPARE(plain.size(), 1);
        QVERIFY(!plain.first()->execs.constLast().setuid);
        QVERIFY(JobFormat::memberWarning(*plain.first()).isEmpty());
        // The report keeps the mark.
        const ProcessFamily reread = ProcessFamily::fromJson(traced.family.toJson(), QString());
        QVERIFY(reread.member(setuid.first()->pid)->execs.constLast().setuid);
        // The text report gives the mark a line of its own right under its
        // member, indented with spaces: a second branch glyph would read as
        // another process.
        const QStringList lines = JobFormat::familyLines(traced.family, 100);
        const auto marked = std::find_if(lines.cbegin(), lines.cend(),
                                         [](const QString &line) { return line.contains(QStringLiteral("⚠")); });
        QVERIFY(marked != lines.cend() && marked != lines.cbegin());
        QVERIFY2(!marked->contains(QStringLiteral("└")), qPrintable(*marked));
        QVERIFY2((marked - 1)->contains(QString::number(setuid.first()->pid)), qPrintable(*(marked - 1)));

        ProcessFamily::Member debugger;
        debugger.execs << ProcessFamily::Exec{0, {QStringLiteral("/usr/bin/strace"), QStringLiteral("-f"), QStringLiteral("true")}, {}, false};
        QVERIFY(JobFormat::memberWarning(debugger).contains(QLatin1String("one tracer per process")));
    }

    // The headless runner's --watch: the report's job carries the family,
    // with the pipe described from both ends, and the Chrome trace shows the
    // family as tracks under the job's.
    void headlessWatchReport()
    {
        SKIP_IF_REFUSED();
        const QString report = m_dir.filePath(QStringLiteral("report.json"));
        const QString trace = m_dir.filePath(QStringLiteral("trace.json"));
        QProcess process;
        process.start(QStringLiteral(SPAWNSCOPE_PATH),
                      {QStringLiteral("--headless"), QStringLiteral("--watch"), QStringLiteral("--report"), report,
                       QStringLiteral("--trace"), trace,
                       QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"),
                       QStringLiteral("/bin/echo a | md5sum; exit 3")});
        QVERIFY(process.waitForFinished(30000));
        QFile file(report);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject job = QJsonDocument::fromJson(file.readAll())
                                    .object()
                                    .value(QStringLiteral("runs")).toArray().first().toObject()
                                    .value(QStringLiteral("jobs")).toArray().first().toObject();
        QCOMPARE(job.value(QStringLiteral("exitCode")).toInt(), 3);
        const QJsonArray family = job.value(QStringLiteral("family")).toArray();
        QCOMPARE(family.size(), 3);
        QStringList stdouts;
        QJsonObject echoOut, md5In;
        for (const QJsonValue &value : family) {
            const QJsonObject member = value.toObject();
            const QString argv0 = member.value(QStringLiteral("argv")).toArray().first().toString();
            stdouts << member.value(QStringLiteral("stdout")).toObject().value(QStringLiteral("text")).toString();
            if (argv0 == QLatin1String("/bin/echo"))
                echoOut = member.value(QStringLiteral("stdout")).toObject();
            if (argv0 == QLatin1String("md5sum")) {
                md5In = member.value(QStringLiteral("stdin")).toObject();
                QVERIFY(member.value(QStringLiteral("execMs")).toDouble() >= member.value(QStringLiteral("forkMs")).toDouble());
            }
        }
        QVERIFY2(stdouts.filter(QRegularExpression(QStringLiteral("^pipe to \\d+ \\(md5sum\\)$"))).size() == 1,
                 qPrintable(stdouts.join(QLatin1Char('|'))));
        // Both ends of the pipe carry the same id.
        QCOMPARE(echoOut.value(QStringLiteral("kind")).toString(), QStringLiteral("pipe"));
        QCOMPARE(md5In.value(QStringLiteral("kind")).toString(), QStringLiteral("pipe"));
        QVERIFY(echoOut.value(QStringLiteral("id")).toDouble() > 0);
        QCOMPARE(echoOut.value(QStringLiteral("id")).toDouble(), md5In.value(QStringLiteral("id")).toDouble());
        QCOMPARE(family.first().toObject().value(QStringLiteral("exitCode")).toInt(), 3);

        QFile traceFile(trace);
        QVERIFY(traceFile.open(QIODevice::ReadOnly));
        QHash<int, QString> trackNames;
        QHash<int, int> sortIndex;
        QMultiHash<int, QString> spans;
        for (const QJsonValue &value :
             QJsonDocument::fromJson(traceFile.readAll()).object().value(QStringLiteral("traceEvents")).toArray()) {
            const QJsonObject e = value.toObject();
            const int tid = e.value(QStringLiteral("tid")).toInt();
            const QString name = e.value(QStringLiteral("name")).toString();
            const QJsonObject args = e.value(QStringLiteral("args")).toObject();
            if (name == QLatin1String("thread_name"))
                trackNames.insert(tid, args.value(QStringLiteral("name")).toString());
            else if (name == QLatin1String("thread_sort_index"))
                sortIndex.insert(tid, args.value(QStringLiteral("sort_index")).toInt());
            else if (e.value(QStringLiteral("ph")).toString() == QLatin1String("X"))
                spans.insert(tid, name);
        }
        QCOMPARE(trackNames.size(), 4); // the job, then sh, echo and md5sum
        QCOMPARE(sortIndex.value(0), 0);
        const QString root = QStringLiteral("└ sh %1").arg(family.first().toObject().value(QStringLiteral("pid")).toInteger());
        QCOMPARE(trackNames.value(1), root);
        QCOMPARE(sortIndex.value(1), 1);
        QStringList children{trackNames.value(2), trackNames.value(3)};
        children.sort();
        QVERIFY2(children.at(0).startsWith(QStringLiteral("  └ echo ")), qPrintable(children.join(QLatin1Char('|'))));
        QVERIFY2(children.at(1).startsWith(QStringLiteral("  └ md5sum ")), qPrintable(children.join(QLatin1Char('|'))));
        QVERIFY(spans.values(2).contains(QStringLiteral("echo")) || spans.values(3).contains(QStringLiteral("echo")));
        QVERIFY(spans.values(1).contains(QStringLiteral("sh")));
    }

    // A daemon's double fork: the daemon re-parents to the tracer (the
    // subreaper), is traced to its end, and its exit is reported once though
    // the tracer is now both its tracer and its parent.
    void orphanReparentsToTracerAndExitsOnce()
    {
        SKIP_IF_REFUSED();
        QProcess process;
        const QString events = eventsPath();
        start(&process, events, {helper(), QStringLiteral("daemon"), QStringLiteral("0.3")});
        QVERIFY(process.waitForStarted());
        const qint64 tracer = process.processId();
        const Traced traced = finish(&process, events);
        QCOMPARE(traced.exitCode, 0);
        const QStringList line = QString::fromLatin1(traced.out).trimmed().split(QLatin1Char(' '));
        QCOMPARE(line.size(), 2);
        const qint64 daemon = line.at(0).toLongLong();
        QCOMPARE(line.at(1).toLongLong(), tracer);

        const ProcessFamily &family = traced.family;
        QVERIFY(family.ended());
        QCOMPARE(family.members().size(), 3); // the helper, the middle child, the daemon
        const ProcessFamily::Member *orphan = family.member(daemon);
        QVERIFY(orphan);
        QCOMPARE(orphan->ppid, family.members().at(1).pid); // forked by the middle child
        QVERIFY(orphan->exited);
        QCOMPARE(orphan->exitCode, 0);
        // The tracer waited for the traced daemon, not just for the program.
        QVERIFY(orphan->exitMs >= family.members().first().exitMs);

        QFile file(events);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QHash<qint64, int> exits;
        for (const QByteArray &text : file.readAll().split('\n')) {
            TraceProtocol::Event event;
            if (TraceProtocol::parse(text, &event) && event.kind == TraceProtocol::Event::Kind::Exit)
                ++exits[event.pid];
        }
        QCOMPARE(exits.size(), 3);
        for (auto it = exits.cbegin(); it != exits.cend(); ++it)
            QVERIFY2(it.value() == 1, qPrintable(QStringLiteral("pid %1: %2 exits").arg(it.key()).arg(it.value())));
    }

    // A child that ends while its parent still runs is reported to the
    // tracer, then left to that parent as a zombie; a parent that never
    // waits (a subshell exec'ing sleep) hands the zombie on at its own exit
    // to the tracer, the subreaper, whose waitpid returns it a second time.
    // One exit event per process still.
    void zombieHandedToTheTracerIsReportedOnce()
    {
        SKIP_IF_REFUSED();
        QProcess process;
        const QString events = eventsPath();
        start(&process, events,
              {QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("(/bin/true & exec sleep 0.2); sleep 0.1")});
        const Traced traced = finish(&process, events);
        QCOMPARE(traced.exitCode, 0);
        QCOMPARE(traced.family.members().size(), 4); // sh, the subshell (sleep 0.2), true, sleep 0.1
        QFile file(events);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QList<qint64> exited;
        for (const QByteArray &text : file.readAll().split('\n')) {
            TraceProtocol::Event event;
            if (TraceProtocol::parse(text, &event) && event.kind == TraceProtocol::Event::Kind::Exit)
                exited << event.pid;
        }
        QCOMPARE(exited.size(), 4);
        QCOMPARE(QSet<qint64>(exited.cbegin(), exited.cend()).size(), 4);
    }

    // An orphan the tracer cannot trace (CLONE_UNTRACED) still re-parents to
    // it; the tracer ends with the last traced process instead of waiting on
    // that child for as long as it lives.
    void untracedOrphanDoesNotHoldTheTracer()
    {
        SKIP_IF_REFUSED();
        QProcess process;
        const QString events = eventsPath();
        start(&process, events, {helper(), QStringLiteral("untraced-orphan"), QStringLiteral("20")});
        QVERIFY(process.waitForStarted());
        QElapsedTimer clock;
        clock.start();
        const Traced traced = finish(&process, events);
        const pid_t orphan = pid_t(QString::fromLatin1(traced.out).trimmed().toLongLong());
        QVERIFY(orphan > 0);
        ::kill(orphan, SIGKILL);
        QCOMPARE(traced.exitCode, 0);
        QVERIFY2(clock.elapsed() < 15000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(traced.family.ended());
        QCOMPARE(traced.family.members().size(), 1); // the helper alone: the clone was not traced
        QVERIFY(!traced.family.member(orphan));
    }

    void threadsAreCountedNotListed()
    {
        SKIP_IF_REFUSED();
        const Traced traced = trace({helper(), QStringLiteral("threads"), QStringLiteral("3"), QStringLiteral("0.1")});
        QCOMPARE(traced.exitCode, 0);
        QCOMPARE(traced.family.members().size(), 1);
        QCOMPARE(traced.family.members().first().threads, 4);
    }
};

QTEST_GUILESS_MAIN(TstTracer)
#include "tst_tracer.moc"
