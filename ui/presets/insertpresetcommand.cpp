#include "insertpresetcommand.h"

#include "presetlistmodel.h"

#include <algorithm>

InsertPresetCommand::InsertPresetCommand(PresetListModel *model, QListView *view, int row, const Preset &preset,
                                         const QString &text, bool alreadyDone)
    : PresetCommand(model, view, alreadyDone, text)
    , m_row(row)
    , m_preset(preset)
{
}

void InsertPresetCommand::redo()
{
    if (skipFirstRedo())
        return;
    Applying applying;
    m_row = m_model->insertUserPreset(m_row, m_preset);
    // Keep what the model made of it (a free id, the user flags), so a redo
    // after an undo brings back the very same preset at the same place.
    m_preset = m_model->presetAt(m_row);
    select(m_row);
}

void InsertPresetCommand::undo()
{
    Applying applying;
    m_model->removeUserPreset(m_row);
    select(std::min(m_row, m_model->rowCount() - 1));
}
