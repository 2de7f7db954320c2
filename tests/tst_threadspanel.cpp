// The Threads lab tab on its own: what it shows for the results its lab
// reports (fed straight through ThreadLab::modeFinished, no run needed).
#include "factorizer.h"
#include "labchart.h"
#include "seednumbers.h"
#include "threadlab.h"
#include "threadspanel.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QStandardPaths>
#include <QTextBlock>
#include <QTextLayout>
#include <QtTest>

using Mode = LabResult::Mode;

namespace {

LabResult cpuResult(Mode mode, double othersCores)
{
    LabResult result;
    result.mode = mode;
    result.wallMs = 1000;
    result.cpuMs = 900;
    result.speedup = 1;
    for (quint64 n : SeedNumbers::FactorizeInputs) {
        result.lanes << QString::number(n);
        result.results << LabResult::NumberResult{n, Factorizer::divisors(n, Factorizer::Algorithm::TrialToSqrt)};
    }
    result.machineLoad.known = true;
    result.machineLoad.cores = 2;
    result.machineLoad.othersCores = othersCores;
    return result;
}

} // namespace

class TestThreadsPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void busyMachineIsSaidBesideTheResult();
    void divisorsFitWithoutWrapping();
};

void TestThreadsPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // keep QSettings away from the user's
}

void TestThreadsPanel::busyMachineIsSaidBesideTheResult()
{
    ThreadLab lab(nullptr);
    ThreadsPanel panel(&lab);
    QLabel *warning = panel.loadWarningLabel();
    QVERIFY(!warning->isVisibleTo(&panel));

    // A quiet machine: nothing to say.
    emit lab.modeFinished(cpuResult(Mode::Serial, 0.1));
    emit lab.modeFinished(cpuResult(Mode::Threads, 0.2));
    QVERIFY(!warning->isVisibleTo(&panel));
    QVERIFY(warning->text().isEmpty());

    // Issue 23's run: a build took over a core while Threads ran.
    emit lab.modeFinished(cpuResult(Mode::Threads, 1.4));
    QVERIFY(warning->isVisibleTo(&panel));
    QCOMPARE(warning->text(), QStringLiteral("The machine was busy: 1.4 (Threads) of 2 cores in use by others; run again"));
    QCOMPARE(warning->toolTip(), QStringLiteral("Threads: the machine was busy: 1.4 of 2 cores in use by others while "
                                                "this mode needs 2; run again"));
    QCOMPARE(panel.cpuChart()->results().size(), 2);
    QVERIFY(!panel.cpuChart()->results().last().busyWarning().isEmpty());

    // Serial too: still one line, in the modes' order, each mode's reason in the tooltip.
    emit lab.modeFinished(cpuResult(Mode::Serial, 1.7));
    QCOMPARE(warning->text(), QStringLiteral("The machine was busy: 1.7 (Serial), 1.4 (Threads) of 2 cores in use by "
                                             "others; run again"));
    QCOMPARE(warning->toolTip().split(QLatin1Char('\n')).size(), 2);
    QVERIFY(warning->toolTip().startsWith(QStringLiteral("Serial: the machine was busy: 1.7 of 2 cores")));

    // Run again on a quieter machine: the re-runs replace the bars and the warning goes.
    emit lab.modeFinished(cpuResult(Mode::Serial, 0.2));
    emit lab.modeFinished(cpuResult(Mode::Threads, 0.3));
    QVERIFY(!warning->isVisibleTo(&panel));
}

void TestThreadsPanel::divisorsFitWithoutWrapping()
{
    ThreadLab lab(nullptr);
    ThreadsPanel panel(&lab);
    panel.resize(980, 700); // the tab's size in a 1280×800 window
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    emit lab.modeFinished(cpuResult(Mode::Gil, 0));
    QPlainTextEdit *view = panel.divisorsView();
    QVERIFY(view->toPlainText().contains(QStringLiteral("1214759: 1, 7, 13, 49, 91, 637, 1907, 13349, 24791, 93443, "
                                                        "173537, 1214759")));
    QTRY_VERIFY(view->width() > 0);
    QCoreApplication::processEvents(); // let the view lay its text out at its new width
    for (QTextBlock block = view->document()->firstBlock(); block.isValid(); block = block.next())
        QVERIFY2(block.layout()->lineCount() == 1,
                 qPrintable(QStringLiteral("\"%1\" wraps at width %2").arg(block.text()).arg(view->width())));
}

QTEST_MAIN(TestThreadsPanel)
#include "tst_threadspanel.moc"
