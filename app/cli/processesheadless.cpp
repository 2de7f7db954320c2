#include "processesheadless.h"

#include "atomicfile.h"
#include "clilog.h"
#include "headlessrunner.h"
#include "processsampler.h"

#include <QJsonDocument>
#include <QTimer>

#include <cstdio>

ProcessesHeadless::ProcessesHeadless(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(ProcessSampler::DefaultIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &ProcessesHeadless::scanOnce);
}

void ProcessesHeadless::setSampleInterval(int ms)
{
    m_timer->setInterval(ProcessSampler::clampInterval(ms));
}

void ProcessesHeadless::run(double durationSec)
{
    m_durationMs = durationSec * 1000.0;
    m_clock.start();
    m_last = m_scanner.scan();
    if (m_durationMs <= 0) {
        // From the event loop, like every other ending.
        QTimer::singleShot(0, this, [this] { finish(0); });
        return;
    }
    // The last interval ends at the duration exactly.
    m_timer->setInterval(int(std::min<double>(m_timer->interval(), m_durationMs)));
    m_timer->start();
}

void ProcessesHeadless::scanOnce()
{
    const double left = m_durationMs - double(m_clock.elapsed());
    if (left > 1 && left < m_timer->interval()) {
        m_timer->setInterval(int(left));
        return;
    }
    m_last = m_scanner.scan();
    qCDebug(lcCli) << "scanned" << m_last.processes.size() << "processes at" << m_clock.elapsed() << "ms";
    if (double(m_clock.elapsed()) >= m_durationMs - 1)
        finish(0);
}

void ProcessesHeadless::interrupt(int signal)
{
    finish(128 + signal);
}

void ProcessesHeadless::finish(int exitCode)
{
    if (m_done)
        return;
    m_done = true;
    m_timer->stop();
    const QByteArray bytes = m_reportPath.isEmpty() ? table(m_last)
                                                    : QJsonDocument(m_last.toJson()).toJson(QJsonDocument::Indented);
    QString error;
    if (!AtomicFile::write(m_reportPath.isEmpty() ? QStringLiteral("-") : m_reportPath, bytes, tr("the report"), &error)) {
        std::fprintf(stderr, "spawnscope: %s\n", qPrintable(error));
        exitCode = std::max(exitCode, HeadlessRunner::ReportFailedExit);
    }
    emit finished(exitCode);
}

QByteArray ProcessesHeadless::table(const MachineSnapshot &snapshot)
{
    QByteArray out = "    PID    PPID USER         S   CPU%     RSS KiB  COMMAND\n";
    for (const MachineProcess &p : snapshot.processes) {
        out += QStringLiteral("%1 %2 %3 %4 %5 %6  %7\n")
                   .arg(p.pid, 7)
                   .arg(p.ppid, 7)
                   .arg(p.user.left(12), -12)
                   .arg(QLatin1Char(p.state))
                   .arg(p.cpuPercent >= 0 ? QString::number(p.cpuPercent, 'f', 1) : QStringLiteral("-"), 6)
                   .arg(p.rssKb >= 0 ? QString::number(p.rssKb) : QStringLiteral("-"), 11)
                   .arg(p.commandLine())
                   .toLocal8Bit();
    }
    return out;
}
