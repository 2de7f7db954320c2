// Undoable: a user preset moved up or down among the user's presets (with
// Alt+Up/Down or by a drag inside the list).
#pragma once

#include "presetcommand.h"

class MovePresetCommand : public PresetCommand
{
public:
    // from and to are rows before and after the move.
    MovePresetCommand(PresetListModel *model, QListView *view, int from, int to, const QString &text,
                      bool alreadyDone = false);

    void redo() override;
    void undo() override;

private:
    void move(int from, int to);

    int m_from;
    int m_to;
};
