// The threads-vs-processes lab: runs the seed's factorize() serially, with one
// thread per number, with threads behind a GIL, and with one child process per
// number (through the job engine), and the blocking-I/O demo; results come back
// as LabResult values on the thread that owns the lab.
#pragma once

#include "busymeter.h"
#include "labrequest.h"
#include "labresult.h"

#include <QElapsedTimer>
#include <QObject>

#include <atomic>
#include <thread>

class JobEngine;
class JobRun;
class QTimer;

class ThreadLab : public QObject
{
    Q_OBJECT
public:
    // engine runs the Processes mode's children; without one that mode fails.
    explicit ThreadLab(JobEngine *engine, QObject *parent = nullptr);
    ~ThreadLab() override; // cancels and joins: quitting mid-run is clean

    // The program started for Processes mode: spawnscope itself by default.
    void setWorkerProgram(const QString &program) { m_workerProgram = program; }
    QString workerProgram() const { return m_workerProgram; }

    // Runs the modes one after another. False (and nothing runs) while busy.
    bool run(const LabRequest &request, const QList<LabResult::Mode> &modes);
    void cancel();
    bool isRunning() const { return m_running; }
    // Share of the current mode's work done, 0..1.
    double progress() const;

    static QList<LabResult::Mode> allModes(LabResult::Workload workload);

signals:
    void modeStarted(LabResult::Mode mode);
    void modeFinished(const LabResult &result);
    void progressChanged(double fraction);
    void finished(bool cancelled);

private:
    void startNextMode();
    void startInProcess(LabResult::Mode mode);
    void startProcesses();
    void onProcessRunFinished();
    void completeMode(LabResult result);
    void joinController();

    static LabResult computeCpu(const LabRequest &request, LabResult::Mode mode, const std::atomic<bool> &cancel,
                                std::atomic<quint64> &done);
    static LabResult computeBlockingIo(const LabRequest &request, LabResult::Mode mode,
                                       const std::atomic<bool> &cancel, std::atomic<quint64> &done);

    JobEngine *m_engine;
    QString m_workerProgram;
    LabRequest m_request;
    QList<LabResult::Mode> m_queue;
    LabResult::Mode m_currentMode = LabResult::Mode::Serial;
    double m_serialWallMs = 0;
    QString m_serialKey; // which request m_serialWallMs was measured for
    bool m_running = false;
    bool m_cancelledAny = false;
    std::thread m_controller;
    std::atomic<bool> m_cancel{false};
    std::atomic<quint64> m_done{0};
    quint64 m_total = 1;
    QTimer *m_progressTimer;
    // Processes mode
    QList<JobRun *> m_runs;
    QList<double> m_runOffsetMs;
    QElapsedTimer m_modeClock;
    BusyMeter m_processesMachine;
};
