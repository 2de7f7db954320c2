// One tracked root process and everything it started, as one tick of
// ProcessSampler saw them: the unit a job's row, its process tree and its
// report are built from.
#pragma once

#include "processsample.h"

#include <QList>
#include <QString>

struct RootSample
{
    qint64 pid = 0;
    QString tag; // the caller's label from ProcessSampler::add()
    // The root's process group at its first read, which leftGroup compares
    // against; 0 until the root was read.
    qint64 pgrp = 0;
    double sampledMs = -1; // when this tick read the tree, on the sampler's clock

    ProcessSample root;
    // Every descendant seen since add(), in the order first seen; ended ones
    // stay, so a short-lived child is still in the report.
    QList<ProcessSample> descendants;

    // Sums over the root and its live descendants, for a job's summary row.
    double cpuPercent() const;
    qint64 rssKb() const;
    int liveCount() const;
};
