#include "jobtableview.h"
#include "headercolumnmenu.h"
#include "mimetypes.h"

#include "presetlistmodel.h"

#include <QDragEnterEvent>
#include <QDragMoveEvent>
#include <QDropEvent>
#include <QMenu>
#include <QMimeData>
#include <QPainter>

JobTableView::JobTableView(QWidget *parent)
    : QTreeView(parent)
    , m_columnMenu(new HeaderColumnMenu(this))
{
    // Rows drag out (onto the palette, to become presets); what comes in is
    // handled below rather than by the model, which has no rows to insert.
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setAcceptDrops(true);
    viewport()->setAcceptDrops(true);
}

QMenu *JobTableView::columnMenu() const
{
    return m_columnMenu->menu();
}

void JobTableView::refreshColumnMenu()
{
    m_columnMenu->refresh();
}

void JobTableView::setEmptyHint(const QString &hint)
{
    m_emptyHint = hint;
    viewport()->update();
}

void JobTableView::paintEvent(QPaintEvent *event)
{
    QTreeView::paintEvent(event);
    if (m_emptyHint.isEmpty() || !model() || model()->rowCount() > 0)
        return;
    QPainter painter(viewport());
    painter.setPen(palette().color(QPalette::PlaceholderText));
    const QRect area = viewport()->rect().adjusted(24, 24, -24, -24);
    painter.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, m_emptyHint);
}

bool JobTableView::acceptsDrop(const QMimeData *data)
{
    if (!data || data->hasFormat(MimeTypes::Job))
        return false; // a row of the table itself
    if (data->hasFormat(MimeTypes::PresetIds) || data->hasUrls())
        return true;
    return data->hasText() && !data->text().trimmed().isEmpty();
}

void JobTableView::dragEnterEvent(QDragEnterEvent *event)
{
    dragMoveEvent(event);
}

void JobTableView::dragMoveEvent(QDragMoveEvent *event)
{
    // A copy, never a move: the palette keeps its preset, the file manager its file.
    if (acceptsDrop(event->mimeData())) {
        event->setDropAction(Qt::CopyAction);
        event->accept();
    } else {
        event->ignore();
    }
}

void JobTableView::dropEvent(QDropEvent *event)
{
    if (!acceptsDrop(event->mimeData())) {
        event->ignore();
        return;
    }
    event->setDropAction(Qt::CopyAction);
    event->accept();
    decode(event->mimeData());
}

void JobTableView::decode(const QMimeData *data)
{
    // The richest format wins: a preset drag also carries its command line as text.
    if (data->hasFormat(MimeTypes::PresetIds)) {
        emit presetsDropped(PresetListModel::idsFromMimeData(data));
        return;
    }
    if (data->hasUrls()) {
        QList<QUrl> files;
        for (const QUrl &url : data->urls()) {
            if (url.isLocalFile())
                files << url;
        }
        if (!files.isEmpty())
            emit filesDropped(files);
        return;
    }
    emit commandDropped(data->text().section(QLatin1Char('\n'), 0, 0));
}
