// The column chooser of a tree view's header: its context menu holds one
// checkable action per column, named and explained as the model's header
// names them, made afresh each time it is about to show. The column that
// holds the tree (QTreeView::treePosition()) cannot be hidden. The process table and the Machine
// panel share it; which columns are hidden is part of the header's
// saveState(), which their owners remember.
#pragma once

#include <QObject>

class QMenu;
class QTreeView;

class HeaderColumnMenu : public QObject
{
    Q_OBJECT
public:
    // Installs itself on view's header (a custom context menu); view owns it.
    explicit HeaderColumnMenu(QTreeView *view);

    QMenu *menu() const { return m_menu; }
    // Public for tests: what aboutToShow does.
    void refresh();

private:
    QTreeView *m_view;
    QMenu *m_menu;
};
