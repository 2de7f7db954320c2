#include "familywatch.h"

#include "enginelog.h"
#include "traceprotocol.h"

#include <QProcess>
#include <QTimer>

FamilyWatch::FamilyWatch(QObject *parent)
    : QObject(parent)
{
}

qint64 FamilyWatch::rootPid() const
{
    // The tracer's first spawn is the program it forked ("root").
    const QList<ProcessFamily::Member> &members = m_family.members();
    if (!members.isEmpty() && members.constFirst().how == QLatin1String("root"))
        return members.constFirst().pid;
    return 0;
}

bool FamilyWatch::wrap(QProcess *process, qint64 attachPid, qint64 attachForMs)
{
    // The tracer is a child like any other: only it waits on the family's
    // pids, never the app (QProcess reaps its own). It passes stdin, stdout
    // and stderr through and exits as the program did, so the outcome and
    // the output mean what they always do.
    QString error;
    if (!m_channel.open(&error)) {
        // Runs unwatched, and says so as a ptrace refusal would.
        TraceProtocol::Event refused;
        refused.kind = TraceProtocol::Event::Kind::Refused;
        refused.reason = tr("the pipe for the tracer's events could not be made (%1): close some programs or "
                            "raise the open-files limit (ulimit -n)")
                             .arg(error);
        m_family.apply(refused);
        qCWarning(lcEngine) << "cannot create the trace events pipe:" << error;
        return false;
    }
    m_program = process->program();
    const QString eventsPath = m_channel.writePath();
    if (attachPid > 0)
        process->setArguments(TraceProtocol::attachArguments(eventsPath, attachPid, attachForMs));
    else
        process->setArguments(TraceProtocol::workerArguments(eventsPath, m_program, process->arguments()));
    process->setProgram(TraceProtocol::tracerProgram());
    return true;
}

void FamilyWatch::startReading()
{
    if (!m_channel.isOpen())
        return;
    if (!m_timer) {
        m_timer = new QTimer(this);
        m_timer->setInterval(ReadMs);
        connect(m_timer, &QTimer::timeout, this, [this] { read(false); });
    }
    m_timer->start();
}

void FamilyWatch::read(bool atEnd)
{
    const qint64 rootBefore = rootPid();
    const bool newEvents = m_channel.readInto(&m_family, atEnd, m_program);
    if (atEnd) {
        if (m_timer)
            m_timer->stop();
        return;
    }
    if (newEvents)
        emit grew(rootPid() != rootBefore);
}
