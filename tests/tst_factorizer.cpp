#include "factorizer.h"
#include "labrequest.h"

#include <QtTest>

class TestFactorizer : public QObject
{
    Q_OBJECT

private slots:
    void knownDivisors_data();
    void knownDivisors();
    void bothAlgorithmsAgree_data();
    void bothAlgorithmsAgree();
    void checkpointCountsWorkAndCancels();
    void largeValuesUseSqrt();
    void parseNumbers_data();
    void parseNumbers();
    void formatNumbersReadsBack();
    void estimateScalesWithWork();
};

void TestFactorizer::knownDivisors_data()
{
    QTest::addColumn<quint64>("n");
    QTest::addColumn<QList<quint64>>("expected");
    QTest::newRow("1") << quint64(1) << QList<quint64>{1};
    QTest::newRow("prime 13") << quint64(13) << QList<quint64>{1, 13};
    QTest::newRow("12") << quint64(12) << QList<quint64>{1, 2, 3, 4, 6, 12};
    QTest::newRow("square 36") << quint64(36) << QList<quint64>{1, 2, 3, 4, 6, 9, 12, 18, 36};
    // The seed's numbers, as the seed's Python factorize() lists them.
    QTest::newRow("2139079") << quint64(2139079) << QList<quint64>{1, 101, 21179, 2139079};
    QTest::newRow("1214759") << quint64(1214759)
                             << QList<quint64>{1, 7, 13, 49, 91, 637, 1907, 13349, 24791, 93443, 173537, 1214759};
    QTest::newRow("1516637") << quint64(1516637) << QList<quint64>{1, 19, 79823, 1516637};
    QTest::newRow("1852285") << quint64(1852285) << QList<quint64>{1, 5, 271, 1355, 1367, 6835, 370457, 1852285};
}

void TestFactorizer::knownDivisors()
{
    QFETCH(quint64, n);
    QFETCH(QList<quint64>, expected);
    QCOMPARE(Factorizer::divisors(n, Factorizer::Algorithm::TrialToN), expected);
    QCOMPARE(Factorizer::divisors(n, Factorizer::Algorithm::TrialToSqrt), expected);
    QVERIFY(std::is_sorted(expected.cbegin(), expected.cend()));
    QCOMPARE(expected.first(), quint64(1));
    QCOMPARE(expected.last(), n);
}

void TestFactorizer::bothAlgorithmsAgree_data()
{
    QTest::addColumn<quint64>("n");
    for (quint64 n : {2ULL, 97ULL, 360ULL, 1024ULL, 9973ULL * 9967ULL, 720720ULL, 999983ULL})
        QTest::addRow("%llu", n) << quint64(n);
}

void TestFactorizer::bothAlgorithmsAgree()
{
    QFETCH(quint64, n);
    const QList<quint64> slow = Factorizer::divisors(n, Factorizer::Algorithm::TrialToN);
    QCOMPARE(Factorizer::divisors(n, Factorizer::Algorithm::TrialToSqrt), slow);
    for (quint64 d : slow)
        QCOMPARE(n % d, quint64(0));
}

void TestFactorizer::checkpointCountsWorkAndCancels()
{
    quint64 counted = 0;
    Factorizer::divisors(100000, Factorizer::Algorithm::TrialToN, [&](quint64 done) {
        counted += done;
        return true;
    });
    QCOMPARE(counted, quint64(100000));
    QCOMPARE(Factorizer::work(100000, Factorizer::Algorithm::TrialToN), quint64(100000));
    QCOMPARE(Factorizer::work(100000, Factorizer::Algorithm::TrialToSqrt), quint64(316));

    int calls = 0;
    const QList<quint64> partial = Factorizer::divisors(2139079, Factorizer::Algorithm::TrialToN, [&](quint64) {
        return ++calls < 3; // cancel at the third checkpoint
    });
    QCOMPARE(calls, 3);
    QCOMPARE(partial, (QList<quint64>{1, 101})); // stopped after 3 × 4096 divisions, before 21179
}

void TestFactorizer::largeValuesUseSqrt()
{
    const quint64 max = ~quint64(0); // 2^64 - 1 = 3 × 5 × 17 × 257 × 641 × 65537 × 6700417
    int checkpoints = 0;
    const QList<quint64> divisors = Factorizer::divisors(max, Factorizer::Algorithm::TrialToSqrt, [&](quint64) {
        return ++checkpoints < 200; // a full run would take tens of seconds; stop early
    });
    QVERIFY(!divisors.isEmpty());
    QCOMPARE(divisors.first(), quint64(1));
    for (quint64 d : divisors)
        QCOMPARE(max % d, quint64(0));
    const quint64 prime = 4294967291ULL; // the largest prime below 2^32
    QCOMPARE(Factorizer::divisors(prime * 3, Factorizer::Algorithm::TrialToSqrt, [](quint64) { return true; }).size(), 4);
}

void TestFactorizer::parseNumbers_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("expected"); // the numbers, or a piece of the error
    QTest::newRow("seed") << "2139079, 1214759, 1516637, 1852285" << true << "2139079 1214759 1516637 1852285";
    QTest::newRow("spaces") << "  12  7 " << true << "12 7";
    QTest::newRow("max u64") << "18446744073709551615" << true << "18446744073709551615";
    QTest::newRow("plus sign") << "+5" << true << "5";
    QTest::newRow("empty") << "" << false << "no numbers";
    QTest::newRow("zero") << "12, 0" << false << "\"0\" is zero";
    QTest::newRow("negative") << "12, -7" << false << "\"-7\" is negative";
    QTest::newRow("word") << "12, ten" << false << "\"ten\" is not a whole number";
    QTest::newRow("fraction") << "1.5" << false << "\"1.5\" is not a whole number";
    QTest::newRow("overflow") << "18446744073709551616" << false << "\"18446744073709551616\" is too large";
    QTest::newRow("hex") << "0x10" << false << "\"0x10\"";
}

void TestFactorizer::parseNumbers()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(QString, expected);
    QList<quint64> numbers;
    QString error;
    QCOMPARE(Factorizer::parseNumbers(text, &numbers, &error), ok);
    if (ok) {
        QStringList printed;
        for (quint64 n : numbers)
            printed << QString::number(n);
        QCOMPARE(printed.join(QLatin1Char(' ')), expected);
    } else {
        QVERIFY2(error.contains(expected), qPrintable(error));
    }
}

void TestFactorizer::formatNumbersReadsBack()
{
    // The lab's default input is the notes' four numbers, in the notes' order.
    const QList<quint64> seed = LabRequest().numbers;
    QCOMPARE(Factorizer::formatNumbers(seed), QStringLiteral("2139079, 1214759, 1516637, 1852285"));
    QList<quint64> parsed;
    QString error;
    QVERIFY(Factorizer::parseNumbers(Factorizer::formatNumbers(seed), &parsed, &error));
    QCOMPARE(parsed, seed);
}

void TestFactorizer::estimateScalesWithWork()
{
    LabRequest request;
    const double one = request.estimatedSerialSeconds();
    request.scale = 10;
    QVERIFY(one > 0);
    QCOMPARE(request.totalWork(), quint64(2139079 + 1214759 + 1516637 + 1852285) * 10);
    QVERIFY(qAbs(request.estimatedSerialSeconds() - 10 * one) < 1e-9 * 10 * one + 1e-12);
    request.numbers = {~quint64(0)};
    request.scale = 1000;
    QCOMPARE(request.totalWork(), ~quint64(0)); // saturates instead of wrapping
    QVERIFY(Factorizer::formatDuration(request.estimatedSerialSeconds()).endsWith(QStringLiteral("years")));
    QCOMPARE(Factorizer::formatDuration(0.84), QStringLiteral("0.8 s"));
    QCOMPARE(Factorizer::formatDuration(200), QStringLiteral("3 min 20 s"));
}

QTEST_GUILESS_MAIN(TestFactorizer)
#include "tst_factorizer.moc"
