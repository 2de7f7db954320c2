// The command bar above the process table: a command line typed by hand, the
// ticks for how it runs (through /bin/sh, with stdin kept open, in a
// pseudo-terminal, watched) and the Run button. It turns what was typed into
// a preset and asks for it to be run; the window runs it. Jobs → Run command
// and Watch a program… are its actions, so they live here too.
#pragma once

#include "preset.h"

#include <QWidget>

class QAction;
class QCheckBox;
class QLineEdit;
class QSettings;

class CommandBar : public QWidget
{
    Q_OBJECT
public:
    explicit CommandBar(QWidget *parent = nullptr);

    QLineEdit *commandEdit() const { return m_commandEdit; }
    QCheckBox *shellCheck() const { return m_shellCheck; }
    QCheckBox *keepStdinCheck() const { return m_keepStdinCheck; }
    QCheckBox *terminalCheck() const { return m_terminalCheck; }
    QCheckBox *watchCheck() const { return m_watchCheck; }
    QAction *runAction() const { return m_runAction; }
    QAction *watchProgramAction() const { return m_watchProgramAction; }

    // The typed command with the ticked options; a preset without stages,
    // and *error saying why, when it cannot run.
    Preset preset(QString *error) const;
    // After preset() failed: the field takes the focus, with an unclosed
    // quote or a stray backslash selected where it was typed.
    void pointAtError();
    // Jobs → Watch a program…: asks for a command line, then asks for it to
    // be run watched.
    void askWatchProgram();

    void restoreSettings(const QSettings &settings);
    void saveSettings(QSettings &settings) const;

signals:
    // Enter in the field, the Run button, Jobs → Run command, or a program
    // given to watch.
    void runRequested();

private:
    void buildActions();

    QLineEdit *m_commandEdit;
    QCheckBox *m_shellCheck;
    QCheckBox *m_keepStdinCheck; // interactive stdin
    QCheckBox *m_terminalCheck;  // run in a pseudo-terminal
    QCheckBox *m_watchCheck;     // trace the whole process family
    QAction *m_runAction = nullptr;
    QAction *m_watchProgramAction = nullptr;
};
