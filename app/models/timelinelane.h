// One lane of the timeline: a child process (or a threads-lab worker) with
// when it ran and what happened to it, in milliseconds from its group's start:
// its running stretches, its CPU % at each sample and when it was paused.
#pragma once

#include "joboutcome.h"

#include <QList>
#include <QString>

struct TimelineLane
{
    // A stretch of running; a job has one, a lab worker behind the GIL many.
    struct Segment
    {
        double startMs = 0;
        double endMs = -1; // -1: still running
    };

    // CPU % over the sample interval ending at ms (100 % = one core); a lab
    // worker has none.
    struct CpuPoint
    {
        double ms = 0;
        double cpuPercent = 0;
    };

    QString label;     // "copy 3/10", "chain 2 · stage 1/2", "worker 2"
    QString command;   // the command line, or the lab's task
    qint64 pid = 0;
    int chain = 0;     // which copy (a fan-out's lane, or a pipeline's chain)
    int stage = 0;     // place in the chain, 0 for the first
    double startMs = -1;  // -1: not started (queued)
    double endMs = -1;    // -1: not finished
    double termMs = -1;   // SIGTERM sent
    double killMs = -1;   // SIGKILL sent
    QList<double> pollMs; // poll() ticks
    QList<Segment> segments;
    QList<CpuPoint> cpu;     // from the job's sampled history, unknown ticks left out
    QList<Segment> paused;   // stopped (SIGSTOP); endMs -1 while still paused
    JobOutcome outcome;
    double timeoutSec = 0;
    double graceSec = 0;

    // For a member of a watched job's family (TimelineGroup::family): how
    // deep below the watched program it sits (0: the program itself), when
    // it exec'd, and which members of the same family read its stdout pipe
    // (indices into that family's list), for the connectors between lanes.
    int depth = -1;
    QList<double> execMs;
    QList<int> pipeTo;

    bool isRunning() const { return startMs >= 0 && endMs < 0; }
};
