// What every undoable edit of the preset palette shares: the model it edits,
// the view whose current row follows the edit, and a way for the palette to
// tell its own edits from those the model made by itself on a drag.
#pragma once

#include <QUndoCommand>

class PresetListModel;
class QListView;

class PresetCommand : public QUndoCommand
{
public:
    // True while a command is changing a model. The palette records a model
    // change seen at any other time (a drag inside the list) as a command of
    // its own. GUI thread only, like the models.
    static bool isApplying() { return s_applying > 0; }

protected:
    // alreadyDone: the model made this change itself; the first redo(), which
    // QUndoStack::push() calls, must not make it again.
    PresetCommand(PresetListModel *model, QListView *view, bool alreadyDone, const QString &text);

    // Skips the first redo() of an already done change; true when it did.
    bool skipFirstRedo();
    // Makes row current in the view, so undo and redo show what they touched.
    void select(int row) const;

    // Marks a model change as the command's own for as long as it lives.
    class Applying
    {
    public:
        Applying() { ++s_applying; }
        ~Applying() { --s_applying; }
        Q_DISABLE_COPY(Applying)
    };

    PresetListModel *m_model;
    QListView *m_view;

private:
    bool m_skipRedo;
    static int s_applying;
};
