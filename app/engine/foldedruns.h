// What the window let go of to stay fast: the oldest finished runs, folded
// once the table holds more finished jobs than its row limit. Their rows are
// gone, but never silently: this tally is what the table's summary says.
#pragma once

#include <QString>

struct FoldedRuns
{
    int runs = 0;
    qint64 jobs = 0;
    qint64 succeeded = 0; // exit 0
    qint64 failed = 0;    // everything else that ended
    double firstStartedEpochMs = -1; // when the oldest folded run started
    QString lastTitle;    // the newest folded run's title

    bool isEmpty() const { return runs == 0; }
};
