// --headless --factorize / --blocking-io: runs the threads lab with no window
// and writes {"modes":[...]}.
#pragma once

#include "labrequest.h"
#include "labresult.h"

#include <QJsonArray>
#include <QObject>

class JobEngine;
class ThreadLab;

class LabHeadless : public QObject
{
    Q_OBJECT
public:
    explicit LabHeadless(QObject *parent = nullptr);

    // reportPath: a file, "-" for stdout, or empty for a table on stdout.
    void setReportPath(const QString &path) { m_reportPath = path; }
    ThreadLab *lab() const { return m_lab; }
    void run(const LabRequest &request, const QList<LabResult::Mode> &modes);
    void interrupt(int signal);

    // The worker child of Processes mode: factorize n scale times and print
    // WorkerProtocol's reply on stdout. Returns the exit code.
    static int runWorker(quint64 n, int scale, Factorizer::Algorithm algorithm);

signals:
    void finished(int exitCode);

private:
    void writeReport(bool cancelled);

    JobEngine *m_engine;
    ThreadLab *m_lab;
    QString m_reportPath;
    QJsonArray m_modes;
    int m_interruptSignal = 0;
};
