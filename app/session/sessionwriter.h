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
QByteArray runText(const JobRun *run);
QByteArray document(const QList<QByteArray> &runTexts);

} // namespace SessionWriter
