// Draws the palette's category headings ("Seeds", "My presets") above the
// first preset of each category, so a flat, reorderable list reads as groups.
#pragma once

#include <QStyledItemDelegate>

class PresetDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    static bool startsCategory(const QModelIndex &index);
    int headerHeight(const QStyleOptionViewItem &option) const;
};
