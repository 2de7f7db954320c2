#include "presetpalette.h"

#include "editpresetcommand.h"
#include "insertpresetcommand.h"
#include "jobprocess.h"
#include "jobrun.h"
#include "movepresetcommand.h"
#include "presetcommand.h"
#include "presetdelegate.h"
#include "preseteditor.h"
#include "presetfile.h"
#include "presetlistmodel.h"
#include "presetstore.h"
#include "removepresetcommand.h"
#include "uilog.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

PresetPalette::PresetPalette(PresetListModel *model, QWidget *parent)
    : QDockWidget(tr("Presets"), parent)
    , m_model(model)
    , m_view(new QListView(this))
    , m_description(new QLabel(this))
    , m_undo(new QUndoStack(this))
{
    setObjectName(QStringLiteral("presetDock")); // the window's saved layout knows it by this name
    setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    buildActions();

    auto *panel = new QWidget(this);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(6, 6, 0, 6);
    auto *title = new QLabel(tr("Seeds come from the notes; your own presets are saved."), panel);
    title->setWordWrap(true);
    m_view->setParent(panel);
    m_view->setModel(m_model);
    m_view->setItemDelegate(new PresetDelegate(m_view));
    m_view->setDragEnabled(true);
    m_view->setAcceptDrops(true);
    m_view->setDragDropMode(QAbstractItemView::DragDrop);
    m_view->setDefaultDropAction(Qt::MoveAction);
    m_view->setDropIndicatorShown(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &PresetPalette::showContextMenu);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // A long title wraps onto a second line of its own row (the delegate
    // gives wrapped rows their height), laid out again as the dock resizes.
    m_view->setWordWrap(true);
    m_view->setResizeMode(QListView::Adjust);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setSpacing(1);

    m_view->setToolTip(tr("Double-click or press Enter to run a preset. Drag one onto the table to run it, onto "
                          "the chain builder to add its stages, or among \"My presets\" to reorder. Drop a "
                          "process-table row here to save it as a preset, or a .json file to import it."));
    if (m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(0));
    connect(m_view, &QListView::activated, this, &PresetPalette::runSelected);
    // Palette keys act on the palette only: Delete in the command field stays a key.
    for (QAction *action : std::as_const(m_selectionActions)) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_view->addAction(action);
    }
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &PresetPalette::updateDescription);
    // The description scrolls in a fixed height: a long one never squeezes
    // the list of presets above it.
    auto *descriptionArea = new QScrollArea(panel);
    descriptionArea->setFrameShape(QFrame::NoFrame);
    descriptionArea->setWidgetResizable(true);
    descriptionArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    descriptionArea->setFixedHeight(fontMetrics().lineSpacing() * DescriptionLines + 8);
    m_description->setWordWrap(true);
    m_description->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_description->setTextInteractionFlags(Qt::TextSelectableByMouse);
    descriptionArea->setWidget(m_description);
    auto *runButton = new QPushButton(tr("Run preset"), panel);
    runButton->setToolTip(m_runAction->toolTip());
    connect(runButton, &QPushButton::clicked, this, &PresetPalette::runSelected);
    layout->addWidget(title);
    layout->addWidget(m_view, 1);
    layout->addWidget(descriptionArea);
    layout->addWidget(runButton);
    setWidget(panel);

    connect(m_model, &PresetListModel::userPresetsChanged, this, &PresetPalette::saveUserPresets);
    connect(m_model, &PresetListModel::filesDropped, this, [this](const QList<QUrl> &urls) {
        for (const QUrl &url : urls)
            importPresetsFrom(url.toLocalFile());
    });
    recordModelEdits();
    updateDescription();
}

int PresetPalette::preferredHeight() const
{
    // Every seed, a category header and a title that wraps, so a newcomer
    // sees the whole list of lessons without scrolling.
    const int rowHeight = m_view->fontMetrics().lineSpacing() + 2 * m_view->spacing() + 4;
    const int rows = std::min(int(m_model->rowCount()), ShownRows);
    const int list = (rows + 3) * rowHeight + 2 * m_view->frameWidth();
    return widget()->sizeHint().height() - m_view->sizeHint().height() + list;
}

void PresetPalette::buildActions()
{
    m_runAction = new QAction(tr("&Run preset"), this);
    m_runAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_runAction->setToolTip(tr("Run the selected preset (Enter or double-click in the list, Ctrl+Enter anywhere)"));
    connect(m_runAction, &QAction::triggered, this, &PresetPalette::runSelected);

    m_newAction = new QAction(tr("&New preset…"), this);
    m_newAction->setShortcut(QKeySequence::New);
    connect(m_newAction, &QAction::triggered, this, [this] {
        Preset blank;
        blank.id = QStringLiteral("my-preset");
        blank.title = tr("My preset");
        saveWithEditor(blank);
    });

    m_importAction = new QAction(tr("&Import presets…"), this);
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_importAction->setToolTip(tr("Add presets from a .json file to your presets; you see them first, nothing runs"));
    connect(m_importAction, &QAction::triggered, this, &PresetPalette::importPresetsDialog);
    m_exportAction = new QAction(tr("&Export presets…"), this);
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(m_exportAction, &QAction::triggered, this, &PresetPalette::exportPresetsDialog);

    m_undoAction = m_undo->createUndoAction(this, tr("&Undo"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_undo->createRedoAction(this, tr("&Redo"));
    m_redoAction->setShortcut(QKeySequence::Redo);

    auto add = [this](const QString &text, const QKeySequence &key, auto slot) {
        auto *action = new QAction(text, this);
        action->setShortcut(key);
        connect(action, &QAction::triggered, this, slot);
        m_selectionActions << action;
    };
    add(tr("&Edit…"), QKeySequence(Qt::Key_F2), [this] { editSelected(); });
    add(tr("&Duplicate"), QKeySequence(Qt::CTRL | Qt::Key_D), [this] { duplicateSelected(); });
    add(tr("De&lete"), QKeySequence::Delete, [this] { deleteSelected(); });
    add(tr("Move &up"), QKeySequence(Qt::ALT | Qt::Key_Up), [this] { moveSelected(-1); });
    add(tr("Move do&wn"), QKeySequence(Qt::ALT | Qt::Key_Down), [this] { moveSelected(1); });
    add(tr("Add to &chain builder"), QKeySequence(Qt::CTRL | Qt::Key_B), [this] { addSelectedToChain(); });
}

void PresetPalette::recordModelEdits()
{
    // A drag inside the list is carried out by the model itself (a seed
    // dropped among "My presets" is copied, a user preset dragged is moved).
    // Record such changes as already done commands, so Undo covers them too.
    connect(m_model, &QAbstractItemModel::rowsMoved, this,
            [this](const QModelIndex &, int start, int, const QModelIndex &, int destination) {
                if (PresetCommand::isApplying())
                    return;
                const int to = destination > start ? destination - 1 : destination;
                m_undo->push(new MovePresetCommand(m_model, m_view, start, to,
                                                   tr("Move \"%1\"").arg(m_model->presetAt(to).title), true));
            });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &parent, int first, int last) {
        if (PresetCommand::isApplying() || parent.isValid())
            return;
        for (int row = first; row <= last; ++row) {
            if (m_model->isUserRow(row)) {
                const Preset &preset = m_model->presetAt(row);
                m_undo->push(new InsertPresetCommand(m_model, m_view, row, preset,
                                                     tr("Add \"%1\"").arg(preset.title), true));
            }
        }
    });
    connect(m_model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex &parent, int first, int last) {
                if (PresetCommand::isApplying() || parent.isValid())
                    return;
                for (int row = last; row >= first; --row) {
                    if (m_model->isUserRow(row))
                        m_removing.append({row, m_model->presetAt(row)});
                }
            });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] {
        // From the last row up, so each undo puts a preset back where it was.
        for (const auto &[row, preset] : std::exchange(m_removing, {}))
            m_undo->push(new RemovePresetCommand(m_model, m_view, row, preset, tr("Delete \"%1\"").arg(preset.title),
                                                 true));
    });
}

void PresetPalette::push(QUndoCommand *command)
{
    m_undo->push(command);
}

const Preset *PresetPalette::currentPreset() const
{
    const QModelIndex index = m_view->currentIndex();
    return index.isValid() ? &m_model->presetAt(index.row()) : nullptr;
}

void PresetPalette::selectPreset(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row));
}

void PresetPalette::runSelected()
{
    if (const Preset *preset = currentPreset())
        emit runRequested(*preset);
    else
        emit statusMessage(tr("Select a preset on the left first."), 5000);
}

void PresetPalette::saveAsPreset(const Preset &preset)
{
    Preset mine = preset;
    if (mine.id.isEmpty() || mine.builtIn)
        mine.id = mine.builtIn ? mine.id + QStringLiteral("-copy") : QStringLiteral("my-preset");
    push(new InsertPresetCommand(m_model, m_view, -1, mine, tr("Add \"%1\"").arg(mine.title)));
    emit statusMessage(tr("Saved \"%1\" to your presets.").arg(mine.title), 5000);
}

void PresetPalette::saveJobAsPreset(const JobRun *run, const JobProcess *job, int row)
{
    if (!run || !job)
        return;
    // The job as it ran: its program, arguments, environment (secrets stay
    // flagged) and timeout; one stage, one copy.
    Preset preset;
    preset.id = QFileInfo(job->spec().stage.program).fileName();
    preset.title = job->spec().stage.commandLine();
    preset.description = tr("Saved from the process table (%1).").arg(run->preset().title);
    preset.stages = {job->spec().stage};
    preset.timeoutSec = job->spec().timeoutSec;
    preset.graceSec = job->spec().graceSec;
    preset.pollIntervalSec = job->spec().pollIntervalSec;
    if (job->spec().feedStdin && job->spec().stageIndex == 0)
        preset.stdinSpec = run->preset().stdinSpec;
    preset.python = run->preset().python;
    push(new InsertPresetCommand(m_model, m_view, row, preset, tr("Add \"%1\"").arg(preset.title)));
    emit statusMessage(tr("Saved \"%1\" to your presets.").arg(preset.title), 5000);
}

void PresetPalette::saveWithEditor(const Preset &preset, const QString &title)
{
    PresetEditor editor(preset, this);
    if (!title.isEmpty())
        editor.setWindowTitle(title);
    if (editor.exec() == QDialog::Accepted)
        saveAsPreset(editor.preset());
}

bool PresetPalette::importPresetsFrom(const QString &path)
{
    const PresetFile::Result result = PresetFile::load(path);
    if (!result.ok()) {
        // Nothing changed: the user's presets are exactly as they were.
        emit statusMessage(tr("Nothing imported — %1").arg(result.error), 15000);
        if (m_confirmImports)
            QMessageBox::warning(this, tr("Cannot import presets"), result.error);
        return false;
    }
    if (m_confirmImports) {
        QStringList lines;
        for (const Preset &preset : result.presets) {
            lines << QStringLiteral("• %1%2 (%3)\n    %4")
                         .arg(preset.runsShell() ? tr("[shell] ") : QString(), preset.title, preset.id,
                              preset.commandLine());
        }
        QMessageBox box(QMessageBox::Question, tr("Import presets?"),
                        tr("%1 holds %2 preset(s). They will be added to your presets; nothing runs now.")
                            .arg(QFileInfo(path).fileName())
                            .arg(result.presets.size()),
                        QMessageBox::Yes | QMessageBox::Cancel, this);
        box.setInformativeText(lines.mid(0, 12).join(QLatin1Char('\n'))
                               + (lines.size() > 12 ? tr("\n… and %1 more").arg(lines.size() - 12) : QString()));
        box.setDefaultButton(QMessageBox::Yes);
        if (box.exec() != QMessageBox::Yes)
            return false;
    }
    // One step to undo, however many the file held.
    m_undo->beginMacro(tr("Import from %1").arg(QFileInfo(path).fileName()));
    for (const Preset &preset : result.presets)
        push(new InsertPresetCommand(m_model, m_view, -1, preset, tr("Add \"%1\"").arg(preset.title)));
    m_undo->endMacro();
    emit statusMessage(tr("Imported %1 preset(s) from %2.").arg(result.presets.size()).arg(path), 8000);
    return true;
}

void PresetPalette::importPresetsDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import presets"), QString(),
                                                      tr("Preset files (*.json);;All files (*)"));
    if (!path.isEmpty())
        importPresetsFrom(path);
}

void PresetPalette::exportPresetsDialog()
{
    const QList<Preset> mine = m_model->userPresets();
    if (mine.isEmpty()) {
        emit statusMessage(tr("You have no presets of your own to export yet."), 8000);
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Export your presets"), QStringLiteral("presets.json"),
                                                      tr("Preset files (*.json)"));
    if (path.isEmpty())
        return;
    bool hasSecrets = false;
    for (const Preset &preset : mine)
        for (const StageSpec &stage : preset.stages)
            hasSecrets = hasSecrets || std::any_of(stage.env.cbegin(), stage.env.cend(), [](const EnvVar &v) { return v.secret; });
    bool withSecrets = false;
    if (hasSecrets) {
        withSecrets = QMessageBox::question(this, tr("Include secrets?"),
                                            tr("Some presets have secret values. Write them into the file in plain "
                                               "text? Choose No to leave them out: whoever imports the file is asked "
                                               "for each value before the preset runs."),
                                            QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
                      == QMessageBox::Yes;
    }
    QString error;
    if (!PresetFile::save(path, mine, &error, withSecrets ? SecretValues::Keep : SecretValues::Omit)) {
        qCWarning(lcUi, "Exporting presets to %s failed: %s", qUtf8Printable(path), qUtf8Printable(error));
        QMessageBox::warning(this, tr("Export failed"), error);
    } else {
        emit statusMessage(tr("Exported %1 preset(s) to %2.").arg(mine.size()).arg(path), 8000);
    }
}

void PresetPalette::duplicateSelected()
{
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid())
        return;
    Preset copy = m_model->presetAt(index.row());
    copy.title = tr("%1 (copy)").arg(copy.title);
    const int row = m_model->isUserRow(index.row()) ? index.row() + 1 : -1;
    push(new InsertPresetCommand(m_model, m_view, row, copy, tr("Duplicate \"%1\"").arg(m_model->presetAt(index.row()).title)));
}

void PresetPalette::deleteSelected()
{
    const int row = m_view->currentIndex().row();
    if (!m_model->isUserRow(row)) {
        emit statusMessage(tr("Seeds cannot be deleted; duplicate one (Ctrl+D) to make your own."), 8000);
        return;
    }
    const Preset removed = m_model->presetAt(row);
    push(new RemovePresetCommand(m_model, m_view, row, removed, tr("Delete \"%1\"").arg(removed.title)));
    emit statusMessage(tr("Deleted \"%1\" — Ctrl+Z brings it back.").arg(removed.title), 8000);
}

void PresetPalette::editSelected()
{
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid())
        return;
    const int row = index.row();
    const Preset original = m_model->presetAt(row);
    if (!m_model->isUserRow(row)) {
        // Seeds stay as they are: an edit becomes a preset of your own.
        saveWithEditor(original, tr("New preset from the seed \"%1\"").arg(original.title));
        return;
    }
    PresetEditor editor(original, this);
    if (editor.exec() != QDialog::Accepted)
        return;
    push(new EditPresetCommand(m_model, m_view, row, original, editor.preset(), tr("Edit \"%1\"").arg(original.title)));
}

void PresetPalette::moveSelected(int delta)
{
    const int row = m_view->currentIndex().row();
    const int to = row + delta;
    // Only among the user's own presets: seeds stay first, session presets last.
    if (!m_model->isUserRow(row) || !m_model->isUserRow(to))
        return;
    push(new MovePresetCommand(m_model, m_view, row, to, tr("Move \"%1\"").arg(m_model->presetAt(row).title)));
}

void PresetPalette::addSelectedToChain()
{
    if (const Preset *preset = currentPreset())
        emit addToChainRequested(*preset);
}

void PresetPalette::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    if (index.isValid())
        m_view->setCurrentIndex(index);
    QMenu menu(this);
    menu.addAction(m_runAction);
    if (index.isValid())
        menu.addActions(m_selectionActions);
    menu.addSeparator();
    menu.addAction(m_undoAction);
    menu.addAction(m_redoAction);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

void PresetPalette::updateDescription()
{
    const Preset *preset = currentPreset();
    if (!preset) {
        m_description->clear();
        return;
    }
    emit currentPresetChanged(*preset);
    QString text = QStringLiteral("<b>%1</b><br><code>%2</code>")
                       .arg(preset->title.toHtmlEscaped(), preset->commandLine().toHtmlEscaped());
    if (preset->copies > 1)
        text += tr(" × %1").arg(preset->copies);
    if (!preset->description.isEmpty())
        text += QStringLiteral("<p>%1</p>").arg(preset->description.toHtmlEscaped());
    m_description->setText(text);
}

void PresetPalette::protectUnreadablePresets(const QString &problem)
{
    m_storeProblem = problem;
    emit statusMessage(tr("%1. The file is left untouched; fix or move it, then restart.").arg(problem), 0);
}

void PresetPalette::saveUserPresets()
{
    if (!m_storeProblem.isEmpty()) {
        qCWarning(lcUi, "Presets not saved: %s", qUtf8Printable(m_storeProblem));
        emit statusMessage(tr("Not saved: %1. Nothing will be written over that file.").arg(m_storeProblem), 15000);
        return;
    }
    QString error;
    if (!PresetStore().save(m_model->userPresets(), &error)) {
        qCWarning(lcUi, "Saving the user's presets failed: %s", qUtf8Printable(error));
        emit statusMessage(tr("Your presets were not saved: %1").arg(error), 15000);
    }
}
