// Two runs side by side, as figures: wall time, the children's time added
// up (Σ), parallelism, CPU time, peak memory and failures, each with B ÷ A.
// The teaching use: the seed's fan-out run serially and in parallel, or
// SpawnScope's run of a lesson next to CPython's.
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

class JobRun;

class RunComparison
{
    Q_DECLARE_TR_FUNCTIONS(RunComparison)
public:
    struct Row
    {
        QString label;
        QString tooltip;
        double a = -1; // -1: not known for that run
        double b = -1;
        QString aText;
        QString bText;
        QString ratioText; // "×2.31", or "—" when either is unknown or zero
    };

    static QList<Row> compare(const JobRun *a, const JobRun *b);
    static QString ratio(double a, double b);
};
