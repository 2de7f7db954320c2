// Paints the process table: group rows bold on a tinted band, states in colour.
#pragma once

#include <QStyledItemDelegate>

class JobDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // The colour the State column uses for a JobOutcome::State, readable on base.
    static QColor stateColor(int state, bool success, const QPalette &palette);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};
