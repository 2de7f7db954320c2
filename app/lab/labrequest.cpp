#include "labrequest.h"

#include <algorithm>

quint64 LabRequest::totalWork() const
{
    constexpr quint64 max = ~quint64(0);
    quint64 total = 0;
    for (quint64 n : numbers) {
        const quint64 perRun = Factorizer::work(n, algorithm);
        // Saturate rather than wrap: the estimate only has to say "far too long".
        const quint64 work = perRun > max / quint64(std::max(scale, 1)) ? max : perRun * quint64(scale);
        total = work > max - total ? max : total + work;
    }
    return total;
}

double LabRequest::estimatedSerialSeconds() const
{
    if (workload == LabResult::Workload::BlockingIo)
        return ioWorkers * ioSeconds;
    return double(totalWork()) / Factorizer::divisionsPerSecond();
}
