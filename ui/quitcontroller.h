// Quitting while children run. The window closes at once when the engine is
// idle; otherwise, once the user agrees (not asked in tests and scripted
// screenshots), every running or queued child is stopped (SIGTERM, then
// SIGKILL after the grace period) and the window closes itself when the last
// one is gone. Those runs are marked as ended by the quit, so the session
// keeps them as stopped rather than as failures.
#pragma once

#include <QObject>

class JobEngine;
class QAction;
class QWidget;

class QuitController : public QObject
{
    Q_OBJECT
public:
    // window is the one File → Quit closes; the engine must outlive it.
    QuitController(JobEngine *engine, QWidget *window);

    QAction *quitAction() const { return m_quitAction; }
    // Off for tests and scripted screenshots: quitting then stops children
    // without asking.
    void setConfirm(bool confirm) { m_confirm = confirm; }
    // Children are being stopped so that the window can close: nothing new
    // may start.
    bool isQuitting() const { return m_quitting; }

    // For the window's closeEvent: true when it may close now. Otherwise
    // the quit is asked for, or already under way, and the window is closed
    // again once the engine is idle.
    bool mayClose();

signals:
    void quittingStarted();
    void statusMessage(const QString &message, int timeoutMs);

private:
    bool confirmed() const;

    JobEngine *m_engine;
    QWidget *m_window;
    QAction *m_quitAction;
    bool m_confirm = true;
    bool m_quitting = false;
};
