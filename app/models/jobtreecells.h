// What each kind of row in the process table shows, cell by cell: a run (its
// group row), a job, a watched job's family member, a sampled descendant.
// JobTreeModel finds the row and the role; the tooltip and the value of one
// cell come from here, one pair of functions per row kind. A value is the
// formatted text (DisplayRole) or, when raw, the number behind it (RawRole,
// for sorting and painting); an unknown resource is an empty cell, raw -1.
#pragma once

#include "jobtreemodel.h"
#include "processfamily.h"

#include <QCoreApplication>
#include <QVariant>

class JobProcess;
class JobRun;
struct ProcessSample;

class JobTreeCells
{
    Q_DECLARE_TR_FUNCTIONS(JobTreeCells)
public:
    static QVariant runToolTip(const JobRun *run, int column);
    // totals: the run's jobs' resource totals (JobTreeModel keeps them).
    static QVariant runValue(const JobRun *run, const JobTreeModel::Totals &totals, int column, bool raw);
    static QVariant jobToolTip(const JobProcess *job, int column);
    static QVariant jobValue(const JobRun *run, int jobIndex, int column, bool raw);
    // A watched job's member (one of job->family()'s).
    static QVariant familyToolTip(const JobProcess *job, const ProcessFamily::Member &member, int column);
    static QVariant familyValue(const JobProcess *job, const ProcessFamily::Member &member, int column, bool raw);
    static QVariant descendantToolTip(const ProcessSample &process, int column);
    static QVariant descendantValue(const ProcessSample &process, int column, bool raw);
};
