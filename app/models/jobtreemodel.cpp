#include "jobtreemodel.h"

#include "jobcolumn.h"

#include "joboutcome.h"
#include "jobengine.h"
#include "jobprocess.h"
#include "jobrun.h"
#include "jobtreecells.h"
#include "mimetypes.h"
#include "presetlistmodel.h"
#include "processfamily.h"
#include "processsample.h"

#include <QDateTime>
#include <QLocale>
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

// A watched job's rows below it are the tracer's exact family; where ptrace
// was refused (the program then runs unwatched) they are the sampler's.
bool showsFamily(const JobProcess *job)
{
    return job->spec().watch && job->family().refusal().isEmpty();
}

int descendantCount(const JobProcess *job)
{
    return int(showsFamily(job) ? job->family().members().size() : job->resources().descendants.size());
}

} // namespace

JobTreeModel::JobTreeModel(JobEngine *engine, QObject *parent)
    : QAbstractItemModel(parent)
    , m_engine(engine)
    , m_flushTimer(new QTimer(this))
{
    m_flushTimer->setInterval(UpdateIntervalMs);
    connect(m_flushTimer, &QTimer::timeout, this, &JobTreeModel::flush);

    m_showsFolded = !engine->folded().isEmpty();
    for (JobRun *run : engine->runs())
        onRunAdded(run);
    connect(engine, &JobEngine::foldedChanged, this, &JobTreeModel::onFoldedChanged);
    connect(engine, &JobEngine::runAdded, this, &JobTreeModel::onRunAdded);
    connect(engine, &JobEngine::runsAboutToBeRemoved, this, &JobTreeModel::onRunsAboutToBeRemoved);
    connect(engine, &JobEngine::runsRemoved, this, &JobTreeModel::onRunsRemoved);
    connect(engine, &JobEngine::jobChanged, this, &JobTreeModel::onJobChanged);
    connect(engine, &JobEngine::jobResourcesChanged, this, &JobTreeModel::onJobResourcesChanged);
    connect(engine, &JobEngine::runFinished, this, [this](JobRun *run) { onJobChanged(run, -1); });
}

QModelIndex JobTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (!parent.isValid()) {
        if (row >= m_runs.size() + foldedRows())
            return {};
        return createIndex(row, column, RunRowId);
    }
    if (parent.internalId() & DescendantKeyBit)
        return {}; // descendants have no children
    if (parent.internalId() != RunRowId) {
        if (parent.column() != 0)
            return {};
        const quint64 key = keyOf(quint64(parent.internalId()), parent.row());
        if (key == 0 || row >= m_shownDescendants.value(key))
            return {};
        return createIndex(row, column, quintptr(key));
    }
    const JobRun *run = runAt(parent);
    if (!run || row >= run->jobs().size())
        return {};
    return createIndex(row, column, quintptr(run->id()));
}

quint64 JobTreeModel::keyOf(quint64 runId, int jobIndex) const
{
    return m_keyOfJob.value(qMakePair(runId, jobIndex), 0);
}

bool JobTreeModel::isDescendant(const QModelIndex &index) const
{
    return index.isValid() && (index.internalId() & DescendantKeyBit);
}

QModelIndex JobTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == RunRowId)
        return {};
    if (child.internalId() & DescendantKeyBit) {
        const auto job = m_jobOfKey.constFind(quint64(child.internalId()));
        if (job == m_jobOfKey.cend() || !m_rowOfRun.contains(job->runId))
            return {};
        return createIndex(job->jobIndex, 0, quintptr(job->runId));
    }
    const auto it = m_rowOfRun.constFind(quint64(child.internalId()));
    if (it == m_rowOfRun.cend())
        return {};
    return createIndex(it.value() + foldedRows(), 0, RunRowId);
}

int JobTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_runs.size()) + foldedRows();
    if (parent.column() != 0 || (parent.internalId() & DescendantKeyBit))
        return 0;
    if (parent.internalId() != RunRowId)
        return m_shownDescendants.value(keyOf(quint64(parent.internalId()), parent.row()));
    const JobRun *run = runAt(parent);
    return run ? int(run->jobs().size()) : 0;
}

int JobTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

JobRun *JobTreeModel::runAt(const QModelIndex &index) const
{
    if (!index.isValid())
        return nullptr;
    if (index.internalId() == RunRowId) {
        const int pos = index.row() - foldedRows();
        return pos >= 0 && pos < m_runs.size() ? m_runs.at(pos) : nullptr;
    }
    quint64 runId = quint64(index.internalId());
    if (runId & DescendantKeyBit) {
        const auto job = m_jobOfKey.constFind(runId);
        if (job == m_jobOfKey.cend())
            return nullptr;
        runId = job->runId;
    }
    const auto it = m_rowOfRun.constFind(runId);
    return it == m_rowOfRun.cend() ? nullptr : m_runs.at(it.value());
}

JobProcess *JobTreeModel::jobAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == RunRowId)
        return nullptr;
    const JobRun *run = runAt(index);
    if (!run)
        return nullptr;
    int jobIndex = index.row();
    if (index.internalId() & DescendantKeyBit)
        jobIndex = m_jobOfKey.value(quint64(index.internalId())).jobIndex;
    return jobIndex < run->jobs().size() ? run->jobs().at(jobIndex) : nullptr;
}

bool JobTreeModel::isFoldedRow(const QModelIndex &index) const
{
    return m_showsFolded && index.isValid() && index.internalId() == RunRowId && index.row() == 0
           && index.model() == this;
}

QModelIndex JobTreeModel::indexOfRun(const JobRun *run, int column) const
{
    const auto it = m_rowOfRun.constFind(run->id());
    return it == m_rowOfRun.cend() ? QModelIndex() : createIndex(it.value() + foldedRows(), column, RunRowId);
}

QModelIndex JobTreeModel::indexOfJob(const JobRun *run, int jobIndex, int column) const
{
    if (!m_rowOfRun.contains(run->id()) || jobIndex < 0 || jobIndex >= run->jobs().size())
        return {};
    return createIndex(jobIndex, column, quintptr(run->id()));
}

QVariant JobTreeModel::data(const QModelIndex &index, int role) const
{
    const QVariant value = cellData(index, role);
    // A command with a newline in an argument (python3 -c "…") stays one
    // row high: the cell shows ⏎ where the line breaks; tooltips keep them.
    if (role == Qt::DisplayRole && value.typeId() == QMetaType::QString) {
        const QString text = value.toString();
        if (text.contains(QLatin1Char('\n')))
            return QString(text).replace(QLatin1Char('\n'), QStringLiteral(" ⏎ "));
    }
    return value;
}

QVariant JobTreeModel::cellData(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (isFoldedRow(index))
        return foldedData(index.column(), role);
    const JobRun *run = runAt(index);
    if (!run)
        return {};
    if (index.internalId() == RunRowId)
        return runData(run, index.column(), role);
    if (index.internalId() & DescendantKeyBit) {
        const JobKey key = m_jobOfKey.value(quint64(index.internalId()));
        if (role == JobIndexRole)
            return key.jobIndex;
        if (role == RunIdRole)
            return run->id();
        return descendantData(run->jobs().at(key.jobIndex), index.row(), index.column(), role);
    }
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
    case IsDescendantRole:
    case EndedRole:
    case LeftGroupRole:
    case PausedRole:
        return false;
    case ExactRole:
        return m_totals.value(run->id()).peakExact;
    case Qt::ToolTipRole:
        return JobTreeCells::runToolTip(run, column);
    case Qt::DisplayRole:
    case RawRole:
        return JobTreeCells::runValue(run, m_totals.value(run->id()), column, role == RawRole);
    default:
        return {};
    }
}

JobTreeModel::Totals JobTreeModel::totalsOf(const JobRun *run)
{
    Totals totals;
    const auto add = [](auto &sum, auto value) {
        if (value >= 0)
            sum = sum < 0 ? value : sum + value;
    };
    for (const JobProcess *job : run->jobs()) {
        const JobResources &res = job->resources();
        add(totals.cpuPercent, res.cpuPercent);
        if (res.cpuUserMs >= 0)
            add(totals.cpuMs, res.cpuUserMs + res.cpuSysMs);
        add(totals.rssKb, res.rssKb);
        if (res.peakRssKb >= 0) {
            totals.peakRssKb = std::max(totals.peakRssKb, res.peakRssKb);
            totals.peakExact = totals.peakExact && res.peakRssExact;
        }
        add(totals.threads, res.threads);
        add(totals.readBytes, res.readBytes);
        add(totals.writeBytes, res.writeBytes);
    }
    return totals;
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
    case IsDescendantRole:
    case EndedRole:
    case LeftGroupRole:
        return false;
    case PausedRole:
        return job->isPaused();
    case ExactRole:
        return column == CpuTimeColumn ? job->resources().cpuExact : job->resources().peakRssExact;
    case PidRole:
        return job->programPid();
    case WatchedRole:
        return showsFamily(job);
    case Qt::ToolTipRole:
        return JobTreeCells::jobToolTip(job, column);
    case Qt::DisplayRole:
    case RawRole:
        return JobTreeCells::jobValue(run, jobIndex, column, role == RawRole);
    default:
        return {};
    }
}

QVariant JobTreeModel::familyData(const JobProcess *job, int row, int column, int role) const
{
    const ProcessFamily &family = job->family();
    if (row >= family.members().size())
        return {};
    const ProcessFamily::Member &m = family.members().at(row);
    const bool crashed = m.exited && m.signal > 0;
    switch (role) {
    case IsRunRole:
        return false;
    case IsDescendantRole:
        return true;
    case EndedRole:
        return m.exited;
    case LeftGroupRole:
    case PausedRole:
    case SuccessRole:
    case ShellRole:
        return role == SuccessRole ? m.exited && m.exitCode == 0 : false;
    case ExactRole:
    case WatchedRole:
        return true;
    case PidRole:
        return m.pid;
    case StateRole:
        return int(!m.exited ? JobOutcome::State::Running
                             : crashed ? JobOutcome::State::Crashed : JobOutcome::State::Finished);
    case Qt::ToolTipRole:
        return JobTreeCells::familyToolTip(job, m, column);
    case Qt::DisplayRole:
    case RawRole:
        return JobTreeCells::familyValue(job, m, column, role == RawRole);
    default:
        return {};
    }
}

QVariant JobTreeModel::descendantData(const JobProcess *job, int row, int column, int role) const
{
    if (showsFamily(job))
        return familyData(job, row, column, role);
    const QList<ProcessSample> &descendants = job->resources().descendants;
    if (row >= descendants.size())
        return {};
    const ProcessSample &process = descendants.at(row);
    switch (role) {
    case IsRunRole:
        return false;
    case IsDescendantRole:
        return true;
    case EndedRole:
        return process.ended;
    case LeftGroupRole:
        return process.leftGroup;
    case PausedRole:
        return !process.ended && (process.state == 'T' || process.state == 't');
    case ExactRole:
        return false;
    case PidRole:
        return process.pid;
    case StateRole:
        return int(process.ended ? JobOutcome::State::Finished : JobOutcome::State::Running);
    case SuccessRole:
    case ShellRole:
        return false;
    case Qt::ToolTipRole:
        return JobTreeCells::descendantToolTip(process, column);
    case Qt::DisplayRole:
    case RawRole:
        return JobTreeCells::descendantValue(process, column, role == RawRole);
    default:
        return {};
    }
}

QVariant JobTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole)
        return JobColumn::title(section);
    if (role == Qt::ToolTipRole) {
        const QString tip = JobColumn::tooltip(section);
        return tip.isEmpty() ? QVariant() : QVariant(tip);
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
    names.insert(IsDescendantRole, "isDescendant");
    names.insert(EndedRole, "ended");
    names.insert(LeftGroupRole, "leftGroup");
    names.insert(PausedRole, "paused");
    names.insert(ExactRole, "exact");
    names.insert(PidRole, "pid");
    names.insert(WatchedRole, "watched");
    names.insert(IsFoldedRole, "isFolded");
    return names;
}

Qt::ItemFlags JobTreeModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractItemModel::flags(index);
    if (isFoldedRow(index))
        return f | Qt::ItemNeverHasChildren; // a summary: no drag, nothing below
    if (index.isValid() && index.internalId() != RunRowId && !(index.internalId() & DescendantKeyBit))
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
        const JobProcess *job = isDescendant(index) ? nullptr : jobAt(index);
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
    const int pos = int(m_runs.size());
    beginInsertRows({}, pos + foldedRows(), pos + foldedRows());
    m_runs << run;
    m_rowOfRun.insert(run->id(), pos);
    endInsertRows();
    if (run->isDone()) {
        // A recorded run (or one put back): its descendants are all there
        // already, and no sampler tick will announce them.
        QSet<int> jobs;
        for (int i = 0; i < run->jobs().size(); ++i)
            jobs.insert(i);
        flushDescendants(run, indexOfRun(run), jobs);
    }
    m_activeRuns.insert(run->id());
    if (!m_flushTimer->isActive())
        m_flushTimer->start();
}

void JobTreeModel::onRunsAboutToBeRemoved(int first, int last)
{
    beginRemoveRows({}, first + foldedRows(), last + foldedRows());
    for (int row = first; row <= last; ++row) {
        m_dirty.remove(m_runs.at(row)->id());
        m_ticking.remove(m_runs.at(row)->id());
        m_activeRuns.remove(m_runs.at(row)->id());
        forgetRun(m_runs.at(row)->id());
    }
    m_runs.remove(first, last - first + 1);
    rebuildRowIndex();
}

void JobTreeModel::forgetRun(quint64 runId)
{
    m_sampled.remove(runId);
    m_totals.remove(runId);
    for (auto it = m_jobOfKey.begin(); it != m_jobOfKey.end();) {
        if (it->runId == runId) {
            m_keyOfJob.remove(qMakePair(runId, it->jobIndex));
            m_shownDescendants.remove(it.key());
            it = m_jobOfKey.erase(it);
        } else {
            ++it;
        }
    }
}

void JobTreeModel::onRunsRemoved()
{
    endRemoveRows();
}

void JobTreeModel::onFoldedChanged()
{
    const bool folded = !m_engine->folded().isEmpty();
    if (folded && !m_showsFolded) {
        beginInsertRows({}, 0, 0);
        m_showsFolded = true;
        endInsertRows();
    } else if (!folded && m_showsFolded) {
        beginRemoveRows({}, 0, 0);
        m_showsFolded = false;
        endRemoveRows();
    } else if (folded) {
        emit dataChanged(index(0, 0), index(0, ColumnCount - 1));
    }
}

QVariant JobTreeModel::foldedData(int column, int role) const
{
    const FoldedRuns &folded = m_engine->folded();
    const QLocale locale;
    const QString since =
        QDateTime::fromMSecsSinceEpoch(qint64(folded.firstStartedEpochMs)).toString(QStringLiteral("HH:mm:ss"));
    switch (role) {
    case IsFoldedRole:
        return true;
    case IsRunRole:
    case SuccessRole:
    case ShellRole:
    case IsDescendantRole:
    case EndedRole:
    case LeftGroupRole:
    case PausedRole:
    case WatchedRole:
        return false;
    case Qt::ToolTipRole:
        return tr("⋯ %n older run(s) folded to keep the table fast: %1 jobs, %2 ok, %3 failed, since %4 (the last: %5). "
                  "The table keeps the newest %6 finished jobs; Jobs → Limits… changes that.",
                  nullptr, folded.runs)
            .arg(locale.toString(folded.jobs), locale.toString(folded.succeeded), locale.toString(folded.failed), since,
                 folded.lastTitle, locale.toString(m_engine->finishedJobLimit()));
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return tr("⋯ %n older run(s) folded", nullptr, folded.runs);
        case CommandColumn:
            return tr("%1 jobs, %2 ok, %3 failed, since %4 (the last: %5); the table keeps the newest %6 finished jobs")
                .arg(locale.toString(folded.jobs), locale.toString(folded.succeeded), locale.toString(folded.failed),
                     since, folded.lastTitle, locale.toString(m_engine->finishedJobLimit()));
        case StateColumn:
            return tr("folded");
        default:
            return QString();
        }
    default:
        return {}; // no RunIdRole, JobIndexRole, StateRole or RawRole: it is no run
    }
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

void JobTreeModel::onJobResourcesChanged(JobRun *run, int jobIndex)
{
    // Only the resource columns: a tick touches every running row, and the
    // rest of a row changes through jobChanged.
    m_sampled[run->id()].insert(jobIndex);
    if (!m_flushTimer->isActive())
        m_flushTimer->start();
}

void JobTreeModel::flushDescendants(JobRun *run, const QModelIndex &runIndex, const QSet<int> &jobs)
{
    for (int jobIndex : jobs) {
        const int total = descendantCount(run->jobs().at(jobIndex));
        quint64 key = keyOf(run->id(), jobIndex);
        if (key == 0 && total == 0)
            continue;
        if (key == 0) {
            key = m_nextKey++;
            m_jobOfKey.insert(key, {run->id(), jobIndex});
            m_keyOfJob.insert(qMakePair(run->id(), jobIndex), key);
        }
        const QModelIndex jobRow = index(jobIndex, 0, runIndex);
        const int shown = m_shownDescendants.value(key);
        // The sampler and the tracer only append (ended processes stay), so
        // new ones go at the end. Fewer happens once: a watched job whose
        // ptrace was refused turns from the tracer's rows to the sampler's.
        if (total < shown) {
            beginRemoveRows(jobRow, total, shown - 1);
            m_shownDescendants.insert(key, total);
            endRemoveRows();
        }
        // Rows already shown may have new figures; one range for all of them.
        const int kept = std::min(shown, total);
        if (kept > 0)
            emit dataChanged(index(0, 0, jobRow), index(kept - 1, ColumnCount - 1, jobRow));
        if (total > shown) {
            beginInsertRows(jobRow, shown, total - 1);
            m_shownDescendants.insert(key, total);
            endInsertRows();
        }
    }
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
    const QHash<quint64, QSet<int>> sampled = std::exchange(m_sampled, {});
    bool sent = false;
    for (auto it = sampled.cbegin(); it != sampled.cend(); ++it) {
        const auto row = m_rowOfRun.constFind(it.key());
        if (row == m_rowOfRun.cend())
            continue;
        JobRun *run = m_runs.at(row.value());
        // O(jobs of the run) once per flush, not per paint of the group row.
        m_totals.insert(run->id(), totalsOf(run));
        const QModelIndex runIndex = createIndex(row.value() + foldedRows(), 0, RunRowId);
        emit dataChanged(runIndex.siblingAtColumn(CpuColumn), runIndex.siblingAtColumn(WriteColumn));
        emitRowRanges(runIndex, it->values(), CpuColumn, WriteColumn, {});
        flushDescendants(run, runIndex, *it);
        sent = true;
    }

    const QHash<quint64, QSet<int>> dirty = std::exchange(m_dirty, {});
    for (auto it = dirty.cbegin(); it != dirty.cend(); ++it) {
        const auto row = m_rowOfRun.constFind(it.key());
        if (row == m_rowOfRun.cend())
            continue;
        const QModelIndex runIndex = createIndex(row.value() + foldedRows(), 0, RunRowId);
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
        const QModelIndex runIndex = createIndex(row.value() + foldedRows(), 0, RunRowId);
        const QModelIndex wall = runIndex.siblingAtColumn(ElapsedColumn);
        emit dataChanged(wall, wall, {Qt::DisplayRole, RawRole});
        if (const auto ticking = m_ticking.constFind(*it); ticking != m_ticking.cend())
            emitRowRanges(runIndex, ticking->values(), ElapsedColumn, ElapsedColumn, {Qt::DisplayRole, RawRole});
        sent = true;
        ++it;
    }

    if (sent)
        ++m_flushCount;
    if (m_dirty.isEmpty() && m_sampled.isEmpty() && m_activeRuns.isEmpty())
        m_flushTimer->stop();
}
