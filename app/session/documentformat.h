// What a JSON file says it is: the top-level "format" string, however the
// file is laid out (compact, pretty-printed, keys in any order). Decides
// whether a dropped or opened file is a session or report (opened) or
// presets (imported); recognising the compact spelling alone took a
// pretty-printed report for presets.
//
// Bounded: the file is scanned, not parsed, a chunk at a time, and only
// until the top level's "format" (SpawnScope writes it first), at most
// MaxScanBytes; nested values are skipped without being kept.
#pragma once

#include <QString>

#include <optional>

class QIODevice;

class DocumentFormat
{
public:
    static constexpr qint64 MaxScanBytes = 64LL * 1024 * 1024;

    // The top-level object's "format" string; nullopt when the file is not a
    // JSON object or has no string "format" within MaxScanBytes.
    static std::optional<QString> read(QIODevice *device);
    static std::optional<QString> read(const QString &path);
};
