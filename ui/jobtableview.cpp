#include "jobtableview.h"
#include "mimetypes.h"

#include "presetlistmodel.h"

#include <QDragEnterEvent>
#include <QDragMoveEvent>
#include <QDropEvent>
#include <QHeaderView>
#include <QMenu>
#include <QMimeData>
#include <QPainter>

JobTableView::JobTableView(QWidget *parent)
    : QTreeView(parent)
    , m_columnMenu(new QMenu(this))
{
    header()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_columnMenu, &QMenu::aboutToShow, this, &JobTableView::refreshColumnMenu);
    connect(header(), &QWidget::customContextMenuRequested, m_columnMenu,
            [this](const QPoint &pos) { m_columnMenu->popup(header()->viewport()->mapToGlobal(pos)); });

    // Rows drag out (onto the palette, to become presets); what comes in is
    // handled below rather than by the model, which has no rows to insert.
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setAcceptDrops(true);
    viewport()->setAcceptDrops(true);
}

void JobTableView::refreshColumnMenu()
{
    m_columnMenu->clear();
    if (!model())
        return;
    for (int column = 0; column < model()->columnCount(); ++column) {
        const QString name = model()->headerData(column, Qt::Horizontal).toString();
        QAction *action = m_columnMenu->addAction(name);
        action->setCheckable(true);
        action->setChecked(!header()->isSectionHidden(column));
        action->setEnabled(column != 0);
        action->setData(column);
        action->setToolTip(model()->headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString());
        connect(action, &QAction::toggled, this, [this, column](bool shown) {
            header()->setSectionHidden(column, !shown);
            // A column hidden at zero width would come back invisible.
            if (shown && header()->sectionSize(column) < header()->minimumSectionSize() * 2)
                header()->resizeSection(column, header()->defaultSectionSize());
        });
    }
    m_columnMenu->setToolTipsVisible(true);
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
