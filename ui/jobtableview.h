// The process table: a tree of runs and their jobs that also takes drops.
// A preset, a .json file or a line of text dropped on it is decoded here and
// handed up as a signal; the window decides what to run or import. Rows of
// the table itself are refused, so dragging a row back onto it does nothing.
//
// Its header's context menu chooses the columns: one checkable action per
// column, named as the header names it. Which are hidden is part of the
// header's saveState(), which the window remembers.
#pragma once

#include <QList>
#include <QStringList>
#include <QTreeView>
#include <QUrl>

class HeaderColumnMenu;
class QMenu;
class QMimeData;

class JobTableView : public QTreeView
{
    Q_OBJECT
public:
    explicit JobTableView(QWidget *parent = nullptr);

    // Whether a drop of data would be taken: presets, files or non-empty text.
    static bool acceptsDrop(const QMimeData *data);

    // The header's context menu. Its actions are made afresh from the model's
    // header names and the sections' visibility each time it is about to show
    // (refreshColumnMenu(), public for tests); the first column cannot be
    // hidden, as it holds the tree.
    QMenu *columnMenu() const;
    void refreshColumnMenu();

    // What the empty table says, centred where the rows will be: what to do
    // first. An empty hint draws nothing.
    void setEmptyHint(const QString &hint);
    QString emptyHint() const { return m_emptyHint; }

signals:
    // Preset ids from the palette, in the order they were dragged.
    void presetsDropped(const QStringList &ids);
    // Files (presets to import, after the user has seen them).
    void filesDropped(const QList<QUrl> &urls);
    // The first line of dropped text: a command to split into words.
    void commandDropped(const QString &command);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void decode(const QMimeData *data);

    HeaderColumnMenu *m_columnMenu;
    QString m_emptyHint;
};
