#include "jobdelegate.h"

#include "joboutcome.h"
#include "jobtreemodel.h"
#include "theme.h"

#include <QFontDatabase>
#include <QPalette>

namespace {

QColor stateColor(int state, bool success, const QPalette &palette)
{
    return Theme::stateColor(JobOutcome::State(state), success, palette);
}

} // namespace

void JobDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const bool isRun = index.data(JobTreeModel::IsRunRole).toBool();
    const int column = index.column();

    if (index.data(JobTreeModel::IsFoldedRole).toBool()) {
        // A summary of rows that are gone, not a run: a quieter voice.
        option->font.setItalic(true);
        option->palette.setColor(QPalette::Text, option->palette.color(QPalette::PlaceholderText));
        return;
    }

    if (isRun) {
        option->font.setBold(true);
        QColor band = option->palette.color(QPalette::Highlight);
        band.setAlpha(Theme::isDark(option->palette) ? 60 : 28);
        option->backgroundBrush = band;
        if (column == JobTreeModel::StateColumn) {
            const int state = index.data(JobTreeModel::StateRole).toInt();
            const bool success = state == int(JobOutcome::State::Finished);
            option->palette.setColor(QPalette::Text, stateColor(state, success, option->palette));
        }
        return;
    }

    if (index.data(JobTreeModel::IsDescendantRole).toBool()) {
        // A descendant is context, not a job: smaller voice, and grey once
        // gone so the live ones stand out. One that left the group (setsid)
        // is italic: Stop and the timeout cannot reach it directly.
        if (index.data(JobTreeModel::WatchedRole).toBool()) {
            // A watched family member's end is exact, not "last seen": its
            // state and exit take the job's colours rather than grey.
            if (column == JobTreeModel::StateColumn || column == JobTreeModel::ExitColumn) {
                const int state = index.data(JobTreeModel::StateRole).toInt();
                const bool success = index.data(JobTreeModel::SuccessRole).toBool();
                option->palette.setColor(QPalette::Text, stateColor(state, success, option->palette));
            }
        } else if (index.data(JobTreeModel::EndedRole).toBool()) {
            option->palette.setColor(QPalette::Text, option->palette.color(QPalette::Disabled, QPalette::Text));
        } else if (index.data(JobTreeModel::PausedRole).toBool() && column == JobTreeModel::StateColumn) {
            option->palette.setColor(QPalette::Text, Theme::pausedColor(option->palette));
        }
        if (index.data(JobTreeModel::LeftGroupRole).toBool() && column == JobTreeModel::NameColumn) {
            option->font.setItalic(true);
            if (!index.data(JobTreeModel::EndedRole).toBool())
                option->palette.setColor(QPalette::Text, Theme::warningText(option->palette));
        }
        if (column == JobTreeModel::CommandColumn)
            option->font.setFamily(QFontDatabase::systemFont(QFontDatabase::FixedFont).family());
        return;
    }

    if (column == JobTreeModel::StateColumn && index.data(JobTreeModel::PausedRole).toBool()) {
        option->palette.setColor(QPalette::Text, Theme::pausedColor(option->palette));
        option->font.setBold(true);
    } else if (column == JobTreeModel::StateColumn || column == JobTreeModel::ExitColumn) {
        const int state = index.data(JobTreeModel::StateRole).toInt();
        const bool success = index.data(JobTreeModel::SuccessRole).toBool();
        option->palette.setColor(QPalette::Text, stateColor(state, success, option->palette));
        if (column == JobTreeModel::StateColumn)
            option->font.setBold(true);
    }
    if (column == JobTreeModel::LastLineColumn || column == JobTreeModel::CommandColumn)
        option->font.setFamily(QFontDatabase::systemFont(QFontDatabase::FixedFont).family());
}
