// Stands between "run this" and the engine when the user must see or give
// something first: a run read from a file someone else may have written
// (its programs, folders and environment are shown, and it runs only once
// the user agrees, asked once per run), and a preset whose secret values
// were not saved with it (asked for again, never made up).
#pragma once

#include "preset.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class JobRun;
class QDialog;
class QWidget;

class RunGate : public QObject
{
    Q_OBJECT
public:
    explicit RunGate(QWidget *window);

    // Emits approved() at once when nothing needs asking; otherwise opens a
    // dialog (not modal to the event loop: runs keep ticking) and emits it
    // when the user accepts. source is the run the preset comes from, or
    // nullptr for a preset from the palette.
    void request(const Preset &preset, const JobRun *source = nullptr);
    // The dialog waiting for the user, if any (tests answer it).
    QDialog *pendingDialog() const { return m_dialog; }

    // What the dialog lists: every stage's command, folder and environment,
    // each marked with where it comes from.
    static QString describe(const Preset &preset, const QString &file);

signals:
    void approved(const Preset &preset);

private:
    QWidget *m_window;
    QPointer<QDialog> m_dialog;
    // Runs from a file the user agreed to run, by run id, with the secrets
    // they gave: Run again on them does not ask twice.
    QHash<quint64, Preset> m_agreed;
};
