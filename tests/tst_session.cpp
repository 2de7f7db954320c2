// Sessions: a run written and read back is the same run in every figure;
// a headless report opens as a session; hostile files are refused with one
// message naming the file and the problem; the keeper saves, restores and
// never writes over a file it could not read.
#include "headlessrunner.h"
#include "jobengine.h"
#include "jobprocess.h"
#include "jobrun.h"
#include "outputbudget.h"
#include "reportstream.h"
#include "sessionkeeper.h"
#include "sessionreader.h"
#include "sessionwriter.h"
#include "testsupport.h"

#include <QBuffer>
#include <QDateTime>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <sys/stat.h>

using namespace TestSupport;

class TstSession : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void roundTripIsByteForByte();
    void restoredRunsShowTheRecordedFigures();
    void headlessReportOpens();
    void hostileFilesAreRefused_data();
    void hostileFilesAreRefused();
    void hostileNumbersAreRefused_data();
    void hostileNumbersAreRefused();
    void compactAndIndentedDocumentsRead();
    void reportIsRecognisedByItsFormat_data();
    void reportIsRecognisedByItsFormat();
    void readingKeepsToTheBudget();
    void keeperSavesAndRestores();
    void unreadableSessionIsKeptAside_data();
    void unreadableSessionIsKeptAside();
    void restoreLeavesOutTheOldestRunsPastTheMemoryBudget();
    void restoreTooLargeForTheMemoryBudgetStartsEmpty();
    void historyCountsTowardsTheMemoryBudget();
    void aLargeSessionRestoresWithinTheMemoryBudget();
    void keptSessionIsPrivate();
    void eachRunsTextIsMadeOnce();
    void saveAsWorksWithKeepingOff();
    void binaryOutputAndTheTextBudget();
    void aFailedSaveIsReported();
    void openingAFileAgainAddsNoRun_data();
    void openingAFileAgainAddsNoRun();
    void aFileWithOneNewRunAddsOnlyThatOne_data();
    void aFileWithOneNewRunAddsOnlyThatOne();
    void openingTheKeptSessionsRunsAddsNone_data();
    void openingTheKeptSessionsRunsAddsNone();
    void aSessionHoldingARunTwiceRestoresItOnce();
    void undoingNewSessionPutsNoRunBackTwice();

private:
    // Runs a varied set of presets once: output (some of it not UTF-8), a
    // chain, a timeout that needs SIGKILL, a crash, sampled descendants and a
    // watched family.
    static void runVariety(JobEngine *engine);
    static QByteArray sessionOf(const JobEngine &engine);
    static SessionReader::Result readBytes(const QByteArray &bytes, qint64 budget = OutputBudget::DefaultBytes);
    // restoreLast() from path, waited for: the restored() signal's arguments
    // (runs, problem), empty if it never came.
    static QList<QVariant> restoreFrom(SessionKeeper *keeper, const QString &path, int timeoutMs = 5000);
    // keeper->open(path), waited for: the opened() signal's arguments
    // (path, runs, alreadyShown, problem), empty if it never came.
    static QList<QVariant> openIn(SessionKeeper *keeper, const QString &path);
    // The given runs of m_session as a file at name; older: as a SpawnScope
    // before runs carried "uuid" wrote it.
    QString fileOf(const QString &name, const QList<int> &runs, bool older) const;
    // The uuids of the runs a session's bytes hold, in order.
    static QList<QUuid> uuidsIn(const QByteArray &session);

    QTemporaryDir m_dir;
    QByteArray m_session; // runVariety's session, made once
};

void TstSession::initTestCase()
{
    QVERIFY(m_dir.isValid());
    useSpawnscopeAsTracer();
    JobEngine engine;
    runVariety(&engine);
    m_session = sessionOf(engine);
    QVERIFY(m_session.size() > 1000);
}

void TstSession::runVariety(JobEngine *engine)
{
    engine->setSampleInterval(100);
    QList<Preset> presets;
    // Under SessionWriter::JobKeepBytes, so the session keeps all of it.
    presets << helperPreset({QStringLiteral("flood"), QStringLiteral("60000")}, 3);
    Preset binary;
    binary.id = QStringLiteral("binary-chain");
    binary.title = QStringLiteral("bytes that are not UTF-8, through a pipe");
    binary.stages << StageSpec{QStringLiteral("printf"), {QStringLiteral("caf\\303\\251 \\377\\376 end\\n")}}
                  << helperStage({QStringLiteral("cat")});
    presets << binary;
    Preset timeout = helperPreset({QStringLiteral("ignore-term")});
    timeout.id = QStringLiteral("timeout");
    timeout.timeoutSec = 0.2;
    timeout.graceSec = 0.2;
    presets << timeout;
    presets << helperPreset({QStringLiteral("crash")});
    presets << helperPreset({QStringLiteral("fork"), QStringLiteral("2"), QStringLiteral("0.5")});
    Preset watched;
    watched.id = QStringLiteral("watched");
    watched.title = QStringLiteral("a watched pipe");
    watched.watch = true;
    watched.stages << StageSpec{QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("echo hi | cat")}};
    presets << watched;
    for (const Preset &preset : std::as_const(presets))
        QVERIFY(waitRun(engine->start(preset)));
}

QByteArray TstSession::sessionOf(const JobEngine &engine)
{
    QList<SessionWriter::RunPieces> runs;
    for (const JobRun *run : engine.runs()) {
        if (SessionWriter::keeps(run))
            runs << SessionWriter::runPieces(run);
    }
    return SessionWriter::document(runs);
}

SessionReader::Result TstSession::readBytes(const QByteArray &bytes, qint64 budget)
{
    QByteArray copy = bytes;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    return SessionReader::read(&buffer, QStringLiteral("test.spawnscope"), budget, RecordedRun::Origin::Opened);
}

QList<QVariant> TstSession::restoreFrom(SessionKeeper *keeper, const QString &path, int timeoutMs)
{
    keeper->setPath(path);
    QSignalSpy restored(keeper, &SessionKeeper::restored);
    keeper->restoreLast();
    if (restored.isEmpty() && !restored.wait(timeoutMs))
        return {};
    return restored.first();
}

QList<QVariant> TstSession::openIn(SessionKeeper *keeper, const QString &path)
{
    QSignalSpy opened(keeper, &SessionKeeper::opened);
    keeper->open(path);
    if (opened.isEmpty() && !opened.wait(5000))
        return {};
    return opened.first();
}

QString TstSession::fileOf(const QString &name, const QList<int> &runs, bool older) const
{
    const SessionReader::Result all = readBytes(m_session);
    JobEngine engine;
    QList<SessionWriter::RunPieces> pieces;
    for (const int r : runs)
        pieces << SessionWriter::runPieces(engine.restore(all.runs.at(r)));
    QByteArray bytes = SessionWriter::document(pieces);
    if (older) {
        QString text = QString::fromUtf8(bytes);
        text.remove(QRegularExpression(QStringLiteral(",\"uuid\":\"[^\"]*\"")));
        if (text.contains(QLatin1String("\"uuid\"")))
            return QString();
        bytes = text.toUtf8();
    }
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        return QString();
    return path;
}

QList<QUuid> TstSession::uuidsIn(const QByteArray &session)
{
    const SessionReader::Result result = readBytes(session);
    QList<QUuid> uuids;
    for (const RecordedRun &run : result.runs)
        uuids << run.uuid;
    return uuids;
}

void TstSession::roundTripIsByteForByte()
{
    // The file is valid JSON as a whole, and says what it is.
    QJsonParseError parse;
    const QJsonObject top = QJsonDocument::fromJson(m_session, &parse).object();
    QCOMPARE(parse.error, QJsonParseError::NoError);
    QCOMPARE(top.value(QStringLiteral("format")).toString(), QStringLiteral("spawnscope-runs"));
    QCOMPARE(top.value(QStringLiteral("runs")).toArray().size(), 6);

    const SessionReader::Result result = readBytes(m_session);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.runs.size(), 6);
    JobEngine restored;
    for (const RecordedRun &run : result.runs)
        QVERIFY(restored.restore(run));
    const QByteArray again = sessionOf(restored);
    if (again != m_session) {
        // Say where, rather than dumping two long files.
        qsizetype at = 0;
        while (at < again.size() && at < m_session.size() && again.at(at) == m_session.at(at))
            ++at;
        QFAIL(qPrintable(QStringLiteral("differs at byte %1: written …%2… read back …%3…")
                             .arg(at)
                             .arg(QString::fromUtf8(m_session.mid(std::max<qsizetype>(0, at - 80), 160)),
                                  QString::fromUtf8(again.mid(std::max<qsizetype>(0, at - 80), 160)))));
    }
}

void TstSession::restoredRunsShowTheRecordedFigures()
{
    JobEngine live;
    runVariety(&live);
    const SessionReader::Result result = readBytes(sessionOf(live));
    QVERIFY2(result.ok(), qPrintable(result.error));
    JobEngine restored;
    for (const RecordedRun &run : result.runs)
        QVERIFY(restored.restore(run));
    QCOMPARE(restored.runs().size(), live.runs().size());
    for (int r = 0; r < live.runs().size(); ++r) {
        const JobRun *a = live.runs().at(r);
        const JobRun *b = restored.runs().at(r);
        QVERIFY(b->isDone());
        QVERIFY(b->recorded());
        QVERIFY(!a->recorded());
        QCOMPARE(b->preset().toJson(), a->preset().toJson());
        QCOMPARE(b->startedAtEpochMs(), a->startedAtEpochMs());
        QVERIFY(qAbs(b->wallMs() - a->wallMs()) < 0.001);
        QCOMPARE(b->stdoutBytes(), a->stdoutBytes());
        QCOMPARE(b->failedCount(), a->failedCount());
        for (int j = 0; j < a->jobs().size(); ++j) {
            const JobProcess *x = a->jobs().at(j);
            const JobProcess *y = b->jobs().at(j);
            QCOMPARE(y->outcome().state, x->outcome().state);
            QCOMPARE(y->outcome().cause, x->outcome().cause);
            QCOMPARE(y->outcome().exitCode, x->outcome().exitCode);
            QCOMPARE(y->outcome().signal, x->outcome().signal);
            QCOMPARE(y->programPid(), x->programPid()); // the report keeps the program's, not its tracer's
            // The very bytes, including those that are not UTF-8.
            QCOMPARE(y->stdoutTail().tail(), x->stdoutTail().tail());
            QCOMPARE(y->stdoutTail().totalBytes(), x->stdoutTail().totalBytes());
            QCOMPARE(y->stderrTail().tail(), x->stderrTail().tail());
            QCOMPARE(y->resources().cpuUserMs, x->resources().cpuUserMs);
            QCOMPARE(y->resources().peakRssKb, x->resources().peakRssKb);
            QCOMPARE(y->resources().descendants.size(), x->resources().descendants.size());
            QCOMPARE(y->resources().history.size(), x->resources().history.size());
            QCOMPARE(y->family().members().size(), x->family().members().size());
            QCOMPARE(y->family().pipes().size(), x->family().pipes().size());
            QVERIFY(qAbs(y->termSentMs() - x->termSentMs()) < 0.001);
            QVERIFY(qAbs(y->killSentMs() - x->killSentMs()) < 0.001);
        }
    }
    // The variety did what it was meant to: the figures compared are not empty.
    const JobRun *timeout = restored.runs().at(2);
    QCOMPARE(timeout->jobs().first()->outcome().state, JobOutcome::State::TimedOut);
    QVERIFY(timeout->jobs().first()->killSentMs() > 0);
    QCOMPARE(restored.runs().at(1)->jobs().at(1)->stdoutTail().tail(), QByteArray("caf\xc3\xa9 \xff\xfe end\n"));
    QCOMPARE(restored.runs().at(4)->jobs().first()->resources().descendants.size(), 2);
    QVERIFY(restored.runs().at(5)->jobs().first()->family().members().size() >= 3);
}

void TstSession::headlessReportOpens()
{
    const QString report = m_dir.filePath(QStringLiteral("report.json"));
    HeadlessRunner runner;
    runner.setReportPath(report);
    QSignalSpy finished(&runner, &HeadlessRunner::finished);
    Preset fanout = helperPreset({QStringLiteral("exit"), QStringLiteral("3")}, 4);
    runner.run({fanout, helperPreset({QStringLiteral("flood"), QStringLiteral("5000")})});
    QVERIFY(finished.wait(30000));

    const SessionReader::Result result = SessionReader::read(report, OutputBudget::DefaultBytes, RecordedRun::Origin::Opened);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.runs.size(), 2);
    QCOMPARE(result.runs.at(0).jobs.size(), 4);
    QCOMPARE(result.runs.at(0).origin, RecordedRun::Origin::Opened);
    QCOMPARE(result.runs.at(0).file, report);
    for (const JobProcess::Record &job : result.runs.at(0).jobs) {
        QCOMPARE(job.outcome.state, JobOutcome::State::Finished);
        QCOMPARE(job.outcome.exitCode, 3);
        QVERIFY(job.pid > 0);
    }
    QCOMPARE(result.runs.at(1).jobs.first().stdoutKept, floodBytes(5000));
    JobEngine engine;
    JobRun *run = engine.restore(result.runs.at(0));
    QVERIFY(run);
    QCOMPARE(run->failedCount(), 4);
    QCOMPARE(run->recorded()->origin, RecordedRun::Origin::Opened);
}

void TstSession::hostileFilesAreRefused_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("problem");
    const QByteArray good = m_session;
    QTest::newRow("empty") << QByteArray() << QStringLiteral("is empty");
    QTest::newRow("not JSON") << QByteArray("hello, this is a text file\n") << QStringLiteral("is not JSON");
    QTest::newRow("truncated") << good.left(good.size() / 2) << QStringLiteral("cut short");
    QTest::newRow("truncated at a line") << good.left(good.indexOf("\n],\n")) << QStringLiteral("cut short");
    QTest::newRow("other JSON") << QByteArray("{\"name\": \"package\", \"version\": \"1.0\"}")
                                << QStringLiteral("not a SpawnScope session");
    QTest::newRow("other format") << QByteArray("{\"format\": \"chrome-trace\", \"runs\": []}")
                                  << QStringLiteral("another program's JSON");
    QByteArray newer = good;
    newer.replace("\"version\":1", "\"version\":99");
    QTest::newRow("newer") << newer << QStringLiteral("newer SpawnScope (format version 99");
    QTest::newRow("too deep") << QByteArray(5000, '[') + QByteArray(5000, ']') << QStringLiteral("nested too deeply");
    QByteArray badState = good;
    badState.replace("\"state\":\"crashed\"", "\"state\":\"exploded\"");
    QTest::newRow("bad state") << badState << QStringLiteral("\"state\" is \"exploded\", not a job state");
    QByteArray badType = good;
    badType.replace("\"startedMs\":", "\"startedMs\":\"soon\",\"x\":");
    QTest::newRow("bad type") << badType << QStringLiteral("\"startedMs\" is not a number");
    QByteArray missingJob = good;
    const qsizetype firstJob = missingJob.indexOf("\n{\"args\"");
    missingJob.remove(firstJob, missingJob.indexOf('\n', firstJob + 1) - firstJob);
    QTest::newRow("a job missing") << missingJob << QStringLiteral("jobs where its preset makes");
    QTest::newRow("huge line") << QByteArray("{\"runs\": [\n") + QByteArray(SessionReader::MaxLineBytes + 10, ' ')
                               << QStringLiteral("line longer than");
}

void TstSession::hostileFilesAreRefused()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, problem);
    const SessionReader::Result result = readBytes(bytes);
    QVERIFY(!result.ok());
    QVERIFY(result.runs.isEmpty());
    QVERIFY2(result.error.startsWith(QLatin1String("test.spawnscope ")), qPrintable(result.error));
    QVERIFY2(result.error.contains(problem), qPrintable(result.error));
}

void TstSession::readingKeepsToTheBudget()
{
    // Ten runs of 60 KB each; read with a 256 KiB budget, the oldest are cut
    // to their last 4 KiB while the newest stay whole.
    JobEngine engine;
    for (int i = 0; i < 10; ++i)
        QVERIFY(waitRun(engine.start(helperPreset({QStringLiteral("flood"), QStringLiteral("60000")}))));
    const qint64 budget = 256 * 1024;
    const SessionReader::Result result = readBytes(sessionOf(engine), budget);
    QVERIFY2(result.ok(), qPrintable(result.error));
    qint64 kept = 0;
    for (const RecordedRun &run : result.runs)
        kept += run.jobs.first().stdoutKept.size();
    QVERIFY2(kept <= budget, qPrintable(QString::number(kept)));
    QVERIFY(result.trimmedJobs >= 6);
    const JobProcess::Record &oldest = result.runs.first().jobs.first();
    QVERIFY(oldest.stdoutTrimmed);
    QCOMPARE(oldest.stdoutKept, floodBytes(60000).right(OutputBudget::TrimmedKeepBytes));
    QCOMPARE(oldest.stdoutTotal, 60000);
    QVERIFY(!result.runs.last().jobs.first().stdoutTrimmed);
    QCOMPARE(result.runs.last().jobs.first().stdoutKept, floodBytes(60000));
}

void TstSession::keeperSavesAndRestores()
{
    const QString path = m_dir.filePath(QStringLiteral("kept/session.spawnscope"));
    QByteArray first;
    {
        JobEngine engine;
        SessionKeeper keeper(&engine);
        keeper.setPath(path);
        QSignalSpy restored(&keeper, &SessionKeeper::restored);
        keeper.restoreLast(); // nothing there yet
        QCOMPARE(restored.size(), 1);
        QSignalSpy saved(&keeper, &SessionKeeper::saved);
        QVERIFY(waitRun(engine.start(helperPreset({QStringLiteral("exit"), QStringLiteral("0")}, 2))));
        QVERIFY(waitRun(engine.start(helperPreset({QStringLiteral("flood"), QStringLiteral("1000")}))));
        // At most one save a second, in the background.
        QVERIFY(saved.wait(5000));
        QCOMPARE(keeper.savesWritten(), 1);
        QVERIFY(QFile::exists(path));
        QVERIFY(waitRun(engine.start(helperPreset({QStringLiteral("exit"), QStringLiteral("1")}))));
        keeper.saveNow();
        first = sessionOf(engine);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), first);
    }
    JobEngine engine;
    SessionKeeper keeper(&engine);
    const QList<QVariant> restored = restoreFrom(&keeper, path);
    QCOMPARE(restored.value(0).toInt(), 3);
    QCOMPARE(restored.value(1).toString(), QString());
    QCOMPARE(engine.runs().size(), 3);
    QCOMPARE(engine.runs().first()->recorded()->origin, RecordedRun::Origin::EarlierSession);
    QCOMPARE(sessionOf(engine), first);
}

void TstSession::unreadableSessionIsKeptAside_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("problem");
    QTest::newRow("cut short") << m_session.left(m_session.size() - 100) << QStringLiteral("cut short");
    QByteArray garbage;
    QRandomGenerator rng(21);
    for (int i = 0; i < 100000; ++i)
        garbage += char(rng.bounded(256));
    garbage[0] = '\x7f'; // not '{' nor white space, whatever the generator gives
    QTest::newRow("garbage") << garbage << QStringLiteral("is not JSON");
}

void TstSession::unreadableSessionIsKeptAside()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, problem);
    const QString path = m_dir.filePath(QStringLiteral("bad.spawnscope"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    file.close();
    JobEngine engine;
    SessionKeeper keeper(&engine);
    const QList<QVariant> restored = restoreFrom(&keeper, path);
    QCOMPARE(restored.value(0).toInt(), 0);
    const QString message = restored.value(1).toString();
    // Moved aside as bad.spawnscope.broken-yyyyMMdd-HHmmss, and the message names it.
    const QRegularExpression asideName(QRegularExpression::escape(path) + QStringLiteral("\\.broken-\\d{8}-\\d{6}"));
    const QRegularExpressionMatch named = asideName.match(message);
    QVERIFY2(message.contains(problem) && named.hasMatch(), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("this session starts empty")), qPrintable(message));
    QVERIFY(!QFile::exists(path));
    QFile aside(named.captured());
    QVERIFY(aside.open(QIODevice::ReadOnly));
    QCOMPARE(aside.readAll(), bytes);
    QVERIFY(aside.remove()); // the next row's is not taken for this one's
    QVERIFY(engine.runs().isEmpty());
}

void TstSession::eachRunsTextIsMadeOnce()
{
    JobEngine engine;
    engine.setMaxParallel(64);
    SessionKeeper keeper(&engine);
    keeper.setPath(m_dir.filePath(QStringLiteral("cost.spawnscope")));
    keeper.restoreLast();
    // Each job's line is made as it ends, so a save made later only gathers them.
    QVERIFY(waitRun(engine.start(helperPreset({QStringLiteral("exit"), QStringLiteral("0")}, 1000))));
    QCOMPARE(keeper.linesMade(), 1000);
    keeper.saveNow();
    QCOMPARE(keeper.linesMade(), 1000);
    const double firstMs = keeper.lastSaveGuiMs();
    QVERIFY(waitRun(engine.start(helperPreset({QStringLiteral("exit"), QStringLiteral("0")}, 10))));
    keeper.saveNow();
    QCOMPARE(keeper.linesMade(), 1010);
    QFile file(keeper.path());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), sessionOf(engine));
    qInfo("GUI thread per save of 1,010 jobs: %.2f ms (the first, 1,000 jobs: %.2f ms)", keeper.lastSaveGuiMs(), firstMs);
}

void TstSession::saveAsWorksWithKeepingOff()
{
    JobEngine engine;
    SessionKeeper keeper(&engine);
    keeper.setPath(m_dir.filePath(QStringLiteral("off.spawnscope")));
    keeper.setEnabled(false);
    keeper.restoreLast();
    QVERIFY(waitRun(engine.start(helperPreset({QStringLiteral("flood"), QStringLiteral("3000")}, 3))));
    QCOMPARE(keeper.linesMade(), 0); // nothing made while keeping is off
    keeper.saveNow();
    QVERIFY(!QFile::exists(keeper.path()));
    // File → Save session as… still writes the whole session.
    const QString path = m_dir.filePath(QStringLiteral("saved-as.spawnscope"));
    QString error;
    QVERIFY2(keeper.saveAs(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), sessionOf(engine));
}

void TstSession::binaryOutputAndTheTextBudget()
{
    // /dev/zero's NULs would cost six bytes each as JSON text (\u0000): a
    // session carries them as base64, four bytes for three.
    JobEngine engine;
    SessionKeeper keeper(&engine);
    keeper.setPath(m_dir.filePath(QStringLiteral("zeros.spawnscope")));
    keeper.setTextBudget(200 * 1024);
    keeper.restoreLast();
    Preset zeros;
    zeros.id = QStringLiteral("zeros");
    zeros.title = QStringLiteral("zeros");
    zeros.copies = 4;
    zeros.stages << StageSpec{QStringLiteral("head"), {QStringLiteral("-c"), QStringLiteral("60000"), QStringLiteral("/dev/zero")}};
    QVERIFY(waitRun(engine.start(zeros)));
    // Four lines of 80 KB each would pass the 200 KiB budget: the oldest are cut.
    QVERIFY2(keeper.textBytes() <= 200 * 1024, qPrintable(QString::number(keeper.textBytes())));
    keeper.saveNow();
    QFile file(keeper.path());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY2(bytes.size() < 230 * 1024, qPrintable(QString::number(bytes.size())));
    const SessionReader::Result result = readBytes(bytes);
    QVERIFY2(result.ok(), qPrintable(result.error));
    const QList<JobProcess::Record> &jobs = result.runs.first().jobs;
    int whole = 0;
    int cut = 0;
    for (const JobProcess::Record &job : jobs) {
        QCOMPARE(job.stdoutTotal, 60000);
        if (job.stdoutKept == QByteArray(60000, '\0')) {
            QVERIFY(!job.stdoutTrimmed);
            ++whole;
        } else {
            // Cut to its last 4 KiB, exactly, and marked.
            QCOMPARE(job.stdoutKept, QByteArray(OutputBudget::TrimmedKeepBytes, '\0'));
            QVERIFY(job.stdoutTrimmed);
            ++cut;
        }
    }
    QVERIFY(whole >= 1);
    QVERIFY(cut >= 1);
    QCOMPARE(whole + cut, 4);

    // A job's stream past SessionWriter::JobKeepBytes: its last 64 KiB, marked.
    JobRun *big = engine.start(helperPreset({QStringLiteral("flood"), QStringLiteral("200000")}));
    QVERIFY(waitRun(big));
    const SessionReader::Result bigResult = readBytes(SessionWriter::document({SessionWriter::runPieces(big)}));
    QVERIFY2(bigResult.ok(), qPrintable(bigResult.error));
    const JobProcess::Record &flood = bigResult.runs.first().jobs.first();
    QCOMPARE(flood.stdoutKept, floodBytes(200000).right(SessionWriter::JobKeepBytes));
    QCOMPARE(flood.stdoutTotal, 200000);
    QVERIFY(flood.stdoutTrimmed);
}

void TstSession::aFailedSaveIsReported()
{
    JobEngine engine;
    SessionKeeper keeper(&engine);
    restoreFrom(&keeper, QStringLiteral("/proc/no-such-dir/session.spawnscope"));
    QVERIFY(waitRun(engine.start(helperPreset({QStringLiteral("exit"), QStringLiteral("0")}))));
    QSignalSpy failed(&keeper, &SessionKeeper::saveFailed);
    keeper.saveNow();
    QCOMPARE(failed.size(), 1);
    const QString problem = failed.first().first().toString();
    QVERIFY2(problem.contains(QLatin1String("the session")) && problem.contains(QLatin1String("/proc/no-such-dir")),
             qPrintable(problem));
}

namespace {

// good with one job's field set to raw JSON text: the first job line that
// contains needle, its value at path ("history/0/2": the first point's RSS).
QByteArray withJobValue(const QByteArray &good, const QByteArray &needle, const QString &path, const QByteArray &raw)
{
    const QList<QByteArray> lines = good.split('\n');
    QByteArray out;
    bool done = false;
    for (const QByteArray &line : lines) {
        QByteArray text = line;
        if (!done && line.startsWith("{\"args\"") && line.contains(needle)) {
            const bool comma = text.endsWith(',');
            if (comma)
                text.chop(1);
            // Each step of the path, from the job object down, then back up.
            QList<QJsonValue> chain{QJsonDocument::fromJson(text).object()};
            const QStringList keys = path.split(QLatin1Char('/'));
            for (int i = 0; i + 1 < keys.size(); ++i) {
                const QJsonValue at = chain.last();
                chain << (at.isArray() ? at.toArray().at(keys.at(i).toInt()) : at.toObject().value(keys.at(i)));
            }
            QJsonValue value = QStringLiteral("@HOSTILE@");
            for (int i = int(keys.size()) - 1; i >= 0; --i) {
                QJsonValue parent = chain.at(i);
                if (parent.isArray()) {
                    QJsonArray array = parent.toArray();
                    array[keys.at(i).toInt()] = value;
                    value = array;
                } else {
                    QJsonObject object = parent.toObject();
                    object.insert(keys.at(i), value);
                    value = object;
                }
            }
            text = QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
            text.replace("\"@HOSTILE@\"", raw);
            if (comma)
                text += ',';
            done = true;
        }
        out += text + '\n';
    }
    out.chop(1);
    return out;
}

mode_t modeOf(const QString &path)
{
    struct stat st;
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return 0;
    return st.st_mode & 07777;
}

} // namespace

void TstSession::hostileNumbersAreRefused_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("field");
    const QByteArray good = m_session;
    const QByteArray anyJob = "\"state\"";
    const QByteArray withHistory = "\"history\":[[";
    const QByteArray withDescendants = "\"descendants\":[{";
    struct Row
    {
        const char *name;
        QByteArray needle;
        QString path;
        QByteArray raw;
        QString field; // as the message names it
    };
    const QList<Row> rows{
        {"pid 1e300", anyJob, QStringLiteral("pid"), "1e300", QStringLiteral("\"pid\"")},
        {"pid 2^63", anyJob, QStringLiteral("pid"), "9223372036854775808", QStringLiteral("\"pid\"")},
        {"pid past pid_t", anyJob, QStringLiteral("pid"), "4294967296", QStringLiteral("\"pid\"")},
        {"pid fractional", anyJob, QStringLiteral("pid"), "12.5", QStringLiteral("\"pid\"")},
        {"polls -1e300", anyJob, QStringLiteral("polls"), "-1e300", QStringLiteral("\"polls\"")},
        {"polls negative", anyJob, QStringLiteral("polls"), "-3", QStringLiteral("\"polls\"")},
        {"samples 2^31", anyJob, QStringLiteral("samples"), "2147483648", QStringLiteral("\"samples\"")},
        {"stdoutBytes negative", anyJob, QStringLiteral("stdoutBytes"), "-1", QStringLiteral("\"stdoutBytes\"")},
        {"stdoutBytes 2^63", anyJob, QStringLiteral("stdoutBytes"), "9223372036854775807", QStringLiteral("\"stdoutBytes\"")},
        {"stdinBytes 1e19", anyJob, QStringLiteral("stdinBytes"), "1e19", QStringLiteral("\"stdinBytes\"")},
        {"exitCode 1e300", anyJob, QStringLiteral("exitCode"), "1e300", QStringLiteral("\"exitCode\"")},
        {"signal 1e6", anyJob, QStringLiteral("signal"), "1000000", QStringLiteral("\"signal\"")},
        {"startedMs 1e300", anyJob, QStringLiteral("startedMs"), "1e300", QStringLiteral("\"startedMs\"")},
        {"cpuUserMs -5", anyJob, QStringLiteral("cpuUserMs"), "-5", QStringLiteral("\"cpuUserMs\"")},
        {"peakRssKb 1e300", anyJob, QStringLiteral("peakRssKb"), "1e300", QStringLiteral("\"peakRssKb\"")},
        {"a poll time 1e300", anyJob, QStringLiteral("pollTimesMs"), "[1, 1e300]", QStringLiteral("\"pollTimesMs\"")},
        {"a pause 1e300", anyJob, QStringLiteral("pausedStretches"), "[{\"startMs\":1e300,\"endMs\":2}]",
         QStringLiteral("\"startMs\"")},
        {"history RSS 1e300", withHistory, QStringLiteral("history/0/2"), "1e300", QStringLiteral("\"history\"")},
        {"history RSS 2^63", withHistory, QStringLiteral("history/0/2"), "9223372036854775808",
         QStringLiteral("\"history\"")},
        {"history ms -1e300", withHistory, QStringLiteral("history/0/0"), "-1e300", QStringLiteral("\"history\"")},
        {"descendant pid 1e300", withDescendants, QStringLiteral("descendants/0/pid"), "1e300", QStringLiteral("\"pid\"")},
        {"descendant cpuMs negative", withDescendants, QStringLiteral("descendants/0/cpuMs"), "-7",
         QStringLiteral("\"cpuMs\"")},
    };
    for (const Row &row : rows) {
        const QByteArray bytes = withJobValue(good, row.needle, row.path, row.raw);
        QVERIFY2(bytes != good, row.name); // the row did change the file
        QTest::newRow(row.name) << bytes << row.field;
    }
    // The document's and the run's own numbers.
    QByteArray version = good;
    version.replace("\"version\":1", "\"version\":1e300");
    QVERIFY(version != good);
    QTest::newRow("version 1e300") << version << QStringLiteral("\"version\"");
    QByteArray copies = good;
    copies.replace("\"copies\":3", "\"copies\":1e300");
    QVERIFY(copies != good);
    QTest::newRow("copies 1e300") << copies << QStringLiteral("\"copies\"");
    // A report without "presetDefinition": the copies come from the jobs'
    // "group", where group + 1 would overflow an int.
    const qsizetype jobAt = good.indexOf("\n{\"args\"") + 1;
    QJsonObject job = QJsonDocument::fromJson(good.mid(jobAt, good.indexOf('\n', jobAt) - jobAt).chopped(1)).object();
    QVERIFY(!job.isEmpty());
    job.insert(QStringLiteral("group"), QStringLiteral("@HOSTILE@"));
    const QJsonObject run{{QStringLiteral("preset"), QStringLiteral("p")}, {QStringLiteral("jobs"), QJsonArray{job}}};
    QByteArray group = QJsonDocument(QJsonObject{{QStringLiteral("format"), QStringLiteral("spawnscope-runs")},
                                                 {QStringLiteral("version"), 1},
                                                 {QStringLiteral("runs"), QJsonArray{run}}})
                           .toJson(QJsonDocument::Compact);
    group.replace("\"@HOSTILE@\"", "2147483647");
    QTest::newRow("group INT_MAX") << group << QStringLiteral("\"group\"");
}

void TstSession::hostileNumbersAreRefused()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, field);
    const SessionReader::Result result = readBytes(bytes);
    QVERIFY2(!result.ok(), "a hostile number was accepted");
    QVERIFY(result.runs.isEmpty());
    QVERIFY2(result.error.startsWith(QLatin1String("test.spawnscope ")), qPrintable(result.error));
    QVERIFY2(result.error.contains(field), qPrintable(result.error));
}

void TstSession::compactAndIndentedDocumentsRead()
{
    // Another tool's spelling of the same session: every job read, whatever the layout.
    const QJsonDocument doc = QJsonDocument::fromJson(m_session);
    for (const QJsonDocument::JsonFormat format : {QJsonDocument::Compact, QJsonDocument::Indented}) {
        const SessionReader::Result result = readBytes(doc.toJson(format));
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.runs.size(), 6);
        QCOMPARE(result.runs.at(1).jobs.at(1).stdoutKept, QByteArray("caf\xc3\xa9 \xff\xfe end\n"));
    }
}

void TstSession::reportIsRecognisedByItsFormat_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("isReport");
    const QJsonDocument doc = QJsonDocument::fromJson(m_session);
    QTest::newRow("as SpawnScope writes it") << m_session << true;
    QTest::newRow("compact") << doc.toJson(QJsonDocument::Compact) << true;
    QTest::newRow("pretty-printed") << doc.toJson(QJsonDocument::Indented) << true;
    QTest::newRow("format last, after the runs")
        << QByteArray("{\n  \"runs\": [ {\"jobs\": [\"}\", {\"format\": \"x\"}]} ],\n  \"version\": 1,\n"
                      "  \"format\" :\n \"spawnscope-runs\"\n}\n")
        << true;
    QTest::newRow("escaped") << QByteArray("{\"form\\u0061t\": \"spawnscope\\u002druns\"}") << true;
    QTest::newRow("presets") << QByteArray("{\"version\": 1, \"presets\": [{\"id\": \"a\"}]}") << false;
    QTest::newRow("format only nested") << QByteArray("{\"x\": {\"format\": \"spawnscope-runs\"}, \"y\": 2}") << false;
    QTest::newRow("format in a string")
        << QByteArray("{\"note\": \"\\\"format\\\":\\\"spawnscope-runs\\\"\"}") << false;
    QTest::newRow("another format") << QByteArray("{\"format\": \"chrome-trace\"}") << false;
    QTest::newRow("not JSON") << QByteArray("format: spawnscope-runs\n") << false;
}

void TstSession::reportIsRecognisedByItsFormat()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, isReport);
    // Not named .spawnscope: only what it holds can say what it is.
    const QString path = m_dir.filePath(QStringLiteral("dropped.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
    file.close();
    QCOMPARE(SessionReader::isSessionFile(path), isReport);
}

void TstSession::restoreLeavesOutTheOldestRunsPastTheMemoryBudget()
{
    // What each run costs, read with no budget to speak of.
    const SessionReader::Result whole = readBytes(m_session);
    QVERIFY2(whole.ok(), qPrintable(whole.error));
    QList<qint64> costs;
    for (const RecordedRun &run : whole.runs) {
        qint64 cost = 0;
        for (const JobProcess::Record &job : run.jobs)
            cost += SessionReader::memoryCost(job);
        costs << cost;
    }
    // A budget that holds the newest three runs but not the newest four.
    const qint64 budget = costs.at(3) + costs.at(4) + costs.at(5) + costs.at(2) / 2;
    const QString path = m_dir.filePath(QStringLiteral("budget/session.spawnscope"));
    QVERIFY(QDir().mkpath(QFileInfo(path).path()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(m_session);
    file.close();

    JobEngine engine;
    SessionKeeper keeper(&engine);
    keeper.setMemoryBudget(budget);
    const QList<QVariant> restored = restoreFrom(&keeper, path);
    QCOMPARE(restored.value(0).toInt(), 3);
    QCOMPARE(engine.runs().size(), 3);
    QCOMPARE(engine.runs().first()->preset().id, whole.runs.at(3).preset.id);
    QCOMPARE(engine.runs().last()->preset().id, whole.runs.at(5).preset.id);
    const QString message = restored.value(1).toString();
    QVERIFY2(message.contains(QLatin1String("its 3 oldest run")), qPrintable(message));
    // The whole file is kept aside, never written over by the next save.
    const QRegularExpressionMatch named =
        QRegularExpression(QRegularExpression::escape(path) + QStringLiteral("\\.broken-\\d{8}-\\d{6}")).match(message);
    QVERIFY2(named.hasMatch(), qPrintable(message));
    QFile aside(named.captured());
    QVERIFY(aside.open(QIODevice::ReadOnly));
    QCOMPARE(aside.readAll(), m_session);

    // Reading directly says the same in numbers.
    QByteArray copy = m_session;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    const SessionReader::Result cut = SessionReader::read(&buffer, QStringLiteral("t"), OutputBudget::DefaultBytes,
                                                          RecordedRun::Origin::Opened, budget);
    QVERIFY2(cut.ok(), qPrintable(cut.error));
    QCOMPARE(cut.droppedRuns, 3);
    QCOMPARE(cut.runs.size(), 3);

    // A file opened by hand is all or nothing: the table is left as it was.
    const QString other = m_dir.filePath(QStringLiteral("budget/opened.spawnscope"));
    QVERIFY(QFile::copy(named.captured(), other));
    QSignalSpy opened(&keeper, &SessionKeeper::opened);
    keeper.open(other);
    QVERIFY(opened.wait(5000));
    QCOMPARE(opened.first().at(1).toInt(), 0);
    QVERIFY2(opened.first().at(3).toString().contains(QLatin1String("would be left out")),
             qPrintable(opened.first().at(3).toString()));
    QCOMPARE(engine.runs().size(), 3);
    QVERIFY(QFile::exists(other)); // never moved: it is not the kept session
}

void TstSession::restoreTooLargeForTheMemoryBudgetStartsEmpty()
{
    const QString path = m_dir.filePath(QStringLiteral("toolarge/session.spawnscope"));
    QVERIFY(QDir().mkpath(QFileInfo(path).path()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(m_session);
    file.close();
    const QDateTime before = QDateTime::currentDateTime();
    JobEngine engine;
    SessionKeeper keeper(&engine);
    keeper.setMemoryBudget(1024); // less than any one job
    const QList<QVariant> restored = restoreFrom(&keeper, path);
    QCOMPARE(restored.value(0).toInt(), 0);
    QVERIFY(engine.runs().isEmpty());
    const QString message = restored.value(1).toString();
    QVERIFY2(message.contains(QLatin1String("cannot be restored within")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("this session starts empty")), qPrintable(message));
    QVERIFY(!QFile::exists(path));
    // Named for when it was moved aside.
    const QStringList aside = QDir(QFileInfo(path).path()).entryList(QDir::Files);
    QCOMPARE(aside.size(), 1);
    const QDateTime stamp = QDateTime::fromString(aside.first().section(QStringLiteral(".broken-"), 1),
                                                  QStringLiteral("yyyyMMdd-HHmmss"));
    QVERIFY2(aside.first().startsWith(QLatin1String("session.spawnscope.broken-")) && stamp.isValid(),
             qPrintable(aside.first()));
    QVERIFY(stamp >= before.addSecs(-1) && stamp <= QDateTime::currentDateTime());
    QVERIFY2(message.contains(QFileInfo(path).path() + QLatin1Char('/') + aside.first()), qPrintable(message));

    // Saving starts again, into a new file, once a run finishes.
    QSignalSpy saved(&keeper, &SessionKeeper::saved);
    QVERIFY(waitRun(engine.start(helperPreset({QStringLiteral("exit"), QStringLiteral("0")}))));
    QVERIFY(saved.wait(5000));
    QVERIFY(QFile::exists(path));
}

void TstSession::historyCountsTowardsTheMemoryBudget()
{
    // Three jobs with 100,000 history points each (2.4 MB in memory, little
    // output): a 4 MiB budget holds one of them, though their output is tiny
    // and the output budget alone would keep them all.
    constexpr int Points = 100000;
    QByteArray points = "[";
    for (int i = 0; i < Points; ++i)
        points += i ? ",[1,2,3]" : "[1,2,3]";
    points += ']';
    QByteArray bytes = m_session;
    for (const QByteArray needle : {QByteArray("ignore-term"), QByteArray("\"crash\""), QByteArray("echo hi | cat")})
        bytes = withJobValue(bytes, needle, QStringLiteral("history"), points);
    QVERIFY(bytes.size() > m_session.size() + 3 * 7 * Points);

    const SessionReader::Result all = readBytes(bytes);
    QVERIFY2(all.ok(), qPrintable(all.error));
    QCOMPARE(all.runs.size(), 6);
    QCOMPARE(all.droppedRuns, 0);

    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    const SessionReader::Result cut = SessionReader::read(&buffer, QStringLiteral("t"), OutputBudget::DefaultBytes,
                                                          RecordedRun::Origin::Opened, 4 * 1024 * 1024);
    QVERIFY2(cut.ok(), qPrintable(cut.error));
    // The newest run with its history and the small run before it fit;
    // the crash run's history would not, nor anything older.
    QCOMPARE(cut.droppedRuns, 4);
    QCOMPARE(cut.runs.size(), 2);
    QCOMPARE(cut.runs.first().preset.id, all.runs.at(4).preset.id);
    QCOMPARE(cut.runs.last().preset.id, all.runs.last().preset.id);
    QCOMPARE(cut.runs.last().jobs.first().resources.history.size(), Points);
}

void TstSession::aLargeSessionRestoresWithinTheMemoryBudget()
{
    // A 300 MB session, written a run at a time: 375 runs of one job with
    // 100,000 history points each (2.4 MB in memory apiece, 900 MB together
    // read as they were). The window's keeper restores the newest that fit
    // the budget, says how many were left out, and keeps the file.
#if defined(__SANITIZE_ADDRESS__)
    // The sanitizer build reads three times slower: the same shape at a
    // quarter of the size (75 MB against a sixteenth of the budget).
    constexpr int Points = 25000;
    constexpr qint64 BudgetShare = 16;
#else
    constexpr int Points = 100000;
    constexpr qint64 BudgetShare = 4;
#endif
    constexpr int Runs = 375;
    JobEngine source;
    QVERIFY(waitRun(source.start(helperPreset({QStringLiteral("exit"), QStringLiteral("0")}))));
    const SessionWriter::RunPieces pieces = SessionWriter::runPieces(source.runs().first());
    QJsonObject job = QJsonDocument::fromJson(pieces.jobLines.first()).object();
    job.insert(QStringLiteral("history"), QStringLiteral("@POINTS@"));
    QByteArray points = "[";
    for (int i = 0; i < Points; ++i)
        points += i ? ",[1,2,3]" : "[1,2,3]";
    points += ']';
    QByteArray line = QJsonDocument(job).toJson(QJsonDocument::Compact);
    line.replace("\"@POINTS@\"", points);
    const QByteArray run = pieces.head + line + pieces.tail;
    // Each run its own: the same run 375 times would be restored once.
    const QByteArray uuid = source.runs().first()->uuid().toString(QUuid::WithoutBraces).toLatin1();
    QVERIFY(pieces.head.contains(uuid));

    const QString path = m_dir.filePath(QStringLiteral("large/session.spawnscope"));
    QVERIFY(QDir().mkpath(QFileInfo(path).path()));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(ReportStream::documentHead());
        for (int i = 0; i < Runs; ++i) {
            if (i > 0)
                file.write(ReportStream::Separator);
            QByteArray head = pieces.head;
            head.replace(uuid, QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1());
            QCOMPARE(file.write(head), head.size());
            QCOMPARE(file.write(line + pieces.tail), line.size() + pieces.tail.size());
        }
        file.write(ReportStream::documentTail());
        QVERIFY(file.size() > qint64(Points) * 3000);
    }

    // What one such run costs, as the budget counts it.
    QByteArray one = ReportStream::documentHead() + run + ReportStream::documentTail();
    const SessionReader::Result single = readBytes(one);
    QVERIFY2(single.ok(), qPrintable(single.error));
    const qint64 cost = SessionReader::memoryCost(single.runs.first().jobs.first());
    // A share of the default budget: restoring 256 MiB of runs, each job's
    // session line then made again for the next save, takes the GUI thread
    // longer than a test should wait.
    constexpr qint64 Budget = SessionReader::DefaultMemoryBudget / BudgetShare;
    const int fit = int(Budget / cost);
    QVERIFY(fit > 10 && fit < Runs);

    const qint64 fileSize = QFileInfo(path).size();
    QElapsedTimer clock;
    clock.start();
    JobEngine engine;
    SessionKeeper keeper(&engine);
    QCOMPARE(keeper.memoryBudget(), SessionReader::DefaultMemoryBudget);
    keeper.setMemoryBudget(Budget);
    const QList<QVariant> restored = restoreFrom(&keeper, path, 60000);
    qInfo("restored %d of %d runs from a %lld MB session in %lld ms", restored.value(0).toInt(), Runs,
          fileSize / 1000000, clock.elapsed());
    QCOMPARE(restored.value(0).toInt(), fit);
    QCOMPARE(engine.runs().size(), fit);
    QCOMPARE(engine.runs().last()->jobs().first()->resources().history.size(), Points);
    const QString message = restored.value(1).toString();
    QVERIFY2(message.contains(QStringLiteral("its %1 oldest run").arg(Runs - fit)), qPrintable(message));
    QVERIFY(!QFile::exists(path));
    QCOMPARE(QDir(QFileInfo(path).path()).entryList(QDir::Files).size(), 1);
}

void TstSession::keptSessionIsPrivate()
{
    const mode_t oldMask = ::umask(022); // what most users have: 0644 files, 0755 folders
    const QString folder = m_dir.filePath(QStringLiteral("data/SpawnScope/spawnscope"));
    const QString path = folder + QStringLiteral("/session.spawnscope");
    {
        JobEngine engine;
        SessionKeeper keeper(&engine);
        keeper.setPath(path);
        keeper.restoreLast();
        QVERIFY(waitRun(engine.start(helperPreset({QStringLiteral("exit"), QStringLiteral("0")}))));
        keeper.saveNow();
    }
    QVERIFY(QFile::exists(path));
    QCOMPARE(modeOf(path), mode_t(0600));
    QCOMPARE(modeOf(folder), mode_t(0700));
    QCOMPARE(modeOf(QFileInfo(folder).path()), mode_t(0700));
    QCOMPARE(modeOf(m_dir.filePath(QStringLiteral("data"))), mode_t(0700));

    // A session and folder an older SpawnScope left readable are made private
    // at the next save.
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0644) == 0);
    QVERIFY(::chmod(QFile::encodeName(folder).constData(), 0755) == 0);
    {
        JobEngine engine;
        SessionKeeper keeper(&engine);
        const QList<QVariant> restored = restoreFrom(&keeper, path);
        QCOMPARE(restored.value(0).toInt(), 1);
        keeper.saveNow();
    }
    QCOMPARE(modeOf(path), mode_t(0600));
    QCOMPARE(modeOf(folder), mode_t(0700));
    ::umask(oldMask);
}

void TstSession::openingAFileAgainAddsNoRun_data()
{
    QTest::addColumn<bool>("older");
    QTest::newRow("runs with their uuid") << false;
    QTest::newRow("older file, without uuids") << true;
}

void TstSession::openingAFileAgainAddsNoRun()
{
    QFETCH(bool, older);
    const QString path = fileOf(QStringLiteral("twice.spawnscope"), {0, 1, 2, 3, 4, 5}, older);
    QVERIFY(!path.isEmpty());
    JobEngine engine;
    SessionKeeper keeper(&engine);
    keeper.setEnabled(false);
    const QList<QVariant> first = openIn(&keeper, path);
    QCOMPARE(first.value(1).toInt(), 6);
    QCOMPARE(first.value(2).toInt(), 0);
    QCOMPARE(first.value(3).toString(), QString());
    QCOMPARE(engine.runs().size(), 6);
    const QByteArray once = sessionOf(engine);

    const QList<QVariant> again = openIn(&keeper, path);
    QCOMPARE(again.value(1).toInt(), 0);
    QCOMPARE(again.value(2).toInt(), 6);
    QCOMPARE(again.value(3).toString(), QString());
    QCOMPARE(engine.runs().size(), 6);
    // What is saved now holds each run once, as it did after the first open.
    const QByteArray saved = sessionOf(engine);
    QCOMPARE(saved, once);
    const QList<QUuid> uuids = uuidsIn(saved);
    QCOMPARE(uuids.size(), 6);
    QCOMPARE(QSet<QUuid>(uuids.cbegin(), uuids.cend()).size(), 6);
    if (!older)
        QCOMPARE(saved, m_session);
}

void TstSession::aFileWithOneNewRunAddsOnlyThatOne_data()
{
    QTest::addColumn<bool>("older");
    QTest::newRow("runs with their uuid") << false;
    QTest::newRow("older files, without uuids") << true;
}

void TstSession::aFileWithOneNewRunAddsOnlyThatOne()
{
    QFETCH(bool, older);
    const QString first = fileOf(QStringLiteral("runs-0-1.spawnscope"), {0, 1}, older);
    const QString second = fileOf(QStringLiteral("runs-1-2.spawnscope"), {1, 2}, older);
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    JobEngine engine;
    SessionKeeper keeper(&engine);
    keeper.setEnabled(false);
    QCOMPARE(openIn(&keeper, first).value(1).toInt(), 2);
    const QList<QVariant> opened = openIn(&keeper, second);
    QCOMPARE(opened.value(1).toInt(), 1);
    QCOMPARE(opened.value(2).toInt(), 1);
    QCOMPARE(engine.runs().size(), 3);
    const SessionReader::Result all = readBytes(m_session);
    for (int r = 0; r < 3; ++r)
        QCOMPARE(engine.runs().at(r)->preset().id, all.runs.at(r).preset.id);

    // Saved as File → Save session as… writes it: each run once.
    const QString path = m_dir.filePath(QStringLiteral("merged.spawnscope"));
    QString error;
    QVERIFY2(keeper.saveAs(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QUuid> uuids = uuidsIn(file.readAll());
    QCOMPARE(uuids.size(), 3);
    QCOMPARE(QSet<QUuid>(uuids.cbegin(), uuids.cend()).size(), 3);
    if (!older)
        QCOMPARE(uuids, uuidsIn(m_session).mid(0, 3));
}

void TstSession::openingTheKeptSessionsRunsAddsNone_data()
{
    QTest::addColumn<bool>("older");
    QTest::newRow("runs with their uuid") << false;
    QTest::newRow("older files, without uuids") << true;
}

void TstSession::openingTheKeptSessionsRunsAddsNone()
{
    // The kept session restored at start, then a saved copy of the same
    // runs opened (File → Open…, --open).
    QFETCH(bool, older);
    const QString name = older ? QStringLiteral("kept-older") : QStringLiteral("kept");
    QVERIFY(QDir().mkpath(m_dir.filePath(name)));
    const QString kept = fileOf(name + QStringLiteral("/session.spawnscope"), {0, 1, 2, 3, 4, 5}, older);
    const QString copy = fileOf(name + QStringLiteral("/copy.spawnscope"), {0, 1, 2, 3, 4, 5}, older);
    QVERIFY(!kept.isEmpty() && !copy.isEmpty());
    {
        JobEngine engine;
        SessionKeeper keeper(&engine);
        QCOMPARE(restoreFrom(&keeper, kept).value(0).toInt(), 6);
        const QList<QVariant> opened = openIn(&keeper, copy);
        QCOMPARE(opened.value(1).toInt(), 0);
        QCOMPARE(opened.value(2).toInt(), 6);
        QCOMPARE(engine.runs().size(), 6);
        keeper.saveNow();
    }
    QFile file(kept);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray saved = file.readAll();
    const QList<QUuid> uuids = uuidsIn(saved);
    QCOMPARE(uuids.size(), 6);
    QCOMPARE(QSet<QUuid>(uuids.cbegin(), uuids.cend()).size(), 6);
    if (!older)
        QCOMPARE(saved, m_session);

    // The next start: an older file's runs, saved with the identity derived
    // for them, are still the runs of that file.
    JobEngine engine;
    SessionKeeper keeper(&engine);
    QCOMPARE(restoreFrom(&keeper, kept).value(0).toInt(), 6);
    QCOMPARE(openIn(&keeper, copy).value(1).toInt(), 0);
    QCOMPARE(engine.runs().size(), 6);
}

void TstSession::aSessionHoldingARunTwiceRestoresItOnce()
{
    // What an older SpawnScope kept after a file of the runs shown was
    // opened: every run twice, and no uuids.
    QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("doubled"))));
    const QString path = fileOf(QStringLiteral("doubled/session.spawnscope"), {0, 1, 0, 1}, true);
    QVERIFY(!path.isEmpty());
    {
        JobEngine engine;
        SessionKeeper keeper(&engine);
        const QList<QVariant> restored = restoreFrom(&keeper, path);
        QCOMPARE(restored.value(0).toInt(), 2);
        QCOMPARE(restored.value(1).toString(), QString());
        QCOMPARE(engine.runs().size(), 2);
        keeper.saveNow();
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QUuid> uuids = uuidsIn(file.readAll());
    QCOMPARE(uuids.size(), 2);
    QVERIFY(uuids.first() != uuids.last());
}

void TstSession::undoingNewSessionPutsNoRunBackTwice()
{
    // File → New session, then the same runs opened from a file, then
    // Ctrl+Z: the runs the undo would bring back are shown already.
    const QString path = fileOf(QStringLiteral("undo.spawnscope"), {0, 1, 2}, false);
    QVERIFY(!path.isEmpty());
    JobEngine engine;
    SessionKeeper keeper(&engine);
    keeper.setEnabled(false);
    QCOMPARE(openIn(&keeper, path).value(1).toInt(), 3);
    const QList<JobRun *> taken = engine.takeFinished();
    QCOMPARE(taken.size(), 3);
    QVERIFY(engine.runs().isEmpty());
    QCOMPARE(openIn(&keeper, path).value(1).toInt(), 3);
    engine.putBack(taken);
    QCOMPARE(engine.runs().size(), 3);
    const QList<QUuid> uuids = uuidsIn(sessionOf(engine));
    QCOMPARE(uuids, uuidsIn(m_session).mid(0, 3));
}

QTEST_GUILESS_MAIN(TstSession)
#include "tst_session.moc"
