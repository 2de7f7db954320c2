#include "factorizer.h"

#include <QElapsedTimer>
#include <QObject>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace {

quint64 isqrt(quint64 n)
{
    auto r = quint64(std::sqrt(double(n)));
    while (r > 0 && r > n / r)
        --r;
    while ((r + 1) <= n / (r + 1))
        ++r;
    return r;
}

} // namespace

QList<quint64> Factorizer::divisors(quint64 n, Algorithm algorithm, const Checkpoint &checkpoint)
{
    QList<quint64> found;
    if (n == 0)
        return found;
    quint64 sinceCheck = 0;
    auto tick = [&]() -> bool {
        if (++sinceCheck < CheckpointEvery)
            return true;
        const quint64 done = sinceCheck;
        sinceCheck = 0;
        return !checkpoint || checkpoint(done);
    };

    if (algorithm == Algorithm::TrialToN) {
        // for i in range(1, number + 1): if number % i == 0: yield i
        for (quint64 i = 1;; ++i) {
            if (n % i == 0)
                found << i;
            const bool last = i == n; // i never wraps, even for n = 2^64 - 1
            if (!tick() || last)
                break;
        }
    } else {
        QList<quint64> upper;
        const quint64 root = isqrt(n);
        for (quint64 i = 1; i <= root; ++i) {
            if (n % i == 0) {
                found << i;
                if (i != n / i)
                    upper << n / i;
            }
            if (!tick())
                break;
        }
        std::reverse(upper.begin(), upper.end());
        found << upper;
    }
    if (checkpoint && sinceCheck > 0)
        checkpoint(sinceCheck);
    return found;
}

quint64 Factorizer::work(quint64 n, Algorithm algorithm)
{
    return algorithm == Algorithm::TrialToN ? n : isqrt(n);
}

bool Factorizer::parseNumbers(const QString &text, QList<quint64> *out, QString *error)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    const QStringList entries = text.split(separators, Qt::SkipEmptyParts);
    if (entries.isEmpty()) {
        *error = QObject::tr("no numbers given: enter positive whole numbers, e.g. 2139079, 1214759");
        return false;
    }
    static const QRegularExpression digits(QStringLiteral("^\\+?[0-9]+$"));
    QList<quint64> numbers;
    for (const QString &entry : entries) {
        if (entry.startsWith(QLatin1Char('-'))) {
            *error = QObject::tr("\"%1\" is negative: only positive whole numbers can be factorized").arg(entry);
            return false;
        }
        if (!digits.match(entry).hasMatch()) {
            *error = QObject::tr("\"%1\" is not a whole number").arg(entry);
            return false;
        }
        bool ok = false;
        const quint64 value = entry.toULongLong(&ok);
        if (!ok) {
            *error = QObject::tr("\"%1\" is too large: the largest accepted value is %2").arg(entry).arg(~quint64(0));
            return false;
        }
        if (value == 0) {
            *error = QObject::tr("\"%1\" is zero: every number divides 0, so it has no list of divisors").arg(entry);
            return false;
        }
        numbers << value;
    }
    *out = numbers;
    return true;
}

QString Factorizer::formatNumbers(const QList<quint64> &numbers)
{
    QStringList entries;
    for (quint64 n : numbers)
        entries << QString::number(n);
    return entries.join(QStringLiteral(", "));
}

QString Factorizer::algorithmKey(Algorithm algorithm)
{
    return algorithm == Algorithm::TrialToN ? QStringLiteral("trial") : QStringLiteral("sqrt");
}

bool Factorizer::algorithmFromKey(const QString &key, Algorithm *out)
{
    if (key == QLatin1String("trial")) {
        *out = Algorithm::TrialToN;
        return true;
    }
    if (key == QLatin1String("sqrt")) {
        *out = Algorithm::TrialToSqrt;
        return true;
    }
    return false;
}

double Factorizer::divisionsPerSecond()
{
    static const double rate = [] {
        // A prime near the seed's numbers, so no divisor shortcuts the loop.
        constexpr quint64 probe = 2000003;
        QElapsedTimer timer;
        timer.start();
        volatile qsizetype sink = divisors(probe, Algorithm::TrialToN).size();
        Q_UNUSED(sink)
        const double seconds = std::max(1e-6, double(timer.nsecsElapsed()) / 1e9);
        return double(probe) / seconds;
    }();
    return rate;
}

QString Factorizer::formatDuration(double seconds)
{
    if (seconds < 60)
        return QObject::tr("%1 s").arg(seconds, 0, 'f', seconds < 10 ? 1 : 0);
    if (seconds < 3600)
        return QObject::tr("%1 min %2 s").arg(int(seconds / 60)).arg(int(seconds) % 60);
    if (seconds < 86400 * 2)
        return QObject::tr("%1 h").arg(seconds / 3600, 0, 'f', 1);
    if (seconds < 86400 * 365 * 2)
        return QObject::tr("%1 days").arg(seconds / 86400, 0, 'f', 0);
    return QObject::tr("%1 years").arg(seconds / (86400 * 365.25), 0, 'g', 3);
}
