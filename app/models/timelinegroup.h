// A group of timeline lanes sharing one time origin: a run of the job engine
// (its copies and chains), or one mode of the threads lab.
#pragma once

#include "timelinelane.h"

#include <QList>
#include <QtGlobal>
#include <QString>

struct TimelineGroup
{
    enum class Kind { Run, Lab };

    Kind kind = Kind::Run;
    quint64 id = 0;       // stable while the group lives (indexes move when groups go), for a selection
    quint64 runId = 0;    // for Kind::Run
    QString title;        // "#3 Ten sleeps at once"
    int stages = 1;       // > 1: the lanes are chains of this many stages
    double timeoutSec = 0; // the group's timeout, drawn as a dashed line
    QList<TimelineLane> lanes;
    // Per lane (same index), the family the tracer saw under a watched job:
    // one lane per process, in the order they were forked; empty otherwise.
    QList<QList<TimelineLane>> family;

    bool isRunning() const
    {
        for (const TimelineLane &lane : lanes) {
            if (lane.isRunning())
                return true;
        }
        return false;
    }

    // Where the group's last lane ends; a running lane counts up to nowMs.
    double extentMs(double nowMs) const
    {
        double extent = 0;
        for (const TimelineLane &lane : lanes) {
            if (lane.startMs < 0)
                continue;
            extent = qMax(extent, lane.endMs >= 0 ? lane.endMs : nowMs);
            for (const TimelineLane::Segment &segment : lane.segments)
                extent = qMax(extent, segment.endMs);
        }
        return extent;
    }
};
