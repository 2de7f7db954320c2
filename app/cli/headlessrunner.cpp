#include "headlessrunner.h"

#include "atomicfile.h"
#include "chrometrace.h"
#include "jobengine.h"
#include "joblog.h"
#include "jobrun.h"
#include "runreport.h"

#include <QJsonDocument>
#include <QTimer>

#include <cstdio>

HeadlessRunner::HeadlessRunner(QObject *parent)
    : QObject(parent)
    , m_engine(new JobEngine(this))
{
    connect(m_engine, &JobEngine::runFinished, this, [this](JobRun *run) {
        m_completed << run;
        if (m_reportPath.isEmpty()) {
            std::fputs(qPrintable(RunReport::summary(run)), stdout);
            std::fflush(stdout);
        }
        // Leave the finished() handlers of this run before starting the next.
        QTimer::singleShot(0, this, &HeadlessRunner::startNext);
    });
}

void HeadlessRunner::setSampleInterval(int ms)
{
    if (ms > 0)
        m_engine->setSampleInterval(ms);
}

void HeadlessRunner::run(const QList<Preset> &presets)
{
    m_queue = presets;
    QTimer::singleShot(0, this, &HeadlessRunner::startNext);
}

void HeadlessRunner::interrupt(int signal)
{
    if (m_interruptSignal != 0)
        return;
    m_interruptSignal = signal;
    m_queue.clear();
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
    m_engine->start(preset);
}

void HeadlessRunner::writeReport()
{
    const int success = m_interruptSignal ? 128 + m_interruptSignal : 0;
    const auto writeOrFail = [this](const QString &path, const QByteArray &content, const QString &what) {
        QString error;
        if (path.isEmpty() || AtomicFile::write(path, content, what, &error))
            return true;
        std::fprintf(stderr, "spawnscope: %s\n", qPrintable(error));
        emit finished(2);
        return false;
    };
    if (!writeOrFail(m_joblogPath, m_joblogPath.isEmpty() ? QByteArray() : JobLog::forPath(m_joblogPath, m_completed),
                     tr("the job log"))
        || !writeOrFail(m_tracePath, m_tracePath.isEmpty() ? QByteArray() : ChromeTrace::toJson(m_completed),
                        tr("the trace"))) {
        return;
    }
    if (m_reportPath.isEmpty()) {
        emit finished(success);
        return;
    }
    const QByteArray json = QJsonDocument(RunReport::toJson(m_completed)).toJson(QJsonDocument::Indented);
    if (writeOrFail(m_reportPath, json, tr("the report")))
        emit finished(success);
}
