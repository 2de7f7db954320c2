#include "stagelist.h"

#include "mimetypes.h"

#include <QDragEnterEvent>
#include <QMimeData>

StageList::StageList(QWidget *parent)
    : QListWidget(parent)
{
    setDragDropMode(QAbstractItemView::DragDrop);
    setDefaultDropAction(Qt::MoveAction);
    setDropIndicatorShown(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setAlternatingRowColors(true);
}

QStringList StageList::mimeTypes() const
{
    QStringList types = QListWidget::mimeTypes();
    types << MimeTypes::PresetIds << QStringLiteral("text/plain");
    return types;
}

void StageList::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->source() != this
        && (event->mimeData()->hasFormat(MimeTypes::PresetIds) || event->mimeData()->hasText())) {
        event->setDropAction(Qt::CopyAction);
        event->accept();
        return;
    }
    QListWidget::dragEnterEvent(event);
}

void StageList::dragMoveEvent(QDragMoveEvent *event)
{
    if (event->source() != this
        && (event->mimeData()->hasFormat(MimeTypes::PresetIds) || event->mimeData()->hasText())) {
        event->setDropAction(Qt::CopyAction);
        event->accept();
        return;
    }
    QListWidget::dragMoveEvent(event);
}

bool StageList::dropMimeData(int index, const QMimeData *data, Qt::DropAction action)
{
    if (data->hasFormat(MimeTypes::PresetIds) || data->hasText()) {
        emit externalDrop(data, index);
        return true;
    }
    return QListWidget::dropMimeData(index, data, action);
}
