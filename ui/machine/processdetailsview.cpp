#include "processdetailsview.h"

#include "jobformat.h"
#include "machineprocess.h"
#include "processdetails.h"

#include <QFontDatabase>
#include <QScrollBar>

namespace {

// At most this many lines of one list (threads, descriptors, environment):
// a browser has thousands of descriptors, and the rest is one "… n more".
constexpr int MaxListLines = 200;

QString line(const QString &label, const QString &value)
{
    return QStringLiteral("%1  %2").arg(label.leftJustified(10), value);
}

// A list's heading with its size, or its reason when it was withheld.
QString heading(const QString &title, qsizetype count, const QString &problem)
{
    if (!problem.isEmpty())
        return QStringLiteral("%1: %2").arg(title, problem);
    return QStringLiteral("%1 (%2)").arg(title).arg(count);
}

void addList(QStringList &lines, const QStringList &items)
{
    for (qsizetype i = 0; i < items.size() && i < MaxListLines; ++i)
        lines << QStringLiteral("  ") + items.at(i);
    if (items.size() > MaxListLines)
        lines << ProcessDetailsView::tr("  … %n more", nullptr, int(items.size() - MaxListLines));
}

QString orProblem(const QString &value, const QString &problem)
{
    return problem.isEmpty() ? value : problem;
}

} // namespace

ProcessDetailsView::ProcessDetailsView(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setPlaceholderText(tr("Select a process to see its details: its directory, parents, memory, threads, open "
                          "files and pipes, environment, limits and cgroup."));
    setToolTip(tr("The selected process, read again at each scan. Parts the kernel withheld say why."));
}

void ProcessDetailsView::showProcess(const MachineProcess *process, const ProcessDetails &details)
{
    const QString text = process ? compose(*process, details) : QString();
    if (text == toPlainText())
        return;
    const int scroll = verticalScrollBar()->value();
    setPlainText(text);
    verticalScrollBar()->setValue(scroll);
}

QString ProcessDetailsView::compose(const MachineProcess &p, const ProcessDetails &details)
{
    QStringList lines;
    lines << tr("%1 · PID %2 · parent %3 · %4 · %5")
                 .arg(p.comm)
                 .arg(p.pid)
                 .arg(p.ppid)
                 .arg(p.user.isEmpty() ? QString::number(p.uid) : p.user, JobFormat::processState(p.state));
    if (p.partial)
        lines << tr("Not everything could be read: %1").arg(p.partialReason);
    lines << line(tr("Command"), p.commandLine());
    if (!p.exe.isEmpty())
        lines << line(tr("Program"), p.exe);
    if (p.startedAtEpochMs > 0)
        lines << line(tr("Started"), JobFormat::startedAtFull(p.startedAtEpochMs));
    const QString cpuNow = p.cpuPercent >= 0 ? tr("%1 now · ").arg(JobFormat::cpuPercent(p.cpuPercent)) : QString();
    lines << line(tr("CPU"), tr("%1%2 in all (user %3, system %4)")
                                 .arg(cpuNow, JobFormat::cpuTime(p.cpuMs()), JobFormat::cpuTime(p.cpuUserMs),
                                      JobFormat::cpuTime(p.cpuSysMs)));
    if (p.ioReadBytes >= 0 && p.ioWriteBytes >= 0)
        lines << line(tr("Storage"), tr("read %1 · written %2")
                                         .arg(JobFormat::bytes(p.ioReadBytes), JobFormat::bytes(p.ioWriteBytes)));
    if (details.pid == p.pid && details.startTicks == p.startTicks)
        addDetails(lines, details);
    else if (details.pid == p.pid && !details.present && !details.problem.isEmpty())
        lines << details.problem;
    return lines.join(QLatin1Char('\n'));
}

void ProcessDetailsView::addDetails(QStringList &lines, const ProcessDetails &d)
{
    lines << line(tr("Directory"), orProblem(d.cwd, d.cwdProblem));
    if (!d.parents.isEmpty()) {
        QStringList chain;
        for (const ProcessDetails::Ancestor &a : d.parents)
            chain << QStringLiteral("%1 %2").arg(a.pid).arg(a.name);
        lines << line(tr("Parents"), chain.join(QStringLiteral(" ← ")));
    }
    QStringList memory;
    if (d.rssKb >= 0)
        memory << tr("resident %1").arg(JobFormat::kibibytes(d.rssKb));
    memory << (d.pssKb >= 0 ? tr("proportional %1").arg(JobFormat::kibibytes(d.pssKb))
                            : tr("proportional: %1").arg(d.pssProblem));
    if (d.swapKb >= 0)
        memory << tr("swapped %1").arg(JobFormat::kibibytes(d.swapKb));
    lines << line(tr("Memory"), memory.join(QStringLiteral(" · ")));

    lines << QString() << heading(tr("Threads"), d.threads.size(), d.threadsProblem);
    QStringList threads;
    for (const ProcessDetails::Thread &t : d.threads) {
        const QString cpu = t.cpuPercent >= 0 ? QStringLiteral(" · ") + JobFormat::cpuPercent(t.cpuPercent) : QString();
        threads << QStringLiteral("%1  %2  %3 · %4%5")
                       .arg(t.tid)
                       .arg(t.name, JobFormat::processState(t.state), JobFormat::cpuTime(t.cpuMs), cpu);
    }
    addList(lines, threads);

    lines << QString() << heading(tr("Open files, pipes and sockets"), d.descriptors.size(), d.descriptorsProblem);
    QStringList descriptors;
    for (const ProcessDetails::Descriptor &fd : d.descriptors)
        descriptors << QStringLiteral("%1  %2").arg(fd.fd, 3).arg(fd.description());
    addList(lines, descriptors);

    lines << QString() << heading(tr("Environment"), d.environment.size(), d.environmentProblem);
    addList(lines, d.environment);

    lines << QString() << heading(tr("Limits"), d.limits.size(), d.limitsProblem);
    QStringList limits;
    for (const ProcessDetails::Limit &l : d.limits)
        limits << tr("%1: %2 (hard %3) %4").arg(l.name, l.soft, l.hard, l.unit).trimmed();
    addList(lines, limits);

    lines << QString() << heading(tr("Control groups"), d.cgroups.size(), d.cgroupProblem);
    addList(lines, d.cgroups);

    lines << QString() << heading(tr("Namespaces"), d.namespaces.size(), d.namespacesProblem);
    QStringList namespaces;
    for (const ProcessDetails::Namespace &n : d.namespaces)
        namespaces << QStringLiteral("%1  %2").arg(n.type.leftJustified(8), n.target);
    addList(lines, namespaces);
}
