// Which presets exist in this session and which of them run: the built-ins,
// the user's store, files given for this session only, and imports into the
// store. Values and messages only; the caller prints or shows them.
#pragma once

#include "preset.h"
#include "presetstore.h"

#include <QList>
#include <QString>
#include <QStringList>

class PresetCatalog
{
public:
    // Built-ins, then the user's presets, then those of sessionFiles (which
    // replace a preset of the same id, for this session only); false with
    // *error for a bad file. With userProblem, an unreadable user file is
    // reported there instead and loading goes on without it (the window then
    // must not save over it).
    static bool load(const QStringList &sessionFiles, QList<Preset> *out, QString *error,
                     QString *userProblem = nullptr, const PresetStore &store = PresetStore());

    struct Import
    {
        QList<Preset> added; // as added, with any "-2" suffix an id needed
        QString storePath;
        QString error; // empty on success

        bool ok() const { return error.isEmpty(); }
    };
    // Validates file and adds its presets to the store's; the store's file is
    // left whole on any failure.
    static Import importInto(const QString &file, const PresetStore &store = PresetStore());

    // The presets with these ids, in this order; false with *error naming
    // the first unknown id.
    static bool select(const QList<Preset> &available, const QStringList &ids, QList<Preset> *out, QString *error);
};
