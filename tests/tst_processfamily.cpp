// ProcessFamily at the size of a real build, from synthesized tracer events
// (no tracer needed): a shell loop whose thousands of children all write the
// job's one stdout pipe, and a pipeline whose stages pipe one into the next.
// The answers are checked, and the work every view of a family does (apply
// the events, ask each member's streams, depth and name, write the report,
// and show it in the table, the timeline, the Chrome trace and the text
// summary) is timed at 1,000 and 10,000 members: ten times the members must
// cost about ten times as much, not a hundred or a thousand.
#include "chrometrace.h"
#include "jobengine.h"
#include "jobformat.h"
#include "jobprocess.h"
#include "jobrun.h"
#include "jobtreemodel.h"
#include "processfamily.h"
#include "recordedrun.h"
#include "timelinegroup.h"
#include "timelinemodel.h"
#include "traceprotocol.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

#include <algorithm>

namespace {

using Event = TraceProtocol::Event;

constexpr qint64 ShellPid = 100;
constexpr quint64 JobStdout = 9000; // the pipe the engine reads the job's stdout from
constexpr quint64 JobStderr = 9001;

Event spawn(double ms, qint64 pid, qint64 ppid, const QStringList &fds)
{
    Event e;
    e.kind = Event::Kind::Spawn;
    e.ms = ms;
    e.pid = pid;
    e.ppid = ppid;
    e.how = ppid == 1 ? QStringLiteral("root") : QStringLiteral("fork");
    e.fds = fds;
    return e;
}

Event exec(double ms, qint64 pid, const QString &program, const QStringList &fds)
{
    Event e;
    e.kind = Event::Kind::Exec;
    e.ms = ms;
    e.pid = pid;
    e.argv = QStringList{program};
    e.exe = program;
    e.fds = fds;
    return e;
}

Event exited(double ms, qint64 pid)
{
    Event e;
    e.kind = Event::Kind::Exit;
    e.ms = ms;
    e.pid = pid;
    e.exitCode = 0;
    return e;
}

QString pipeName(quint64 inode)
{
    return QStringLiteral("pipe:[%1]").arg(inode);
}

// sh -c 'for i in $(seq n); do /bin/true; done': every child forked with the
// shell's fds (stdout and stderr the job's pipes) and exec'ing with them.
QList<Event> shellLoop(int n)
{
    const QStringList fds{QStringLiteral("/dev/null"), pipeName(JobStdout), pipeName(JobStderr)};
    QList<Event> events{spawn(0, ShellPid, 1, fds), exec(0, ShellPid, QStringLiteral("/bin/sh"), fds)};
    for (int i = 1; i <= n; ++i) {
        events << spawn(i, ShellPid + i, ShellPid, fds) << exec(i, ShellPid + i, QStringLiteral("/bin/true"), fds)
               << exited(i, ShellPid + i);
    }
    events << exited(n + 1, ShellPid);
    return events;
}

// sh -c 's1 | s2 | … | sn': each stage forked with the shell's terminal and
// exec'ing with its pipes, stage i writing pipe i, which stage i + 1 reads.
QList<Event> pipeline(int n)
{
    const QStringList tty{QStringLiteral("/dev/pts/1"), QStringLiteral("/dev/pts/1"), QStringLiteral("/dev/pts/1")};
    QList<Event> events{spawn(0, ShellPid, 1, tty), exec(0, ShellPid, QStringLiteral("/bin/sh"), tty)};
    for (int i = 1; i <= n; ++i) {
        const QStringList fds{i == 1 ? tty[0] : pipeName(i - 1), i == n ? tty[1] : pipeName(i), tty[2]};
        events << spawn(i, ShellPid + i, ShellPid, tty)
               << exec(i, ShellPid + i, QStringLiteral("/usr/bin/s%1").arg(i), fds);
    }
    for (int i = 1; i <= n; ++i)
        events << exited(n + i, ShellPid + i);
    events << exited(2 * n + 1, ShellPid);
    return events;
}

ProcessFamily familyOf(const QList<Event> &events)
{
    ProcessFamily family;
    for (const Event &event : events)
        family.apply(event);
    return family;
}

// A finished watched run holding family, as a session file restores one.
RecordedRun recordedRun(const ProcessFamily &family)
{
    RecordedRun run;
    run.preset.title = QStringLiteral("family");
    StageSpec stage;
    stage.program = QStringLiteral("/bin/sh");
    stage.args = QStringList{QStringLiteral("-c"), QStringLiteral("loop")};
    run.preset.stages << stage;
    run.preset.watch = true;
    JobProcess::Record job;
    job.outcome.state = JobOutcome::State::Finished;
    job.outcome.exitCode = 0;
    job.pid = ShellPid;
    job.startedMs = 0;
    job.finishedMs = 1000;
    job.elapsedMs = 1000;
    job.family = family;
    run.jobs << job;
    run.wallMs = 1000;
    return run;
}

// Everything a view asks of a family of this size, from the events on;
// returns a sum of the answers' sizes so that none of it can be skipped.
qint64 everyView(const QList<Event> &events)
{
    const ProcessFamily family = familyOf(events);
    qint64 size = 0;
    for (const ProcessFamily::Member &m : family.members()) {
        for (int fd = 0; fd < 3; ++fd)
            size += family.describeFd(m.pid, fd).size();
        size += m.depth + family.name(m.pid).size();
    }
    size += family.toJson().size();
    size += JobFormat::familyLines(family, int(family.members().size())).size();
    size += ChromeTrace::familyEvents(family, ChromeTrace::FamilyPlacement{}).size();

    JobEngine engine;
    JobTreeModel model(&engine);
    TimelineModel timeline(&engine);
    const JobRun *run = engine.restore(recordedRun(family));
    if (!run)
        return -1;
    const QModelIndex job = model.indexOfJob(run, 0);
    const int rows = model.rowCount(job);
    for (int row = 0; row < rows; ++row) {
        for (int column = 0; column < JobTreeModel::ColumnCount; ++column)
            size += model.index(row, column, job).data().toString().size();
        size += model.index(row, JobTreeModel::LastLineColumn, job).data(Qt::ToolTipRole).toString().size();
    }
    size += rows;
    const int group = timeline.groupOfRun(run->id());
    if (group < 0)
        return -1;
    for (const TimelineLane &lane : timeline.group(group).family.constFirst())
        size += lane.label.size() + lane.pipeTo.size();
    return size;
}

double medianMs(const QList<Event> &events, qint64 *size)
{
    QList<double> ms;
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer timer;
        timer.start();
        *size = everyView(events);
        ms << double(timer.nsecsElapsed()) / 1e6;
    }
    std::sort(ms.begin(), ms.end());
    return ms.at(1);
}

} // namespace

class TestProcessFamily : public QObject
{
    Q_OBJECT

private slots:
    void shellLoopSharesOnePipe_data();
    void shellLoopSharesOnePipe();
    void pipelineLinksEachStage_data();
    void pipelineLinksEachStage();
    void parentsAreFixedOnArrival();
    void anExecMovesAMemberBetweenPipes();
    void costGrowsLinearly_data();
    void costGrowsLinearly();
    void anotherProtocolVersionIsRefused();
    void theAppsOwnPipesAreNamed();
    void pastTheLimitMembersAreCountedNotKept();
};

// A family past its member limit keeps the first ones whole and counts the
// rest; their later events find no member and change nothing.
void TestProcessFamily::pastTheLimitMembersAreCountedNotKept()
{
    QByteArray lines = "{\"ev\":\"hello\",\"v\":1,\"tracer\":5}\n";
    for (int pid = 10; pid < 20; ++pid) {
        lines += QStringLiteral("{\"ev\":\"spawn\",\"ms\":1,\"pid\":%1,\"ppid\":%2,\"how\":\"fork\","
                                "\"fds\":[\"\",\"\",\"\"]}\n"
                                "{\"ev\":\"exit\",\"ms\":2,\"pid\":%1,\"code\":3}\n")
                     .arg(pid)
                     .arg(pid == 10 ? 5 : 10)
                     .toUtf8();
    }
    ProcessFamily family;
    QCOMPARE(family.memberLimit(), ProcessFamily::DefaultMemberLimit);
    family.setMemberLimit(4);
    QCOMPARE(family.applyLines(lines), 0);
    QCOMPARE(family.members().size(), 4);
    QCOMPARE(family.unstoredMembers(), 6);
    QCOMPARE(family.members().constLast().pid, 13);
    QVERIFY(family.members().constLast().exited);
    QCOMPARE(family.member(14), nullptr);
    family.setMemberLimit(0); // at least one
    QCOMPARE(family.memberLimit(), 1);
}

// A pipe nobody in the family reads is "other end elsewhere", unless it is
// one the app captures: then the app is named.
void TestProcessFamily::theAppsOwnPipesAreNamed()
{
    ProcessFamily family = ProcessFamily::fromLines(
        "{\"ev\":\"hello\",\"v\":1,\"tracer\":5}\n"
        "{\"ev\":\"spawn\",\"ms\":0,\"pid\":10,\"ppid\":5,\"how\":\"root\","
        "\"fds\":[\"/dev/null\",\"pipe:[700]\",\"pipe:[701]\"]}\n");
    QCOMPARE(family.describeFd(10, 1), QStringLiteral("pipe 700 (other end elsewhere)"));
    family.setCapturePipes({700});
    QCOMPARE(family.describeFd(10, 1), QStringLiteral("captured by SpawnScope"));
    QCOMPARE(family.describeFd(10, 2), QStringLiteral("pipe 701 (other end elsewhere)"));
}

// A tracer of another build: its hello names another version, and nothing
// it says after is taken as this version's events.
void TestProcessFamily::anotherProtocolVersionIsRefused()
{
    const ProcessFamily family = ProcessFamily::fromLines(
        "{\"ev\":\"hello\",\"v\":2,\"tracer\":5}\n"
        "{\"ev\":\"spawn\",\"ms\":0,\"pid\":10,\"ppid\":5,\"how\":\"root\",\"fds\":[\"\",\"\",\"\"]}\n"
        "{\"ev\":\"end\",\"ms\":1}\n");
    QVERIFY(family.members().isEmpty());
    QVERIFY2(family.refusal().contains(QStringLiteral("version 2")), qPrintable(family.refusal()));
    QVERIFY(family.ended());
    const ProcessFamily same = ProcessFamily::fromLines(
        "{\"ev\":\"hello\",\"v\":1,\"tracer\":5}\n"
        "{\"ev\":\"spawn\",\"ms\":0,\"pid\":10,\"ppid\":5,\"how\":\"root\",\"fds\":[\"\",\"\",\"\"]}\n");
    QCOMPARE(same.members().size(), 1);
    QVERIFY(same.refusal().isEmpty());
}

void TestProcessFamily::shellLoopSharesOnePipe_data()
{
    QTest::addColumn<int>("n");
    QTest::newRow("1,000") << 1000;
    QTest::newRow("10,000") << 10000;
}

void TestProcessFamily::shellLoopSharesOnePipe()
{
    QFETCH(int, n);
    const ProcessFamily family = familyOf(shellLoop(n));
    QCOMPARE(family.members().size(), n + 1);
    const qint64 last = ShellPid + n;
    QCOMPARE(family.member(ShellPid)->depth, 0);
    QCOMPARE(family.member(last)->depth, 1);
    QCOMPARE(family.member(last)->parent, 0);
    QCOMPARE(family.name(last), QStringLiteral("true"));
    // Nobody in the family reads the job's pipes: the engine does.
    QCOMPARE(family.describeFd(last, 1), QStringLiteral("pipe %1 (other end elsewhere)").arg(JobStdout));
    QCOMPARE(family.describeFd(last, 0), QStringLiteral("/dev/null"));
    const QList<ProcessFamily::PipeLink> pipes = family.pipes();
    QCOMPARE(pipes.size(), 2);
    QCOMPARE(pipes.at(0).inode, JobStdout);
    QCOMPARE(pipes.at(1).inode, JobStderr);
    QCOMPARE(pipes.at(0).writers.size(), n + 1);
    QCOMPARE(pipes.at(0).writers.first(), ShellPid);
    QCOMPARE(pipes.at(0).writers.last(), last);
    QVERIFY(pipes.at(0).readers.isEmpty());
    const QJsonArray json = family.toJson();
    QCOMPARE(json.size(), n + 1);
    const QJsonObject lastJson = json.last().toObject();
    QCOMPARE(lastJson.value(QStringLiteral("name")).toString(), QStringLiteral("true"));
    QCOMPARE(lastJson.value(QStringLiteral("stdout")).toObject().value(QStringLiteral("text")).toString(),
             family.describeFd(last, 1));
}

void TestProcessFamily::pipelineLinksEachStage_data()
{
    shellLoopSharesOnePipe_data();
}

void TestProcessFamily::pipelineLinksEachStage()
{
    QFETCH(int, n);
    const ProcessFamily family = familyOf(pipeline(n));
    QCOMPARE(family.members().size(), n + 1);
    const QList<ProcessFamily::PipeLink> pipes = family.pipes();
    QCOMPARE(pipes.size(), n - 1);
    for (int i = 1; i < n; i += n / 10) {
        // Pipe i: stage i writes it, stage i + 1 reads it, in that order.
        QCOMPARE(pipes.at(i - 1).inode, quint64(i));
        QCOMPARE(pipes.at(i - 1).writers, QList<qint64>{ShellPid + i});
        QCOMPARE(pipes.at(i - 1).readers, QList<qint64>{ShellPid + i + 1});
        QCOMPARE(family.describeFd(ShellPid + i, 1),
                 QStringLiteral("pipe to %1 (s%2)").arg(ShellPid + i + 1).arg(i + 1));
        QCOMPARE(family.describeFd(ShellPid + i + 1, 0), QStringLiteral("pipe from %1 (s%2)").arg(ShellPid + i).arg(i));
        QCOMPARE(family.member(ShellPid + i)->depth, 1);
    }
    QCOMPARE(family.describeFd(ShellPid + 1, 0), QStringLiteral("/dev/pts/1 (terminal)"));
    QCOMPARE(family.describeFd(ShellPid + n, 1), QStringLiteral("/dev/pts/1 (terminal)"));

    // The timeline draws each stage's arrow to the next and indents it once.
    JobEngine engine;
    TimelineModel timeline(&engine);
    const JobRun *run = engine.restore(recordedRun(family));
    QVERIFY(run);
    const QList<TimelineLane> lanes = timeline.group(timeline.groupOfRun(run->id())).family.constFirst();
    QCOMPARE(lanes.size(), n + 1);
    QCOMPARE(lanes.at(0).depth, 0);
    QVERIFY(lanes.at(0).pipeTo.isEmpty());
    for (int i = 1; i < n; i += n / 10) {
        QCOMPARE(lanes.at(i).pipeTo, QList<int>{i + 1});
        QCOMPARE(lanes.at(i).label, QStringLiteral("└ s%1").arg(i));
    }
    QVERIFY(lanes.at(n).pipeTo.isEmpty());
}

// A member's parent is the latest member with its ppid listed before it:
// a reused pid's children find the right process, and a ppid cycle (only
// hostile input has one) ends at the member listed first.
void TestProcessFamily::parentsAreFixedOnArrival()
{
    const QStringList none{QString(), QString(), QString()};
    ProcessFamily family;
    for (const Event &e : {spawn(0, 10, 1, none), exec(0, 10, QStringLiteral("/bin/sh"), none),
                           spawn(1, 11, 10, none), exec(1, 11, QStringLiteral("/usr/bin/make"), none),
                           spawn(2, 12, 11, none), exited(3, 11),
                           spawn(4, 11, 10, none), // pid 11 again: another process
                           spawn(5, 13, 11, none), spawn(6, 200, 201, none), spawn(7, 201, 200, none)})
        family.apply(e);
    QCOMPARE(family.members().size(), 7);
    QCOMPARE(family.member(11), &family.members().at(3)); // the latest with the pid
    QCOMPARE(family.members().at(2).parent, 1);           // 12: the first 11, which ran make
    QCOMPARE(family.members().at(2).depth, 2);
    QCOMPARE(family.name(12), QStringLiteral("make"));
    QCOMPARE(family.members().at(4).parent, 3); // 13: the second 11, a fork of sh
    QCOMPARE(family.members().at(4).depth, 2);
    QCOMPARE(family.name(13), QStringLiteral("sh"));
    QCOMPARE(family.members().at(5).depth, 0); // 200: its "parent" came later
    QCOMPARE(family.members().at(6).depth, 1);
    QCOMPARE(family.name(201), QString());

    // The same from the report: fromJson fixes parents as apply does.
    const ProcessFamily read = ProcessFamily::fromJson(family.toJson(), QString());
    QCOMPARE(read.members().size(), family.members().size());
    for (qsizetype i = 0; i < read.members().size(); ++i) {
        QCOMPARE(read.members().at(i).parent, family.members().at(i).parent);
        QCOMPARE(read.members().at(i).depth, family.members().at(i).depth);
    }
}

// Exec replaces a member's fds: it leaves the pipes it no longer holds and
// joins its new ones in member order, as if the links were found afresh.
void TestProcessFamily::anExecMovesAMemberBetweenPipes()
{
    const QStringList tty{QStringLiteral("/dev/pts/1"), QStringLiteral("/dev/pts/1"), QStringLiteral("/dev/pts/1")};
    const QStringList toA{tty[0], pipeName(50), tty[2]};
    const QStringList toB{tty[0], pipeName(60), tty[2]};
    ProcessFamily family;
    for (const Event &e : {spawn(0, 10, 1, tty), exec(0, 10, QStringLiteral("/bin/sh"), tty),
                           spawn(1, 11, 10, toA),                                  // a, on pipe 50 first
                           spawn(2, 12, 10, toB), exec(2, 12, QStringLiteral("/bin/b"), toB),
                           spawn(3, 13, 10, tty), exec(3, 13, QStringLiteral("/bin/r"), {pipeName(60), tty[1], tty[2]}),
                           exec(4, 11, QStringLiteral("/bin/a"), toB)})                // a moves to 60
        family.apply(e);
    const QList<ProcessFamily::PipeLink> pipes = family.pipes();
    QCOMPARE(pipes.size(), 1);
    QCOMPARE(pipes.first().inode, quint64(60));
    QCOMPARE(pipes.first().writers, (QList<qint64>{11, 12}));
    QCOMPARE(pipes.first().readers, QList<qint64>{13});
    QCOMPARE(family.describeFd(13, 0), QStringLiteral("pipe from 11 (a), 12 (b)"));
    QCOMPARE(family.describeFd(11, 1), QStringLiteral("pipe to 13 (r)"));
}

void TestProcessFamily::costGrowsLinearly_data()
{
    QTest::addColumn<bool>("loop");
    QTest::newRow("shell loop") << true;
    QTest::newRow("pipeline") << false;
}

// Ten times the members: the goal is about 11 times the time; 15 leaves room
// for a noisy two-core machine, and a quadratic cost would be 100.
void TestProcessFamily::costGrowsLinearly()
{
    QFETCH(bool, loop);
    const QList<Event> small = loop ? shellLoop(1000) : pipeline(1000);
    const QList<Event> large = loop ? shellLoop(10000) : pipeline(10000);
    qint64 smallSize = 0;
    qint64 largeSize = 0;
    everyView(small); // warm up: first allocations, translators, statics
    const double smallMs = medianMs(small, &smallSize);
    const double largeMs = medianMs(large, &largeSize);
    qInfo("%s: 1,000 members %.1f ms, 10,000 members %.1f ms, ratio %.1f", QTest::currentDataTag(), smallMs,
          largeMs, largeMs / smallMs);
    QVERIFY(smallSize > 0);
    QVERIFY(largeSize > 9 * smallSize);
#if defined(__SANITIZE_ADDRESS__)
    // Instrumented, every allocation costs many times more and unevenly:
    // the timing is judged in the plain build only.
    QSKIP("timings are judged in the plain build, not under AddressSanitizer");
#endif
    QVERIFY2(largeMs <= 15 * smallMs, qPrintable(QStringLiteral("ratio %1").arg(largeMs / smallMs)));
    QVERIFY2(largeMs < 2000, qPrintable(QStringLiteral("%1 ms").arg(largeMs)));
}

QTEST_GUILESS_MAIN(TestProcessFamily)
#include "tst_processfamily.moc"
