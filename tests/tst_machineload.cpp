// BusyMeter's /proc/stat parsing and arithmetic, MachineLoad's decision and
// what a LabResult makes of it, from fabricated /proc/stat texts.
#include "busymeter.h"
#include "labresult.h"
#include "machineload.h"

#include <QJsonObject>
#include <QtTest>

#include <unistd.h>

using Mode = LabResult::Mode;

namespace {

// A /proc/stat as a 2-core kernel writes it, with the aggregate line's fields
// user nice system idle iowait irq softirq steal guest guest_nice.
QByteArray procStat(const QList<quint64> &aggregate, int cores = 2)
{
    QByteArray text = "cpu ";
    for (quint64 field : aggregate)
        text += ' ' + QByteArray::number(field);
    text += '\n';
    for (int i = 0; i < cores; ++i)
        text += "cpu" + QByteArray::number(i) + " 1 0 1 1 0 0 0 0 0 0\n";
    text += "intr 123 0 0 4 5\nctxt 999\nbtime 1700000000\nprocesses 42\nprocs_running 3\nprocs_blocked 0\n";
    return text;
}

BusyMeter::Snapshot snapshot(const QByteArray &text, double ownCpuMs, double wallMs)
{
    BusyMeter::Snapshot s = BusyMeter::parseProcStat(text);
    s.ownCpuMs = ownCpuMs;
    s.wallMs = wallMs;
    return s;
}

MachineLoad load(int cores, double others)
{
    MachineLoad l;
    l.known = true;
    l.cores = cores;
    l.othersCores = others;
    return l;
}

} // namespace

class TestMachineLoad : public QObject
{
    Q_OBJECT

private slots:
    void parseProcStat_data();
    void parseProcStat();
    void othersCores_data();
    void othersCores();
    void decision_data();
    void decision();
    void labResultNeedsCoresByMode_data();
    void labResultNeedsCoresByMode();
    void busySummaryIsOneLine();
    void unreadableProcStatIsUnknown();
    void liveMeterMeasuresThisMachine();
};

void TestMachineLoad::parseProcStat_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("cores");
    QTest::addColumn<quint64>("busy");
    QTest::addColumn<quint64>("total");
    // busy = user + nice + system + irq + softirq + steal; guest is inside user already.
    QTest::newRow("ten fields") << procStat({100, 20, 30, 500, 7, 3, 2, 5, 40, 1}) << true << 2 << quint64(160) << quint64(667);
    QTest::newRow("four fields (old kernel)") << procStat({100, 20, 30, 500}) << true << 2 << quint64(150) << quint64(650);
    QTest::newRow("eight cores") << procStat({1, 2, 3, 4, 5, 6, 7, 8, 0, 0}, 8) << true << 8 << quint64(27) << quint64(36);
    QTest::newRow("empty") << QByteArray() << false << 0 << quint64(0) << quint64(0);
    QTest::newRow("not a stat file") << QByteArray("MemTotal: 1000 kB\n") << false << 0 << quint64(0) << quint64(0);
    QTest::newRow("three fields") << procStat({1, 2, 3}) << false << 0 << quint64(0) << quint64(0);
    QTest::newRow("garbage field") << QByteArray("cpu  10 x2 3 4\ncpu0 1 1 1 1\n") << false << 0 << quint64(0) << quint64(0);
    QTest::newRow("no per-cpu lines") << QByteArray("cpu  10 2 3 4\nintr 1\n") << false << 0 << quint64(0) << quint64(0);
    QTest::newRow("no aggregate line") << QByteArray("cpu0 10 2 3 4\ncpu1 1 1 1 1\n") << false << 0 << quint64(0) << quint64(0);
}

void TestMachineLoad::parseProcStat()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QFETCH(int, cores);
    QFETCH(quint64, busy);
    QFETCH(quint64, total);
    const BusyMeter::Snapshot s = BusyMeter::parseProcStat(text);
    QCOMPARE(s.valid, valid);
    QCOMPARE(s.cores, cores);
    QCOMPARE(s.busyTicks, busy);
    QCOMPARE(s.totalTicks, total);
}

void TestMachineLoad::othersCores_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    QTest::addColumn<double>("ownCpuMs"); // over the run
    QTest::addColumn<double>("wallMs");
    QTest::addColumn<bool>("known");
    QTest::addColumn<double>("others");

    const QByteArray start = procStat({1000, 0, 1000, 10000, 0, 0, 0, 0, 0, 0});
    // One second on two cores is 200 ticks. All busy, the lab used 0.9 core-seconds: others 1.1 cores.
    QTest::newRow("busy: others took a core") << start << procStat({1180, 0, 1020, 10000, 0, 0, 0, 0, 0, 0}) << 900.0
                                              << 1000.0 << true << 1.1;
    // Half the ticks idle, and those busy were all the lab's: nobody else.
    QTest::newRow("quiet") << start << procStat({1090, 0, 1010, 10100, 0, 0, 0, 0, 0, 0}) << 1000.0 << 1000.0 << true
                           << 0.0;
    // Iowait is idle, steal is someone else's (the hypervisor's other guests).
    QTest::newRow("steal counts, iowait does not") << start << procStat({1100, 0, 1000, 10000, 40, 0, 0, 60, 0, 0})
                                                   << 1000.0 << 1000.0 << true << 0.6;
    // The lab's own time may exceed the ticks by rounding: never negative.
    QTest::newRow("clamped at zero") << start << procStat({1050, 0, 1000, 10150, 0, 0, 0, 0, 0, 0}) << 1500.0 << 1000.0
                                     << true << 0.0;
    QTest::newRow("too short to tell") << start << procStat({1018, 0, 1002, 10000, 0, 0, 0, 0, 0, 0}) << 90.0 << 100.0
                                       << false << 0.0;
    QTest::newRow("a core went offline") << start << procStat({1180, 0, 1020, 10000, 0, 0, 0, 0, 0, 0}, 1) << 900.0
                                         << 1000.0 << false << 0.0;
    QTest::newRow("counters went backwards") << start << procStat({900, 0, 1000, 10000, 0, 0, 0, 0, 0, 0}) << 900.0
                                             << 1000.0 << false << 0.0;
    QTest::newRow("unreadable at the end") << start << QByteArray() << 900.0 << 1000.0 << false << 0.0;
}

void TestMachineLoad::othersCores()
{
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    QFETCH(double, ownCpuMs);
    QFETCH(double, wallMs);
    QFETCH(bool, known);
    QFETCH(double, others);
    const MachineLoad l = BusyMeter::between(snapshot(before, 5000, 20000), snapshot(after, 5000 + ownCpuMs, 20000 + wallMs));
    QCOMPARE(l.known, known);
    QCOMPARE(l.cores, after.isEmpty() ? 2 : BusyMeter::parseProcStat(after).cores);
    QVERIFY2(qAbs(l.othersCores - others) < 1e-9, qPrintable(QString::number(l.othersCores)));
}

void TestMachineLoad::decision_data()
{
    QTest::addColumn<int>("cores");
    QTest::addColumn<double>("others");
    QTest::addColumn<double>("needed");
    QTest::addColumn<bool>("enough");
    QTest::newRow("quiet 2-core, threads") << 2 << 0.1 << 2.0 << true;
    QTest::newRow("background noise") << 2 << 0.3 << 2.0 << true;
    QTest::newRow("half a core, threads") << 2 << 0.5 << 2.0 << false;
    QTest::newRow("a build on a 2-core machine, threads") << 2 << 1.1 << 2.0 << false;
    QTest::newRow("the same build, serial (a core to spare)") << 2 << 1.1 << 1.0 << true;
    QTest::newRow("serial sharing its core") << 2 << 1.4 << 1.0 << false;
    QTest::newRow("both cores taken, serial") << 2 << 1.7 << 1.0 << false;
    QTest::newRow("8 cores, 4 numbers, a build") << 8 << 3.0 << 4.0 << true;
    QTest::newRow("8 cores all but taken") << 8 << 6.0 << 4.0 << false;
    QTest::newRow("blocking I/O needs none") << 2 << 2.0 << 0.0 << true;
}

void TestMachineLoad::decision()
{
    QFETCH(int, cores);
    QFETCH(double, others);
    QFETCH(double, needed);
    QFETCH(bool, enough);
    const MachineLoad l = load(cores, others);
    QCOMPARE(l.leavesEnough(needed), enough);
    const QString warning = l.busyWarning(needed);
    QCOMPARE(warning.isEmpty(), enough);
    if (!enough) {
        QVERIFY2(warning.contains(QStringLiteral("%1 of %2 cores in use by others").arg(others, 0, 'f', 1).arg(cores)),
                 qPrintable(warning));
        QVERIFY(warning.contains(QStringLiteral("run again")));
    }
    const QJsonObject json = l.toJson(needed);
    QCOMPARE(json.value("busy").toBool(), !enough);
    QCOMPARE(json.value("cores").toInt(), cores);
    QCOMPARE(json.value("coresNeeded").toDouble(), needed);
    QCOMPARE(json.value("coresUsedByOthers").toDouble(), others);

    MachineLoad unknown = l;
    unknown.known = false; // no measurement, no warning
    QVERIFY(unknown.leavesEnough(needed));
    QVERIFY(unknown.busyWarning(needed).isEmpty());
    QVERIFY(unknown.toJson(needed).value("coresUsedByOthers").isNull());
}

void TestMachineLoad::labResultNeedsCoresByMode_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<bool>("blockingIo");
    QTest::addColumn<int>("lanes");
    QTest::addColumn<int>("cores");
    QTest::addColumn<double>("needed");
    QTest::newRow("serial") << int(Mode::Serial) << false << 4 << 2 << 1.0;
    QTest::newRow("gil") << int(Mode::Gil) << false << 4 << 2 << 1.0;
    QTest::newRow("threads, 4 numbers, 2 cores") << int(Mode::Threads) << false << 4 << 2 << 2.0;
    QTest::newRow("threads, 2 numbers, 8 cores") << int(Mode::Threads) << false << 2 << 8 << 2.0;
    QTest::newRow("processes, 4 numbers, 8 cores") << int(Mode::Processes) << false << 4 << 8 << 4.0;
    QTest::newRow("blocking I/O threads") << int(Mode::Threads) << true << 4 << 2 << 0.0;
}

void TestMachineLoad::labResultNeedsCoresByMode()
{
    QFETCH(int, mode);
    QFETCH(bool, blockingIo);
    QFETCH(int, lanes);
    QFETCH(int, cores);
    QFETCH(double, needed);
    LabResult result;
    result.mode = Mode(mode);
    result.workload = blockingIo ? LabResult::Workload::BlockingIo : LabResult::Workload::Cpu;
    for (int i = 0; i < lanes; ++i)
        result.lanes << QString::number(i);
    result.machineLoad = load(cores, cores); // everything taken by others
    QCOMPARE(result.coresNeeded(), needed);
    QCOMPARE(result.busyWarning().isEmpty(), needed == 0);
    const QJsonObject json = result.toJson().value("machineLoad").toObject();
    QCOMPARE(json.value("coresNeeded").toDouble(), needed);
    QCOMPARE(json.value("busy").toBool(), needed > 0);

    // A cancelled or failed mode says so already; no second warning.
    LabResult cancelled = result;
    cancelled.cancelled = true;
    QVERIFY(cancelled.busyWarning().isEmpty());
    LabResult failed = result;
    failed.error = QStringLiteral("the worker did not answer");
    QVERIFY(failed.busyWarning().isEmpty());
}

void TestMachineLoad::busySummaryIsOneLine()
{
    auto result = [](Mode mode, double others) {
        LabResult r;
        r.mode = mode;
        r.lanes = {QStringLiteral("12"), QStringLiteral("15")};
        r.machineLoad = load(2, others);
        return r;
    };
    QVERIFY(LabResult::busySummary({}).isEmpty());
    QVERIFY(LabResult::busySummary({result(Mode::Serial, 0.2), result(Mode::Threads, 0.3)}).isEmpty());
    QCOMPARE(LabResult::busySummary({result(Mode::Serial, 0.2), result(Mode::Threads, 1.05), result(Mode::Gil, 1.46)}),
             QStringLiteral("The machine was busy: 1.1 (Threads), 1.5 (Threads + GIL) of 2 cores in use by others; "
                            "run again"));
}

void TestMachineLoad::unreadableProcStatIsUnknown()
{
    // The fallback where /proc/stat is refused or missing (not Linux, a sandbox).
    const BusyMeter::Snapshot s = BusyMeter::take(QStringLiteral("/nonexistent/proc/stat"));
    QVERIFY(!s.valid);
    QVERIFY(s.wallMs > 0); // the own clocks still read
    BusyMeter::Snapshot later = s;
    later.wallMs += 1000;
    const MachineLoad l = BusyMeter::between(s, later);
    QVERIFY(!l.known);
    QVERIFY(l.leavesEnough(2));
}

void TestMachineLoad::liveMeterMeasuresThisMachine()
{
    const BusyMeter::Snapshot now = BusyMeter::take();
    QVERIFY(now.valid);
    QCOMPARE(now.cores, int(sysconf(_SC_NPROCESSORS_ONLN)));
    QVERIFY(now.totalTicks >= now.busyTicks);
    QVERIFY(now.ownCpuMs > 0);
}

QTEST_GUILESS_MAIN(TestMachineLoad)
#include "tst_machineload.moc"
