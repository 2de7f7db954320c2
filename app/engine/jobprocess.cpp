#include "jobprocess.h"
#include "jobprocess_p.h"

#include "enginelog.h"
#include "launchcheck.h"
#include "outputcapture.h"
#include "outputdir.h"
#include "procreader.h"
#include "rootsample.h"
#include "terminalinput.h"
#include "unixsignals.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTimer>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <unistd.h>

namespace {

int toMs(double seconds)
{
    return int(std::max(0.0, seconds * 1000.0) + 0.5);
}

QTimer *preciseTimer(QObject *parent, bool singleShot)
{
    auto *timer = new QTimer(parent);
    timer->setSingleShot(singleShot);
    timer->setTimerType(Qt::PreciseTimer);
    return timer;
}

} // namespace

JobProcessPrivate::JobProcessPrivate(JobProcess *q, const JobSpec &spec, const QElapsedTimer *clock)
    : q(q)
    , m_spec(spec)
    , m_clock(clock)
    , m_process(new QProcess(q))
    , m_signals(m_process, spec.attachPid)
    , m_input(m_process)
    , m_output(new OutputCapture(spec.tailCapacity, clock, q))
{
}

JobProcess::JobProcess(const JobSpec &spec, const QElapsedTimer *clock, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<JobProcessPrivate>(this, spec, clock))
{
    QProcess *process = d->m_process;
    ChildSetup::prepare(process, spec.stage);
    connect(process, &QProcess::started, this, [this] { d->onStarted(); });
    connect(process, &QProcess::finished, this,
            [this](int code, QProcess::ExitStatus status) { d->onFinished(code, int(status)); });
    connect(process, &QProcess::errorOccurred, this,
            [this](QProcess::ProcessError error) { d->onErrorOccurred(int(error)); });
    connect(d->m_output, &OutputCapture::changed, this, &JobProcess::changed);
    connect(d->m_output, &OutputCapture::drained, this, [this] { d->endDrain(); });
    connect(&d->m_watch, &FamilyWatch::grew, this, [this](bool rootFound) {
        if (rootFound && d->m_spec.attachPid <= 0) {
            // Keyed by the tracer's pid until now.
            emit programPidChanged(d->m_pid);
            emit changed(); // the table's PID
        }
        emit resourcesChanged();
    });
}

JobProcess::~JobProcess()
{
    if (d->m_process->state() != QProcess::NotRunning) {
        // Last resort when the owner is torn down with the child alive (the app
        // normally stops children asynchronously first). SIGKILL cannot be
        // ignored, so the wait is for the kernel to reap, not for the child.
        d->m_process->disconnect(this);
        d->m_signals.group(SIGKILL);
        d->m_process->waitForFinished(2000);
    }
    d->m_output->close();
    if (d->m_terminalInput)
        d->m_terminalInput->close();
    d->m_watch.close();
}

void JobProcess::pipeTo(JobProcess *next)
{
    d->m_process->setStandardOutputProcess(next->d->m_process);
    d->m_pipesStdout = true;
    next->d->m_readsFromPipe = true;
}

void JobProcess::start()
{
    if (d->m_outcome.state != JobOutcome::State::Queued)
        return;
    QString program;
    // An attached job starts no program of its own, only the tracer.
    QString problem = d->m_spec.attachPid > 0 ? QString() : LaunchCheck::problem(d->m_spec.stage, &program);
    if (problem.isEmpty() && !d->m_spec.outputDir.isEmpty())
        OutputDir::open(d->m_spec.outputDir, d->m_spec.stage.commandLine(), &d->m_output->stdoutTail(),
                        &d->m_output->stderrTail(), &problem);
    if (!program.isEmpty())
        d->m_process->setProgram(program); // QProcess would search PATH again
    ChildSetup::Descriptors fds;
    if (problem.isEmpty())
        problem = d->openChannels(&fds);
    d->m_outcome.state = JobOutcome::State::Starting;
    if (!problem.isEmpty()) {
        d->failToStartLater(problem);
        return;
    }
    d->spawn(fds);
}

QString JobProcessPrivate::openChannels(ChildSetup::Descriptors *fds)
{
    m_terminal = m_spec.pty && !m_pipesStdout && !m_readsFromPipe;
    if (m_terminal) {
        m_terminalInput = new TerminalInput(q);
        m_input.setTerminal(m_terminalInput);
        int master = -1;
        if (!m_terminalInput->open(&master, &fds->terminalFd))
            return JobProcess::tr("could not open a pseudo-terminal for it (%1): run it without \"run in a "
                                  "terminal\", or check that /dev/pts is mounted")
                .arg(QString::fromLocal8Bit(std::strerror(errno)));
        m_output->readTerminal(master);
    } else if (!m_output->openPipes(!m_pipesStdout, &fds->stdoutFd, &fds->stderrFd)) {
        return JobProcess::tr("could not create a pipe for its output (%1): close some programs or raise "
                              "the open-files limit (ulimit -n)")
            .arg(QString::fromLocal8Bit(std::strerror(errno)));
    }
    if (m_spec.watch) {
        m_watch.family().setCapturePipes(m_output->pipeInodes());
        if (!m_watch.wrap(m_process, m_spec.attachPid, qint64(m_spec.attachForSec * 1000))
            && m_spec.attachPid > 0) {
            // Nothing to run unwatched: the program is someone else's, and running.
            for (int fd : {fds->stdoutFd, fds->stderrFd, fds->terminalFd}) {
                if (fd >= 0)
                    ::close(fd);
            }
            m_output->close();
            return m_watch.family().refusal();
        }
        fds->eventsFd = m_watch.eventsFd();
    }
    if (!m_terminal && !m_spec.feedStdin && !m_readsFromPipe && !m_spec.interactiveStdin)
        fds->stdinFd = ChildSetup::sharedNullDevice();
    return {};
}

void JobProcessPrivate::spawn(const ChildSetup::Descriptors &fds)
{
    // QProcess makes no pipes of its own for what the app reads (the child
    // modifier puts the app's there); only a chain's stdout stays QProcess's.
    m_process->setProcessChannelMode(m_pipesStdout ? QProcess::ForwardedErrorChannel : QProcess::ForwardedChannels);
    // The terminal, or the app's /dev/null, is its stdin: no QProcess pipe
    // (the child modifier puts it on descriptor 0 over the forwarded one).
    if (m_terminal || fds.stdinFd >= 0)
        m_process->setInputChannelMode(QProcess::ForwardedInputChannel);
    else if (!m_spec.feedStdin && !m_readsFromPipe && !m_spec.interactiveStdin)
        m_process->setStandardInputFile(QProcess::nullDevice());
    ChildSetup::install(m_process, fds, m_spec.maxProcesses);
    // Timed from the spawn, not from started(): that signal arrives through the
    // event loop, after every other child of a fan-out was spawned too.
    m_startedMs = now();
    m_process->start(QIODevice::ReadWrite);
    // The child has its copies (or never started): only it may hold the write
    // ends and the terminal's slave side now, so end of file (on a terminal's
    // master, EIO) means it and its descendants are done writing.
    for (int fd : {fds.stdoutFd, fds.stderrFd, fds.terminalFd}) {
        if (fd >= 0)
            ::close(fd);
    }
    m_watch.spawned();
    if (m_outcome.isDone()) {
        // QProcess reported a failed start from inside start().
        m_output->close();
        if (m_terminalInput)
            m_terminalInput->close();
    } else {
        m_output->watch();
    }
    if (m_spec.feedStdin && m_process->state() != QProcess::NotRunning)
        m_input.feed(m_spec.stdinData);
    emit q->changed();
}

bool JobProcess::acceptsInput() const
{
    return d->m_spec.interactiveStdin && !d->m_input.isClosed() && d->m_outcome.state == JobOutcome::State::Running
           && d->m_process->state() == QProcess::Running;
}

bool JobProcess::writeInput(const QByteArray &bytes, QString *reason)
{
    if (!acceptsInput()) {
        if (reason) {
            if (!d->m_spec.interactiveStdin)
                *reason = tr("this job's stdin is not kept open: start it with \"keep stdin open\" to type into it");
            else if (d->m_outcome.state != JobOutcome::State::Running)
                *reason = tr("the job is not running, so it reads no more input");
            else
                *reason = tr("the job's stdin is already closed (end of input was sent)");
        }
        return false;
    }
    d->m_input.send(bytes, d->now(), d->m_output->stdoutTail().totalBytes());
    emit changed();
    return true;
}

void JobProcess::closeInput()
{
    if (!acceptsInput())
        return;
    d->m_input.close();
    emit changed();
}

void JobProcessPrivate::onStarted()
{
    m_pid = m_process->processId();
    m_signals.setPid(m_pid);
    m_outcome.state = JobOutcome::State::Running;
    if (m_spec.pollIntervalSec > 0) {
        m_pollTimer = preciseTimer(q, false);
        m_pollTimer->setInterval(toMs(m_spec.pollIntervalSec));
        QObject::connect(m_pollTimer, &QTimer::timeout, q, [this] { poll(); });
        m_pollTimer->start();
        poll(); // the seed's loop polls once before its first sleep
    }
    m_watch.startReading();
    if (m_spec.timeoutSec > 0) {
        m_timeoutTimer = preciseTimer(q, true);
        QObject::connect(m_timeoutTimer, &QTimer::timeout, q, [this] { onTimeout(); });
        m_timeoutTimer->start(toMs(m_spec.timeoutSec));
    }
    emit q->started();
    emit q->changed();
    if (m_outcome.cause == JobOutcome::Cause::UserStop)
        q->stop();
    else if (m_outcome.cause == JobOutcome::Cause::UserKill)
        q->kill();
}

void JobProcessPrivate::poll()
{
    if (m_process->state() == QProcess::Running) {
        ++m_polls;
        m_pollTimesMs.append(now());
        emit q->changed();
    }
}

void JobProcessPrivate::onTimeout()
{
    if (m_process->state() == QProcess::NotRunning)
        return;
    m_outcome.cause = JobOutcome::Cause::Timeout;
    q->stop();
}

void JobProcessPrivate::cancelQueued(JobOutcome::Cause cause)
{
    m_outcome.cause = cause;
    m_outcome.state = JobOutcome::State::Killed;
    m_outcome.error = JobProcess::tr("stopped while queued: it never ran");
    finish();
}

void JobProcess::stop()
{
    if (d->endEarly(JobOutcome::Cause::UserStop, SIGTERM))
        return;
    if (d->m_process->state() == QProcess::NotRunning || d->m_termSentMs >= 0)
        return;
    if (d->m_outcome.cause == JobOutcome::Cause::None)
        d->m_outcome.cause = JobOutcome::Cause::UserStop;
    d->m_termSentMs = d->now();
    d->m_signals.group(SIGTERM);
    // A stopped child cannot act on SIGTERM until it is continued.
    d->m_signals.group(SIGCONT);
    d->m_killTimer = preciseTimer(this, true);
    connect(d->m_killTimer, &QTimer::timeout, this, [this] { d->escalate(); });
    d->m_killTimer->start(toMs(d->m_spec.graceSec));
    emit changed();
}

bool JobProcessPrivate::endEarly(JobOutcome::Cause cause, int signal)
{
    if (m_outcome.state == JobOutcome::State::Queued) {
        cancelQueued(cause);
        return true;
    }
    if (m_outcome.state == JobOutcome::State::Starting) {
        // No PID yet: onStarted() acts on the request; a Kill overrides a Stop.
        if (m_outcome.cause == JobOutcome::Cause::None || cause == JobOutcome::Cause::UserKill)
            m_outcome.cause = cause;
        return true;
    }
    if (!m_draining)
        return false;
    // Its own process is gone; what still writes is in its group.
    ::kill(pid_t(-m_pid), signal);
    endDrain();
    return true;
}

void JobProcessPrivate::escalate()
{
    if (m_process->state() == QProcess::NotRunning)
        return;
    m_killSentMs = now();
    m_signals.group(SIGKILL);
    emit q->changed();
}

void JobProcess::kill()
{
    if (d->endEarly(JobOutcome::Cause::UserKill, SIGKILL))
        return;
    if (d->m_process->state() == QProcess::NotRunning)
        return;
    if (d->m_outcome.cause != JobOutcome::Cause::Timeout)
        d->m_outcome.cause = JobOutcome::Cause::UserKill;
    d->m_killSentMs = d->now();
    d->m_signals.group(SIGKILL);
    emit changed();
}

bool JobProcess::pause()
{
    if (d->m_outcome.state != JobOutcome::State::Running || !d->m_signals.program(SIGSTOP))
        return false;
    d->appSignalled(true);
    return true;
}

bool JobProcess::resume()
{
    if (d->m_outcome.state != JobOutcome::State::Running || !d->m_signals.program(SIGCONT))
        return false;
    d->appSignalled(false);
    return true;
}

bool JobProcess::sendSignal(int signal, bool groupToo)
{
    if (d->m_outcome.state != JobOutcome::State::Running)
        return false;
    // Not reaped yet, so the pid is still this child's.
    const bool sent = groupToo || d->m_spec.attachPid > 0 ? d->m_signals.program(signal) : d->m_signals.child(signal);
    if (!sent)
        return false;
    d->m_userSignal = signal;
    if (signal == SIGSTOP || signal == SIGTSTP || signal == SIGCONT)
        d->appSignalled(signal != SIGCONT);
    return true;
}

void JobProcessPrivate::appSignalled(bool paused)
{
    if (m_pause.appSignalled(paused, now())) {
        emit q->resourcesChanged();
        emit q->changed();
    }
}

void JobProcess::applySample(const RootSample &sample, double samplerNowMs)
{
    if (d->m_outcome.isDone() && d->m_resources.cpuExact)
        return; // the reap's figures are final
    const double offset = samplerNowMs - d->now();
    d->m_resources.applySample(sample, offset);
    if (!sample.root.ended && d->m_outcome.state == JobOutcome::State::Running) {
        // A SIGSTOP (or SIGTSTP, SIGTTIN, a debugger) from anywhere shows as
        // paused, unless the sample is older than the app's own signal.
        const double sampledAt = sample.sampledMs - offset;
        if (d->m_pause.sampled(sample.root.state == 'T' || sample.root.state == 't', sampledAt))
            emit changed();
    }
    emit resourcesChanged();
}

void JobProcessPrivate::onFinished(int exitCode, int exitStatus)
{
    // First thing: the delta is this child's only until the next reap. A
    // watched job's child is the tracer: its figure is settled in finish(),
    // once the family's last events say what was the tracer's own.
    const ChildUsage::Delta reaped = ChildUsage::takeDelta();
    if (m_spec.watch)
        m_tracerReap = reaped;
    else
        m_resources.applyUsage(reaped);
    m_exitedMs = now();
    m_output->takeFinal();
    m_outcome.settleExit(exitCode, exitStatus == QProcess::CrashExit, m_userSignal, m_pipesStdout);
    // A descendant that kept the output pipes open is read until it closes
    // them, up to the drain limit (endDrain).
    m_draining = true;
    if (m_output->isOpen() && m_drainLimitMs > 0 && !m_terminal) {
        drainTimer()->start(m_drainLimitMs);
        emit q->changed();
        return;
    }
    endDrain();
}

QTimer *JobProcessPrivate::drainTimer()
{
    if (!m_drainTimer) {
        m_drainTimer = new QTimer(q);
        m_drainTimer->setSingleShot(true);
        QObject::connect(m_drainTimer, &QTimer::timeout, q, [this] { endDrain(); });
    }
    return m_drainTimer;
}

void JobProcessPrivate::endDrain()
{
    if (!m_draining)
        return;
    // A process that just closed the pipe by exiting may not be a zombie
    // yet (its files close before its parent is told): when anything of the
    // group is left, it is asked again a moment later, once, so that only
    // what really stays is named.
    if (!m_settling && m_pid > 0 && ::kill(pid_t(-m_pid), 0) == 0) {
        m_settling = true;
        drainTimer()->start(LeftoverSettleMs);
        return;
    }
    m_draining = false;
    finish();
}

void JobProcessPrivate::findLeftovers()
{
    // One kill(2) tells whether anything of the job's group is left (a
    // zombie counts, and is skipped by find()); /proc is read only then, or
    // when a writer held the pipes past the drain limit.
    const QSet<quint64> captured = m_output->pipeInodes();
    const QList<quint64> inodes(captured.cbegin(), captured.cend());
    if (m_pid <= 0 || (inodes.isEmpty() && ::kill(pid_t(-m_pid), 0) != 0))
        return;
    m_leftovers = LeftoverProcess::find(m_pid, inodes);
    for (const LeftoverProcess &left : std::as_const(m_leftovers))
        qCInfo(lcEngine).noquote() << m_spec.stage.program << "left" << left.describe()
                                   << (left.heldOutput ? "holding its output" : "running");
}

void JobProcessPrivate::onErrorOccurred(int error)
{
    // Crashes and timeouts arrive through finished(); only a failed start has
    // no finished() of its own.
    if (error == QProcess::FailedToStart && !m_outcome.isDone())
        failToStart(m_process->errorString());
}

void JobProcessPrivate::failToStartLater(const QString &reason)
{
    QTimer::singleShot(0, q, [this, reason] { failToStart(reason); });
}

void JobProcessPrivate::failToStart(const QString &reason)
{
    if (m_outcome.isDone())
        return;
    m_outcome.state = JobOutcome::State::FailedToStart;
    m_outcome.error = reason;
    m_startedMs = m_startedMs < 0 ? now() : m_startedMs;
    finish();
}

qint64 JobProcess::programPid() const
{
    if (d->m_spec.attachPid > 0)
        return d->m_spec.attachPid;
    const qint64 root = d->m_spec.watch ? d->m_watch.rootPid() : 0;
    return root > 0 ? root : d->m_pid;
}

ProcSnapshot JobProcess::tracerSample() const
{
    if (!d->m_spec.watch || d->m_pid <= 0 || !d->m_outcome.isActive() || programPid() == d->m_pid)
        return ProcSnapshot();
    return ProcReader::read(d->m_pid, ProcReader::Stat | ProcReader::Status);
}

void JobProcessPrivate::finish()
{
    m_watch.read(true);
    if (m_spec.watch && m_tracerReap)
        m_resources.applyFamilyUsage(m_watch.family(), *m_tracerReap);
    if (m_exitedMs >= 0)
        findLeftovers(); // before the pipes close: who holds them is asked by inode
    if (m_drainTimer)
        m_drainTimer->stop();
    m_draining = false;
    // The job's own exit, not the end of reading what its descendants wrote.
    m_finishedMs = m_exitedMs >= 0 ? m_exitedMs : now();
    if (m_startedMs < 0)
        m_startedMs = m_finishedMs;
    for (QTimer *timer : {m_pollTimer, m_timeoutTimer, m_killTimer}) {
        if (timer)
            timer->stop();
    }
    m_output->close();
    if (m_terminalInput)
        m_terminalInput->close();
    // Nothing more arrives: a run of thousands must not hold their files open.
    m_output->stdoutTail().closeCopy();
    m_output->stderrTail().closeCopy();
    m_pause.end(m_finishedMs);
    m_resources.markEnded();
    emit q->resourcesChanged();
    emit q->changed();
    emit q->finished();
}

void JobProcess::trimOutput(qsizetype keepBytes)
{
    d->m_output->stdoutTail().shrinkTo(keepBytes);
    d->m_output->stderrTail().shrinkTo(keepBytes);
    emit changed();
}

void JobProcess::restore(const Record &record)
{
    if (d->m_startedMs >= 0 || d->m_outcome.isDone())
        return;
    d->m_recorded = true;
    d->m_outcome = record.outcome;
    d->m_pid = record.pid;
    d->m_startedMs = record.startedMs;
    d->m_finishedMs = record.finishedMs;
    d->m_recordedElapsedMs = record.elapsedMs;
    d->m_termSentMs = record.termSentMs;
    d->m_killSentMs = record.killSentMs;
    d->m_output->setFirstStdoutMs(record.firstStdoutMs);
    d->m_polls = record.polls;
    d->m_pollTimesMs = record.pollTimesMs;
    d->m_output->stdoutTail().restore(record.stdoutKept, record.stdoutTotal, record.stdoutTrimmed);
    d->m_output->stderrTail().restore(record.stderrKept, record.stderrTotal, record.stderrTrimmed);
    d->m_terminal = record.terminal;
    d->m_input.restore(record.stdinBytes, record.inputBytes, record.inputRecords);
    d->m_resources = record.resources;
    d->m_pause.restore(record.pausedStretches);
    d->m_watch.family() = record.family;
}

double JobProcess::elapsedMs() const
{
    if (d->m_recorded)
        return d->m_recordedElapsedMs;
    if (d->m_startedMs < 0)
        return 0;
    if (d->m_finishedMs >= 0)
        return d->m_finishedMs - d->m_startedMs;
    return d->now() - d->m_startedMs;
}

double JobProcessPrivate::now() const
{
    return double(m_clock->nsecsElapsed()) / 1e6;
}

// The face's reads.
bool JobProcess::pipesStdout() const { return d->m_pipesStdout; }
bool JobProcess::readsFromPipe() const { return d->m_readsFromPipe; }
bool JobProcess::isPaused() const { return d->m_pause.isPaused(); }
const QList<PausedStretch> &JobProcess::pausedStretches() const { return d->m_pause.stretches(); }
const JobResources &JobProcess::resources() const { return d->m_resources; }
void JobProcess::setDrainLimitMs(int ms) { d->m_drainLimitMs = ms; }
int JobProcess::drainLimitMs() const { return d->m_drainLimitMs; }
bool JobProcess::isDraining() const { return d->m_draining; }
const QList<LeftoverProcess> &JobProcess::leftovers() const { return d->m_leftovers; }
const JobSpec &JobProcess::spec() const { return d->m_spec; }
const ProcessFamily &JobProcess::family() const { return d->m_watch.family(); }
const JobOutcome &JobProcess::outcome() const { return d->m_outcome; }
qint64 JobProcess::pid() const { return d->m_pid; }
void JobProcess::setFamilyLimit(qsizetype limit) { d->m_watch.family().setMemberLimit(limit); }
int JobProcess::polls() const { return d->m_polls; }
const QList<double> &JobProcess::pollTimesMs() const { return d->m_pollTimesMs; }
qint64 JobProcess::stdinBytes() const { return d->m_input.fedBytes(); }
const OutputTail &JobProcess::stdoutTail() const { return d->m_output->stdoutTail(); }
const OutputTail &JobProcess::stderrTail() const { return d->m_output->stderrTail(); }
double JobProcess::firstStdoutMs() const { return d->m_output->firstStdoutMs(); }
bool JobProcess::usesTerminal() const { return d->m_terminal; }
const QList<InputRecord> &JobProcess::inputRecords() const { return d->m_input.records(); }
qint64 JobProcess::inputBytes() const { return d->m_input.sentBytes(); }
bool JobProcess::isRecorded() const { return d->m_recorded; }
double JobProcess::startedMs() const { return d->m_startedMs; }
double JobProcess::finishedMs() const { return d->m_finishedMs; }
double JobProcess::termSentMs() const { return d->m_termSentMs; }
double JobProcess::killSentMs() const { return d->m_killSentMs; }
