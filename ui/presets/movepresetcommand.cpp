#include "movepresetcommand.h"

#include "presetlistmodel.h"

MovePresetCommand::MovePresetCommand(PresetListModel *model, QListView *view, int from, int to, const QString &text,
                                     bool alreadyDone)
    : PresetCommand(model, view, alreadyDone, text)
    , m_from(from)
    , m_to(to)
{
}

void MovePresetCommand::move(int from, int to)
{
    Applying applying;
    // moveRows() takes the row the preset goes in front of, counted before the move.
    if (m_model->moveRows({}, from, 1, {}, to > from ? to + 1 : to))
        select(to);
}

void MovePresetCommand::redo()
{
    if (skipFirstRedo())
        return;
    move(m_from, m_to);
}

void MovePresetCommand::undo()
{
    move(m_to, m_from);
}
