// --headless --processes: every process on the machine, written as a
// MachineSnapshot report. One scan; with --duration, scans every sample
// interval for that long and reports the last, so cpuPercent is measured
// over the last interval. Ctrl+C reports what the last scan saw.
#pragma once

#include "machinescanner.h"

#include <QElapsedTimer>
#include <QObject>

class QTimer;

class ProcessesHeadless : public QObject
{
    Q_OBJECT
public:
    explicit ProcessesHeadless(QObject *parent = nullptr);

    // reportPath: a file, "-" for stdout, or empty for a table on stdout.
    void setReportPath(const QString &path) { m_reportPath = path; }
    // Clamped to the sampler's bounds (ProcessSampler::clampInterval).
    void setSampleInterval(int ms);
    void run(double durationSec);
    void interrupt(int signal);

    // A table of the snapshot, for a terminal: pid, ppid, user, state, CPU %, RSS, command.
    static QByteArray table(const MachineSnapshot &snapshot);

signals:
    // 0, HeadlessRunner::ReportFailedExit when the report could not be
    // written, or 128 + N after interrupt(N).
    void finished(int exitCode);

private:
    void scanOnce();
    void finish(int exitCode);

    QString m_reportPath;
    MachineScanner m_scanner;
    MachineSnapshot m_last;
    QTimer *m_timer;
    QElapsedTimer m_clock;
    double m_durationMs = 0;
    bool m_done = false;
};
