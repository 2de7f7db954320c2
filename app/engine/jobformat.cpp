#include "jobformat.h"

#include "processfamily.h"
#include "unixsignals.h"

#include "ansitext.h"
#include "jobprocess.h"
#include "jobresources.h"
#include "jobrun.h"
#include "outputtail.h"

#include <climits>
#include <csignal>

#include <QDateTime>
#include <QFileInfo>
#include <QLocale>
#include <QObject>
#include <QStringDecoder>

#include <algorithm>

namespace {

// How far back a running job's held line is looked for: a "line" longer than
// this without a newline is not one, and the cell shows nothing for it.
constexpr qsizetype HeldLineWindow = 64 * 1024;

// The last non-empty line of a stream, at most its last maxBytes bytes. While
// the job runs, the bytes after the last newline are a line still being
// written: they are held back until their newline (or the job's end) arrives,
// so the cell never shows half a line that then jumps.
QByteArray shownLine(const OutputTail &tail, bool running, qsizetype maxBytes)
{
    if (!running)
        return tail.lastLine(maxBytes);
    QByteArray recent = tail.last(HeldLineWindow);
    const qsizetype newline = recent.lastIndexOf('\n');
    if (newline < 0)
        return {};
    recent.truncate(newline);
    while (!recent.isEmpty() && (recent.endsWith('\n') || recent.endsWith('\r')))
        recent.chop(1);
    const qsizetype begin = recent.lastIndexOf('\n') + 1;
    return recent.mid(std::max(begin, recent.size() - maxBytes));
}

} // namespace

QString JobFormat::bytes(qint64 count)
{
    if (count < 1024)
        return QObject::tr("%1 B").arg(count);
    if (count < 1024 * 1024)
        return QObject::tr("%1 KiB").arg(double(count) / 1024, 0, 'f', 1);
    if (count < 1024LL * 1024 * 1024)
        return QObject::tr("%1 MiB").arg(double(count) / (1024 * 1024), 0, 'f', 1);
    return QObject::tr("%1 GiB").arg(double(count) / (1024.0 * 1024 * 1024), 0, 'f', 2);
}

QString JobFormat::streamBytes(const OutputTail &tail)
{
    const QString count = bytes(tail.totalBytes());
    return tail.trimmed() ? QObject::tr("%1 ✂").arg(count) : count;
}

QString JobFormat::trimmedNote(const OutputTail &tail)
{
    if (!tail.trimmed())
        return {};
    return QObject::tr("Trimmed to the output budget: only the last %1 of this stream are kept in memory (the "
                       "detail pane and reports show those); the count, %2, is exact.")
        .arg(bytes(tail.keptBytes()), bytes(tail.totalBytes()));
}

QString JobFormat::seconds(double ms)
{
    return QObject::tr("%1 s").arg(ms / 1000.0, 0, 'f', 3);
}

QString JobFormat::parallelism(double factor)
{
    return QObject::tr("×%1").arg(factor, 0, 'f', 1);
}

QString JobFormat::cpuPercent(double percent)
{
    return QObject::tr("%1 %").arg(percent, 0, 'f', 1);
}

QString JobFormat::cpuTime(qint64 ms)
{
    return QObject::tr("%1 s").arg(double(ms) / 1000.0, 0, 'f', 2);
}

QString JobFormat::kibibytes(qint64 kb)
{
    return bytes(kb * 1024);
}

QString JobFormat::cpuTimeSummary(const JobResources &resources, bool ended)
{
    if ((resources.cpuUserMs < 0 || resources.cpuSysMs < 0) && ended)
        return QObject::tr("CPU time not measured: it ended before the first sample");
    if (resources.cpuUserMs < 0 || resources.cpuSysMs < 0)
        return QObject::tr("CPU time not measured yet");
    const QString time = cpuTime(resources.cpuUserMs + resources.cpuSysMs);
    // Sampled CPU time misses what ran after the last tick: a lower bound.
    return resources.cpuExact ? QObject::tr("CPU time %1 (exact)").arg(time)
                              : QObject::tr("CPU time ≥ %1 (sampled)").arg(time);
}

QString JobFormat::peakMemorySummary(const JobResources &resources, bool ended)
{
    if (resources.peakRssKb < 0 && ended)
        return QObject::tr("Peak memory not measured: it ended before the first sample");
    if (resources.peakRssKb < 0)
        return QObject::tr("Peak memory not measured yet");
    const QString size = kibibytes(resources.peakRssKb);
    return resources.peakRssExact ? QObject::tr("Peak memory %1 (exact)").arg(size)
                                  : QObject::tr("Peak memory ≥ %1 (largest sample)").arg(size);
}

QString JobFormat::hexBytes(const QByteArray &data)
{
    return QString::fromLatin1(data.toHex(' '));
}

QString JobFormat::hexDump(const QByteArray &data, qint64 firstOffset)
{
    QString out;
    out.reserve(data.size() * 4 + 32);
    for (qsizetype row = 0; row < data.size(); row += 16) {
        const QByteArray chunk = data.mid(row, 16);
        QString hex = QString::fromLatin1(chunk.toHex(' '));
        QString ascii;
        for (const char c : chunk)
            ascii += (c >= 0x20 && c < 0x7f) ? QLatin1Char(c) : QLatin1Char('.');
        out += QStringLiteral("%1  %2  |%3|\n")
                   .arg(firstOffset + row, 8, 16, QLatin1Char('0'))
                   .arg(hex, -47)
                   .arg(ascii);
    }
    return out;
}

bool JobFormat::looksBinary(const QByteArray &raw)
{
    const QByteArray bytes = raw.contains('\x1b') ? AnsiText::strip(raw) : raw;
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 && c != '\n' && c != '\r' && c != '\t')
            return true;
        if (u == 0x7f)
            return true;
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder(bytes);
    Q_UNUSED(text)
    return decoder.hasError();
}

QString JobFormat::leftBehind(const JobProcess *job)
{
    if (job->isDraining())
        return QObject::tr("its own process exited; still reading what a descendant writes (at most %1)")
            .arg(seconds(job->drainLimitMs()));
    QStringList lines;
    for (const LeftoverProcess &left : job->leftovers()) {
        lines << (left.heldOutput ? QObject::tr("left running, holding its output when reading stopped: %1")
                                  : QObject::tr("left running in its process group: %1"))
                     .arg(left.describe());
    }
    return lines.join(QLatin1Char('\n'));
}

QString JobFormat::lastLine(const JobProcess *job)
{
    if (job->outcome().state == JobOutcome::State::FailedToStart)
        return job->outcome().error;
    const bool running = !job->outcome().isDone();
    if (job->pipesStdout()) {
        const QByteArray err = shownLine(job->stderrTail(), running, 200);
        return err.isEmpty() ? QObject::tr("→ piped to the next stage") : QString::fromUtf8(err);
    }
    const OutputTail &out = job->stdoutTail();
    if (out.totalBytes() > 0) {
        // The cell shows the text escape sequences style, never the codes.
        const QByteArray recent = out.last(256);
        if (looksBinary(recent))
            return QObject::tr("…%1 (last 10 bytes, hex)").arg(hexBytes(out.last(10)));
        return QString::fromUtf8(AnsiText::strip(shownLine(out, running, 512)));
    }
    const QByteArray err = AnsiText::strip(shownLine(job->stderrTail(), running, 200));
    if (!err.isEmpty())
        return QObject::tr("stderr: %1").arg(QString::fromUtf8(err));
    return {};
}

QString JobFormat::jobName(const JobRun *run, int jobIndex)
{
    const int stages = run->stageCount();
    const int copies = run->copyCount();
    const int copy = jobIndex / stages + 1;
    const int stage = jobIndex % stages + 1;
    if (stages > 1 && copies > 1)
        return QObject::tr("chain %1 · stage %2/%3").arg(copy).arg(stage).arg(stages);
    if (stages > 1)
        return QObject::tr("stage %1/%2").arg(stage).arg(stages);
    if (run->preset().ptyCompare && copies == 2)
        return copy == 1 ? QObject::tr("through a pipe") : QObject::tr("in a terminal");
    if (copies > 1)
        return QObject::tr("copy %1/%2").arg(copy).arg(copies);
    return QObject::tr("child");
}

QString JobFormat::runOrigin(const JobRun *run)
{
    QStringList parts;
    if (const RecordedRun *recorded = run->recorded()) {
        const QString when = QDateTime::fromMSecsSinceEpoch(run->startedAtEpochMs()).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        parts << (recorded->origin == RecordedRun::Origin::Opened
                      ? QObject::tr("recorded %1 · opened from %2").arg(when, QFileInfo(recorded->file).fileName())
                      : QObject::tr("recorded %1 · from an earlier session").arg(when));
    }
    if (run->endedByQuit())
        parts << QObject::tr("stopped when SpawnScope quit");
    return parts.join(QStringLiteral(" · "));
}

QString JobFormat::runTitle(const JobRun *run)
{
    return run->recorded() ? QObject::tr("⟲ %1").arg(run->preset().title) : run->preset().title;
}

namespace {

// An attached watch that let go while its program still ran: the program
// did not end, only the watch did.
bool letGoWhileRunning(const JobProcess *job)
{
    if (job->spec().attachPid <= 0 || job->family().detachedMs() < 0)
        return false;
    const ProcessFamily::Member *program = job->family().member(job->programPid());
    return !program || !program->exited;
}

} // namespace

QString JobFormat::jobState(const JobProcess *job)
{
    const JobOutcome &outcome = job->outcome();
    if (job->spec().attachPid > 0 && !outcome.isActive()) {
        if (!job->family().refusal().isEmpty())
            return QObject::tr("not watched");
        if (letGoWhileRunning(job))
            return QObject::tr("let go, still running");
    }
    if (outcome.isActive()) {
        if (job->killSentMs() >= 0)
            return QObject::tr("killing…");
        if (job->termSentMs() >= 0)
            return QObject::tr("stopping…");
        if (job->isPaused())
            return QObject::tr("paused");
        return outcome.stateText();
    }
    if (job->isDraining())
        return QObject::tr("%1, reading…").arg(outcome.stateText());
    if (!job->leftovers().isEmpty())
        return QObject::tr("%1, %n left running", nullptr, int(job->leftovers().size())).arg(outcome.stateText());
    return outcome.stateText();
}

QString JobFormat::jobExplanation(const JobProcess *job)
{
    const JobOutcome &outcome = job->outcome();
    const JobSpec &spec = job->spec();
    if (outcome.isActive()) {
        if (job->killSentMs() >= 0)
            return QObject::tr("Killing: SIGKILL was sent at %1; the kernel ends it as soon as it runs again.")
                .arg(seconds(job->killSentMs()));
        if (job->termSentMs() >= 0)
            return QObject::tr("Stopping: SIGTERM was sent at %1; SIGKILL follows if it has not exited after the %2 grace period.")
                .arg(seconds(job->termSentMs()), seconds(spec.graceSec * 1000));
        if (job->isPaused())
            return QObject::tr("Paused: a stop signal (SIGSTOP) froze it, and it uses no CPU until Resume sends SIGCONT. "
                               "Its elapsed time, and a timeout, keep counting.");
    }
    if (spec.attachPid > 0) {
        if (!job->family().refusal().isEmpty())
            return QObject::tr("Not watched: %1.").arg(job->family().refusal());
        if (outcome.isActive())
            return QObject::tr("Watching process %1, which was already running, and its family: every fork, exec and "
                               "exit from now on. Stop lets go and leaves them running.")
                .arg(spec.attachPid);
        if (letGoWhileRunning(job))
            return QObject::tr("SpawnScope let go of process %1 and its family at %2: they keep running, untraced, "
                               "and what they do from then on is not recorded.")
                .arg(spec.attachPid)
                .arg(seconds(job->family().detachedMs()));
    }
    if (tracerDied(job) && outcome.cause == JobOutcome::Cause::None) {
        return QObject::tr("The tracer ended before the family did (%1): what it did not see is unknown, and the "
                           "kernel killed the processes it still traced (PTRACE_O_EXITKILL).")
            .arg(outcome.stateText());
    }
    QString text = outcome.explanation(spec.timeoutSec, spec.graceSec);
    const ProcessFamily::Member *program = endedProgram(job);
    if (program && outcome.cause != JobOutcome::Cause::None && outcome.cause != JobOutcome::Cause::UserSignal
        && program->exitMs >= 0) {
        // The tracer lives until the last traced process ends: what the
        // timeout or Stop met was the program's descendants, not the program.
        int outlived = 0;
        for (const ProcessFamily::Member &member : job->family().members())
            outlived += outlivedTheProgram(job, member) ? 1 : 0;
        const QString ended = program->signal > 0 ? QObject::tr("killed by %1").arg(UnixSignals::name(program->signal))
                                                  : QObject::tr("exit code %1").arg(program->exitCode);
        const QString until = outcome.cause == JobOutcome::Cause::Timeout
                                  ? QObject::tr("the %1 timeout").arg(seconds(spec.timeoutSec * 1000))
                                  : QObject::tr("you stopped it");
        text = QObject::tr("The program itself had ended (%1, at %2). Descendants still running after it: %n; "
                           "the watch followed them until %3.",
                           nullptr, outlived)
                   .arg(ended, seconds(program->exitMs), until);
        if (outcome.signal == SIGKILL)
            text += QLatin1Char(' ')
                    + QObject::tr("SIGTERM reached those in its process group; after the %1 grace period SIGKILL "
                                  "ended the tracer, and the kernel killed the processes it still traced with it "
                                  "(PTRACE_O_EXITKILL).")
                          .arg(seconds(spec.graceSec * 1000));
    }
    if (job->family().lostEvents() > 0)
        text += QLatin1Char(' ') + lostEvents(job->family());
    if (job->family().unstoredMembers() > 0)
        text += QLatin1Char(' ') + unstoredMembers(job->family());
    if (job->isDraining())
        text += QLatin1Char(' ') + QObject::tr("Its output is still being read: a descendant holds it open.");
    return text;
}

QString JobFormat::lostEvents(const ProcessFamily &family)
{
    return QObject::tr("%n event(s) of the family were lost: the app fell behind the tracer, so the family shown "
                       "is incomplete.", nullptr, int(qMin<qint64>(family.lostEvents(), INT_MAX)));
}

QString JobFormat::unstoredMembers(const ProcessFamily &family)
{
    return QObject::tr("The family passed its limit of %1 members (--family-limit): %n more process(es) were counted "
                       "but not kept.", nullptr, int(qMin<qint64>(family.unstoredMembers(), INT_MAX)))
        .arg(family.memberLimit());
}

bool JobFormat::tracerDied(const JobProcess *job)
{
    const ProcessFamily &family = job->family();
    return job->spec().watch && !job->outcome().isActive() && family.started() && !family.ended()
           && family.refusal().isEmpty();
}

const ProcessFamily::Member *JobFormat::endedProgram(const JobProcess *job)
{
    const ProcessFamily &family = job->family();
    if (!job->spec().watch || job->spec().attachPid > 0 || family.members().isEmpty())
        return nullptr;
    const ProcessFamily::Member &root = family.members().constFirst();
    return root.how == QLatin1String("root") && root.exited ? &root : nullptr;
}

bool JobFormat::outlivedTheProgram(const JobProcess *job, const ProcessFamily::Member &member)
{
    const ProcessFamily::Member *program = endedProgram(job);
    return program && &member != program && (!member.exited || member.exitMs > program->exitMs);
}

QString JobFormat::memberWarning(const ProcessFamily::Member &member)
{
    if (member.execs.isEmpty())
        return QString();
    const ProcessFamily::Exec &exec = member.execs.constLast();
    const QString program = QFileInfo(exec.argv.value(0)).fileName();
    if (exec.setuid) {
        return QObject::tr("%1 is a set-user-ID or set-group-ID program: while it is traced the kernel runs it "
                           "without those privileges, so it may fail here where it works unwatched.")
            .arg(program);
    }
    static const QStringList tracers{QStringLiteral("strace"), QStringLiteral("ltrace"), QStringLiteral("gdb"),
                                     QStringLiteral("rr")};
    if (tracers.contains(program)) {
        return QObject::tr("%1 traces with ptrace, and the kernel allows one tracer per process: SpawnScope's "
                           "tracer already traces its children, so it cannot (expect \"Operation not permitted\").")
            .arg(program);
    }
    return QString();
}

QString JobFormat::familyMemberState(const JobProcess *job, const ProcessFamily::Member &member)
{
    if (!member.exited && outlivedTheProgram(job, member)) {
        if (job->outcome().isActive())
            return QObject::tr("still running after the program ended");
        if (tracerDied(job) && job->outcome().cause != JobOutcome::Cause::None)
            return QObject::tr("killed with the watch (the program had ended)");
    }
    if (member.exited || job->outcome().isActive())
        return memberState(member.exited, member.exited && member.signal > 0);
    if (job->family().detachedMs() >= 0)
        return QObject::tr("let go, still running");
    if (tracerDied(job))
        return QObject::tr("unknown: the tracer died");
    return memberState(false, false);
}

QString JobFormat::memberState(bool ended, bool crashed, bool paused)
{
    if (!ended)
        return paused ? QObject::tr("paused") : JobOutcome::stateToString(JobOutcome::State::Running);
    return JobOutcome::stateToString(crashed ? JobOutcome::State::Crashed : JobOutcome::State::Finished);
}

QString JobFormat::processState(char state)
{
    switch (state) {
    case 'R': return memberState(false, false);
    case 'S': return QObject::tr("sleeping");
    case 'D': return QObject::tr("waiting for disk");
    case 'T':
    case 't': return memberState(false, false, true);
    case 'Z': return QObject::tr("zombie");
    case 'I': return QObject::tr("idle");
    default: return QString(QLatin1Char(state));
    }
}

QString JobFormat::startedAt(qint64 epochMs, qint64 nowEpochMs)
{
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(epochMs);
    const bool today = when.date() == QDateTime::fromMSecsSinceEpoch(nowEpochMs).date();
    return QLocale::c().toString(when, today ? QStringLiteral("HH:mm") : QStringLiteral("MMM dd"));
}

QString JobFormat::startedAtFull(qint64 epochMs)
{
    return QDateTime::fromMSecsSinceEpoch(epochMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString JobFormat::runState(const JobRun *run)
{
    const int total = int(run->jobs().size());
    // A run of one job reads as its job does: "running", not "running · 0/1 done".
    if (total == 1 && run->jobs().first())
        return jobState(run->jobs().first());
    if (run->isActive()) {
        const int paused = run->pausedCount();
        if (paused > 0 && paused == run->runningCount())
            return QObject::tr("paused · %1/%2 done").arg(run->doneCount()).arg(total);
        const QString state = QObject::tr("running · %1/%2 done").arg(run->doneCount()).arg(total);
        return paused > 0 ? QObject::tr("%1 · %2 paused").arg(state).arg(paused) : state;
    }
    // From the run's own tallies: O(1), and right for a run whose jobs
    // were released once reported.
    const int pipeClosed = run->doneCount(JobOutcome::State::PipeClosed);
    const int timedOut = run->doneCount(JobOutcome::State::TimedOut);
    const int stopped = run->stoppedCount();
    const int killed = run->doneCount(JobOutcome::State::Killed) - stopped;
    const int failed = run->failedCount() - timedOut - killed - stopped;
    const int ok = run->doneCount() - run->failedCount() - pipeClosed;
    QStringList parts;
    if (ok)
        parts << QObject::tr("%1 ok").arg(ok);
    if (pipeClosed)
        parts << QObject::tr("%1 pipe closed").arg(pipeClosed);
    if (failed)
        parts << QObject::tr("%1 failed").arg(failed);
    if (timedOut)
        parts << QObject::tr("%1 timed out").arg(timedOut);
    if (stopped)
        parts << QObject::tr("%1 stopped").arg(stopped);
    if (killed)
        parts << QObject::tr("%1 killed").arg(killed);
    Q_UNUSED(total)
    return parts.join(QStringLiteral(" · "));
}

QString JobFormat::runTiming(const JobRun *run)
{
    if (run->nothingRan())
        return QObject::tr("nothing ran");
    if (run->jobs().size() < 2)
        return QObject::tr("wall %1").arg(seconds(run->wallMs()));
    return QObject::tr("wall %1 · Σ %2 · %3 parallel")
        .arg(seconds(run->wallMs()), seconds(run->sumMs()), parallelism(run->parallelism()));
}

QString JobFormat::runSpread(const JobRun *run)
{
    if (run->nothingRan())
        return QObject::tr("nothing ran");
    if (run->jobs().size() < 2)
        return QString();
    return QObject::tr("Σ %1 · %2").arg(seconds(run->sumMs()), parallelism(run->parallelism()));
}

QString JobFormat::familyStreams(const ProcessFamily &family, qint64 pid)
{
    using Kind = ProcessFamily::StdFd::Kind;
    const ProcessFamily::Member *m = family.member(pid);
    if (!m)
        return QString();
    QStringList parts;
    const auto shown = [](const ProcessFamily::StdFd &fd) { return fd.kind != Kind::Tty && fd.kind != Kind::Closed; };
    if (shown(m->fds[0]))
        parts << QStringLiteral("← ") + family.describeFd(pid, 0);
    if (shown(m->fds[1]))
        parts << QStringLiteral("→ ") + family.describeFd(pid, 1);
    if (shown(m->fds[2]) && m->fds[2].target != m->fds[1].target)
        parts << QStringLiteral("2→ ") + family.describeFd(pid, 2);
    return parts.join(QStringLiteral(" · "));
}

QString JobFormat::familyIndent(int depth)
{
    return depth <= 0 ? QString() : QString(2 * (depth - 1), QLatin1Char(' ')) + QStringLiteral("└ ");
}

QStringList JobFormat::familyLines(const ProcessFamily &family, int maxLines)
{
    QStringList lines;
    const QList<ProcessFamily::Member> &members = family.members();
    for (qsizetype i = 0; i < members.size() && i < maxLines; ++i) {
        const ProcessFamily::Member &m = members.at(i);
        QString end;
        if (!m.exited)
            end = QObject::tr("running");
        else if (m.signal > 0)
            end = UnixSignals::name(m.signal);
        else
            end = QObject::tr("exit %1").arg(m.exitCode);
        lines << QStringLiteral("  %1%2  %3  %4  %5  %6")
                     .arg(familyIndent(m.depth))
                     .arg(m.pid)
                     .arg(family.name(m.pid), -10)
                     .arg(end, -8)
                     .arg(m.exited ? seconds(m.exitMs - m.forkMs) : QString(), -9)
                     .arg(familyStreams(family, m.pid));
        const QString warning = memberWarning(m);
        if (!warning.isEmpty())
            lines << QStringLiteral("  %1  ⚠ %2").arg(QString(familyIndent(m.depth).size(), QLatin1Char(' ')), warning);
    }
    if (members.size() > maxLines)
        lines << QObject::tr("  … and %n more", nullptr, int(members.size() - maxLines));
    return lines;
}
