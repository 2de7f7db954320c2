// The File menu's session actions: New session (undoable), Open session…,
// Save session as…, and whether runs are kept across restarts; the window's
// messages about restoring and opening. The SessionKeeper does the work.
#pragma once

#include <QObject>
#include <QString>

class JobEngine;
class QAction;
class QUndoStack;
class QWidget;
class SessionKeeper;

class SessionActions : public QObject
{
    Q_OBJECT
public:
    // undo: the stack Edit → Undo works on, so Ctrl+Z brings a session back.
    SessionActions(SessionKeeper *keeper, JobEngine *engine, QUndoStack *undo, QWidget *window);

    QAction *newAction() const { return m_new; }
    QAction *openAction() const { return m_open; }
    QAction *saveAsAction() const { return m_saveAs; }
    QAction *keepAction() const { return m_keep; }

    // Opens a file as read-only runs (a dropped file, the command line).
    void openFile(const QString &path);
    // The setting "session/keep", read before the last session is restored.
    static bool keepsSessions();
    // The status message after a file was opened: how many of its runs
    // were added, and how many the table already showed.
    static QString openedMessage(const QString &fileName, int added, int alreadyShown);

signals:
    void message(const QString &text, int timeoutMs);

private:
    void newSession();
    void askOpen();
    void askSaveAs();

    SessionKeeper *m_keeper;
    JobEngine *m_engine;
    QUndoStack *m_undo;
    QWidget *m_window;
    QAction *m_new;
    QAction *m_open;
    QAction *m_saveAs;
    QAction *m_keep;
};
