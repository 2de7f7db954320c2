// Undoable: a user preset deleted from the palette (seeds cannot be).
#pragma once

#include "preset.h"
#include "presetcommand.h"

class RemovePresetCommand : public PresetCommand
{
public:
    // preset is what row holds (or, with alreadyDone, held before the model
    // removed it itself).
    RemovePresetCommand(PresetListModel *model, QListView *view, int row, const Preset &preset, const QString &text,
                        bool alreadyDone = false);

    void redo() override;
    void undo() override;

private:
    int m_row;
    Preset m_preset;
};
