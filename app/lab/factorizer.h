// The seed's factorize(): every divisor of n in ascending order, by trial
// division up to n (the lesson) or, clearly labelled, up to √n in pairs.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class Factorizer
{
public:
    enum class Algorithm { TrialToN, TrialToSqrt };

    // How often, in trial divisions, the checkpoint is called.
    static constexpr quint64 CheckpointEvery = 4096;

    // checkpoint(done) is called every CheckpointEvery divisions with the
    // number of divisions since the last call; returning false cancels, and
    // then the (partial) result is discarded by the caller.
    using Checkpoint = std::function<bool(quint64 done)>;

    static QList<quint64> divisors(quint64 n, Algorithm algorithm, const Checkpoint &checkpoint = {});
    // Trial divisions divisors() makes for n.
    static quint64 work(quint64 n, Algorithm algorithm);

    // Parses "2139079, 1214759 ..." (commas and/or spaces). On failure returns
    // false with a message naming the bad entry.
    static bool parseNumbers(const QString &text, QList<quint64> *out, QString *error);
    // "2139079, 1214759 ...": numbers as parseNumbers() reads them back.
    static QString formatNumbers(const QList<quint64> &numbers);

    static QString algorithmKey(Algorithm algorithm);
    static bool algorithmFromKey(const QString &key, Algorithm *out);

    // Trial divisions per second on this machine, measured once (~10 ms).
    static double divisionsPerSecond();
    // "0.8 s", "3 min 20 s", "5.2 h", "12 days", "600 years"
    static QString formatDuration(double seconds);
};
