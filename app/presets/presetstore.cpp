#include "presetstore.h"

#include "atomicfile.h"
#include "privatedir.h"

#include <QFileInfo>
#include <QSet>
#include <QStandardPaths>

QString PresetStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/presets.json");
}

PresetStore::PresetStore(const QString &path)
    : m_path(path)
{
}

PresetFile::Result PresetStore::load() const
{
    if (!QFileInfo::exists(m_path))
        return {};
    PresetFile::Result result = PresetFile::load(m_path);
    for (Preset &preset : result.presets)
        preset.builtIn = false;
    return result;
}

bool PresetStore::save(const QList<Preset> &presets, QString *error) const
{
    // What is saved must load back: PresetFile::save refuses a bad preset,
    // in its words, before anything is written.
    for (const Preset &preset : presets) {
        if (!preset.validate().isEmpty())
            return PresetFile::save(m_path, presets, error);
    }
    // The file keeps secret values (a preset needs them to run), so it is
    // the user's alone, in a folder that is the user's alone.
    if (!PrivateDir::make(QFileInfo(m_path).absolutePath(), error))
        return false;
    return AtomicFile::write(m_path, PresetFile::serialize(presets), QObject::tr("the presets"), error,
                             AtomicFile::Access::Private);
}

QList<Preset> PresetStore::merge(QList<Preset> *existing, const QList<Preset> &incoming, const QStringList &takenIds)
{
    QSet<QString> taken(takenIds.cbegin(), takenIds.cend());
    for (const Preset &preset : std::as_const(*existing))
        taken.insert(preset.id);
    QList<Preset> added;
    for (Preset preset : incoming) {
        const QString base = preset.id;
        for (int n = 2; taken.contains(preset.id); ++n)
            preset.id = QStringLiteral("%1-%2").arg(base).arg(n);
        preset.builtIn = false;
        preset.sessionOnly = false;
        taken.insert(preset.id);
        existing->append(preset);
        added << preset;
    }
    return added;
}

QList<Preset> PresetStore::withoutSecrets(QList<Preset> presets)
{
    for (Preset &preset : presets) {
        for (StageSpec &stage : preset.stages) {
            for (EnvVar &var : stage.env) {
                if (var.secret)
                    var.value.clear();
            }
        }
    }
    return presets;
}
