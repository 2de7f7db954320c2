// Paints the process table: group rows bold on a tinted band, states in
// their colour from Theme::stateColor (the timeline uses the same).
#pragma once

#include <QStyledItemDelegate>

class JobDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};
