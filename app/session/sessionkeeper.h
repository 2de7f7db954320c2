// Keeps the window's finished runs across restarts: the session file is
// written at most once a second as runs finish (the text off the GUI thread
// is only assembled; each run's text is made once, when it finishes, and
// the write itself runs on a pool thread), and on quit; at start the last
// session is read back (off the GUI thread) and its runs restored, marked as
// from an earlier session.
//
// A session file that cannot be read is never written over: it is renamed
// aside (NAME.broken-yyyyMMdd-HHmmss), the window starts empty, and the
// message says so. The restored runs stay within a memory budget
// (SessionReader::DefaultMemoryBudget): past it the oldest runs are left
// out, the whole file is kept aside the same way, and the message says how
// many. The kept file is private: 0600 in folders made 0700 (PrivateFiles).
#pragma once

#include "recordedrun.h"
#include "sessionreader.h"
#include "sessionwriter.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <deque>

class JobEngine;
class QDateTime;
class JobRun;
class QThreadPool;
class QTimer;

class SessionKeeper : public QObject
{
    Q_OBJECT
public:
    static constexpr int SaveIntervalMs = 1000;
    // The session's text together (its job lines, output included) stays
    // near this: past it the oldest jobs' lines are made again keeping only
    // their last OutputBudget::TrimmedKeepBytes of each stream (marked
    // trimmed), as the output budget does in memory. So keeping a session
    // costs at most this much more memory, and the file stays this size.
    static constexpr qint64 DefaultTextBudget = 64LL * 1024 * 1024;
    void setTextBudget(qint64 bytes) { m_textBudget = bytes; }
    // What restoring may take in memory (SessionReader::DefaultMemoryBudget).
    void setMemoryBudget(qint64 bytes) { m_memoryBudget = bytes; }
    qint64 memoryBudget() const { return m_memoryBudget; }
    // Where an unreadable session is moved: PATH.broken-yyyyMMdd-HHmmss.
    static QString brokenPath(const QString &path, const QDateTime &when);
    qint64 textBytes() const { return m_textBytes; }

    explicit SessionKeeper(JobEngine *engine, QObject *parent = nullptr);
    ~SessionKeeper() override;

    // Where the session lives: QStandardPaths' AppDataLocation/session.spawnscope.
    static QString defaultPath();
    void setPath(const QString &path) { m_path = path; }
    QString path() const { return m_path; }

    // Off: nothing is saved or restored (the setting "session/keep").
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }

    // Reads the last session and restores its runs; restored() follows.
    // Saving starts only after it, so a slow read cannot be overwritten.
    void restoreLast();
    // Opens a session or report file as read-only runs; opened() follows.
    // The runs in the window are untouched if it cannot be read. A run
    // already in the window (the same RecordedRun::uuid: restored at start,
    // opened before, or run here and saved) is not added again, nor a
    // second copy in the file; opened() counts them as alreadyShown.
    void open(const QString &path);
    // Reads and restores at once, on this thread: for --screenshot --open,
    // which must draw the same picture every time. Empty, or the problem.
    QString openNow(const QString &path);
    // Writes the finished runs to path now (File → Save session as…).
    bool saveAs(const QString &path, QString *error);
    // The last save before quitting, on this thread.
    void saveNow();

    // How long the last save took on the GUI thread (assembling the text).
    double lastSaveGuiMs() const { return m_lastSaveGuiMs; }
    int savesWritten() const { return m_savesWritten; }
    // How many job lines were made: once per job as it ends, again only if
    // the output budget trimmed its output.
    int linesMade() const { return m_linesMade; }

signals:
    void restored(int runs, const QString &problem);
    // runs: added to the window; alreadyShown: in the file, and left out
    // because the window shows them already.
    void opened(const QString &path, int runs, int alreadyShown, const QString &problem);
    void saveFailed(const QString &problem);
    // A background write finished (for tests).
    void saved();

private:
    void schedule();
    void saveInBackground();
    // Every kept run in pieces, with the job lines not made yet made now.
    QList<SessionWriter::RunPieces> runPieces();
    void makeLine(const JobRun *run, int index);
    struct Adopted
    {
        int added = 0;
        int alreadyShown = 0;
    };
    Adopted adopt(const QList<RecordedRun> &runs);
    void onRead(const QString &path, bool last, const SessionReader::Result &result);
    // An opened file is all or nothing: why this one is not opened.
    QString tooLargeToOpen(const QString &path, int droppedRuns) const;
    // Renames path to brokenPath(); the new name, or empty if it failed.
    static QString moveAside(const QString &path);
    static bool writePrivately(const QString &path, const QList<SessionWriter::RunPieces> &runs, QString *error);
    qint64 m_memoryBudget = SessionReader::DefaultMemoryBudget;

    JobEngine *m_engine;
    QString m_path;
    bool m_enabled = true;
    bool m_ready = false; // the last session has been read
    QTimer *m_timer;
    QThreadPool *m_pool; // one thread: reads and writes in order
    QHash<quint64, QList<QByteArray>> m_lines; // by run id: each ended job's line, by job index
    qint64 m_textBudget = DefaultTextBudget;
    qint64 m_textBytes = 0; // the lines' sizes added up
    // The lines that a cut would shrink, oldest first: (run id, job index).
    std::deque<std::pair<quint64, int>> m_cuttable;
    void setLine(quint64 runId, int index, const QByteArray &line);
    void keepToTextBudget();
    bool m_writing = false;
    bool m_again = false;
    double m_lastSaveGuiMs = 0;
    int m_savesWritten = 0;
    int m_linesMade = 0;
};
