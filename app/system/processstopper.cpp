#include "processstopper.h"

#include "jobspec.h"
#include "procfiles.h"
#include "processsignaller.h"
#include "procreader.h"
#include "unixsignals.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <sys/syscall.h>
#include <unistd.h>

namespace {

// How often /proc is asked whether the process ended, where no pidfd can.
constexpr int PollMs = 100;

} // namespace

ProcessStopper::ProcessStopper(qint64 pid, qint64 startTicks, QObject *parent)
    : QObject(parent)
    , m_pid(pid)
    , m_startTicks(startTicks)
    , m_graceMs(defaultGraceMs())
{
    m_grace.setSingleShot(true);
    connect(&m_grace, &QTimer::timeout, this, &ProcessStopper::graceOver);
    m_poll.setInterval(PollMs);
    connect(&m_poll, &QTimer::timeout, this, &ProcessStopper::checkEnded);
}

ProcessStopper::~ProcessStopper()
{
    if (m_pidFd >= 0)
        ::close(m_pidFd);
}

int ProcessStopper::defaultGraceMs()
{
    return int(JobSpec().graceSec * 1000);
}

void ProcessStopper::start()
{
    if (m_running)
        return;
    m_running = true;
    // Opened before SIGTERM: it turns readable when this process ends, and
    // it keeps the pid from naming another process until it is closed.
    m_pidFd = int(::syscall(SYS_pidfd_open, pid_t(m_pid), 0));
    const SignalOutcome sent = ProcessSignaller::send(m_pid, m_startTicks, SIGTERM);
    if (sent.result != SignalOutcome::Result::Sent) {
        // From the event loop, so a caller connects after start() and still hears it.
        QMetaObject::invokeMethod(this, [this, sent] { finish(sent); }, Qt::QueuedConnection);
        return;
    }
    if (m_pidFd >= 0) {
        m_notifier = new QSocketNotifier(m_pidFd, QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, &ProcessStopper::checkEnded);
    } else {
        m_poll.start();
    }
    m_grace.start(m_graceMs);
}

bool ProcessStopper::stillRuns() const
{
    const ProcSnapshot stat = ProcReader::read(m_pid, ProcReader::Stat);
    // A zombie has ended; only its parent's wait() is left.
    return stat.present && stat.startTicks == m_startTicks && !stat.isZombie();
}

void ProcessStopper::checkEnded()
{
    if (!m_running || stillRuns())
        return;
    SignalOutcome o;
    o.result = SignalOutcome::Result::Terminated;
    o.pid = m_pid;
    o.signal = SIGTERM;
    o.message = QCoreApplication::translate("ProcessStopper", "process %1 ended on %2")
                    .arg(m_pid)
                    .arg(UnixSignals::name(SIGTERM));
    finish(o);
}

void ProcessStopper::graceOver()
{
    if (!m_running)
        return;
    if (!stillRuns()) {
        checkEnded();
        return;
    }
    SignalOutcome o;
    if (m_pidFd >= 0 && ::syscall(SYS_pidfd_send_signal, m_pidFd, SIGKILL, nullptr, 0) == 0) {
        o.result = SignalOutcome::Result::Sent;
    } else {
        o = ProcessSignaller::send(m_pid, m_startTicks, SIGKILL);
    }
    if (o.result == SignalOutcome::Result::Sent) {
        o.result = SignalOutcome::Result::Killed;
        o.pid = m_pid;
        o.signal = SIGKILL;
        o.message = QCoreApplication::translate("ProcessStopper", "process %1 outlived %2 by %3 s and was sent %4")
                        .arg(m_pid)
                        .arg(UnixSignals::name(SIGTERM))
                        .arg(m_graceMs / 1000.0)
                        .arg(UnixSignals::name(SIGKILL));
    }
    finish(o);
}

void ProcessStopper::finish(const SignalOutcome &outcome)
{
    if (!m_running)
        return;
    m_running = false;
    m_grace.stop();
    m_poll.stop();
    if (m_notifier)
        m_notifier->setEnabled(false);
    emit finished(outcome);
}
