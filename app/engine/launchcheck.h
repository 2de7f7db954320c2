// Why a stage cannot start, said before it is spawned: an empty command, a
// missing working directory, a program that is not there or not executable,
// a script whose "#!" interpreter is missing or ends in "\r", a secret whose
// value was not given. exec would fail on most of these too, but inside the
// child, with a message that names no file.
#pragma once

#include <QCoreApplication>
#include <QString>

struct StageSpec;

class LaunchCheck
{
    Q_DECLARE_TR_FUNCTIONS(LaunchCheck)
public:
    // Why stage cannot start, or empty; *resolved gets the program found on
    // PATH (empty when the program names a path). A fan-out starts the same
    // program many times in a row, so a check that passed is trusted for
    // PassedCacheMs (per thread): a thousand copies pay for one. Only
    // successes are kept; if the file changes meanwhile, exec itself fails
    // and QProcess reports it.
    static QString problem(const StageSpec &stage, QString *resolved);
    static constexpr qint64 PassedCacheMs = 1000;

private:
    static QString check(const StageSpec &stage, QString *resolved);
    // What is wrong with the "#!" line of the file at path (shown as shown).
    static QString interpreterProblem(const QString &path, const QString &shown);
};
