// One lane of the timeline: a child process (or a threads-lab worker) with
// when it ran and what happened to it, in milliseconds from its group's start.
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
    JobOutcome outcome;
    double timeoutSec = 0;
    double graceSec = 0;

    bool isRunning() const { return startMs >= 0 && endMs < 0; }
};
