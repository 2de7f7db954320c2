#include "presetdelegate.h"

#include "presetlistmodel.h"

#include <QListView>
#include <QPainter>
#include <QStyle>

#include <algorithm>

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
    // The base hint is one line however narrow the list: a title that wraps
    // needs the height of its lines at the width the view has now.
    const auto *view = qobject_cast<const QListView *>(option.widget);
    if (view && view->wordWrap()) {
        const int margin = 2 * (view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1) + 2 * view->spacing();
        const int width = std::max(1, view->viewport()->width() - margin);
        const QRect text = option.fontMetrics.boundingRect(QRect(0, 0, width, 1 << 16), Qt::TextWordWrap,
                                                           index.data(Qt::DisplayRole).toString());
        size.setHeight(std::max(size.height(), text.height() + 2));
        size.setWidth(std::min(size.width(), width));
    }
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
