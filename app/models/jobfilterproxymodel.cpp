#include "jobfilterproxymodel.h"

#include "joboutcome.h"
#include "jobtreemodel.h"

namespace {

constexpr int RefilterMs = 250;

bool isActive(JobOutcome::State state)
{
    return state == JobOutcome::State::Queued || state == JobOutcome::State::Starting
           || state == JobOutcome::State::Running;
}

} // namespace

JobFilterProxyModel::JobFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(JobTreeModel::RawRole);
    m_refilter.setSingleShot(true);
    m_refilter.setInterval(RefilterMs);
    connect(&m_refilter, &QTimer::timeout, this, [this] { invalidateFilter(); });
    connect(this, &QAbstractItemModel::modelReset, this, [this] { m_refilter.stop(); });
    connect(this, &QSortFilterProxyModel::sourceModelChanged, this, [this] {
        if (!sourceModel())
            return;
        connect(sourceModel(), &QAbstractItemModel::dataChanged, this, &JobFilterProxyModel::scheduleRefilter);
        connect(sourceModel(), &QAbstractItemModel::rowsInserted, this, &JobFilterProxyModel::scheduleRefilter);
    });
}

void JobFilterProxyModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateFilter();
}

void JobFilterProxyModel::setShown(ShowFlags flags)
{
    if (flags == m_shown)
        return;
    m_shown = flags;
    invalidateFilter();
}

void JobFilterProxyModel::scheduleRefilter()
{
    if (isFiltering() && !m_refilter.isActive())
        m_refilter.start();
}

bool JobFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!isFiltering())
        return true;
    const QModelIndex row = sourceModel()->index(sourceRow, 0, sourceParent);
    if (row.data(JobTreeModel::IsFoldedRole).toBool())
        return true; // what was folded away is never hidden as well
    // A child follows its group, so groups stay whole.
    return groupAccepted(sourceParent.isValid() ? sourceParent : row);
}

bool JobFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // A descending sort compares (right, left): answering by the order keeps
    // the summary row on top either way.
    if (left.data(JobTreeModel::IsFoldedRole).toBool())
        return sortOrder() == Qt::AscendingOrder;
    if (right.data(JobTreeModel::IsFoldedRole).toBool())
        return sortOrder() == Qt::DescendingOrder;
    return QSortFilterProxyModel::lessThan(left, right);
}

bool JobFilterProxyModel::groupAccepted(const QModelIndex &group) const
{
    const int children = sourceModel()->rowCount(group);
    if (m_shown) {
        ShowFlags states = children == 0 ? stateOf(group) : ShowFlags();
        for (int i = 0; i < children && (states & m_shown) == 0; ++i)
            states |= stateOf(sourceModel()->index(i, 0, group));
        if ((states & m_shown) == 0)
            return false;
    }
    if (m_text.isEmpty() || textMatches(group))
        return true;
    for (int i = 0; i < children; ++i) {
        if (textMatches(sourceModel()->index(i, 0, group)))
            return true;
    }
    return false;
}

bool JobFilterProxyModel::textMatches(const QModelIndex &row) const
{
    for (const int column : {int(JobTreeModel::NameColumn), int(JobTreeModel::CommandColumn), int(JobTreeModel::PidColumn)}) {
        const QString text = row.siblingAtColumn(column).data(Qt::DisplayRole).toString();
        if (text.contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

JobFilterProxyModel::ShowFlags JobFilterProxyModel::stateOf(const QModelIndex &row) const
{
    const auto state = JobOutcome::State(row.data(JobTreeModel::StateRole).toInt());
    if (isActive(state))
        return ShowRunning;
    if (state == JobOutcome::State::PipeClosed || row.data(JobTreeModel::SuccessRole).toBool())
        return ShowFinished;
    return ShowFailed;
}
