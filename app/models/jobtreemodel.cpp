#include "jobtreemodel.h"
#include "shellwords.h"

#include "joboutcome.h"
#include "jobengine.h"
#include "jobformat.h"
#include "jobprocess.h"
#include "jobrun.h"
#include "mimetypes.h"

#include <QMimeData>
#include <QTimer>

#include <algorithm>

namespace {

constexpr quintptr RunRowId = 0; // internalId of top-level rows; job rows carry their run's id

// The group's colour: the most serious thing that happened to any of its
// jobs. O(1): the run keeps the counts.
JobOutcome::State worstState(const JobRun *run)
{
    const int timedOut = run->doneCount(JobOutcome::State::TimedOut);
    const int killed = run->doneCount(JobOutcome::State::Killed);
    if (run->failedCount() > timedOut + killed)
        return JobOutcome::State::Crashed;
    if (run->isActive())
        return JobOutcome::State::Running;
    if (timedOut > 0)
        return JobOutcome::State::TimedOut;
    if (killed > 0)
        return JobOutcome::State::Killed;
    return JobOutcome::State::Finished;
}

// Two ranges closer than this are sent as one: fewer signals for views and
// proxies, at the price of a few unchanged rows.
constexpr int RangeGap = 4;

} // namespace

JobTreeModel::JobTreeModel(JobEngine *engine, QObject *parent)
    : QAbstractItemModel(parent)
    , m_engine(engine)
    , m_flushTimer(new QTimer(this))
{
    m_flushTimer->setInterval(UpdateIntervalMs);
    connect(m_flushTimer, &QTimer::timeout, this, &JobTreeModel::flush);

    for (JobRun *run : engine->runs())
        onRunAdded(run);
    connect(engine, &JobEngine::runAdded, this, &JobTreeModel::onRunAdded);
    connect(engine, &JobEngine::runsAboutToBeRemoved, this, &JobTreeModel::onRunsAboutToBeRemoved);
    connect(engine, &JobEngine::runsRemoved, this, &JobTreeModel::onRunsRemoved);
    connect(engine, &JobEngine::jobChanged, this, &JobTreeModel::onJobChanged);
    connect(engine, &JobEngine::runFinished, this, [this](JobRun *run) { onJobChanged(run, -1); });
}

QModelIndex JobTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (!parent.isValid()) {
        if (row >= m_runs.size())
            return {};
        return createIndex(row, column, RunRowId);
    }
    if (parent.internalId() != RunRowId || parent.row() >= m_runs.size())
        return {};
    const JobRun *run = m_runs.at(parent.row());
    if (row >= run->jobs().size())
        return {};
    return createIndex(row, column, quintptr(run->id()));
}

QModelIndex JobTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == RunRowId)
        return {};
    const auto it = m_rowOfRun.constFind(quint64(child.internalId()));
    if (it == m_rowOfRun.cend())
        return {};
    return createIndex(it.value(), 0, RunRowId);
}

int JobTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_runs.size());
    if (parent.column() != 0 || parent.internalId() != RunRowId || parent.row() >= m_runs.size())
        return 0; // job rows have no children
    return int(m_runs.at(parent.row())->jobs().size());
}

int JobTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

JobRun *JobTreeModel::runAt(const QModelIndex &index) const
{
    if (!index.isValid())
        return nullptr;
    if (index.internalId() == RunRowId)
        return index.row() < m_runs.size() ? m_runs.at(index.row()) : nullptr;
    const auto it = m_rowOfRun.constFind(quint64(index.internalId()));
    return it == m_rowOfRun.cend() ? nullptr : m_runs.at(it.value());
}

JobProcess *JobTreeModel::jobAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == RunRowId)
        return nullptr;
    const JobRun *run = runAt(index);
    if (!run || index.row() >= run->jobs().size())
        return nullptr;
    return run->jobs().at(index.row());
}

QModelIndex JobTreeModel::indexOfRun(const JobRun *run, int column) const
{
    const auto it = m_rowOfRun.constFind(run->id());
    return it == m_rowOfRun.cend() ? QModelIndex() : createIndex(it.value(), column, RunRowId);
}

QModelIndex JobTreeModel::indexOfJob(const JobRun *run, int jobIndex, int column) const
{
    if (!m_rowOfRun.contains(run->id()) || jobIndex < 0 || jobIndex >= run->jobs().size())
        return {};
    return createIndex(jobIndex, column, quintptr(run->id()));
}

QVariant JobTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const JobRun *run = runAt(index);
    if (!run)
        return {};
    if (index.internalId() == RunRowId)
        return runData(run, index.column(), role);
    return jobData(run, index.row(), index.column(), role);
}

QVariant JobTreeModel::runData(const JobRun *run, int column, int role) const
{
    const Preset &preset = run->preset();
    switch (role) {
    case IsRunRole:
        return true;
    case RunIdRole:
        return run->id();
    case JobIndexRole:
        return -1;
    case StateRole:
        return int(worstState(run));
    case SuccessRole:
        return run->isDone() && run->failedCount() == 0;
    case ShellRole:
        return preset.runsShell();
    case Qt::ToolTipRole:
        if (column == NameColumn || column == CommandColumn)
            return preset.description.isEmpty() ? preset.commandLine() : preset.description;
        if (column == ElapsedColumn || column == LastLineColumn)
            return tr("Wall time is how long the group took from first start to last exit; Σ adds up every "
                      "child's own time. Σ ÷ wall is the parallelism: about 1 for one-at-a-time, about N when "
                      "N children really ran at once.");
        return {};
    case Qt::DisplayRole:
    case RawRole:
        break;
    default:
        return {};
    }

    const bool raw = role == RawRole;
    const qint64 outBytes = run->stdoutBytes();
    const qint64 errBytes = run->stderrBytes();
    const int polls = run->polls();

    switch (column) {
    case NameColumn:
        if (raw)
            return preset.title;
        return preset.runsShell() ? tr("%1  [shell]").arg(preset.title) : preset.title;
    case CommandColumn: {
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
        return preset.copies == 1 ? line : tr("%1   × %2").arg(line).arg(preset.copies);
    }
    case PidColumn:
        return raw ? QVariant(qint64(0)) : QVariant(QString());
    case StateColumn:
        return raw ? QVariant(run->isActive() ? 0 : 1) : QVariant(JobFormat::runState(run));
    case ExitColumn:
        return raw ? QVariant(run->failedCount()) : QVariant(QString());
    case ElapsedColumn:
        return raw ? QVariant(run->wallMs()) : QVariant(JobFormat::seconds(run->wallMs()));
    case PollsColumn:
        return raw ? QVariant(polls) : (preset.pollIntervalSec > 0 ? QVariant(polls) : QVariant(QString()));
    case StdoutColumn:
        return raw ? QVariant(outBytes) : QVariant(JobFormat::bytes(outBytes));
    case StderrColumn:
        return raw ? QVariant(errBytes) : QVariant(JobFormat::bytes(errBytes));
    case LastLineColumn:
        return JobFormat::runTiming(run);
    default:
        return {};
    }
}

QVariant JobTreeModel::jobData(const JobRun *run, int jobIndex, int column, int role) const
{
    const JobProcess *job = run->jobs().at(jobIndex);
    const JobOutcome &outcome = job->outcome();
    switch (role) {
    case IsRunRole:
        return false;
    case RunIdRole:
        return run->id();
    case JobIndexRole:
        return jobIndex;
    case StateRole:
        return int(outcome.state);
    case SuccessRole:
        return outcome.isSuccess();
    case ShellRole:
        return job->spec().stage.runsShell();
    case Qt::ToolTipRole:
        switch (column) {
        case StateColumn:
        case ExitColumn:
            return outcome.explanation(job->spec().timeoutSec, job->spec().graceSec);
        case CommandColumn:
            return job->spec().stage.commandLine();
        case LastLineColumn:
            return JobFormat::lastLine(job);
        default:
            return {};
        }
    case Qt::DisplayRole:
    case RawRole:
        break;
    default:
        return {};
    }

    const bool raw = role == RawRole;
    switch (column) {
    case NameColumn:
        return JobFormat::jobName(run, jobIndex);
    case CommandColumn:
        return job->spec().stage.commandLine();
    case PidColumn:
        if (raw)
            return job->pid();
        return job->pid() > 0 ? QVariant(job->pid()) : QVariant(QString());
    case StateColumn:
        if (raw)
            return int(outcome.state);
        if (outcome.isActive() && job->killSentMs() >= 0)
            return tr("killing…");
        if (outcome.isActive() && job->termSentMs() >= 0)
            return tr("stopping…");
        return JobOutcome::stateToString(outcome.state);
    case ExitColumn:
        if (raw)
            return outcome.signal != 0 ? 1000 + outcome.signal : outcome.exitCode;
        return outcome.exitText();
    case ElapsedColumn:
        return raw ? QVariant(job->elapsedMs()) : QVariant(JobFormat::seconds(job->elapsedMs()));
    case PollsColumn:
        if (raw || job->spec().pollIntervalSec > 0)
            return job->polls();
        return QString();
    case StdoutColumn:
        if (job->pipesStdout())
            return raw ? QVariant(qint64(-1)) : QVariant(tr("→ pipe"));
        return raw ? QVariant(job->stdoutTail().totalBytes()) : QVariant(JobFormat::bytes(job->stdoutTail().totalBytes()));
    case StderrColumn:
        return raw ? QVariant(job->stderrTail().totalBytes()) : QVariant(JobFormat::bytes(job->stderrTail().totalBytes()));
    case LastLineColumn:
        return JobFormat::lastLine(job);
    default:
        return {};
    }
}

QVariant JobTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn: return tr("Name");
        case CommandColumn: return tr("Command");
        case PidColumn: return tr("PID");
        case StateColumn: return tr("State");
        case ExitColumn: return tr("Exit");
        case ElapsedColumn: return tr("Elapsed");
        case PollsColumn: return tr("Polls");
        case StdoutColumn: return tr("Stdout");
        case StderrColumn: return tr("Stderr");
        case LastLineColumn: return tr("Last line");
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case PidColumn: return tr("Process ID. Each child also leads its own process group, so Stop reaches its children too.");
        case ExitColumn:
            return tr("An exit code is what the child returned: 0 means success, 1 to 255 that the program "
                      "reports a failure. A signal name means a signal ended it: then there is no exit code "
                      "(Python's returncode shows -N). A shell reports a child that signal N killed as exit "
                      "code 128+N, so 143 from sh is SIGTERM.");
        case ElapsedColumn: return tr("For a child: its lifetime. For a group: wall time from first start to last exit");
        case PollsColumn: return tr("How many times the parent polled while the child was still running");
        case StdoutColumn: return tr("Bytes the child wrote to stdout (→ pipe: they went straight to the next stage)");
        case StderrColumn: return tr("Bytes the child wrote to stderr");
        default: return {};
        }
    }
    return {};
}

QHash<int, QByteArray> JobTreeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(RawRole, "raw");
    names.insert(StateRole, "state");
    names.insert(IsRunRole, "isRun");
    names.insert(RunIdRole, "runId");
    names.insert(JobIndexRole, "jobIndex");
    names.insert(SuccessRole, "success");
    names.insert(ShellRole, "shell");
    return names;
}

Qt::ItemFlags JobTreeModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractItemModel::flags(index);
    if (index.isValid() && index.internalId() != RunRowId)
        f |= Qt::ItemIsDragEnabled;
    return f;
}

QStringList JobTreeModel::mimeTypes() const
{
    return {MimeTypes::Job, QStringLiteral("text/plain")};
}

QMimeData *JobTreeModel::mimeData(const QModelIndexList &indexes) const
{
    for (const QModelIndex &index : indexes) {
        const JobProcess *job = jobAt(index);
        if (!job)
            continue;
        auto *data = new QMimeData;
        // A reference, not the job's environment: no secret leaves the app.
        data->setData(MimeTypes::Job,
                      QByteArray::number(runAt(index)->id()) + ' ' + QByteArray::number(index.row()));
        data->setText(job->spec().stage.commandLine());
        return data;
    }
    return nullptr;
}

JobProcess *JobTreeModel::jobFromMime(const QByteArray &payload, JobRun **runOut) const
{
    const QList<QByteArray> parts = payload.split(' ');
    if (parts.size() != 2)
        return nullptr;
    bool okRun = false;
    bool okJob = false;
    const quint64 runId = parts.at(0).toULongLong(&okRun);
    const int jobIndex = parts.at(1).toInt(&okJob);
    const auto row = m_rowOfRun.constFind(runId);
    if (!okRun || !okJob || row == m_rowOfRun.cend())
        return nullptr;
    JobRun *run = m_runs.at(row.value());
    if (jobIndex < 0 || jobIndex >= run->jobs().size())
        return nullptr;
    if (runOut)
        *runOut = run;
    return run->jobs().at(jobIndex);
}

void JobTreeModel::onRunAdded(JobRun *run)
{
    const int row = int(m_runs.size());
    beginInsertRows({}, row, row);
    m_runs << run;
    m_rowOfRun.insert(run->id(), row);
    endInsertRows();
    m_activeRuns.insert(run->id());
    if (!m_flushTimer->isActive())
        m_flushTimer->start();
}

void JobTreeModel::onRunsAboutToBeRemoved(int first, int last)
{
    beginRemoveRows({}, first, last);
    for (int row = first; row <= last; ++row) {
        m_dirty.remove(m_runs.at(row)->id());
        m_ticking.remove(m_runs.at(row)->id());
        m_activeRuns.remove(m_runs.at(row)->id());
    }
    m_runs.remove(first, last - first + 1);
    rebuildRowIndex();
}

void JobTreeModel::onRunsRemoved()
{
    endRemoveRows();
}

void JobTreeModel::rebuildRowIndex()
{
    m_rowOfRun.clear();
    for (int row = 0; row < m_runs.size(); ++row)
        m_rowOfRun.insert(m_runs.at(row)->id(), row);
}

void JobTreeModel::onJobChanged(JobRun *run, int jobIndex)
{
    // O(1) per event: remember the row, send it on the next tick.
    QSet<int> &dirty = m_dirty[run->id()];
    if (jobIndex >= 0) {
        dirty.insert(jobIndex);
        if (run->jobs().at(jobIndex)->outcome().isActive())
            m_ticking[run->id()].insert(jobIndex);
        else if (const auto ticking = m_ticking.find(run->id()); ticking != m_ticking.end())
            ticking->remove(jobIndex);
    }
    if (!m_flushTimer->isActive())
        m_flushTimer->start();
}

void JobTreeModel::emitRowRanges(const QModelIndex &runIndex, QList<int> rows, int firstColumn, int lastColumn,
                                 const QList<int> &roles)
{
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    int first = rows.constFirst();
    int last = first;
    const auto send = [&] {
        emit dataChanged(index(first, firstColumn, runIndex), index(last, lastColumn, runIndex), roles);
    };
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const int row = rows.at(i);
        if (row - last > RangeGap) {
            send();
            first = row;
        }
        last = row;
    }
    send();
}

void JobTreeModel::flush()
{
    const QHash<quint64, QSet<int>> dirty = std::exchange(m_dirty, {});
    bool sent = false;
    for (auto it = dirty.cbegin(); it != dirty.cend(); ++it) {
        const auto row = m_rowOfRun.constFind(it.key());
        if (row == m_rowOfRun.cend())
            continue;
        const QModelIndex runIndex = createIndex(row.value(), 0, RunRowId);
        emit dataChanged(runIndex, runIndex.siblingAtColumn(ColumnCount - 1));
        emitRowRanges(runIndex, it->values(), 0, ColumnCount - 1, {});
        sent = true;
    }

    // Elapsed times tick while children run: the group's wall time, and each
    // running child's own (finished and queued rows do not change).
    for (auto it = m_activeRuns.begin(); it != m_activeRuns.end();) {
        const auto row = m_rowOfRun.constFind(*it);
        JobRun *run = row == m_rowOfRun.cend() ? nullptr : m_runs.at(row.value());
        if (!run || run->isDone()) {
            m_ticking.remove(*it);
            it = m_activeRuns.erase(it);
            continue;
        }
        const QModelIndex runIndex = createIndex(row.value(), 0, RunRowId);
        const QModelIndex wall = runIndex.siblingAtColumn(ElapsedColumn);
        emit dataChanged(wall, wall, {Qt::DisplayRole, RawRole});
        if (const auto ticking = m_ticking.constFind(*it); ticking != m_ticking.cend())
            emitRowRanges(runIndex, ticking->values(), ElapsedColumn, ElapsedColumn, {Qt::DisplayRole, RawRole});
        sent = true;
        ++it;
    }

    if (sent)
        ++m_flushCount;
    if (m_dirty.isEmpty() && m_activeRuns.isEmpty())
        m_flushTimer->stop();
}
