// Runs MachineScanner::scan() off the GUI thread: a scan of /proc costs a few
// milliseconds per hundred processes, and the details of the selected
// process (ProcessDetails::read, its descriptors and pipe peers) more, which
// a window that redraws at 60 Hz cannot pay on every sample. One scan at a
// time on one pool thread; a request while one is under way is dropped (the
// next tick asks again). Results come back as a signal on the owner's thread,
// newest only. The destructor waits for a scan under way.
#pragma once

#include "machinescanner.h"
#include "processdetails.h"

#include <QMutex>
#include <QObject>
#include <QThreadPool>

class MachineScanThread : public QObject
{
    Q_OBJECT
public:
    explicit MachineScanThread(QObject *parent = nullptr);
    ~MachineScanThread() override;

    // Scans, and reads detailsPid's details too when it is above 0.
    void request(qint64 detailsPid);
    bool isBusy() const { return m_busy; }
    // The same on this thread, scanned() emitted before it returns (for a
    // screenshot). Waits for a scan under way first: at most one scan long.
    void scanNow(qint64 detailsPid);

signals:
    void scanned(const MachineSnapshot &snapshot, const ProcessDetails &details);

private:
    struct Result
    {
        MachineSnapshot snapshot;
        ProcessDetails details;
        quint64 sequence = 0;
    };
    Result scan(qint64 detailsPid); // any thread
    void deliver(const Result &result);

    QThreadPool m_pool;
    QMutex m_mutex; // guards what scan() touches below
    MachineScanner m_scanner;
    ProcessDetails m_previousDetails;
    quint64 m_taken = 0;
    quint64 m_delivered = 0; // GUI thread only
    bool m_busy = false;     // GUI thread only
};
