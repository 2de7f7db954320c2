#include "presetfile.h"
#include "atomicfile.h"
#include "presetslog.h"

#include "builtinpresettexts.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QSet>

PresetFile::Result PresetFile::parse(const QByteArray &bytes, const QString &sourceName)
{
    Result result;
    auto fail = [&](const QString &message) {
        result.presets.clear();
        result.error = QStringLiteral("%1: %2").arg(sourceName, message);
        return result;
    };

    if (bytes.size() > MaxFileBytes)
        return fail(QObject::tr("the file is %1 MiB; preset files may be at most %2 MiB")
                        .arg(bytes.size() / (1024 * 1024))
                        .arg(MaxFileBytes / (1024 * 1024)));

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(QObject::tr("not valid JSON at byte %1: %2").arg(parseError.offset).arg(parseError.errorString()));
    if (!doc.isObject())
        return fail(QObject::tr("the top level must be an object with \"version\" and \"presets\""));

    const QJsonObject root = doc.object();
    const QJsonValue version = root.value(QStringLiteral("version"));
    if (!version.isDouble())
        return fail(QObject::tr("\"version\" is missing or not a number; this app reads version %1").arg(CurrentVersion));
    if (version.toDouble() != CurrentVersion)
        return fail(QObject::tr("unknown version %1; this app reads version %2")
                        .arg(version.toDouble())
                        .arg(CurrentVersion));

    const QJsonValue presets = root.value(QStringLiteral("presets"));
    if (!presets.isArray())
        return fail(QObject::tr("\"presets\" must be an array"));

    const QJsonArray array = presets.toArray();
    QSet<QString> ids;
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject())
            return fail(QObject::tr("presets[%1] must be an object").arg(i));
        Preset preset;
        QString error;
        if (!Preset::fromJson(array.at(i).toObject(), int(i), &preset, &error))
            return fail(error);
        if (ids.contains(preset.id))
            return fail(QObject::tr("preset \"%1\" appears twice; ids must be unique").arg(preset.id));
        ids.insert(preset.id);
        result.presets << preset;
    }
    return result;
}

PresetFile::Result PresetFile::load(const QString &path)
{
    QFile file(path);
    const QFileInfo info(path);
    if (info.isDir())
        return {{}, QObject::tr("%1: is a directory, not a preset file").arg(path)};
    if (!file.open(QIODevice::ReadOnly))
        return {{}, QObject::tr("%1: cannot open: %2").arg(path, file.errorString())};
    if (file.size() > MaxFileBytes)
        return {{}, QObject::tr("%1: the file is %2 MiB; preset files may be at most %3 MiB")
                        .arg(path)
                        .arg(file.size() / (1024 * 1024))
                        .arg(MaxFileBytes / (1024 * 1024))};
    return parse(file.read(MaxFileBytes + 1), path);
}

QList<Preset> PresetFile::builtIns()
{
    Result result = load(QStringLiteral(":/presets/builtin.json"));
    // The file is compiled in and covered by tests; failing here is a build defect.
    Q_ASSERT_X(result.ok(), "PresetFile::builtIns", qPrintable(result.error));
    for (Preset &preset : result.presets) {
        preset.builtIn = true;
        translateBuiltIn(&preset);
    }
    return result.presets;
}

void PresetFile::translateBuiltIn(Preset *preset)
{
    if (preset->builtIn)
        translateTexts(preset);
}

void PresetFile::translateTexts(Preset *preset)
{
    // The English text is the key: translating twice changes nothing, and a
    // title of the user's own has no translation.
    preset->title = QCoreApplication::translate(BuiltinPresetTexts::Context, preset->title.toUtf8().constData());
    preset->description =
        QCoreApplication::translate(BuiltinPresetTexts::Context, preset->description.toUtf8().constData());
}

QByteArray PresetFile::serialize(const QList<Preset> &presets, SecretValues secrets)
{
    QJsonArray array;
    for (const Preset &preset : presets)
        array.append(preset.toJson(secrets));
    const QJsonObject root{{QStringLiteral("version"), CurrentVersion}, {QStringLiteral("presets"), array}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool PresetFile::save(const QString &path, const QList<Preset> &presets, QString *error, SecretValues secrets)
{
    // What is saved must load back: the loader refuses a whole file for one
    // bad preset, so a bad one is refused here, before anything is written.
    for (const Preset &preset : presets) {
        const QList<Preset::Problem> problems = preset.validate();
        if (!problems.isEmpty()) {
            *error = QObject::tr("%1: not saved, the previous file is unchanged: %2").arg(path, problems.first().message);
            qCWarning(lcPresets).noquote() << *error;
            return false;
        }
    }
    // A file that carries secret values (an export the user asked to carry
    // them) is the user's alone, as the presets file is.
    bool holdsSecrets = false;
    for (const Preset &preset : presets) {
        for (const StageSpec &stage : preset.stages) {
            for (const EnvVar &var : stage.env)
                holdsSecrets = holdsSecrets || (var.secret && !var.withheld && secrets == SecretValues::Keep);
        }
    }
    return AtomicFile::write(path, serialize(presets, secrets), QObject::tr("the presets"), error,
                             holdsSecrets ? AtomicFile::Access::Private : AtomicFile::Access::Shared);
}
