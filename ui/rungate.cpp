#include "rungate.h"

#include "jobrun.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

RunGate::RunGate(QWidget *window)
    : QObject(window)
    , m_window(window)
{
}

QString RunGate::describe(const Preset &preset, const QString &file)
{
    const QString fromFile = file.isEmpty() ? tr("(saved with the preset)") : tr("(from the file)");
    QStringList lines;
    for (qsizetype i = 0; i < preset.stages.size(); ++i) {
        const StageSpec &stage = preset.stages.at(i);
        if (preset.stages.size() > 1)
            lines << tr("Stage %1 of %2").arg(i + 1).arg(preset.stages.size());
        lines << tr("Command:  %1   %2").arg(stage.commandLine(), fromFile);
        if (stage.runsShell())
            lines << tr("          [shell] /bin/sh -c runs this line: pipes, globs and $VARIABLES are the shell's");
        lines << (stage.cwd.isEmpty() ? tr("Working directory:  %1   (SpawnScope's own)").arg(QDir::currentPath())
                                      : tr("Working directory:  %1   %2").arg(stage.cwd, fromFile));
        if (stage.env.isEmpty())
            lines << tr("Environment:  yours, unchanged");
        else
            lines << tr("Environment:  yours, with these set:");
        for (const EnvVar &var : stage.env) {
            if (var.withheld)
                lines << tr("  %1 = (secret, not in the file: you give it below)").arg(var.name);
            else if (var.secret)
                lines << tr("  %1 = %2   (secret, known to SpawnScope)").arg(var.name, EnvVar::mask());
            else
                lines << QStringLiteral("  %1 = %2   %3").arg(var.name, var.value, fromFile);
        }
    }
    if (preset.copies > 1)
        lines << tr("Copies:  %1 at once").arg(preset.copies);
    if (preset.timeoutSec > 0)
        lines << tr("Timeout:  %1 s").arg(preset.timeoutSec);
    return lines.join(QLatin1Char('\n'));
}

void RunGate::request(const Preset &preset, const JobRun *source)
{
    const RecordedRun *recorded = source ? source->recorded() : nullptr;
    const bool fromFile = recorded && recorded->origin == RecordedRun::Origin::Opened;
    if (source && m_agreed.contains(source->id())) {
        emit approved(m_agreed.value(source->id()));
        return;
    }
    const QStringList withheld = preset.withheldSecrets();
    if (!fromFile && withheld.isEmpty()) {
        emit approved(preset);
        return;
    }
    if (m_dialog)
        m_dialog->close(); // one question at a time: the newer request wins

    auto *dialog = new QDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("runGateDialog"));
    dialog->setWindowTitle(fromFile ? tr("Run a recorded run again?") : tr("Secret values needed"));
    auto *layout = new QVBoxLayout(dialog);
    auto *intro = new QLabel(dialog);
    intro->setWordWrap(true);
    intro->setText(fromFile ? tr("This run was read from %1. Running it again starts these programs on this "
                                 "machine, as you:").arg(QDir::toNativeSeparators(recorded->file))
                            : tr("\"%1\" needs secret values that were not saved with it (secrets never are, "
                                 "outside your own presets file):").arg(preset.title));
    layout->addWidget(intro);
    auto *details = new QPlainTextEdit(describe(preset, fromFile ? recorded->file : QString()), dialog);
    details->setObjectName(QStringLiteral("runGateDetails"));
    details->setReadOnly(true);
    details->setLineWrapMode(QPlainTextEdit::NoWrap);
    details->setMinimumSize(560, 160);
    layout->addWidget(details);

    auto *form = new QFormLayout;
    QList<QLineEdit *> fields;
    for (const QString &name : withheld) {
        auto *field = new QLineEdit(dialog);
        field->setObjectName(QStringLiteral("secret:") + name);
        field->setEchoMode(QLineEdit::Password);
        field->setPlaceholderText(tr("the value of %1 (never saved, never shown)").arg(name));
        form->addRow(name, field);
        fields << field;
    }
    layout->addLayout(form);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, dialog);
    QPushButton *run = buttons->addButton(tr("Run"), QDialogButtonBox::AcceptRole);
    run->setObjectName(QStringLiteral("runGateRun"));
    layout->addWidget(buttons);
    const auto update = [run, fields] {
        bool complete = true;
        for (const QLineEdit *field : fields)
            complete = complete && !field->text().isEmpty();
        run->setEnabled(complete);
        run->setToolTip(complete ? QString() : tr("Give every secret value first"));
    };
    for (QLineEdit *field : std::as_const(fields))
        connect(field, &QLineEdit::textChanged, dialog, update);
    update();
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    const quint64 runId = source ? source->id() : 0;
    connect(dialog, &QDialog::accepted, this, [this, preset, fields, withheld, runId, fromFile] {
        Preset given = preset;
        for (qsizetype i = 0; i < withheld.size(); ++i)
            given.supplySecret(withheld.at(i), fields.at(i)->text());
        if (fromFile)
            m_agreed.insert(runId, given);
        emit approved(given);
    });
    m_dialog = dialog;
    dialog->open();
    if (!fields.isEmpty())
        fields.first()->setFocus();
}
