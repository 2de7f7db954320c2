#include "presetlistmodel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMimeData>

#include <algorithm>

PresetListModel::PresetListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void PresetListModel::setPresets(const QList<Preset> &presets)
{
    beginResetModel();
    m_presets = presets;
    endResetModel();
}

void PresetListModel::addPresets(const QList<Preset> &presets)
{
    for (const Preset &preset : presets) {
        const int row = rowOf(preset.id);
        if (row >= 0) {
            m_presets[row] = preset;
            emit dataChanged(index(row), index(row));
            continue;
        }
        const int end = int(m_presets.size());
        beginInsertRows({}, end, end);
        m_presets << preset;
        endInsertRows();
    }
}

int PresetListModel::rowOf(const QString &id) const
{
    const auto it = std::find_if(m_presets.cbegin(), m_presets.cend(), [&id](const Preset &p) { return p.id == id; });
    return it == m_presets.cend() ? -1 : int(it - m_presets.cbegin());
}

int PresetListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_presets.size());
}

QVariant PresetListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Preset &preset = m_presets.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return preset.runsShell() ? tr("%1  [shell]").arg(preset.title) : preset.title;
    case Qt::ToolTipRole: {
        QString tip = QStringLiteral("<b>%1</b> <code>%2</code><br>").arg(preset.title.toHtmlEscaped(), preset.id.toHtmlEscaped());
        if (!preset.description.isEmpty())
            tip += preset.description.toHtmlEscaped() + QStringLiteral("<br>");
        tip += QStringLiteral("<code>%1</code>").arg(preset.commandLine().toHtmlEscaped());
        if (preset.copies > 1)
            tip += tr(" × %1 at once").arg(preset.copies);
        return tip;
    }
    case IdRole:
        return preset.id;
    case CommandRole:
        return preset.commandLine();
    case DescriptionRole:
        return preset.description;
    case BuiltInRole:
        return preset.builtIn;
    case ShellRole:
        return preset.runsShell();
    default:
        return {};
    }
}

Qt::ItemFlags PresetListModel::flags(const QModelIndex &index) const
{
    const Qt::ItemFlags base = QAbstractListModel::flags(index);
    return index.isValid() ? base | Qt::ItemIsDragEnabled : base;
}

QHash<int, QByteArray> PresetListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "presetId");
    names.insert(CommandRole, "command");
    names.insert(DescriptionRole, "description");
    names.insert(BuiltInRole, "builtIn");
    names.insert(ShellRole, "shell");
    return names;
}

QStringList PresetListModel::mimeTypes() const
{
    return {mimeType(), QStringLiteral("text/plain")};
}

QMimeData *PresetListModel::mimeData(const QModelIndexList &indexes) const
{
    QJsonArray ids;
    QStringList lines;
    QModelIndexList sorted = indexes;
    std::sort(sorted.begin(), sorted.end());
    for (const QModelIndex &index : std::as_const(sorted)) {
        if (!index.isValid())
            continue;
        const Preset &preset = m_presets.at(index.row());
        ids.append(preset.id);
        lines << preset.commandLine(); // env values (and so secrets) are not part of it
    }
    auto *data = new QMimeData;
    data->setData(mimeType(), QJsonDocument(ids).toJson(QJsonDocument::Compact));
    data->setText(lines.join(QLatin1Char('\n')));
    return data;
}

Qt::DropActions PresetListModel::supportedDragActions() const
{
    return Qt::CopyAction;
}

QStringList PresetListModel::idsFromMimeData(const QMimeData *data)
{
    QStringList ids;
    if (!data || !data->hasFormat(mimeType()))
        return ids;
    const QJsonDocument doc = QJsonDocument::fromJson(data->data(mimeType()));
    for (const QJsonValue &value : doc.array()) {
        if (value.isString())
            ids << value.toString();
    }
    return ids;
}
