#include "commandbar.h"
#include "settingskeys.h"

#include "shellwords.h"

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>

CommandBar::CommandBar(QWidget *parent)
    : QWidget(parent)
    , m_commandEdit(new QLineEdit(this))
    , m_shellCheck(new QCheckBox(tr("run in /bin/sh -c"), this))
    , m_keepStdinCheck(new QCheckBox(tr("keep stdin open"), this))
    , m_terminalCheck(new QCheckBox(tr("run in a terminal"), this))
    , m_watchCheck(new QCheckBox(tr("watch its family"), this))
{
    buildActions();
    m_commandEdit->setPlaceholderText(tr("A command to run, e.g.  sleep 2  or  echo \"two words\""));
    m_commandEdit->setToolTip(tr("Enter runs it. Split into words as a POSIX shell does: single quotes, double quotes and "
                                 "backslashes group and escape, but nothing is expanded, so $HOME, * and $(…) "
                                 "stay as typed. The words run directly: no shell is involved unless you tick "
                                 "\"run in /bin/sh -c\"."));
    m_commandEdit->setClearButtonEnabled(true);
    connect(m_commandEdit, &QLineEdit::returnPressed, this, &CommandBar::runRequested);
    m_shellCheck->setToolTip(tr("Hand the whole line to /bin/sh, so pipes, globs and $VARIABLES work. The row is "
                                "marked [shell]."));
    m_keepStdinCheck->setToolTip(tr("Leave the command's stdin open: type lines for it under its output, Enter "
                                    "sends one, Ctrl+D ends input."));
    m_terminalCheck->setToolTip(tr("Give the command a pseudo-terminal, so it sees a terminal (isatty) and "
                                   "line-buffers and colours its output as in a shell. Its stderr is merged into "
                                   "stdout."));
    m_watchCheck->setToolTip(tr("Trace every process the command starts, however short its life: each fork, exec "
                                "and exit, with exit codes, CPU time, peak memory and the pipes between them, "
                                "as rows under it and lanes on the timeline (uses ptrace)."));
    auto *runButton = new QPushButton(tr("Run"), this);
    runButton->setToolTip(m_runAction->toolTip());
    connect(runButton, &QPushButton::clicked, this, &CommandBar::runRequested);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_commandEdit, 1);
    layout->addWidget(m_shellCheck);
    layout->addWidget(m_keepStdinCheck);
    layout->addWidget(m_terminalCheck);
    layout->addWidget(m_watchCheck);
    layout->addWidget(runButton);
    // One line: the table under it takes whatever height is spare.
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void CommandBar::buildActions()
{
    m_runAction = new QAction(tr("Run &command"), this);
    m_runAction->setToolTip(tr("Run the command typed above the table"));
    connect(m_runAction, &QAction::triggered, this, &CommandBar::runRequested);
    m_watchProgramAction = new QAction(tr("&Watch a program…"), this);
    m_watchProgramAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    m_watchProgramAction->setToolTip(tr("Run a program and trace its whole process family: every fork, exec, exit "
                                        "and pipe"));
    connect(m_watchProgramAction, &QAction::triggered, this, &CommandBar::askWatchProgram);
}

Preset CommandBar::preset(QString *error) const
{
    Preset preset = Preset::fromCommand(m_commandEdit->text(), m_shellCheck->isChecked(), error);
    if (m_keepStdinCheck->isChecked())
        preset.stdinSpec.kind = StdinSpec::Kind::Interactive;
    preset.pty = m_terminalCheck->isChecked();
    preset.watch = m_watchCheck->isChecked();
    return preset;
}

void CommandBar::pointAtError()
{
    m_commandEdit->setFocus();
    const ShellWords::Split split = ShellWords::split(m_commandEdit->text());
    if (!m_shellCheck->isChecked() && split.errorAt >= 0)
        m_commandEdit->setSelection(int(split.errorAt), 1);
}

void CommandBar::askWatchProgram()
{
    // Not modal in the event loop's sense: open() returns at once, so the
    // table and the timeline keep ticking while the user types.
    auto *dialog = new QInputDialog(window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Watch a program"));
    dialog->setLabelText(tr("Program and arguments, split as a shell would (e.g.  python3 item52.py  or  make -j4).\n"
                            "Every process it starts appears under it, with its pipes, however short its life."));
    dialog->setTextValue(m_commandEdit->text());
    dialog->resize(560, dialog->sizeHint().height());
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &text) {
        m_commandEdit->setText(text);
        m_watchCheck->setChecked(true);
        emit runRequested();
    });
    dialog->open();
}

void CommandBar::restoreSettings(const QSettings &settings)
{
    m_shellCheck->setChecked(settings.value(SettingsKeys::ViaShell, false).toBool());
    // "keep stdin open", "run in a terminal" and "watch its family" change
    // how the next command runs in ways easy to overlook after a restart:
    // they last for this session only.
    m_commandEdit->setText(settings.value(SettingsKeys::LastCommand).toString());
}

void CommandBar::saveSettings(QSettings &settings) const
{
    settings.setValue(SettingsKeys::ViaShell, m_shellCheck->isChecked());
    for (const QString &sessionOnly : {SettingsKeys::KeepStdin, SettingsKeys::Terminal, SettingsKeys::Watch})
        settings.remove(sessionOnly); // written by earlier versions
    settings.setValue(SettingsKeys::LastCommand, m_commandEdit->text());
}
