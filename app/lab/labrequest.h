// What the threads lab is asked to run.
#pragma once

#include "factorizer.h"
#include "labresult.h"
#include "seednumbers.h"

#include <QList>

struct LabRequest
{
    LabResult::Workload workload = LabResult::Workload::Cpu;
    // CPU-bound: factorize each number scale times.
    QList<quint64> numbers{SeedNumbers::FactorizeInputs.cbegin(), SeedNumbers::FactorizeInputs.cend()};
    int scale = 1;
    Factorizer::Algorithm algorithm = Factorizer::Algorithm::TrialToN;
    // Blocking I/O: ioWorkers workers, each blocked ioSeconds in poll().
    int ioWorkers = 4;
    double ioSeconds = 0.5;

    static constexpr int MaxScale = 100000;
    static constexpr int MaxIoWorkers = 64;

    // Trial divisions one serial run makes.
    quint64 totalWork() const;
    // Seconds a serial run should take on this machine.
    double estimatedSerialSeconds() const;
};
