#include "sessionkeeper.h"

#include "jobengine.h"
#include "jobprocess.h"
#include "outputbudget.h"
#include "jobrun.h"
#include "reportstream.h"
#include "presetfile.h"
#include "privatefiles.h"
#include "sessionlog.h"
#include "sessionreader.h"
#include "sessionwriter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSet>
#include <QStandardPaths>
#include <QThreadPool>
#include <QTimer>

SessionKeeper::SessionKeeper(JobEngine *engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_path(defaultPath())
    , m_timer(new QTimer(this))
    , m_pool(new QThreadPool(this))
{
    // One write or read at a time, in order.
    m_pool->setMaxThreadCount(1);
    m_timer->setSingleShot(true);
    m_timer->setInterval(SaveIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &SessionKeeper::saveInBackground);
    connect(engine, &JobEngine::runFinished, this, &SessionKeeper::schedule);
    connect(engine, &JobEngine::runAdded, this, [this](JobRun *run) {
        // Each job's line as it ends: the cost is spread over the run.
        connect(run, &JobRun::jobFinished, this, [this, run](int index) { makeLine(run, index); });
        if (run->isDone()) { // a restored run, or one put back
            for (int i = 0; i < run->jobs().size(); ++i)
                makeLine(run, i);
            schedule();
        }
    });
    connect(engine, &JobEngine::runsAboutToBeRemoved, this, [this](int first, int last) {
        for (int i = first; i <= last && i < m_engine->runs().size(); ++i) {
            for (const QByteArray &line : m_lines.take(m_engine->runs().at(i)->id()))
                m_textBytes -= line.size();
        }
        schedule();
    });
    connect(engine, &JobEngine::jobChanged, this, [this](JobRun *run, int index) {
        // An ended job changes only when the output budget trims it.
        const auto it = m_lines.constFind(run->id());
        if (it != m_lines.cend() && index >= 0 && index < it->size() && !it->at(index).isNull()) {
            makeLine(run, index);
            if (run->isDone())
                schedule();
        }
    });
}

SessionKeeper::~SessionKeeper()
{
    m_pool->waitForDone();
}

QString SessionKeeper::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/session.spawnscope");
}

void SessionKeeper::setEnabled(bool enabled)
{
    m_enabled = enabled;
    if (!enabled) {
        m_timer->stop();
        m_lines.clear(); // their memory back; nothing is saved now
        m_cuttable.clear();
        m_textBytes = 0;
    }
}

void SessionKeeper::schedule()
{
    if (!m_enabled || !m_ready)
        return;
    if (!m_timer->isActive())
        m_timer->start();
}

void SessionKeeper::makeLine(const JobRun *run, int index)
{
    if (!m_enabled)
        return; // made when a save needs them, if keeping is turned on again
    const JobProcess *job = run->jobs().value(index);
    if (!job || !job->outcome().isDone())
        return;
    const QByteArray line = SessionWriter::jobLine(run, index);
    ++m_linesMade;
    setLine(run->id(), index, line);
    if (line.size() > 4 * OutputBudget::TrimmedKeepBytes)
        m_cuttable.emplace_back(run->id(), index);
    keepToTextBudget();
}

void SessionKeeper::setLine(quint64 runId, int index, const QByteArray &line)
{
    const JobRun *run = m_engine->runById(runId);
    QList<QByteArray> &lines = m_lines[runId];
    if (run && lines.size() != run->jobs().size())
        lines.resize(run->jobs().size());
    if (index >= lines.size())
        return;
    m_textBytes += line.size() - lines.at(index).size();
    lines[index] = line;
}

void SessionKeeper::keepToTextBudget()
{
    while (m_textBytes > m_textBudget && !m_cuttable.empty()) {
        const auto [runId, index] = m_cuttable.front();
        m_cuttable.pop_front();
        const JobRun *run = m_engine->runById(runId);
        if (!run || !m_lines.contains(runId) || m_lines.value(runId).value(index).isNull())
            continue; // gone since
        setLine(runId, index, SessionWriter::jobLine(run, index, OutputBudget::TrimmedKeepBytes));
        ++m_linesMade;
    }
}

QList<SessionWriter::RunPieces> SessionKeeper::runPieces()
{
    QElapsedTimer clock;
    clock.start();
    QList<SessionWriter::RunPieces> runs;
    for (const JobRun *run : m_engine->runs()) {
        if (!SessionWriter::keeps(run))
            continue;
        // The lines made as the jobs ended; any missing (keeping was off)
        // made now, and kept only while keeping is on.
        QList<QByteArray> lines = m_lines.value(run->id());
        lines.resize(run->jobs().size());
        for (int i = 0; i < lines.size(); ++i) {
            if (lines.at(i).isNull()) {
                lines[i] = SessionWriter::jobLine(run, i);
                ++m_linesMade;
                if (m_enabled)
                    setLine(run->id(), i, lines.at(i));
            }
        }
        runs << SessionWriter::RunPieces{ReportStream::runHead(run), lines, ReportStream::runTail(run)};
    }
    m_lastSaveGuiMs = double(clock.nsecsElapsed()) / 1e6;
    return runs;
}

void SessionKeeper::saveInBackground()
{
    if (!m_enabled)
        return;
    if (m_writing) {
        m_again = true;
        return;
    }
    m_writing = true;
    const QList<SessionWriter::RunPieces> runs = runPieces();
    const QString path = m_path;
    m_pool->start([this, runs, path] {
        QString error;
        const bool ok = writePrivately(path, runs, &error);
        QMetaObject::invokeMethod(
            this,
            [this, ok, error] {
                m_writing = false;
                ++m_savesWritten;
                if (!ok)
                    emit saveFailed(error); // spawnscope.files has logged it
                emit saved();
                if (m_again) {
                    m_again = false;
                    schedule();
                }
            },
            Qt::QueuedConnection);
    });
}

void SessionKeeper::saveNow()
{
    if (!m_enabled || !m_ready)
        return;
    m_timer->stop();
    m_pool->waitForDone();
    QString error;
    if (!writePrivately(m_path, runPieces(), &error))
        emit saveFailed(error); // spawnscope.files has logged it
}

bool SessionKeeper::writePrivately(const QString &path, const QList<SessionWriter::RunPieces> &runs, QString *error)
{
    bool created = false;
    QString why;
    if (!PrivateFiles::prepareFile(path, &created, &why)) {
        // Worded as StreamedFile words a failed write.
        *error = QCoreApplication::translate("AtomicFile", "cannot write %1 to %2: %3")
                     .arg(QCoreApplication::translate("SessionKeeper", "the session"), path, why);
        qCWarning(lcSession, "%s", qPrintable(*error));
        return false;
    }
    if (SessionWriter::write(path, runs, error))
        return true;
    if (created)
        QFile::remove(path); // the empty file made for it, not a session
    return false;
}

bool SessionKeeper::saveAs(const QString &path, QString *error)
{
    return SessionWriter::write(path, runPieces(), error);
}

SessionKeeper::Adopted SessionKeeper::adopt(const QList<RecordedRun> &runs)
{
    // Recognised by identity, so a file opened twice, or holding the runs
    // restored at start, adds nothing twice; nor does a file that holds a
    // run twice (an older SpawnScope's session kept such copies).
    QSet<QUuid> shown;
    shown.reserve(m_engine->runs().size() + runs.size());
    for (const JobRun *run : m_engine->runs())
        shown.insert(run->uuid());
    Adopted adopted;
    for (const RecordedRun &recorded : runs) {
        if (shown.contains(recorded.uuid)) {
            ++adopted.alreadyShown;
            continue;
        }
        RecordedRun run = recorded;
        PresetFile::translateTexts(&run.preset); // a seed's title in the window's language
        if (const JobRun *restored = m_engine->restore(run)) {
            shown.insert(restored->uuid());
            ++adopted.added;
        }
    }
    return adopted;
}

void SessionKeeper::restoreLast()
{
    if (!m_enabled || !QFileInfo::exists(m_path)) {
        m_ready = true;
        emit restored(0, QString());
        return;
    }
    const QString path = m_path;
    const qint64 budget = m_engine->outputBudget();
    const qint64 memory = m_memoryBudget;
    m_pool->start([this, path, budget, memory] {
        const SessionReader::Result result =
            SessionReader::read(path, budget, RecordedRun::Origin::EarlierSession, memory);
        QMetaObject::invokeMethod(
            this, [this, path, result] { onRead(path, true, result); }, Qt::QueuedConnection);
    });
}

void SessionKeeper::open(const QString &path)
{
    const qint64 budget = m_engine->outputBudget();
    const qint64 memory = m_memoryBudget;
    m_pool->start([this, path, budget, memory] {
        const SessionReader::Result result = SessionReader::read(path, budget, RecordedRun::Origin::Opened, memory);
        QMetaObject::invokeMethod(
            this, [this, path, result] { onRead(path, false, result); }, Qt::QueuedConnection);
    });
}

QString SessionKeeper::openNow(const QString &path)
{
    const SessionReader::Result result =
        SessionReader::read(path, m_engine->outputBudget(), RecordedRun::Origin::Opened, m_memoryBudget);
    if (result.ok() && result.droppedRuns > 0)
        return tooLargeToOpen(path, result.droppedRuns);
    if (result.ok())
        adopt(result.runs);
    return result.error;
}

QString SessionKeeper::tooLargeToOpen(const QString &path, int droppedRuns) const
{
    return tr("%1 needs more than %2 of memory to open whole: its %n oldest run(s) would be left out.", nullptr,
              droppedRuns)
        .arg(path, QLocale().formattedDataSize(m_memoryBudget));
}

QString SessionKeeper::brokenPath(const QString &path, const QDateTime &when)
{
    return path + QStringLiteral(".broken-") + when.toString(QStringLiteral("yyyyMMdd-HHmmss"));
}

QString SessionKeeper::moveAside(const QString &path)
{
    const QString aside = brokenPath(path, QDateTime::currentDateTime());
    // Two in one second: a number after the date, never over an older one.
    for (int n = 1; n < 100; ++n) {
        const QString name = n == 1 ? aside : aside + QStringLiteral("-%1").arg(n);
        if (!QFileInfo::exists(name) && QFile::rename(path, name))
            return name;
    }
    return QString();
}

void SessionKeeper::onRead(const QString &path, bool last, const SessionReader::Result &result)
{
    if (!last) {
        // An opened file is all or nothing: the window's message says the
        // table is unchanged whenever there is a problem.
        if (result.ok() && result.droppedRuns > 0) {
            emit opened(path, 0, 0, tooLargeToOpen(path, result.droppedRuns));
            return;
        }
        const Adopted adopted = result.ok() ? adopt(result.runs) : Adopted();
        emit opened(path, adopted.added, adopted.alreadyShown, result.error);
        return;
    }
    if (!result.ok() || result.droppedRuns > 0) {
        // Never written over: what it holds may still be read by hand, or
        // opened whole by a SpawnScope with more memory to give.
        const QString aside = moveAside(path);
        if (aside.isEmpty())
            m_enabled = false;
        QString message;
        if (!result.ok()) {
            message = result.error + QLatin1Char(' ')
                      + (aside.isEmpty() ? tr("Saving this session is off, so that it is not written over.")
                                         : tr("It was moved aside as %1, and this session starts empty.").arg(aside));
        } else {
            message = tr("The last session needs more than %1 of memory: its %n oldest run(s) were left out.",
                         nullptr, result.droppedRuns)
                          .arg(QLocale().formattedDataSize(m_memoryBudget))
                      + QLatin1Char(' ')
                      + (aside.isEmpty() ? tr("Saving this session is off, so that it is not written over.")
                                         : tr("The whole file was kept as %1.").arg(aside));
        }
        qCWarning(lcSession, "%s", qPrintable(message));
        const int count = result.ok() ? adopt(result.runs).added : 0;
        m_ready = true;
        emit restored(count, message);
        return;
    }
    const Adopted adopted = adopt(result.runs);
    m_ready = true;
    qCInfo(lcSession, "restored %d run(s) from %s", adopted.added, qPrintable(path));
    if (adopted.alreadyShown > 0) // copies an older SpawnScope kept; the next save drops them
        qCInfo(lcSession, "left out %d duplicate run(s) in %s", adopted.alreadyShown, qPrintable(path));
    emit restored(adopted.added, QString());
}
