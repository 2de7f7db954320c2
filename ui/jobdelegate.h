// Paints the process table: group rows bold on a tinted band, states in
// their colour from Theme::stateColor (the timeline uses the same), a paused
// job in Theme::pausedColor, descendants grey once ended and a descendant that
// left the process group (setsid) in italics.
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
