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
    // The limits every side checks against: the file loader, the editor's
    // fields and every save (through validate()).
    static constexpr int MaxCopies = 1000;
    // A headless --repeat: no window shows the rows, and the runner lets
    // each copy go once it is reported (JobRun's releasing mode).
    static constexpr int MaxHeadlessCopies = 1000000;
    static constexpr int MaxStages = 32;
    static constexpr double MaxTimeoutSec = 7 * 24 * 3600;
    static constexpr double MaxGraceSec = 3600;
    static constexpr double MaxPollIntervalSec = 3600;
    static constexpr double MinPollIntervalSec = 0.01; // when polling at all
    static constexpr int MaxMaxProcesses = 1000000;

    // One problem found by validate(): which field, which stage (for a
    // stage's field, else -1), and a message naming the preset and the field.
    enum class Field { Id, Title, Copies, Stages, Program, TimeoutSec, GraceSec, PollIntervalSec, MaxProcesses, Stdin, Pty };
    struct Problem
    {
        Field field;
        int stage = -1;
        QString message;
    };

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
    // Run in a pseudo-terminal: isatty() is true for stdin, stdout and stderr,
    // so programs line-buffer and colour as they would in a terminal. A
    // terminal has one output stream, so stderr shows merged into stdout.
    // Single-stage presets only (a chain's stages talk through pipes).
    bool pty = false;
    // "pty": "compare": two copies side by side, the first through pipes and
    // the second in a pseudo-terminal, so a difference in buffering shows.
    bool ptyCompare = false;
    QString python;             // the seed's code, shown beside the run
    bool builtIn = false;       // not serialized: set by the loader
    bool sessionOnly = false;   // not serialized: from --presets-file, never saved
    // Trace each job's whole process family (every fork, exec and exit) with
    // ptrace, as --watch does; "watch": true in a preset file.
    bool watch = false;
    // Not serialized: the run watches this running process instead of
    // starting one ("Watch its family from now on", --attach). Its one
    // stage only names the program, for the table; watch is implied.
    qint64 attachPid = 0;
    // Not serialized: with attachPid, let go after this long (0: when the
    // program ends or the user stops the watch).
    double attachForSec = 0;
    // The run that attaches to pid, titled after its command line.
    static Preset attachTo(qint64 pid, const QStringList &argv, double forSec = 0);

    bool isChain() const { return stages.size() > 1; }
    bool runsShell() const;
    // "openssl enc -des3 -pass env:password | md5sum"
    QString commandLine() const;

    // Everything a preset must satisfy to be saved, loaded or run; empty
    // when it is valid. The loader, the editor and every save call this, so
    // what one accepts the others accept too.
    QList<Problem> validate() const;

    // Reports and sessions write it as it is by default, secret values left
    // out (also from the seed's code); the presets file passes Keep.
    QJsonObject toJson(SecretValues secrets = SecretValues::Omit) const;
    // The seed's code with every secret value replaced by a read of its
    // variable (os.environ["NAME"]) or, outside quotes, the mask: what
    // every view and file shows of it.
    QString maskedPython() const;
    // The secrets (by name, each once) this preset needs and does not have:
    // it came from a file that did not keep their values.
    QStringList withheldSecrets() const;
    // Gives every withheld secret called name its value again.
    void supplySecret(const QString &name, const QString &value);
    // On failure returns false with *error naming the preset and the field.
    static bool fromJson(const QJsonObject &json, int index, Preset *out, QString *error);

    // An ad-hoc command typed by the user: split into words as a POSIX shell
    // splits them (ShellWords::split: quotes and backslashes, no expansion)
    // and run without a shell unless viaShell. An unclosed quote is an error.
    static Preset fromCommand(const QString &command, bool viaShell, QString *error);
    // Python code run by python3 under watch, so its children show as the
    // family of one job. The code goes in on stdin ("python3 -"), not in
    // argv. A secret never goes in the code (whose text a report or session
    // keeps): pass the code as maskedPython() gives it, which reads
    // os.environ["NAME"], and the secrets as env, which python3 gets as
    // secret variables of its own.
    static Preset watchedPython(const QString &title, const QString &code, const QList<EnvVar> &env = {});
    // Every secret variable of the preset's stages, each name once.
    QList<EnvVar> secretEnv() const;

    friend bool operator==(const Preset &a, const Preset &b)
    {
        return a.id == b.id && a.title == b.title && a.description == b.description && a.copies == b.copies
               && a.stages == b.stages && a.stdinSpec == b.stdinSpec && a.timeoutSec == b.timeoutSec
               && a.graceSec == b.graceSec && a.pollIntervalSec == b.pollIntervalSec && a.python == b.python
               && a.maxProcesses == b.maxProcesses && a.pty == b.pty && a.ptyCompare == b.ptyCompare
               && a.watch == b.watch;
    }
};
