// The app's end of a tracer's events: a pipe only the tracer writes to (no
// file anywhere), read as the events come so a family shows live. The write
// end is the app's only until the tracer has its copy (closeWriteEnd()
// after the spawn), so end of file means the tracer is gone.
#pragma once

#include <QByteArray>
#include <QString>

class ProcessFamily;

class TraceChannel
{
public:
    TraceChannel() = default;
    ~TraceChannel();
    TraceChannel(const TraceChannel &) = delete;
    TraceChannel &operator=(const TraceChannel &) = delete;

    // Makes the pipe, with room for a burst while the event loop is busy
    // (TraceProtocol::PipeBytes; the tracer buffers, bounded, behind it and
    // counts what does not fit). False with *error (strerror) if the kernel
    // refused.
    bool open(QString *error);
    // The write end for the tracer's child modifier, and the path the
    // tracer is told to write to; -1 / empty once closed.
    int writeFd() const { return m_writeFd; }
    QString writePath() const;
    void closeWriteEnd();
    bool isOpen() const { return m_readFd >= 0; }

    // Applies the whole lines the pipe holds now to *family; false when
    // there was nothing new (unreadable lines are logged with program). A line cut short by a full pipe waits for the next
    // read. atEnd: the tracer has exited, so what is there is all it wrote,
    // and the channel closes.
    bool readInto(ProcessFamily *family, bool atEnd, const QString &program);
    void close();

private:
    int m_readFd = -1;
    int m_writeFd = -1;
    QByteArray m_pending; // a line the tracer has not finished yet
};
