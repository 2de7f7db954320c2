#include "machinecolumn.h"

#include "jobcolumn.h"
#include "jobtreemodel.h"
#include "machinetreemodel.h"

#include <QCoreApplication>

#include <iterator>

namespace {

using Info = MachineColumn::Info;

// In the order of MachineTreeModel::Column. The panel shows Command last,
// where it stretches over what the others leave (as htop does), so its width
// text is only its least useful width.
const Info Columns[] = {
    {JobTreeModel::PidColumn, nullptr,
     QT_TRANSLATE_NOOP("MachineColumn", "Process ID. Bold with ● when SpawnScope started it"), "● 4194304", true},
    {-1, QT_TRANSLATE_NOOP("MachineColumn", "User"),
     QT_TRANSLATE_NOOP("MachineColumn", "The user the process runs as (its real user ID)"), "systemd-re", true},
    {JobTreeModel::CommandColumn, nullptr,
     QT_TRANSLATE_NOOP("MachineColumn",
                       "The command line it was started with; [name] for a kernel thread or a process that hides it"),
     "/usr/bin/python3 -m", true},
    {JobTreeModel::StateColumn, nullptr,
     QT_TRANSLATE_NOOP("MachineColumn", "What the kernel says the process is doing now (R, S, D, T, Z in ps)"),
     "waiting for disk", true},
    {JobTreeModel::CpuColumn, nullptr,
     QT_TRANSLATE_NOOP("MachineColumn",
                       "CPU use of this process over the last sample interval, as top shows it: 100 % is one "
                       "core busy; empty until the second scan"),
     "199.9 %", true},
    {JobTreeModel::CpuTimeColumn, nullptr,
     QT_TRANSLATE_NOOP("MachineColumn", "User plus system CPU time of this process since it started"), "9999.99 s",
     true},
    {JobTreeModel::RssColumn, nullptr,
     QT_TRANSLATE_NOOP("MachineColumn",
                       "Resident memory (RSS) of this process now; — when it has none (a kernel thread or a zombie)"),
     "1023.9 MiB", true},
    {JobTreeModel::ThreadsColumn, nullptr, QT_TRANSLATE_NOOP("MachineColumn", "Threads of this process now"),
     "Threads", true},
    {JobTreeModel::ReadColumn, nullptr,
     QT_TRANSLATE_NOOP("MachineColumn",
                       "Bytes this process read from storage (not pipes); refused for another user's process"),
     "1023.9 MiB", false},
    {JobTreeModel::WriteColumn, nullptr,
     QT_TRANSLATE_NOOP("MachineColumn",
                       "Bytes this process wrote to storage (not pipes); refused for another user's process"),
     "1023.9 MiB", false},
    {-1, QT_TRANSLATE_NOOP("MachineColumn", "Started"),
     QT_TRANSLATE_NOOP("MachineColumn", "When the process started: the time today, the date before"), "Started",
     true},
};
static_assert(std::size(Columns) == MachineTreeModel::ColumnCount, "one entry per MachineTreeModel::Column");

const Info None = {-1, "", nullptr, "", false};

} // namespace

const MachineColumn::Info &MachineColumn::info(int column)
{
    return column >= 0 && column < count() ? Columns[column] : None;
}

int MachineColumn::count()
{
    return int(std::size(Columns));
}

QString MachineColumn::title(int column)
{
    const Info &i = info(column);
    return i.jobColumn >= 0 ? JobColumn::title(i.jobColumn) : QCoreApplication::translate("MachineColumn", i.title);
}

QString MachineColumn::tooltip(int column)
{
    const char *text = info(column).tooltip;
    return text ? QCoreApplication::translate("MachineColumn", text) : QString();
}

QString MachineColumn::widthText(int column)
{
    return QCoreApplication::translate("MachineColumn", info(column).widthText);
}
