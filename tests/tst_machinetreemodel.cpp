// MachineTreeModel and MachineFilterProxyModel over hand-built scans: every
// merge is checked by QAbstractItemModelTester (tree and list, model and
// proxy), and what the views rely on is asserted: ranged signals, moved rows
// that keep their persistent indexes, and filters that keep a match's parents.
#include "machinecolumn.h"
#include "machinefilterproxymodel.h"
#include "machinetreemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

#include <algorithm>

namespace {

constexpr qint64 Me = 1000;
constexpr qint64 Other = 1001;

MachineProcess proc(qint64 pid, qint64 ppid, const QString &command, qint64 uid = Me)
{
    MachineProcess p;
    p.pid = pid;
    p.ppid = ppid;
    p.uid = uid;
    p.user = uid == 0 ? QStringLiteral("root") : uid == Me ? QStringLiteral("alice") : QStringLiteral("bob");
    p.argv = command.split(QLatin1Char(' '));
    p.comm = p.argv.first();
    p.state = 'S';
    p.startTicks = pid * 10;
    p.startedAtEpochMs = 1'700'000'000'000;
    p.cpuPercent = 0;
    p.rssKb = 1024;
    p.threads = 1;
    p.ioReadBytes = 0;
    p.ioWriteBytes = 0;
    return p;
}

MachineProcess kthread(qint64 pid, qint64 ppid, const QString &comm)
{
    MachineProcess p = proc(pid, ppid, comm, 0);
    p.argv.clear();
    p.kernelThread = true;
    p.rssKb = -1;
    return p;
}

MachineSnapshot snapshot(QList<MachineProcess> processes)
{
    std::sort(processes.begin(), processes.end(), [](const auto &a, const auto &b) { return a.pid < b.pid; });
    MachineSnapshot s;
    s.takenAtEpochMs = 1'700'000'100'000;
    s.processes = processes;
    return s;
}

// init 1 ─ bash 10 ─┬ make 11
//                   └ cc 12
// kthreadd 2 ─ kworker 3
// (another user's) sshd 20
QList<MachineProcess> machine()
{
    return {proc(1, 0, QStringLiteral("/sbin/init"), 0), kthread(2, 0, QStringLiteral("kthreadd")),
            kthread(3, 2, QStringLiteral("kworker/0:1")), proc(10, 1, QStringLiteral("bash")),
            proc(11, 10, QStringLiteral("make -j2 needle")), proc(12, 10, QStringLiteral("cc main.c")),
            proc(20, 1, QStringLiteral("sshd: bob"), Other)};
}

MachineProcess *find(QList<MachineProcess> &list, qint64 pid)
{
    for (MachineProcess &p : list) {
        if (p.pid == pid)
            return &p;
    }
    return nullptr;
}

QList<qint64> pidsUnder(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QList<qint64> pids;
    for (int row = 0; row < model.rowCount(parent); ++row)
        pids << model.index(row, 0, parent).data(MachineTreeModel::PidRole).toLongLong();
    return pids;
}

// Every pid a model shows, depth first, with its depth: "1:0 10:1 11:2".
QString shape(const QAbstractItemModel &model, const QModelIndex &parent = {}, int depth = 0)
{
    QStringList parts;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        parts << QStringLiteral("%1:%2").arg(index.data(MachineTreeModel::PidRole).toLongLong()).arg(depth);
        const QString below = shape(model, index, depth + 1);
        if (!below.isEmpty())
            parts << below;
    }
    return parts.join(QLatin1Char(' '));
}

struct Tested
{
    MachineTreeModel model;
    MachineFilterProxyModel proxy;
    QAbstractItemModelTester modelTester{&model, QAbstractItemModelTester::FailureReportingMode::Fatal};
    QAbstractItemModelTester proxyTester{&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal};
    explicit Tested(bool tree)
    {
        model.setTreeMode(tree);
        proxy.setSourceModel(&model);
        proxy.setOwnUid(Me);
    }
};

} // namespace

class TestMachineTreeModel : public QObject
{
    Q_OBJECT

private slots:
    void columnsComeFromTheTable();
    void treeAndList_data();
    void treeAndList();
    void insertAndRemoveAreRanged_data();
    void insertAndRemoveAreRanged();
    void orphansMoveToInitAndKeepTheirIndexes();
    void reusedPidIsRemoveAndInsert();
    void dataChangedCoversOnlyChangedRows();
    void ppidCycleIsCut();
    void switchingModeKeepsEveryProcess();
    void jobPidsAreMarked();
    void withheldFiguresSaySo();
    void sortIsNumeric();
    void recursiveFilterKeepsAncestors();
    void filters_data();
    void filters();
};

void TestMachineTreeModel::columnsComeFromTheTable()
{
    MachineTreeModel model;
    QCOMPARE(model.columnCount(), MachineColumn::count());
    for (int column = 0; column < model.columnCount(); ++column) {
        QVERIFY(!MachineColumn::title(column).isEmpty());
        QCOMPARE(model.headerData(column, Qt::Horizontal).toString(), MachineColumn::title(column));
        QCOMPARE(model.headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString(), MachineColumn::tooltip(column));
    }
    // The job table's words where the fact is the same.
    QCOMPARE(MachineColumn::title(MachineTreeModel::MemoryColumn), QStringLiteral("Memory"));
    QCOMPARE(MachineColumn::title(MachineTreeModel::PidColumn), QStringLiteral("PID"));
}

void TestMachineTreeModel::treeAndList_data()
{
    QTest::addColumn<bool>("tree");
    QTest::addColumn<QString>("expected");
    QTest::newRow("tree") << true << QStringLiteral("1:0 10:1 11:2 12:2 20:1 2:0 3:1");
    QTest::newRow("list") << false << QStringLiteral("1:0 2:0 3:0 10:0 11:0 12:0 20:0");
}

void TestMachineTreeModel::treeAndList()
{
    QFETCH(bool, tree);
    QFETCH(QString, expected);
    Tested t(tree);
    t.model.setSnapshot(snapshot(machine()));
    QCOMPARE(shape(t.model), expected);
    QCOMPARE(shape(t.proxy), expected);
    QCOMPARE(t.model.indexOfPid(12).data().toString(), QStringLiteral("12"));
    QCOMPARE(t.model.indexOfPid(12, MachineTreeModel::CommandColumn).data().toString(), QStringLiteral("cc main.c"));
    QCOMPARE(t.model.indexOfPid(3, MachineTreeModel::CommandColumn).data().toString(), QStringLiteral("[kworker/0:1]"));
}

void TestMachineTreeModel::insertAndRemoveAreRanged_data()
{
    treeAndList_data();
}

void TestMachineTreeModel::insertAndRemoveAreRanged()
{
    QFETCH(bool, tree);
    Tested t(tree);
    QList<MachineProcess> list = machine();
    t.model.setSnapshot(snapshot(list));
    const QPersistentModelIndex bash = t.model.indexOfPid(10);
    QSignalSpy inserted(&t.model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&t.model, &QAbstractItemModel::rowsRemoved);

    // make 11 exits; ld 13 and as 14 start under bash.
    list.removeIf([](const MachineProcess &p) { return p.pid == 11; });
    list << proc(13, 10, QStringLiteral("ld a.o")) << proc(14, 10, QStringLiteral("as x.s"));
    t.model.setSnapshot(snapshot(list));

    QCOMPARE(removed.size(), 1);
    QCOMPARE(inserted.size(), 1); // 13 and 14 are neighbours: one insert
    const QModelIndex parentOfNew = tree ? QModelIndex(bash) : QModelIndex();
    QCOMPARE(removed.first().at(0).value<QModelIndex>(), parentOfNew);
    QCOMPARE(inserted.first().at(0).value<QModelIndex>(), parentOfNew);
    QCOMPARE(inserted.first().at(2).toInt() - inserted.first().at(1).toInt(), 1);
    QVERIFY(bash.isValid());
    QCOMPARE(bash.data(MachineTreeModel::PidRole).toLongLong(), 10);
    if (tree)
        QCOMPARE(pidsUnder(t.model, bash), (QList<qint64>{12, 13, 14}));
    else
        QCOMPARE(pidsUnder(t.model), (QList<qint64>{1, 2, 3, 10, 12, 13, 14, 20}));
}

void TestMachineTreeModel::orphansMoveToInitAndKeepTheirIndexes()
{
    Tested t(true);
    QList<MachineProcess> list = machine();
    t.model.setSnapshot(snapshot(list));
    const QPersistentModelIndex make = t.model.indexOfPid(11);
    const QPersistentModelIndex makeInProxy = t.proxy.mapFromSource(t.model.indexOfPid(11));
    QSignalSpy moved(&t.model, &QAbstractItemModel::rowsMoved);
    QSignalSpy removed(&t.model, &QAbstractItemModel::rowsRemoved);

    // bash 10 exits: the kernel gives make and cc to init.
    list.removeIf([](const MachineProcess &p) { return p.pid == 10; });
    find(list, 11)->ppid = 1;
    find(list, 12)->ppid = 1;
    t.model.setSnapshot(snapshot(list));

    QCOMPARE(shape(t.model), QStringLiteral("1:0 11:1 12:1 20:1 2:0 3:1"));
    QCOMPARE(moved.size(), 2);
    QCOMPARE(removed.size(), 1);
    QVERIFY(make.isValid());
    QCOMPARE(make.data(MachineTreeModel::PidRole).toLongLong(), 11);
    QCOMPARE(make.parent().data(MachineTreeModel::PidRole).toLongLong(), 1);
    QVERIFY(makeInProxy.isValid());
    QCOMPARE(makeInProxy.data(MachineTreeModel::PidRole).toLongLong(), 11);
}

void TestMachineTreeModel::reusedPidIsRemoveAndInsert()
{
    Tested t(true);
    QList<MachineProcess> list = machine();
    t.model.setSnapshot(snapshot(list));
    const QPersistentModelIndex oldCc = t.model.indexOfPid(12);
    QSignalSpy inserted(&t.model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&t.model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&t.model, &QAbstractItemModel::dataChanged);

    // cc 12 exited and the kernel gave 12 to a new process with the same figures.
    find(list, 12)->startTicks += 1;
    t.model.setSnapshot(snapshot(list));

    QCOMPARE(removed.size(), 1);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(changed.size(), 0);
    QVERIFY(!oldCc.isValid());
    QCOMPARE(t.model.indexOfPid(12).data(MachineTreeModel::StartTicksRole).toLongLong(), 121);
    QCOMPARE(shape(t.model), QStringLiteral("1:0 10:1 11:2 12:2 20:1 2:0 3:1"));
}

void TestMachineTreeModel::dataChangedCoversOnlyChangedRows()
{
    Tested t(false);
    QList<MachineProcess> list;
    for (qint64 pid = 100; pid < 106; ++pid)
        list << proc(pid, 1, QStringLiteral("worker %1").arg(pid));
    t.model.setSnapshot(snapshot(list));
    const QPersistentModelIndex unchanged = t.model.indexOfPid(103, MachineTreeModel::CpuColumn);
    QSignalSpy changed(&t.model, &QAbstractItemModel::dataChanged);
    QSignalSpy layout(&t.model, &QAbstractItemModel::layoutChanged);
    QSignalSpy reset(&t.model, &QAbstractItemModel::modelReset);

    find(list, 101)->cpuPercent = 12.5;
    find(list, 102)->cpuPercent = 50;
    find(list, 104)->cpuPercent = 3;
    find(list, 104)->rssKb = 4096;
    t.model.setSnapshot(snapshot(list));

    QCOMPARE(changed.size(), 2);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(layout.size(), 0);
    QList<std::pair<QModelIndex, QModelIndex>> ranges;
    for (const QList<QVariant> &args : changed)
        ranges.push_back({args.at(0).value<QModelIndex>(), args.at(1).value<QModelIndex>()});
    std::sort(ranges.begin(), ranges.end(), [](const auto &a, const auto &b) { return a.first.row() < b.first.row(); });
    QCOMPARE(ranges[0].first, t.model.indexOfPid(101, MachineTreeModel::CpuColumn));
    QCOMPARE(ranges[0].second, t.model.indexOfPid(102, MachineTreeModel::CpuColumn));
    QCOMPARE(ranges[1].first, t.model.indexOfPid(104, MachineTreeModel::CpuColumn));
    QCOMPARE(ranges[1].second, t.model.indexOfPid(104, MachineTreeModel::MemoryColumn));
    QVERIFY(unchanged.isValid());
    QCOMPARE(unchanged.data(MachineTreeModel::PidRole).toLongLong(), 103);
    QCOMPARE(t.model.indexOfPid(102, MachineTreeModel::CpuColumn).data().toString(), QStringLiteral("50.0 %"));

    // A scan that changes nothing says nothing.
    changed.clear();
    t.model.setSnapshot(snapshot(list));
    QCOMPARE(changed.size(), 0);
}

void TestMachineTreeModel::ppidCycleIsCut()
{
    Tested t(true);
    // Never from a kernel, but a remote agent's JSON could say so.
    t.model.setSnapshot(snapshot({proc(5, 6, QStringLiteral("a")), proc(6, 5, QStringLiteral("b")),
                                  proc(7, 7, QStringLiteral("self"))}));
    QCOMPARE(t.model.rowCount(), 2);
    QCOMPARE(shape(t.model).split(QLatin1Char(' ')).size(), 3);
}

void TestMachineTreeModel::switchingModeKeepsEveryProcess()
{
    Tested t(true);
    t.model.setSnapshot(snapshot(machine()));
    t.model.setTreeMode(false);
    QCOMPARE(shape(t.model), QStringLiteral("1:0 2:0 3:0 10:0 11:0 12:0 20:0"));
    t.model.setTreeMode(true);
    QCOMPARE(shape(t.model), QStringLiteral("1:0 10:1 11:2 12:2 20:1 2:0 3:1"));
}

void TestMachineTreeModel::jobPidsAreMarked()
{
    Tested t(true);
    t.model.setSnapshot(snapshot(machine()));
    QSignalSpy changed(&t.model, &QAbstractItemModel::dataChanged);
    t.model.setJobPids({11, 999});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).value<QModelIndex>(), t.model.indexOfPid(11, 0));
    QCOMPARE(changed.first().at(1).value<QModelIndex>(), t.model.indexOfPid(11, MachineTreeModel::ColumnCount - 1));
    const QModelIndex make = t.model.indexOfPid(11);
    QVERIFY(make.data(MachineTreeModel::IsJobRole).toBool());
    QVERIFY(!t.model.indexOfPid(12).data(MachineTreeModel::IsJobRole).toBool());
    QCOMPARE(make.data().toString(), QStringLiteral("● 11"));
    QVERIFY(make.data(Qt::ToolTipRole).toString().contains(QStringLiteral("started by SpawnScope")));
    QVERIFY(!t.model.indexOfPid(12).data(Qt::ToolTipRole).toString().contains(QStringLiteral("SpawnScope")));
    t.model.setJobPids({});
    QVERIFY(!make.data(MachineTreeModel::IsJobRole).toBool());
    QCOMPARE(make.data().toString(), QStringLiteral("11"));
}

void TestMachineTreeModel::withheldFiguresSaySo()
{
    Tested t(false);
    QList<MachineProcess> list = machine();
    MachineProcess *sshd = find(list, 20);
    sshd->partial = true;
    sshd->partialReason = QStringLiteral("/proc/20/io: Permission denied");
    sshd->ioReadBytes = -1;
    sshd->ioWriteBytes = -1;
    find(list, 11)->cpuPercent = -1; // first scan of it
    t.model.setSnapshot(snapshot(list));
    auto cell = [&](qint64 pid, int column, int role = Qt::DisplayRole) {
        return t.model.indexOfPid(pid, column).data(role).toString();
    };
    QCOMPARE(cell(20, MachineTreeModel::ReadColumn), QStringLiteral("refused"));
    QCOMPARE(cell(20, MachineTreeModel::WriteColumn), QStringLiteral("refused"));
    QVERIFY(cell(20, MachineTreeModel::ReadColumn, Qt::ToolTipRole).contains(QStringLiteral("Permission denied")));
    QVERIFY(cell(20, MachineTreeModel::UserColumn, Qt::ToolTipRole).contains(QStringLiteral("Permission denied")));
    QCOMPARE(cell(20, MachineTreeModel::MemoryColumn), QStringLiteral("1.0 MiB"));
    QCOMPARE(cell(3, MachineTreeModel::MemoryColumn), QStringLiteral("—")); // a kernel thread has none
    QCOMPARE(t.model.indexOfPid(3, MachineTreeModel::MemoryColumn).data(MachineTreeModel::SortRole).toLongLong(), -1);
    QCOMPARE(cell(11, MachineTreeModel::CpuColumn), QString());
    QCOMPARE(cell(12, MachineTreeModel::CpuColumn), QStringLiteral("0.0 %"));
    QCOMPARE(cell(12, MachineTreeModel::StateColumn), QStringLiteral("sleeping"));
    QVERIFY(!t.model.indexOfPid(12).data(MachineTreeModel::PartialRole).toBool());
    QVERIFY(t.model.indexOfPid(20).data(MachineTreeModel::PartialRole).toBool());
}

void TestMachineTreeModel::sortIsNumeric()
{
    Tested t(false);
    QList<MachineProcess> list = machine();
    find(list, 10)->cpuPercent = 9.5;
    find(list, 11)->cpuPercent = 10.25;
    find(list, 12)->cpuPercent = 100;
    find(list, 10)->rssKb = 9000; // as text, "8.8 MiB" would sort above "9.8 MiB" and "1.9 GiB"
    find(list, 11)->rssKb = 10'000;
    find(list, 12)->rssKb = 2'000'000;
    t.model.setSnapshot(snapshot(list));
    t.proxy.sort(MachineTreeModel::CpuColumn, Qt::DescendingOrder);
    QCOMPARE(pidsUnder(t.proxy).mid(0, 3), (QList<qint64>{12, 11, 10}));
    t.proxy.sort(MachineTreeModel::MemoryColumn, Qt::DescendingOrder);
    QCOMPARE(pidsUnder(t.proxy).mid(0, 3), (QList<qint64>{12, 11, 10}));
    // Sorting follows new figures without losing a persistent index.
    const QPersistentModelIndex bash = t.proxy.mapFromSource(t.model.indexOfPid(10));
    find(list, 10)->rssKb = 9'000'000;
    t.model.setSnapshot(snapshot(list));
    QCOMPARE(pidsUnder(t.proxy).first(), 10);
    QCOMPARE(bash.row(), 0);
    QCOMPARE(bash.data(MachineTreeModel::PidRole).toLongLong(), 10);
}

void TestMachineTreeModel::recursiveFilterKeepsAncestors()
{
    Tested t(true);
    t.model.setSnapshot(snapshot(machine()));
    t.proxy.setFilterText(QStringLiteral("NEEDLE"));
    QCOMPARE(shape(t.proxy), QStringLiteral("1:0 10:1 11:2"));
    t.proxy.setFilterText(QStringLiteral("12"));
    QCOMPARE(shape(t.proxy), QStringLiteral("1:0 10:1 12:2"));
    t.proxy.setFilterText(QString());
    QCOMPARE(shape(t.proxy), shape(t.model));
}

void TestMachineTreeModel::filters_data()
{
    QTest::addColumn<int>("show");
    QTest::addColumn<bool>("programsOnly");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // in list mode
    using P = MachineFilterProxyModel;
    QTest::newRow("all") << int(P::ShowAll) << false << QString() << QStringLiteral("1:0 2:0 3:0 10:0 11:0 12:0 20:0");
    QTest::newRow("mine") << int(P::ShowMine) << false << QString() << QStringLiteral("10:0 11:0 12:0");
    QTest::newRow("active") << int(P::ShowActive) << false << QString() << QStringLiteral("11:0 12:0");
    QTest::newRow("programs only") << int(P::ShowAll) << true << QString() << QStringLiteral("1:0 10:0 11:0 12:0 20:0");
    QTest::newRow("pid is exact") << int(P::ShowAll) << false << QStringLiteral("1") << QStringLiteral("1:0 3:0"); // 3 by its name, kworker/0:1
    QTest::newRow("user") << int(P::ShowAll) << false << QStringLiteral("BOB") << QStringLiteral("20:0");
    QTest::newRow("argv") << int(P::ShowAll) << false << QStringLiteral("main.c") << QStringLiteral("12:0");
    QTest::newRow("kernel thread name") << int(P::ShowAll) << false << QStringLiteral("kworker") << QStringLiteral("3:0");
    QTest::newRow("mine and text") << int(P::ShowMine) << false << QStringLiteral("sshd") << QString();
}

void TestMachineTreeModel::filters()
{
    QFETCH(int, show);
    QFETCH(bool, programsOnly);
    QFETCH(QString, text);
    QFETCH(QString, expected);
    Tested t(false);
    QList<MachineProcess> list = machine();
    find(list, 11)->state = 'R';
    find(list, 12)->cpuPercent = 0.5;
    t.model.setSnapshot(snapshot(list));
    t.proxy.setShow(MachineFilterProxyModel::Show(show));
    t.proxy.setProgramsOnly(programsOnly);
    t.proxy.setFilterText(text);
    QCOMPARE(shape(t.proxy), expected);
}

QTEST_GUILESS_MAIN(TestMachineTreeModel)
#include "tst_machinetreemodel.moc"
