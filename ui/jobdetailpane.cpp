#include "jobdetailpane.h"

#include "elidedheader.h"

#include "processfamily.h"
#include "outputfindbar.h"
#include "resourcechart.h"
#include "shellwords.h"
#include "styledoutput.h"

#include "ansitext.h"
#include "jobformat.h"
#include "jobprocess.h"
#include "jobrun.h"
#include "unixsignals.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace {

// Lines wider than width pixels wrapped, each continuation indented under
// where its line's text starts (after its indent and a tree mark "└ ", or
// after a label such as "Command:  "), so that a nested family line stays
// nested when it wraps and a long command stays beside its label. Measured
// in pixels, not characters: Korean glyphs are twice as wide as Latin ones
// in a fixed font. A word wider than the room is cut hard.
QString wrapHanging(const QString &text, const QFontMetricsF &metrics, qreal width)
{
    if (width < 100)
        return text;
    const auto fits = [&](const QString &part) { return metrics.horizontalAdvance(part) <= width; };
    QStringList out;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        if (fits(line)) {
            out << line;
            continue;
        }
        qsizetype indent = 0;
        while (indent < line.size() && (line.at(indent) == QLatin1Char(' ') || line.at(indent) == QChar(0x2514)))
            ++indent;
        // "Command:  …": the value's continuation sits under the value.
        const qsizetype label = line.indexOf(QStringLiteral(":  "));
        if (label > 0 && label < 30)
            indent = label + 3;
        QString pad(indent, QLatin1Char(' '));
        if (!fits(pad + QStringLiteral("mmmmmmmmmmmmmmmmmmmm")))
            pad.clear();
        bool first = true;
        QString rest = line;
        while (!rest.isEmpty()) {
            const QString prefix = first ? QString() : pad;
            // The longest head of rest that fits (a binary search: the width
            // only grows with the length), then back to a space if there is one.
            qsizetype low = 1;
            qsizetype high = rest.size();
            while (low < high) {
                const qsizetype middle = (low + high + 1) / 2;
                if (fits(prefix + rest.left(middle)))
                    low = middle;
                else
                    high = middle - 1;
            }
            qsizetype end = low;
            if (end < rest.size()) {
                const qsizetype space = rest.lastIndexOf(QLatin1Char(' '), end);
                if (space > 0)
                    end = space;
            }
            out << prefix + rest.left(end);
            rest = rest.mid(end).trimmed();
            first = false;
        }
    }
    return out.join(QLatin1Char('\n'));
}

QPlainTextEdit *makeText(QWidget *parent, QPlainTextEdit::LineWrapMode wrap = QPlainTextEdit::NoWrap)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setReadOnly(true);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setLineWrapMode(wrap);
    // The render bounds what is shown; this is only a backstop above its largest budget.
    edit->setMaximumBlockCount(JobDetailPane::SearchedLines + 1000);
    return edit;
}

QString quoteArgv(const StageSpec &stage)
{
    QStringList lines;
    lines << QStringLiteral("  argv[0] = %1").arg(ShellWords::quote(stage.program));
    for (int i = 0; i < stage.args.size(); ++i)
        lines << QStringLiteral("  argv[%1] = %2").arg(i + 1).arg(ShellWords::quote(stage.args.at(i)));
    return lines.join(QLatin1Char('\n'));
}

} // namespace

JobDetailPane::JobDetailPane(QWidget *parent)
    : QWidget(parent)
    , m_header(new ElidedHeader(this))
    , m_tabs(new QTabWidget(this))
    , m_overview(makeText(this))
    , m_stdout(makeText(this))
    , m_stderr(makeText(this))
    , m_python(makeText(this))
    , m_chart(new ResourceChart(this))
    , m_hex(new QCheckBox(tr("&Hex"), this))
    , m_stdoutNote(new QLabel(this))
    , m_input(new QLineEdit(this))
    , m_deferredStreams(new QTimer(this))
    , m_find(new OutputFindBar(this))
{
    m_deferredStreams->setSingleShot(true);
    connect(m_deferredStreams, &QTimer::timeout, this, &JobDetailPane::refresh);
    m_header->setParts(QString(), tr("Select a row to see its command, output and exit."));
    m_overview->viewport()->installEventFilter(this);
    m_hex->setToolTip(tr("Show stdout as a hex dump, as the seed prints binary output like b'\\x87\\x14...'"));
    connect(m_hex, &QCheckBox::toggled, this, [this] {
        m_shownOut = -1;
        refresh();
    });

    auto *stdoutPage = new QWidget(this);
    auto *stdoutLayout = new QVBoxLayout(stdoutPage);
    stdoutLayout->setContentsMargins(0, 0, 0, 0);
    auto *stdoutBar = new QHBoxLayout;
    stdoutBar->addWidget(m_hex);
    stdoutBar->addWidget(m_stdoutNote, 1);
    m_stdoutNote->setForegroundRole(QPalette::PlaceholderText);
    m_stdoutNote->setObjectName(QStringLiteral("stdoutNote"));
    stdoutLayout->addLayout(stdoutBar);
    stdoutLayout->addWidget(m_stdout);

    m_tabs->addTab(m_overview, tr("Overview"));
    m_tabs->addTab(stdoutPage, tr("stdout"));
    m_tabs->addTab(m_stderr, tr("stderr"));
    m_tabs->addTab(m_chart, tr("Resources"));
    m_tabs->setTabToolTip(m_tabs->indexOf(m_chart), tr("The selected job's CPU % and memory over its life, as sampled"));
    m_tabs->addTab(m_python, tr("Seed Python"));
    m_tabs->setTabToolTip(m_tabs->indexOf(m_python), tr("The Effective Python code this preset reproduces"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_header);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_input);
    layout->addWidget(m_find);
    m_input->setObjectName(QStringLiteral("stdinInput"));
    m_input->setPlaceholderText(tr("Type a line for its stdin: Enter sends it, Ctrl+D ends input"));
    m_input->hide();
    connect(m_input, &QLineEdit::returnPressed, this, &JobDetailPane::sendInputLine);
    auto *endInput = new QAction(tr("End input (Ctrl+D)"), m_input);
    endInput->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    endInput->setShortcutContext(Qt::WidgetShortcut);
    connect(endInput, &QAction::triggered, this, [this] {
        if (JobProcess *job = inputTarget())
            job->closeInput();
        refresh();
    });
    m_input->addAction(endInput);
    m_find->hide();
    auto *find = new QAction(tr("Find in output"), this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, this, &JobDetailPane::openFind);
    addAction(find);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (!m_find->isHidden())
            m_find->setTarget(currentTextView());
    });
    connect(m_find, &OutputFindBar::closed, this, [this] {
        // Back to the cheap, bounded view.
        m_shownOut = -1;
        m_shownErr = -1;
        refresh();
    });
}

QPlainTextEdit *JobDetailPane::currentTextView() const
{
    QWidget *page = m_tabs->currentWidget();
    for (QPlainTextEdit *view : {m_overview, m_stdout, m_stderr, m_python}) {
        if (view == page || view->parentWidget() == page)
            return view;
    }
    return m_stdout;
}

JobProcess *JobDetailPane::inputTarget() const
{
    if (m_job)
        return m_job;
    return m_run && m_run->jobs().size() == 1 ? m_run->jobs().first() : nullptr;
}

void JobDetailPane::sendInputLine()
{
    JobProcess *job = inputTarget();
    if (!job)
        return;
    QString reason;
    if (job->writeInput(m_input->text().toUtf8() + '\n', &reason))
        m_input->clear();
    else
        m_input->setToolTip(reason); // the line stays, so nothing typed is lost
    refresh();
}

bool JobDetailPane::showTab(const QString &name)
{
    QWidget *page = name == QLatin1String("overview")    ? static_cast<QWidget *>(m_overview)
                    : name == QLatin1String("stdout")    ? m_stdout->parentWidget()
                    : name == QLatin1String("stderr")    ? static_cast<QWidget *>(m_stderr)
                    : name == QLatin1String("resources") ? static_cast<QWidget *>(m_chart)
                                                         : nullptr;
    if (!page || m_tabs->indexOf(page) < 0)
        return false;
    m_tabs->setCurrentWidget(page);
    return true;
}

void JobDetailPane::openFind()
{
    // Searching reaches the whole kept output, not only the bounded view.
    const bool wasOpen = !m_find->isHidden();
    m_find->setTarget(currentTextView());
    m_find->activate();
    if (!wasOpen) {
        m_shownOut = -1;
        m_shownErr = -1;
        refresh();
    }
}

void JobDetailPane::showJob(JobRun *run, JobProcess *job)
{
    const bool changed = run != m_run || job != m_job;
    m_run = run;
    m_job = job;
    if (changed) {
        m_shownOut = -1;
        m_shownErr = -1;
        m_shownOverview.clear();
        m_chart->setJob(job);
        // Binary output reads best as hex, as the seed's out[-10:] does.
        const bool binary = job && !job->pipesStdout() && JobFormat::looksBinary(job->stdoutTail().last(256));
        if (binary != m_hex->isChecked()) {
            QSignalBlocker block(m_hex);
            m_hex->setChecked(binary);
        }
    }
    refresh();
}

bool JobDetailPane::hexMode() const
{
    return m_hex->isChecked();
}

void JobDetailPane::setHexMode(bool hex)
{
    m_hex->setChecked(hex);
}

QString JobDetailPane::headerText() const
{
    return m_header->text();
}

ElidedHeader *JobDetailPane::header() const
{
    return m_header;
}

QString JobDetailPane::overviewText() const
{
    return m_overviewSource;
}

QString JobDetailPane::stdoutText() const
{
    return m_stdout->toPlainText();
}

QString JobDetailPane::stderrText() const
{
    return m_stderr->toPlainText();
}

void JobDetailPane::refresh()
{
    if (!m_run) {
        m_header->setParts(QString(), tr("Select a row to see its command, output and exit."));
        for (QPlainTextEdit *edit : {m_overview, m_stdout, m_stderr, m_python})
            edit->clear();
        m_stdoutNote->clear();
        m_shownOverview.clear();
        m_overviewSource.clear();
        m_chart->setJob(nullptr);
        m_input->hide();
        return;
    }
    if (m_job)
        m_chart->refresh(); // throttled by the chart itself
    const JobProcess *target = inputTarget();
    const bool takesInput = target && target->acceptsInput();
    if (takesInput == m_input->isHidden()) {
        // Not focused when it appears: selecting rows with the keyboard must
        // not be interrupted by a job that takes input.
        const bool hadFocus = m_input->hasFocus();
        m_input->setVisible(takesInput);
        if (hadFocus && !takesInput)
            m_tabs->setFocus();
    }
    const Preset &preset = m_run->preset();
    // Secret values are masked here as everywhere (the notes spell out the password).
    m_python->setPlainText(preset.python.isEmpty() ? tr("(This preset has no seed code.)") : preset.maskedPython());

    qint64 outBytes = 0;
    qint64 errBytes = 0;
    const QList<JobProcess *> jobs = m_job ? QList<JobProcess *>{m_job} : m_run->jobs();
    qint64 inputBytes = 0; // typed input shows in the stdout view too
    for (const JobProcess *job : jobs) {
        outBytes += job->stdoutTail().totalBytes();
        errBytes += job->stderrTail().totalBytes();
        inputBytes += job->inputBytes();
    }

    if (m_job) {
        m_header->setParts(tr("%1 — %2").arg(preset.title, JobFormat::jobName(m_run, m_run->indexOf(m_job))),
                           JobFormat::jobExplanation(m_job));
        showOverview(describeJob(m_job));
    } else {
        const QString origin = JobFormat::runOrigin(m_run);
        m_header->setParts(JobFormat::runTitle(m_run),
                           tr("%1 — %2").arg(JobFormat::runState(m_run), JobFormat::runTiming(m_run))
                               + (origin.isEmpty() ? QString() : QStringLiteral(" · ") + origin));
        showOverview(describeRun(m_run));
    }
    m_tabs->setTabText(m_tabs->indexOf(m_stdout->parentWidget()), tr("stdout (%1)").arg(JobFormat::bytes(outBytes)));
    m_tabs->setTabText(m_tabs->indexOf(m_stderr), tr("stderr (%1)").arg(JobFormat::bytes(errBytes)));

    // Output is the costly part: re-render only when bytes arrived, and while
    // they keep arriving, at most every StreamRefreshMs.
    const qint64 outShown = outBytes + inputBytes;
    if (outShown == m_shownOut && errBytes == m_shownErr)
        return;
    const bool settled = m_job ? m_job->outcome().isDone() : m_run->isDone();
    const bool firstRender = m_shownOut < 0 || m_shownErr < 0;
    if (!settled && !firstRender && m_sinceStreams.isValid() && m_sinceStreams.elapsed() < StreamRefreshMs) {
        if (!m_deferredStreams->isActive())
            m_deferredStreams->start(int(StreamRefreshMs - m_sinceStreams.elapsed()));
        return;
    }
    renderStreams(jobs, outShown, errBytes);
}

void JobDetailPane::renderStreams(const QList<JobProcess *> &jobs, qint64 outBytes, qint64 errBytes)
{
    m_sinceStreams.restart();
    const qsizetype budget = !m_find->isHidden() ? SearchedBytes
                             : jobs.size() > 1    ? ShownBytesPerJobInGroup
                                                  : ShownBytes;
    // A group shows the jobs that wrote something, at most ListedJobs of them
    // unless a search needs them all: a thousand "(nothing)" entries said
    // nothing and took the GUI thread tens of milliseconds to lay out.
    const bool group = jobs.size() != 1;
    const int listed = !m_find->isHidden() ? int(jobs.size()) : ListedJobs;
    const auto renderGroup = [&](StyledOutput &text, bool stdoutStream) {
        int shown = 0;
        int more = 0;
        for (const JobProcess *job : jobs) {
            if (stdoutStream && job->pipesStdout())
                continue;
            if ((stdoutStream ? job->stdoutTail() : job->stderrTail()).totalBytes() == 0)
                continue;
            if (shown == listed) {
                ++more;
                continue;
            }
            ++shown;
            text.appendPlain(QStringLiteral("── %1 ──\n").arg(JobFormat::jobName(m_run, m_run->indexOf(job))));
            renderStream(text, job, stdoutStream, budget);
        }
        if (shown == 0)
            text.appendPlain(tr("(nothing)\n"));
        else if (more > 0)
            text.appendPlain(tr("… and %n more job(s) that wrote here: select one to see its output, or press "
                                "Ctrl+F to search them all\n", nullptr, more));
    };
    QString stdoutNote;
    const auto render = [&](bool stdoutStream) {
        StyledOutput text;
        if (group)
            renderGroup(text, stdoutStream);
        else
            renderStream(text, jobs.value(0), stdoutStream, budget, stdoutStream ? &stdoutNote : nullptr);
        return text;
    };
    if (outBytes != m_shownOut) {
        setTextKeepingScroll(m_stdout, render(true));
        m_stdoutNote->setText(stdoutNote);
        m_shownOut = outBytes;
    }
    if (errBytes != m_shownErr) {
        // Only stdout is styled for now: stderr keeps the text alone.
        setTextKeepingScroll(m_stderr, render(false).text());
        m_shownErr = errBytes;
    }
}

void JobDetailPane::renderStream(StyledOutput &text, const JobProcess *job, bool stdoutStream, qsizetype budget,
                                 QString *note) const
{
    if (stdoutStream && job->pipesStdout()) {
        text.appendPlain(tr("(stdout goes through an OS pipe straight into the next stage's stdin; the app never sees it)\n"));
        return;
    }
    const OutputTail &tail = stdoutStream ? job->stdoutTail() : job->stderrTail();
    if (tail.totalBytes() == 0) {
        text.appendPlain(tr("(nothing)\n"));
        return;
    }
    QByteArray shown = tail.last(budget);
    // At most ShownLines lines: a view of 'y\n' lines is cheap in bytes, not in layout.
    qsizetype cut = shown.size();
    const int lineBudget = !m_find->isHidden() ? SearchedLines : ShownLines;
    for (int lines = 0; cut > 0 && lines <= lineBudget; --cut) {
        if (shown.at(cut - 1) == '\n')
            ++lines;
    }
    if (cut > 0)
        shown = shown.mid(cut + 1);
    const QPalette &palette = m_stdout->palette();
    QString shownPart;
    if (tail.trimmed())
        shownPart = tr("… trimmed to the output budget: showing the last %1 of %2 written")
                  .arg(JobFormat::bytes(shown.size()), JobFormat::bytes(tail.totalBytes()));
    else if (shown.size() < tail.totalBytes())
        shownPart = tr("… showing the last %1 of %2 written").arg(JobFormat::bytes(shown.size()), JobFormat::bytes(tail.totalBytes()));
    if (!shownPart.isEmpty())
        text.appendPlain(shownPart + QLatin1Char('\n'));
    if (note)
        *note = shownPart;
    if (stdoutStream && m_hex->isChecked()) {
        text.appendPlain(JobFormat::hexDump(shown, tail.totalBytes() - shown.size()));
    } else if (JobFormat::looksBinary(shown)) {
        // Shown as decoded, every byte: a CR in ciphertext is no redraw.
        text.appendPlain(QString::fromUtf8(shown));
    } else if (stdoutStream && !job->inputRecords().isEmpty() && !job->usesTerminal()) {
        // Typed input, marked "⟩ ", where it was sent in the output stream.
        // A terminal echoes it itself (as a real one would, and not a
        // password typed with echo off), so there it is shown once, as echoed.
        const qint64 shownFrom = tail.totalBytes() - shown.size();
        qsizetype at = 0;
        for (const JobProcess::InputRecord &input : job->inputRecords()) {
            if (input.stdoutOffset < shownFrom)
                continue;
            const qsizetype upTo = qsizetype(input.stdoutOffset - shownFrom);
            text.appendAnsi(shown.mid(at, upTo - at), palette);
            at = upTo;
            if (!text.isEmpty() && !text.endsWith(QLatin1Char('\n')))
                text.appendPlain(QStringLiteral("\n"));
            QString typed = QString::fromUtf8(input.bytes);
            if (typed.endsWith(QLatin1Char('\n')))
                typed.chop(1);
            text.appendPlain(QStringLiteral("⟩ ") + typed + QLatin1Char('\n'));
        }
        text.appendAnsi(shown.mid(at), palette);
    } else {
        // Colours from a program in a terminal become formats; cursor moves
        // and titles are dropped.
        text.appendAnsi(shown, palette);
    }
    if (!text.endsWith(QLatin1Char('\n')))
        text.appendPlain(QStringLiteral("\n"));
}

QString JobDetailPane::describeJob(const JobProcess *job) const
{
    const JobSpec &spec = job->spec();
    const JobOutcome &outcome = job->outcome();
    QStringList lines;
    // The header's whole text, which the one-line header may have cut.
    lines << tr("%1 — %2").arg(m_run->preset().title, JobFormat::jobName(m_run, m_run->indexOf(job)));
    lines << JobFormat::jobExplanation(job) << QString();
    lines << tr("Command:  %1").arg(spec.stage.commandLine());
    if (spec.stage.runsShell())
        lines << tr("          [shell] this runs through /bin/sh -c: the shell parses the line, not SpawnScope");
    lines << tr("argv:") << quoteArgv(spec.stage);
    lines << tr("Working directory:  %1").arg(spec.stage.cwd.isEmpty() ? tr("(inherited) %1").arg(QDir::currentPath()) : spec.stage.cwd);
    if (spec.stage.env.isEmpty()) {
        lines << tr("Environment:  inherited, no overrides");
    } else {
        lines << tr("Environment overrides:");
        for (const EnvVar &var : spec.stage.env)
            lines << QStringLiteral("  %1=%2%3").arg(var.name, var.displayValue(), var.secret ? tr("   (secret)") : QString());
    }
    if (job->usesTerminal())
        lines << tr("stdin, stdout, stderr:  a pseudo-terminal (isatty is true; stderr shows in stdout)");
    if (spec.interactiveStdin)
        lines << tr("stdin:  kept open for typed input, %1 bytes sent so far").arg(job->inputBytes());
    else if (spec.feedStdin)
        lines << tr("stdin:  %1 bytes written, then closed (EOF)").arg(job->stdinBytes());
    else if (job->readsFromPipe())
        lines << tr("stdin:  an OS pipe from the previous stage's stdout");
    else if (!job->usesTerminal())
        lines << tr("stdin:  /dev/null (EOF at once)");
    if (job->pipesStdout())
        lines << tr("stdout:  an OS pipe into the next stage's stdin");
    lines << QString();
    if (job->programPid() > 0 && job->programPid() != job->pid() && job->spec().attachPid <= 0)
        lines << tr("PID:  %1   (watched: in its tracer %2's process group, so Stop reaches the family too)")
                     .arg(job->programPid())
                     .arg(job->pid());
    else
        lines << tr("PID:  %1   (leads its own process group, so Stop reaches its children too)")
                     .arg(job->programPid() > 0 ? QString::number(job->programPid()) : tr("none"));
    lines << tr("State:  %1").arg(JobFormat::jobState(job));
    if (!outcome.exitText().isEmpty())
        lines << tr("Exit:  %1").arg(outcome.signal ? tr("%1 (%2), no exit code").arg(UnixSignals::name(outcome.signal)).arg(outcome.signal)
                                                    : tr("code %1").arg(outcome.exitCode));
    if (job->startedMs() >= 0)
        lines << tr("Started at %1, elapsed %2").arg(JobFormat::seconds(job->startedMs()), JobFormat::seconds(job->elapsedMs()));
    const QString left = JobFormat::leftBehind(job);
    if (!left.isEmpty())
        lines << left.split(QLatin1Char('\n'));
    if (job->termSentMs() >= 0)
        lines << tr("SIGTERM sent at %1").arg(JobFormat::seconds(job->termSentMs()));
    if (job->killSentMs() >= 0)
        lines << tr("SIGKILL sent at %1").arg(JobFormat::seconds(job->killSentMs()));
    if (spec.pollIntervalSec > 0)
        lines << tr("Polled every %1: %2 polls found it still running").arg(JobFormat::seconds(spec.pollIntervalSec * 1000)).arg(job->polls());
    if (spec.timeoutSec > 0)
        lines << tr("Timeout %1, then SIGTERM; SIGKILL after a %2 grace period")
                     .arg(JobFormat::seconds(spec.timeoutSec * 1000), JobFormat::seconds(spec.graceSec * 1000));
    const JobResources &resources = job->resources();
    if (job->startedMs() >= 0) {
        lines << QString();
        lines << JobFormat::cpuTimeSummary(resources, outcome.isDone());
        lines << JobFormat::peakMemorySummary(resources, outcome.isDone());
        if (job->isPaused())
            lines << tr("Paused (stopped by SIGSTOP or another stop signal); a timeout keeps counting");
        else if (!job->pausedStretches().isEmpty())
            lines << tr("Paused %n time(s) during its life", nullptr, int(job->pausedStretches().size()));
        if (spec.watch && !job->family().refusal().isEmpty()) {
            lines << tr("Not watched: %1. It ran unwatched; the processes below it are sampled.")
                         .arg(job->family().refusal());
        } else if (spec.watch) {
            lines << watchedFamilyLines(job);
        } else if (!resources.descendants.isEmpty()) {
            const auto left = std::count_if(resources.descendants.cbegin(), resources.descendants.cend(),
                                            [](const ProcessSample &process) { return process.leftGroup; });
            lines << tr("Descendants seen:  %1").arg(resources.descendants.size())
                         + (left > 0 ? tr(", %n left its process group (setsid)", nullptr, int(left)) : QString());
        }
    }
    return lines.join(QLatin1Char('\n'));
}

// A watched job's family in the overview: its size, what it is missing (events
// lost, members past the limit), the tracer's own cost, then its members.
QStringList JobDetailPane::watchedFamilyLines(const JobProcess *job)
{
    const ProcessFamily &family = job->family();
    QStringList lines{QString(), tr("Watched family: %n process(es), every fork, exec and exit (ptrace)", nullptr,
                                    int(family.members().size()))};
    if (family.lostEvents() > 0)
        lines << JobFormat::lostEvents(family);
    if (family.unstoredMembers() > 0)
        lines << JobFormat::unstoredMembers(family);
    const ProcSnapshot tracer = job->tracerSample();
    if (!tracer.isGone() && tracer.rssKnown)
        lines << tr("Tracer %1 (not counted in the job): %2, %3 CPU")
                     .arg(job->pid())
                     .arg(JobFormat::kibibytes(tracer.rssKb), JobFormat::seconds(double(tracer.cpuMs())));
    else if (family.tracerUserMs() >= 0 && family.tracerSysMs() >= 0)
        lines << tr("The tracer's own CPU time (not counted in the job): %1")
                     .arg(JobFormat::seconds(family.tracerUserMs() + family.tracerSysMs()));
    lines << JobFormat::familyLines(family);
    return lines;
}

QString JobDetailPane::describeRun(const JobRun *run) const
{
    const Preset &preset = run->preset();
    QStringList lines;
    lines << tr("%1: %2 — %3").arg(JobFormat::runTitle(run), JobFormat::runState(run), JobFormat::runTiming(run));
    const QString origin = JobFormat::runOrigin(run);
    if (!origin.isEmpty())
        lines << origin;
    lines << QString();
    if (!preset.description.isEmpty())
        lines << preset.description << QString();
    lines << tr("Pipeline:  %1").arg(preset.commandLine());
    if (preset.copies > 1)
        lines << tr("Copies:  %1, all started before any is waited for").arg(preset.copies);
    if (!preset.stdinSpec.isNone())
        lines << tr("stdin of the first stage:  %1").arg(preset.stdinSpec.describe());
    if (run->nothingRan())
        lines << tr("Wall time:  %1   Nothing ran, so there is no parallelism to measure.").arg(JobFormat::seconds(run->wallMs()));
    else
        lines << tr("Wall time:  %1   Sum of children:  %2   Parallelism (sum ÷ wall):  %3")
                     .arg(JobFormat::seconds(run->wallMs()), JobFormat::seconds(run->sumMs()),
                          JobFormat::parallelism(run->parallelism()));
    lines << QString();
    // The first jobs and then only failures, each part bounded: laying out a
    // line per job of a 1,000-copy run took the window's event loop tens of
    // milliseconds on every update. Every job keeps its row in the table.
    int listed = 0;
    int failuresPastFirst = 0;
    for (int i = 0; i < run->jobs().size(); ++i) {
        const JobProcess *job = run->jobs().at(i);
        const JobOutcome &outcome = job->outcome();
        if (i >= ListedJobs) {
            if (!outcome.isDone() || outcome.isSuccess() || failuresPastFirst >= ListedJobs)
                continue;
            ++failuresPastFirst;
        }
        ++listed;
        QString line = QStringLiteral("%1  %2  %3")
                           .arg(JobFormat::jobName(run, i), -22)
                           .arg(JobFormat::jobState(job), -14)
                           .arg(outcome.exitText(), -8);
        line += QStringLiteral("%1  %2").arg(job->spec().stage.program, JobFormat::lastLine(job));
        lines << line;
        if (outcome.isDone() && !outcome.isSuccess()) {
            // Make a failing stage of a chain readable: which one, why, what it said.
            lines << QStringLiteral("      ") + JobFormat::jobExplanation(job);
            const QByteArray err = job->stderrTail().last(400).trimmed();
            if (!err.isEmpty())
                lines << QStringLiteral("      stderr: ") + QString::fromUtf8(err).replace(QLatin1Char('\n'), QStringLiteral("\n              "));
        }
        // One watched job (the usual case): its family right here, with the
        // pipes between its processes.
        if (run->jobs().size() == 1 && job->spec().watch && !job->family().members().isEmpty()) {
            lines << watchedFamilyLines(job);
        }
    }
    const int unlisted = int(run->jobs().size()) - listed;
    if (unlisted > 0)
        lines << tr("… and %n more job(s) not listed here: each has its row in the table.", nullptr, unlisted);
    return lines.join(QLatin1Char('\n'));
}

bool JobDetailPane::eventFilter(QObject *watched, QEvent *event)
{
    // Wrapped by hand at the view's width (wrapHanging): again when it changes.
    if (watched == m_overview->viewport() && event->type() == QEvent::Resize && overviewWidth() != m_overviewWidth)
        QTimer::singleShot(0, this, [this] {
            m_shownOverview.clear();
            m_overviewWidth = -1;
            refresh();
        });
    return QWidget::eventFilter(watched, event);
}

int JobDetailPane::overviewWidth() const
{
    return m_overview->viewport()->width() - 2 * int(m_overview->document()->documentMargin()) - 2;
}

void JobDetailPane::showOverview(const QString &text)
{
    const int width = overviewWidth();
    // Most refreshes of a running job compose the same text: skip measuring
    // every line again on the GUI thread.
    if (!m_shownOverview.isEmpty() && text == m_overviewSource && width == m_overviewWidth)
        return;
    const QString overview = wrapHanging(text, QFontMetricsF(m_overview->font()), width);
    if (overview == m_shownOverview && width == m_overviewWidth)
        return;
    m_overviewWidth = width;
    m_overviewSource = text;
    // A newly selected row's Overview opens at its top, on its Command:
    // lines; while the same row updates, it stays where the reader is.
    const bool fresh = m_shownOverview.isEmpty();
    QScrollBar *bar = m_overview->verticalScrollBar();
    const int value = bar->value();
    m_overview->setPlainText(overview);
    bar->setValue(fresh ? 0 : value);
    m_shownOverview = overview;
}

void JobDetailPane::setTextKeepingScroll(QPlainTextEdit *edit, const QString &text)
{
    StyledOutput plain;
    plain.appendPlain(text);
    setTextKeepingScroll(edit, plain);
}

void JobDetailPane::setTextKeepingScroll(QPlainTextEdit *edit, const StyledOutput &text)
{
    QScrollBar *bar = edit->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 2;
    const int value = bar->value();
    text.renderInto(edit);
    bar->setValue(atEnd ? bar->maximum() : value);
}
