#include "jobtreecells.h"

#include "jobformat.h"
#include "joboutcome.h"
#include "jobprocess.h"
#include "jobrun.h"
#include "processsample.h"
#include "shellwords.h"
#include "unixsignals.h"

namespace {

bool isResourceColumn(int column)
{
    return column >= JobTreeModel::CpuColumn && column <= JobTreeModel::WriteColumn;
}

// A resource cell: raw value (or -1 unknown) for RawRole, text for display.
QVariant sized(qint64 kb, bool raw)
{
    if (raw)
        return kb;
    return kb >= 0 ? QVariant(JobFormat::kibibytes(kb)) : QVariant(QString());
}

QVariant byteCount(qint64 bytes, bool raw)
{
    if (raw)
        return bytes;
    return bytes >= 0 ? QVariant(JobFormat::bytes(bytes)) : QVariant(QString());
}

QVariant percent(double value, bool raw)
{
    if (raw)
        return value;
    return value >= 0 ? QVariant(JobFormat::cpuPercent(value)) : QVariant(QString());
}

QVariant cpuTime(qint64 ms, bool raw)
{
    if (raw)
        return ms;
    return ms >= 0 ? QVariant(JobFormat::cpuTime(ms)) : QVariant(QString());
}

QVariant count(int value, bool raw)
{
    if (raw)
        return value;
    return value >= 0 ? QVariant(value) : QVariant(QString());
}

// "sh -c '…' ⇒ python3 fanout.py": every exec in order, or the parent's
// program for a fork that never exec'd.
QString execChain(const ProcessFamily &family, const ProcessFamily::Member &member)
{
    QStringList parts;
    for (const ProcessFamily::Exec &exec : member.execs)
        parts << ShellWords::join(exec.argv);
    if (parts.isEmpty())
        return JobTreeCells::tr("(fork of %1)").arg(family.name(member.ppid));
    return parts.join(QStringLiteral(" ⇒ "));
}

} // namespace

QVariant JobTreeCells::runToolTip(const JobRun *run, int column)
{
    const Preset &preset = run->preset();
    if (isResourceColumn(column))
        return tr("The sum over the group's processes (peak RSS: the largest one).");
    if (column == JobTreeModel::NameColumn || column == JobTreeModel::CommandColumn) {
        const QString about = preset.description.isEmpty() ? preset.commandLine() : preset.description;
        const QString origin = JobFormat::runOrigin(run);
        return origin.isEmpty() ? about : tr("%1\n%2 — read-only; Run again (Ctrl+R) runs it anew").arg(origin, about);
    }
    if (column == JobTreeModel::ElapsedColumn || column == JobTreeModel::LastLineColumn)
        return tr("Wall time is how long the group took from first start to last exit; Σ adds up every "
                  "child's own time. Σ ÷ wall is the parallelism: about 1 for one-at-a-time, about N when "
                  "N children really ran at once.");
    return {};
}

QVariant JobTreeCells::runValue(const JobRun *run, const JobTreeModel::Totals &totals, int column, bool raw)
{
    const Preset &preset = run->preset();
    const qint64 outBytes = run->stdoutBytes();
    const qint64 errBytes = run->stderrBytes();
    const int polls = run->polls();

    switch (column) {
    case JobTreeModel::NameColumn:
        if (raw)
            return preset.title;
        return preset.runsShell() ? tr("%1  [shell]").arg(JobFormat::runTitle(run)) : JobFormat::runTitle(run);
    case JobTreeModel::CommandColumn: {
        if (raw)
            return preset.commandLine();
        QString line;
        if (preset.isChain()) {
            // Keep every stage in sight: "openssl enc … | md5sum".
            QStringList stages;
            for (const StageSpec &stage : preset.stages) {
                QStringList words{ShellWords::quote(stage.program)};
                if (!stage.args.isEmpty())
                    words << ShellWords::quote(stage.args.first());
                if (stage.args.size() > 1)
                    words << QStringLiteral("…");
                stages << words.join(QLatin1Char(' '));
            }
            line = stages.join(QStringLiteral(" | "));
        } else {
            line = preset.commandLine();
        }
        return preset.copies == 1 ? line : tr("%1 × %2").arg(line).arg(preset.copies);
    }
    case JobTreeModel::PidColumn:
        return raw ? QVariant(qint64(0)) : QVariant(QString());
    case JobTreeModel::StateColumn:
        return raw ? QVariant(run->isActive() ? 0 : 1) : QVariant(JobFormat::runState(run));
    case JobTreeModel::ExitColumn:
        return raw ? QVariant(run->failedCount()) : QVariant(QString());
    case JobTreeModel::ElapsedColumn:
        return raw ? QVariant(run->wallMs()) : QVariant(JobFormat::seconds(run->wallMs()));
    case JobTreeModel::PollsColumn:
        return raw ? QVariant(polls) : (preset.pollIntervalSec > 0 ? QVariant(polls) : QVariant(QString()));
    case JobTreeModel::StdoutColumn:
        return raw ? QVariant(outBytes) : QVariant(JobFormat::bytes(outBytes));
    case JobTreeModel::StderrColumn:
        return raw ? QVariant(errBytes) : QVariant(JobFormat::bytes(errBytes));
    case JobTreeModel::LastLineColumn:
        return JobFormat::runSpread(run);
    default:
        break;
    }
    switch (column) {
    case JobTreeModel::CpuColumn:
        return percent(totals.cpuPercent, raw);
    case JobTreeModel::CpuTimeColumn:
        return cpuTime(totals.cpuMs, raw);
    case JobTreeModel::RssColumn:
        return sized(totals.rssKb, raw);
    case JobTreeModel::PeakRssColumn:
        if (!raw && totals.peakRssKb >= 0 && !totals.peakExact && run->isDone())
            return tr("≥ %1").arg(JobFormat::kibibytes(totals.peakRssKb));
        return sized(totals.peakRssKb, raw);
    case JobTreeModel::ThreadsColumn:
        return count(totals.threads, raw);
    case JobTreeModel::ReadColumn:
        return byteCount(totals.readBytes, raw);
    case JobTreeModel::WriteColumn:
        return byteCount(totals.writeBytes, raw);
    default:
        return {};
    }
}

QVariant JobTreeCells::jobToolTip(const JobProcess *job, int column)
{
    const JobOutcome &outcome = job->outcome();
    switch (column) {
    case JobTreeModel::CpuTimeColumn:
        return job->resources().cpuExact
                   ? tr("Exact: the kernel's count for the child and the children it waited for, taken when it "
                        "was reaped.")
                   : tr("Sampled: the CPU time read at the last sample.");
    case JobTreeModel::PeakRssColumn:
        return job->resources().peakRssExact
                   ? tr("Exact: the kernel's high-water mark for this child, taken when it was reaped.")
                   : tr("At least this much: the largest peak read at a sample (the last sample's high-water "
                        "mark); the kernel's exact figure for this child was not available.");
    case JobTreeModel::StateColumn:
    case JobTreeModel::ExitColumn: {
        const QString left = JobFormat::leftBehind(job);
        const QString why = outcome.explanation(job->spec().timeoutSec, job->spec().graceSec);
        return left.isEmpty() ? why : why + QLatin1Char('\n') + left;
    }
    case JobTreeModel::CommandColumn:
        return job->spec().stage.commandLine();
    case JobTreeModel::LastLineColumn:
        return JobFormat::lastLine(job);
    case JobTreeModel::StdoutColumn:
        if (!job->pipesStdout() && job->stdoutTail().trimmed())
            return JobFormat::trimmedNote(job->stdoutTail());
        return {};
    case JobTreeModel::StderrColumn:
        if (job->stderrTail().trimmed())
            return JobFormat::trimmedNote(job->stderrTail());
        return {};
    default:
        return {};
    }
}

QVariant JobTreeCells::jobValue(const JobRun *run, int jobIndex, int column, bool raw)
{
    const JobProcess *job = run->jobs().at(jobIndex);
    const JobOutcome &outcome = job->outcome();
    switch (column) {
    case JobTreeModel::NameColumn:
        return JobFormat::jobName(run, jobIndex);
    case JobTreeModel::CommandColumn:
        return job->spec().stage.commandLine();
    case JobTreeModel::PidColumn:
        if (raw)
            return job->programPid();
        return job->programPid() > 0 ? QVariant(job->programPid()) : QVariant(QString());
    case JobTreeModel::StateColumn:
        if (raw)
            return int(outcome.state);
        return JobFormat::jobState(job);
    case JobTreeModel::ExitColumn:
        if (raw)
            return outcome.signal != 0 ? 1000 + outcome.signal : outcome.exitCode;
        return outcome.exitText();
    case JobTreeModel::ElapsedColumn:
        return raw ? QVariant(job->elapsedMs()) : QVariant(JobFormat::seconds(job->elapsedMs()));
    case JobTreeModel::PollsColumn:
        if (raw || job->spec().pollIntervalSec > 0)
            return job->polls();
        return QString();
    case JobTreeModel::StdoutColumn:
        if (job->pipesStdout())
            return raw ? QVariant(qint64(-1)) : QVariant(tr("→ pipe"));
        return raw ? QVariant(job->stdoutTail().totalBytes()) : QVariant(JobFormat::streamBytes(job->stdoutTail()));
    case JobTreeModel::StderrColumn:
        return raw ? QVariant(job->stderrTail().totalBytes()) : QVariant(JobFormat::streamBytes(job->stderrTail()));
    case JobTreeModel::LastLineColumn:
        return JobFormat::lastLine(job);
    default:
        break;
    }
    const JobResources &res = job->resources();
    switch (column) {
    case JobTreeModel::CpuColumn:
        return percent(res.cpuPercent, raw);
    case JobTreeModel::CpuTimeColumn:
        return cpuTime(res.cpuUserMs >= 0 ? res.cpuUserMs + res.cpuSysMs : -1, raw);
    case JobTreeModel::RssColumn:
        return sized(res.rssKb, raw);
    case JobTreeModel::PeakRssColumn:
        if (!raw && res.peakRssKb >= 0 && !res.peakRssExact && outcome.isDone())
            return tr("≥ %1").arg(JobFormat::kibibytes(res.peakRssKb));
        return sized(res.peakRssKb, raw);
    case JobTreeModel::ThreadsColumn:
        return count(res.threads, raw);
    case JobTreeModel::ReadColumn:
        return byteCount(res.readBytes, raw);
    case JobTreeModel::WriteColumn:
        return byteCount(res.writeBytes, raw);
    default:
        return {};
    }
}

QVariant JobTreeCells::familyToolTip(const JobProcess *job, const ProcessFamily::Member &m, int column)
{
    const ProcessFamily &family = job->family();
    const bool crashed = m.exited && m.signal > 0;
    switch (column) {
    case JobTreeModel::NameColumn:
    case JobTreeModel::CommandColumn: {
        QStringList lines;
        lines << tr("pid %1, child of %2, %3 at %4").arg(m.pid).arg(m.ppid).arg(m.how, JobFormat::seconds(m.forkMs));
        for (const ProcessFamily::Exec &exec : m.execs)
            lines << tr("exec at %1: %2").arg(JobFormat::seconds(exec.ms), ShellWords::join(exec.argv));
        if (m.exited)
            lines << tr("ended at %1").arg(JobFormat::seconds(m.exitMs));
        const QString warning = JobFormat::memberWarning(m);
        if (!warning.isEmpty())
            lines << QStringLiteral("⚠ ") + warning;
        lines << tr("Watched: every fork, exec and exit is recorded as it happens, however short.");
        return lines.join(QLatin1Char('\n'));
    }
    case JobTreeModel::ExitColumn:
        return crashed ? UnixSignals::name(m.signal) + QStringLiteral(": ") + UnixSignals::description(m.signal)
                       : QVariant();
    case JobTreeModel::LastLineColumn: {
        const char *names[] = {"stdin", "stdout", "stderr"};
        QStringList lines;
        for (int fd = 0; fd < 3; ++fd)
            lines << QStringLiteral("%1: %2").arg(QLatin1String(names[fd]), family.describeFd(m.pid, fd));
        return lines.join(QLatin1Char('\n'));
    }
    case JobTreeModel::CpuTimeColumn:
    case JobTreeModel::PeakRssColumn:
        return tr("Exact: the kernel's own accounting at its reap, to the microsecond; its own time, "
                  "not its children's (each is a row of its own).");
    default:
        return {};
    }
}

QVariant JobTreeCells::familyValue(const JobProcess *job, const ProcessFamily::Member &m, int column, bool raw)
{
    const ProcessFamily &family = job->family();
    const bool crashed = m.exited && m.signal > 0;
    switch (column) {
    case JobTreeModel::NameColumn: {
        const QString program = family.name(m.pid);
        if (raw)
            return program;
        // Marked where watching changes what it does (the tooltip says how).
        const QString mark = JobFormat::memberWarning(m).isEmpty() ? QString() : QStringLiteral(" ⚠");
        return JobFormat::familyIndent(m.depth) + program + mark;
    }
    case JobTreeModel::CommandColumn:
        return execChain(family, m);
    case JobTreeModel::PidColumn:
        return m.pid;
    case JobTreeModel::StateColumn:
        if (raw)
            return int(m.exited ? 'X' : 'R');
        return JobFormat::familyMemberState(job, m);
    case JobTreeModel::ExitColumn:
        if (raw)
            return !m.exited ? -1 : crashed ? -m.signal : m.exitCode;
        if (!m.exited)
            return QString();
        return crashed ? UnixSignals::name(m.signal) : QString::number(m.exitCode);
    case JobTreeModel::ElapsedColumn: {
        const double lived = m.exited ? m.exitMs - m.forkMs : job->elapsedMs() - m.forkMs;
        return raw ? QVariant(lived) : QVariant(JobFormat::seconds(std::max(0.0, lived)));
    }
    case JobTreeModel::LastLineColumn:
        return raw ? QVariant(-1) : QVariant(JobFormat::familyStreams(family, m.pid));
    case JobTreeModel::CpuTimeColumn:
        return cpuTime(m.cpuUserMs >= 0 ? qint64(m.cpuUserMs + m.cpuSysMs) : -1, raw);
    case JobTreeModel::PeakRssColumn:
        return sized(m.peakRssKb, raw);
    case JobTreeModel::ThreadsColumn:
        return count(m.threads, raw);
    default:
        return raw ? QVariant(-1) : QVariant(QString());
    }
}

QVariant JobTreeCells::descendantToolTip(const ProcessSample &process, int column)
{
    if (process.leftGroup && (column == JobTreeModel::NameColumn || column == JobTreeModel::StateColumn))
        return tr("It left the job's process group (setsid or setpgid): Stop and the timeout signal the group, "
                  "so they reach it only through the job's child, and not at all once that child is gone.");
    if (column == JobTreeModel::NameColumn || column == JobTreeModel::CommandColumn)
        return ShellWords::join(process.argv);
    if (column == JobTreeModel::StateColumn && process.ended)
        return tr("Last seen at %1: it ended (or was reaped) before the next sample.")
            .arg(JobFormat::seconds(process.lastSeenMs));
    if (column == JobTreeModel::ElapsedColumn && process.firstSeenMs >= 0 && process.lastSeenMs <= process.firstSeenMs)
        return tr("Seen in one sample only: it lived for less than two sample intervals.");
    if (isResourceColumn(column))
        return tr("Sampled: the values read at the last sample.");
    return {};
}

QVariant JobTreeCells::descendantValue(const ProcessSample &process, int column, bool raw)
{
    switch (column) {
    case JobTreeModel::NameColumn: {
        const QString program = process.argv.isEmpty() ? QString() : process.argv.first().section(QLatin1Char('/'), -1);
        if (raw)
            return program;
        return process.leftGroup ? tr("%1 (setsid)").arg(program) : program;
    }
    case JobTreeModel::CommandColumn:
        return ShellWords::join(process.argv);
    case JobTreeModel::PidColumn:
        return process.pid;
    case JobTreeModel::StateColumn:
        if (raw)
            return int(process.state);
        if (process.ended)
            return JobFormat::memberState(true, false);
        return JobFormat::processState(process.state);
    case JobTreeModel::ExitColumn:
        return raw ? QVariant(-1) : QVariant(QString());
    case JobTreeModel::ElapsedColumn: {
        // Seen once, a process's life is unknown, not 0 s: the cell says so.
        const double seen = process.firstSeenMs >= 0 ? process.lastSeenMs - process.firstSeenMs : -1;
        if (raw)
            return seen;
        if (seen == 0 && process.ended)
            return tr("seen once");
        return seen >= 0 ? QVariant(JobFormat::seconds(seen)) : QVariant(QString());
    }
    case JobTreeModel::PollsColumn:
    case JobTreeModel::StdoutColumn:
    case JobTreeModel::StderrColumn:
    case JobTreeModel::LastLineColumn:
        return raw ? QVariant(-1) : QVariant(QString());
    case JobTreeModel::CpuColumn:
        return percent(process.cpuKnown ? process.cpuPercent : -1, raw);
    case JobTreeModel::CpuTimeColumn:
        return cpuTime(process.firstSeenMs >= 0 ? process.cpuMs() : -1, raw);
    case JobTreeModel::RssColumn:
        return sized(process.rssKnown ? process.rssKb : -1, raw);
    case JobTreeModel::PeakRssColumn:
        return sized(process.firstSeenMs >= 0 ? process.peakRssKb : -1, raw);
    case JobTreeModel::ThreadsColumn:
        return count(process.ended ? -1 : process.threads, raw);
    case JobTreeModel::ReadColumn:
        return byteCount(process.ioKnown ? process.readBytes : -1, raw);
    case JobTreeModel::WriteColumn:
        return byteCount(process.ioKnown ? process.writeBytes : -1, raw);
    default:
        return {};
    }
}
