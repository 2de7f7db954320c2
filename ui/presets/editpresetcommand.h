// Undoable: a user preset changed in the editor, swapped in place.
#pragma once

#include "preset.h"
#include "presetcommand.h"

class EditPresetCommand : public PresetCommand
{
public:
    EditPresetCommand(PresetListModel *model, QListView *view, int row, const Preset &before, const Preset &after,
                      const QString &text);

    void redo() override;
    void undo() override;

private:
    void put(Preset *preset);

    int m_row;
    Preset m_before;
    Preset m_after;
};
