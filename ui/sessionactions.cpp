#include "sessionactions.h"
#include "settingskeys.h"

#include "jobengine.h"
#include "jobrun.h"
#include "sessionkeeper.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QUndoCommand>
#include <QUndoStack>
#include <QWidget>

namespace {


// File → New session: the finished runs leave the table but stay alive
// here until the command is dropped from the stack, so undo puts back the
// very runs (not a copy read from a file).
class NewSessionCommand : public QUndoCommand
{
public:
    explicit NewSessionCommand(JobEngine *engine)
        : QUndoCommand(QObject::tr("New session"))
        , m_engine(engine)
    {
    }
    ~NewSessionCommand() override { qDeleteAll(m_taken); }

    void redo() override
    {
        m_taken = m_engine->takeFinished();
        m_engine->clearFolded();
    }
    void undo() override
    {
        m_engine->putBack(m_taken);
        m_taken.clear();
    }

private:
    JobEngine *m_engine;
    QList<JobRun *> m_taken;
};

QString fileFilter()
{
    return QObject::tr("SpawnScope sessions and reports (*.spawnscope *.json);;All files (*)");
}

} // namespace

SessionActions::SessionActions(SessionKeeper *keeper, JobEngine *engine, QUndoStack *undo, QWidget *window)
    : QObject(window)
    , m_keeper(keeper)
    , m_engine(engine)
    , m_undo(undo)
    , m_window(window)
    , m_new(new QAction(tr("&New session"), this))
    , m_open(new QAction(tr("&Open session…"), this))
    , m_saveAs(new QAction(tr("Save session &as…"), this))
    , m_keep(new QAction(tr("&Keep runs between restarts"), this))
{
    m_new->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N)); // Ctrl+N is New preset
    m_new->setToolTip(tr("Clear every finished run from the table and the timeline (Ctrl+Shift+N; Ctrl+Z brings them back)"));
    connect(m_new, &QAction::triggered, this, &SessionActions::newSession);
    m_open->setShortcut(QKeySequence::Open);
    m_open->setToolTip(tr("Show a saved session or a headless --report file in the table and the timeline, "
                          "read-only (Ctrl+O)"));
    connect(m_open, &QAction::triggered, this, &SessionActions::askOpen);
    m_saveAs->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S));
    m_saveAs->setToolTip(tr("Write every finished run to a file that SpawnScope (or --screenshot --open) can "
                            "show again (Ctrl+Alt+S)"));
    connect(m_saveAs, &QAction::triggered, this, &SessionActions::askSaveAs);
    m_keep->setCheckable(true);
    m_keep->setChecked(keepsSessions());
    m_keep->setToolTip(tr("Save the finished runs as you go and show them again the next time SpawnScope opens"));
    connect(m_keep, &QAction::toggled, this, [this](bool keep) {
        QSettings().setValue(SettingsKeys::KeepSession, keep);
        m_keeper->setEnabled(keep);
        emit message(keep ? tr("Finished runs will be kept between restarts.")
                          : tr("Runs are no longer kept between restarts; the last saved session stays on disk."),
                     5000);
    });
    connect(m_keeper, &SessionKeeper::restored, this, [this](int runs, const QString &problem) {
        if (!problem.isEmpty()) {
            // Not modal to the event loop: the window is up and working meanwhile.
            auto *box = new QMessageBox(QMessageBox::Warning,
                                        runs > 0 ? tr("Part of the last session was restored")
                                                 : tr("The last session could not be restored"),
                                        problem, QMessageBox::Ok, m_window);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->setObjectName(QStringLiteral("sessionRestoreProblem"));
            box->open();
        } else if (runs > 0)
            emit message(tr("Restored %n run(s) from the last session (marked ⟲). File → New session starts empty.",
                            nullptr, runs),
                         8000);
        else
            emit message(QString(), 1); // clears "Restoring…"
    });
    connect(m_keeper, &SessionKeeper::opened, this, [this](const QString &, int, int, const QString &problem) {
        if (!problem.isEmpty())
            emit message(QString(), 1); // clears "Opening…"; the dialog says why
    });
    connect(m_keeper, &SessionKeeper::opened, this,
            [this](const QString &path, int runs, int alreadyShown, const QString &problem) {
                if (!problem.isEmpty()) {
                    QMessageBox::warning(m_window, tr("Cannot open this session"),
                                         tr("%1\n\nNothing in the table was changed.").arg(problem));
                    return;
                }
                emit message(openedMessage(QFileInfo(path).fileName(), runs, alreadyShown), 8000);
            });
    connect(m_keeper, &SessionKeeper::saveFailed, this, [this](const QString &problem) {
        emit message(tr("The session was not saved: %1").arg(problem), 0);
    });
}

QString SessionActions::openedMessage(const QString &fileName, int added, int alreadyShown)
{
    if (added == 0 && alreadyShown > 0)
        return tr("All %n run(s) in %1 are already shown; nothing was added.", nullptr, alreadyShown).arg(fileName);
    const QString opened =
        tr("Opened %n run(s) from %1 (read-only; Run again runs one anew).", nullptr, added).arg(fileName);
    if (alreadyShown == 0)
        return opened;
    return opened + QLatin1Char(' ')
           + tr("Left out %n run(s) already shown.", nullptr, alreadyShown);
}

bool SessionActions::keepsSessions()
{
    return QSettings().value(SettingsKeys::KeepSession, true).toBool();
}

void SessionActions::newSession()
{
    for (const JobRun *run : m_engine->runs()) {
        if (run->isDone()) {
            m_undo->push(new NewSessionCommand(m_engine));
            emit message(tr("New session: the finished runs were cleared (Ctrl+Z brings them back)."), 5000);
            return;
        }
    }
    emit message(tr("The session is already empty."), 3000);
}

void SessionActions::openFile(const QString &path)
{
    emit message(tr("Opening %1…").arg(QFileInfo(path).fileName()), 0);
    m_keeper->open(path);
}

void SessionActions::askOpen()
{
    QSettings settings;
    const QString dir = settings.value(SettingsKeys::SessionDir, QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).toString();
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Open a session or report"), dir, fileFilter());
    if (path.isEmpty())
        return;
    settings.setValue(SettingsKeys::SessionDir, QFileInfo(path).absolutePath());
    openFile(path);
}

void SessionActions::askSaveAs()
{
    QSettings settings;
    const QString dir = settings.value(SettingsKeys::SessionDir, QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).toString();
    QString path = QFileDialog::getSaveFileName(m_window, tr("Save the session"), dir + QStringLiteral("/session.spawnscope"),
                                                fileFilter());
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".spawnscope");
    settings.setValue(SettingsKeys::SessionDir, QFileInfo(path).absolutePath());
    QString error;
    if (!m_keeper->saveAs(path, &error)) {
        QMessageBox::warning(m_window, tr("The session was not saved"), error);
        return;
    }
    emit message(tr("Saved the session to %1.").arg(path), 5000);
}
