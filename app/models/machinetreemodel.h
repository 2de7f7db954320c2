// Every process on the machine, as a tree under their parents or as a flat
// list, for the Machine panel. Each scan (a MachineSnapshot) is merged into
// the rows as they are: a process is known by its pid and start time, so a
// process that exited is a removed row, a new one an inserted row, a pid the
// kernel reused a remove and an insert, a process whose parent exited a
// moved row (to init or a subreaper), and changed figures a dataChanged over
// each run of changed rows. Selection, expansion and persistent indexes of
// every other row survive a scan; only switching between tree and list
// resets the model.
//
// Unknown figures are never zeros: a process that has none (a kernel
// thread's memory) shows "—", one whose file the kernel refused (another
// user's I/O counters) shows "refused", and its tooltip says why.
#pragma once

#include "machinesnapshot.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>
#include <QSet>

#include <memory>
#include <vector>

class MachineTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column {
        PidColumn,
        UserColumn,
        CommandColumn,
        StateColumn,
        CpuColumn,     // % of one core over the last interval
        CpuTimeColumn, // user + system
        MemoryColumn,  // RSS
        ThreadsColumn,
        ReadColumn,    // bytes read from storage
        WriteColumn,   // bytes written to storage
        StartedColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        SortRole = Qt::UserRole, // the raw value: numbers for figures (-1 unknown), text for words
        PidRole,
        StartTicksRole,
        IsJobRole,               // one of SpawnScope's own jobs (setJobPids)
        PartialRole,             // some of its files were refused; ToolTipRole says which
        KernelThreadRole,
    };
    Q_ENUM(Role)

    explicit MachineTreeModel(QObject *parent = nullptr);
    ~MachineTreeModel() override;

    // Merges a new scan into the rows (see above). The snapshot's processes
    // must be ordered by pid, as MachineScanner returns them.
    void setSnapshot(const MachineSnapshot &snapshot);
    const MachineSnapshot &snapshot() const { return m_snapshot; }

    // Tree: each process under its parent; a process whose parent is not in
    // the snapshot is a top-level row. List: every process top-level.
    void setTreeMode(bool tree);
    bool isTreeMode() const { return m_tree; }

    // The pids of SpawnScope's own jobs, marked in their rows.
    void setJobPids(const QSet<qint64> &pids);
    QSet<qint64> jobPids() const { return m_jobPids; }

    // The time "Started" compares with to say "today"; tests fix it.
    void setNowEpochMs(qint64 nowEpochMs) { m_nowEpochMs = nowEpochMs; }

    const MachineProcess *processAt(const QModelIndex &index) const;
    QModelIndex indexOfPid(qint64 pid, int column = 0) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Node;
    Node *nodeAt(const QModelIndex &index) const;
    QModelIndex indexOf(const Node *node, int column = 0) const;
    // Where each process of the snapshot belongs: its parent's pid, or 0 for
    // the top level; a ppid cycle (never from a kernel) is cut.
    QHash<qint64, qint64> placement(const MachineSnapshot &snapshot) const;
    void place(Node *parent, const QList<qint64> &pids, const QHash<qint64, const MachineProcess *> &incoming);
    void insertRun(Node *parent, int row, const QList<const MachineProcess *> &processes);
    void moveNode(Node *node, Node *newParent);
    void removeDoomed(const QList<Node *> &doomed);
    void emitChanged(const QList<Node *> &changed);
    void forget(Node *node);
    void rebuild();
    QVariant display(const MachineProcess &process, int column) const;
    QVariant sortValue(const MachineProcess &process, int column) const;
    QString withheld(const MachineProcess &process) const;

    std::unique_ptr<Node> m_root;
    QHash<qint64, Node *> m_byPid;
    MachineSnapshot m_snapshot;
    QSet<qint64> m_jobPids;
    qint64 m_nowEpochMs = 0;
    bool m_tree = true;
};
