// The pane under the table: what the selected job or group ran, what it wrote,
// what it used (the Resources tab's chart) and what its exit means.
#pragma once

#include <QElapsedTimer>
#include <QWidget>

class ElidedHeader;
class QLabel;
class JobProcess;
class JobRun;
class OutputFindBar;
class QCheckBox;
class ResourceChart;
class StyledOutput;
class QLineEdit;
class QPlainTextEdit;
class QTabWidget;
class QTimer;

class JobDetailPane : public QWidget
{
    Q_OBJECT
public:
    // What a stream view shows: the end of the kept tail, within these budgets,
    // so a flooding child costs the GUI thread little (the full tail is in reports).
    static constexpr qsizetype ShownBytes = 16 * 1024;
    static constexpr qsizetype ShownBytesPerJobInGroup = 4 * 1024;
    static constexpr int ShownLines = 400;
    // Output views re-render at most this often while bytes keep coming.
    static constexpr int StreamRefreshMs = 300;
    // While Ctrl+F is open the views show this much of the kept output, so a
    // search reaches all of it (a tail keeps at most 1 MiB per stream).
    static constexpr qsizetype SearchedBytes = 1024 * 1024;
    static constexpr int SearchedLines = 50000;
    // A group's overview lists its first jobs, then at most as many failed ones.
    static constexpr int ListedJobs = 100;

    explicit JobDetailPane(QWidget *parent = nullptr);

    // job == nullptr shows the whole run; run == nullptr clears the pane.
    void showJob(JobRun *run, JobProcess *job);
    void refresh();

    JobRun *run() const { return m_run; }
    JobProcess *job() const { return m_job; }
    bool hexMode() const;
    void setHexMode(bool hex);
    QString headerText() const;
    ElidedHeader *header() const;
    // The Overview's text as composed, before it is wrapped to the view.
    QString overviewText() const;
    QString stdoutText() const;
    // The stdout view itself, whose document carries the output's colours.
    QPlainTextEdit *stdoutView() const { return m_stdout; }
    QPlainTextEdit *overviewView() const { return m_overview; }
    QString stderrText() const;
    OutputFindBar *findBar() const { return m_find; }
    ResourceChart *resourceChart() const { return m_chart; }
    // "overview", "stdout", "stderr" or "resources" in front; false for another name.
    bool showTab(const QString &name);
    // Ctrl+F: opens the find bar on the output tab in front.
    void openFind();
    // The line under the output for a job with its stdin kept open: Enter
    // sends the line and a newline, Ctrl+D ends input. Hidden otherwise.
    QLineEdit *inputLine() const { return m_input; }

private:
    QPlainTextEdit *currentTextView() const;
    QString describeJob(const JobProcess *job) const;
    static QStringList watchedFamilyLines(const JobProcess *job);
    QString describeRun(const JobRun *run) const;
    // Appends one stream's shown part to text: styled by its ANSI escapes,
    // unless it is hex or binary.
    // note, if given, receives the line that says what part of the stream is
    // shown ("… showing the last 1.0 MiB of 6.40 GiB written"), or nothing.
    void renderStream(StyledOutput &text, const JobProcess *job, bool stdoutStream, qsizetype budget,
                      QString *note = nullptr) const;
    // The job typed input goes to: the selected one, or a run's only job.
    JobProcess *inputTarget() const;
    void sendInputLine();
    void renderStreams(const QList<JobProcess *> &jobs, qint64 outBytes, qint64 errBytes);
    void showOverview(const QString &text);
    int overviewWidth() const; // what a line of the Overview may take, in pixels
    bool eventFilter(QObject *watched, QEvent *event) override;
    static void setTextKeepingScroll(QPlainTextEdit *edit, const QString &text);
    static void setTextKeepingScroll(QPlainTextEdit *edit, const StyledOutput &text);

    JobRun *m_run = nullptr;
    JobProcess *m_job = nullptr;
    ElidedHeader *m_header;
    QTabWidget *m_tabs;
    QPlainTextEdit *m_overview;
    QPlainTextEdit *m_stdout;
    QPlainTextEdit *m_stderr;
    QPlainTextEdit *m_python;
    ResourceChart *m_chart;
    QCheckBox *m_hex;
    QLabel *m_stdoutNote; // what part of stdout is shown, where the view's scrolling cannot hide it
    QLineEdit *m_input;
    qint64 m_shownOut = -1;
    qint64 m_shownErr = -1;
    QString m_shownOverview;
    int m_overviewWidth = -1;
    QString m_overviewSource; // before wrapHanging
    QElapsedTimer m_sinceStreams;
    QTimer *m_deferredStreams;
    OutputFindBar *m_find;
};
