#include "chainbuilder.h"

#include "mimetypes.h"
#include "presetlistmodel.h"
#include "stagelist.h"

#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QKeySequence>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace {

constexpr int StageRole = Qt::UserRole;

} // namespace

ChainBuilder::ChainBuilder(const PresetListModel *presets, QWidget *parent)
    : QWidget(parent)
    , m_presets(presets)
    , m_list(new StageList(this))
    , m_pipeline(new QLabel(this))
    , m_run(new QPushButton(tr("Run chain"), this))
    , m_save(new QPushButton(tr("Save as preset…"), this))
    , m_remove(new QPushButton(tr("Remove stage"), this))
{
    m_pipeline->setWordWrap(true);
    m_pipeline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_pipeline->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_list->setToolTip(tr("Drop presets here to append their stages (or use \"Add to chain\", Ctrl+B, in the preset "
                          "list). Drag stages to reorder them; Delete removes one. Each stage's stdout feeds the next "
                          "stage's stdin through an OS pipe."));
    m_run->setToolTip(tr("Run the pipeline once"));
    m_save->setToolTip(tr("Keep the pipeline as one of your presets"));
    connect(m_list, &StageList::externalDrop, this, &ChainBuilder::onExternalDrop);
    connect(m_list->model(), &QAbstractItemModel::rowsMoved, this, &ChainBuilder::updatePipeline);
    connect(m_list->model(), &QAbstractItemModel::rowsInserted, this, &ChainBuilder::updatePipeline);
    connect(m_list->model(), &QAbstractItemModel::rowsRemoved, this, &ChainBuilder::updatePipeline);
    connect(m_run, &QPushButton::clicked, this, [this] { emit runRequested(toPreset()); });
    connect(m_save, &QPushButton::clicked, this, [this] { emit saveRequested(toPreset()); });
    connect(m_remove, &QPushButton::clicked, this, &ChainBuilder::removeCurrentStage);
    auto *del = new QShortcut(QKeySequence::Delete, m_list, nullptr, nullptr, Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, &ChainBuilder::removeCurrentStage);
    auto *clearButton = new QPushButton(tr("Clear"), this);
    connect(clearButton, &QPushButton::clicked, this, &ChainBuilder::clear);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_run);
    buttons->addWidget(m_save);
    auto *edit = new QHBoxLayout;
    edit->addWidget(m_remove);
    edit->addWidget(clearButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 6);
    layout->addWidget(m_pipeline);
    layout->addWidget(m_list, 1);
    layout->addLayout(edit);
    layout->addLayout(buttons);
    updatePipeline();
}

void ChainBuilder::onExternalDrop(const QMimeData *data, int row)
{
    if (data->hasFormat(MimeTypes::PresetIds)) {
        for (const QString &id : PresetListModel::idsFromMimeData(data)) {
            const int presetRow = m_presets->rowOf(id);
            if (presetRow < 0)
                continue;
            addPreset(m_presets->presetAt(presetRow), row);
            if (row >= 0)
                row += int(m_presets->presetAt(presetRow).stages.size());
        }
        return;
    }
    addCommand(data->text(), row);
}

void ChainBuilder::addPreset(const Preset &preset, int row)
{
    for (const StageSpec &stage : preset.stages) {
        insertStage(stage, row);
        if (row >= 0)
            ++row;
    }
    if (preset.copies > 1)
        emit statusMessage(tr("Added the stages of %1; a chain runs once, so its %2 copies were not kept.")
                               .arg(preset.title)
                               .arg(preset.copies));
}

void ChainBuilder::addCommand(const QString &command, int row)
{
    QString error;
    const Preset preset = Preset::fromCommand(command.section(QLatin1Char('\n'), 0, 0), false, &error);
    if (preset.stages.isEmpty()) {
        emit statusMessage(error);
        return;
    }
    insertStage(preset.stages.first(), row);
}

void ChainBuilder::insertStage(const StageSpec &stage, int row)
{
    auto *item = new QListWidgetItem(stage.commandLine());
    // Kept in memory only, so a secret keeps its value here.
    item->setData(StageRole, QJsonDocument(stage.toJson(SecretValues::Keep)).toJson(QJsonDocument::Compact));
    item->setToolTip(stage.runsShell() ? tr("[shell] %1").arg(stage.commandLine()) : stage.commandLine());
    item->setFlags(item->flags() & ~Qt::ItemIsDropEnabled);
    if (row < 0 || row > m_list->count())
        m_list->addItem(item);
    else
        m_list->insertItem(row, item);
}

void ChainBuilder::removeCurrentStage()
{
    delete m_list->currentItem();
}

void ChainBuilder::clear()
{
    m_list->clear();
}

QList<StageSpec> ChainBuilder::stages() const
{
    QList<StageSpec> list;
    for (int i = 0; i < m_list->count(); ++i) {
        StageSpec stage;
        QString error;
        const QJsonObject json = QJsonDocument::fromJson(m_list->item(i)->data(StageRole).toByteArray()).object();
        if (StageSpec::fromJson(json, QStringLiteral("stage"), &stage, &error))
            list << stage;
    }
    return list;
}

Preset ChainBuilder::toPreset() const
{
    Preset preset;
    preset.stages = stages();
    QStringList programs;
    for (const StageSpec &stage : std::as_const(preset.stages))
        programs << QFileInfo(stage.program).fileName();
    preset.id = QStringLiteral("chain");
    preset.title = tr("Chain: %1").arg(programs.join(QStringLiteral(" | ")));
    preset.description = tr("Built in the chain builder.");
    return preset;
}

QString ChainBuilder::pipelineText() const
{
    return toPreset().commandLine();
}

void ChainBuilder::updatePipeline()
{
    const int count = m_list->count();
    const QList<StageSpec> current = stages();
    const bool shell = std::any_of(current.cbegin(), current.cend(), [](const StageSpec &s) { return s.runsShell(); });
    m_pipeline->setText(count == 0 ? tr("Drop presets here to build a pipeline a | b | c")
                                   : (shell ? tr("[shell] ") : QString()) + pipelineText());
    m_run->setEnabled(count > 0);
    m_save->setEnabled(count > 0);
    m_remove->setEnabled(count > 0);
}
