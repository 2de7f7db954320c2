#include "jobcolumn.h"

#include "jobtreemodel.h"

#include <QCoreApplication>

#include <iterator>

namespace {

using Info = JobColumn::Info;

// In the order of JobTreeModel::Column. Widths fit the usual text, so that
// at 1280 px every column shown by default fits without scrolling sideways;
// the last line, the table's last column, stretches over what is left.
const Info Columns[] = {
    {QT_TRANSLATE_NOOP("JobColumn", "Name"), nullptr, QT_TRANSLATE_NOOP("JobColumn", "⟲ Ten sleeps in parallel"), true},
    {QT_TRANSLATE_NOOP("JobColumn", "Command"), nullptr, "sleep 0.1 × 10", true},
    {QT_TRANSLATE_NOOP("JobColumn", "PID"),
     QT_TRANSLATE_NOOP("JobColumn", "Process ID. Each child also leads its own process group, so Stop reaches its children too."),
     "999999", true},
    {QT_TRANSLATE_NOOP("JobColumn", "State"), nullptr, QT_TRANSLATE_NOOP("JobColumn", "failed to start"), true},
    {QT_TRANSLATE_NOOP("JobColumn", "Exit"),
     QT_TRANSLATE_NOOP("JobColumn",
                       "An exit code is what the child returned: 0 means success, 1 to 255 that the program "
                       "reports a failure. A signal name means a signal ended it: then there is no exit code "
                       "(Python's returncode shows -N). A shell reports a child that signal N killed as exit "
                       "code 128+N, so 143 from sh is SIGTERM."),
     "SIGTERM", true},
    {QT_TRANSLATE_NOOP("JobColumn", "Elapsed"),
     QT_TRANSLATE_NOOP("JobColumn", "For a child: its lifetime. For a group: wall time from first start to last exit"),
     "10.000 s", true},
    {QT_TRANSLATE_NOOP("JobColumn", "Polls"),
     QT_TRANSLATE_NOOP("JobColumn", "How many times the parent polled while the child was still running"), "Polls", true},
    {QT_TRANSLATE_NOOP("JobColumn", "Stdout"),
     QT_TRANSLATE_NOOP("JobColumn", "Bytes the child wrote to stdout (→ pipe: they went straight to the next stage)"),
     "6.40 GiB", true},
    {QT_TRANSLATE_NOOP("JobColumn", "Stderr"), QT_TRANSLATE_NOOP("JobColumn", "Bytes the child wrote to stderr"),
     "1.5 KiB", true},
    {QT_TRANSLATE_NOOP("JobColumn", "Last line"),
     QT_TRANSLATE_NOOP("JobColumn",
                       "A child's last line of output; for a group, the sum of its children's times and how many "
                       "ran at once (Σ ÷ wall)"),
     "Σ 1.082 s · ×6.9", true},
    {QT_TRANSLATE_NOOP("JobColumn", "CPU"),
     QT_TRANSLATE_NOOP("JobColumn", "CPU use over the last sample interval, as top shows it, summed over the process and its descendants: 100 % is one core busy"),
     "199.9 %", true},
    {QT_TRANSLATE_NOOP("JobColumn", "CPU time"),
     QT_TRANSLATE_NOOP("JobColumn", "User plus system CPU time of the process and its descendants: sampled while running, exact from the kernel once it ended"),
     "10.00 s", false},
    {QT_TRANSLATE_NOOP("JobColumn", "Memory"),
     QT_TRANSLATE_NOOP("JobColumn", "Resident memory (RSS) now, summed over the process and its descendants"),
     "999.9 MiB", true},
    {QT_TRANSLATE_NOOP("JobColumn", "Peak memory"),
     QT_TRANSLATE_NOOP("JobColumn", "The most resident memory one process held; ≥ marks a lower bound from samples"),
     "≥ 1023.9 MiB", false},
    {QT_TRANSLATE_NOOP("JobColumn", "Threads"),
     QT_TRANSLATE_NOOP("JobColumn", "Threads now, over the process and its descendants"), "Threads", false},
    {QT_TRANSLATE_NOOP("JobColumn", "Read"),
     QT_TRANSLATE_NOOP("JobColumn", "Bytes read from storage (not pipes); empty when the kernel does not tell"),
     "1023.9 MiB", false},
    {QT_TRANSLATE_NOOP("JobColumn", "Written"),
     QT_TRANSLATE_NOOP("JobColumn", "Bytes written to storage (not pipes); empty when the kernel does not tell"),
     "1023.9 MiB", false},
};
static_assert(std::size(Columns) == JobTreeModel::ColumnCount, "one entry per JobTreeModel::Column");

const Info None = {"", nullptr, "", false};

} // namespace

const JobColumn::Info &JobColumn::info(int column)
{
    return column >= 0 && column < count() ? Columns[column] : None;
}

int JobColumn::count()
{
    return int(std::size(Columns));
}

QString JobColumn::title(int column)
{
    return QCoreApplication::translate("JobColumn", info(column).title);
}

QString JobColumn::tooltip(int column)
{
    const char *text = info(column).tooltip;
    return text ? QCoreApplication::translate("JobColumn", text) : QString();
}

QString JobColumn::widthText(int column)
{
    return QCoreApplication::translate("JobColumn", info(column).widthText);
}
