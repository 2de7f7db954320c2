// The window, driven through its widgets and actions as a user would (offscreen).
#include "jobcontrol.h"
#include "settingskeys.h"
#include "elidedheader.h"
#include "jobdetailpane.h"
#include "jobfilterproxymodel.h"
#include "outputfindbar.h"
#include "jobengine.h"
#include "jobprocess.h"
#include "jobrun.h"
#include "jobtableview.h"
#include "jobtreemodel.h"
#include "machinelink.h"
#include "mainwindow.h"
#include "runcomparison.h"
#include "jobformat.h"
#include "comparedialog.h"
#include "timelinemodel.h"
#include "sessionactions.h"
#include "sessionkeeper.h"
#include "presetpalette.h"
#include "presetfile.h"
#include "presetlistmodel.h"
#include "testsupport.h"
#include "traceprotocol.h"
#include "chainbuilder.h"
#include "preseteditor.h"
#include "launchoptions.h"
#include "presetcatalog.h"
#include "presetstore.h"
#include "stagelist.h"
#include "labchart.h"
#include "threadlab.h"
#include "threadspanel.h"
#include "codepanel.h"
#include "editpresetcommand.h"
#include "resourcechart.h"
#include "runexporter.h"
#include "processsampler.h"
#include "theme.h"
#include "timelinemodel.h"
#include "timelinepanel.h"
#include "timelineview.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QHeaderView>
#include <QMenu>
#include <QProcess>
#include <QSettings>
#include <QCheckBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QToolButton>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSpinBox>
#include <QTabWidget>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTreeView>
#include <QUndoStack>
#include <QElapsedTimer>
#include <QTimer>
#include <QMimeData>
#include <QCryptographicHash>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QPushButton>
#include <QtTest>

#include <limits>

using namespace TestSupport;

namespace {

QAction *actionNamed(QWidget *window, const QString &text)
{
    for (QAction *action : window->findChildren<QAction *>()) {
        if (action->text().remove(QLatin1Char('&')) == text)
            return action;
    }
    return nullptr;
}

// What the composition root does for the window: an engine and a lab that
// outlive it, then the window over them.
struct WindowUnderTest
{
    explicit WindowUnderTest(const QList<Preset> &presets)
        : window(&engine, &lab, presets)
    {
    }
    JobEngine engine;
    ThreadLab lab{&engine};
    MainWindow window;
};

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void showsTheSeedPresets();
    void codeTabRunsItsPythonWatched();
    void enterInThePresetListRunsIt();
    void helloChildOutputIsShown();
    void groupOutputListsTheJobsThatWrote();
    void commandFieldRunsWithoutAShell();
    void shellTickIsVisibleOnTheRow();
    void emptyCommandGetsAMessage();
    void typedCommandsSplitLikeAShell();
    void keepStdinOpenTakesTypedLines();
    void terminalTickRunsInATerminal();
    void terminalInputShowsOnce();
    void aCutStreamSaysSoAboveTheText();
    void filterKeepsGroupsWhole();
    void findInOutput();
    void ansiColoursInTheOutputView();
    void aMebibyteOfColouredOutputRendersQuickly();
    void opensslOutputIsHexAndSecretsAreMasked();
    void timeoutIsExplained();
    void failingChainStageIsReadable();
    void stopActionStopsTheSelectedJob();
    void runAgainAndClearFinished();
    void foldedRunsRowIsInert();
    void quittingStopsEveryChild();
    void paintsWithoutDisplay();
    void threadsLabRefusesBadNumbers_data();
    void threadsLabRefusesBadNumbers();
    void threadsLabRunsEveryModeAndShowsDivisors();
    void threadsLabCancel();
    void floodKeepsTheWindowResponsive();
    void presetDroppedOnTheTableRuns();
    void textDroppedOnTheTableRunsWithoutAShell();
    void threeStageChainByDraggingSurvivesARestart();
    void tableRowDroppedOnThePaletteBecomesAPreset();
    void deleteHasUndo();
    void importShowsFirstAndKeepsPresetsOnBadFiles();
    void editorFlagsProblemsWhereTyped();
    void anUnreadablePresetsFileIsNeverOverwritten();
    void timelineAndCodeFollowTheSelection();
    void panelScreenshotsHaveThePanelsSize();
    void timelineZoomsPansAndFits();
    void timelineFitsTheRunSelectedInTheTable();
    void statusBarCountsRunningChildren();
    void fanOutStartsTogether_data();
    void fanOutStartsTogether();
    void everyPaletteEditCanBeUndone();
    void failedExportsAreLogged();
    void columnChooserHidesShowsAndRemembers();
    void pauseAndResumeFromTheWindow();
    void onePausedStateEverywhere();
    void stopReadsStoppedAndKillReadsKilled();
    void startFailureSaysSoInTheStatusBar();
    void machineTabWatchesARunningFamily();
    void machineTabSaysWhyAWatchIsRefused();
    void defaultColumnsFitAt1280();
    void longHeaderIsOneElidedLine();
    void sendSignalEndsTheJobWithThatSignal();
    void sampleIntervalReachesTheEngineAndIsRemembered();
    void resourceChartGetsTheJobsHistory();
    void timelineColourByCpuTellsBurnFromSleep();
    void sessionSurvivesARestartAndNewSessionUndoes();
    void compareShowsSerialAgainstParallel();

private:
    std::unique_ptr<WindowUnderTest> m_fixture;
    MainWindow *m_window = nullptr;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // keep QSettings away from the user's
}

void TestMainWindow::init()
{
    QFile::remove(PresetStore::defaultPath()); // test mode: a scratch config folder
    m_fixture = std::make_unique<WindowUnderTest>(PresetFile::builtIns());
    m_window = &m_fixture->window;
    m_window->setConfirmQuit(false);
    m_window->show();
}

void TestMainWindow::cleanup()
{
    m_window = nullptr;
    m_fixture.reset();
}

void TestMainWindow::showsTheSeedPresets()
{
    const PresetListModel *presets = m_window->presetModel();
    QCOMPARE(presets->rowCount(), 10);
    QCOMPARE(presets->presetAt(0).id, QStringLiteral("hello-child"));
    QVERIFY(presets->rowOf(QStringLiteral("chain-whirlpool")) >= 0);
    QVERIFY(m_window->presetView()->currentIndex().isValid());
}

void TestMainWindow::enterInThePresetListRunsIt()
{
    QListView *view = m_window->presetView();
    view->setCurrentIndex(m_window->presetModel()->index(m_window->presetModel()->rowOf(QStringLiteral("fanout-sleep"))));
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(m_window->engine()->runs().size(), 1);
    JobRun *run = m_window->engine()->runs().first();
    QCOMPARE(run->preset().id, QStringLiteral("fanout-sleep"));
    QCOMPARE(run->jobs().size(), 10);
    QVERIFY(m_window->jobView()->isExpanded(m_window->jobView()->currentIndex()));
    QVERIFY(waitRun(run));
}

void TestMainWindow::helloChildOutputIsShown()
{
    JobRun *run = m_window->runPreset(QStringLiteral("hello-child"));
    QVERIFY(waitRun(run));
    // The model's batched update reaches the row within an update interval.
    const QModelIndex job = m_window->jobModel()->indexOfJob(run, 0, JobTreeModel::LastLineColumn);
    QTRY_COMPARE(job.data().toString(), QStringLiteral("Hello from the child!"));
    m_window->selectRun(run, 0);
    QCOMPARE(m_window->detailPane()->job(), run->jobs().first());
    QVERIFY(m_window->detailPane()->stdoutText().contains(QStringLiteral("Hello from the child!")));
    QVERIFY(!m_window->detailPane()->hexMode());
    QVERIFY(m_window->detailPane()->headerText().contains(QStringLiteral("code 0")));
}

void TestMainWindow::groupOutputListsTheJobsThatWrote()
{
    JobDetailPane *pane = m_window->detailPane();
    const auto runCopies = [&](const QString &command, int copies) -> JobRun * {
        QString error;
        Preset preset = Preset::fromCommand(command, true, &error);
        if (!error.isEmpty())
            return nullptr;
        preset.copies = copies;
        JobRun *run = m_window->runPreset(preset);
        if (!waitRun(run))
            return nullptr;
        m_window->selectRun(run);
        pane->refresh();
        return run;
    };
    const auto headers = [&] { return pane->stdoutText().count(QStringLiteral("── ")); };

    // One at a time, so exactly the first three copies find fewer than three
    // marks in the folder and write; the other 102 write nothing.
    QTemporaryDir marks;
    const int parallel = m_window->engine()->maxParallel();
    m_window->setMaxParallel(1);
    JobRun *some = runCopies(QStringLiteral("n=$(ls '%1' | wc -l); touch '%1'/$$; [ \"$n\" -lt 3 ] && echo wrote; exit 0")
                                 .arg(marks.path()),
                             105);
    m_window->setMaxParallel(parallel);
    QVERIFY(some);
    QCOMPARE(pane->run(), some);
    QCOMPARE(headers(), 3);
    QCOMPARE(pane->stdoutText().count(QStringLiteral("wrote\n")), 3);
    QVERIFY2(!pane->stdoutText().contains(QStringLiteral("(nothing)")), qPrintable(pane->stdoutText()));

    // Past ListedJobs writers the rest are counted, not laid out.
    QVERIFY(runCopies(QStringLiteral("echo hi"), JobDetailPane::ListedJobs + 5));
    QCOMPARE(headers(), JobDetailPane::ListedJobs);
    QVERIFY2(pane->stdoutText().contains(QStringLiteral("and 5 more job(s) that wrote here")), qPrintable(pane->stdoutText().right(200)));

    // A group where nobody wrote says so once.
    QVERIFY(runCopies(QStringLiteral("true"), 4));
    QCOMPARE(pane->stdoutText(), QStringLiteral("(nothing)\n"));
    QCOMPARE(pane->stderrText(), QStringLiteral("(nothing)\n"));
}

void TestMainWindow::commandFieldRunsWithoutAShell()
{
    m_window->commandEdit()->setText(QStringLiteral("echo \"two words\" $HOME"));
    m_window->shellCheck()->setChecked(false);
    QTest::keyClick(m_window->commandEdit(), Qt::Key_Return);
    QCOMPARE(m_window->engine()->runs().size(), 1);
    JobRun *run = m_window->engine()->runs().first();
    QVERIFY(waitRun(run));
    const JobProcess *job = run->jobs().first();
    QCOMPARE(job->spec().stage.program, QStringLiteral("echo"));
    QCOMPARE(job->spec().stage.args, (QStringList{"two words", "$HOME"}));
    QCOMPARE(job->stdoutTail().tail(), QByteArray("two words $HOME\n")); // no shell expanded it
    QVERIFY(!m_window->jobModel()->indexOfRun(run).data(JobTreeModel::ShellRole).toBool());
}

void TestMainWindow::keepStdinOpenTakesTypedLines()
{
    m_window->commandEdit()->setText(QStringLiteral("cat"));
    m_window->shellCheck()->setChecked(false);
    m_window->keepStdinOpenCheck()->setChecked(true);
    m_window->terminalCheck()->setChecked(false);
    QTest::keyClick(m_window->commandEdit(), Qt::Key_Return);
    QCOMPARE(m_window->engine()->runs().size(), 1);
    JobRun *run = m_window->engine()->runs().first();
    JobProcess *job = run->jobs().first();
    QTRY_VERIFY(job->acceptsInput());
    m_window->selectRun(run, 0);
    QLineEdit *input = m_window->detailPane()->inputLine();
    QTRY_VERIFY(input->isVisible());
    input->setFocus();
    QTest::keyClicks(input, QStringLiteral("hello"));
    QTest::keyClick(input, Qt::Key_Return);
    QVERIFY(input->text().isEmpty());
    QTRY_COMPARE(job->stdoutTail().tail(), QByteArray("hello\n"));
    // The typed line is marked as input, then cat's answer follows.
    QTRY_VERIFY2(m_window->detailPane()->stdoutText().contains(QStringLiteral("⟩ hello\nhello")),
                 qPrintable(m_window->detailPane()->stdoutText()));
    QVERIFY(job->outcome().isActive());
    QTest::keyClick(input, Qt::Key_D, Qt::ControlModifier); // end of input
    QVERIFY(waitRun(run));
    QCOMPARE(job->outcome().state, JobOutcome::State::Finished);
    QCOMPARE(job->outcome().exitCode, 0);
    QTRY_VERIFY(input->isHidden());
}

void TestMainWindow::terminalTickRunsInATerminal()
{
    m_window->commandEdit()->setText(QStringLiteral("sh -c 'test -t 1 && printf \"\\033[32mtty\\033[0m\\n\"'"));
    m_window->shellCheck()->setChecked(false);
    m_window->keepStdinOpenCheck()->setChecked(false);
    m_window->terminalCheck()->setChecked(true);
    JobRun *run = m_window->runCommand();
    QVERIFY(waitRun(run));
    const JobProcess *job = run->jobs().first();
    QVERIFY(job->usesTerminal());
    QCOMPARE(job->stdoutTail().tail(), QByteArray("\x1b[32mtty\x1b[0m\r\n"));
    // Neither the table nor the output view shows escape codes or CRs.
    const QModelIndex row = m_window->jobModel()->indexOfJob(run, 0, JobTreeModel::LastLineColumn);
    QTRY_COMPARE(row.data().toString(), QStringLiteral("tty"));
    m_window->selectRun(run, 0);
    QTRY_COMPARE(m_window->detailPane()->stdoutText(), QStringLiteral("tty\n"));
}

// In a terminal the typed line shows once, as the terminal echoes it, not
// also as a "⟩ " mark.
void TestMainWindow::terminalInputShowsOnce()
{
    m_window->commandEdit()->setText(QStringLiteral("sh -c 'read name; echo \"Hi $name\"'"));
    m_window->shellCheck()->setChecked(false);
    m_window->keepStdinOpenCheck()->setChecked(true);
    m_window->terminalCheck()->setChecked(true);
    JobRun *run = m_window->runCommand();
    QVERIFY(run);
    JobProcess *job = run->jobs().first();
    QTRY_VERIFY(job->acceptsInput());
    m_window->selectRun(run, 0);
    QLineEdit *input = m_window->detailPane()->inputLine();
    QTRY_VERIFY(input->isVisible());
    QTest::keyClicks(input, QStringLiteral("Alice"));
    QTest::keyClick(input, Qt::Key_Return);
    QVERIFY(waitRun(run));
    QTRY_VERIFY2(m_window->detailPane()->stdoutText().contains(QStringLiteral("Hi Alice")),
                 qPrintable(m_window->detailPane()->stdoutText()));
    const QString text = m_window->detailPane()->stdoutText();
    QVERIFY2(!text.contains(QStringLiteral("⟩")), qPrintable(text));
    QCOMPARE(text.split(QLatin1Char('\n')).count(QStringLiteral("Alice")), 1);
}

// Output views follow the end, so the note that only the tail is shown sits
// above the text, where scrolling cannot hide it.
void TestMainWindow::aCutStreamSaysSoAboveTheText()
{
    m_window->commandEdit()->setText(QStringLiteral("yes | head -c 5000000"));
    m_window->shellCheck()->setChecked(true);
    m_window->keepStdinOpenCheck()->setChecked(false);
    m_window->terminalCheck()->setChecked(false);
    JobRun *run = m_window->runCommand();
    QVERIFY(waitRun(run));
    m_window->selectRun(run, 0);
    m_window->detailPane()->refresh();
    auto *note = m_window->detailPane()->findChild<QLabel *>(QStringLiteral("stdoutNote"));
    QVERIFY(note);
    QTRY_VERIFY2(note->text().startsWith(QStringLiteral("… showing the last ")), qPrintable(note->text()));
    QVERIFY2(note->text().endsWith(QStringLiteral("of 4.8 MiB written")), qPrintable(note->text()));
    // A short stream shows whole, and says nothing.
    JobRun *small = m_window->runPreset(QStringLiteral("hello-child"));
    QVERIFY(waitRun(small));
    m_window->selectRun(small, 0);
    m_window->detailPane()->refresh();
    QTRY_VERIFY(note->text().isEmpty());
}

void TestMainWindow::shellTickIsVisibleOnTheRow()
{
    m_window->commandEdit()->setText(QStringLiteral("echo one | tr a-z A-Z"));
    m_window->shellCheck()->setChecked(true);
    JobRun *run = m_window->runCommand();
    QVERIFY(waitRun(run));
    QCOMPARE(run->jobs().first()->spec().stage.program, QStringLiteral("/bin/sh"));
    QCOMPARE(run->jobs().first()->stdoutTail().tail(), QByteArray("ONE\n"));
    const QModelIndex row = m_window->jobModel()->indexOfRun(run);
    QVERIFY(row.data(JobTreeModel::ShellRole).toBool());
    QVERIFY(row.data().toString().contains(QStringLiteral("[shell]")));
}

void TestMainWindow::emptyCommandGetsAMessage()
{
    m_window->commandEdit()->setText(QStringLiteral("   "));
    QVERIFY(m_window->runCommand() == nullptr);
    QVERIFY(m_window->engine()->runs().isEmpty());
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("empty")),
             qPrintable(m_window->statusBar()->currentMessage()));
}

void TestMainWindow::typedCommandsSplitLikeAShell()
{
    // An unclosed quote is refused where it was typed: nothing runs.
    m_window->commandEdit()->setText(QStringLiteral("sh -c 'echo hi; exit 3"));
    QVERIFY(m_window->runCommand() == nullptr);
    QVERIFY(m_window->engine()->runs().isEmpty());
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("single quote")),
             qPrintable(m_window->statusBar()->currentMessage()));
    QCOMPARE(m_window->commandEdit()->selectionStart(), 6);
    QCOMPARE(m_window->commandEdit()->selectedText(), QStringLiteral("'"));

    // Closed, it runs as a tutorial means it: sh gets one script argument.
    m_window->commandEdit()->setText(QStringLiteral("sh -c 'echo hi; exit 3'"));
    JobRun *run = m_window->runCommand();
    QVERIFY(run);
    QVERIFY(waitRun(run));
    QCOMPARE(run->jobs().first()->outcome().exitCode, 3);
}

void TestMainWindow::filterKeepsGroupsWhole()
{
    JobRun *ok = m_window->runPreset(helperPreset({QStringLiteral("exit"), QStringLiteral("0")}, 2));
    JobRun *bad = m_window->runPreset(helperPreset({QStringLiteral("exit"), QStringLiteral("3")}, 3));
    QVERIFY(waitRun(ok));
    QVERIFY(waitRun(bad));
    JobFilterProxyModel *filter = m_window->jobFilter();
    QAbstractItemModelTester tester(filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(filter->rowCount(), 2);

    // The Failed toggle: only the group with failures, with all its children.
    auto *failed = m_window->findChild<QToolButton *>(QStringLiteral("showFailed"));
    QVERIFY(failed);
    failed->setChecked(true);
    QCOMPARE(filter->rowCount(), 1);
    QCOMPARE(filter->rowCount(filter->index(0, 0)), 3);
    failed->setChecked(false);
    QCOMPARE(filter->rowCount(), 2);

    // Text over PID: one child's PID shows its whole group.
    const QString pid = QString::number(ok->jobs().at(1)->pid());
    m_window->filterEdit()->setText(pid);
    QCOMPARE(filter->rowCount(), 1);
    QCOMPARE(filter->rowCount(filter->index(0, 0)), 2);
    QVERIFY(filter->index(0, JobTreeModel::PidColumn, filter->index(0, 0)).data().toString() != pid
            || filter->index(1, JobTreeModel::PidColumn, filter->index(0, 0)).data().toString() == pid);

    // New runs arriving while filtered: shown when they match, not otherwise.
    m_window->filterEdit()->setText(QStringLiteral("stderr"));
    QCOMPARE(filter->rowCount(), 0);
    JobRun *later = m_window->runPreset(helperPreset({QStringLiteral("stderr"), QStringLiteral("x"), QStringLiteral("0")}));
    QVERIFY(waitRun(later));
    QTRY_COMPARE(filter->rowCount(), 1);
    m_window->filterEdit()->clear();
    QCOMPARE(filter->rowCount(), 3);
}

void TestMainWindow::findInOutput()
{
    Preset preset;
    preset.id = QStringLiteral("lines");
    preset.title = QStringLiteral("lines");
    StageSpec stage;
    stage.program = QStringLiteral("/bin/sh");
    stage.args = {QStringLiteral("-c"), QStringLiteral("printf 'alpha\\nbeta\\nALPHA\\n'; seq 1 30000")};
    preset.stages = {stage};
    JobRun *run = m_window->runPreset(preset);
    QVERIFY(waitRun(run));
    m_window->selectRun(run, 0);
    JobDetailPane *pane = m_window->detailPane();
    pane->findChild<QTabWidget *>()->setCurrentIndex(1); // stdout
    pane->openFind();
    OutputFindBar *find = pane->findBar();
    QVERIFY(!find->isHidden());
    find->setPattern(QStringLiteral("alpha"));
    QTRY_COMPARE(find->matchCount(), 2); // case-insensitive by default
    QCOMPARE(find->currentMatch(), 0);
    find->findNext();
    QCOMPARE(find->currentMatch(), 1);
    find->findNext();
    QCOMPARE(find->currentMatch(), 0); // wraps
    find->setPattern(QStringLiteral("^(beta|ALPHA)$"), true);
    QCOMPARE(find->matchCount(), 3); // alpha, beta and ALPHA, without Match case
    // The search reaches past the bounded view: "1\n" is near the start of ~170 KB of output.
    find->setPattern(QStringLiteral("^1$"), true);
    QCOMPARE(find->matchCount(), 1);
    find->setPattern(QStringLiteral("("), true);
    QCOMPARE(find->matchCount(), 0);
    QVERIFY2(find->statusText().contains(QStringLiteral("not a valid regular expression")), qPrintable(find->statusText()));
    QVERIFY(find->target()->extraSelections().isEmpty());
    find->setPattern(QStringLiteral("beta"));
    QCOMPARE(find->target()->extraSelections().size(), 1);
}

void TestMainWindow::ansiColoursInTheOutputView()
{
    Preset preset;
    preset.id = QStringLiteral("ansi");
    preset.title = QStringLiteral("ansi");
    StageSpec stage;
    stage.program = QStringLiteral("/bin/sh");
    stage.args = {QStringLiteral("-c"), QStringLiteral("printf '\\033[31mred\\033[0m \\033[1mbold\\033[0m plain\\n'")};
    preset.stages = {stage};
    JobRun *run = m_window->runPreset(preset);
    QVERIFY(waitRun(run));
    m_window->selectRun(run, 0);
    JobDetailPane *pane = m_window->detailPane();
    QTRY_COMPARE(pane->stdoutText(), QStringLiteral("red bold plain\n"));

    // Read the formats back from the view's document: a cursor's charFormat
    // is the format of the character before it, so sit one character in.
    QTextDocument *document = pane->stdoutView()->document();
    auto formatAt = [document](int position) {
        QTextCursor cursor(document);
        cursor.setPosition(position + 1);
        return cursor.charFormat();
    };
    const QColor red = formatAt(0).foreground().color();
    QVERIFY2(red.red() > 2 * red.green() && red.red() > 2 * red.blue(), qPrintable(red.name()));
    QCOMPARE(formatAt(4).fontWeight(), int(QFont::Bold));
    QVERIFY(formatAt(0).fontWeight() != int(QFont::Bold));
    QCOMPARE(formatAt(9).foreground().style(), Qt::NoBrush); // "plain" keeps the palette's Text

    // Find still works over styled text, highlights included.
    pane->findChild<QTabWidget *>()->setCurrentIndex(1); // stdout
    pane->openFind();
    OutputFindBar *find = pane->findBar();
    find->setPattern(QStringLiteral("red bold"));
    QTRY_COMPARE(find->matchCount(), 1);
    QCOMPARE(find->target()->extraSelections().size(), 1);
}

void TestMainWindow::aMebibyteOfColouredOutputRendersQuickly()
{
    Preset preset;
    preset.id = QStringLiteral("ansi-flood");
    preset.title = QStringLiteral("ansi-flood");
    StageSpec stage;
    stage.program = QStringLiteral("/bin/sh");
    // Three styled spans a line, as colourful as a compiler's or a test runner's output.
    stage.args = {QStringLiteral("-c"), QStringLiteral("yes \"$(printf '\\033[31mred\\033[0m \\033[1;4mbold\\033[0m \\033[38;5;226myellow\\033[0m plain')\" | head -c 1048576")};
    preset.stages = {stage};
    JobRun *run = m_window->runPreset(preset);
    QVERIFY(waitRun(run));
    m_window->selectRun(run, 0);
    JobDetailPane *pane = m_window->detailPane();
    pane->findChild<QTabWidget *>()->setCurrentIndex(1); // stdout
    // Opening find re-renders the whole kept MiB at once, on the GUI thread.
    QElapsedTimer timer;
    timer.start();
    pane->openFind();
    const qint64 ms = timer.elapsed();
    qInfo("rendered 1 MiB of coloured output in %lld ms", ms);
    QVERIFY(pane->stdoutText().size() > 400 * 1000);
    QVERIFY(!pane->stdoutText().contains(QChar(0x1b)));
    // The target is 200 ms; the bound leaves room for sanitizer and loaded CI builds.
    QVERIFY2(ms < 2000, qPrintable(QString::number(ms)));
}

void TestMainWindow::opensslOutputIsHexAndSecretsAreMasked()
{
    JobRun *run = m_window->runPreset(QStringLiteral("openssl-encrypt"));
    QVERIFY(waitRun(run));
    m_window->selectRun(run, 1);
    JobDetailPane *pane = m_window->detailPane();
    QVERIFY(pane->hexMode());
    QVERIFY2(pane->stdoutText().contains(QStringLiteral("|Salted__")), qPrintable(pane->stdoutText()));
    QVERIFY(pane->stderrText().contains(QStringLiteral("deprecated key derivation")));
    QVERIFY(pane->overviewText().contains(QStringLiteral("password=••••")));
    QVERIFY(!pane->overviewText().contains(QStringLiteral("zf7ShyBhgZ0raQDdE")));
    const QString lastLine = m_window->jobModel()->indexOfJob(run, 1, JobTreeModel::LastLineColumn).data().toString();
    QVERIFY2(lastLine.contains(QStringLiteral("last 10 bytes, hex")), qPrintable(lastLine));

    pane->setHexMode(false);
    QVERIFY(pane->stdoutText().startsWith(QStringLiteral("Salted__")));
}

void TestMainWindow::timeoutIsExplained()
{
    JobRun *run = m_window->runPreset(QStringLiteral("timeout-kill"));
    QVERIFY(waitRun(run));
    m_window->selectRun(run, 0);
    const QString header = m_window->detailPane()->headerText();
    QVERIFY2(header.contains(QStringLiteral("SIGTERM (15) after the 0.1 s timeout")), qPrintable(header));
    const QModelIndex state = m_window->jobModel()->indexOfJob(run, 0, JobTreeModel::StateColumn);
    QCOMPARE(state.data().toString(), QStringLiteral("timed out"));
    QCOMPARE(state.siblingAtColumn(JobTreeModel::ExitColumn).data().toString(), QStringLiteral("SIGTERM"));
}

void TestMainWindow::failingChainStageIsReadable()
{
    Preset preset;
    preset.id = QStringLiteral("broken-chain");
    preset.title = QStringLiteral("Broken chain");
    StageSpec first;
    first.program = QStringLiteral("echo");
    first.args = {QStringLiteral("data")};
    StageSpec second;
    second.program = helper();
    second.args = {QStringLiteral("stderr"), QStringLiteral("dgst: Unknown digest whirlpool"), QStringLiteral("1")};
    preset.stages = {first, second};
    JobRun *run = m_window->runPreset(preset);
    QVERIFY(waitRun(run));
    m_window->selectRun(run);
    const QString overview = m_window->detailPane()->overviewText();
    QVERIFY2(overview.contains(QStringLiteral("stage 2/2")), qPrintable(overview));
    QVERIFY2(overview.contains(QStringLiteral("Exited with code 1")), qPrintable(overview));
    QVERIFY(overview.contains(QStringLiteral("stderr: dgst: Unknown digest whirlpool")));
    QVERIFY(m_window->jobModel()->indexOfRun(run, JobTreeModel::StateColumn).data().toString().contains(QStringLiteral("failed")));
}

void TestMainWindow::stopActionStopsTheSelectedJob()
{
    m_window->commandEdit()->setText(QStringLiteral("sleep 30"));
    m_window->shellCheck()->setChecked(false);
    JobRun *run = m_window->runCommand();
    QVERIFY(run);
    QTRY_VERIFY_WITH_TIMEOUT(run->jobs().first()->pid() > 0, 5000);
    m_window->selectRun(run, 0);
    QAction *stop = actionNamed(m_window, QStringLiteral("Stop"));
    QVERIFY(stop);
    QTRY_VERIFY(stop->isEnabled());
    stop->trigger();
    QVERIFY(waitRun(run, 5000));
    QCOMPARE(run->jobs().first()->outcome().state, JobOutcome::State::Killed);
    QCOMPARE(run->jobs().first()->outcome().signal, SIGTERM);
    QVERIFY(!stop->isEnabled());
}

void TestMainWindow::runAgainAndClearFinished()
{
    JobRun *run = m_window->runPreset(QStringLiteral("hello-child"));
    QVERIFY(waitRun(run));
    m_window->selectRun(run);
    actionNamed(m_window, QStringLiteral("Run again"))->trigger();
    QCOMPARE(m_window->engine()->runs().size(), 2);
    JobRun *again = m_window->engine()->runs().last();
    QVERIFY(again != run);
    QCOMPARE(again->preset().id, QStringLiteral("hello-child"));
    QVERIFY(waitRun(again));
    QAction *clear = actionNamed(m_window, QStringLiteral("Clear finished"));
    QTRY_VERIFY(clear->isEnabled());
    clear->trigger();
    QCOMPARE(m_window->jobModel()->rowCount(), 0);
    QCOMPARE(m_window->detailPane()->run(), nullptr);
}

// The runs folded past the row limit are the table's first row, not a label
// above it: selecting it shows nothing and enables no action on a run.
void TestMainWindow::foldedRunsRowIsInert()
{
    JobEngine *engine = m_window->engine();
    engine->setFinishedJobLimit(2);
    for (int i = 0; i < 3; ++i)
        QVERIFY(waitRun(m_window->runPreset(QStringLiteral("hello-child"))));
    QCOMPARE(engine->folded().runs, 1);
    QVERIFY(!m_window->findChild<QLabel *>(QStringLiteral("foldedRuns")));
    const QModelIndex summary = m_window->jobFilter()->index(0, 0);
    QVERIFY(summary.data(JobTreeModel::IsFoldedRole).toBool());
    QVERIFY2(summary.data().toString().contains(QStringLiteral("folded")), qPrintable(summary.data().toString()));

    m_window->jobView()->setCurrentIndex(summary);
    QCOMPARE(m_window->detailPane()->run(), nullptr);
    QAction *rerun = actionNamed(m_window, QStringLiteral("Run again"));
    QVERIFY(!rerun->isEnabled());
    QVERIFY(!actionNamed(m_window, QStringLiteral("Stop"))->isEnabled());
    rerun->trigger();
    QCOMPARE(engine->runs().size(), 2);
    QVERIFY(!m_window->grab().isNull()); // the delegate paints it

    actionNamed(m_window, QStringLiteral("Clear finished"))->trigger();
    QVERIFY(engine->folded().isEmpty());
    QCOMPARE(m_window->jobModel()->rowCount(), 0);
}

void TestMainWindow::quittingStopsEveryChild()
{
    Preset preset;
    preset.id = QStringLiteral("stubborn");
    preset.copies = 2;
    preset.graceSec = 0.3;
    StageSpec stage;
    stage.program = helper();
    stage.args = {QStringLiteral("ignore-term")};
    preset.stages = {stage};
    JobRun *run = m_window->runPreset(preset);
    QTRY_VERIFY_WITH_TIMEOUT(run->jobs().at(0)->pid() > 0 && run->jobs().at(1)->pid() > 0, 5000);
    const qint64 pids[] = {run->jobs().at(0)->pid(), run->jobs().at(1)->pid()};

    QVERIFY(!m_window->close()); // refused while children run...
    QVERIFY(m_window->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->isVisible(), 5000); // ...then closes by itself once they are gone
    for (qint64 pid : pids)
        QVERIFY(!processAlive(pid));
    QCOMPARE(run->jobs().at(0)->outcome().signal, SIGKILL); // it ignored the TERM
}

void TestMainWindow::paintsWithoutDisplay()
{
    JobRun *run = m_window->runPreset(QStringLiteral("chain-md5"));
    QVERIFY(waitRun(run));
    m_window->resize(1200, 700);
    const QImage image = m_window->grab().toImage();
    QCOMPARE(image.size(), QSize(1200, 700) * image.devicePixelRatio());
    QVERIFY(image.pixelColor(10, 10).isValid());
}

void TestMainWindow::threadsLabRefusesBadNumbers_data()
{
    QTest::addColumn<QString>("numbers");
    QTest::addColumn<QString>("message");
    QTest::newRow("zero") << "12, 0" << "\"0\" is zero";
    QTest::newRow("negative") << "-3" << "\"-3\" is negative";
    QTest::newRow("word") << "12 abc" << "\"abc\" is not a whole number";
    QTest::newRow("overflow") << "99999999999999999999" << "is too large";
}

void TestMainWindow::threadsLabRefusesBadNumbers()
{
    QFETCH(QString, numbers);
    QFETCH(QString, message);
    ThreadsPanel *panel = m_window->threadsPanel();
    panel->numbersEdit()->setText(numbers);
    QVERIFY(panel->estimateLabel()->text().contains(message.toHtmlEscaped()));
    QVERIFY(!panel->runCpu({LabResult::Mode::Serial}));
    QVERIFY(!panel->lab()->isRunning());
    QVERIFY2(m_window->statusBar()->currentMessage().contains(message), qPrintable(m_window->statusBar()->currentMessage()));
}

void TestMainWindow::threadsLabRunsEveryModeAndShowsDivisors()
{
    ThreadsPanel *panel = m_window->threadsPanel();
    QVERIFY(m_window->showPanel(QStringLiteral("threads")));
    panel->lab()->setWorkerProgram(QStringLiteral(SPAWNSCOPE_PATH));
    panel->numbersEdit()->setText(QStringLiteral("2139079, 1214759, 1516637, 1852285"));
    panel->scaleSpin()->setValue(1);
    QVERIFY(panel->estimateLabel()->text().contains(QStringLiteral("Estimated serial time")));
    QSignalSpy finished(panel->lab(), &ThreadLab::finished);
    QVERIFY(panel->runCpu(ThreadLab::allModes(LabResult::Workload::Cpu)));
    QVERIFY(finished.wait(30000));
    QCOMPARE(panel->cpuChart()->results().size(), 4);
    QVERIFY(panel->divisorsView()->toPlainText().contains(QStringLiteral("2139079: 1, 101, 21179, 2139079")));
    // The Processes mode's workers are jobs like any other.
    QCOMPARE(m_window->engine()->runs().size(), 4);
    QCOMPARE(m_window->jobModel()->rowCount(), 4);

    QVERIFY(panel->runBlockingIo({LabResult::Mode::Threads}));
    QVERIFY(finished.wait(10000));
    QCOMPARE(panel->ioChart()->results().size(), 1);
    QVERIFY(!panel->grab().isNull());
}

void TestMainWindow::threadsLabCancel()
{
    ThreadsPanel *panel = m_window->threadsPanel();
    QVERIFY(m_window->showPanel(QStringLiteral("threads")));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    panel->setConfirmLongRuns(false);
    panel->numbersEdit()->setText(QStringLiteral("2139079"));
    panel->scaleSpin()->setValue(5000);
    QSignalSpy finished(panel->lab(), &ThreadLab::finished);
    QVERIFY(panel->runCpu({LabResult::Mode::Threads}));
    QTest::qWait(150); // not a wait for an event: Cancel is under test while the mode is under way
    QTest::keyClick(panel, Qt::Key_Escape); // the Cancel button's shortcut
    QVERIFY(finished.wait(1000));
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(panel->cpuChart()->results().first().cancelled);
}

namespace {

qint64 statusKiB(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

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

} // namespace

void TestMainWindow::floodKeepsTheWindowResponsive()
{
    // Eight children writing as fast as they can. SPAWNSCOPE_SOAK_SECONDS=60
    // makes this the one-minute soak; CI runs it briefly.
    const int seconds = qEnvironmentVariableIsSet("SPAWNSCOPE_SOAK_SECONDS")
                            ? qEnvironmentVariableIntValue("SPAWNSCOPE_SOAK_SECONDS")
                            : 3;
    PaintCounter counter;
    m_window->jobView()->viewport()->installEventFilter(&counter);
    m_window->resize(1200, 700);

    Preset flood;
    flood.id = QStringLiteral("flood");
    flood.title = QStringLiteral("8 × yes");
    flood.copies = 8;
    flood.timeoutSec = seconds;
    flood.graceSec = 1;
    StageSpec yes;
    yes.program = QStringLiteral("yes");
    flood.stages = {yes};

    QList<double> lateness;
    QElapsedTimer sinceTick;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(10);
    connect(&ticker, &QTimer::timeout, this, [&] {
        if (sinceTick.isValid())
            lateness << std::max(0.0, double(sinceTick.nsecsElapsed()) / 1e6 - 10);
        sinceTick.restart();
    });
    const qint64 rssBefore = statusKiB("VmRSS:");
    JobRun *run = m_window->runPreset(flood);
    ticker.start();
    qint64 peakRss = rssBefore;
    QElapsedTimer elapsed;
    elapsed.start();
    while (!run->isDone() && elapsed.elapsed() < (seconds + 10) * 1000) {
        QTest::qWait(100); // the sampling period of the memory peak under test, not a synchronisation
        peakRss = std::max(peakRss, statusKiB("VmRSS:"));
    }
    ticker.stop();
    QVERIFY(run->isDone());
    std::sort(lateness.begin(), lateness.end());
    const double p99 = lateness.isEmpty() ? 0 : lateness.at(qsizetype(double(lateness.size() - 1) * 0.99));
    qint64 bytes = 0;
    for (const JobProcess *job : run->jobs())
        bytes += job->stdoutTail().totalBytes();
    const double paintsPerSecond = counter.paints / (double(elapsed.elapsed()) / 1000);
    qInfo("flood %d s: %.0f MiB read, RSS %lld -> peak %lld KiB, event-loop lateness p99 %.1f ms, %.1f paints/s",
          seconds, double(bytes) / (1024 * 1024), rssBefore, peakRss, p99, paintsPerSecond);

    for (const JobProcess *job : run->jobs())
        QCOMPARE(job->outcome().state, JobOutcome::State::TimedOut);
    // Eight 1 MiB tails per stream and the app itself: bounded, whatever was written.
    QVERIFY2(peakRss - rssBefore < 100 * 1024, qPrintable(QString::number(peakRss - rssBefore)));
    QVERIFY2(paintsPerSecond >= 10, qPrintable(QString::number(paintsPerSecond)));
    // The 50 ms goal is the benchmark's flood row, timed side by side; here
    // eight busy children share two cores with the test (p99 reached 50.6 ms
    // here once in five runs), so this bound only catches a window that
    // stops turning.
    QVERIFY2(p99 <= 200, qPrintable(QString::number(p99)));
    QVERIFY(bytes > 0);
}

namespace {

// Delivers a drag-enter, a drag-move and a drop at the centre of a widget,
// as the window system would for a real drag.
bool dropOn(QWidget *target, QMimeData *data)
{
    const QPointF at(target->width() / 2.0, target->height() / 2.0);
    QDragEnterEvent enter(at.toPoint(), Qt::CopyAction | Qt::MoveAction, data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QDragMoveEvent move(at.toPoint(), Qt::CopyAction | Qt::MoveAction, data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &move);
    if (!move.isAccepted())
        return false;
    QDropEvent drop(at, Qt::CopyAction | Qt::MoveAction, data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    return drop.isAccepted();
}

} // namespace

void TestMainWindow::presetDroppedOnTheTableRuns()
{
    const int row = m_window->presetModel()->rowOf(QStringLiteral("hello-child"));
    std::unique_ptr<QMimeData> data(m_window->presetModel()->mimeData({m_window->presetModel()->index(row)}));
    QVERIFY(dropOn(m_window->jobView()->viewport(), data.get()));
    QCOMPARE(m_window->engine()->runs().size(), 1);
    JobRun *run = m_window->engine()->runs().first();
    QCOMPARE(run->preset().id, QStringLiteral("hello-child"));
    QVERIFY(waitRun(run));
    QCOMPARE(run->jobs().first()->stdoutTail().tail(), QByteArray("Hello from the child!\n"));
}

void TestMainWindow::textDroppedOnTheTableRunsWithoutAShell()
{
    QMimeData data;
    data.setText(QStringLiteral("echo $HOME ; touch x"));
    QVERIFY(dropOn(m_window->jobView()->viewport(), &data));
    QCOMPARE(m_window->engine()->runs().size(), 1);
    JobRun *run = m_window->engine()->runs().first();
    QVERIFY(waitRun(run));
    QCOMPARE(run->jobs().first()->spec().stage.program, QStringLiteral("echo"));
    QCOMPARE(run->jobs().first()->stdoutTail().tail(), QByteArray("$HOME ; touch x\n"));
    QVERIFY(!run->preset().runsShell());
    // A row of the table itself dropped back on the table does nothing.
    std::unique_ptr<QMimeData> row(m_window->jobModel()->mimeData({m_window->jobModel()->indexOfJob(run, 0)}));
    QVERIFY(!dropOn(m_window->jobView()->viewport(), row.get()));
    QCOMPARE(m_window->engine()->runs().size(), 1);
}

void TestMainWindow::threeStageChainByDraggingSurvivesARestart()
{
    PresetListModel *presets = m_window->presetModel();
    StageList *stages = m_window->chainBuilder()->findChild<StageList *>();
    QVERIFY(stages);
    // Three drags from the palette: echo | md5sum (from chain-md5's stages, via a
    // user copy) is too indirect; use ad-hoc stages dragged as text and a preset.
    QMimeData first;
    first.setText(QStringLiteral("echo chained"));
    QVERIFY(dropOn(stages->viewport(), &first));
    QMimeData second;
    second.setText(QStringLiteral("tr a-z A-Z"));
    QVERIFY(dropOn(stages->viewport(), &second));
    Preset md5;
    md5.id = QStringLiteral("md5");
    md5.title = QStringLiteral("md5");
    StageSpec md5sum;
    md5sum.program = QStringLiteral("md5sum");
    md5.stages = {md5sum};
    const int md5Row = presets->insertUserPreset(-1, md5);
    std::unique_ptr<QMimeData> third(presets->mimeData({presets->index(md5Row)}));
    QVERIFY(dropOn(stages->viewport(), third.get()));
    presets->removeUserPreset(md5Row);

    ChainBuilder *builder = m_window->chainBuilder();
    QCOMPARE(builder->stages().size(), 3);
    QCOMPARE(builder->pipelineText(), QStringLiteral("echo chained | tr a-z A-Z | md5sum"));
    const Preset chain = builder->toPreset();
    JobRun *run = m_window->runPreset(chain);
    QVERIFY(waitRun(run));
    const QByteArray expected = QCryptographicHash::hash("CHAINED\n", QCryptographicHash::Md5).toHex() + "  -\n";
    QCOMPARE(run->job(0, 2)->stdoutTail().tail(), expected);

    m_window->presetPalette()->saveAsPreset(chain);
    const QString id = presets->userPresets().last().id;

    // A restart: a new window built from what is on disk.
    LaunchOptions options;
    QList<Preset> loaded;
    QString error;
    QVERIFY2(PresetCatalog::load(options.presetFiles, &loaded, &error), qPrintable(error));
    WindowUnderTest restarted(loaded);
    MainWindow &again = restarted.window;
    const int row = again.presetModel()->rowOf(id);
    QVERIFY(row >= 0);
    QCOMPARE(again.presetModel()->presetAt(row).stages.size(), 3);
    QVERIFY(again.presetModel()->isUserRow(row));
}

void TestMainWindow::tableRowDroppedOnThePaletteBecomesAPreset()
{
    JobRun *run = m_window->runPreset(QStringLiteral("openssl-encrypt"));
    QVERIFY(waitRun(run));
    std::unique_ptr<QMimeData> data(m_window->jobModel()->mimeData({m_window->jobModel()->indexOfJob(run, 1)}));
    QVERIFY(!data->text().contains(QStringLiteral("zf7ShyBhgZ0raQDdE"))); // drag text carries no secret
    PresetListModel *presets = m_window->presetModel();
    const int before = presets->rowCount();
    QVERIFY(presets->dropMimeData(data.get(), Qt::CopyAction, -1, 0, {}));
    QCOMPARE(presets->rowCount(), before + 1);
    const Preset saved = presets->userPresets().last();
    QCOMPARE(saved.stages.first().program, QStringLiteral("openssl"));
    QCOMPARE(saved.stages.first().env.first().name, QStringLiteral("password"));
    QVERIFY(saved.stages.first().env.first().secret); // kept, and still marked secret
    QCOMPARE(saved.stdinSpec.kind, StdinSpec::Kind::RandomBytes);
    // The palette never shows the secret.
    const QModelIndex index = presets->index(presets->rowOf(saved.id));
    QVERIFY(!index.data(Qt::ToolTipRole).toString().contains(QStringLiteral("zf7ShyBhgZ0raQDdE")));
    QVERIFY(!index.data().toString().contains(QStringLiteral("zf7ShyBhgZ0raQDdE")));
    // And it was saved.
    QCOMPARE(PresetStore().load().presets.size(), 1);
}

void TestMainWindow::deleteHasUndo()
{
    PresetListModel *presets = m_window->presetModel();
    const int seed = presets->rowOf(QStringLiteral("hello-child"));
    PresetPalette *palette = m_window->presetPalette();
    m_window->presetView()->setCurrentIndex(presets->index(seed));
    palette->deleteSelected();
    QCOMPARE(presets->rowOf(QStringLiteral("hello-child")), seed); // seeds stay
    palette->duplicateSelected();
    const QString copy = presets->userPresets().last().id;
    QCOMPARE(PresetStore().load().presets.size(), 1);
    palette->deleteSelected();
    QCOMPARE(presets->rowOf(copy), -1);
    QCOMPARE(PresetStore().load().presets.size(), 0);
    // Edit → Undo names what it undoes.
    QAction *undo = palette->undoAction();
    QVERIFY(undo->isEnabled());
    QVERIFY2(undo->text().remove(QLatin1Char('&')).startsWith(QStringLiteral("Undo Delete")), qPrintable(undo->text()));
    undo->trigger();
    QVERIFY(presets->rowOf(copy) >= 0);
    QCOMPARE(PresetStore().load().presets.size(), 1);
}

void TestMainWindow::importShowsFirstAndKeepsPresetsOnBadFiles()
{
    PresetPalette *palette = m_window->presetPalette();
    palette->setConfirmImports(false);
    QTemporaryDir dir;
    const QString good = dir.filePath("good.json");
    Preset shell;
    shell.id = QStringLiteral("count");
    shell.title = QStringLiteral("Count");
    StageSpec sh;
    sh.program = QStringLiteral("/bin/sh");
    sh.args = {QStringLiteral("-c"), QStringLiteral("ls | wc -l")};
    shell.stages = {sh};
    QString error;
    QVERIFY(PresetFile::save(good, {shell}, &error));
    QVERIFY(palette->importPresetsFrom(good));
    QVERIFY(m_window->engine()->runs().isEmpty()); // nothing runs on import
    const int row = m_window->presetModel()->rowOf(QStringLiteral("count"));
    QVERIFY(row >= 0);
    QVERIFY(m_window->presetModel()->index(row).data().toString().contains(QStringLiteral("[shell]")));
    const QByteArray saved = [] {
        QFile file(PresetStore::defaultPath());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    QVERIFY(saved.contains("\"count\""));

    const QString bad = dir.filePath("bad.json");
    QFile file(bad);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"version\": 1, \"presets\": [{\"id\": \"x\"");
    file.close();
    QVERIFY(!palette->importPresetsFrom(bad));
    QVERIFY(m_window->statusBar()->currentMessage().contains(bad));
    QFile again(PresetStore::defaultPath());
    QVERIFY(again.open(QIODevice::ReadOnly));
    QCOMPARE(again.readAll(), saved);
}

void TestMainWindow::editorFlagsProblemsWhereTyped()
{
    // openssl-encrypt: a secret and random stdin
    const QList<Preset> builtIns = PresetFile::builtIns();
    const auto found = std::find_if(builtIns.cbegin(), builtIns.cend(),
                                    [](const Preset &p) { return p.id == QLatin1String("openssl-encrypt"); });
    QVERIFY(found != builtIns.cend());
    Preset preset = *found;
    PresetEditor editor(preset);
    QVERIFY(editor.isValid());
    QCOMPARE(editor.preset().stages, preset.stages);
    QCOMPARE(editor.preset().stdinSpec, preset.stdinSpec);
    QCOMPARE(editor.preset().copies, 3);
    editor.programEdit()->setText(QString());
    QVERIFY(!editor.isValid());
    QVERIFY(editor.problems().join(' ').contains(QStringLiteral("needs a program")));
    editor.programEdit()->setText(QStringLiteral("openssl"));
    QVERIFY(editor.isValid());
    editor.stdinEdit()->setText(QStringLiteral("ten"));
    QVERIFY(!editor.isValid());
    QVERIFY(editor.problems().join(' ').contains(QStringLiteral("Random bytes")));
}

void TestMainWindow::anUnreadablePresetsFileIsNeverOverwritten()
{
    QDir().mkpath(QFileInfo(PresetStore::defaultPath()).absolutePath());
    QFile file(PresetStore::defaultPath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"version\": 1, \"presets\": [ {\"id\": \"half-writ");
    file.close();
    LaunchOptions options;
    QList<Preset> presets;
    QString error;
    QString problem;
    QVERIFY(!PresetCatalog::load(options.presetFiles, &presets, &error)); // headless: refuse, with the reason
    QVERIFY(error.contains(PresetStore::defaultPath()));
    QVERIFY(PresetCatalog::load(options.presetFiles, &presets, &error, &problem)); // the window: start anyway...
    QVERIFY(problem.contains(QStringLiteral("not valid JSON")));
    WindowUnderTest opened(presets);
    MainWindow &window = opened.window;
    window.protectUnreadablePresets(problem);
    window.presetView()->setCurrentIndex(window.presetModel()->index(0));
    window.presetPalette()->duplicateSelected(); // ...but never save over the file
    QFile again(PresetStore::defaultPath());
    QVERIFY(again.open(QIODevice::ReadOnly));
    QCOMPARE(again.readAll(), QByteArray("{\"version\": 1, \"presets\": [ {\"id\": \"half-writ"));
}

// "Run this Python (watched)": the seed's own code, run by python3 under
// watch, fed on stdin so the password in the chain's code never shows in argv.
void TestMainWindow::codeTabRunsItsPythonWatched()
{
    useSpawnscopeAsTracer();
    QListView *view = m_window->presetView();
    view->setCurrentIndex(m_window->presetModel()->index(m_window->presetModel()->rowOf(QStringLiteral("chain-md5"))));
    auto *button = m_window->codePanel()->findChild<QPushButton *>(QStringLiteral("runPython"));
    QVERIFY(button);
    const int before = int(m_window->engine()->runs().size());
    button->click();
    QCOMPARE(int(m_window->engine()->runs().size()), before + 1);
    JobRun *run = m_window->engine()->runs().last();
    const Preset &preset = run->preset();
    QVERIFY(preset.watch);
    QCOMPARE(preset.stages.first().program, QStringLiteral("python3"));
    QCOMPARE(preset.stages.first().args, QStringList{QStringLiteral("-")});
    QVERIFY(preset.stdinSpec.data.contains("md5sum"));
    QVERIFY(preset.title.contains(QStringLiteral("openssl | md5sum")));
    const QList<Preset> builtIns = PresetFile::builtIns(); // kept: the loop reads into it
    // The password is in neither the command nor the code the run keeps: the
    // code reads it from python3's environment, where it is a secret.
    for (const EnvVar &var : builtIns.at(m_window->presetModel()->rowOf(QStringLiteral("chain-md5"))).stages.first().env) {
        QVERIFY(!preset.commandLine().contains(var.value));
        QVERIFY(!preset.stdinSpec.data.contains(var.value.toUtf8()));
        QVERIFY(!preset.python.contains(var.value));
    }
    QCOMPARE(preset.stages.first().env.size(), 1);
    QVERIFY(preset.stages.first().env.first().secret);
    QVERIFY(waitRun(run, 20000));
    QVERIFY2(run->jobs().first()->outcome().exitCode == 0, run->jobs().first()->stderrTail().tail().constData());
}

void TestMainWindow::timelineAndCodeFollowTheSelection()
{
    QListView *view = m_window->presetView();
    const int row = m_window->presetModel()->rowOf(QStringLiteral("timeout-kill"));
    view->setCurrentIndex(m_window->presetModel()->index(row));
    // The Code tab shows the selected preset.
    QVERIFY(m_window->codePanel()->hasPreset());
    QVERIFY(m_window->codePanel()->pythonCode().contains(QStringLiteral("timeout=0.1")));

    QVERIFY(m_window->showPanel(QStringLiteral("timeline")));
    JobRun *run = m_window->runPreset(QStringLiteral("timeout-kill"));
    QVERIFY(run);
    // Running from the timeline keeps the timeline in front.
    QVERIFY(m_window->panelWidget(QStringLiteral("timeline"))->isVisible());
    QVERIFY(!m_window->panelWidget(QStringLiteral("processes"))->isVisible());
    QVERIFY(waitRun(run));
    const TimelineModel *timeline = m_window->timelineModel();
    QCOMPARE(timeline->groupCount(), 1);
    const TimelineLane &lane = timeline->group(0).lanes.first();
    QCOMPARE(lane.termMs, run->jobs().first()->termSentMs());
    QVERIFY(lane.termMs >= 95);

    // Selecting a job shows its run's preset in the Code tab.
    m_window->codePanel()->clear();
    m_window->selectRun(run, 0);
    QVERIFY(m_window->codePanel()->hasPreset());
    QVERIFY(m_window->codePanel()->cppCode().contains(QStringLiteral("terminate()")));

    m_window->engine()->clearFinished();
    QCOMPARE(timeline->groupCount(), 0);
}

void TestMainWindow::panelScreenshotsHaveThePanelsSize()
{
    m_window->resize(1100, 720);
    for (const char *name : {"processes", "timeline", "threads", "code"}) {
        QVERIFY2(m_window->showPanel(QString::fromLatin1(name)), name);
        QWidget *panel = m_window->panelWidget(QString::fromLatin1(name));
        QVERIFY(panel && panel->isVisible());
        const QImage image = m_window->screenshot(true);
        QCOMPARE(image.size(), panel->size() * panel->devicePixelRatio());
    }
    QCOMPARE(m_window->screenshot(false).size(), m_window->size() * m_window->devicePixelRatio());
    QVERIFY(!m_window->showPanel(QStringLiteral("gantt")));
}

void TestMainWindow::timelineZoomsPansAndFits()
{
    m_window->resize(1200, 800);
    QVERIFY(m_window->showPanel(QStringLiteral("timeline")));
    QSignalSpy modelChanged(m_window->timelineModel(), &TimelineModel::changed);
    JobRun *run = m_window->runPreset(QStringLiteral("fanout-sleep"));
    QVERIFY(run);
    // The model tells its views of the last exit at most 33 ms after the run
    // ends: the fit under test is the one that follows that notice.
    qsizetype changesAtEnd = -1;
    QObject whileHere; // ends the connection with this function
    connect(run, &JobRun::finished, &whileHere, [&] { changesAtEnd = modelChanged.count(); });
    QVERIFY(waitRun(run));
    QVERIFY(changesAtEnd >= 0);
    QTRY_VERIFY(modelChanged.count() > changesAtEnd);
    TimelineView *view = m_window->timelinePanel()->view();
    QTRY_VERIFY(view->extentMs() >= 100);
    QVERIFY(view->isFitting());
    const double fitted = view->pixelsPerMs();
    QVERIFY(fitted > 0);

    view->setFocus();
    QTest::keyClick(view, Qt::Key_Plus);
    QVERIFY(!view->isFitting());
    QVERIFY(view->pixelsPerMs() > fitted * 1.2);
    QVERIFY(view->horizontalScrollBar()->maximum() > 0); // zoomed in: there is somewhere to pan
    view->horizontalScrollBar()->setValue(view->horizontalScrollBar()->maximum());

    // Zooming out past the whole picture snaps back to Fit, and follows again.
    for (int i = 0; i < 10; ++i)
        QTest::keyClick(view, Qt::Key_Minus);
    QVERIFY(view->isFitting());
    QCOMPARE(view->pixelsPerMs(), fitted);
    QTest::keyClick(view, Qt::Key_Plus);
    QTest::keyClick(view, Qt::Key_0);
    QVERIFY(view->isFitting());
    QCOMPARE(view->horizontalScrollBar()->value(), 0);
}

void TestMainWindow::timelineFitsTheRunSelectedInTheTable()
{
    JobRun *longer = m_window->runPreset(helperPreset({QStringLiteral("sleep"), QStringLiteral("1")}));
    JobRun *shorter = m_window->runPreset(helperPreset({QStringLiteral("sleep"), QStringLiteral("0.05")}));
    QVERIFY(waitRun(longer) && waitRun(shorter));
    const double longerEnd = longer->jobs().first()->finishedMs();
    const double shorterEnd = shorter->jobs().first()->finishedMs();
    QVERIFY(shorterEnd < longerEnd);
    QVERIFY(m_window->showPanel(QStringLiteral("timeline")));
    TimelineView *view = m_window->timelinePanel()->view();

    // Starting a run selected its row in the table; the timeline follows.
    QCOMPARE(view->selectedRunId(), shorter->id());
    QCOMPARE(view->selectedJobIndex(), -1);
    view->fit();
    QVERIFY2(view->visibleMs().second >= shorterEnd && view->visibleMs().second < shorterEnd * 1.05,
             qPrintable(QStringLiteral("%1 for %2").arg(view->visibleMs().second).arg(shorterEnd)));

    // Another row in the table: Fit follows it to the other run.
    m_window->selectRun(longer, 0);
    QCOMPARE(view->selectedRunId(), longer->id());
    QCOMPARE(view->selectedJobIndex(), 0);
    QCOMPARE(view->fitMode(), TimelineView::FitMode::SelectedRun);
    QVERIFY(view->visibleMs().second >= longerEnd && view->visibleMs().second < longerEnd * 1.05);
}

void TestMainWindow::statusBarCountsRunningChildren()
{
    // The permanent label at the right of the status bar, as the user reads it.
    QLabel *counts = nullptr;
    for (QLabel *label : m_window->statusBar()->findChildren<QLabel *>()) {
        if (label->text().contains(QStringLiteral("in the table")))
            counts = label;
    }
    QVERIFY(counts);
    QCOMPARE(counts->text(), QStringLiteral("0 running · 0 in the table"));
    JobRun *run = m_window->runPreset(helperPreset({QStringLiteral("sleep"), QStringLiteral("2")}));
    QVERIFY(run);
    QTRY_COMPARE(counts->text(), QStringLiteral("1 running · 1 in the table"));
    QVERIFY(run->isActive()); // seen while the child still ran, not after
    QVERIFY(waitRun(run));
    QTRY_COMPARE(counts->text(), QStringLiteral("0 running · 1 in the table"));
}

void TestMainWindow::everyPaletteEditCanBeUndone()
{
    PresetListModel *presets = m_window->presetModel();
    PresetPalette *palette = m_window->presetPalette();
    QUndoStack *undo = palette->undoStack();
    const auto ids = [presets] {
        QStringList list;
        for (const Preset &preset : presets->userPresets())
            list << preset.id;
        return list;
    };
    const auto saved = [] {
        QStringList list;
        for (const Preset &preset : PresetStore().load().presets)
            list << preset.id;
        return list;
    };

    // Save as preset, twice, then a duplicate of the second.
    Preset one = helperPreset({QStringLiteral("exit"), QStringLiteral("0")});
    one.id = QStringLiteral("one");
    palette->saveAsPreset(one);
    Preset two = one;
    two.id = QStringLiteral("two");
    palette->saveAsPreset(two);
    palette->duplicateSelected();
    QCOMPARE(ids(), (QStringList{"one", "two", "two-2"}));
    // Move "two-2" up, above "two".
    palette->moveSelected(-1);
    QCOMPARE(ids(), (QStringList{"one", "two-2", "two"}));
    // An edit of a user preset (what the editor's OK pushes).
    Preset renamed = presets->presetAt(presets->rowOf(QStringLiteral("one")));
    renamed.title = QStringLiteral("Renamed");
    undo->push(new EditPresetCommand(presets, palette->view(), presets->rowOf(QStringLiteral("one")),
                                     presets->presetAt(presets->rowOf(QStringLiteral("one"))), renamed,
                                     QStringLiteral("edit")));
    QCOMPARE(presets->presetAt(presets->rowOf(QStringLiteral("one"))).title, QStringLiteral("Renamed"));
    // A drag inside the list that the model carries out by itself.
    QVERIFY(presets->moveRows({}, presets->rowOf(QStringLiteral("two")), 1, {}, presets->firstUserRow()));
    QCOMPARE(ids(), (QStringList{"two", "one", "two-2"}));
    // An import of one file is one step.
    QTemporaryDir dir;
    Preset a = one, b = one;
    a.id = QStringLiteral("imported-a");
    b.id = QStringLiteral("imported-b");
    QString error;
    QVERIFY(PresetFile::save(dir.filePath("in.json"), {a, b}, &error));
    palette->setConfirmImports(false);
    QVERIFY(palette->importPresetsFrom(dir.filePath("in.json")));
    // A delete.
    palette->selectPreset(QStringLiteral("two-2"));
    palette->deleteSelected();
    const QStringList last{"two", "one", "imported-a", "imported-b"};
    QCOMPARE(ids(), last);
    QCOMPARE(saved(), last);

    // Each undo takes back exactly one edit, and the saved file follows.
    const QList<QStringList> before{
        {"two", "one", "two-2", "imported-a", "imported-b"}, // delete undone
        {"two", "one", "two-2"},                             // import undone
        {"one", "two-2", "two"},                             // drag undone
        {"one", "two-2", "two"},                             // edit undone (same order)
        {"one", "two", "two-2"},                             // move undone
        {"one", "two"},                                      // duplicate undone
        {"one"},                                             // save-as undone
        {},                                                  // save-as undone
    };
    for (const QStringList &expected : before) {
        QVERIFY(undo->canUndo());
        undo->undo();
        QCOMPARE(ids(), expected);
        QCOMPARE(saved(), expected);
        // The edit is the fifth step: applied above it, undone below.
        if (presets->rowOf(QStringLiteral("one")) >= 0)
            QCOMPARE(presets->presetAt(presets->rowOf(QStringLiteral("one"))).title,
                     undo->index() >= 5 ? QStringLiteral("Renamed") : one.title);
    }
    QVERIFY(!undo->canUndo());
    // And redo replays all of it.
    while (undo->canRedo())
        undo->redo();
    QCOMPARE(ids(), last);
    QCOMPARE(presets->presetAt(presets->rowOf(QStringLiteral("one"))).title, QStringLiteral("Renamed"));
    // Edit → Undo and Redo are the stack's, with the standard keys.
    QCOMPARE(palette->undoAction()->shortcut(), QKeySequence(QKeySequence::Undo));
    QCOMPARE(palette->redoAction()->shortcut(), QKeySequence(QKeySequence::Redo));
}

void TestMainWindow::failedExportsAreLogged()
{
    RunExporter *exporter = m_window->exporter();
    exporter->setShowDialogs(false);
    JobRun *run = m_window->runPreset(QStringLiteral("hello-child"));
    QVERIFY(waitRun(run));
    QTemporaryDir dir;
    const QString good = dir.filePath(QStringLiteral("joblog.tsv"));
    QVERIFY(exporter->exportRuns(RunExporter::Format::JoblogTsv, good));
    QVERIFY(QFileInfo(good).size() > 0);
    QVERIFY(m_window->statusBar()->currentMessage().contains(good));

    const QString bad = dir.filePath(QStringLiteral("no/such/dir/joblog.tsv"));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^Export failed: .*no/such/dir")));
    QVERIFY(!exporter->exportRuns(RunExporter::Format::Trace, bad));
    QVERIFY(m_window->statusBar()->currentMessage().startsWith(QStringLiteral("Export failed")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^Screenshot not saved: .*no/such/dir")));
    QVERIFY(!exporter->saveScreenshot(true, dir.filePath(QStringLiteral("no/such/dir/x.png"))));
    const QString shot = dir.filePath(QStringLiteral("x.png"));
    QVERIFY(exporter->saveScreenshot(true, shot));
    QCOMPARE(QImage(shot).size(), m_window->screenshot(true).size());
}


namespace {

QAction *columnAction(JobTableView *view, int column)
{
    view->refreshColumnMenu();
    for (QAction *action : view->columnMenu()->actions()) {
        if (action->data().toInt() == column)
            return action;
    }
    return nullptr;
}

// Starts the helper in one job and waits until it runs and the window has it selected.
JobRun *startHelper(MainWindow *window, const QStringList &args)
{
    JobRun *run = window->runPreset(helperPreset(args));
    if (!run || !QTest::qWaitFor([run] { return run->jobs().first()->outcome().state == JobOutcome::State::Running; }, 5000))
        return nullptr;
    window->selectRun(run, 0);
    return run;
}

QString stateText(MainWindow *window, JobRun *run)
{
    return window->jobModel()->indexOfJob(run, 0, JobTreeModel::StateColumn).data().toString();
}

} // namespace

void TestMainWindow::columnChooserHidesShowsAndRemembers()
{
    QHeaderView *header = m_window->jobView()->header();
    // The defaults: CPU % and memory shown, the rest of the monitor one click away.
    QVERIFY(!header->isSectionHidden(JobTreeModel::CpuColumn));
    QVERIFY(!header->isSectionHidden(JobTreeModel::RssColumn));
    for (int column : {JobTreeModel::CpuTimeColumn, JobTreeModel::PeakRssColumn, JobTreeModel::ThreadsColumn,
                       JobTreeModel::ReadColumn, JobTreeModel::WriteColumn})
        QVERIFY(header->isSectionHidden(column));
    QAction *name = columnAction(m_window->jobView(), JobTreeModel::NameColumn);
    QVERIFY(name && name->isChecked() && !name->isEnabled());

    QAction *threads = columnAction(m_window->jobView(), JobTreeModel::ThreadsColumn);
    QVERIFY(threads);
    QCOMPARE(threads->text(), QStringLiteral("Threads"));
    QVERIFY(!threads->isChecked());
    threads->trigger();
    QVERIFY(!header->isSectionHidden(JobTreeModel::ThreadsColumn));
    QVERIFY(header->sectionSize(JobTreeModel::ThreadsColumn) > 20);
    columnAction(m_window->jobView(), JobTreeModel::CpuColumn)->trigger();
    QVERIFY(header->isSectionHidden(JobTreeModel::CpuColumn));
    QVERIFY(!columnAction(m_window->jobView(), JobTreeModel::CpuColumn)->isChecked());

    // A new window (a restart) shows what the user chose.
    QVERIFY(m_window->close());
    m_fixture = std::make_unique<WindowUnderTest>(PresetFile::builtIns());
    m_window = &m_fixture->window;
    m_window->setConfirmQuit(false);
    header = m_window->jobView()->header();
    QVERIFY(!header->isSectionHidden(JobTreeModel::ThreadsColumn));
    QVERIFY(header->isSectionHidden(JobTreeModel::CpuColumn));
    QSettings().remove(SettingsKeys::JobColumns); // the next tests start from the defaults
}

namespace {

// From the first child's start to the last one's, as the engine recorded them.
double startSpreadMs(const JobRun *run)
{
    double first = std::numeric_limits<double>::max();
    double last = 0;
    for (const JobProcess *job : run->jobs()) {
        first = std::min(first, job->startedMs());
        last = std::max(last, job->startedMs());
    }
    return last - first;
}

// The same run started by an engine with no window, as the headless runner
// starts it: what this machine's starts cost right now; -1 if it failed.
double bareEngineSpreadMs(const Preset &preset)
{
    JobEngine engine;
    JobRun *run = engine.start(preset);
    return waitRun(run) && run->failedCount() == 0 ? startSpreadMs(run) : -1;
}

} // namespace

void TestMainWindow::fanOutStartsTogether_data()
{
    QTest::addColumn<int>("copies");
    QTest::newRow("the seed's ten sleeps") << 10;
    QTest::newRow("64 sleeps") << JobEngine::SmallFanOut;
}

void TestMainWindow::fanOutStartsTogether()
{
    // Issue 23: the window started the seed's ten sleeps over 70-136 ms,
    // some shown as queued, and they no longer ended together near 0.1 s.
    QFETCH(int, copies);
    Preset preset = m_window->presetModel()->presetAt(m_window->presetModel()->rowOf(QStringLiteral("fanout-sleep")));
    preset.copies = copies;
    // The window's default limit (the test's settings may remember another).
    m_window->setMaxParallel(JobEngine::defaultMaxParallel());
    const double bareBefore = bareEngineSpreadMs(preset);
    QVERIFY(bareBefore >= 0);

    JobRun *run = m_window->runPreset(preset);
    QVERIFY(run);
    // Every child was started before the window's event loop took a turn
    // (and painted), none of them queued.
    QCOMPARE(m_window->engine()->queuedCopies(), 0);
    QCOMPARE(m_window->engine()->runningCount(), copies);
    QVERIFY(waitRun(run));
    QCOMPARE(run->failedCount(), 0);
    const double spread = startSpreadMs(run);

    // The same run without the window, just before and just after: what
    // this machine's starts cost right then.
    const double bare = std::max(bareBefore, bareEngineSpreadMs(preset));
    qInfo("%d sleeps: the window started them over %.1f ms (group wall %.1f ms), an engine alone over %.1f ms",
          copies, spread, run->wallMs(), bare);
    // Within 15 ms of the first, beyond what the starts themselves take:
    // those are the kernel's (64 starts of sleep take over 30 ms on an idle
    // 2-core VM, some 300 ms on a busy one), and a busy machine's vary by a
    // quarter from run to run. A paint between the starts adds 30-60 ms.
#if defined(__SANITIZE_ADDRESS__)
    const double windowMs = 45;
#else
    const double windowMs = 15;
#endif
    const double allowedMs = windowMs + 1.25 * bare;
    QVERIFY2(spread <= allowedMs, qPrintable(QStringLiteral("the %1 children started over %2 ms, more than %3 ms")
                                                 .arg(copies)
                                                 .arg(spread, 0, 'f', 1)
                                                 .arg(allowedMs, 0, 'f', 1)));
}

// A paused job reads "paused" in its row, its group's row, the detail
// header and the Overview alike: one function says it for all of them.
void TestMainWindow::onePausedStateEverywhere()
{
    JobRun *run = startHelper(m_window, {QStringLiteral("sleep"), QStringLiteral("5")});
    QVERIFY(run);
    m_window->jobControl()->pauseAction()->trigger();
    QTRY_COMPARE(stateText(m_window, run), QStringLiteral("paused"));
    const QModelIndex group = m_window->jobModel()->indexOfRun(run, JobTreeModel::StateColumn);
    // A run of one job reads as its job.
    QTRY_COMPARE(group.data().toString(), QStringLiteral("paused"));
    JobDetailPane *pane = m_window->detailPane();
    m_window->selectRun(run, 0);
    pane->refresh();
    QVERIFY2(pane->headerText().contains(QStringLiteral("Paused:")), qPrintable(pane->headerText()));
    QVERIFY2(!pane->headerText().contains(QStringLiteral("Running.")), qPrintable(pane->headerText()));
    QVERIFY2(pane->overviewText().contains(QStringLiteral("State:  paused")), qPrintable(pane->overviewText()));
    m_window->selectRun(run);
    pane->refresh();
    QVERIFY2(pane->headerText().contains(QStringLiteral(": paused — ")), qPrintable(pane->headerText()));
    run->jobs().first()->kill();
    QVERIFY(waitRun(run, 5000));
    // Ended before its first sample: it says so, not "yet".
    m_window->selectRun(run, 0);
    pane->refresh();
    QVERIFY2(!pane->overviewText().contains(QStringLiteral("not measured yet")), qPrintable(pane->overviewText()));
}

void TestMainWindow::stopReadsStoppedAndKillReadsKilled()
{
    JobRun *stopped = startHelper(m_window, {QStringLiteral("sleep"), QStringLiteral("30")});
    QVERIFY(stopped);
    stopped->jobs().first()->stop();
    QVERIFY(waitRun(stopped, 5000));
    QTRY_COMPARE(stateText(m_window, stopped), QStringLiteral("stopped"));
    QTRY_COMPARE(m_window->jobModel()->indexOfRun(stopped, JobTreeModel::StateColumn).data().toString(),
                 QStringLiteral("stopped"));

    JobRun *killed = startHelper(m_window, {QStringLiteral("sleep"), QStringLiteral("30")});
    QVERIFY(killed);
    killed->jobs().first()->kill();
    QVERIFY(waitRun(killed, 5000));
    QTRY_COMPARE(stateText(m_window, killed), QStringLiteral("killed"));
    QTRY_COMPARE(m_window->jobModel()->indexOfRun(killed, JobTreeModel::StateColumn).data().toString(),
                 QStringLiteral("killed"));
}

void TestMainWindow::startFailureSaysSoInTheStatusBar()
{
    m_window->commandEdit()->setText(QStringLiteral("no-such-program-spawnscope --flag"));
    m_window->shellCheck()->setChecked(false);
    JobRun *run = m_window->runCommand();
    QVERIFY(run);
    QVERIFY(waitRun(run, 5000));
    const QString message = m_window->statusBar()->currentMessage();
    QVERIFY2(message.startsWith(QStringLiteral("Could not start no-such-program-spawnscope")), qPrintable(message));
    QVERIFY(run->nothingRan());
    m_window->selectRun(run);
    m_window->detailPane()->refresh();
    const QString overview = m_window->detailPane()->overviewText();
    QVERIFY2(!overview.contains(QStringLiteral("×0.")), qPrintable(overview));
    QVERIFY2(overview.contains(QStringLiteral("Nothing ran")), qPrintable(overview));
}

// "Watch its family from now on" in the Machine tab: an attached run whose
// row is the program (its pid, not the tracer's), opened from the Machine
// tab by its pid, and let go by Stop with the program still running.
void TestMainWindow::machineTabWatchesARunningFamily()
{
    TraceProtocol::setTracerProgram(QStringLiteral(SPAWNSCOPE_PATH));
    QProcess program;
    program.setProcessChannelMode(QProcess::MergedChannels);
    program.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), QStringLiteral("sleep 30 & wait")});
    QVERIFY(program.waitForStarted());
    const qint64 pid = program.processId();
    JobRun *run = m_window->machineLink()->watch(pid);
    QVERIFY(run);
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("Watching process %1").arg(pid)),
             qPrintable(m_window->statusBar()->currentMessage()));
    JobProcess *job = run->jobs().first();
    QTRY_VERIFY(job->family().members().size() >= 2); // the shell and the sleep it already had
    QList<qint64> family;
    for (const ProcessFamily::Member &member : job->family().members())
        family << member.pid;
    const QModelIndex pidCell = m_window->jobModel()->indexOfJob(run, 0, JobTreeModel::PidColumn);
    QTRY_COMPARE(pidCell.data().toLongLong(), pid);
    QVERIFY(job->pid() != pid); // the child the engine started is the tracer

    m_window->showPanel(QStringLiteral("machine"));
    QVERIFY(m_window->machineLink()->showJob(pid));
    QCOMPARE(m_window->detailPane()->job(), job);

    job->stop();
    QVERIFY(waitRun(run));
    QCOMPARE(JobFormat::jobState(job), QStringLiteral("let go, still running"));
    QVERIFY(JobFormat::jobExplanation(job).contains(QStringLiteral("keep running")));
    QCOMPARE(program.state(), QProcess::Running);
    for (qint64 member : std::as_const(family))
        ::kill(pid_t(member), SIGKILL);
    QVERIFY(program.waitForFinished(5000));
}

void TestMainWindow::machineTabSaysWhyAWatchIsRefused()
{
    QVERIFY(!m_window->machineLink()->watch(QCoreApplication::applicationPid()));
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("SpawnScope itself")),
             qPrintable(m_window->statusBar()->currentMessage()));
    QVERIFY(m_window->engine()->runs().isEmpty());
    QVERIFY(!m_window->machineLink()->showJob(QCoreApplication::applicationPid()));
}

// At 1280×800 the table's default columns fit without scrolling sideways,
// and a fan-out's Σ and parallelism, its lesson, fit in their cell.
void TestMainWindow::defaultColumnsFitAt1280()
{
    QSettings().remove(SettingsKeys::JobColumns);
    m_window->resize(1280, 800);
    // Enough rows for a vertical scroll bar, which takes its width too.
    JobRun *run = nullptr;
    for (int i = 0; i < 3; ++i) {
        run = m_window->runPreset(QStringLiteral("fanout-sleep"));
        QVERIFY(waitRun(run));
    }
    QTreeView *view = m_window->jobView();
    QTRY_VERIFY(view->verticalScrollBar()->isVisible());
    QTRY_COMPARE(view->horizontalScrollBar()->maximum(), 0);
    const QModelIndex spread = m_window->jobModel()->indexOfRun(run, JobTreeModel::LastLineColumn);
    QTRY_VERIFY(spread.data().toString().startsWith(QStringLiteral("Σ ")));
    QFont bold = view->font();
    bold.setBold(true);
    const int needed = QFontMetrics(bold).horizontalAdvance(spread.data().toString());
    QVERIFY2(view->header()->sectionSize(JobTreeModel::LastLineColumn) >= needed,
             qPrintable(QStringLiteral("%1 < %2").arg(view->header()->sectionSize(JobTreeModel::LastLineColumn)).arg(needed)));
    // The group's name and command are not cut either.
    for (int column : {int(JobTreeModel::NameColumn), int(JobTreeModel::CommandColumn), int(JobTreeModel::StateColumn)}) {
        const QString text = m_window->jobModel()->indexOfRun(run, column).data().toString();
        const int indent = column == JobTreeModel::NameColumn ? view->indentation() : 0;
        QVERIFY2(QFontMetrics(bold).horizontalAdvance(text) + indent <= view->header()->sectionSize(column),
                 qPrintable(text));
    }
}

// A 5,000-character command does not push the tabs down: the header is one
// line, elided, with the whole text in its tooltip and in the Overview.
void TestMainWindow::longHeaderIsOneElidedLine()
{
    m_window->resize(1280, 800);
    JobRun *shortRun = m_window->runPreset(QStringLiteral("hello-child"));
    QVERIFY(waitRun(shortRun));
    m_window->selectRun(shortRun, 0);
    JobDetailPane *pane = m_window->detailPane();
    pane->refresh();
    QCoreApplication::processEvents();
    QTabWidget *tabs = pane->findChild<QTabWidget *>();
    QVERIFY(tabs);
    const int tabsY = tabs->mapTo(pane, QPoint(0, 0)).y();

    const QString word = QStringLiteral("x").repeated(60);
    QStringList words;
    for (int i = 0; i < 80; ++i)
        words << word;
    QString error;
    Preset preset = Preset::fromCommand(QStringLiteral("true ") + words.join(QLatin1Char(' ')), false, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    preset.title = words.join(QLatin1Char(' '));
    JobRun *longRun = m_window->runPreset(preset);
    QVERIFY(waitRun(longRun));
    m_window->selectRun(longRun, 0);
    pane->refresh();
    QCoreApplication::processEvents();
    QCOMPARE(tabs->mapTo(pane, QPoint(0, 0)).y(), tabsY);
    QVERIFY(pane->header()->isElided());
    QVERIFY(pane->header()->toolTip().contains(preset.title));
    QVERIFY(pane->overviewText().startsWith(preset.title));
    // It opens at the top, on its Command: lines.
    QPlainTextEdit *overview = pane->overviewView();
    QCOMPARE(overview->verticalScrollBar()->value(), 0);
    // The long command wraps under its value, not back at column 0.
    const QStringList shown = overview->toPlainText().split(QLatin1Char('\n'));
    const qsizetype command = shown.indexOf(QRegularExpression(QStringLiteral("Command:  true .*")));
    QVERIFY2(command >= 0, qPrintable(shown.filter(QStringLiteral("Command")).join(QLatin1Char('\n'))));
    QVERIFY2(shown.at(command + 1).startsWith(QStringLiteral("          x")), qPrintable(shown.at(command + 1)));
    // Every line fits the view: nothing is cut at the right edge.
    QCOMPARE(overview->horizontalScrollBar()->maximum(), 0);
    const QFontMetricsF metrics(overview->font());
    for (const QString &line : shown)
        QVERIFY2(metrics.horizontalAdvance(line) <= overview->viewport()->width(), qPrintable(line));
}

void TestMainWindow::pauseAndResumeFromTheWindow()
{
    JobRun *run = startHelper(m_window, {QStringLiteral("sleep"), QStringLiteral("5")});
    QVERIFY(run);
    JobProcess *job = run->jobs().first();
    const QString pid = QString::number(job->pid());
    JobControl *control = m_window->jobControl();
    QVERIFY(control->pauseAction()->isEnabled());
    QVERIFY(!control->resumeAction()->isEnabled());

    control->pauseAction()->trigger();
    QTRY_COMPARE(stateText(m_window, run), QStringLiteral("paused"));
    QVERIFY(m_window->jobModel()->indexOfJob(run, 0).data(JobTreeModel::PausedRole).toBool());
    QString message = m_window->statusBar()->currentMessage();
    QVERIFY2(message.contains(QStringLiteral("Paused")) && message.contains(pid), qPrintable(message));
    QVERIFY(control->resumeAction()->isEnabled());
    QVERIFY(!control->pauseAction()->isEnabled());
    QTest::qWait(150); // stays paused a while: a stretch of pause is under test, no event marks it

    control->resumeAction()->trigger();
    QTRY_COMPARE(stateText(m_window, run), QStringLiteral("running"));
    message = m_window->statusBar()->currentMessage();
    QVERIFY2(message.contains(QStringLiteral("Resumed")) && message.contains(pid), qPrintable(message));

    // The timeline has the stretch, closed, about as long as the pause.
    const TimelineModel *timeline = m_window->timelineModel();
    QTRY_COMPARE(timeline->group(0).lanes.first().paused.size(), 1);
    const TimelineLane::Segment stretch = timeline->group(0).lanes.first().paused.first();
    QVERIFY(stretch.startMs >= 0);
    QVERIFY2(stretch.endMs - stretch.startMs >= 100, qPrintable(QString::number(stretch.endMs - stretch.startMs)));

    job->kill();
    QVERIFY(waitRun(run, 5000));
    // Ended: nothing to pause, and the menu says so rather than doing nothing.
    m_window->selectRun(run, 0);
    QVERIFY(!control->pauseAction()->isEnabled());
    control->pauseSelected();
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("already ended")));
}

void TestMainWindow::sendSignalEndsTheJobWithThatSignal()
{
    JobRun *run = startHelper(m_window, {QStringLiteral("sleep"), QStringLiteral("5")});
    QVERIFY(run);
    JobControl *control = m_window->jobControl();
    QCOMPARE(control->menuSignals().size(), 7);
    QVERIFY(control->signalMenu()->isEnabled());
    QAction *usr1 = control->signalAction(SIGUSR1);
    QVERIFY(usr1 && usr1->isEnabled());
    QVERIFY(usr1->text().startsWith(QStringLiteral("SIGUSR1")));
    const QString pid = QString::number(run->jobs().first()->pid());
    usr1->trigger();
    const QString message = m_window->statusBar()->currentMessage();
    QVERIFY2(message.contains(QStringLiteral("SIGUSR1")) && message.contains(pid), qPrintable(message));
    QVERIFY(waitRun(run, 5000));
    const JobOutcome outcome = run->jobs().first()->outcome();
    QCOMPARE(outcome.signal, 10);
    QVERIFY(!control->signalMenu()->isEnabled());
}

void TestMainWindow::sampleIntervalReachesTheEngineAndIsRemembered()
{
    QSpinBox *box = m_window->sampleIntervalBox();
    QCOMPARE(box->minimum(), ProcessSampler::MinIntervalMs);
    QCOMPARE(box->maximum(), ProcessSampler::MaxIntervalMs);
    box->setValue(250);
    QCOMPARE(m_window->engine()->sampleInterval(), 250);
    box->setValue(20); // below the sampler's floor: held at it
    QCOMPARE(m_window->engine()->sampleInterval(), ProcessSampler::MinIntervalMs);
    box->setValue(1200);
    QVERIFY(m_window->close());
    m_fixture = std::make_unique<WindowUnderTest>(PresetFile::builtIns());
    m_window = &m_fixture->window;
    m_window->setConfirmQuit(false);
    QCOMPARE(m_window->sampleIntervalBox()->value(), 1200);
    QCOMPARE(m_window->engine()->sampleInterval(), 1200);
    QSettings().remove(SettingsKeys::SampleIntervalMs);
}

void TestMainWindow::resourceChartGetsTheJobsHistory()
{
    m_window->setSampleInterval(ProcessSampler::MinIntervalMs);
    JobRun *run = startHelper(m_window, {QStringLiteral("burn"), QStringLiteral("1")});
    QVERIFY(run);
    QVERIFY(waitRun(run));
    const JobProcess *job = run->jobs().first();
    ResourceChart *chart = m_window->detailPane()->resourceChart();
    // About ten ticks in a second at 100 ms; the chart holds what the job holds.
    QTRY_COMPARE(chart->pointCount(), int(job->resources().history.size()));
    QVERIFY2(chart->pointCount() >= 4, qPrintable(QString::number(chart->pointCount())));
    QTRY_VERIFY(chart->cpuTimeText().contains(QStringLiteral("(exact)"))); // the reap's figure reaches the chart on its next refresh
    QVERIFY(chart->cpuTimeText().startsWith(QStringLiteral("CPU time ")));
    QVERIFY(chart->peakMemoryText().startsWith(QStringLiteral("Peak memory ")));
    // The overview refreshes on its own (batched) tick, which may come after the chart's.
    QTRY_VERIFY2(m_window->detailPane()->overviewText().contains(chart->cpuTimeText())
                     && m_window->detailPane()->overviewText().contains(chart->peakMemoryText()),
                 qPrintable(m_window->detailPane()->overviewText()));
    // A group has no single history: the chart empties.
    m_window->selectRun(run);
    QCOMPARE(chart->pointCount(), 0);
    QVERIFY(!chart->grab().isNull());
}

void TestMainWindow::timelineColourByCpuTellsBurnFromSleep()
{
    m_window->setSampleInterval(ProcessSampler::MinIntervalMs);
    JobRun *burn = m_window->runPreset(helperPreset({QStringLiteral("burn"), QStringLiteral("1")}));
    JobRun *sleep = m_window->runPreset(helperPreset({QStringLiteral("sleep"), QStringLiteral("1")}));
    QVERIFY(waitRun(burn) && waitRun(sleep));
    QTRY_VERIFY(m_window->timelineModel()->group(1).lanes.first().cpu.size() >= 4);
    m_window->showPanel(QStringLiteral("timeline"));
    TimelineView *view = m_window->timelinePanel()->view();
    view->fit();

    const QColor full = Theme::stateColor(JobOutcome::State::Finished, true, view->palette());
    auto isFull = [&full](const QColor &c) {
        return std::abs(c.red() - full.red()) + std::abs(c.green() - full.green()) + std::abs(c.blue() - full.blue()) < 30;
    };
    QVERIFY(!m_window->timelinePanel()->cpuButton()->isChecked());
    const QImage off = view->viewport()->grab().toImage();
    // Off, both bars are the full "exit 0" colour: find them, burn's above sleep's.
    QList<int> barRows;
    int lastFullRow = -10;
    for (int y = 0; y < off.height(); ++y) {
        int count = 0;
        for (int x = 0; x < off.width(); ++x)
            count += isFull(off.pixelColor(x, y)) ? 1 : 0;
        if (count <= 40)
            continue;
        if (y > lastFullRow + 1)
            barRows << y + 3; // a few rows into the bar, past the rounded corner
        lastFullRow = y;
    }
    QCOMPARE(barRows.size(), 2);
    const int burnY = barRows.at(0);
    const int sleepY = barRows.at(1);
    int sleepLeft = -1;
    int sleepRight = -1;
    for (int x = 0; x < off.width(); ++x) {
        if (isFull(off.pixelColor(x, sleepY))) {
            sleepRight = x;
            if (sleepLeft < 0)
                sleepLeft = x;
        }
    }
    const int x = (sleepLeft + sleepRight) / 2; // half a second in: both ran, both were sampled
    QVERIFY(isFull(off.pixelColor(x, burnY)));

    m_window->timelinePanel()->cpuButton()->click();
    QVERIFY(view->colourByCpu());
    const QImage on = view->viewport()->grab().toImage();
    // On, the sleeping child is pale and the burning one clearly darker.
    const QColor sleepOn = on.pixelColor(x, sleepY);
    const QColor burnOn = on.pixelColor(x, burnY);
    QVERIFY2(sleepOn.lightness() > full.lightness() + 40 && burnOn.lightness() + 10 < sleepOn.lightness(),
             qPrintable(QStringLiteral("full %1, sleep %2, burn %3")
                            .arg(full.name(), sleepOn.name(), burnOn.name())));
}

void TestMainWindow::sessionSurvivesARestartAndNewSessionUndoes()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("session.spawnscope"));
    // The composition root's window with a session kept at path.
    struct SessionWindow
    {
        explicit SessionWindow(const QString &path)
            : window(&engine, &lab, PresetFile::builtIns())
        {
            keeper.setPath(path);
            window.setConfirmQuit(false);
            window.setSessionKeeper(&keeper);
            window.show();
        }
        JobEngine engine;
        ThreadLab lab{&engine};
        SessionKeeper keeper{&engine};
        MainWindow window;
    };
    {
        SessionWindow first(path);
        MainWindow &window = first.window;
        QVERIFY(waitRun(window.runPreset(QStringLiteral("hello-child"))));
        JobRun *sleeping = startHelper(&window, {QStringLiteral("sleep"), QStringLiteral("30")});
        QTRY_COMPARE(sleeping->jobs().first()->outcome().state, JobOutcome::State::Running);
        window.close(); // stops the sleeper, then closes once it is gone
        QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), 10000);
        QVERIFY(QFile::exists(path));
    }
    SessionWindow second(path);
    JobEngine &engine = second.engine;
    MainWindow &window = second.window;
    QTRY_COMPARE(engine.runs().size(), 2);
    const JobRun *hello = engine.runs().at(0);
    QVERIFY(hello->recorded());
    QCOMPARE(hello->preset().id, QStringLiteral("hello-child"));
    QVERIFY(hello->jobs().first()->stdoutTail().tail().contains("Hello"));
    QVERIFY(!hello->endedByQuit());
    QVERIFY(engine.runs().at(1)->endedByQuit());
    QCOMPARE(engine.runs().at(1)->jobs().first()->outcome().cause, JobOutcome::Cause::UserStop);
    QTRY_COMPARE(window.jobModel()->rowCount(), 2);
    const QString name = window.jobModel()->index(0, JobTreeModel::NameColumn).data().toString();
    QVERIFY2(name.startsWith(QStringLiteral("⟲")), qPrintable(name));
    QVERIFY(window.jobModel()->index(1, JobTreeModel::NameColumn).data(Qt::ToolTipRole).toString().contains(
        QStringLiteral("stopped when SpawnScope quit")));

    // New session clears the table; Ctrl+Z brings the very runs back.
    window.sessionActions()->newAction()->trigger();
    QCOMPARE(engine.runs().size(), 0);
    QCOMPARE(window.jobModel()->rowCount(), 0);
    window.presetPalette()->undoStack()->undo();
    QCOMPARE(engine.runs().size(), 2);
    QCOMPARE(engine.runs().at(0), hello);
    QCOMPARE(window.jobModel()->rowCount(), 2);
}

void TestMainWindow::compareShowsSerialAgainstParallel()
{
    QVERIFY(!m_window->compareRuns()); // nothing to compare yet: a message, no dialog
    // The seed's lesson: three sleeps one at a time, then all at once.
    const Preset sleeps = helperPreset({QStringLiteral("sleep"), QStringLiteral("0.3")}, 3);
    m_window->setMaxParallel(1);
    JobRun *serial = m_window->runPreset(sleeps);
    QVERIFY(waitRun(serial));
    m_window->setMaxParallel(0);
    JobRun *parallel = m_window->runPreset(sleeps);
    QVERIFY(waitRun(parallel));
    m_window->selectRun(serial);
    CompareDialog *dialog = m_window->compareRuns();
    QVERIFY(dialog);
    QTableWidget *table = dialog->table();
    QCOMPARE(table->verticalHeaderItem(0)->text(), QStringLiteral("Wall time"));
    QCOMPARE(table->item(0, 0)->text(), JobFormat::seconds(serial->wallMs()));
    QCOMPARE(table->item(0, 1)->text(), JobFormat::seconds(parallel->wallMs()));
    // Serial wall ≈ 0.9 s, parallel ≈ 0.3 s: B ÷ A about a third.
    const double wallRatio = parallel->wallMs() / serial->wallMs();
    QVERIFY2(wallRatio < 0.7, qPrintable(QString::number(wallRatio)));
    QCOMPARE(table->item(0, 2)->text(), RunComparison::ratio(serial->wallMs(), parallel->wallMs()));
    QCOMPARE(table->verticalHeaderItem(2)->text(), QStringLiteral("Parallelism (Σ ÷ wall)"));
    QVERIFY(parallel->parallelism() > 2 * serial->parallelism());
    // Both timelines, and only those, on one axis.
    QCOMPARE(dialog->timelineModel()->groupCount(), 2);
    QCOMPARE(dialog->timelineModel()->group(0).runId, serial->id());
    QCOMPARE(dialog->timelineModel()->group(1).runId, parallel->id());
    dialog->close();
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
