#include "presetcommand.h"

#include "presetlistmodel.h"

#include <QListView>

int PresetCommand::s_applying = 0;

PresetCommand::PresetCommand(PresetListModel *model, QListView *view, bool alreadyDone, const QString &text)
    : QUndoCommand(text)
    , m_model(model)
    , m_view(view)
    , m_skipRedo(alreadyDone)
{
}

bool PresetCommand::skipFirstRedo()
{
    const bool skip = m_skipRedo;
    m_skipRedo = false;
    return skip;
}

void PresetCommand::select(int row) const
{
    if (m_view && row >= 0 && row < m_model->rowCount())
        m_view->setCurrentIndex(m_model->index(row));
}
