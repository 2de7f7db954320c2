#include "machinetreemodel.h"

#include "jobformat.h"
#include "machinecolumn.h"

#include <QDateTime>

#include <algorithm>

struct MachineTreeModel::Node
{
    MachineProcess process;
    Node *parent = nullptr;
    std::vector<std::unique_ptr<Node>> children; // ordered by pid
    int row = 0;
    // The columns that changed in this scan, for dataChanged; -1: none.
    int changedFirst = -1;
    int changedLast = -1;
};

namespace {

bool isNumeric(int column)
{
    switch (column) {
    case MachineTreeModel::PidColumn:
    case MachineTreeModel::CpuColumn:
    case MachineTreeModel::CpuTimeColumn:
    case MachineTreeModel::MemoryColumn:
    case MachineTreeModel::ThreadsColumn:
    case MachineTreeModel::ReadColumn:
    case MachineTreeModel::WriteColumn:
        return true;
    default:
        return false;
    }
}

// The first and last column whose text differs between two scans of one
// process; first -1 when none does. A new partial reason changes every
// cell's tooltip.
std::pair<int, int> changedColumns(const MachineProcess &a, const MachineProcess &b)
{
    using M = MachineTreeModel;
    if (a.partial != b.partial || a.partialReason != b.partialReason)
        return {0, M::ColumnCount - 1};
    const bool changed[M::ColumnCount] = {
        false,
        a.uid != b.uid || a.user != b.user,
        a.argv != b.argv || a.comm != b.comm || a.exe != b.exe,
        a.state != b.state,
        a.cpuPercent != b.cpuPercent,
        a.cpuMs() != b.cpuMs(),
        a.rssKb != b.rssKb,
        a.threads != b.threads,
        a.ioReadBytes != b.ioReadBytes,
        a.ioWriteBytes != b.ioWriteBytes,
        a.startedAtEpochMs != b.startedAtEpochMs,
    };
    int first = -1;
    int last = -1;
    for (int column = 0; column < M::ColumnCount; ++column) {
        if (changed[column]) {
            if (first < 0)
                first = column;
            last = column;
        }
    }
    return {first, last};
}

template<typename Children>
int rowFor(const Children &children, qint64 pid)
{
    const auto it = std::lower_bound(children.cbegin(), children.cend(), pid,
                                     [](const auto &node, qint64 p) { return node->process.pid < p; });
    return int(it - children.cbegin());
}

template<typename Children>
void renumber(Children &children, int from)
{
    for (int row = std::max(from, 0); row < int(children.size()); ++row)
        children[size_t(row)]->row = row;
}

} // namespace

MachineTreeModel::MachineTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{
}

MachineTreeModel::~MachineTreeModel() = default;

MachineTreeModel::Node *MachineTreeModel::nodeAt(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex MachineTreeModel::indexOf(const Node *node, int column) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, column, const_cast<Node *>(node));
}

const MachineProcess *MachineTreeModel::processAt(const QModelIndex &index) const
{
    return index.isValid() && index.model() == this ? &nodeAt(index)->process : nullptr;
}

QModelIndex MachineTreeModel::indexOfPid(qint64 pid, int column) const
{
    return indexOf(m_byPid.value(pid), column);
}

QModelIndex MachineTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    const Node *p = nodeAt(parent);
    if (row < 0 || row >= int(p->children.size()) || column < 0 || column >= ColumnCount)
        return {};
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex MachineTreeModel::parent(const QModelIndex &child) const
{
    return child.isValid() ? indexOf(nodeAt(child)->parent) : QModelIndex();
}

int MachineTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(nodeAt(parent)->children.size());
}

int MachineTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QHash<qint64, qint64> MachineTreeModel::placement(const MachineSnapshot &snapshot) const
{
    QHash<qint64, qint64> parentOf;
    parentOf.reserve(snapshot.processes.size());
    for (const MachineProcess &p : snapshot.processes) {
        const bool underParent = m_tree && p.ppid != p.pid && snapshot.find(p.ppid);
        parentOf.insert(p.pid, underParent ? p.ppid : 0);
    }
    if (!m_tree)
        return parentOf;
    // Cut ppid cycles: walk each chain once, marking what is known to reach
    // the top; a chain that meets itself is cut where it closes.
    QSet<qint64> reachesTop;
    for (const MachineProcess &p : snapshot.processes) {
        QList<qint64> path;
        QSet<qint64> onPath;
        qint64 pid = p.pid;
        while (pid != 0 && !reachesTop.contains(pid)) {
            if (onPath.contains(pid)) {
                parentOf[path.last()] = 0;
                break;
            }
            onPath.insert(pid);
            path << pid;
            pid = parentOf.value(pid);
        }
        for (qint64 walked : std::as_const(path))
            reachesTop.insert(walked);
    }
    return parentOf;
}

void MachineTreeModel::setSnapshot(const MachineSnapshot &snapshot)
{
    m_snapshot = snapshot;
    QHash<qint64, const MachineProcess *> incoming;
    incoming.reserve(m_snapshot.processes.size());
    for (const MachineProcess &p : std::as_const(m_snapshot.processes))
        incoming.insert(p.pid, &p);

    // Gone, or the pid now names another process: removed at the end, once
    // every survivor below them has moved to its new parent.
    QList<Node *> doomed;
    for (auto it = m_byPid.begin(); it != m_byPid.end();) {
        const MachineProcess *now = incoming.value(it.key());
        if (!now || now->startTicks != it.value()->process.startTicks) {
            doomed << it.value();
            it = m_byPid.erase(it);
        } else {
            ++it;
        }
    }

    // Level by level from the top, so that a parent is in its final place
    // before its children are moved or inserted under it: every move is then
    // valid (never into the moved row's own subtree).
    const QHash<qint64, qint64> parentOf = placement(m_snapshot);
    QHash<qint64, QList<qint64>> childrenOf;
    for (const MachineProcess &p : std::as_const(m_snapshot.processes))
        childrenOf[parentOf.value(p.pid)] << p.pid; // in pid order
    QList<qint64> level{0};
    while (!level.isEmpty()) {
        QList<qint64> next;
        for (qint64 parentPid : std::as_const(level)) {
            const QList<qint64> kids = childrenOf.value(parentPid);
            if (kids.isEmpty())
                continue;
            place(parentPid == 0 ? m_root.get() : m_byPid.value(parentPid), kids, incoming);
            next << kids;
        }
        level = next;
    }

    removeDoomed(doomed);

    QList<Node *> changed;
    for (Node *node : std::as_const(m_byPid)) {
        if (node->changedFirst >= 0)
            changed << node;
    }
    emitChanged(changed);
}

void MachineTreeModel::place(Node *parent, const QList<qint64> &pids,
                             const QHash<qint64, const MachineProcess *> &incoming)
{
    QList<const MachineProcess *> fresh;
    for (qint64 pid : pids) {
        const MachineProcess *now = incoming.value(pid);
        Node *node = m_byPid.value(pid);
        if (!node) {
            fresh << now;
            continue;
        }
        if (node->parent != parent)
            moveNode(node, parent);
        const auto [first, last] = changedColumns(node->process, *now);
        node->changedFirst = first;
        node->changedLast = last;
        node->process = *now; // the ppid too, which no cell shows
    }
    // New processes next to each other among their siblings go in one insert.
    int i = 0;
    while (i < fresh.size()) {
        const int row = rowFor(parent->children, fresh[i]->pid);
        int j = i + 1;
        while (j < fresh.size() && rowFor(parent->children, fresh[j]->pid) == row)
            ++j;
        insertRun(parent, row, fresh.mid(i, j - i));
        i = j;
    }
}

void MachineTreeModel::insertRun(Node *parent, int row, const QList<const MachineProcess *> &processes)
{
    beginInsertRows(indexOf(parent), row, row + int(processes.size()) - 1);
    std::vector<std::unique_ptr<Node>> nodes;
    nodes.reserve(size_t(processes.size()));
    for (const MachineProcess *process : processes) {
        auto node = std::make_unique<Node>();
        node->process = *process;
        node->parent = parent;
        m_byPid.insert(process->pid, node.get());
        nodes.push_back(std::move(node));
    }
    parent->children.insert(parent->children.begin() + row, std::make_move_iterator(nodes.begin()),
                            std::make_move_iterator(nodes.end()));
    renumber(parent->children, row);
    endInsertRows();
}

void MachineTreeModel::moveNode(Node *node, Node *newParent)
{
    Node *oldParent = node->parent;
    const int from = node->row;
    const int to = rowFor(newParent->children, node->process.pid);
    if (!beginMoveRows(indexOf(oldParent), from, from, indexOf(newParent), to))
        return; // cannot happen level by level (see setSnapshot); the row stays where it was
    std::unique_ptr<Node> owned = std::move(oldParent->children[size_t(from)]);
    oldParent->children.erase(oldParent->children.begin() + from);
    renumber(oldParent->children, from);
    owned->parent = newParent;
    newParent->children.insert(newParent->children.begin() + to, std::move(owned));
    renumber(newParent->children, to);
    endMoveRows();
}

void MachineTreeModel::removeDoomed(const QList<Node *> &doomed)
{
    // Only the topmost of each doomed subtree is removed: its rows below go with it.
    const QSet<Node *> doomedSet(doomed.cbegin(), doomed.cend());
    QHash<Node *, QList<int>> rowsByParent;
    for (Node *node : doomed) {
        if (!doomedSet.contains(node->parent))
            rowsByParent[node->parent] << node->row;
    }
    for (auto it = rowsByParent.begin(); it != rowsByParent.end(); ++it) {
        Node *parent = it.key();
        QList<int> rows = it.value();
        std::sort(rows.begin(), rows.end());
        // From the last run back, so the rows of the runs before stay valid.
        int end = int(rows.size());
        while (end > 0) {
            int begin = end - 1;
            while (begin > 0 && rows[begin - 1] == rows[begin] - 1)
                --begin;
            const int first = rows[begin];
            const int last = rows[end - 1];
            beginRemoveRows(indexOf(parent), first, last);
            parent->children.erase(parent->children.begin() + first, parent->children.begin() + last + 1);
            renumber(parent->children, first);
            endRemoveRows();
            end = begin;
        }
    }
}

void MachineTreeModel::emitChanged(const QList<Node *> &changed)
{
    QHash<Node *, QList<Node *>> byParent;
    for (Node *node : changed)
        byParent[node->parent] << node;
    for (auto it = byParent.begin(); it != byParent.end(); ++it) {
        QList<Node *> nodes = it.value();
        std::sort(nodes.begin(), nodes.end(), [](const Node *a, const Node *b) { return a->row < b->row; });
        int begin = 0;
        while (begin < nodes.size()) {
            int end = begin + 1;
            int first = nodes[begin]->changedFirst;
            int last = nodes[begin]->changedLast;
            while (end < nodes.size() && nodes[end]->row == nodes[end - 1]->row + 1) {
                first = std::min(first, nodes[end]->changedFirst);
                last = std::max(last, nodes[end]->changedLast);
                ++end;
            }
            emit dataChanged(indexOf(nodes[begin], first), indexOf(nodes[end - 1], last));
            begin = end;
        }
    }
    for (Node *node : changed)
        node->changedFirst = node->changedLast = -1;
}

void MachineTreeModel::setTreeMode(bool tree)
{
    if (m_tree == tree)
        return;
    // A user's choice, not a refresh: the one reset. The view re-selects by pid.
    beginResetModel();
    m_root->children.clear();
    m_byPid.clear();
    m_tree = tree;
    endResetModel();
    const MachineSnapshot current = m_snapshot;
    setSnapshot(current);
}

void MachineTreeModel::setJobPids(const QSet<qint64> &pids)
{
    QList<Node *> changed;
    for (qint64 pid : (pids - m_jobPids) + (m_jobPids - pids)) {
        if (Node *node = m_byPid.value(pid)) {
            node->changedFirst = 0;
            node->changedLast = ColumnCount - 1;
            changed << node;
        }
    }
    m_jobPids = pids;
    emitChanged(changed);
}

QString MachineTreeModel::withheld(const MachineProcess &process) const
{
    return process.partial ? tr("refused") : QStringLiteral("—");
}

QVariant MachineTreeModel::display(const MachineProcess &p, int column) const
{
    switch (Column(column)) {
    case PidColumn:
        return m_jobPids.contains(p.pid) ? tr("● %1").arg(p.pid) : QString::number(p.pid);
    case UserColumn:
        if (!p.user.isEmpty())
            return p.user;
        return p.uid >= 0 ? QString::number(p.uid) : withheld(p);
    case CommandColumn:
        return p.commandLine();
    case StateColumn:
        return JobFormat::processState(p.state);
    case CpuColumn:
        // Not withheld, only not measured yet: the first scan has no interval.
        return p.cpuPercent >= 0 ? JobFormat::cpuPercent(p.cpuPercent) : QString();
    case CpuTimeColumn:
        return JobFormat::cpuTime(p.cpuMs());
    case MemoryColumn:
        return p.rssKb >= 0 ? JobFormat::kibibytes(p.rssKb) : withheld(p);
    case ThreadsColumn:
        return p.threads > 0 ? QString::number(p.threads) : withheld(p);
    case ReadColumn:
        return p.ioReadBytes >= 0 ? JobFormat::bytes(p.ioReadBytes) : withheld(p);
    case WriteColumn:
        return p.ioWriteBytes >= 0 ? JobFormat::bytes(p.ioWriteBytes) : withheld(p);
    case StartedColumn: {
        if (p.startedAtEpochMs <= 0)
            return withheld(p);
        const qint64 now = m_snapshot.takenAtEpochMs > 0 ? m_snapshot.takenAtEpochMs
                                                         : QDateTime::currentMSecsSinceEpoch();
        return JobFormat::startedAt(p.startedAtEpochMs, now);
    }
    case ColumnCount:
        break;
    }
    return {};
}

QVariant MachineTreeModel::sortValue(const MachineProcess &p, int column) const
{
    switch (Column(column)) {
    case PidColumn: return p.pid;
    case UserColumn: return p.user.isEmpty() ? QString::number(p.uid) : p.user;
    case CommandColumn: return p.commandLine();
    case StateColumn: return JobFormat::processState(p.state);
    case CpuColumn: return p.cpuPercent;
    case CpuTimeColumn: return p.cpuMs();
    case MemoryColumn: return p.rssKb;
    case ThreadsColumn: return p.threads;
    case ReadColumn: return p.ioReadBytes;
    case WriteColumn: return p.ioWriteBytes;
    case StartedColumn: return p.startTicks;
    case ColumnCount: break;
    }
    return {};
}

QVariant MachineTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this)
        return {};
    const MachineProcess &p = nodeAt(index)->process;
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(p, column);
    case SortRole:
        return sortValue(p, column);
    case Qt::TextAlignmentRole:
        return isNumeric(column) ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::ToolTipRole: {
        QStringList lines;
        if (column == CommandColumn) {
            lines << p.commandLine();
            if (!p.exe.isEmpty())
                lines << tr("Program: %1").arg(p.exe);
        } else if (column == StartedColumn && p.startedAtEpochMs > 0) {
            lines << tr("Started %1").arg(JobFormat::startedAtFull(p.startedAtEpochMs));
        }
        if (m_jobPids.contains(p.pid))
            lines << tr("started by SpawnScope");
        if (p.partial)
            lines << tr("Not everything could be read: %1").arg(p.partialReason);
        return lines.isEmpty() ? QVariant() : QVariant(lines.join(QLatin1Char('\n')));
    }
    case PidRole: return p.pid;
    case StartTicksRole: return p.startTicks;
    case IsJobRole: return m_jobPids.contains(p.pid);
    case PartialRole: return p.partial;
    case KernelThreadRole: return p.kernelThread;
    default: return {};
    }
}

QVariant MachineTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    switch (role) {
    case Qt::DisplayRole: return MachineColumn::title(section);
    case Qt::ToolTipRole: return MachineColumn::tooltip(section);
    case Qt::TextAlignmentRole:
        return isNumeric(section) ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    default: return {};
    }
}

QHash<int, QByteArray> MachineTreeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(SortRole, "sortValue");
    names.insert(PidRole, "pid");
    names.insert(StartTicksRole, "startTicks");
    names.insert(IsJobRole, "isJob");
    names.insert(PartialRole, "partial");
    names.insert(KernelThreadRole, "kernelThread");
    return names;
}
