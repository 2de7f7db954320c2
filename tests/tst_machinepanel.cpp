// The Machine tab on its own, offscreen, over the real /proc: it scans while
// shown and not while hidden, finds a child this test started, keeps the
// selection on it through re-sorts and scans, and pauses and resumes it.
#include "machinefilterproxymodel.h"
#include "machinepanel.h"
#include "machinescanthread.h"
#include "machinetreemodel.h"
#include "processdetailsview.h"

#include <QAbstractButton>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QProcess>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTimer>
#include <QTreeView>
#include <QtTest>

#include <csignal>
#include <unistd.h>

namespace {

constexpr int FastIntervalMs = 100;

// The state letter of /proc/PID/stat, '?' when it cannot be read.
char procState(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return '?';
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')');
    return close > 0 && close + 2 < line.size() ? line.at(close + 2) : '?';
}

QModelIndex shownIndexOf(const MachinePanel &panel, qint64 pid, int column = 0)
{
    return panel.proxy()->mapFromSource(panel.model()->indexOfPid(pid, column));
}

} // namespace

class TestMachinePanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void showingScansAndFindsTheChild();
    void selectionFollowsItsProcessAcrossResorts();
    void hiddenPanelDoesNotScan();
    void pauseAndResumeTheSelectedProcess();
    void refusalIsAStatusMessage();
    void jobsAreMarkedAndDoubleClickShowsThem();
    void ctrlFFocusesTheFilter();
    void choicesAreRemembered();
    void fitsAt1280AndLooksRight();

private:
    QProcess *startSleep(const QString &seconds);
    QList<QProcess *> m_children;
};

void TestMachinePanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // keep QSettings away from the user's
}

void TestMachinePanel::init()
{
    QSettings().clear();
}

void TestMachinePanel::cleanup()
{
    for (QProcess *child : std::as_const(m_children)) {
        ::kill(pid_t(child->processId()), SIGCONT);
        child->kill();
        child->waitForFinished();
        delete child;
    }
    m_children.clear();
}

QProcess *TestMachinePanel::startSleep(const QString &seconds)
{
    auto *child = new QProcess;
    child->start(QStringLiteral("sleep"), {seconds});
    m_children << child;
    return child->waitForStarted() ? child : nullptr;
}

void TestMachinePanel::showingScansAndFindsTheChild()
{
    QProcess *child = startSleep(QStringLiteral("30"));
    QProcess *other = startSleep(QStringLiteral("31"));
    QVERIFY(child && other);
    const qint64 pid = child->processId();
    MachinePanel panel;
    QCOMPARE(panel.scanCount(), 0);
    QVERIFY(!panel.scanTimer()->isActive());
    panel.resize(1280, 720);
    panel.show();
    QTRY_VERIFY(panel.scanCount() > 0);
    QVERIFY(panel.scanTimer()->isActive());

    panel.filterEdit()->setText(QString::number(pid));
    const QModelIndex found = shownIndexOf(panel, pid, MachineTreeModel::CommandColumn);
    QVERIFY(found.isValid());
    QVERIFY2(found.data().toString().endsWith(QStringLiteral("sleep 30")), qPrintable(found.data().toString()));
    // The test itself stays, as the child's parent; the other sleep does not.
    QVERIFY(shownIndexOf(panel, QCoreApplication::applicationPid()).isValid());
    QVERIFY(!shownIndexOf(panel, other->processId()).isValid());
    QVERIFY(panel.selectPid(pid));
    QCOMPARE(panel.selectedPid(), pid);
    QTRY_VERIFY(panel.detailsView()->toPlainText().contains(QStringLiteral("sleep 30")));
}

void TestMachinePanel::selectionFollowsItsProcessAcrossResorts()
{
    QProcess *child = startSleep(QStringLiteral("30"));
    QVERIFY(child);
    const qint64 pid = child->processId();
    MachinePanel panel;
    panel.setSampleInterval(FastIntervalMs);
    panel.listButton()->click();
    panel.show();
    QTRY_VERIFY(panel.model()->indexOfPid(pid).isValid());
    QVERIFY(panel.proxy()->rowCount() > 3);
    QVERIFY(panel.selectPid(pid));
    const int rowBefore = panel.view()->currentIndex().row();

    panel.view()->header()->setSortIndicator(MachineTreeModel::PidColumn, Qt::DescendingOrder);
    QVERIFY(panel.view()->currentIndex().row() != rowBefore);
    QCOMPARE(panel.selectedPid(), pid);
    panel.view()->header()->setSortIndicator(MachineTreeModel::CpuColumn, Qt::DescendingOrder);
    const int scans = panel.scanCount();
    QTRY_VERIFY(panel.scanCount() >= scans + 3); // figures change, rows move
    QCOMPARE(panel.selectedPid(), pid);
    const QModelIndexList selected = panel.view()->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().data(MachineTreeModel::PidRole).toLongLong(), pid);

    // Switching to the tree resets the model; the selection is put back by pid.
    panel.treeButton()->click();
    QVERIFY(panel.model()->isTreeMode());
    QCOMPARE(panel.selectedPid(), pid);
}

void TestMachinePanel::hiddenPanelDoesNotScan()
{
    MachinePanel panel;
    panel.setSampleInterval(FastIntervalMs);
    auto *scanner = panel.findChild<MachineScanThread *>();
    QVERIFY(scanner);
    QSignalSpy scanned(scanner, &MachineScanThread::scanned);
    panel.show();
    QVERIFY(scanned.wait());
    panel.hide();
    QVERIFY(!panel.scanTimer()->isActive());
    QTRY_VERIFY(!scanner->isBusy()); // a scan asked for before the hide may still land
    scanned.clear();
    QVERIFY(!scanned.wait(5 * FastIntervalMs));
    panel.show();
    QVERIFY(scanned.wait());
}

void TestMachinePanel::pauseAndResumeTheSelectedProcess()
{
    QProcess *child = startSleep(QStringLiteral("30"));
    QVERIFY(child);
    const qint64 pid = child->processId();
    MachinePanel panel;
    panel.setSampleInterval(FastIntervalMs);
    QSignalSpy messages(&panel, &MachinePanel::statusMessage);
    panel.show();
    QTRY_VERIFY(panel.selectPid(pid));
    QCOMPARE(procState(pid), 'S');
    QVERIFY(panel.pauseAction()->isEnabled());
    QVERIFY(!panel.resumeAction()->isEnabled());

    panel.pauseAction()->trigger();
    QTRY_COMPARE(procState(pid), 'T');
    QCOMPARE(messages.size(), 1);
    QVERIFY(messages.first().first().toString().contains(QString::number(pid)));
    // The next scan shows it paused and offers Resume.
    QTRY_COMPARE(shownIndexOf(panel, pid, MachineTreeModel::StateColumn).data().toString(), QStringLiteral("paused"));
    QTRY_VERIFY(panel.resumeAction()->isEnabled());
    QVERIFY(!panel.pauseAction()->isEnabled());

    panel.resumeAction()->trigger();
    QTRY_COMPARE(procState(pid), 'S');
    QTRY_COMPARE(shownIndexOf(panel, pid, MachineTreeModel::StateColumn).data().toString(), QStringLiteral("sleeping"));
}

void TestMachinePanel::refusalIsAStatusMessage()
{
    if (::getuid() == 0)
        QSKIP("root may signal init: this needs a process the user may not signal");
    MachinePanel panel;
    QSignalSpy messages(&panel, &MachinePanel::statusMessage);
    panel.show();
    QTRY_VERIFY(panel.selectPid(1));
    QAction *usr1 = nullptr;
    for (QAction *action : panel.signalMenu()->actions()) {
        if (action->data().toInt() == SIGUSR1)
            usr1 = action;
    }
    QVERIFY(usr1);
    usr1->trigger();
    QCOMPARE(messages.size(), 1);
    QVERIFY2(messages.first().first().toString().contains(QStringLiteral("not sent")),
             qPrintable(messages.first().first().toString()));
}

void TestMachinePanel::jobsAreMarkedAndDoubleClickShowsThem()
{
    QProcess *job = startSleep(QStringLiteral("30"));
    QProcess *other = startSleep(QStringLiteral("31"));
    QVERIFY(job && other);
    MachinePanel panel;
    panel.resize(1280, 720);
    panel.listButton()->click();
    panel.setJobPids({job->processId()});
    QSignalSpy showJob(&panel, &MachinePanel::showJobRequested);
    panel.show();
    QTRY_VERIFY(shownIndexOf(panel, other->processId()).isValid());
    const QModelIndex jobIndex = shownIndexOf(panel, job->processId());
    QVERIFY(jobIndex.data(MachineTreeModel::IsJobRole).toBool());
    QVERIFY(jobIndex.data(Qt::ToolTipRole).toString().contains(QStringLiteral("started by SpawnScope")));
    QVERIFY(!shownIndexOf(panel, other->processId()).data(MachineTreeModel::IsJobRole).toBool());

    auto doubleClick = [&](const QModelIndex &index) {
        panel.view()->scrollTo(index);
        const QPoint centre = panel.view()->visualRect(index).center();
        // An item view takes a double-click only on the row the press before it was on.
        QTest::mouseClick(panel.view()->viewport(), Qt::LeftButton, {}, centre);
        QTest::mouseDClick(panel.view()->viewport(), Qt::LeftButton, {}, centre);
    };
    doubleClick(shownIndexOf(panel, other->processId(), MachineTreeModel::StateColumn));
    QCOMPARE(showJob.size(), 0);
    doubleClick(shownIndexOf(panel, job->processId(), MachineTreeModel::StateColumn));
    QCOMPARE(showJob.size(), 1);
    QCOMPARE(showJob.first().first().toLongLong(), job->processId());
}

void TestMachinePanel::ctrlFFocusesTheFilter()
{
    MachinePanel panel;
    panel.show();
    panel.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&panel));
    panel.view()->setFocus();
    QVERIFY(!panel.filterEdit()->hasFocus());
    QTest::keyClick(panel.view(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(panel.filterEdit()->hasFocus());
}

void TestMachinePanel::choicesAreRemembered()
{
    {
        MachinePanel panel;
        QVERIFY(panel.model()->isTreeMode());
        panel.listButton()->click();
        panel.showCombo()->setCurrentIndex(panel.showCombo()->findData(MachineFilterProxyModel::ShowMine));
        panel.programsOnlyCheck()->setChecked(true);
        panel.view()->header()->setSectionHidden(MachineTreeModel::ReadColumn, false);
    }
    MachinePanel panel;
    QVERIFY(!panel.model()->isTreeMode());
    QVERIFY(panel.listButton()->isChecked());
    QCOMPARE(panel.proxy()->show(), MachineFilterProxyModel::ShowMine);
    QVERIFY(panel.proxy()->programsOnly());
    QVERIFY(!panel.view()->header()->isSectionHidden(MachineTreeModel::ReadColumn));
}

void TestMachinePanel::fitsAt1280AndLooksRight()
{
    QProcess *child = startSleep(QStringLiteral("30"));
    QVERIFY(child);
    MachinePanel panel;
    panel.setJobPids({child->processId()});
    panel.resize(1280, 720);
    panel.show();
    QTRY_VERIFY(panel.selectPid(child->processId()));
    panel.scanNow(); // the CPU % of a second scan, and the details of the selection
    QTRY_VERIFY(panel.detailsView()->toPlainText().contains(QStringLiteral("Directory")));
    QVERIFY(!panel.view()->horizontalScrollBar()->isVisible());
    // The command, last, keeps room for a command line.
    QHeaderView *header = panel.view()->header();
    QCOMPARE(header->visualIndex(MachineTreeModel::CommandColumn), MachineTreeModel::ColumnCount - 1);
    QVERIFY2(header->sectionSize(MachineTreeModel::CommandColumn) >= 400,
             qPrintable(QString::number(header->sectionSize(MachineTreeModel::CommandColumn))));
    // Every shown title fits its column.
    const QFontMetrics metrics(header->font());
    for (int column = 0; column < MachineTreeModel::ColumnCount; ++column) {
        if (!header->isSectionHidden(column))
            QVERIFY2(metrics.horizontalAdvance(panel.model()->headerData(column, Qt::Horizontal).toString())
                         < header->sectionSize(column),
                     qPrintable(QString::number(column)));
    }
    const QString path = QDir::temp().filePath(QStringLiteral("machinepanel.png"));
    QVERIFY(panel.grab().save(path));
}

QTEST_MAIN(TestMachinePanel)
#include "tst_machinepanel.moc"
