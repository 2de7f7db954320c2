// The process table: one top-level row per run (a fan-out or chain group) with
// one child row per process, and under each process a row per descendant the
// sampler saw (ended ones stay), or for a watched job every process of its
// family that the tracer reported, indented under its parent. Updates are coalesced and sent as ranges at
// most ~20 times a second, however fast the children write.
//
// Past the engine's row limit the oldest finished runs are folded away; the
// first top-level row then sums them up (IsFoldedRole, no run, no children,
// not draggable), and goes again when nothing is folded.
//
// Resource columns: unknown is an empty cell with RawRole -1, never a zero.
// A job's peak RSS that is only the largest sample (a lower bound) shows as
// "≥ 52.0 MiB", with ExactRole false and a tooltip saying so.
#pragma once

#include "processfamily.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>
#include <QPair>
#include <QSet>

class JobEngine;
class JobProcess;
struct ProcessSample;
class JobRun;
class QTimer;

class JobTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        CommandColumn,
        PidColumn,
        StateColumn,
        ExitColumn,
        ElapsedColumn,
        PollsColumn,
        StdoutColumn,
        StderrColumn,
        LastLineColumn,
        CpuColumn,      // CPU % now, 100 % = one core
        CpuTimeColumn,  // user + system CPU time
        RssColumn,
        PeakRssColumn,
        ThreadsColumn,
        ReadColumn,     // bytes read from storage
        WriteColumn,    // bytes written to storage
        ColumnCount
    };
    Q_ENUM(Column)

    // Totals of a run's jobs, recomputed once per flush for runs whose
    // jobs were sampled, so a group row costs O(1) to paint.
    struct Totals
    {
        double cpuPercent = -1;
        qint64 cpuMs = -1;
        qint64 rssKb = -1;
        qint64 peakRssKb = -1;
        bool peakExact = true;
        int threads = -1;
        qint64 readBytes = -1;
        qint64 writeBytes = -1;
    };

    enum Role {
        RawRole = Qt::UserRole, // numbers for sorting and painting
        StateRole,              // JobOutcome::State as int; for runs, the most serious of their jobs'
        IsRunRole,
        RunIdRole,
        JobIndexRole,           // -1 for runs
        SuccessRole,            // done and exit 0 (for runs: every job)
        ShellRole,              // runs a shell: show the badge
        IsDescendantRole,       // a process the job started (third level)
        EndedRole,              // a descendant that is gone: grey it
        LeftGroupRole,          // a descendant in another process group (setsid): Stop cannot reach it
        PausedRole,             // a job that is stopped (SIGSTOP or any stop signal)
        ExactRole,              // peak RSS / CPU time from the kernel at the reap, not from samples
        PidRole,                // the process's pid, for any row below a run
        WatchedRole,            // a job whose family the tracer records (its rows below are exact)
        IsFoldedRole,           // the summary row of the runs folded away past the row limit
    };
    Q_ENUM(Role)

    static constexpr int UpdateIntervalMs = 50;

    explicit JobTreeModel(JobEngine *engine, QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    // Job rows can be dragged (onto the preset palette, to save them).
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    // The job a MimeTypes::Job payload refers to, if it still exists.
    JobProcess *jobFromMime(const QByteArray &payload, JobRun **run = nullptr) const;

    // nullptr for the folded-runs row.
    JobRun *runAt(const QModelIndex &index) const;
    bool isFoldedRow(const QModelIndex &index) const;
    // nullptr for run rows; for a descendant row, the job it belongs to.
    JobProcess *jobAt(const QModelIndex &index) const;
    bool isDescendant(const QModelIndex &index) const;
    QModelIndex indexOfRun(const JobRun *run, int column = 0) const;
    QModelIndex indexOfJob(const JobRun *run, int jobIndex, int column = 0) const;

    // How many dataChanged batches were sent: lets tests check the coalescing.
    int flushCount() const { return m_flushCount; }

private:
    void onRunAdded(JobRun *run);
    void onRunsAboutToBeRemoved(int first, int last);
    void onRunsRemoved();
    void onFoldedChanged();
    // 1 while the folded-runs row leads the top level: a run at position
    // pos in m_runs is top-level row pos + foldedRows().
    int foldedRows() const { return m_showsFolded ? 1 : 0; }
    QVariant foldedData(int column, int role) const;
    void onJobChanged(JobRun *run, int jobIndex);
    void onJobResourcesChanged(JobRun *run, int jobIndex);
    void flush();
    void flushDescendants(JobRun *run, const QModelIndex &runIndex, const QSet<int> &jobs);
    void rebuildRowIndex();
    QVariant cellData(const QModelIndex &index, int role) const;
    QVariant runData(const JobRun *run, int column, int role) const;
    QVariant jobData(const JobRun *run, int jobIndex, int column, int role) const;
    QVariant descendantData(const JobProcess *job, int row, int column, int role) const;
    QVariant familyData(const JobProcess *job, int row, int column, int role) const;

    // Descendant rows carry their job's key as internalId; keys have the top
    // bit set, so they never meet a run id (job rows) or RunRowId.
    struct JobKey
    {
        quint64 runId;
        int jobIndex;
    };
    static constexpr quint64 DescendantKeyBit = quint64(1) << 62;
    quint64 keyOf(quint64 runId, int jobIndex) const;
    void forgetRun(quint64 runId);
    static Totals totalsOf(const JobRun *run);

    // Sends dataChanged for the given job rows of one run, as few contiguous
    // ranges as possible: O(rows given), never O(rows of the run).
    void emitRowRanges(const QModelIndex &runIndex, QList<int> rows, int firstColumn, int lastColumn,
                       const QList<int> &roles);

    JobEngine *m_engine;
    QList<JobRun *> m_runs;        // mirror of the engine's list, changed inside begin/end
    QHash<quint64, int> m_rowOfRun; // run id -> position in m_runs, for parent()
    bool m_showsFolded = false;
    QHash<quint64, QSet<int>> m_dirty; // run id -> changed job rows (the group row always goes too)
    QHash<quint64, QSet<int>> m_ticking; // run id -> its running job rows, whose elapsed time ticks
    QSet<quint64> m_activeRuns;     // their group row's wall time ticks
    QHash<quint64, QSet<int>> m_sampled; // run id -> jobs with new resources
    QHash<quint64, JobKey> m_jobOfKey; // descendant rows' internalId -> their job
    QHash<QPair<quint64, int>, quint64> m_keyOfJob;
    QHash<quint64, int> m_shownDescendants; // key -> rows announced with beginInsertRows
    QHash<quint64, Totals> m_totals; // run id -> its jobs' resource totals
    quint64 m_nextKey = DescendantKeyBit | 1;
    QTimer *m_flushTimer;
    int m_flushCount = 0;
};
