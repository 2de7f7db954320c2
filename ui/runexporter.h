// What ran, and what the window shows, written out for later: File → Export
// runs (GNU parallel job log as TSV or JSON, a Chrome/Perfetto trace) and the
// screenshots (to a PNG file or the clipboard, of the whole window or of the
// panel in front). It asks for the file, writes it atomically, and reports
// the result as a status message, a dialog when a write fails, and a line in
// the spawnscope.ui log.
#pragma once

#include <QImage>
#include <QObject>

class JobEngine;
class QTabWidget;
class QWidget;

class RunExporter : public QObject
{
    Q_OBJECT
public:
    enum class Format { JoblogTsv, JoblogJson, Trace };
    Q_ENUM(Format)

    // window is captured whole and parents the dialogs; panels' current
    // widget is "the current panel". None of them is owned.
    RunExporter(const JobEngine *engine, QWidget *window, QTabWidget *panels, QObject *parent = nullptr);

    // Asks for a file, then writes every finished group in format.
    void exportRunsDialog(Format format);
    // Writes every finished group to path; false (with the reason shown) on failure.
    bool exportRuns(Format format, const QString &path);

    // The whole window, or only the panel in front.
    QImage screenshot(bool panelOnly) const;
    void saveScreenshotDialog(bool panelOnly);
    bool saveScreenshot(bool panelOnly, const QString &path);
    void copyScreenshot(bool panelOnly);

    // Off for tests: failures are only reported, no dialog waits for a click.
    void setShowDialogs(bool show) { m_showDialogs = show; }

signals:
    void statusMessage(const QString &message, int timeoutMs);

private:
    void reportFailure(const QString &title, const QString &path, const QString &error);

    const JobEngine *m_engine;
    QWidget *m_window;
    QTabWidget *m_panels;
    bool m_showDialogs = true;
};
