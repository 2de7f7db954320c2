#include "presetcatalog.h"

#include "presetfile.h"

#include <QObject>

#include <algorithm>

bool PresetCatalog::load(const QStringList &sessionFiles, QList<Preset> *out, QString *error, QString *userProblem,
                         const PresetStore &store)
{
    QList<Preset> presets = PresetFile::builtIns();
    const PresetFile::Result user = store.load();
    if (!user.ok()) {
        // The user's file is left exactly as it is; they can fix or move it.
        const QString problem = QObject::tr("your presets could not be read: %1").arg(user.error);
        if (!userProblem) {
            *error = problem;
            return false;
        }
        *userProblem = problem;
    }
    QStringList builtInIds;
    for (const Preset &preset : std::as_const(presets))
        builtInIds << preset.id;
    QList<Preset> mine;
    PresetStore::merge(&mine, user.presets, builtInIds);
    presets << mine;
    for (const QString &path : sessionFiles) {
        const PresetFile::Result result = PresetFile::load(path);
        if (!result.ok()) {
            *error = result.error;
            return false;
        }
        for (Preset preset : result.presets) {
            preset.sessionOnly = true;
            auto it = std::find_if(presets.begin(), presets.end(), [&](const Preset &p) { return p.id == preset.id; });
            if (it != presets.end())
                *it = preset;
            else
                presets << preset;
        }
    }
    *out = presets;
    return true;
}

PresetCatalog::Import PresetCatalog::importInto(const QString &file, const PresetStore &store)
{
    Import result;
    result.storePath = store.path();
    const PresetFile::Result incoming = PresetFile::load(file);
    if (!incoming.ok()) {
        result.error = incoming.error;
        return result;
    }
    PresetFile::Result existing = store.load();
    if (!existing.ok()) {
        result.error = QObject::tr("your presets could not be read, so nothing was imported: %1").arg(existing.error);
        return result;
    }
    QStringList builtInIds;
    for (const Preset &preset : PresetFile::builtIns())
        builtInIds << preset.id;
    const QList<Preset> added = PresetStore::merge(&existing.presets, incoming.presets, builtInIds);
    if (!store.save(existing.presets, &result.error))
        return result;
    result.added = added;
    return result;
}

bool PresetCatalog::select(const QList<Preset> &available, const QStringList &ids, QList<Preset> *out, QString *error)
{
    QList<Preset> chosen;
    for (const QString &id : ids) {
        auto it = std::find_if(available.cbegin(), available.cend(), [&](const Preset &p) { return p.id == id; });
        if (it == available.cend()) {
            *error = QObject::tr("unknown preset \"%1\" (see --list-presets)").arg(id);
            return false;
        }
        chosen << *it;
    }
    *out = chosen;
    return true;
}
