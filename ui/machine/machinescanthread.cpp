#include "machinescanthread.h"

#include <QMutexLocker>

MachineScanThread::MachineScanThread(QObject *parent)
    : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
}

MachineScanThread::~MachineScanThread()
{
    m_pool.waitForDone();
}

MachineScanThread::Result MachineScanThread::scan(qint64 detailsPid)
{
    QMutexLocker locker(&m_mutex);
    Result result;
    result.snapshot = m_scanner.scan();
    if (detailsPid > 0) {
        const bool same = m_previousDetails.present && m_previousDetails.pid == detailsPid;
        result.details = ProcessDetails::read(detailsPid, same ? &m_previousDetails : nullptr);
        m_previousDetails = result.details;
    }
    result.sequence = ++m_taken;
    return result;
}

void MachineScanThread::request(qint64 detailsPid)
{
    if (m_busy)
        return;
    m_busy = true;
    m_pool.start([this, detailsPid] {
        const Result result = scan(detailsPid);
        // Queued to this object: dropped if it is destroyed first (the
        // destructor waits for this function to return).
        QMetaObject::invokeMethod(this, [this, result] {
            m_busy = false;
            deliver(result);
        }, Qt::QueuedConnection);
    });
}

void MachineScanThread::scanNow(qint64 detailsPid)
{
    deliver(scan(detailsPid));
}

void MachineScanThread::deliver(const Result &result)
{
    // A scan taken before one already shown would move the figures back.
    if (result.sequence <= m_delivered)
        return;
    m_delivered = result.sequence;
    emit scanned(result.snapshot, result.details);
}
