// What the Machine panel shows of MachineTreeModel, and in which order: the
// Show choice (my processes, all, or the active ones), "Programs only"
// (kernel threads hidden) and a filter text. As in KDE's System Monitor, a
// process that does not match stays visible when one below it does, so a
// match is always seen under its parents. Sorting reads the model's
// SortRole, so CPU % and memory sort as numbers.
#pragma once

#include <QSortFilterProxyModel>

class MachineTreeModel;
struct MachineProcess;

class MachineFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum Show {
        ShowMine,   // uid == the user SpawnScope runs as
        ShowAll,
        ShowActive, // MachineProcess::isActive(): running, or used CPU in the last interval
    };
    Q_ENUM(Show)

    explicit MachineFilterProxyModel(QObject *parent = nullptr);

    // The source must be a MachineTreeModel (anything else shows no rows).
    void setSourceModel(QAbstractItemModel *model) override;

    void setShow(Show show);
    Show show() const { return m_show; }
    void setProgramsOnly(bool programsOnly);
    bool programsOnly() const { return m_programsOnly; }
    // A number matches that PID exactly; any text matches a command line
    // or user name containing it, case aside. Empty matches everything.
    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }
    // Whose processes "Mine" means: getuid() unless a test says otherwise.
    void setOwnUid(qint64 uid);
    qint64 ownUid() const { return m_ownUid; }

    bool accepts(const MachineProcess &process) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    MachineTreeModel *m_model = nullptr;
    Show m_show = ShowAll;
    bool m_programsOnly = false;
    QString m_text;
    qint64 m_textPid = -1; // m_text as a pid, -1 when it is not a number
    qint64 m_ownUid;
};
