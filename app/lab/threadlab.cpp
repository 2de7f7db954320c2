#include "threadlab.h"

#include "busymeter.h"
#include "coreprogram.h"
#include "gillock.h"
#include "jobengine.h"
#include "jobprocess.h"
#include "jobrun.h"
#include "lablog.h"
#include "workerprotocol.h"

#include <QCoreApplication>
#include <QTimer>

#include <chrono>
#include <ctime>
#include <poll.h>

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start, Clock::time_point t = Clock::now())
{
    return std::chrono::duration<double, std::milli>(t - start).count();
}

double processCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// One blocking system call at a time, in slices short enough to notice a
// cancel within 50 ms: poll() with no descriptors is a pure timed block.
void blockFor(double seconds, const std::atomic<bool> &cancel)
{
    const auto end = Clock::now() + std::chrono::duration<double>(seconds);
    while (!cancel.load(std::memory_order_relaxed)) {
        const double left = std::chrono::duration<double, std::milli>(end - Clock::now()).count();
        if (left <= 0)
            break;
        ::poll(nullptr, 0, int(std::min(left, 50.0)) + (left < 1 ? 1 : 0));
    }
}

QString requestKey(const LabRequest &request)
{
    QStringList parts{QString::number(int(request.workload)), QString::number(request.scale),
                      Factorizer::algorithmKey(request.algorithm), QString::number(request.ioWorkers),
                      QString::number(request.ioSeconds)};
    for (quint64 n : request.numbers)
        parts << QString::number(n);
    return parts.join(QLatin1Char(','));
}

} // namespace

ThreadLab::ThreadLab(JobEngine *engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_workerProgram(CoreProgram::path())
    , m_progressTimer(new QTimer(this))
{
    qRegisterMetaType<LabResult>();
    m_progressTimer->setInterval(100);
    connect(m_progressTimer, &QTimer::timeout, this, [this] { emit progressChanged(progress()); });
}

ThreadLab::~ThreadLab()
{
    m_cancel = true;
    joinController();
    for (JobRun *run : std::as_const(m_runs)) {
        if (run->isActive())
            run->kill();
    }
}

QList<LabResult::Mode> ThreadLab::allModes(LabResult::Workload workload)
{
    if (workload == LabResult::Workload::BlockingIo)
        return {LabResult::Mode::Serial, LabResult::Mode::Threads, LabResult::Mode::Gil};
    return {LabResult::Mode::Serial, LabResult::Mode::Threads, LabResult::Mode::Gil, LabResult::Mode::Processes};
}

bool ThreadLab::run(const LabRequest &request, const QList<LabResult::Mode> &modes)
{
    if (m_running || modes.isEmpty())
        return false;
    m_request = request;
    m_queue = modes;
    m_running = true;
    m_cancelledAny = false;
    m_cancel = false;
    // Speed-ups are against a serial run of this same request.
    const QString key = requestKey(request);
    if (modes.contains(LabResult::Mode::Serial) || key != m_serialKey)
        m_serialWallMs = 0;
    m_serialKey = key;
    m_progressTimer->start();
    QTimer::singleShot(0, this, &ThreadLab::startNextMode);
    return true;
}

void ThreadLab::cancel()
{
    if (!m_running)
        return;
    m_cancel = true;
    m_queue.clear();
    for (JobRun *run : std::as_const(m_runs)) {
        if (run->isActive())
            run->kill();
    }
}

double ThreadLab::progress() const
{
    if (!m_running)
        return 0;
    return std::min(1.0, double(m_done.load()) / double(std::max<quint64>(m_total, 1)));
}

void ThreadLab::startNextMode()
{
    if (m_queue.isEmpty() || m_cancel) {
        m_running = false;
        m_progressTimer->stop();
        emit progressChanged(m_cancelledAny ? 0 : 1);
        emit finished(m_cancelledAny);
        return;
    }
    m_currentMode = m_queue.takeFirst();
    m_done = 0;
    if (m_request.workload == LabResult::Workload::BlockingIo) {
        // Progress counts worker-milliseconds of blocking.
        m_total = quint64(std::max(1.0, m_request.ioWorkers * m_request.ioSeconds * 1000));
    } else {
        m_total = std::max<quint64>(1, m_request.totalWork());
    }
    emit modeStarted(m_currentMode);
    if (m_currentMode == LabResult::Mode::Processes)
        startProcesses();
    else
        startInProcess(m_currentMode);
}

void ThreadLab::startInProcess(LabResult::Mode mode)
{
    joinController();
    const LabRequest request = m_request;
    m_controller = std::thread([this, request, mode] {
        LabResult result = request.workload == LabResult::Workload::Cpu
                               ? computeCpu(request, mode, m_cancel, m_done)
                               : computeBlockingIo(request, mode, m_cancel, m_done);
        // Back to the lab's thread as a value.
        QMetaObject::invokeMethod(this, [this, result] { completeMode(result); }, Qt::QueuedConnection);
    });
}

void ThreadLab::joinController()
{
    if (m_controller.joinable())
        m_controller.join();
}

LabResult ThreadLab::computeCpu(const LabRequest &request, LabResult::Mode mode, const std::atomic<bool> &cancel,
                                std::atomic<quint64> &done)
{
    LabResult result;
    result.mode = mode;
    result.workload = LabResult::Workload::Cpu;
    const int count = int(request.numbers.size());
    result.results.resize(count);
    for (int i = 0; i < count; ++i) {
        result.results[i].number = request.numbers.at(i);
        result.lanes << QString::number(request.numbers.at(i));
    }

    BusyMeter machine;
    machine.start();
    const Clock::time_point start = Clock::now();
    const double cpuStart = processCpuMs();
    GilLock gil;
    std::vector<std::vector<LabResult::Span>> spans(static_cast<size_t>(count));

    auto factorizeOne = [&](int lane) {
        const quint64 n = request.numbers.at(lane);
        const bool useGil = mode == LabResult::Mode::Gil;
        std::vector<LabResult::Span> &mine = spans[size_t(lane)];
        if (useGil)
            gil.acquire();
        double turnStart = msSince(start);
        const Factorizer::Checkpoint checkpoint = [&](quint64 divisions) {
            done.fetch_add(divisions, std::memory_order_relaxed);
            if (useGil && gil.shouldYield()) {
                mine.push_back({lane, turnStart, msSince(start)});
                gil.yield();
                turnStart = msSince(start);
            }
            return !cancel.load(std::memory_order_relaxed);
        };
        QList<quint64> divisors;
        for (int k = 0; k < request.scale && !cancel.load(std::memory_order_relaxed); ++k)
            divisors = Factorizer::divisors(n, request.algorithm, checkpoint);
        mine.push_back({lane, turnStart, msSince(start)});
        if (useGil)
            gil.release();
        result.results[lane].divisors = divisors;
    };

    if (mode == LabResult::Mode::Serial) {
        for (int lane = 0; lane < count && !cancel.load(); ++lane)
            factorizeOne(lane);
    } else {
        std::vector<std::thread> workers;
        workers.reserve(size_t(count));
        for (int lane = 0; lane < count; ++lane)
            workers.emplace_back(factorizeOne, lane);
        for (std::thread &worker : workers)
            worker.join();
    }

    result.wallMs = msSince(start);
    result.cpuMs = processCpuMs() - cpuStart;
    result.machineLoad = machine.finish();
    result.cancelled = cancel.load();
    result.gilSwitches = gil.switches();
    result.maxInsideLock = gil.maxInside();
    for (const auto &laneSpans : spans)
        result.spans << QList<LabResult::Span>(laneSpans.begin(), laneSpans.end());
    return result;
}

LabResult ThreadLab::computeBlockingIo(const LabRequest &request, LabResult::Mode mode,
                                       const std::atomic<bool> &cancel, std::atomic<quint64> &done)
{
    LabResult result;
    result.mode = mode;
    result.workload = LabResult::Workload::BlockingIo;
    const int count = request.ioWorkers;
    for (int i = 0; i < count; ++i)
        result.lanes << QObject::tr("worker %1").arg(i + 1);

    BusyMeter machine;
    machine.start();
    const Clock::time_point start = Clock::now();
    const double cpuStart = processCpuMs();
    GilLock gil;
    std::vector<LabResult::Span> spans(static_cast<size_t>(count));

    auto blockOne = [&](int lane) {
        const bool useGil = mode == LabResult::Mode::Gil;
        // CPython releases the GIL around a blocking system call.
        if (useGil)
            gil.acquire();
        spans[size_t(lane)].lane = lane;
        spans[size_t(lane)].startMs = msSince(start);
        if (useGil)
            gil.release();
        blockFor(request.ioSeconds, cancel);
        if (useGil)
            gil.acquire();
        spans[size_t(lane)].endMs = msSince(start);
        done.fetch_add(quint64(request.ioSeconds * 1000), std::memory_order_relaxed);
        if (useGil)
            gil.release();
    };

    if (mode == LabResult::Mode::Serial) {
        for (int lane = 0; lane < count && !cancel.load(); ++lane)
            blockOne(lane);
    } else {
        std::vector<std::thread> workers;
        for (int lane = 0; lane < count; ++lane)
            workers.emplace_back(blockOne, lane);
        for (std::thread &worker : workers)
            worker.join();
    }
    result.wallMs = msSince(start);
    result.cpuMs = processCpuMs() - cpuStart;
    result.machineLoad = machine.finish();
    result.cancelled = cancel.load();
    result.maxInsideLock = gil.maxInside();
    for (const LabResult::Span &span : spans) {
        if (span.endMs > 0)
            result.spans << span;
    }
    return result;
}

void ThreadLab::startProcesses()
{
    m_runs.clear();
    m_runOffsetMs.clear();
    if (!m_engine) {
        LabResult result;
        result.mode = LabResult::Mode::Processes;
        result.error = tr("no job engine to start worker processes with");
        completeMode(result);
        return;
    }
    m_modeClock.start();
    m_processesMachine.start();
    for (quint64 n : std::as_const(m_request.numbers)) {
        Preset preset;
        preset.id = QString::fromLatin1(WorkerProtocol::PresetId);
        preset.title = tr("Threads lab: factorize %1 in a child process").arg(n);
        preset.description = tr("A worker started by the threads lab: SpawnScope itself in worker mode, one process "
                                "per number, so the numbers are factorized in parallel on separate cores.");
        StageSpec stage;
        stage.program = m_workerProgram;
        stage.args = WorkerProtocol::arguments(n, m_request.scale, m_request.algorithm);
        preset.stages = {stage};
        preset.python = QStringLiteral("from concurrent.futures import ProcessPoolExecutor\n\n"
                                       "with ProcessPoolExecutor() as pool:\n"
                                       "    results = list(pool.map(factorize_list, numbers))\n");
        const double offset = double(m_modeClock.nsecsElapsed()) / 1e6;
        JobRun *run = m_engine->start(preset);
        m_runs << run;
        m_runOffsetMs << offset;
        connect(run, &JobRun::finished, this, &ThreadLab::onProcessRunFinished);
    }
}

void ThreadLab::onProcessRunFinished()
{
    if (!std::all_of(m_runs.cbegin(), m_runs.cend(), [](const JobRun *run) { return run->isDone(); }))
        return;
    LabResult result;
    result.mode = LabResult::Mode::Processes;
    result.workload = LabResult::Workload::Cpu;
    result.wallMs = double(m_modeClock.nsecsElapsed()) / 1e6;
    // The workers are reaped by now, so their CPU time counts as the lab's own.
    result.machineLoad = m_processesMachine.finish();
    result.cancelled = m_cancel.load();
    for (int i = 0; i < m_runs.size(); ++i) {
        const JobProcess *job = m_runs.at(i)->jobs().first();
        const quint64 n = m_request.numbers.at(i);
        result.lanes << QString::number(n);
        result.spans << LabResult::Span{i, m_runOffsetMs.at(i) + job->startedMs(), m_runOffsetMs.at(i) + job->finishedMs()};
        LabResult::NumberResult numberResult;
        numberResult.number = n;
        WorkerProtocol::Reply reply;
        if (!job->outcome().isSuccess() || !WorkerProtocol::parseReply(job->stdoutTail().tail(), &reply)) {
            if (result.error.isEmpty() && !result.cancelled) {
                result.error = tr("the worker for %1 did not answer: %2")
                                   .arg(n)
                                   .arg(job->outcome().explanation(0, 0));
            }
        } else {
            numberResult.divisors = reply.divisors;
            result.cpuMs += reply.cpuMs;
        }
        result.results << numberResult;
    }
    m_runs.clear();
    completeMode(result);
}

void ThreadLab::completeMode(LabResult result)
{
    joinController();
    if (result.cancelled)
        m_cancelledAny = true;
    if (!result.cancelled && result.error.isEmpty()) {
        if (result.mode == LabResult::Mode::Serial)
            m_serialWallMs = result.wallMs;
        if (m_serialWallMs > 0 && result.wallMs > 0)
            result.speedup = m_serialWallMs / result.wallMs;
    }
    qCDebug(lcLab) << LabResult::modeKey(result.mode) << "took" << result.wallMs << "ms"
                   << (result.cancelled ? "(cancelled)" : "") << result.error;
    emit modeFinished(result);
    startNextMode();
}
