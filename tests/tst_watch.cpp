// Watching through the engine, end to end: the seed's own Python run under
// watch reports the same children CPython saw, a setsid escape is still
// followed, and a tracer killed with SIGKILL takes its whole family with it.
//
// Skipped, with the reason, where the kernel refuses ptrace.
#include "jobengine.h"
#include "jobformat.h"
#include "jobprocess.h"
#include "jobrun.h"
#include "processfamily.h"
#include "procreader.h"
#include "testsupport.h"

#include <QtTest>

#include <QTemporaryDir>

#include <csignal>

using namespace TestSupport;

class TestWatch : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pythonFanoutMatchesCPythonsChildren();
    void pythonChainSharesOnePipe();
    void setsidEscapeIsStillFollowed();
    void killedTracerLeavesNoProcessBehind();
    void eventsTravelByAPipeTheProgramNeverSees();
    void theJobIsTheProgramNotItsTracer();
    void theJobsUsageIsTheProgramsNotTheTracers();
    void aDaemonOutlivingTheProgramIsNotBlamedOnIt();
    void aSubshellsPipeIsLinked();
    void theEnginesFamilyLimitHolds();
    void aHeadlessWatchStopsWithinASecondAtAnySize();

private:
    // Runs the command line words under watch through the engine.
    JobRun *watch(const QStringList &argv);
    static QList<const ProcessFamily::Member *> named(const ProcessFamily &family, const QString &name);

    JobEngine m_engine;
    QString m_refusal;
};

#define SKIP_IF_REFUSED()                                                                                      \
    if (!m_refusal.isEmpty())                                                                                  \
    QSKIP(qPrintable(QStringLiteral("ptrace is refused on this machine (%1)").arg(m_refusal)))

void TestWatch::initTestCase()
{
    useSpawnscopeAsTracer();
    JobRun *probe = watch({QStringLiteral("/bin/true")});
    QVERIFY(waitRun(probe));
    m_refusal = probe->jobs().first()->family().refusal();
}

JobRun *TestWatch::watch(const QStringList &argv)
{
    Preset preset;
    preset.watch = true;
    preset.stages << StageSpec{argv.first(), argv.mid(1), {}, {}};
    return m_engine.start(preset);
}

QList<const ProcessFamily::Member *> TestWatch::named(const ProcessFamily &family, const QString &name)
{
    QList<const ProcessFamily::Member *> found;
    for (const ProcessFamily::Member &m : family.members()) {
        if (family.name(m.pid) == name)
            found << &m;
    }
    return found;
}

// The seed's fan-out: ten sleeps from Popen. The pids CPython printed are
// exactly the family's sleeps, each with exit 0 and its own fork and exec.
void TestWatch::pythonFanoutMatchesCPythonsChildren()
{
    SKIP_IF_REFUSED();
    JobRun *run = watch({QStringLiteral("python3"), QStringLiteral("-c"),
                         QStringLiteral("import subprocess\n"
                                        "procs = [subprocess.Popen(['sleep', '0.1']) for _ in range(10)]\n"
                                        "for proc in procs:\n"
                                        "    proc.communicate()\n"
                                        "print(' '.join(str(proc.pid) for proc in procs))\n")});
    QVERIFY(waitRun(run));
    const JobProcess *job = run->jobs().first();
    QCOMPARE(job->outcome().exitCode, 0);
    QSet<qint64> cpython;
    for (const QByteArray &word : job->stdoutTail().tail().trimmed().split(' '))
        cpython.insert(word.toLongLong());
    QCOMPARE(cpython.size(), 10);

    const ProcessFamily &family = job->family();
    const QList<const ProcessFamily::Member *> sleeps = named(family, QStringLiteral("sleep"));
    QSet<qint64> watched;
    for (const ProcessFamily::Member *m : sleeps) {
        watched.insert(m->pid);
        QVERIFY(m->exited);
        QCOMPARE(m->exitCode, 0);
        QCOMPARE(m->execs.size(), 1);
        QVERIFY(m->execs.first().ms >= m->forkMs);
        QCOMPARE(family.name(m->ppid), QStringLiteral("python3"));
    }
    QCOMPARE(watched, cpython);
    // All ten from the one interpreter that ran the script (a python3 found
    // through a wrapper, such as pyenv's shim, adds the wrapper's processes
    // above it, never a sleep).
    QVERIFY(!sleeps.isEmpty());
    for (const ProcessFamily::Member *m : sleeps)
        QCOMPARE(m->ppid, sleeps.first()->ppid);
}

// The seed's chain: openssl's stdout=PIPE handed to md5sum as its stdin.
// Both ends name one pipe, and the table's text says so from each side.
void TestWatch::pythonChainSharesOnePipe()
{
    SKIP_IF_REFUSED();
    JobRun *run = watch({QStringLiteral("python3"), QStringLiteral("-c"),
                         QStringLiteral("import os, subprocess\n"
                                        "env = dict(os.environ, password='test')\n"
                                        "enc = subprocess.Popen(['openssl', 'enc', '-des3', '-pbkdf2', '-pass', "
                                        "'env:password'], env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE)\n"
                                        "md5 = subprocess.Popen(['md5sum'], stdin=enc.stdout, stdout=subprocess.PIPE)\n"
                                        "enc.stdout.close()\n"
                                        "enc.stdin.write(os.urandom(10)); enc.stdin.close()\n"
                                        "out, _ = md5.communicate(); enc.wait()\n"
                                        "print(enc.pid, md5.pid)\n")});
    QVERIFY(waitRun(run));
    const JobProcess *job = run->jobs().first();
    QCOMPARE(job->outcome().exitCode, 0);
    const QList<QByteArray> pids = job->stdoutTail().tail().trimmed().split(' ');
    QCOMPARE(pids.size(), 2);
    const ProcessFamily &family = job->family();
    const ProcessFamily::Member *enc = family.member(pids.at(0).toLongLong());
    const ProcessFamily::Member *md5 = family.member(pids.at(1).toLongLong());
    QVERIFY(enc && md5);
    QCOMPARE(enc->fds[1].kind, ProcessFamily::StdFd::Kind::Pipe);
    QCOMPARE(enc->fds[1].pipeInode, md5->fds[0].pipeInode);
    QCOMPARE(family.describeFd(enc->pid, 1), QStringLiteral("pipe to %1 (md5sum)").arg(md5->pid));
    QCOMPARE(family.describeFd(md5->pid, 0), QStringLiteral("pipe from %1 (openssl)").arg(enc->pid));
}

// setsid leaves the job's process group (Stop cannot reach it through the
// group), but ptrace still follows it: it is in the family with its exit.
void TestWatch::setsidEscapeIsStillFollowed()
{
    SKIP_IF_REFUSED();
    JobRun *run = watch({QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                         QStringLiteral("setsid %1 exit 7 & wait").arg(helper())});
    QVERIFY(waitRun(run));
    const ProcessFamily &family = run->jobs().first()->family();
    const QList<const ProcessFamily::Member *> escaped = named(family, QStringLiteral("spawnhelper"));
    QCOMPARE(escaped.size(), 1);
    QVERIFY(escaped.first()->exited);
    QCOMPARE(escaped.first()->exitCode, 7);
}

// PTRACE_O_EXITKILL: a tracer that dies takes the whole family with it,
// rather than leaving it running untraced.
void TestWatch::killedTracerLeavesNoProcessBehind()
{
    SKIP_IF_REFUSED();
    JobRun *run = watch({QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                         QStringLiteral("%1 sleep 30 & %1 sleep 30 & wait").arg(helper())});
    JobProcess *job = run->jobs().first();
    QTRY_VERIFY_WITH_TIMEOUT(named(job->family(), QStringLiteral("spawnhelper")).size() == 2, 10000);
    QList<qint64> pids;
    for (const ProcessFamily::Member &m : job->family().members())
        pids << m.pid;
    for (qint64 pid : pids)
        QVERIFY(processAlive(pid));
    QVERIFY(::kill(pid_t(job->pid()), SIGKILL) == 0); // the job's own pid is the tracer's
    QVERIFY(waitRun(run));
    QCOMPARE(job->outcome().signal, SIGKILL);
    for (qint64 pid : pids)
        QTRY_VERIFY2_WITH_TIMEOUT(!processAlive(pid), qPrintable(QStringLiteral("pid %1 outlived its tracer").arg(pid)),
                                  5000);
    // The job says the tracer died, not that the program crashed, and the
    // members whose end it never saw are unknown, not "running".
    QVERIFY(JobFormat::tracerDied(job));
    const QString explanation = JobFormat::jobExplanation(job);
    QVERIFY2(explanation.contains(QStringLiteral("tracer ended before the family")), qPrintable(explanation));
    QVERIFY(!explanation.contains(QStringLiteral("nobody here sent it")));
    int unknown = 0;
    for (const ProcessFamily::Member &m : job->family().members()) {
        if (!m.exited)
            unknown += JobFormat::familyMemberState(job, m) == QStringLiteral("unknown: the tracer died") ? 1 : 0;
    }
    QVERIFY(unknown >= 2); // the shell and its two sleeps had not ended when the tracer saw them last
}

// The tracer's events reach the app through an inherited pipe: no file
// appears in TMPDIR while the family runs, and the program inherits nothing
// but stdin, stdout and stderr (ls's 3 is the directory it reads).
void TestWatch::eventsTravelByAPipeTheProgramNeverSees()
{
    SKIP_IF_REFUSED();
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    const QByteArray savedTemp = qgetenv("TMPDIR");
    qputenv("TMPDIR", QFile::encodeName(temp.path()));
    JobRun *run = watch({QStringLiteral("sh"), QStringLiteral("-c"),
                         QStringLiteral("/bin/true; ls -A \"$TMPDIR\"; ls /proc/self/fd")});
    const bool ended = waitRun(run);
    if (savedTemp.isNull())
        qunsetenv("TMPDIR");
    else
        qputenv("TMPDIR", savedTemp);
    QVERIFY(ended);
    const JobProcess *job = run->jobs().first();
    QCOMPARE(job->outcome().exitCode, 0);
    QCOMPARE(job->stdoutTail().tail(), QByteArray("0\n1\n2\n3\n"));
    QVERIFY(job->family().ended());
    QCOMPARE(job->family().lostEvents(), 0);
    QCOMPARE(named(job->family(), QStringLiteral("ls")).size(), 2);
    QCOMPARE(named(job->family(), QStringLiteral("true")).size(), 1);
    // The job's own stdout and stderr pipes lead to the app, and say so.
    QCOMPARE(job->family().describeFd(job->programPid(), 1), QStringLiteral("captured by SpawnScope"));
    QCOMPARE(job->family().describeFd(job->programPid(), 2), QStringLiteral("captured by SpawnScope"));
}

// The job's row is the program: its PID is the one the tracer forked, the
// sampler reads the program's tree (so the program is not its own
// descendant, and the tracer is in neither), and the tracer's cost is apart.
void TestWatch::theJobIsTheProgramNotItsTracer()
{
    SKIP_IF_REFUSED();
    JobRun *run = watch({helper(), QStringLiteral("sleep"), QStringLiteral("30")});
    JobProcess *job = run->jobs().first();
    QSignalSpy changedPid(job, &JobProcess::programPidChanged);
    QTRY_VERIFY_WITH_TIMEOUT(!job->family().members().isEmpty(), 10000);
    QVERIFY(job->pid() > 0);
    QCOMPARE(job->programPid(), job->family().members().constFirst().pid);
    QVERIFY(job->programPid() != job->pid());
    QCOMPARE(changedPid.size(), 1);
    QCOMPARE(changedPid.first().first().toLongLong(), job->pid());
    QTRY_COMPARE_WITH_TIMEOUT(ProcReader::read(job->programPid(), ProcReader::Stat).comm, QByteArray("spawnhelper"), 5000);
    QCOMPARE(ProcReader::read(job->pid(), ProcReader::Stat).comm, QByteArray("spawnscope"));
    const int samplesBefore = job->resources().samples;
    QTRY_VERIFY_WITH_TIMEOUT(job->resources().samples > samplesBefore + 1, 10000);
    for (const ProcessSample &process : job->resources().descendants) {
        QVERIFY(process.pid != job->programPid());
        QVERIFY(process.pid != job->pid());
    }
    const ProcSnapshot tracer = job->tracerSample();
    QVERIFY(!tracer.isGone());
    QCOMPARE(tracer.pid, job->pid());
    QVERIFY(tracer.rssKb > 0);
    run->stop();
    QVERIFY(waitRun(run));
    QVERIFY(job->tracerSample().isGone()); // nothing to read once it ended
}

// The kernel counts the tracer's reap as the tracer's own time plus the
// family's, and its peak as the larger of the two: the job keeps the
// family's alone. A /bin/true is far smaller than the tracer (Qt and the
// app's code), so the tracer's peak would show.
void TestWatch::theJobsUsageIsTheProgramsNotTheTracers()
{
    SKIP_IF_REFUSED();
    JobRun *run = watch({QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("/bin/true; \"$0\" burn 0.3"), helper()});
    QVERIFY(waitRun(run));
    JobProcess *job = run->jobs().first();
    QCOMPARE(job->outcome().exitCode, 0);
    const ProcessFamily &family = job->family();
    QVERIFY(family.tracerUserMs() >= 0);
    const JobResources &usage = job->resources();
    QVERIFY(usage.cpuExact);
    double user = 0;
    double sys = 0;
    QVERIFY(family.membersCpu(&user, &sys));
    // The job's time is the members' sum, to the millisecond each figure is
    // rounded to; the tracer's own is not in it.
    QVERIFY2(std::abs(double(usage.cpuUserMs + usage.cpuSysMs) - (user + sys)) <= 1,
             qPrintable(QStringLiteral("job %1 ms, members %2 ms, tracer %3 ms")
                            .arg(usage.cpuUserMs + usage.cpuSysMs)
                            .arg(user + sys)
                            .arg(family.tracerUserMs() + family.tracerSysMs())));
    QVERIFY(usage.peakRssExact);
    qint64 largest = 0;
    for (const ProcessFamily::Member &m : family.members())
        largest = std::max(largest, m.peakRssKb);
    QCOMPARE(usage.peakRssKb, largest);
}

// A double-forked daemon (its own session, so the timeout's SIGTERM to the
// job's group misses it) keeps the watch going after the program exited 0.
// The row says the daemon is still running after the program ended, and
// the timeout's explanation names the program's own exit instead of
// saying the program ignored SIGTERM.
void TestWatch::aDaemonOutlivingTheProgramIsNotBlamedOnIt()
{
    SKIP_IF_REFUSED();
    Preset preset;
    preset.watch = true;
    preset.timeoutSec = 1;
    preset.graceSec = 0.2;
    preset.stages << StageSpec{helper(), {QStringLiteral("daemon"), QStringLiteral("30")}, {}, {}};
    JobRun *run = m_engine.start(preset);
    JobProcess *job = run->jobs().first();
    const auto daemon = [job]() -> const ProcessFamily::Member * {
        const ProcessFamily &family = job->family();
        for (const ProcessFamily::Member &m : family.members()) {
            if (m.depth == 2)
                return &m;
        }
        return nullptr;
    };
    QTRY_VERIFY_WITH_TIMEOUT(JobFormat::endedProgram(job) && daemon(), 10000);
    QCOMPARE(JobFormat::endedProgram(job)->exitCode, 0);
    QVERIFY(job->outcome().isActive());
    QCOMPARE(JobFormat::familyMemberState(job, *daemon()), QStringLiteral("still running after the program ended"));
    QVERIFY(waitRun(run));
    QCOMPARE(job->outcome().state, JobOutcome::State::TimedOut);
    const QString explanation = JobFormat::jobExplanation(job);
    QVERIFY2(explanation.startsWith(QLatin1String("The program itself had ended (exit code 0")), qPrintable(explanation));
    QVERIFY2(explanation.contains(QLatin1String("Descendants still running after it: 1;")), qPrintable(explanation));
    QVERIFY2(!explanation.contains(QLatin1String("ignored SIGTERM")), qPrintable(explanation));
    QCOMPARE(JobFormat::familyMemberState(job, *daemon()), QStringLiteral("killed with the watch (the program had ended)"));
}

// `echo hi | md5sum` in sh: the writer is a forked subshell that never
// execs (echo is built in) and moves its stdout with dup2 after the fork.
// Its fds are read again at its exit, so both ends of the pipe are linked.
void TestWatch::aSubshellsPipeIsLinked()
{
    SKIP_IF_REFUSED();
    JobRun *run = watch({QStringLiteral("/bin/sh"), QStringLiteral("-c"), QStringLiteral("echo hi | md5sum")});
    QVERIFY(waitRun(run));
    const JobProcess *job = run->jobs().first();
    QCOMPARE(job->outcome().exitCode, 0);
    const ProcessFamily &family = job->family();
    const QList<const ProcessFamily::Member *> md5 = named(family, QStringLiteral("md5sum"));
    QCOMPARE(md5.size(), 1);
    const ProcessFamily::Member *writer = nullptr;
    for (const ProcessFamily::Member &m : family.members()) {
        if (m.execs.isEmpty() && m.how == QLatin1String("fork"))
            writer = &m;
    }
    QVERIFY(writer);
    QCOMPARE(writer->fds[1].kind, ProcessFamily::StdFd::Kind::Pipe);
    QCOMPARE(writer->fds[1].pipeInode, md5.first()->fds[0].pipeInode);
    QCOMPARE(family.describeFd(md5.first()->pid, 0), QStringLiteral("pipe from %1 (sh)").arg(writer->pid));
    QCOMPARE(family.describeFd(writer->pid, 1), QStringLiteral("pipe to %1 (md5sum)").arg(md5.first()->pid));
}

// --family-limit reaches every watched job through the engine: past it the
// family counts processes instead of keeping them, and the job says so.
void TestWatch::theEnginesFamilyLimitHolds()
{
    SKIP_IF_REFUSED();
    JobEngine engine;
    engine.setFamilyLimit(3);
    Preset preset;
    preset.watch = true;
    preset.stages << StageSpec{QStringLiteral("/bin/sh"), {QStringLiteral("-c"), QStringLiteral("/bin/true; /bin/true; /bin/true; /bin/true")}, {}, {}};
    JobRun *run = engine.start(preset);
    QVERIFY(waitRun(run));
    const JobProcess *job = run->jobs().first();
    QCOMPARE(job->family().members().size(), 3);
    QCOMPARE(job->family().unstoredMembers(), 2);
    const QString explanation = JobFormat::jobExplanation(job);
    QVERIFY2(explanation.contains(QStringLiteral("limit of 3 members")), qPrintable(explanation));
}

// SIGTERM to a headless watch of a family thousands strong: the app stops
// the program, writes what it saw, and exits within a second (measured:
// 0.12-0.20 s at 350 and 3,800 members on the 2-core machine).
void TestWatch::aHeadlessWatchStopsWithinASecondAtAnySize()
{
    SKIP_IF_REFUSED();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString report = dir.filePath(QStringLiteral("report.json"));
    const QString marker = dir.filePath(QStringLiteral("two-thousand"));
    QProcess app;
    app.start(QStringLiteral(SPAWNSCOPE_PATH),
              {QStringLiteral("--headless"), QStringLiteral("--watch"), QStringLiteral("--report"), report,
               QStringLiteral("--"), QStringLiteral("/bin/sh"), QStringLiteral("-c"),
               QStringLiteral("i=0; while [ $i -lt 1000000 ]; do /bin/true; i=$((i+1)); "
                              "[ $i = 2000 ] && : > '%1'; done").arg(marker)});
    QVERIFY(app.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(marker), 120000);
    QElapsedTimer stopping;
    stopping.start();
    QCOMPARE(::kill(pid_t(app.processId()), SIGTERM), 0);
    QVERIFY(app.waitForFinished(30000));
    const qint64 tookMs = stopping.elapsed();
    QFile file(report);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject job = QJsonDocument::fromJson(file.readAll())
                                .object().value(QStringLiteral("runs")).toArray().first()
                                .toObject().value(QStringLiteral("jobs")).toArray().first().toObject();
    QVERIFY(job.value(QStringLiteral("family")).toArray().size() > 2000);
    QCOMPARE(job.value(QStringLiteral("signalName")).toString(), QStringLiteral("SIGTERM"));
#ifndef __SANITIZE_ADDRESS__
    QVERIFY2(tookMs < 1000, qPrintable(QStringLiteral("%1 ms").arg(tookMs)));
#else
    qInfo("stopped in %lld ms (not judged under AddressSanitizer)", tookMs);
#endif
}

QTEST_GUILESS_MAIN(TestWatch)
#include "tst_watch.moc"
