#include "editpresetcommand.h"

#include "presetlistmodel.h"

EditPresetCommand::EditPresetCommand(PresetListModel *model, QListView *view, int row, const Preset &before,
                                     const Preset &after, const QString &text)
    : PresetCommand(model, view, false, text)
    , m_row(row)
    , m_before(before)
    , m_after(after)
{
}

void EditPresetCommand::put(Preset *preset)
{
    // The model has no "replace": out and back in at the same row, which also
    // gives the preset a free id if the editor chose one that is taken.
    Applying applying;
    m_model->removeUserPreset(m_row);
    m_row = m_model->insertUserPreset(m_row, *preset);
    *preset = m_model->presetAt(m_row);
    select(m_row);
}

void EditPresetCommand::redo()
{
    put(&m_after);
}

void EditPresetCommand::undo()
{
    put(&m_before);
}
