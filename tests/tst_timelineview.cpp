// The Timeline's zoom: Fit fits the selected run (a 0.1 s run beside a 47 s
// one fills the view instead of being a sliver), Fit all and Fit with
// nothing selected show every run, and the selection comes from a click or
// from the Processes table (selectJob). Runs are restored records, so a 47 s
// run takes no 47 s.
#include "jobengine.h"
#include "recordedrun.h"
#include "testsupport.h"
#include "timelinemodel.h"
#include "timelinepanel.h"
#include "timelineview.h"

#include <QScrollBar>
#include <QToolButton>
#include <QtTest>

using namespace TestSupport;
using FitMode = TimelineView::FitMode;

namespace {

constexpr double LongEndMs = 47000;
constexpr double ShortStartMs = 0.4;
constexpr double ShortEndMs = 100;

// A finished one-job run, as a session would bring it back.
RecordedRun recordedRun(double startMs, double endMs)
{
    RecordedRun run;
    run.preset = helperPreset({QStringLiteral("sleep"), QString::number(endMs / 1000)});
    run.wallMs = endMs;
    run.sumMs = endMs - startMs;
    run.parallelism = 1;
    JobProcess::Record job;
    job.outcome.state = JobOutcome::State::Finished;
    job.outcome.exitCode = 0;
    job.pid = 4242;
    job.startedMs = startMs;
    job.finishedMs = endMs;
    job.elapsedMs = endMs - startMs;
    run.jobs << job;
    return run;
}

} // namespace

class TestTimelineView : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void fitShowsTheSelectedRunOrEverything_data();
    void fitShowsTheSelectedRunOrEverything();
    void clickingALaneSelectsItsRun();
    void fitBringsASelectedRunBelowTheViewIntoIt();
    void panningByHandEndsTheRunsFit();
    void clearingTheSelectedRunFitsEverythingAgain();
    void fitButtonsShowWhatTheZoomFollows();

private:
    JobEngine *m_engine = nullptr;
    TimelineModel *m_model = nullptr;
    TimelinePanel *m_panel = nullptr;
    quint64 m_long = 0;
    quint64 m_short = 0;
};

void TestTimelineView::init()
{
    m_engine = new JobEngine;
    JobRun *longRun = m_engine->restore(recordedRun(1, LongEndMs));
    JobRun *shortRun = m_engine->restore(recordedRun(ShortStartMs, ShortEndMs));
    QVERIFY(longRun && shortRun);
    m_long = longRun->id();
    m_short = shortRun->id();
    m_model = new TimelineModel(m_engine);
    m_panel = new TimelinePanel(m_model);
    m_panel->resize(1000, 500);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel));
}

void TestTimelineView::cleanup()
{
    delete m_panel;
    delete m_model;
    delete m_engine;
}

void TestTimelineView::fitShowsTheSelectedRunOrEverything_data()
{
    QTest::addColumn<QString>("selected");
    QTest::addColumn<int>("key");
    QTest::addColumn<QString>("shown");

    QTest::newRow("0, the short run selected") << "short" << int(Qt::Key_0) << "short";
    QTest::newRow("0, the long run selected") << "long" << int(Qt::Key_0) << "long";
    QTest::newRow("0, nothing selected") << "" << int(Qt::Key_0) << "all";
    QTest::newRow("F, the short run selected") << "short" << int(Qt::Key_F) << "short";
    QTest::newRow("A, the short run selected") << "short" << int(Qt::Key_A) << "all";
}

void TestTimelineView::fitShowsTheSelectedRunOrEverything()
{
    QFETCH(QString, selected);
    QFETCH(int, key);
    QFETCH(QString, shown);
    TimelineView *view = m_panel->view();
    view->setFocus();
    // Zoomed by hand first, so that each key has something to undo.
    QTest::keyClick(view, Qt::Key_Plus);
    QTest::keyClick(view, Qt::Key_Plus);
    QCOMPARE(view->fitMode(), FitMode::None);
    if (selected == QLatin1String("short"))
        view->selectJob(m_short, 0);
    else if (selected == QLatin1String("long"))
        view->selectJob(m_long, 0);
    QCOMPARE(view->hasSelection(), !selected.isEmpty());

    QTest::keyClick(view, Qt::Key(key));
    const auto [from, to] = view->visibleMs();
    const QRect shortBar = view->barRect(m_short, 0);
    const int width = view->viewport()->width();
    QVERIFY(!shortBar.isEmpty());
    if (shown == QLatin1String("short")) {
        QCOMPARE(view->fitMode(), FitMode::SelectedRun);
        // The 0.1 s run spans the view, not a sliver of it.
        QVERIFY2(from <= ShortStartMs && to >= ShortEndMs, qPrintable(QStringLiteral("%1-%2").arg(from).arg(to)));
        QVERIFY2((ShortEndMs - ShortStartMs) / (to - from) > 0.9, qPrintable(QString::number(to - from)));
        QVERIFY2(shortBar.left() >= 0 && shortBar.right() < width && shortBar.width() > width * 0.6,
                 qPrintable(QStringLiteral("bar %1+%2 in %3").arg(shortBar.x()).arg(shortBar.width()).arg(width)));
    } else {
        // The whole 47 s, where the short run is a couple of pixels.
        QCOMPARE(view->fitMode(), shown == QLatin1String("long") ? FitMode::SelectedRun : FitMode::All);
        QVERIFY2(from <= 0 && to >= LongEndMs && to < LongEndMs * 1.1,
                 qPrintable(QStringLiteral("%1-%2").arg(from).arg(to)));
        QVERIFY2(shortBar.width() < width / 50, qPrintable(QString::number(shortBar.width())));
        const QRect longBar = view->barRect(m_long, 0);
        QVERIFY(longBar.left() >= 0 && longBar.right() < width && longBar.width() > width * 0.6);
    }
}

void TestTimelineView::clickingALaneSelectsItsRun()
{
    TimelineView *view = m_panel->view();
    QSignalSpy changed(view, &TimelineView::selectionChanged);
    QVERIFY(!view->hasSelection());

    const QRect shortBar = view->barRect(m_short, 0);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, shortBar.center());
    QCOMPARE(view->selectedRunId(), m_short);
    QCOMPARE(view->selectedJobIndex(), 0);
    QCOMPARE(changed.size(), 1);
    view->fit();
    QCOMPARE(view->fitMode(), FitMode::SelectedRun);
    QVERIFY(view->barRect(m_short, 0).width() > view->viewport()->width() * 0.6);

    // The long run's lane, where its bar runs on past the view's right edge.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      QPoint(view->viewport()->width() / 2, view->barRect(m_long, 0).center().y()));
    QCOMPARE(view->selectedRunId(), m_long);
    QCOMPARE(view->fitMode(), FitMode::SelectedRun); // now following the long run
    QVERIFY(view->visibleMs().second >= LongEndMs);

    // Below every run: nothing selected, and the fit shows everything.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, QPoint(view->viewport()->width() / 2,
                                                                   view->viewport()->height() - 5));
    QVERIFY(!view->hasSelection());
    QCOMPARE(view->selectedRunId(), quint64(0));
    QCOMPARE(view->fitMode(), FitMode::All);
    QCOMPARE(changed.size(), 3);
}

void TestTimelineView::fitBringsASelectedRunBelowTheViewIntoIt()
{
    for (int i = 0; i < 30; ++i)
        QVERIFY(m_engine->restore(recordedRun(1, 2000)));
    JobRun *last = m_engine->restore(recordedRun(ShortStartMs, ShortEndMs));
    QVERIFY(last);
    TimelineView *view = m_panel->view();
    QTRY_VERIFY(view->verticalScrollBar()->maximum() > 0); // the model tells views at most every 33 ms
    QVERIFY(view->barRect(last->id(), 0).top() > view->viewport()->height());

    view->selectJob(last->id(), 0);
    view->fit();
    const QRect bar = view->barRect(last->id(), 0);
    QVERIFY2(bar.top() > 0 && bar.bottom() < view->viewport()->height(),
             qPrintable(QStringLiteral("%1..%2").arg(bar.top()).arg(bar.bottom())));
    QVERIFY(bar.width() > view->viewport()->width() * 0.6);
}

void TestTimelineView::panningByHandEndsTheRunsFit()
{
    TimelineView *view = m_panel->view();
    view->selectJob(m_short, 0);
    view->fit();
    QCOMPARE(view->fitMode(), FitMode::SelectedRun);
    const int start = view->barRect(m_long, 0).left();
    QScrollBar *h = view->horizontalScrollBar();
    QVERIFY(h->maximum() > 0); // the rest of the 47 s is there to pan to
    h->setValue(h->maximum() / 2);
    QCOMPARE(view->fitMode(), FitMode::None);
    QVERIFY(view->visibleMs().first > ShortEndMs);
    QVERIFY(view->barRect(m_long, 0).left() < start);
}

void TestTimelineView::clearingTheSelectedRunFitsEverythingAgain()
{
    TimelineView *view = m_panel->view();
    view->selectJob(m_short);
    QCOMPARE(view->selectedRunId(), m_short);
    QCOMPARE(view->selectedJobIndex(), -1); // the run's header row, as the table's run row
    view->fit();
    QCOMPARE(view->fitMode(), FitMode::SelectedRun);

    m_engine->clearFinished();
    QTRY_COMPARE(view->fitMode(), FitMode::All); // on the model's next changed()
    QVERIFY(!view->hasSelection());
    QVERIFY(m_panel->fitButton()->isChecked() && m_panel->fitAllButton()->isChecked());

    // A run the timeline does not show selects nothing.
    JobRun *run = m_engine->restore(recordedRun(1, 500));
    view->selectJob(run->id() + 1, 0);
    QVERIFY(!view->hasSelection());
}

void TestTimelineView::fitButtonsShowWhatTheZoomFollows()
{
    TimelineView *view = m_panel->view();
    QToolButton *fit = m_panel->fitButton();
    QToolButton *fitAll = m_panel->fitAllButton();
    // At first it fits everything, which is also what Fit does.
    QVERIFY(fit->isChecked() && fitAll->isChecked());

    view->selectJob(m_short, 0);
    QVERIFY(fit->toolTip().contains(view->selectedTitle().toHtmlEscaped()));
    QVERIFY(!fit->isChecked()); // selected, but the zoom still shows all
    fit->click();
    QCOMPARE(view->fitMode(), FitMode::SelectedRun);
    QVERIFY(fit->isChecked() && !fitAll->isChecked());
    fit->click(); // again: still fitting the run, still checked
    QVERIFY(fit->isChecked());

    fitAll->click();
    QCOMPARE(view->fitMode(), FitMode::All);
    QVERIFY(!fit->isChecked() && fitAll->isChecked());
    QVERIFY(view->barRect(m_short, 0).width() < view->viewport()->width() / 50);

    QTest::keyClick(view, Qt::Key_Plus);
    QVERIFY(!fit->isChecked() && !fitAll->isChecked());
}

QTEST_MAIN(TestTimelineView)
#include "tst_timelineview.moc"
