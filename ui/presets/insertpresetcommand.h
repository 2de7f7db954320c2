// Undoable: a user preset added to the palette (New, Save as preset, a
// duplicate, an import, a table row or a seed dropped on the list).
#pragma once

#include "preset.h"
#include "presetcommand.h"

class InsertPresetCommand : public PresetCommand
{
public:
    // row -1: at the end of the user's presets. With alreadyDone the model
    // holds the preset at row already.
    InsertPresetCommand(PresetListModel *model, QListView *view, int row, const Preset &preset, const QString &text,
                        bool alreadyDone = false);

    void redo() override;
    void undo() override;

    // Where the preset went, once redo() has run.
    int row() const { return m_row; }

private:
    int m_row;
    Preset m_preset;
};
