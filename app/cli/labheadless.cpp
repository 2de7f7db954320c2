#include "labheadless.h"

#include "atomicfile.h"
#include "jobengine.h"
#include "threadlab.h"
#include "workerprotocol.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <ctime>

LabHeadless::LabHeadless(QObject *parent)
    : QObject(parent)
    , m_engine(new JobEngine(this))
    , m_lab(new ThreadLab(m_engine, this))
{
    connect(m_lab, &ThreadLab::modeFinished, this, [this](const LabResult &result) {
        m_modes.append(result.toJson());
        if (m_reportPath.isEmpty()) {
            QString line = QStringLiteral("%1  wall %2 ms  cpu %3 ms")
                               .arg(LabResult::modeTitle(result.mode), -14)
                               .arg(result.wallMs, 9, 'f', 1)
                               .arg(result.cpuMs, 9, 'f', 1);
            if (result.speedup > 0)
                line += QStringLiteral("  speed-up ×%1").arg(result.speedup, 0, 'f', 2);
            if (!result.error.isEmpty())
                line += QStringLiteral("  error: ") + result.error;
            const QString busy = result.busyWarning();
            if (!busy.isEmpty())
                line += QStringLiteral("\n                ") + busy;
            std::printf("%s\n", qPrintable(line));
            std::fflush(stdout);
        }
    });
    connect(m_lab, &ThreadLab::finished, this, &LabHeadless::writeReport);
}

void LabHeadless::run(const LabRequest &request, const QList<LabResult::Mode> &modes)
{
    if (m_reportPath.isEmpty() && request.workload == LabResult::Workload::Cpu) {
        std::printf("Factorizing %lld number(s) × %d with %s; serial estimate %s\n", qint64(request.numbers.size()),
                    request.scale,
                    request.algorithm == Factorizer::Algorithm::TrialToN ? "trial division up to n" : "trial division up to √n",
                    qPrintable(Factorizer::formatDuration(request.estimatedSerialSeconds())));
        std::fflush(stdout);
    }
    m_lab->run(request, modes);
}

void LabHeadless::interrupt(int signal)
{
    m_interruptSignal = signal;
    std::fprintf(stderr, "spawnscope: interrupted; cancelling the lab\n");
    m_lab->cancel();
}

void LabHeadless::writeReport(bool cancelled)
{
    Q_UNUSED(cancelled)
    const int success = m_interruptSignal ? 128 + m_interruptSignal : 0;
    if (m_reportPath.isEmpty()) {
        emit finished(success);
        return;
    }
    const QByteArray json = QJsonDocument(QJsonObject{{QStringLiteral("modes"), m_modes}}).toJson(QJsonDocument::Indented);
    QString error;
    if (!AtomicFile::write(m_reportPath, json, tr("the report"), &error)) {
        std::fprintf(stderr, "spawnscope: %s\n", qPrintable(error));
        emit finished(2);
        return;
    }
    emit finished(success);
}

int LabHeadless::runWorker(quint64 n, int scale, Factorizer::Algorithm algorithm)
{
    timespec before{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &before);
    QList<quint64> divisors;
    for (int k = 0; k < scale; ++k)
        divisors = Factorizer::divisors(n, algorithm);
    timespec after{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &after);
    const double cpuMs = double(after.tv_sec - before.tv_sec) * 1e3 + double(after.tv_nsec - before.tv_nsec) / 1e6;
    const QByteArray json = WorkerProtocol::formatReply({n, divisors, cpuMs});
    return std::fwrite(json.constData(), 1, size_t(json.size()), stdout) == size_t(json.size()) ? 0 : 1;
}
