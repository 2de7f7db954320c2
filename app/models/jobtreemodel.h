// The process table: one top-level row per run (a fan-out or chain group) with
// one child row per process. Updates are coalesced and sent as ranges at most
// ~20 times a second, however fast the children write.
#pragma once

#include <QAbstractItemModel>
#include <QHash>
#include <QList>
#include <QSet>

class JobEngine;
class JobProcess;
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
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        RawRole = Qt::UserRole, // numbers for sorting and painting
        StateRole,              // JobOutcome::State as int; for runs, the most serious of their jobs'
        IsRunRole,
        RunIdRole,
        JobIndexRole,           // -1 for runs
        SuccessRole,            // done and exit 0 (for runs: every job)
        ShellRole,              // runs a shell: show the badge
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

    JobRun *runAt(const QModelIndex &index) const;
    // nullptr for run rows.
    JobProcess *jobAt(const QModelIndex &index) const;
    QModelIndex indexOfRun(const JobRun *run, int column = 0) const;
    QModelIndex indexOfJob(const JobRun *run, int jobIndex, int column = 0) const;

    // How many dataChanged batches were sent: lets tests check the coalescing.
    int flushCount() const { return m_flushCount; }

private:
    void onRunAdded(JobRun *run);
    void onRunsAboutToBeRemoved(int first, int last);
    void onRunsRemoved();
    void onJobChanged(JobRun *run, int jobIndex);
    void flush();
    void rebuildRowIndex();
    QVariant runData(const JobRun *run, int column, int role) const;
    QVariant jobData(const JobRun *run, int jobIndex, int column, int role) const;

    // Sends dataChanged for the given job rows of one run, as few contiguous
    // ranges as possible: O(rows given), never O(rows of the run).
    void emitRowRanges(const QModelIndex &runIndex, QList<int> rows, int firstColumn, int lastColumn,
                       const QList<int> &roles);

    JobEngine *m_engine;
    QList<JobRun *> m_runs;        // mirror of the engine's list, changed inside begin/end
    QHash<quint64, int> m_rowOfRun; // run id -> row, for parent()
    QHash<quint64, QSet<int>> m_dirty; // run id -> changed job rows (the group row always goes too)
    QHash<quint64, QSet<int>> m_ticking; // run id -> its running job rows, whose elapsed time ticks
    QSet<quint64> m_activeRuns;     // their group row's wall time ticks
    QTimer *m_flushTimer;
    int m_flushCount = 0;
};
