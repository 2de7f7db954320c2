// The threads lab's worker protocol, in one place: how the lab starts a worker
// child (the hidden option and its arguments), the preset id that marks a
// worker run, and the one-line JSON reply the worker prints on stdout and the
// lab parses. The worker side (LaunchOptions, LabHeadless) and the lab side
// (ThreadLab) both go through here, so the two cannot drift apart.
#pragma once

#include "factorizer.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

class WorkerProtocol
{
public:
    // The hidden command-line option (without "--") that turns spawnscope into
    // a worker: --worker-factorize N.
    static constexpr char OptionName[] = "worker-factorize";
    // The id of the preset each worker runs under, so that views can tell the
    // lab's workers from the user's runs.
    static constexpr char PresetId[] = "lab-factorize";

    // What a worker answers: n's divisors and the CPU time they took.
    struct Reply
    {
        quint64 number = 0;
        QList<quint64> divisors;
        double cpuMs = 0;
    };

    // The worker's argv (after the program): factorize number scale times
    // with algorithm.
    static QStringList arguments(quint64 number, int scale, Factorizer::Algorithm algorithm);

    // {"cpuMs","divisors","number"} as one compact JSON line; numbers beyond
    // 2^63 - 1 are strings, as in reports, so every digit survives.
    static QByteArray formatReply(const Reply &reply);
    // Reads what formatReply wrote. False when the output is not a reply.
    static bool parseReply(const QByteArray &output, Reply *out);
};
