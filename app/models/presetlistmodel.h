// The preset palette: the built-in seeds first (read-only), then the user's
// own presets (reorderable, saved), then any added for this session. Drags
// carry preset ids in a private MIME type (never secrets) plus the command
// line as text; drops of process-table rows and files are handed up as signals.
#pragma once

#include "preset.h"

#include <QAbstractListModel>
#include <QList>
#include <QUrl>

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
        CategoryRole, // "Seeds", "My presets", "This session"
        SessionRole,
    };
    Q_ENUM(Role)

    explicit PresetListModel(QObject *parent = nullptr);

    void setPresets(const QList<Preset> &presets);
    // Adds presets, replacing any with the same id.
    void addPresets(const QList<Preset> &presets);
    const QList<Preset> &presets() const { return m_presets; }
    const Preset &presetAt(int row) const { return m_presets.at(row); }
    // -1 when absent.
    int rowOf(const QString &id) const;
    // Where the user's presets begin (after the seeds).
    int firstUserRow() const;
    bool isUserRow(int row) const;
    // The presets that are saved: neither seeds nor session-only.
    QList<Preset> userPresets() const;
    // Inserts a user preset at row (clamped into the user area), giving it a
    // free id; returns its row.
    int insertUserPreset(int row, Preset preset);
    // Removes a user preset; false for seeds.
    bool removeUserPreset(int row, Preset *removed = nullptr);
    QString freeId(const QString &base) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override;
    Qt::DropActions supportedDropActions() const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;
    // Reorders within the user's presets only.
    bool moveRows(const QModelIndex &sourceParent, int sourceRow, int count, const QModelIndex &destinationParent,
                  int destinationChild) override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;
    // The ids carried by mime data from mimeData(), in order.
    static QStringList idsFromMimeData(const QMimeData *data);

signals:
    // The saved presets changed (added, removed, edited or reordered).
    void userPresetsChanged();
    // A process-table row was dropped at row: payload is MimeTypes::Job's data.
    void jobDropped(const QByteArray &payload, int row);
    // Files were dropped (to import, after the user has seen them).
    void filesDropped(const QList<QUrl> &urls);

private:
    QList<Preset> m_presets;
};
