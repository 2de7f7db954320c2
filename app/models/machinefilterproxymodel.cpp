#include "machinefilterproxymodel.h"

#include "machinetreemodel.h"

#include <unistd.h>

MachineFilterProxyModel::MachineFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_ownUid(qint64(::getuid()))
{
    setRecursiveFilteringEnabled(true);
    setSortRole(MachineTreeModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void MachineFilterProxyModel::setSourceModel(QAbstractItemModel *model)
{
    m_model = qobject_cast<MachineTreeModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void MachineFilterProxyModel::setShow(Show show)
{
    if (m_show == show)
        return;
    m_show = show;
    invalidateFilter();
}

void MachineFilterProxyModel::setProgramsOnly(bool programsOnly)
{
    if (m_programsOnly == programsOnly)
        return;
    m_programsOnly = programsOnly;
    invalidateFilter();
}

void MachineFilterProxyModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (m_text == trimmed)
        return;
    m_text = trimmed;
    bool number = false;
    const qint64 pid = m_text.toLongLong(&number);
    m_textPid = number && pid > 0 ? pid : -1;
    invalidateFilter();
}

void MachineFilterProxyModel::setOwnUid(qint64 uid)
{
    if (m_ownUid == uid)
        return;
    m_ownUid = uid;
    invalidateFilter();
}

bool MachineFilterProxyModel::accepts(const MachineProcess &p) const
{
    if (m_programsOnly && p.kernelThread)
        return false;
    if (m_show == ShowMine && p.uid != m_ownUid)
        return false;
    if (m_show == ShowActive && !p.isActive())
        return false;
    if (m_text.isEmpty() || p.pid == m_textPid)
        return true;
    return p.commandLine().contains(m_text, Qt::CaseInsensitive) || p.user.contains(m_text, Qt::CaseInsensitive);
}

bool MachineFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_model)
        return false;
    const MachineProcess *p = m_model->processAt(m_model->index(sourceRow, 0, sourceParent));
    return p && accepts(*p);
}
