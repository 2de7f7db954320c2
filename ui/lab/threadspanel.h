// The Threads lab tab: the seed's item 53 side by side, measured live:
// factorize serially, with threads, with threads behind a GIL and with
// processes, and the blocking-I/O demo.
#pragma once

#include "labrequest.h"
#include "labresult.h"

#include <QWidget>

#include <functional>

class ActivityStrip;
class LabChart;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QHBoxLayout;
class QLabel;
class QLayout;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QSplitter;
class ThreadLab;

class ThreadsPanel : public QWidget
{
    Q_OBJECT
public:
    // lab runs the modes and outlives the panel; it is not owned (the
    // composition root creates it with the engine its Processes mode uses).
    explicit ThreadsPanel(ThreadLab *lab, QWidget *parent = nullptr);
    ~ThreadsPanel() override;

    ThreadLab *lab() const { return m_lab; }
    QLineEdit *numbersEdit() const { return m_numbers; }
    QSpinBox *scaleSpin() const { return m_scale; }
    QLabel *estimateLabel() const { return m_estimate; }
    LabChart *cpuChart() const { return m_cpuChart; }
    LabChart *ioChart() const { return m_ioChart; }
    QPlainTextEdit *divisorsView() const { return m_divisors; }
    // Which results the machine's load leaves untrustworthy, and why; hidden when none.
    QLabel *loadWarningLabel() const { return m_loadWarning; }

    // Starts the CPU-bound modes with the panel's inputs; false with the
    // reason shown in the panel when the input is bad or the lab is busy.
    bool runCpu(const QList<LabResult::Mode> &modes);
    bool runBlockingIo(const QList<LabResult::Mode> &modes);
    void cancel();
    // Which workload's runs the activity strip shows.
    void showActivity(LabResult::Workload workload);

    // Off for tests and scripted screenshots: no question before a very long run.
    void setConfirmLongRuns(bool confirm) { m_confirmLongRuns = confirm; }

signals:
    void statusMessage(const QString &message);

private:
    QGroupBox *buildCpuBox();
    QGroupBox *buildIoBox();
    QLayout *buildProgressRow();
    QWidget *buildResults();
    // A button that runs a mode, disabled with the others while one runs.
    QPushButton *addRunButton(QHBoxLayout *row, const QString &text, const QString &tip,
                              const std::function<void()> &run);
    bool readCpuRequest(LabRequest *request);
    void updateEstimate();
    void onModeStarted(LabResult::Mode mode);
    void onModeFinished(const LabResult &result);
    void onFinished(bool cancelled);
    void setBusy(bool busy);
    void showDivisors(const LabResult &result);
    void fitDivisors();
    void updateLoadWarning();
    void restoreSettings();
    void saveSettings() const;

    ThreadLab *m_lab;
    QLineEdit *m_numbers;
    QSpinBox *m_scale;
    QComboBox *m_algorithm;
    QLabel *m_estimate;
    QSpinBox *m_ioWorkers;
    QDoubleSpinBox *m_ioSeconds;
    QProgressBar *m_progress;
    QLabel *m_progressLabel;
    QPushButton *m_cancel;
    QList<QPushButton *> m_runButtons;
    LabChart *m_cpuChart;
    LabChart *m_ioChart;
    ActivityStrip *m_strip;
    QRadioButton *m_showCpu = nullptr;
    QRadioButton *m_showIo = nullptr;
    QLabel *m_loadWarning;
    QPlainTextEdit *m_divisors;
    QSplitter *m_resultsSplitter = nullptr;
    QList<LabResult> m_cpuResults;
    QList<LabResult> m_ioResults;
    LabResult::Workload m_runningWorkload = LabResult::Workload::Cpu;
    bool m_confirmLongRuns = true;
    QString m_inputError; // plain text of the last bad-numbers message
};
