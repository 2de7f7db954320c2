#include "headlessrunner.h"

#include "clilog.h"
#include "jobengine.h"
#include "jobprocess.h"
#include "jobrun.h"
#include "stoprequest.h"

#include <QJsonDocument>
#include <QTimer>

#include <cstdio>

HeadlessRunner::HeadlessRunner(QObject *parent)
    : QObject(parent)
    , m_engine(new JobEngine(this))
{
    // Before any of the run's jobs starts: one that fails inside QProcess's
    // start() (a fork refused) ends at once, and its entry must not be lost.
    connect(m_engine, &JobEngine::runAdded, this, [this](JobRun *run) {
        m_waiting.clear();
        m_nextEntry = 0;
        if (m_report)
            m_report->beginRun(run);
        connect(run, &JobRun::jobFinished, this, [this, run](int index) { onJobFinished(run, index); });
    });
    connect(m_engine, &JobEngine::runFinished, this, [this](JobRun *run) {
        m_completed << run;
        // Every entry is out by now; should one have gone missing, the
        // ones after it are still written rather than held back.
        for (auto it = m_waiting.cbegin(); it != m_waiting.cend(); ++it)
            writeEntry(run, it.key(), it.value());
        m_waiting.clear();
        if (m_report)
            m_report->endRun(run);
        else
            writeOut(RunReport::summaryRunLine(run).toUtf8());
        // Leave the finished() handlers of this run before starting the next.
        QTimer::singleShot(0, this, &HeadlessRunner::startNext);
    });
}

HeadlessRunner::~HeadlessRunner() = default;

void HeadlessRunner::setSampleInterval(int ms)
{
    if (ms > 0)
        m_engine->setSampleInterval(ms);
}

void HeadlessRunner::run(const QList<Preset> &presets)
{
    m_queue = presets;
    m_engine->setReleasingRuns(true);
    // The signal watcher is in place by now: a write waiting on a FIFO's
    // reader gives up when it fires.
    StopRequest::watch();
    connect(&m_readerWait, &ReaderWait::ready, this, &HeadlessRunner::openStreams, Qt::UniqueConnection);
    m_readerWait.start({m_reportPath, m_joblogPath, m_tracePath});
    for (const QString &fifo : m_readerWait.waitingFor())
        std::fprintf(stderr, "spawnscope: waiting for a reader of %s; Ctrl+C gives up\n", qPrintable(fifo));
}

void HeadlessRunner::openStreams()
{
    if (!m_reportPath.isEmpty()) {
        m_report = std::make_unique<ReportStream>();
        if (!openStream(m_report->open(m_reportPath, &m_reportError), m_reportError))
            return;
    }
    if (!m_joblogPath.isEmpty()) {
        m_joblog = std::make_unique<JobLogStream>();
        if (!openStream(m_joblog->open(m_joblogPath, &m_reportError), m_reportError))
            return;
    }
    if (!m_tracePath.isEmpty()) {
        m_trace = std::make_unique<ChromeTraceStream>();
        if (!openStream(m_trace->open(m_tracePath, &m_reportError), m_reportError))
            return;
    }
    m_readerWait.release();
    QTimer::singleShot(0, this, &HeadlessRunner::startNext);
}

bool HeadlessRunner::openStream(bool opened, const QString &error)
{
    if (opened)
        return true;
    m_queue.clear();
    QTimer::singleShot(0, this, [this, error] {
        std::fprintf(stderr, "spawnscope: %s\n", qPrintable(error));
        emit finished(ReportFailedExit);
    });
    return false;
}

void HeadlessRunner::interrupt(int signal)
{
    if (m_interruptSignal != 0)
        return;
    m_interruptSignal = signal;
    m_queue.clear();
    m_readerWait.stop(); // nothing ran yet: nothing to report
    std::fprintf(stderr, "spawnscope: interrupted; stopping the children\n");
    if (m_engine->isIdle())
        QTimer::singleShot(0, this, &HeadlessRunner::startNext);
    else
        m_engine->stopAll();
}

void HeadlessRunner::startNext()
{
    if (m_queue.isEmpty()) {
        writeReport();
        return;
    }
    Preset preset = m_queue.takeFirst();
    // Nobody types in a headless run: a stdin kept open for typing would wait
    // forever, so it reads end of file at once instead.
    if (preset.stdinSpec.isInteractive())
        preset.stdinSpec = StdinSpec();
    qCDebug(lcCli) << "running" << preset.id << "with" << preset.copies << "copies," << m_queue.size() << "to go";
    m_engine->start(preset);
}

void HeadlessRunner::onJobFinished(JobRun *run, int index)
{
    // A copy is written whole, once its last stage ends: a chain's stages
    // share pipes until then.
    const int stages = run->stageCount();
    const int copy = index / stages;
    if (!run->isCopyDone(copy))
        return;
    for (int i = copy * stages; i < (copy + 1) * stages; ++i) {
        checkOutputFiles(run, i);
        const QByteArray entry = m_report ? QJsonDocument(RunReport::jobToJson(run, i, m_reportTextBytes)).toJson(QJsonDocument::Compact)
                                          : RunReport::summaryJobLine(run, i).toUtf8();
        m_waiting.insert(i, entry);
    }
    if (!streamsJobs())
        run->releaseCopy(copy);
    while (!m_waiting.isEmpty() && m_waiting.firstKey() == m_nextEntry) {
        writeEntry(run, m_nextEntry, m_waiting.take(m_nextEntry));
        ++m_nextEntry;
    }
}

void HeadlessRunner::checkOutputFiles(const JobRun *run, int index)
{
    const JobProcess *job = run->jobs().at(index);
    if (!job)
        return;
    QStringList errors;
    for (const OutputTail *tail : {&job->stdoutTail(), &job->stderrTail()}) {
        if (tail->copyIncomplete() && !errors.contains(tail->fileError()))
            errors << tail->fileError();
    }
    for (const QString &error : std::as_const(errors))
        std::fprintf(stderr, "spawnscope: %s\n", qPrintable(error));
    m_outputIncomplete = m_outputIncomplete || !errors.isEmpty();
}

void HeadlessRunner::writeEntry(JobRun *run, int index, const QByteArray &entry)
{
    writeOut(entry);
    if (!streamsJobs() || !run->jobs().at(index))
        return;
    if (m_joblog)
        m_joblog->addJob(run, index);
    if (m_trace)
        m_trace->addJob(run, index);
    if ((index + 1) % run->stageCount() == 0)
        run->releaseCopy(index / run->stageCount());
}

void HeadlessRunner::writeOut(const QByteArray &bytes)
{
    if (m_report) {
        m_report->addJob(bytes);
        return;
    }
    std::fputs(bytes.constData(), stdout);
    std::fflush(stdout);
}

void HeadlessRunner::writeReport()
{
    // An interrupt outweighs a stream it cut short (its message still says
    // which one), also when the write it ended came before interrupt().
    const int signal = m_interruptSignal ? m_interruptSignal : StopRequest::signal();
    const int failed = signal ? 128 + signal : ReportFailedExit;
    const int success = signal ? 128 + signal : m_outputIncomplete ? OutputIncompleteExit : 0;
    if ((m_joblog && !m_joblog->finish(&m_reportError)) || (m_trace && !m_trace->finish(&m_reportError))) {
        std::fprintf(stderr, "spawnscope: %s\n", qPrintable(m_reportError));
        emit finished(failed);
        return;
    }
    if (m_report && !m_report->finish(&m_reportError)) {
        std::fprintf(stderr, "spawnscope: %s\n", qPrintable(m_reportError));
        emit finished(failed);
        return;
    }
    emit finished(success);
}
