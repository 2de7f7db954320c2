// Reading and writing the version 1 preset file format.
#pragma once

#include "preset.h"

#include <QByteArray>
#include <QList>
#include <QString>

class PresetFile
{
public:
    static constexpr int CurrentVersion = 1;
    static constexpr qint64 MaxFileBytes = 16 * 1024 * 1024;

    struct Result
    {
        QList<Preset> presets;
        QString error; // empty on success; names the source and the problem

        bool ok() const { return error.isEmpty(); }
    };

    // sourceName appears in error messages (usually the file path).
    static Result parse(const QByteArray &bytes, const QString &sourceName);
    static Result load(const QString &path);
    // The presets that ship inside the binary (resources/presets/builtin.json).
    static QList<Preset> builtIns();
    // A built-in preset's title and description in the installed translator's
    // language (builtIns() does this; call it again once a translator is in).
    static void translateBuiltIn(Preset *preset);
    // The same for a preset that may be a built-in's copy (a recorded run's,
    // read from a session written in another language or none).
    static void translateTexts(Preset *preset);

    // The presets file is the one file that keeps secret values (it is
    // private, 0600): Keep is the default here, and an export without
    // secrets passes Omit.
    static QByteArray serialize(const QList<Preset> &presets, SecretValues secrets = SecretValues::Keep);
    // Atomic: the old file stays whole if anything fails.
    static bool save(const QString &path, const QList<Preset> &presets, QString *error,
                     SecretValues secrets = SecretValues::Keep);
};
