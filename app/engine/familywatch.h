// A watched job's family as its tracer reports it: puts the job's program
// under the tracer (this binary's hidden mode), and reads the tracer's
// events every ReadMs while it runs, and to the end when it has exited.
#pragma once

#include "processfamily.h"
#include "tracechannel.h"

#include <QObject>

class QProcess;
class QTimer;

class FamilyWatch : public QObject
{
    Q_OBJECT
public:
    // Often enough that a fork shows at once; a read of nothing new costs
    // one system call.
    static constexpr int ReadMs = 100;

    explicit FamilyWatch(QObject *parent = nullptr);

    ProcessFamily &family() { return m_family; }
    const ProcessFamily &family() const { return m_family; }
    // The program the tracer started ("root"), once its first event came; 0
    // until then, and for an attached family.
    qint64 rootPid() const;

    // Makes process run its program under the tracer, or (attachPid > 0)
    // the tracer alone, attached to that running process for attachForMs (0:
    // until it ends). False when the events pipe could not be made: the
    // family's refusal() says why and process is unchanged.
    bool wrap(QProcess *process, qint64 attachPid, qint64 attachForMs);
    // The write end the tracer's child modifier keeps; -1 when not wrapped.
    int eventsFd() const { return m_channel.writeFd(); }
    // After the spawn: only the tracer holds the write end now.
    void spawned() { m_channel.closeWriteEnd(); }
    void startReading();
    // Reads what arrived since the last read; atEnd (the tracer has exited):
    // everything, then the channel closes. grew() follows new events, except
    // at the end; rootFound when they named the program the tracer started.
    void read(bool atEnd);
    void close() { m_channel.close(); }

signals:
    void grew(bool rootFound);

private:
    ProcessFamily m_family;
    TraceChannel m_channel;
    QTimer *m_timer = nullptr;
    QString m_program; // for log messages
};
