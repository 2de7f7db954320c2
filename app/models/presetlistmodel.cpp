#include "presetlistmodel.h"

#include "mimetypes.h"

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

int PresetListModel::firstUserRow() const
{
    return int(std::count_if(m_presets.cbegin(), m_presets.cend(), [](const Preset &p) { return p.builtIn; }));
}

bool PresetListModel::isUserRow(int row) const
{
    return row >= 0 && row < m_presets.size() && !m_presets.at(row).builtIn && !m_presets.at(row).sessionOnly;
}

QList<Preset> PresetListModel::userPresets() const
{
    QList<Preset> mine;
    for (const Preset &preset : m_presets) {
        if (!preset.builtIn && !preset.sessionOnly)
            mine << preset;
    }
    return mine;
}

QString PresetListModel::freeId(const QString &base) const
{
    QString id = base.isEmpty() ? QStringLiteral("preset") : base;
    for (int n = 2; rowOf(id) >= 0; ++n)
        id = QStringLiteral("%1-%2").arg(base).arg(n);
    return id;
}

int PresetListModel::insertUserPreset(int row, Preset preset)
{
    const int first = firstUserRow();
    int last = first;
    while (last < m_presets.size() && !m_presets.at(last).sessionOnly)
        ++last;
    row = std::clamp(row < 0 ? last : row, first, last);
    preset.builtIn = false;
    preset.sessionOnly = false;
    preset.id = freeId(preset.id);
    beginInsertRows({}, row, row);
    m_presets.insert(row, preset);
    endInsertRows();
    emit userPresetsChanged();
    return row;
}

bool PresetListModel::removeUserPreset(int row, Preset *removed)
{
    if (!isUserRow(row))
        return false;
    beginRemoveRows({}, row, row);
    const Preset preset = m_presets.takeAt(row);
    endRemoveRows();
    if (removed)
        *removed = preset;
    emit userPresetsChanged();
    return true;
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
    case CategoryRole:
        return preset.builtIn ? tr("Seeds") : preset.sessionOnly ? tr("This session") : tr("My presets");
    case SessionRole:
        return preset.sessionOnly;
    default:
        return {};
    }
}

Qt::ItemFlags PresetListModel::flags(const QModelIndex &index) const
{
    const Qt::ItemFlags base = QAbstractListModel::flags(index);
    // Items are not drop targets themselves: drops land between them.
    return index.isValid() ? base | Qt::ItemIsDragEnabled : base | Qt::ItemIsDropEnabled;
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
    return {MimeTypes::PresetIds, MimeTypes::Job, QStringLiteral("text/uri-list"), QStringLiteral("text/plain")};
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
    data->setData(MimeTypes::PresetIds, QJsonDocument(ids).toJson(QJsonDocument::Compact));
    data->setText(lines.join(QLatin1Char('\n')));
    return data;
}

Qt::DropActions PresetListModel::supportedDragActions() const
{
    return Qt::CopyAction | Qt::MoveAction;
}

Qt::DropActions PresetListModel::supportedDropActions() const
{
    return Qt::CopyAction | Qt::MoveAction;
}

bool PresetListModel::canDropMimeData(const QMimeData *data, Qt::DropAction, int, int, const QModelIndex &parent) const
{
    if (!data || parent.isValid())
        return false;
    return data->hasFormat(MimeTypes::PresetIds) || data->hasFormat(MimeTypes::Job) || data->hasUrls();
}

bool PresetListModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                   const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent) || action == Qt::IgnoreAction)
        return false;
    if (data->hasFormat(MimeTypes::Job)) {
        emit jobDropped(data->data(MimeTypes::Job), row);
        return true;
    }
    if (data->hasFormat(MimeTypes::PresetIds)) {
        // A seed (or a copy-drag) dropped among the user's presets becomes a
        // new user preset; moves of user presets go through moveRows().
        int at = row;
        for (const QString &id : idsFromMimeData(data)) {
            const int from = rowOf(id);
            if (from < 0)
                continue;
            if (action == Qt::MoveAction && isUserRow(from)) {
                const int destination = std::max(at < 0 ? int(m_presets.size()) : at, firstUserRow());
                if (moveRows({}, from, 1, {}, destination))
                    at = (from < destination ? destination : destination + 1);
                continue;
            }
            Preset copy = m_presets.at(from);
            at = insertUserPreset(at, copy) + 1;
        }
        return true;
    }
    if (data->hasUrls()) {
        emit filesDropped(data->urls());
        return true;
    }
    return false;
}

bool PresetListModel::moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                               const QModelIndex &destinationParent, int destinationChild)
{
    if (sourceParent.isValid() || destinationParent.isValid() || count != 1 || !isUserRow(sourceRow))
        return false;
    const int first = firstUserRow();
    int end = first;
    while (end < m_presets.size() && !m_presets.at(end).sessionOnly)
        ++end;
    if (destinationChild < first || destinationChild > end || destinationChild == sourceRow
        || destinationChild == sourceRow + 1) {
        return false;
    }
    if (!beginMoveRows({}, sourceRow, sourceRow, {}, destinationChild))
        return false;
    m_presets.move(sourceRow, destinationChild > sourceRow ? destinationChild - 1 : destinationChild);
    endMoveRows();
    emit userPresetsChanged();
    return true;
}

bool PresetListModel::removeRows(int row, int count, const QModelIndex &parent)
{
    // Only user presets can go; a drag of a seed never removes the seed.
    if (parent.isValid() || count < 1)
        return false;
    for (int r = row; r < row + count; ++r) {
        if (!isUserRow(r))
            return false;
    }
    beginRemoveRows({}, row, row + count - 1);
    m_presets.remove(row, count);
    endRemoveRows();
    emit userPresetsChanged();
    return true;
}

QStringList PresetListModel::idsFromMimeData(const QMimeData *data)
{
    QStringList ids;
    if (!data || !data->hasFormat(MimeTypes::PresetIds))
        return ids;
    const QJsonDocument doc = QJsonDocument::fromJson(data->data(MimeTypes::PresetIds));
    for (const QJsonValue &value : doc.array()) {
        if (value.isString())
            ids << value.toString();
    }
    return ids;
}
