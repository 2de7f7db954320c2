// The Chrome trace of a watched job's family: one track per member in tree
// order, named to show the nesting, with spans between fork, execs and exit
// placed on the run's clock. Built from tracer events, so no ptrace needed.
#include "chrometrace.h"
#include "processfamily.h"

#include <QtTest>

namespace {

// sh (100) forks xargs (101) and md5sum (102); xargs forks true (103) after
// md5sum was forked, so tree order (100, 101, 103, 102) is not fork order.
const char familyLines[] = R"({"ev":"hello","v":1,"tracer":50}
{"ev":"spawn","ms":0,"pid":100,"ppid":50,"how":"root","fds":["","",""]}
{"ev":"exec","ms":1,"pid":100,"argv":["sh","-c","x"],"exe":"/bin/sh","fds":["","",""]}
{"ev":"spawn","ms":2,"pid":101,"ppid":100,"how":"fork","fds":["","",""]}
{"ev":"spawn","ms":3,"pid":102,"ppid":100,"how":"vfork","fds":["","",""]}
{"ev":"exec","ms":4,"pid":101,"argv":["/usr/bin/xargs","-n1"],"exe":"/usr/bin/xargs","fds":["","",""]}
{"ev":"exec","ms":3,"pid":102,"argv":["md5sum"],"exe":"/usr/bin/md5sum","fds":["","",""]}
{"ev":"spawn","ms":6,"pid":103,"ppid":101,"how":"fork","fds":["","",""]}
{"ev":"exec","ms":7,"pid":103,"argv":["/bin/true"],"exe":"/bin/true","fds":["","",""]}
{"ev":"exit","ms":8,"pid":103,"code":0,"cpuUserMs":1,"cpuSysMs":2,"peakRssKb":900}
{"ev":"exit","ms":9,"pid":101,"code":0}
{"ev":"exit","ms":10,"pid":102,"signal":9}
)";

QList<QJsonObject> withPh(const QJsonArray &events, const QString &ph, int tid = -1)
{
    QList<QJsonObject> found;
    for (const QJsonValue &value : events) {
        const QJsonObject e = value.toObject();
        if (e.value(QStringLiteral("ph")).toString() == ph && (tid < 0 || e.value(QStringLiteral("tid")).toInt() == tid))
            found << e;
    }
    return found;
}

ChromeTrace::FamilyPlacement placement()
{
    ChromeTrace::FamilyPlacement where;
    where.pid = 7;
    where.firstTid = 3;
    where.firstSortIndex = 11;
    where.offsetMs = 1000;
    where.openEndMs = 20;
    return where;
}

} // namespace

class TstChromeTrace : public QObject
{
    Q_OBJECT

private slots:
    void tracksFollowTheTree()
    {
        const ProcessFamily family = ProcessFamily::fromLines(familyLines);
        QCOMPARE(family.members().size(), 4);
        const QJsonArray events = ChromeTrace::familyEvents(family, placement());
        QStringList names;
        QList<int> sortIndices;
        for (const QJsonObject &m : withPh(events, QStringLiteral("M"))) {
            QCOMPARE(m.value(QStringLiteral("pid")).toInt(), 7);
            const int tid = m.value(QStringLiteral("tid")).toInt();
            if (m.value(QStringLiteral("name")).toString() == QLatin1String("thread_name")) {
                QCOMPARE(tid, 3 + int(names.size()));
                names << m.value(QStringLiteral("args")).toObject().value(QStringLiteral("name")).toString();
            } else {
                QCOMPARE(m.value(QStringLiteral("name")).toString(), QStringLiteral("thread_sort_index"));
                QCOMPARE(tid, 3 + int(sortIndices.size()));
                sortIndices << m.value(QStringLiteral("args")).toObject().value(QStringLiteral("sort_index")).toInt();
            }
        }
        QCOMPARE(names, (QStringList{QStringLiteral("└ sh 100"), QStringLiteral("  └ xargs 101"),
                                     QStringLiteral("    └ true 103"), QStringLiteral("  └ md5sum 102")}));
        QCOMPARE(sortIndices, (QList<int>{11, 12, 13, 14}));
    }

    // xargs (tid 4): the fork's stretch is still sh, then xargs until its
    // exit, on the run's clock in microseconds.
    void spansAndMarkersOfOneMember()
    {
        const QJsonArray events = ChromeTrace::familyEvents(ProcessFamily::fromLines(familyLines), placement());
        const QList<QJsonObject> spans = withPh(events, QStringLiteral("X"), 4);
        QCOMPARE(spans.size(), 2);
        QCOMPARE(spans[0].value(QStringLiteral("name")).toString(), QStringLiteral("sh"));
        QCOMPARE(spans[0].value(QStringLiteral("ts")).toDouble(), 1002000.0);
        QCOMPARE(spans[0].value(QStringLiteral("dur")).toDouble(), 2000.0);
        QCOMPARE(spans[1].value(QStringLiteral("name")).toString(), QStringLiteral("xargs"));
        QCOMPARE(spans[1].value(QStringLiteral("ts")).toDouble(), 1004000.0);
        QCOMPARE(spans[1].value(QStringLiteral("dur")).toDouble(), 5000.0);
        QCOMPARE(spans[1].value(QStringLiteral("args")).toObject().value(QStringLiteral("argv")).toArray().size(), 2);

        QStringList markers;
        for (const QJsonObject &i : withPh(events, QStringLiteral("i"), 4))
            markers << i.value(QStringLiteral("name")).toString() + QLatin1Char('@')
                           + QString::number(i.value(QStringLiteral("ts")).toDouble(), 'f', 0);
        QCOMPARE(markers, (QStringList{QStringLiteral("fork@1002000"), QStringLiteral("exec xargs@1004000"),
                                       QStringLiteral("exit 0@1009000")}));

        // md5sum exec'd at its vfork's moment: one span, and its signal marker.
        const QList<QJsonObject> md5 = withPh(events, QStringLiteral("X"), 6);
        QCOMPARE(md5.size(), 1);
        QCOMPARE(md5[0].value(QStringLiteral("name")).toString(), QStringLiteral("md5sum"));
        QCOMPARE(withPh(events, QStringLiteral("i"), 6).last().value(QStringLiteral("name")).toString(),
                 QStringLiteral("SIGKILL"));
        // The root's span starts at its exec, not at the tracer's fork.
        const QList<QJsonObject> root = withPh(events, QStringLiteral("X"), 3);
        QCOMPARE(root.size(), 1);
        QCOMPARE(root[0].value(QStringLiteral("ts")).toDouble(), 1001000.0);
    }

    // The root never exited here: its span runs to where the job's ended.
    void openSpanEndsWithTheJob()
    {
        const QJsonArray events = ChromeTrace::familyEvents(ProcessFamily::fromLines(familyLines), placement());
        const QList<QJsonObject> root = withPh(events, QStringLiteral("X"), 3);
        QCOMPARE(root.size(), 1);
        QCOMPARE(root[0].value(QStringLiteral("dur")).toDouble(), 19000.0); // exec at 1 to openEndMs 20
        QCOMPARE(withPh(events, QStringLiteral("i"), 3).size(), 2);       // start and exec, no exit
    }

    // Hostile input: two members naming each other as parent get one track
    // each, the first a root (its "parent" was not there yet).
    void parentCycleStillEnds()
    {
        const ProcessFamily family = ProcessFamily::fromLines(
            R"({"ev":"spawn","ms":0,"pid":200,"ppid":201,"how":"fork","fds":["","",""]}
{"ev":"spawn","ms":0,"pid":201,"ppid":200,"how":"fork","fds":["","",""]}
)");
        QCOMPARE(family.members().size(), 2);
        const QJsonArray events = ChromeTrace::familyEvents(family, placement());
        QStringList names;
        for (const QJsonObject &m : withPh(events, QStringLiteral("M"))) {
            if (m.value(QStringLiteral("name")).toString() == QLatin1String("thread_name"))
                names << m.value(QStringLiteral("args")).toObject().value(QStringLiteral("name")).toString();
        }
        QCOMPARE(names, (QStringList{QStringLiteral("└ ? 200"), QStringLiteral("  └ ? 201")}));
    }

    // A child forked before its parent's next exec ran the parent's program
    // of that moment until its own exec; the track is named for its last.
    void forkStretchIsTheParentsProgramThen()
    {
        const ProcessFamily family = ProcessFamily::fromLines(
            R"({"ev":"spawn","ms":0,"pid":300,"ppid":1,"how":"root","fds":["","",""]}
{"ev":"exec","ms":1,"pid":300,"argv":["make"],"exe":"/usr/bin/make","fds":["","",""]}
{"ev":"spawn","ms":2,"pid":301,"ppid":300,"how":"fork","fds":["","",""]}
{"ev":"exec","ms":3,"pid":300,"argv":["cc"],"exe":"/usr/bin/cc","fds":["","",""]}
{"ev":"exec","ms":4,"pid":301,"argv":["ld"],"exe":"/usr/bin/ld","fds":["","",""]}
)");
        const QJsonArray events = ChromeTrace::familyEvents(family, placement());
        const QList<QJsonObject> spans = withPh(events, QStringLiteral("X"), 4);
        QCOMPARE(spans.size(), 2);
        QCOMPARE(spans[0].value(QStringLiteral("name")).toString(), QStringLiteral("make"));
        QCOMPARE(spans[1].value(QStringLiteral("name")).toString(), QStringLiteral("ld"));
    }
};

QTEST_GUILESS_MAIN(TstChromeTrace)
#include "tst_chrometrace.moc"
