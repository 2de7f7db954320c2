#include "machinerowdelegate.h"

#include "machinetreemodel.h"

void MachineRowDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(MachineTreeModel::IsJobRole).toBool())
        option->font.setBold(true);
}
