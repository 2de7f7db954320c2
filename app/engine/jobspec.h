// Everything one JobProcess needs to run one child.
#pragma once

#include "outputtail.h"
#include "stagespec.h"

#include <QByteArray>
#include <QString>

struct JobSpec
{
    StageSpec stage;
    int copy = 0;  // index within the fan-out
    int stageIndex = 0;
    double timeoutSec = 0;
    double graceSec = 2;
    double pollIntervalSec = 0;
    bool feedStdin = false; // write stdinData, then close stdin (EOF)
    QByteArray stdinData;
    // Keep stdin open for JobProcess::writeInput() until closeInput().
    bool interactiveStdin = false;
    // A pseudo-terminal as stdin, stdout and stderr (stderr merges into the
    // stdout tail). Ignored for a chain's stages, which pipes join.
    bool pty = false;
    qsizetype tailCapacity = OutputTail::DefaultCapacity;
    // Fork-bomb brake: at most this many more processes for the user while the
    // job runs (RLIMIT_NPROC in the child); 0 for no brake. Root is exempt.
    int maxProcesses = 0;
    // Run the program under the ptrace tracer (spawnscope --trace-worker), so
    // that its whole process family is recorded (JobProcess::family()).
    bool watch = false;
    // Watch this running process (and its descendants) instead of starting
    // the stage's program: the tracer attaches to it (implies watch).
    qint64 attachPid = 0;
    // With attachPid: let go after this long; 0 for when it ends or is stopped.
    double attachForSec = 0;
    // Where the job's full stdout and stderr are written as they arrive
    // (OutputDir's layout: this job's own directory); empty for none.
    QString outputDir;
};
