// The window's status bar: the messages every part of the window sends, what
// a run's start did ("Started …", or why a child could not start, also when
// QProcess reports that later), and at its right end "N running · M in the
// table", counted by the engine as children start and end.
#pragma once

#include <QStatusBar>

class JobEngine;
class JobRun;
class QLabel;

class WindowStatusBar : public QStatusBar
{
    Q_OBJECT
public:
    // engine must outlive the status bar.
    explicit WindowStatusBar(JobEngine *engine, QWidget *parent = nullptr);

    // The label at the right end: "N running · M in the table".
    QLabel *counts() const { return m_counts; }
    void updateCounts();
    // "Started …", or the start failure once it is known.
    void reportStart(JobRun *run);

private:
    JobEngine *m_engine;
    QLabel *m_counts;
};
