// A finished run as a session file (or a headless report) recorded it, as a
// value: read off the GUI thread, then turned into a JobRun by
// JobEngine::restore() on it.
#pragma once

#include "jobprocess.h"
#include "preset.h"

#include <QList>
#include <QString>
#include <QUuid>

struct RecordedRun
{
    // Where the figures come from: the session the window keeps across
    // restarts, or a file the user opened.
    enum class Origin { EarlierSession, Opened };

    Preset preset;
    // Which run this is, wherever it is written: what tells a run already
    // in the window from a new one when a file holding it is opened again.
    QUuid uuid;
    qint64 startedAtEpochMs = 0;
    // As recorded, not recomputed from rounded job times.
    double wallMs = 0;
    double sumMs = 0;
    double parallelism = 0;
    // It was still going when SpawnScope quit, and was stopped for that.
    bool endedByQuit = false;
    Origin origin = Origin::EarlierSession;
    QString file; // the file it was read from, for Origin::Opened
    // Copy-major, every job of every copy.
    QList<JobProcess::Record> jobs;
};
