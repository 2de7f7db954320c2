#include "headercolumnmenu.h"

#include <QHeaderView>
#include <QMenu>
#include <QTreeView>

HeaderColumnMenu::HeaderColumnMenu(QTreeView *view)
    : QObject(view)
    , m_view(view)
    , m_menu(new QMenu(view))
{
    QHeaderView *header = view->header();
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_menu, &QMenu::aboutToShow, this, &HeaderColumnMenu::refresh);
    connect(header, &QWidget::customContextMenuRequested, m_menu,
            [this, header](const QPoint &pos) { m_menu->popup(header->viewport()->mapToGlobal(pos)); });
}

void HeaderColumnMenu::refresh()
{
    m_menu->clear();
    QAbstractItemModel *model = m_view->model();
    if (!model)
        return;
    QHeaderView *header = m_view->header();
    for (int column = 0; column < model->columnCount(); ++column) {
        QAction *action = m_menu->addAction(model->headerData(column, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        action->setEnabled(column != m_view->treePosition());
        action->setData(column);
        action->setToolTip(model->headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString());
        connect(action, &QAction::toggled, this, [header, column](bool shown) {
            header->setSectionHidden(column, !shown);
            // A column hidden at zero width would come back invisible.
            if (shown && header->sectionSize(column) < header->minimumSectionSize() * 2)
                header->resizeSection(column, header->defaultSectionSize());
        });
    }
    m_menu->setToolTipsVisible(true);
}
