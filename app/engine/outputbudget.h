// One limit on the output every job keeps in memory together. Each job keeps
// a tail of each stream (OutputTail); when their sum passes the limit, the
// tails of the jobs that finished first are cut to their last TrimmedKeepBytes
// (OutputTail::shrinkTo, so the counts stay exact and trimmed() is set),
// oldest first, until the sum fits. A running job's tails are never cut: the
// child is still writing, and its end is what a user is watching.
#pragma once

#include <QHash>
#include <QSet>
#include <QtGlobal>

#include <deque>

class JobProcess;

class OutputBudget
{
public:
    static constexpr qint64 DefaultBytes = 256LL * 1024 * 1024;
    // The smallest budget a user may set: below this it could not even hold
    // one job's default tails.
    static constexpr qint64 MinBytes = 64 * 1024;
    // What a trimmed job still keeps of each stream: its last lines.
    static constexpr qsizetype TrimmedKeepBytes = 4 * 1024;

    void setLimit(qint64 bytes) { m_limit = bytes; }
    qint64 limit() const { return m_limit; }

    void jobStarted(JobProcess *job);
    // The job's tails are final now: it joins the queue of trimmable jobs,
    // and the limit is enforced.
    void jobFinished(JobProcess *job);
    // The job is being deleted: its bytes no longer count.
    void forget(const JobProcess *job);

    // What the finished jobs keep now, trimmed or not.
    qint64 finishedBytes() const { return m_finishedBytes; }
    int trimmedJobs() const { return m_trimmedJobs; }

private:
    void enforce();
    static qint64 keptBy(const JobProcess *job);

    struct Finished
    {
        JobProcess *job;
        quint64 seq; // tells an entry apart from a later job at the same address
    };

    qint64 m_limit = DefaultBytes;
    QSet<const JobProcess *> m_running;
    // What each finished job keeps, as last counted (its tails change only
    // when trimmed here), and their sum.
    QHash<const JobProcess *, qint64> m_counted;
    qint64 m_finishedBytes = 0;
    // The finished jobs a trim would free something of, oldest first.
    std::deque<Finished> m_queue;
    QHash<const JobProcess *, quint64> m_queuedSeq; // the live entries of m_queue
    quint64 m_nextSeq = 0;
    int m_trimmedJobs = 0;
};
