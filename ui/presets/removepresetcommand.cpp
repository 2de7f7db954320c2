#include "removepresetcommand.h"

#include "presetlistmodel.h"

#include <algorithm>

RemovePresetCommand::RemovePresetCommand(PresetListModel *model, QListView *view, int row, const Preset &preset,
                                         const QString &text, bool alreadyDone)
    : PresetCommand(model, view, alreadyDone, text)
    , m_row(row)
    , m_preset(preset)
{
}

void RemovePresetCommand::redo()
{
    if (skipFirstRedo())
        return;
    Applying applying;
    m_model->removeUserPreset(m_row, &m_preset);
    select(std::min(m_row, m_model->rowCount() - 1));
}

void RemovePresetCommand::undo()
{
    Applying applying;
    m_row = m_model->insertUserPreset(m_row, m_preset);
    select(m_row);
}
