// A session as text: RunReport's document, laid out as ReportStream writes
// it (one job per line, so SessionReader can read it a line at a time), with
// every byte of the kept output tails. Built per run, so the window can keep
// each finished run's text and assemble the file without redoing it.
#pragma once

#include <QByteArray>
#include <QList>

class JobRun;

namespace SessionWriter {

// Whether a session keeps this run: a finished run, not one of the threads
// lab's worker runs (the lab's own results are not in sessions).
bool keeps(const JobRun *run);

// One job's line: its RunReport entry with every kept byte of its output.
QByteArray jobLine(const JobRun *run, int index);

// A run's text in pieces, so that the job lines (made once, as each job
// ends) are only referenced, and the text is assembled off the GUI thread.
struct RunPieces
{
    QByteArray head;
    QList<QByteArray> jobLines;
    QByteArray tail;
};
RunPieces runPieces(const JobRun *run); // every job line made now
QByteArray runText(const RunPieces &pieces);
QByteArray runText(const JobRun *run);

QByteArray document(const QList<QByteArray> &runTexts);
QByteArray document(const QList<RunPieces> &runs);

} // namespace SessionWriter
