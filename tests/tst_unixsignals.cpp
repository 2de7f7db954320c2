#include "unixsignals.h"

#include <QtTest>

#include <csignal>

class TestUnixSignals : public QObject
{
    Q_OBJECT

private slots:
    void knownNames_data();
    void knownNames();
    void unknownNumbers_data();
    void unknownNumbers();
    void realtimeSignals();
    void descriptionsAreDistinctAndNonEmpty();
};

void TestUnixSignals::knownNames_data()
{
    QTest::addColumn<int>("signal");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("descriptionWord"); // a word the learner must see

    QTest::newRow("SIGTERM") << int(SIGTERM) << "SIGTERM" << "termination";
    QTest::newRow("SIGKILL") << int(SIGKILL) << "SIGKILL" << "kill";
    QTest::newRow("SIGPIPE") << int(SIGPIPE) << "SIGPIPE" << "pipe";
    QTest::newRow("SIGSEGV") << int(SIGSEGV) << "SIGSEGV" << "segmentation";
    QTest::newRow("SIGINT") << int(SIGINT) << "SIGINT" << "Ctrl+C";
    QTest::newRow("SIGHUP") << int(SIGHUP) << "SIGHUP" << "hang-up";
    QTest::newRow("SIGABRT") << int(SIGABRT) << "SIGABRT" << "abort";
    QTest::newRow("SIGCHLD") << int(SIGCHLD) << "SIGCHLD" << "child";
    QTest::newRow("SIGSTOP") << int(SIGSTOP) << "SIGSTOP" << "stop";
    QTest::newRow("SIGUSR1") << int(SIGUSR1) << "SIGUSR1" << "user-defined";
    // The numbers the learner sees next to the names are Linux's.
    QTest::newRow("15 is SIGTERM") << 15 << "SIGTERM" << "termination";
    QTest::newRow("9 is SIGKILL") << 9 << "SIGKILL" << "kill";
    QTest::newRow("13 is SIGPIPE") << 13 << "SIGPIPE" << "pipe";
    QTest::newRow("11 is SIGSEGV") << 11 << "SIGSEGV" << "segmentation";
}

void TestUnixSignals::knownNames()
{
    QFETCH(int, signal);
    QFETCH(QString, name);
    QFETCH(QString, descriptionWord);

    QCOMPARE(UnixSignals::name(signal), name);
    const QString description = UnixSignals::description(signal);
    QVERIFY(!description.isEmpty());
    QVERIFY2(description.contains(descriptionWord, Qt::CaseInsensitive), qPrintable(description));
    // A description explains; it does not just repeat the number.
    QVERIFY(!description.startsWith(QStringLiteral("signal ")));
}

void TestUnixSignals::unknownNumbers_data()
{
    QTest::addColumn<int>("signal");
    QTest::addColumn<QString>("name");

    QTest::newRow("zero") << 0 << "SIG0";
    QTest::newRow("negative") << -3 << "SIG-3";
    QTest::newRow("past SIGRTMAX") << int(SIGRTMAX + 1) << QStringLiteral("SIG%1").arg(SIGRTMAX + 1);
    QTest::newRow("huge") << 1000 << "SIG1000";
}

void TestUnixSignals::unknownNumbers()
{
    QFETCH(int, signal);
    QFETCH(QString, name);

    QCOMPARE(UnixSignals::name(signal), name);
    const QString description = UnixSignals::description(signal);
    QVERIFY(!description.isEmpty());
    QVERIFY2(description.contains(QString::number(signal)), qPrintable(description));
}

void TestUnixSignals::realtimeSignals()
{
    QVERIFY(SIGRTMIN < SIGRTMAX);
    QCOMPARE(UnixSignals::name(SIGRTMIN), QStringLiteral("SIGRTMIN+0"));
    QCOMPARE(UnixSignals::name(SIGRTMIN + 3), QStringLiteral("SIGRTMIN+3"));
    QCOMPARE(UnixSignals::name(SIGRTMAX), QStringLiteral("SIGRTMIN+%1").arg(SIGRTMAX - SIGRTMIN));
    for (int s = SIGRTMIN; s <= SIGRTMAX; ++s) {
        QVERIFY(UnixSignals::name(s).startsWith(QStringLiteral("SIGRTMIN+")));
        QVERIFY(!UnixSignals::description(s).isEmpty());
    }
}

void TestUnixSignals::descriptionsAreDistinctAndNonEmpty()
{
    // Every signal below the realtime range has a name and a description, and
    // named ones do not share a name (a copy-paste slip in the table would).
    QSet<QString> names;
    for (int s = 1; s < SIGRTMIN; ++s) {
        const QString name = UnixSignals::name(s);
        QVERIFY(name.startsWith(QStringLiteral("SIG")));
        QVERIFY(!UnixSignals::description(s).isEmpty());
        if (name != QStringLiteral("SIG%1").arg(s)) {
            QVERIFY2(!names.contains(name), qPrintable(name));
            names.insert(name);
        }
    }
    QVERIFY(names.size() >= 25);
}

QTEST_GUILESS_MAIN(TestUnixSignals)
#include "tst_unixsignals.moc"
