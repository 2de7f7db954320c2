// The preset palette, docked at the left of the window: the list of seeds and
// the user's own presets, the selected one's description, the actions on it
// (run, new, edit, duplicate, delete, move, add to the chain, import, export)
// and the undo stack every edit of the list goes through, drags included.
// After each edit the user's presets are saved, unless their file could not
// be read at start (then it is never written over). Running a preset or
// adding it to the chain is asked of the window through signals.
#pragma once

#include "preset.h"

#include <QDockWidget>
#include <QList>

class JobProcess;
class JobRun;
class PresetListModel;
class QAction;
class QLabel;
class QListView;
class QUndoCommand;
class QUndoStack;

class PresetPalette : public QDockWidget
{
    Q_OBJECT
public:
    // model is shared with the chain builder and not owned.
    explicit PresetPalette(PresetListModel *model, QWidget *parent = nullptr);

    PresetListModel *model() const { return m_model; }
    QListView *view() const { return m_view; }
    QUndoStack *undoStack() const { return m_undo; }

    // For the window's menus and toolbar.
    QAction *runAction() const { return m_runAction; }
    QAction *newAction() const { return m_newAction; }
    QAction *importAction() const { return m_importAction; }
    QAction *exportAction() const { return m_exportAction; }
    QAction *undoAction() const { return m_undoAction; }
    QAction *redoAction() const { return m_redoAction; }
    // Edit, duplicate, delete, move up and down, add to the chain: the
    // actions on the selected preset, whose keys work in the list only.
    const QList<QAction *> &selectionActions() const { return m_selectionActions; }

    // The selected preset, or nullptr; valid until the next edit.
    const Preset *currentPreset() const;
    void selectPreset(const QString &id);

    // Each is one step on the undo stack (each drag has one as its keyboard twin).
    void saveAsPreset(const Preset &preset);
    void saveJobAsPreset(const JobRun *run, const JobProcess *job, int row = -1);
    // Opens the editor on preset (titled title when not empty) and keeps the result.
    void saveWithEditor(const Preset &preset, const QString &title = QString());
    // Shows what the file holds and asks before adding; nothing runs.
    bool importPresetsFrom(const QString &path);
    void duplicateSelected();
    void deleteSelected();
    void editSelected();
    void moveSelected(int delta);
    void addSelectedToChain();
    void runSelected();

    // The user's presets file could not be read: say so, and never save over
    // it in this session (so nothing in it is lost).
    void protectUnreadablePresets(const QString &problem);
    // Off for tests: import without the confirmation dialog.
    void setConfirmImports(bool confirm) { m_confirmImports = confirm; }

    // The dock's height that shows every preset (up to ShownRows) whole,
    // for the window's first layout.
    int preferredHeight() const;

signals:
    void runRequested(const Preset &preset);
    void addToChainRequested(const Preset &preset);
    // The selection moved to another preset (not emitted when it is cleared).
    void currentPresetChanged(const Preset &preset);
    void statusMessage(const QString &message, int timeoutMs);

private:
    // Lines of description shown before it scrolls.
    static constexpr int DescriptionLines = 7;
    // Rows the list shows whole before it scrolls (the seeds are ten).
    static constexpr int ShownRows = 12;

    void buildActions();
    void recordModelEdits();
    void push(QUndoCommand *command);
    void importPresetsDialog();
    void exportPresetsDialog();
    void showContextMenu(const QPoint &pos);
    void updateDescription();
    void saveUserPresets();

    PresetListModel *m_model;
    QListView *m_view;
    QLabel *m_description;
    QUndoStack *m_undo;

    QAction *m_runAction = nullptr;
    QAction *m_newAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QList<QAction *> m_selectionActions;

    // Rows a drag is removing by itself, kept until they are gone (for undo).
    QList<std::pair<int, Preset>> m_removing;
    bool m_confirmImports = true;
    QString m_storeProblem; // non-empty: the presets file is not to be written
};
