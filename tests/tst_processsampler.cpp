#include "processsampler.h"
#include "testsupport.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <csignal>
#include <memory>

class TestProcessSampler : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();

    void intervalIsClamped_data();
    void intervalIsClamped();
    void oneSignalPerTickCarriesEveryRoot();
    void forkedChildrenAreDescendants();
    void setsidChildLeftTheGroup();
    void endedDescendantIsKeptWithLastSeen();
    void rootThatEndedIsMarkedEnded();
    void cpuPercentTellsBusyFromIdle_data();
    void cpuPercentTellsBusyFromIdle();
    void peakRssAndThreads();
    void stoppedProcessReadsStateT();
    void reusedPidIsANewProcess();
    void reusedRootPidIsNotFollowed();
    void reparentedDescendantIsStillFollowed();

private:
    QProcess *startHelper(const QStringList &args);
    static QList<qint64> readPids(QProcess *process, int count);

    std::vector<std::unique_ptr<QProcess>> m_processes;
};

namespace {

const ProcessSample *findPid(const RootSample &root, qint64 pid)
{
    for (const ProcessSample &sample : root.descendants) {
        if (sample.pid == pid)
            return &sample;
    }
    return nullptr;
}

int liveDescendants(const RootSample &root)
{
    return int(std::count_if(root.descendants.cbegin(), root.descendants.cend(),
                             [](const ProcessSample &s) { return !s.ended; }));
}

// A directory laid out like /proc, holding what the test writes into it.
class FakeProc
{
public:
    bool isValid() const { return m_dir.isValid(); }
    QByteArray path() const { return QFile::encodeName(m_dir.path()); }

    void write(qint64 pid, qint64 ppid, qint64 start, const QList<qint64> &children,
               const QByteArray &cmdline = "fake\0", qint64 utimeTicks = 0)
    {
        const QString base = QString::number(pid);
        QDir(m_dir.path()).mkpath(base + QStringLiteral("/task/") + base);
        QByteArray childList;
        for (qint64 child : children)
            childList += QByteArray::number(child) + ' ';
        const QByteArray comm = cmdline.left(cmdline.indexOf('\0'));
        file(base + QStringLiteral("/stat"),
             QByteArray::number(pid) + " (" + comm + ") S " + QByteArray::number(ppid) + " 100 100 0 -1 0 0 0 0 0 "
                 + QByteArray::number(utimeTicks) + " 0 0 0 20 0 1 0 " + QByteArray::number(start) + " 1000 10\n");
        file(base + QStringLiteral("/status"), "VmHWM:\t 64 kB\nVmRSS:\t 40 kB\n");
        file(base + QStringLiteral("/io"), "read_bytes: 0\nwrite_bytes: 0\n");
        file(base + QStringLiteral("/cmdline"), cmdline);
        file(base + QStringLiteral("/task/") + base + QStringLiteral("/children"), childList);
    }
    void remove(qint64 pid) { QDir(m_dir.filePath(QString::number(pid))).removeRecursively(); }

private:
    void file(const QString &name, const QByteArray &text)
    {
        QFile f(m_dir.filePath(name));
        if (f.open(QIODevice::WriteOnly))
            f.write(text);
    }
    QTemporaryDir m_dir;
};

} // namespace

void TestProcessSampler::cleanup()
{
    for (auto &process : m_processes) {
        if (process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(5000);
        }
    }
    m_processes.clear();
}

QProcess *TestProcessSampler::startHelper(const QStringList &args)
{
    m_processes.push_back(std::make_unique<QProcess>());
    QProcess *process = m_processes.back().get();
    process->start(TestSupport::helper(), args);
    return process->waitForStarted() ? process : nullptr;
}

QList<qint64> TestProcessSampler::readPids(QProcess *process, int count)
{
    QList<qint64> pids;
    QElapsedTimer waited;
    waited.start();
    while (pids.size() < count && waited.elapsed() < 5000) {
        if (!process->canReadLine() && !process->waitForReadyRead(100))
            continue;
        while (process->canReadLine())
            pids << process->readLine().trimmed().toLongLong();
    }
    return pids;
}

void TestProcessSampler::intervalIsClamped_data()
{
    QTest::addColumn<int>("asked");
    QTest::addColumn<int>("used");
    QTest::newRow("below") << 10 << int(ProcessSampler::MinIntervalMs);
    QTest::newRow("negative") << -5 << int(ProcessSampler::MinIntervalMs);
    QTest::newRow("inside") << 750 << 750;
    QTest::newRow("max") << 5000 << 5000;
    QTest::newRow("above") << 60000 << int(ProcessSampler::MaxIntervalMs);
}

void TestProcessSampler::intervalIsClamped()
{
    QFETCH(int, asked);
    QFETCH(int, used);
    ProcessSampler sampler;
    QCOMPARE(sampler.interval(), int(ProcessSampler::DefaultIntervalMs));
    sampler.setInterval(asked);
    QCOMPARE(sampler.interval(), used);
    QCOMPARE(ProcessSampler::clampInterval(asked), used);
}

void TestProcessSampler::oneSignalPerTickCarriesEveryRoot()
{
    QProcess *a = startHelper({QStringLiteral("sleep"), QStringLiteral("3")});
    QProcess *b = startHelper({QStringLiteral("sleep"), QStringLiteral("3")});
    QVERIFY(a && b);
    ProcessSampler sampler;
    sampler.setInterval(ProcessSampler::MinIntervalMs);
    QVERIFY(sampler.add(a->processId(), QStringLiteral("first")));
    QVERIFY(sampler.add(b->processId(), QStringLiteral("second")));
    QVERIFY(!sampler.add(a->processId(), QStringLiteral("again")));
    QSignalSpy spy(&sampler, &ProcessSampler::sampled);
    QVERIFY(spy.wait(2000));
    QCOMPARE(spy.count(), 1);
    const auto roots = spy.at(0).at(0).value<QList<RootSample>>();
    QCOMPARE(roots.size(), 2);
    QCOMPARE(roots.at(0).tag, QStringLiteral("first"));
    QCOMPARE(roots.at(0).root.pid, a->processId());
    QCOMPARE(roots.at(1).tag, QStringLiteral("second"));
    QCOMPARE(roots.at(1).root.argv, (QStringList{TestSupport::helper(), "sleep", "3"}));
    QCOMPARE(roots.at(1).root.state, 'S');

    sampler.remove(a->processId());
    QCOMPARE(sampler.roots(), QList<qint64>{b->processId()});
    QCOMPARE(sampler.sampleNow().size(), 1);
}

void TestProcessSampler::forkedChildrenAreDescendants()
{
    QProcess *helper = startHelper({QStringLiteral("fork"), QStringLiteral("3"), QStringLiteral("2")});
    QVERIFY(helper);
    QList<qint64> printed = readPids(helper, 3);
    QCOMPARE(printed.size(), 3);

    ProcessSampler sampler;
    QVERIFY(sampler.add(helper->processId(), QStringLiteral("fork")));
    const RootSample root = sampler.result(helper->processId());
    QCOMPARE(root.descendants.size(), 3);
    QList<qint64> found;
    for (const ProcessSample &child : root.descendants) {
        found << child.pid;
        QCOMPARE(child.ppid, helper->processId());
        QVERIFY(!child.leftGroup);
        QVERIFY(!child.ended);
        QCOMPARE(child.argv, root.root.argv); // forked, not exec'd
        QVERIFY(child.firstSeenMs >= 0);
        QCOMPARE(child.lastSeenMs, child.firstSeenMs);
    }
    std::sort(printed.begin(), printed.end());
    std::sort(found.begin(), found.end());
    QCOMPARE(found, printed);
    QCOMPARE(root.liveCount(), 4);
}

void TestProcessSampler::setsidChildLeftTheGroup()
{
    QProcess *helper = startHelper({QStringLiteral("setsid-child"), QStringLiteral("2")});
    QVERIFY(helper);
    const QList<qint64> printed = readPids(helper, 1);
    QCOMPARE(printed.size(), 1);

    ProcessSampler sampler;
    QVERIFY(sampler.add(helper->processId()));
    // The child may not have reached setsid() yet when the pid is printed.
    QTRY_VERIFY([&] {
        const ProcessSample *child = findPid(sampler.sampleNow().value(0), printed.first());
        return child && child->leftGroup;
    }());
    const RootSample root = sampler.result(helper->processId());
    const ProcessSample *child = findPid(root, printed.first());
    QCOMPARE(child->pgrp, printed.first());
    QCOMPARE(child->session, printed.first());
    QVERIFY(root.pgrp != child->pgrp);
    QVERIFY(!root.root.leftGroup);
}

void TestProcessSampler::endedDescendantIsKeptWithLastSeen()
{
    QProcess *helper = startHelper({QStringLiteral("fork"), QStringLiteral("2"), QStringLiteral("0.8")});
    QVERIFY(helper);
    ProcessSampler sampler;
    sampler.setInterval(ProcessSampler::MinIntervalMs);
    QVERIFY(sampler.add(helper->processId()));
    QTRY_COMPARE(liveDescendants(sampler.results().value(0)), 2);
    QCOMPARE(sampler.keptFiles(), 6); // stat and children of the helper and its two children
    QTRY_COMPARE_WITH_TIMEOUT(liveDescendants(sampler.results().value(0)), 0, 5000);

    const RootSample root = sampler.sampleNow().value(0);
    // The ended children's files are closed; the helper's too once it ended.
    QCOMPARE(sampler.keptFiles(), root.root.ended ? 0 : 2);
    QCOMPARE(root.descendants.size(), 2);
    for (const ProcessSample &child : root.descendants) {
        QVERIFY(child.ended);
        QVERIFY(!child.rssKnown);
        QVERIFY(!child.cpuKnown);
        QVERIFY(child.peakRssKb > 0); // what was seen stays
        // Seen for most of its 0.8 s, every 100 ms, and not since it ended.
        QVERIFY2(child.lastSeenMs - child.firstSeenMs >= 400, qPrintable(QString::number(child.lastSeenMs - child.firstSeenMs)));
        QVERIFY(child.lastSeenMs < root.sampledMs);
    }
}

void TestProcessSampler::rootThatEndedIsMarkedEnded()
{
    QProcess *helper = startHelper({QStringLiteral("sleep"), QStringLiteral("0.3")});
    QVERIFY(helper);
    const qint64 pid = helper->processId();
    ProcessSampler sampler;
    sampler.setInterval(ProcessSampler::MaxIntervalMs);
    QVERIFY(sampler.add(pid));
    const double firstSeen = sampler.result(pid).root.firstSeenMs;
    QVERIFY(firstSeen >= 0);
    QVERIFY(!sampler.result(pid).root.ended);
    QVERIFY(helper->waitForFinished(5000));

    const ProcessSample root = sampler.sampleNow().value(0).root;
    QVERIFY(root.ended);
    QCOMPARE(root.pid, pid);
    QCOMPARE(root.lastSeenMs, firstSeen);
    QCOMPARE(sampler.result(pid).liveCount(), 0);
    QCOMPARE(sampler.keptFiles(), 0);
}

void TestProcessSampler::cpuPercentTellsBusyFromIdle_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    // One thread can keep at most one core busy: 100 %, plus a tick of
    // rounding over the window. A busy shared machine may give it much less
    // (3.7 % was seen at a load of 6 on 2 cores), so the bar is just above
    // what a sleeper can show.
    QTest::newRow("burn") << QStringList{"burn", "4"} << 8.0 << 125.0;
    QTest::newRow("sleep") << QStringList{"sleep", "4"} << 0.0 << 5.0;
}

void TestProcessSampler::cpuPercentTellsBusyFromIdle()
{
    QFETCH(QStringList, args);
    QFETCH(double, low);
    QFETCH(double, high);
    QProcess *helper = startHelper(args);
    QVERIFY(helper);
    ProcessSampler sampler;
    sampler.setInterval(250);
    QVERIFY(sampler.add(helper->processId()));
    QVERIFY(!sampler.result(helper->processId()).root.cpuKnown); // one read is no rate yet

    QSignalSpy spy(&sampler, &ProcessSampler::sampled);
    QTRY_COMPARE(spy.count(), 3);
    const ProcessSample root = sampler.result(helper->processId()).root;
    QVERIFY(root.cpuKnown);
    QVERIFY2(root.cpuPercent >= low && root.cpuPercent <= high, qPrintable(QString::number(root.cpuPercent)));
}

void TestProcessSampler::peakRssAndThreads()
{
    // They live 3 s: on a loaded machine a second could pass between their
    // "ready" line and the first read.
    QProcess *alloc = startHelper({QStringLiteral("alloc"), QStringLiteral("200"), QStringLiteral("3")});
    QProcess *threads = startHelper({QStringLiteral("threads"), QStringLiteral("4"), QStringLiteral("3")});
    QVERIFY(alloc && threads);
    QVERIFY(alloc->waitForReadyRead(10000));
    QVERIFY(threads->waitForReadyRead(10000));
    const qint64 allocPid = alloc->processId();
    ProcessSampler sampler;
    QVERIFY(sampler.add(allocPid));
    QVERIFY(sampler.add(threads->processId()));

    const ProcessSample big = sampler.result(allocPid).root;
    QVERIFY(big.rssKnown);
    QVERIFY2(big.peakRssKb >= 200 * 1024, qPrintable(QString::number(big.peakRssKb)));
    QVERIFY(big.rssKb >= 200 * 1024);
    const ProcessSample many = sampler.result(threads->processId()).root;
    QCOMPARE(many.threads, 5);
    QCOMPARE(many.maxThreads, 5);
    QVERIFY(many.peakRssKb < 100 * 1024);

    // Peaks stay once the process has let go.
    QVERIFY(threads->waitForFinished(10000));
    QVERIFY(alloc->waitForFinished(10000));
    const RootSample after = sampler.sampleNow().value(1);
    QVERIFY(after.root.ended);
    QCOMPARE(after.root.maxThreads, 5);
    QCOMPARE(sampler.result(allocPid).root.peakRssKb, big.peakRssKb);
}

void TestProcessSampler::stoppedProcessReadsStateT()
{
    QProcess *helper = startHelper({QStringLiteral("stop-resume")});
    QVERIFY(helper);
    ProcessSampler sampler;
    QVERIFY(sampler.add(helper->processId()));
    QTRY_COMPARE(sampler.sampleNow().value(0).root.state, 'T');
    ::kill(pid_t(helper->processId()), SIGCONT);
    QVERIFY(helper->waitForFinished(5000));
    QCOMPARE(helper->readAllStandardOutput(), QByteArray("resumed\n"));
    QCOMPARE(helper->exitCode(), 0);
}

void TestProcessSampler::reusedPidIsANewProcess()
{
    FakeProc proc;
    QVERIFY(proc.isValid());
    proc.write(100, 1, 1000, {200});
    proc.write(200, 100, 1500, {}, QByteArray("old\0", 4));
    ProcessSampler sampler;
    sampler.setProcRoot(proc.path());
    QVERIFY(sampler.add(100, QStringLiteral("fake")));
    const double firstTick = sampler.result(100).sampledMs;
    QCOMPARE(sampler.result(100).descendants.size(), 1);

    // Pid 200 ended and a new process got the same pid, under the same parent.
    proc.write(200, 100, 1900, {}, QByteArray("new\0arg\0", 8));
    const RootSample root = sampler.sampleNow().value(0);
    QCOMPARE(root.descendants.size(), 2);
    const ProcessSample &old = root.descendants.at(0);
    const ProcessSample &fresh = root.descendants.at(1);
    QVERIFY(old.ended);
    QCOMPARE(old.startTicks, 1500);
    QCOMPARE(old.argv, QStringList{"old"});
    QCOMPARE(old.lastSeenMs, firstTick);
    QVERIFY(!fresh.ended);
    QCOMPARE(fresh.pid, 200);
    QCOMPARE(fresh.startTicks, 1900);
    QCOMPARE(fresh.argv, (QStringList{"new", "arg"}));
    QCOMPARE(fresh.firstSeenMs, root.sampledMs);
    QVERIFY(!fresh.cpuKnown); // its CPU time is not the old one's
}

void TestProcessSampler::reusedRootPidIsNotFollowed()
{
    FakeProc proc;
    QVERIFY(proc.isValid());
    proc.write(100, 1, 1000, {200});
    proc.write(200, 100, 1500, {});
    ProcessSampler sampler;
    sampler.setProcRoot(proc.path());
    QVERIFY(sampler.add(100));

    // The root was reaped and its pid went to a stranger with a child of its own.
    proc.write(100, 1, 5000, {300});
    proc.write(300, 100, 5100, {});
    proc.remove(200);
    const RootSample root = sampler.sampleNow().value(0);
    QVERIFY(root.root.ended);
    QCOMPARE(root.root.startTicks, 1000);
    QCOMPARE(root.descendants.size(), 1);
    QVERIFY(root.descendants.at(0).ended);
    QVERIFY(!findPid(root, 300));
}

void TestProcessSampler::reparentedDescendantIsStillFollowed()
{
    FakeProc proc;
    QVERIFY(proc.isValid());
    proc.write(100, 1, 1000, {200});
    proc.write(200, 100, 1500, {});
    ProcessSampler sampler;
    sampler.setProcRoot(proc.path());
    QVERIFY(sampler.add(100));

    // The root ends; its child, re-parented to init, lives on and forks.
    proc.remove(100);
    proc.write(200, 1, 1500, {300});
    proc.write(300, 200, 2000, {});
    RootSample root = sampler.sampleNow().value(0);
    QVERIFY(root.root.ended);
    QCOMPARE(root.descendants.size(), 2);
    QVERIFY(!findPid(root, 200)->ended);
    QCOMPARE(findPid(root, 200)->ppid, 1);
    QVERIFY(!findPid(root, 300)->ended);

    proc.remove(200);
    proc.remove(300);
    root = sampler.sampleNow().value(0);
    QVERIFY(findPid(root, 200)->ended);
    QVERIFY(findPid(root, 300)->ended);
}

QTEST_GUILESS_MAIN(TestProcessSampler)
#include "tst_processsampler.moc"
