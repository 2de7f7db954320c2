#include "preseteditor.h"

#include "theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

QLabel *problemLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, Theme::errorText(palette));
    label->setPalette(palette);
    label->setWordWrap(true);
    label->hide();
    return label;
}

void showProblem(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

} // namespace

PresetEditor::PresetEditor(const Preset &preset, QWidget *parent)
    : QDialog(parent)
    , m_preset(preset)
    , m_stages(preset.stages)
    , m_title(new QLineEdit(preset.title, this))
    , m_notes(new QPlainTextEdit(preset.description, this))
    , m_stageList(new QListWidget(this))
    , m_program(new QLineEdit(this))
    , m_programProblem(problemLabel(this))
    , m_args(new QPlainTextEdit(this))
    , m_env(new QTableWidget(0, 3, this))
    , m_cwd(new QLineEdit(this))
    , m_cwdProblem(problemLabel(this))
    , m_copies(new QSpinBox(this))
    , m_stdinKind(new QComboBox(this))
    , m_stdinValue(new QLineEdit(this))
    , m_stdinProblem(problemLabel(this))
    , m_timeout(new QDoubleSpinBox(this))
    , m_grace(new QDoubleSpinBox(this))
    , m_poll(new QDoubleSpinBox(this))
    , m_timingProblem(problemLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Edit preset — %1").arg(preset.title));
    if (m_stages.isEmpty())
        m_stages << StageSpec();
    setUpFields(preset);
    QGroupBox *stageBox = buildStageBox();
    QFormLayout *runForm = buildRunForm();
    auto *top = new QFormLayout;
    top->addRow(tr("&Title:"), m_title);
    top->addRow(tr("&Notes:"), m_notes);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(stageBox, 1);
    layout->addLayout(runForm);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        storeStage();
        validate();
        if (isValid())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    connectFields();
    validate();
    resize(720, 640);
}

void PresetEditor::setUpFields(const Preset &preset)
{
    m_notes->setMaximumHeight(70);
    m_args->setPlaceholderText(tr("One argument per line, exactly as the program receives it"));
    m_args->setMaximumHeight(90);
    m_env->setHorizontalHeaderLabels({tr("Name"), tr("Value"), tr("Secret")});
    m_env->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_env->setMaximumHeight(110);
    m_env->setToolTip(tr("Environment overrides; a secret value is shown as •••• everywhere else and left out of exports "
                         "unless you ask"));
    m_cwd->setPlaceholderText(tr("(inherited)"));
    m_copies->setRange(1, Preset::MaxCopies);
    m_copies->setValue(preset.copies);
    m_copies->setToolTip(tr("How many copies start at once (fan-out)"));
    // Each kind carries its enum value, so nothing depends on the items' order.
    m_stdinKind->addItem(tr("Nothing (EOF at once)"), int(StdinSpec::Kind::None));
    m_stdinKind->addItem(tr("Text"), int(StdinSpec::Kind::Text));
    m_stdinKind->addItem(tr("Hex bytes"), int(StdinSpec::Kind::Hex));
    m_stdinKind->addItem(tr("Random bytes"), int(StdinSpec::Kind::RandomBytes));
    m_stdinKind->addItem(tr("Kept open for typing"), int(StdinSpec::Kind::Interactive));
    // The loader's limits (Preset::validate), so the editor cannot save what
    // the next start would refuse to load.
    const std::pair<QDoubleSpinBox *, double> limits[] = {
        {m_timeout, Preset::MaxTimeoutSec}, {m_grace, Preset::MaxGraceSec}, {m_poll, Preset::MaxPollIntervalSec}};
    for (const auto &[spin, max] : limits) {
        spin->setDecimals(2);
        spin->setRange(0, max);
        spin->setSuffix(tr(" s"));
    }
    m_timeout->setValue(preset.timeoutSec);
    m_timeout->setSpecialValueText(tr("none"));
    m_grace->setValue(preset.graceSec);
    m_poll->setValue(preset.pollIntervalSec);
    m_poll->setSpecialValueText(tr("no polling"));
    m_stdinKind->setCurrentIndex(m_stdinKind->findData(int(preset.stdinSpec.kind)));
    switch (preset.stdinSpec.kind) {
    case StdinSpec::Kind::None:
    case StdinSpec::Kind::Interactive: break;
    case StdinSpec::Kind::Text: m_stdinValue->setText(QString::fromUtf8(preset.stdinSpec.data)); break;
    case StdinSpec::Kind::Hex: m_stdinValue->setText(QString::fromLatin1(preset.stdinSpec.data.toHex(' '))); break;
    case StdinSpec::Kind::RandomBytes: m_stdinValue->setText(QString::number(preset.stdinSpec.randomCount)); break;
    }
}

QGroupBox *PresetEditor::buildStageBox()
{
    auto *stageButtons = new QHBoxLayout;
    auto *add = new QPushButton(tr("Add stage"), this);
    auto *remove = new QPushButton(tr("Remove stage"), this);
    stageButtons->addWidget(add);
    stageButtons->addWidget(remove);
    connect(add, &QPushButton::clicked, this, &PresetEditor::addStage);
    connect(remove, &QPushButton::clicked, this, &PresetEditor::removeStage);
    auto *addEnv = new QPushButton(tr("Add variable"), this);
    connect(addEnv, &QPushButton::clicked, this, [this] { addEnvRow({}); });

    auto *stageForm = new QFormLayout;
    stageForm->addRow(tr("&Program:"), m_program);
    stageForm->addRow(QString(), m_programProblem);
    stageForm->addRow(tr("&Arguments:"), m_args);
    stageForm->addRow(tr("&Environment:"), m_env);
    stageForm->addRow(QString(), addEnv);
    stageForm->addRow(tr("&Working directory:"), m_cwd);
    stageForm->addRow(QString(), m_cwdProblem);
    auto *stageBox = new QGroupBox(tr("Stages (each one's stdout feeds the next one's stdin)"), this);
    auto *stageLayout = new QHBoxLayout(stageBox);
    auto *stageLeft = new QVBoxLayout;
    stageLeft->addWidget(m_stageList);
    stageLeft->addLayout(stageButtons);
    m_stageList->setMaximumWidth(200);
    stageLayout->addLayout(stageLeft);
    stageLayout->addLayout(stageForm, 1);
    return stageBox;
}

QFormLayout *PresetEditor::buildRunForm()
{
    auto *runForm = new QFormLayout;
    runForm->addRow(tr("&Copies:"), m_copies);
    auto *stdinRow = new QHBoxLayout;
    stdinRow->addWidget(m_stdinKind);
    stdinRow->addWidget(m_stdinValue, 1);
    runForm->addRow(tr("&Stdin:"), stdinRow);
    runForm->addRow(QString(), m_stdinProblem);
    runForm->addRow(tr("&Timeout:"), m_timeout);
    runForm->addRow(tr("&Grace before SIGKILL:"), m_grace);
    runForm->addRow(tr("P&oll every:"), m_poll);
    runForm->addRow(QString(), m_timingProblem);
    return runForm;
}

void PresetEditor::connectFields()
{
    for (const StageSpec &stage : std::as_const(m_stages))
        m_stageList->addItem(stage.program.isEmpty() ? tr("(new stage)") : QFileInfo(stage.program).fileName());
    connect(m_stageList, &QListWidget::currentRowChanged, this, [this](int row) {
        storeStage();
        loadStage(row);
        validate();
    });
    m_stageList->setCurrentRow(0);
    for (QLineEdit *edit : {m_program, m_cwd, m_stdinValue, m_title})
        connect(edit, &QLineEdit::textChanged, this, [this] {
            storeStage();
            validate();
        });
    connect(m_stdinKind, &QComboBox::currentIndexChanged, this, &PresetEditor::validate);
    for (QDoubleSpinBox *spin : {m_timeout, m_grace, m_poll})
        connect(spin, &QDoubleSpinBox::valueChanged, this, &PresetEditor::validate);
}

void PresetEditor::addEnvRow(const EnvVar &var)
{
    const int row = m_env->rowCount();
    m_env->insertRow(row);
    m_env->setItem(row, 0, new QTableWidgetItem(var.name));
    auto *value = new QTableWidgetItem(var.value);
    if (var.withheld) {
        // Empty here stays "not known" (asked for at the run), never "empty".
        value->setData(Qt::UserRole, true);
        value->setToolTip(tr("The value was not saved with this preset: type it here, or it is asked for when "
                             "the preset runs"));
    }
    m_env->setItem(row, 1, value);
    auto *secret = new QTableWidgetItem;
    secret->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    secret->setCheckState(var.secret ? Qt::Checked : Qt::Unchecked);
    m_env->setItem(row, 2, secret);
}

void PresetEditor::loadStage(int index)
{
    m_currentStage = index;
    if (index < 0 || index >= m_stages.size())
        return;
    const StageSpec &stage = m_stages.at(index);
    const QSignalBlocker blockProgram(m_program);
    const QSignalBlocker blockCwd(m_cwd);
    m_program->setText(stage.program);
    m_args->setPlainText(stage.args.join(QLatin1Char('\n')));
    m_cwd->setText(stage.cwd);
    m_env->setRowCount(0);
    for (const EnvVar &var : stage.env)
        addEnvRow(var);
}

void PresetEditor::storeStage()
{
    if (m_currentStage < 0 || m_currentStage >= m_stages.size())
        return;
    StageSpec &stage = m_stages[m_currentStage];
    stage.program = m_program->text().trimmed();
    stage.args = m_args->toPlainText().isEmpty() ? QStringList() : m_args->toPlainText().split(QLatin1Char('\n'));
    stage.cwd = m_cwd->text().trimmed();
    stage.env.clear();
    for (int row = 0; row < m_env->rowCount(); ++row) {
        EnvVar var;
        var.name = m_env->item(row, 0) ? m_env->item(row, 0)->text().trimmed() : QString();
        var.value = m_env->item(row, 1) ? m_env->item(row, 1)->text() : QString();
        var.secret = m_env->item(row, 2) && m_env->item(row, 2)->checkState() == Qt::Checked;
        var.withheld = var.secret && var.value.isEmpty() && m_env->item(row, 1)
                       && m_env->item(row, 1)->data(Qt::UserRole).toBool();
        if (!var.name.isEmpty())
            stage.env << var;
    }
    if (QListWidgetItem *item = m_stageList->item(m_currentStage))
        item->setText(stage.program.isEmpty() ? tr("(new stage)") : QFileInfo(stage.program).fileName());
}

void PresetEditor::addStage()
{
    storeStage();
    m_stages << StageSpec();
    m_stageList->addItem(tr("(new stage)"));
    m_stageList->setCurrentRow(int(m_stages.size()) - 1);
    m_program->setFocus();
}

void PresetEditor::removeStage()
{
    if (m_stages.size() <= 1)
        return;
    const int row = m_stageList->currentRow();
    m_currentStage = -1;
    m_stages.removeAt(row);
    delete m_stageList->takeItem(row);
    m_stageList->setCurrentRow(std::max(0, row - 1));
}

void PresetEditor::validate()
{
    m_problems.clear();
    // The current stage's problems show where they are typed; others are listed.
    for (int i = 0; i < m_stages.size(); ++i) {
        const StageSpec &stage = m_stages.at(i);
        QString programProblem;
        if (stage.program.isEmpty())
            programProblem = tr("Stage %1 needs a program to run.").arg(i + 1);
        else if (!stage.program.contains(QLatin1Char('/')) && QStandardPaths::findExecutable(stage.program).isEmpty())
            programProblem = tr("\"%1\" is not on PATH here; it will fail to start unless it is installed.").arg(stage.program);
        QString cwdProblem;
        if (!stage.cwd.isEmpty() && !QFileInfo(stage.cwd).isDir())
            cwdProblem = tr("\"%1\" is not a directory here.").arg(stage.cwd);
        if (i == m_currentStage) {
            showProblem(m_programProblem, programProblem);
            showProblem(m_cwdProblem, cwdProblem);
        }
        // A program that is merely missing here is a warning, not an error.
        if (stage.program.isEmpty())
            m_problems << programProblem;
    }
    QString stdinProblem;
    const QString value = m_stdinValue->text();
    const auto kind = StdinSpec::Kind(m_stdinKind->currentData().toInt());
    m_stdinValue->setEnabled(kind != StdinSpec::Kind::None && kind != StdinSpec::Kind::Interactive);
    if (kind == StdinSpec::Kind::Hex) {
        const QString digits = QString(value).remove(QLatin1Char(' '));
        static const QRegularExpression hex(QStringLiteral("^([0-9a-fA-F]{2})*$"));
        if (!hex.match(digits).hasMatch())
            stdinProblem = tr("Hex bytes are pairs of hex digits, e.g. 0a ff 10.");
    } else if (kind == StdinSpec::Kind::RandomBytes) {
        bool ok = false;
        const int n = value.toInt(&ok);
        if (!ok || n < 0 || n > StdinSpec::MaxRandomBytes)
            stdinProblem = tr("Random bytes takes a whole number from 0 to %1.").arg(StdinSpec::MaxRandomBytes);
    }
    showProblem(m_stdinProblem, stdinProblem);
    if (!stdinProblem.isEmpty())
        m_problems << stdinProblem;
    if (m_title->text().trimmed().isEmpty())
        m_problems << tr("The preset needs a title.");
    // Whatever else the loader would refuse (the one check every save runs),
    // shown under the timings when it is about them.
    QString timingProblem;
    if (m_problems.isEmpty()) {
        for (const Preset::Problem &problem : preset().validate()) {
            if (problem.field == Preset::Field::Id)
                continue; // the palette gives a new preset its id when it is saved
            m_problems << problem.message;
            if (timingProblem.isEmpty()
                && (problem.field == Preset::Field::TimeoutSec || problem.field == Preset::Field::GraceSec
                    || problem.field == Preset::Field::PollIntervalSec)) {
                timingProblem = problem.message;
            }
        }
    }
    showProblem(m_timingProblem, timingProblem);
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(m_problems.isEmpty());
}

Preset PresetEditor::preset() const
{
    Preset preset = m_preset;
    preset.title = m_title->text().trimmed();
    preset.description = m_notes->toPlainText().trimmed();
    preset.stages = m_stages;
    preset.copies = m_copies->value();
    preset.timeoutSec = m_timeout->value();
    preset.graceSec = m_grace->value();
    preset.pollIntervalSec = m_poll->value() > 0 ? std::max(Preset::MinPollIntervalSec, m_poll->value()) : 0;
    preset.stdinSpec = StdinSpec();
    const QString value = m_stdinValue->text();
    preset.stdinSpec.kind = StdinSpec::Kind(m_stdinKind->currentData().toInt());
    switch (preset.stdinSpec.kind) {
    case StdinSpec::Kind::Text: preset.stdinSpec.data = value.toUtf8(); break;
    case StdinSpec::Kind::Hex:
        preset.stdinSpec.data = QByteArray::fromHex(QString(value).remove(QLatin1Char(' ')).toLatin1());
        break;
    case StdinSpec::Kind::RandomBytes: preset.stdinSpec.randomCount = value.toInt(); break;
    case StdinSpec::Kind::None:
    case StdinSpec::Kind::Interactive: break;
    }
    return preset;
}
