#include "preset.h"
#include "shellwords.h"

#include <QJsonArray>
#include <QObject>

#include <algorithm>
#include <cmath>

namespace {

// Reads an optional number field; false with a message when it is not a finite
// number. Ranges are Preset::validate()'s.
bool readNumber(const QJsonObject &json, const char *key, const QString &where, double *out, QString *error)
{
    const QJsonValue value = json.value(QLatin1String(key));
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isDouble() || !std::isfinite(value.toDouble())) {
        *error = QObject::tr("%1.%2 must be a number").arg(where, QLatin1String(key));
        return false;
    }
    *out = value.toDouble();
    return true;
}

bool readString(const QJsonObject &json, const char *key, const QString &where, QString *out, QString *error)
{
    const QJsonValue value = json.value(QLatin1String(key));
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isString()) {
        *error = QObject::tr("%1.%2 must be a string").arg(where, QLatin1String(key));
        return false;
    }
    *out = value.toString();
    return true;
}

} // namespace

bool Preset::runsShell() const
{
    return std::any_of(stages.cbegin(), stages.cend(), [](const StageSpec &s) { return s.runsShell(); });
}

QString Preset::commandLine() const
{
    QStringList parts;
    for (const StageSpec &stage : stages)
        parts << stage.commandLine();
    return parts.join(QStringLiteral(" | "));
}

QJsonObject Preset::toJson(SecretValues secrets) const
{
    QJsonObject json;
    json.insert(QStringLiteral("id"), id);
    json.insert(QStringLiteral("title"), title);
    if (!description.isEmpty())
        json.insert(QStringLiteral("description"), description);
    json.insert(QStringLiteral("copies"), copies);
    QJsonArray stageArray;
    for (const StageSpec &stage : stages)
        stageArray.append(stage.toJson(secrets));
    json.insert(QStringLiteral("stages"), stageArray);
    const QJsonValue stdinJson = stdinSpec.toJson();
    if (!stdinJson.isUndefined())
        json.insert(QStringLiteral("stdin"), stdinJson);
    if (timeoutSec > 0)
        json.insert(QStringLiteral("timeoutSec"), timeoutSec);
    json.insert(QStringLiteral("graceSec"), graceSec);
    if (pollIntervalSec > 0)
        json.insert(QStringLiteral("pollIntervalSec"), pollIntervalSec);
    if (!python.isEmpty())
        json.insert(QStringLiteral("python"), secrets == SecretValues::Keep ? python : maskedPython());
    if (maxProcesses > 0)
        json.insert(QStringLiteral("maxProcesses"), maxProcesses);
    // Only when set: format v1 readers ignore unknown fields, so an older
    // SpawnScope runs such a preset through pipes rather than refusing it.
    if (ptyCompare)
        json.insert(QStringLiteral("pty"), QStringLiteral("compare"));
    else if (pty)
        json.insert(QStringLiteral("pty"), true);
    if (watch)
        json.insert(QStringLiteral("watch"), true);
    return json;
}

QString Preset::maskedPython() const
{
    QString code = python;
    for (const StageSpec &stage : stages) {
        for (const EnvVar &var : stage.env) {
            // An empty value has nothing to hide and would match everywhere.
            if (!var.secret || var.value.isEmpty())
                continue;
            const QString read = QStringLiteral("os.environ[\"%1\"]").arg(var.name);
            for (const QChar quote : {QLatin1Char('\''), QLatin1Char('"')})
                code.replace(quote + var.value + quote, read);
            code.replace(var.value, EnvVar::mask());
        }
    }
    return code;
}

QStringList Preset::withheldSecrets() const
{
    QStringList names;
    for (const StageSpec &stage : stages) {
        for (const QString &name : stage.withheldSecrets()) {
            if (!names.contains(name))
                names << name;
        }
    }
    return names;
}

void Preset::supplySecret(const QString &name, const QString &value)
{
    for (StageSpec &stage : stages) {
        for (EnvVar &var : stage.env) {
            if (var.withheld && var.name == name) {
                var.value = value;
                var.withheld = false;
            }
        }
    }
}

bool Preset::fromJson(const QJsonObject &json, int index, Preset *out, QString *error)
{
    Preset preset;
    QString where = QStringLiteral("presets[%1]").arg(index);

    const QJsonValue id = json.value(QStringLiteral("id"));
    if (!id.isString() || id.toString().trimmed().isEmpty()) {
        *error = QObject::tr("%1.id is missing or not a string: every preset needs an id").arg(where);
        return false;
    }
    preset.id = id.toString().trimmed();
    where = QStringLiteral("preset \"%1\"").arg(preset.id);

    if (!readString(json, "title", where, &preset.title, error)
        || !readString(json, "description", where, &preset.description, error)
        || !readString(json, "python", where, &preset.python, error)) {
        return false;
    }
    if (preset.title.isEmpty())
        preset.title = preset.id;

    // Types and whole numbers are checked here; ranges by validate() below,
    // which the editor and every save use too.
    double copies = 1;
    if (!readNumber(json, "copies", where, &copies, error))
        return false;
    if (copies != std::floor(copies) || copies < 1 || copies > MaxCopies) {
        *error = QObject::tr("%1.copies must be a whole number from 1 to %2").arg(where).arg(MaxCopies);
        return false;
    }
    preset.copies = int(copies);

    if (!readNumber(json, "timeoutSec", where, &preset.timeoutSec, error)
        || !readNumber(json, "graceSec", where, &preset.graceSec, error)
        || !readNumber(json, "pollIntervalSec", where, &preset.pollIntervalSec, error)) {
        return false;
    }
    double maxProcesses = 0;
    if (!readNumber(json, "maxProcesses", where, &maxProcesses, error))
        return false;
    if (maxProcesses != std::floor(maxProcesses) || maxProcesses < 0 || maxProcesses > MaxMaxProcesses) {
        *error = QObject::tr("%1.maxProcesses must be a whole number from 0 to %2").arg(where).arg(MaxMaxProcesses);
        return false;
    }
    preset.maxProcesses = int(maxProcesses);

    const QJsonValue pty = json.value(QStringLiteral("pty"));
    if (pty.isString() && pty.toString() == QLatin1String("compare")) {
        preset.ptyCompare = true;
    } else if (!pty.isUndefined() && !pty.isBool()) {
        *error = QObject::tr("%1.pty must be true, false or \"compare\"").arg(where);
        return false;
    } else {
        preset.pty = pty.toBool(false);
    }

    const QJsonValue watch = json.value(QStringLiteral("watch"));
    if (!watch.isUndefined() && !watch.isBool()) {
        *error = QObject::tr("%1.watch must be true or false").arg(where);
        return false;
    }
    preset.watch = watch.toBool(false);

    const QJsonValue stages = json.value(QStringLiteral("stages"));
    if (!stages.isArray() || stages.toArray().isEmpty()) {
        *error = QObject::tr("%1.stages must be a non-empty array of stages").arg(where);
        return false;
    }
    const QJsonArray stageArray = stages.toArray();
    if (stageArray.size() > MaxStages) {
        *error = QObject::tr("%1.stages has %2 stages; at most %3 are allowed").arg(where).arg(stageArray.size()).arg(MaxStages);
        return false;
    }
    for (qsizetype i = 0; i < stageArray.size(); ++i) {
        const QString stageWhere = QStringLiteral("%1.stages[%2]").arg(where).arg(i);
        if (!stageArray.at(i).isObject()) {
            *error = QObject::tr("%1 must be an object with a \"program\"").arg(stageWhere);
            return false;
        }
        StageSpec stage;
        if (!StageSpec::fromJson(stageArray.at(i).toObject(), stageWhere, &stage, error))
            return false;
        preset.stages << stage;
    }

    if (!StdinSpec::fromJson(json.value(QStringLiteral("stdin")), where + QStringLiteral(".stdin"), &preset.stdinSpec,
                             error)) {
        return false;
    }

    const QList<Problem> problems = preset.validate();
    if (!problems.isEmpty()) {
        *error = problems.first().message;
        return false;
    }
    *out = preset;
    return true;
}

QList<Preset::Problem> Preset::validate() const
{
    QList<Problem> problems;
    const QString where = QStringLiteral("preset \"%1\"").arg(id.isEmpty() ? title : id);
    auto add = [&](Field field, const QString &message, int stage = -1) {
        problems.append(Problem{field, stage, message});
    };
    auto range = [&](Field field, const char *key, double value, double max) {
        if (!std::isfinite(value) || value < 0 || value > max)
            add(field, QObject::tr("%1.%2 must be a number from %3 to %4").arg(where, QLatin1String(key)).arg(0).arg(max));
    };
    if (id.trimmed().isEmpty())
        add(Field::Id, QObject::tr("%1 has no id: every preset needs an id").arg(where));
    if (title.trimmed().isEmpty())
        add(Field::Title, QObject::tr("%1 needs a title").arg(where));
    if (copies < 1 || copies > MaxCopies)
        add(Field::Copies, QObject::tr("%1.copies must be a whole number from 1 to %2").arg(where).arg(MaxCopies));
    range(Field::TimeoutSec, "timeoutSec", timeoutSec, MaxTimeoutSec);
    range(Field::GraceSec, "graceSec", graceSec, MaxGraceSec);
    range(Field::PollIntervalSec, "pollIntervalSec", pollIntervalSec, MaxPollIntervalSec);
    if (pollIntervalSec > 0 && pollIntervalSec < MinPollIntervalSec) {
        add(Field::PollIntervalSec, QObject::tr("%1.pollIntervalSec must be 0 (no polling) or at least %2")
                                        .arg(where).arg(MinPollIntervalSec));
    }
    if (maxProcesses < 0 || maxProcesses > MaxMaxProcesses) {
        add(Field::MaxProcesses,
            QObject::tr("%1.maxProcesses must be a whole number from 0 to %2").arg(where).arg(MaxMaxProcesses));
    }
    if (stages.isEmpty())
        add(Field::Stages, QObject::tr("%1.stages must be a non-empty array of stages").arg(where));
    if (stages.size() > MaxStages) {
        add(Field::Stages, QObject::tr("%1.stages has %2 stages; at most %3 are allowed")
                               .arg(where).arg(stages.size()).arg(MaxStages));
    }
    for (qsizetype i = 0; i < stages.size(); ++i) {
        if (stages.at(i).program.trimmed().isEmpty()) {
            add(Field::Program, QObject::tr("%1.stages[%2].program is empty: stage %3 needs a program to run")
                                    .arg(where).arg(i).arg(i + 1), int(i));
        }
    }
    if (stdinSpec.kind == StdinSpec::Kind::RandomBytes
        && (stdinSpec.randomCount < 0 || stdinSpec.randomCount > StdinSpec::MaxRandomBytes)) {
        add(Field::Stdin, QObject::tr("%1.stdin takes from 0 to %2 random bytes").arg(where).arg(StdinSpec::MaxRandomBytes));
    }
    if (ptyCompare && copies != 2) {
        add(Field::Pty, QObject::tr("%1.pty \"compare\" runs two copies, one through a pipe and one in a terminal: "
                                    "set copies to 2").arg(where));
    }
    if ((pty || ptyCompare) && stages.size() > 1) {
        add(Field::Pty, QObject::tr("%1.pty applies to a single command: a chain's stages are joined by pipes, "
                                    "so remove \"pty\" or keep one stage").arg(where));
    }
    return problems;
}

QList<EnvVar> Preset::secretEnv() const
{
    QList<EnvVar> secrets;
    QStringList names;
    for (const StageSpec &stage : stages) {
        for (const EnvVar &var : stage.env) {
            if (var.secret && !names.contains(var.name)) {
                names << var.name;
                secrets << var;
            }
        }
    }
    return secrets;
}

Preset Preset::watchedPython(const QString &title, const QString &code, const QList<EnvVar> &env)
{
    Preset preset;
    preset.id = QStringLiteral("watched-python");
    preset.title = title;
    StageSpec stage;
    stage.program = QStringLiteral("python3");
    stage.args = {QStringLiteral("-")};
    stage.env = env;
    preset.stages << stage;
    preset.stdinSpec.kind = StdinSpec::Kind::Text;
    preset.stdinSpec.data = code.toUtf8();
    preset.python = code; // the Code tab shows it for this run
    preset.watch = true;
    return preset;
}

Preset Preset::attachTo(qint64 pid, const QStringList &argv, double forSec)
{
    Preset preset;
    preset.id = QStringLiteral("attach");
    StageSpec stage;
    stage.program = argv.value(0, QStringLiteral("pid %1").arg(pid));
    stage.args = argv.mid(1);
    preset.stages << stage;
    const QString line = stage.commandLine().simplified();
    preset.title = QObject::tr("Watching %1 (pid %2)").arg(line.left(80)).arg(pid);
    preset.watch = true;
    preset.attachPid = pid;
    preset.attachForSec = forSec;
    return preset;
}

Preset Preset::fromCommand(const QString &command, bool viaShell, QString *error)
{
    Preset preset;
    const QString trimmed = command.trimmed();
    if (trimmed.isEmpty()) {
        *error = QObject::tr("The command is empty: type a program and its arguments, e.g. sleep 1");
        return preset;
    }
    StageSpec stage;
    if (viaShell) {
        stage.program = QStringLiteral("/bin/sh");
        stage.args = {QStringLiteral("-c"), trimmed};
    } else {
        const ShellWords::Split split = ShellWords::split(trimmed);
        if (!split.ok()) {
            *error = split.error;
            return preset;
        }
        const QStringList &words = split.words;
        if (words.isEmpty() || words.first().isEmpty()) {
            *error = QObject::tr("The command \"%1\" has no program after splitting it into words").arg(trimmed);
            return preset;
        }
        stage.program = words.first();
        stage.args = words.mid(1);
    }
    preset.id = QStringLiteral("command");
    // A title is one line (a row, a lane's header, the status bar); the
    // command itself keeps its newlines.
    preset.title = QString(trimmed).replace(QLatin1Char('\n'), QLatin1Char(' '));
    preset.stages = {stage};
    return preset;
}
