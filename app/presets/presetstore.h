// The user's own presets, kept as a version 1 preset file in the app's config
// directory and always written atomically.
#pragma once

#include "presetfile.h"

#include <QList>
#include <QString>

class PresetStore
{
public:
    // <AppConfigLocation>/presets.json
    static QString defaultPath();

    explicit PresetStore(const QString &path = defaultPath());

    QString path() const { return m_path; }
    // A missing file is an empty, valid store.
    PresetFile::Result load() const;
    // Creates the directory if needed (0700); the file is written 0600, even
    // over an older, wider one. The old file stays whole if anything fails.
    bool save(const QList<Preset> &presets, QString *error) const;

    // Adds imported presets to existing ones; an id that is taken (by a
    // built-in or a user preset) gets a "-2", "-3"... suffix. Returns the
    // presets as added.
    static QList<Preset> merge(QList<Preset> *existing, const QList<Preset> &incoming, const QStringList &takenIds);

    // The same presets with every secret value blanked, for exports that
    // should not carry them.
    static QList<Preset> withoutSecrets(QList<Preset> presets);

private:
    QString m_path;
};
