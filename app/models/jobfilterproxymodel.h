// The table's filter and sort: text over a row's name, command and PID, and
// quick toggles for running, failed and finished jobs. Groups stay whole: a
// group is shown with all its children when it or any of its children
// matches, so a filtered table still reads as runs, not loose rows. The
// folded-runs summary row stays first and shown, whatever the sort and filter.
#pragma once

#include <QSortFilterProxyModel>
#include <QTimer>

class JobFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum Show {
        ShowRunning = 0x1,  // queued, starting or running
        ShowFailed = 0x2,   // ended, and not a success (exit code ≠ 0, a signal, a timeout, never started)
        ShowFinished = 0x4, // ended successfully
    };
    Q_DECLARE_FLAGS(ShowFlags, Show)
    Q_FLAG(ShowFlags)

    explicit JobFilterProxyModel(QObject *parent = nullptr);

    // Case-insensitive text; empty shows every row.
    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }
    // No flag set shows every state; otherwise a group shows when any of its
    // jobs is in one of the chosen states.
    void setShown(ShowFlags flags);
    ShowFlags shown() const { return m_shown; }
    bool isFiltering() const { return !m_text.isEmpty() || m_shown; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    bool groupAccepted(const QModelIndex &group) const;
    bool textMatches(const QModelIndex &row) const;
    ShowFlags stateOf(const QModelIndex &row) const;
    void scheduleRefilter();

    QString m_text;
    ShowFlags m_shown;
    // A child's new PID or state can change whether its group matches, which
    // QSortFilterProxyModel does not re-ask for the parent: refilter at most
    // this often while a filter is on.
    QTimer m_refilter;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(JobFilterProxyModel::ShowFlags)
