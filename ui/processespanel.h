// The Processes tab: the command bar, the filter over the table (text, and
// Running / Failed / Finished toggles), the process table, the selected
// job's details under it, and the table's right-click menu. It knows which
// job or group is selected and keeps the details following the shown run as
// it changes; what the actions do to the selection is JobActions' business,
// and what runs is the window's.
#pragma once

#include <QModelIndex>
#include <QWidget>

class CommandBar;
class JobDetailPane;
class JobFilterProxyModel;
class JobProcess;
class JobRun;
class JobTableView;
class JobTreeModel;
class QAction;
class QBoxLayout;
class QLineEdit;
class QMenu;
class QSettings;
class QSplitter;
class QTimer;

class ProcessesPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ProcessesPanel(JobTreeModel *model, QWidget *parent = nullptr);

    CommandBar *commandBar() const { return m_commandBar; }
    JobFilterProxyModel *filter() const { return m_proxy; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    JobTableView *view() const { return m_view; }
    JobDetailPane *detailPane() const { return m_detail; }
    // Ctrl+Shift+F puts the cursor in the filter; the window holds it so
    // that it works whichever tab is in front.
    QAction *focusFilterAction() const { return m_focusFilter; }
    // The table's right-click menu, shown for the row under the pointer.
    void setJobMenu(QMenu *menu) { m_jobMenu = menu; }

    // The current row, in the job model; the group and the job it shows
    // (job is nullptr on a group's row, both are on any other row).
    QModelIndex currentSourceIndex() const;
    JobRun *currentRun() const;
    JobProcess *currentJob() const;
    // Makes the run's row (or its job's, with jobIndex >= 0) current.
    void selectRun(const JobRun *run, int jobIndex = -1);

    // The splitter, the table's columns and the command bar's settings.
    void restoreSettings(const QSettings &settings);
    void saveSettings(QSettings &settings) const;

signals:
    // The details show another row, or the same one again after selectRun().
    void currentChanged(const QModelIndex &sourceIndex);
    // The details were refreshed because the run they show changed.
    void shownRunUpdated();

private:
    QBoxLayout *buildFilterBar();
    void setUpTable();
    void fitColumns();
    void showJobMenu(const QPoint &pos);
    void expandInsertedRows(const QModelIndex &parent, int first, int last);
    void onCurrentChanged();
    void onJobDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    void followShownRun();

    JobTreeModel *m_model;
    JobFilterProxyModel *m_proxy;
    CommandBar *m_commandBar;
    QLineEdit *m_filterEdit = nullptr;
    QAction *m_focusFilter = nullptr;
    JobTableView *m_view = nullptr;
    JobDetailPane *m_detail = nullptr;
    QSplitter *m_splitter = nullptr;
    QMenu *m_jobMenu = nullptr;
    // One refresh of the detail pane per turn of the event loop, however
    // many row ranges of the shown run a model flush sends.
    QTimer *m_followTimer;
};
