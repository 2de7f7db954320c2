#include "jobdelegate.h"

#include "joboutcome.h"
#include "jobtreemodel.h"

#include <QFontDatabase>
#include <QPalette>

namespace {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

} // namespace

QColor JobDelegate::stateColor(int state, bool success, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (JobOutcome::State(state)) {
    case JobOutcome::State::Starting:
    case JobOutcome::State::Running:
        return dark ? QColor(0x6c, 0xb6, 0xff) : QColor(0x0b, 0x5c, 0xad);
    case JobOutcome::State::Finished:
        if (success)
            return dark ? QColor(0x6f, 0xd0, 0x8c) : QColor(0x1a, 0x7f, 0x37);
        return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb3, 0x26, 0x1e);
    case JobOutcome::State::FailedToStart:
    case JobOutcome::State::Crashed:
        return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb3, 0x26, 0x1e);
    case JobOutcome::State::TimedOut:
    case JobOutcome::State::Killed:
        return dark ? QColor(0xff, 0xc1, 0x6b) : QColor(0x9a, 0x5b, 0x00);
    case JobOutcome::State::PipeClosed:
        // Normal pipeline behaviour (yes | head): muted, never the alarm red.
        return palette.color(QPalette::PlaceholderText);
    case JobOutcome::State::Queued:
        break;
    }
    return palette.color(QPalette::Text);
}

void JobDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const bool isRun = index.data(JobTreeModel::IsRunRole).toBool();
    const int column = index.column();

    if (isRun) {
        option->font.setBold(true);
        QColor band = option->palette.color(QPalette::Highlight);
        band.setAlpha(isDark(option->palette) ? 60 : 28);
        option->backgroundBrush = band;
        if (column == JobTreeModel::StateColumn) {
            const int state = index.data(JobTreeModel::StateRole).toInt();
            const bool success = state == int(JobOutcome::State::Finished);
            option->palette.setColor(QPalette::Text, stateColor(state, success, option->palette));
        }
        return;
    }

    if (column == JobTreeModel::StateColumn || column == JobTreeModel::ExitColumn) {
        const int state = index.data(JobTreeModel::StateRole).toInt();
        const bool success = index.data(JobTreeModel::SuccessRole).toBool();
        option->palette.setColor(QPalette::Text, stateColor(state, success, option->palette));
        if (column == JobTreeModel::StateColumn)
            option->font.setBold(true);
    }
    if (column == JobTreeModel::LastLineColumn || column == JobTreeModel::CommandColumn)
        option->font.setFamily(QFontDatabase::systemFont(QFontDatabase::FixedFont).family());
}
