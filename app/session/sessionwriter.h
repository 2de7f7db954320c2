// A session as text: RunReport's document, laid out as ReportStream writes
// it (one job per line, so SessionReader can read it a line at a time), with
// every byte of the kept output tails. Built per run, so the window can keep
// each finished run's text and assemble the file without redoing it.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

class JobRun;

namespace SessionWriter {

// Whether a session keeps this run: a finished run, not one of the threads
// lab's worker runs (the lab's own results are not in sessions).
bool keeps(const JobRun *run);

// What a session keeps of each stream of a job at most: its last 64 KiB,
// as a report does (the counts stay exact; --output-dir keeps everything).
// A whole 1 MiB tail per job made 300 chatty jobs cost 850 MiB of memory
// while the lines were made; SessionKeeper cuts older jobs further still.
constexpr qsizetype JobKeepBytes = 64 * 1024;

// One job's line: its RunReport entry with the last keepBytes of each kept
// stream, exactly (RunReport::TextMode::Session).
QByteArray jobLine(const JobRun *run, int index, qsizetype keepBytes = JobKeepBytes);

// A run's text in pieces, so that the job lines (made once, as each job
// ends) are only referenced, and the text is assembled off the GUI thread.
struct RunPieces
{
    QByteArray head;
    QList<QByteArray> jobLines;
    QByteArray tail;
};
RunPieces runPieces(const JobRun *run); // every job line made now

// The document, laid out as ReportStream writes a report. document() holds
// it whole (for tests and small sessions); write() writes it piece by piece
// (StreamedFile: atomic, "-" is stdout), never holding it whole, false with
// *error naming the file and why.
QByteArray document(const QList<RunPieces> &runs);
bool write(const QString &path, const QList<RunPieces> &runs, QString *error);

} // namespace SessionWriter
