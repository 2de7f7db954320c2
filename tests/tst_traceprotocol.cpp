// The tracer's line protocol: every event survives a round trip, and lines
// that are not events, or carry numbers out of range, are refused with the
// field named, never cast.
#include "processfamily.h"
#include "traceprotocol.h"

#include <QtTest>

using Event = TraceProtocol::Event;
Q_DECLARE_METATYPE(TraceProtocol::Event)

class TstTraceProtocol : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<Event>("event");
        Event hello;
        hello.kind = Event::Kind::Hello;
        hello.pid = 42;
        QTest::newRow("hello") << hello;
        Event spawn;
        spawn.kind = Event::Kind::Spawn;
        spawn.ms = 1.5;
        spawn.pid = 4312;
        spawn.ppid = 4310;
        spawn.how = QStringLiteral("vfork");
        spawn.fds = QStringList{QStringLiteral("pipe:[123]"), QStringLiteral("/dev/pts/3"), QString()};
        QTest::newRow("spawn") << spawn;
        Event exec;
        exec.kind = Event::Kind::Exec;
        exec.ms = 2.25;
        exec.pid = 4312;
        exec.argv = QStringList{QStringLiteral("md5sum"), QStringLiteral("a b"), QStringLiteral("\"q\"\n")};
        exec.exe = QStringLiteral("/usr/bin/md5sum");
        exec.fds = QStringList{QStringLiteral("pipe:[123]"), QStringLiteral("/tmp/x y"), QStringLiteral("/dev/null")};
        QTest::newRow("exec") << exec;
        Event thread;
        thread.kind = Event::Kind::Thread;
        thread.ms = 3;
        thread.pid = 10;
        thread.tid = 11;
        QTest::newRow("thread") << thread;
        Event exited;
        exited.kind = Event::Kind::Exit;
        exited.ms = 1000.125;
        exited.pid = 10;
        exited.exitCode = 3;
        exited.cpuUserMs = 990;
        exited.cpuSysMs = 10;
        exited.peakRssKb = 2048;
        QTest::newRow("exit code") << exited;
        Event killed;
        killed.kind = Event::Kind::Exit;
        killed.ms = 4;
        killed.pid = 10;
        killed.signal = 15;
        QTest::newRow("exit signal, no usage") << killed;
        Event subshell = exited;
        subshell.fds = QStringList{QStringLiteral("/dev/null"), QStringLiteral("pipe:[9]"), QStringLiteral("pipe:[8]")};
        QTest::newRow("exit of a process that never exec'd") << subshell;
        Event refused;
        refused.kind = Event::Kind::Refused;
        refused.reason = QStringLiteral("ptrace refused: test");
        QTest::newRow("refused") << refused;
        Event end;
        end.kind = Event::Kind::End;
        end.ms = 5;
        QTest::newRow("end") << end;
        Event behind = end;
        behind.lost = 12;
        QTest::newRow("end, events lost") << behind;
    }

    void roundTrip()
    {
        QFETCH(Event, event);
        const QByteArray line = TraceProtocol::format(event);
        QVERIFY(line.endsWith('\n'));
        QCOMPARE(line.count('\n'), 1); // one event, one line, whatever the argv holds
        Event back;
        QVERIFY2(TraceProtocol::parse(line, &back), line.constData());
        QCOMPARE(int(back.kind), int(event.kind));
        QCOMPARE(back.ms, event.ms);
        if (event.kind != Event::Kind::Refused && event.kind != Event::Kind::End)
            QCOMPARE(back.pid, event.pid);
        QCOMPARE(back.ppid, event.ppid);
        QCOMPARE(back.tid, event.tid);
        QCOMPARE(back.how, event.how);
        QCOMPARE(back.argv, event.argv);
        QCOMPARE(back.exe, event.exe);
        QCOMPARE(back.fds, event.fds);
        QCOMPARE(back.exitCode, event.exitCode);
        QCOMPARE(back.signal, event.signal);
        QCOMPARE(back.cpuUserMs, event.cpuUserMs);
        QCOMPARE(back.cpuSysMs, event.cpuSysMs);
        QCOMPARE(back.peakRssKb, event.peakRssKb);
        QCOMPARE(back.reason, event.reason);
        QCOMPARE(back.version, event.version);
        QCOMPARE(back.lost, event.lost);
    }

    void garbageRefused_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("text") << QByteArray("ptrace refused");
        QTest::newRow("array") << QByteArray("[1,2]");
        QTest::newRow("unknown event") << QByteArray(R"({"ev":"boom","ms":1,"pid":2})");
        QTest::newRow("no ev") << QByteArray(R"({"ms":1,"pid":2})");
        QTest::newRow("spawn without pid") << QByteArray(R"({"ev":"spawn","ms":1,"ppid":1,"fds":[]})");
        QTest::newRow("negative pid") << QByteArray(R"({"ev":"exit","ms":1,"pid":-5,"code":0})");
        QTest::newRow("fractional pid") << QByteArray(R"({"ev":"exit","ms":1,"pid":1.5,"code":0})");
        QTest::newRow("huge pid") << QByteArray(R"({"ev":"exit","ms":1,"pid":1e300,"code":0})");
        QTest::newRow("nan ms") << QByteArray(R"({"ev":"end","ms":"NaN"})");
        QTest::newRow("negative ms") << QByteArray(R"({"ev":"end","ms":-1})");
        QTest::newRow("exit without status") << QByteArray(R"({"ev":"exit","ms":1,"pid":2})");
        QTest::newRow("exit code 256") << QByteArray(R"({"ev":"exit","ms":1,"pid":2,"code":256})");
        QTest::newRow("signal 0") << QByteArray(R"({"ev":"exit","ms":1,"pid":2,"signal":0})");
        QTest::newRow("argv not strings") << QByteArray(R"({"ev":"exec","ms":1,"pid":2,"argv":[1],"fds":[]})");
        QTest::newRow("argv object") << QByteArray(R"({"ev":"exec","ms":1,"pid":2,"argv":{},"fds":[]})");
        QTest::newRow("hello without version") << QByteArray(R"({"ev":"hello"})");
        QTest::newRow("truncated") << QByteArray(R"({"ev":"exec","ms":1,"pid":2,"argv":["a")");
        QTest::newRow("binary") << QByteArray("\x00\xff{\"ev\"", 7);
    }

    void garbageRefused()
    {
        QFETCH(QByteArray, line);
        Event event;
        event.pid = 99;
        QVERIFY(!TraceProtocol::parse(line, &event));
        QCOMPARE(event.pid, 99); // untouched
    }

    // A family read from a file with garbage among the lines keeps the good
    // ones, counts the bad, and pairs the pipe's ends by inode.
    void familyFromLinesPairsPipes()
    {
        const QByteArray text = R"({"ev":"hello","v":1,"tracer":1}
{"ev":"spawn","ms":0,"pid":10,"ppid":1,"how":"root","fds":["/dev/null","/dev/pts/1","/dev/pts/1"]}
{"ev":"exec","ms":1,"pid":10,"argv":["sh","-c","x"],"exe":"/bin/dash","fds":["/dev/null","/dev/pts/1","/dev/pts/1"]}
not json at all
{"ev":"spawn","ms":2,"pid":11,"ppid":10,"how":"fork","fds":["/dev/null","/dev/pts/1","/dev/pts/1"]}
{"ev":"spawn","ms":2,"pid":12,"ppid":10,"how":"fork","fds":["/dev/null","/dev/pts/1","/dev/pts/1"]}
{"ev":"exec","ms":3,"pid":11,"argv":["/bin/echo","a"],"exe":"/bin/echo","fds":["/dev/null","pipe:[77]","/dev/pts/1"]}
{"ev":"exec","ms":3,"pid":12,"argv":["md5sum"],"exe":"/usr/bin/md5sum","fds":["pipe:[77]","/tmp/out","/dev/pts/1"]}
{"ev":"thread","ms":4,"pid":12,"tid":13}
{"ev":"exit","ms":5,"pid":11,"code":0}
{"ev":"exit","ms":6,"pid":12,"signal":9}
{"ev":"exit","ms":7,"pid":10,"code":3,"cpuUserMs":1,"cpuSysMs":2,"peakRssKb":300}
{"ev":"end","ms":8}
)";
        int bad = 0;
        const ProcessFamily family = ProcessFamily::fromLines(text, &bad);
        QCOMPARE(bad, 1);
        QVERIFY(family.started());
        QVERIFY(family.ended());
        QCOMPARE(family.members().size(), 3);
        QCOMPARE(family.member(12)->threads, 2);
        QCOMPARE(family.member(12)->signal, 9);
        QCOMPARE(family.member(10)->exitCode, 3);
        QCOMPARE(family.member(10)->peakRssKb, 300);
        QCOMPARE(family.name(11), QStringLiteral("echo"));
        const QList<ProcessFamily::PipeLink> pipes = family.pipes();
        QCOMPARE(pipes.size(), 1);
        QCOMPARE(pipes.first().inode, quint64(77));
        QCOMPARE(pipes.first().writers, QList<qint64>{11});
        QCOMPARE(pipes.first().readers, QList<qint64>{12});
        QCOMPARE(family.describeFd(11, 1), QStringLiteral("pipe to 12 (md5sum)"));
        QCOMPARE(family.describeFd(12, 0), QStringLiteral("pipe from 11 (echo)"));
        QCOMPARE(family.describeFd(12, 1), QStringLiteral("/tmp/out"));
        QCOMPARE(family.describeFd(10, 1), QStringLiteral("/dev/pts/1 (terminal)"));
        QCOMPARE(family.toJson().size(), 3);
    }

    void hostileNumbersAreRefused_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("field");
        const auto row = [](const char *name, const char *line, const char *field) {
            QTest::newRow(name) << QByteArray(line) << QString::fromLatin1(field);
        };
        row("pid 1e300", R"({"ev":"thread","ms":1,"pid":1e300,"tid":2})", "\"pid\"");
        row("pid 2^63", R"({"ev":"thread","ms":1,"pid":9223372036854775808,"tid":2})", "\"pid\"");
        row("pid -2^63", R"({"ev":"thread","ms":1,"pid":-9223372036854775808,"tid":2})", "\"pid\"");
        row("pid past pid_t", R"({"ev":"thread","ms":1,"pid":4294967296,"tid":2})", "\"pid\"");
        row("pid fractional", R"({"ev":"thread","ms":1,"pid":1.5,"tid":2})", "\"pid\"");
        row("pid zero", R"({"ev":"thread","ms":1,"pid":0,"tid":2})", "\"pid\"");
        row("pid a string", R"({"ev":"thread","ms":1,"pid":"7","tid":2})", "\"pid\"");
        row("tid 1e19", R"({"ev":"thread","ms":1,"pid":1,"tid":1e19})", "\"tid\"");
        row("ppid -1e300", R"({"ev":"spawn","ms":1,"pid":2,"ppid":-1e300,"how":"fork","fds":[]})", "\"ppid\"");
        row("ms 1e300", R"({"ev":"end","ms":1e300})", "\"ms\"");
        row("ms negative", R"({"ev":"end","ms":-1})", "\"ms\"");
        row("version 1e300", R"({"ev":"hello","v":1e300,"tracer":5})", "\"v\"");
        row("version 2^31", R"({"ev":"hello","v":2147483648,"tracer":5})", "\"v\"");
        row("code 1e300", R"({"ev":"exit","ms":1,"pid":2,"code":1e300})", "\"code\"");
        row("code 256", R"({"ev":"exit","ms":1,"pid":2,"code":256})", "\"code\"");
        row("code 2.5", R"({"ev":"exit","ms":1,"pid":2,"code":2.5})", "\"code\"");
        row("signal -1e300", R"({"ev":"exit","ms":1,"pid":2,"signal":-1e300})", "\"signal\"");
        row("signal 2^63", R"({"ev":"exit","ms":1,"pid":2,"signal":9223372036854775807})", "\"signal\"");
        row("fds not strings", R"({"ev":"exec","ms":1,"pid":2,"argv":["a"],"fds":[1e300]})", "\"fds\"");
    }

    void hostileNumbersAreRefused()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, field);
        Event event;
        event.reason = QStringLiteral("untouched");
        QString error;
        QVERIFY2(!TraceProtocol::parse(line, &event, &error), "a hostile number was accepted");
        QVERIFY2(error.startsWith(field + QLatin1Char(' ')), qPrintable(error));
        QCOMPARE(event.reason, QStringLiteral("untouched"));
        int bad = 0;
        ProcessFamily::fromLines(line + '\n', &bad);
        QCOMPARE(bad, 1);
    }

    void hostileUsageIsUnknown()
    {
        // An exit's usage figures are optional: one out of range is unknown (-1), not cast.
        Event event;
        QVERIFY(TraceProtocol::parse(R"({"ev":"exit","ms":1,"pid":2,"code":0,"cpuUserMs":1e300,)"
                                     R"("cpuSysMs":-4,"peakRssKb":9223372036854775808})",
                                     &event));
        QCOMPARE(event.cpuUserMs, -1.0);
        QCOMPARE(event.cpuSysMs, -1.0);
        QCOMPARE(event.peakRssKb, qint64(-1));
    }

    void hostileFamilyJsonKeepsDefaults()
    {
        // A recorded family is read leniently (its doc says so): a hostile
        // number leaves the member's default rather than being cast.
        const QJsonArray array{QJsonObject{{QStringLiteral("pid"), 1e300},
                                           {QStringLiteral("ppid"), -1e300},
                                           {QStringLiteral("exitMs"), 1e300},
                                           {QStringLiteral("signal"), 1e300},
                                           {QStringLiteral("exitCode"), 2147483648.0},
                                           {QStringLiteral("peakRssKb"), 9.3e18},
                                           {QStringLiteral("threads"), -5},
                                           {QStringLiteral("stdout"), QJsonObject{{QStringLiteral("kind"), QStringLiteral("pipe")},
                                                                                  {QStringLiteral("id"), 1e300}}}}};
        const ProcessFamily family = ProcessFamily::fromJson(array, QString());
        QCOMPARE(family.members().size(), 1);
        const ProcessFamily::Member &m = family.members().first();
        QCOMPARE(m.pid, qint64(0));
        QCOMPARE(m.ppid, qint64(0));
        QCOMPARE(m.exitMs, -1.0);
        QCOMPARE(m.signal, 0);
        QCOMPARE(m.exitCode, -1);
        QCOMPARE(m.peakRssKb, qint64(-1));
        QCOMPARE(m.threads, 1);
        QCOMPARE(m.fds[1].pipeInode, quint64(0));
    }

    void flippedBytesAreParsedOrRefused()
    {
        // Every line with bytes flipped is either refused (with a reason, the
        // event untouched) or read as an event that formats and reads back
        // to the same line: never half-read, never made up.
        QRandomGenerator rng(1234);
        const QByteArray valid = TraceProtocol::format([] {
            Event e;
            e.kind = Event::Kind::Exit;
            e.ms = 12.5;
            e.pid = 5678;
            e.exitCode = 3;
            e.cpuUserMs = 10;
            e.peakRssKb = 2048;
            return e;
        }());
        int parsed = 0;
        int refused = 0;
        for (int i = 0; i < 4000; ++i) {
            QByteArray line = valid;
            const int flips = 1 + int(rng.bounded(3));
            for (int f = 0; f < flips; ++f) {
                const char c = char(rng.bounded(256));
                line[int(rng.bounded(line.size() - 1))] = c == '\n' ? 'x' : c; // still one line
            }
            Event event;
            event.reason = QStringLiteral("untouched");
            QString error;
            if (TraceProtocol::parse(line, &event, &error)) {
                ++parsed;
                const QByteArray again = TraceProtocol::format(event);
                Event second;
                QVERIFY2(TraceProtocol::parse(again, &second), again.constData());
                QCOMPARE(TraceProtocol::format(second), again);
                QVERIFY2(event.pid >= 1 && event.ms >= 0, line.constData());
            } else {
                ++refused;
                QVERIFY2(!error.isEmpty(), line.toHex().constData());
                QCOMPARE(event.reason, QStringLiteral("untouched"));
            }
            int bad = 0;
            ProcessFamily::fromLines(line + '\n' + line + '\n', &bad);
            QCOMPARE(bad, event.reason == QLatin1String("untouched") ? 2 : 0);
        }
        // Both outcomes were exercised, or the test proves nothing.
        QVERIFY2(parsed > 50 && refused > 50, qPrintable(QStringLiteral("%1 parsed, %2 refused").arg(parsed).arg(refused)));
    }
};

QTEST_GUILESS_MAIN(TstTraceProtocol)
#include "tst_traceprotocol.moc"
