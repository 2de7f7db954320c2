// The preset list: built-ins first, then any added from files. Drags carry
// preset ids in a private MIME type (never secrets) plus the command line as text.
#pragma once

#include "preset.h"

#include <QAbstractListModel>
#include <QList>

class PresetListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole,
        CommandRole,
        DescriptionRole,
        BuiltInRole,
        ShellRole,
    };
    Q_ENUM(Role)

    static QString mimeType() { return QStringLiteral("application/x-spawnscope-preset-ids"); }

    explicit PresetListModel(QObject *parent = nullptr);

    void setPresets(const QList<Preset> &presets);
    // Adds presets, replacing any with the same id.
    void addPresets(const QList<Preset> &presets);
    const QList<Preset> &presets() const { return m_presets; }
    const Preset &presetAt(int row) const { return m_presets.at(row); }
    // -1 when absent.
    int rowOf(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override;
    // The ids carried by mime data from mimeData(), in order.
    static QStringList idsFromMimeData(const QMimeData *data);

private:
    QList<Preset> m_presets;
};
