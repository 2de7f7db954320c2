// A runnable recipe: copies x a pipeline of stages, with stdin, timeouts and
// the seed's Python for teaching. A plain value that converts to and from JSON.
#pragma once

#include "stagespec.h"
#include "stdinspec.h"

#include <QJsonObject>
#include <QList>
#include <QString>

struct Preset
{
    static constexpr int MaxCopies = 1000;
    static constexpr int MaxStages = 32;

    QString id;
    QString title;
    QString description;
    int copies = 1;
    QList<StageSpec> stages;
    StdinSpec stdinSpec;
    double timeoutSec = 0;      // 0: no timeout
    double graceSec = 2;        // SIGTERM -> SIGKILL delay
    double pollIntervalSec = 0; // 0: no polling
    int maxProcesses = 0;       // fork-bomb brake per job (RLIMIT_NPROC); 0: none
    QString python;             // the seed's code, shown beside the run
    bool builtIn = false;       // not serialized: set by the loader
    bool sessionOnly = false;   // not serialized: from --presets-file, never saved

    bool isChain() const { return stages.size() > 1; }
    bool runsShell() const;
    // "openssl enc -des3 -pass env:password | md5sum"
    QString commandLine() const;

    QJsonObject toJson() const;
    // On failure returns false with *error naming the preset and the field.
    static bool fromJson(const QJsonObject &json, int index, Preset *out, QString *error);

    // An ad-hoc command typed by the user: split into words by
    // QProcess::splitCommand (double quotes group words; single quotes are
    // literal) and run without a shell unless viaShell.
    static Preset fromCommand(const QString &command, bool viaShell, QString *error);

    friend bool operator==(const Preset &a, const Preset &b)
    {
        return a.id == b.id && a.title == b.title && a.description == b.description && a.copies == b.copies
               && a.stages == b.stages && a.stdinSpec == b.stdinSpec && a.timeoutSec == b.timeoutSec
               && a.graceSec == b.graceSec && a.pollIntervalSec == b.pollIntervalSec && a.python == b.python
               && a.maxProcesses == b.maxProcesses;
    }
};
