// Draws the Machine panel's rows: SpawnScope's own jobs in bold, so they
// stand out among every process of the machine (the PID cell's ● and its
// tooltip say the same in words).
#pragma once

#include <QStyledItemDelegate>

class MachineRowDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};
