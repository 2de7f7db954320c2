#include "presetdelegate.h"

#include "presetlistmodel.h"

#include <QPainter>

bool PresetDelegate::startsCategory(const QModelIndex &index)
{
    if (index.row() == 0)
        return true;
    const QModelIndex previous = index.siblingAtRow(index.row() - 1);
    return previous.data(PresetListModel::CategoryRole) != index.data(PresetListModel::CategoryRole);
}

int PresetDelegate::headerHeight(const QStyleOptionViewItem &option) const
{
    return option.fontMetrics.height() + 10;
}

QSize PresetDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (startsCategory(index))
        size.rheight() += headerHeight(option);
    return size;
}

void PresetDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem item = option;
    if (startsCategory(index)) {
        const int header = headerHeight(option);
        const QRect headerRect(option.rect.left(), option.rect.top(), option.rect.width(), header);
        painter->save();
        QFont font = option.font;
        font.setBold(true);
        painter->setFont(font);
        painter->setPen(option.palette.color(QPalette::PlaceholderText));
        painter->drawText(headerRect.adjusted(4, 4, -4, 0), Qt::AlignLeft | Qt::AlignVCenter,
                          index.data(PresetListModel::CategoryRole).toString().toUpper());
        painter->setPen(option.palette.color(QPalette::Mid));
        painter->drawLine(headerRect.left(), headerRect.bottom(), headerRect.right(), headerRect.bottom());
        painter->restore();
        item.rect.setTop(option.rect.top() + header);
    }
    QStyledItemDelegate::paint(painter, item, index);
}
