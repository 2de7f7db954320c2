#include "threadspanel.h"
#include "settingskeys.h"

#include "activitystrip.h"
#include "factorizer.h"
#include "labchart.h"
#include "theme.h"
#include "threadlab.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QRadioButton>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QTextDocument>
#include <QVBoxLayout>

#include <cmath>

namespace {

constexpr double kTargetSerialSeconds = 1.5;
constexpr double kConfirmAboveSeconds = 300;

} // namespace

ThreadsPanel::ThreadsPanel(ThreadLab *lab, QWidget *parent)
    : QWidget(parent)
    , m_lab(lab)
    , m_numbers(new QLineEdit(this))
    , m_scale(new QSpinBox(this))
    , m_algorithm(new QComboBox(this))
    , m_estimate(new QLabel(this))
    , m_ioWorkers(new QSpinBox(this))
    , m_ioSeconds(new QDoubleSpinBox(this))
    , m_progress(new QProgressBar(this))
    , m_progressLabel(new QLabel(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_cpuChart(new LabChart(tr("CPU-bound: factorize (wall time; shorter is faster)"), this))
    , m_ioChart(new LabChart(tr("Blocking I/O (wall time)"), this))
    , m_strip(new ActivityStrip(this))
    , m_loadWarning(new QLabel(this))
    , m_divisors(new QPlainTextEdit(this))
{
    auto *lesson = new QLabel(
        tr("<b>Item 53: use threads for blocking I/O, avoid them for parallelism.</b> CPython runs one thread at a time "
           "(the GIL), so threads give no speed-up on CPU-bound work, yet they overlap blocking calls. SpawnScope is "
           "C++, so its <i>Threads</i> really run in parallel; <i>Threads + GIL</i> adds one global lock handed over "
           "every 5 ms, as CPython does, and <i>Processes</i> starts one child per number, as multiprocessing would."),
        this);
    lesson->setWordWrap(true);

    auto *inputs = new QHBoxLayout;
    inputs->addWidget(buildCpuBox(), 3);
    inputs->addWidget(buildIoBox(), 2);
    QLayout *progressRow = buildProgressRow();
    QWidget *results = buildResults();
    auto *charts = new QHBoxLayout;
    charts->addWidget(m_cpuChart, 3);
    charts->addWidget(m_ioChart, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(lesson);
    layout->addLayout(inputs);
    layout->addLayout(progressRow);
    layout->addLayout(charts);
    layout->addWidget(m_loadWarning);
    layout->addWidget(results, 1);

    connect(m_numbers, &QLineEdit::textChanged, this, &ThreadsPanel::updateEstimate);
    connect(m_scale, &QSpinBox::valueChanged, this, &ThreadsPanel::updateEstimate);
    connect(m_algorithm, &QComboBox::currentIndexChanged, this, &ThreadsPanel::updateEstimate);
    connect(m_numbers, &QLineEdit::returnPressed, this, [this] { runCpu(ThreadLab::allModes(LabResult::Workload::Cpu)); });
    connect(m_lab, &ThreadLab::modeStarted, this, &ThreadsPanel::onModeStarted);
    connect(m_lab, &ThreadLab::modeFinished, this, &ThreadsPanel::onModeFinished);
    connect(m_lab, &ThreadLab::finished, this, &ThreadsPanel::onFinished);
    connect(m_lab, &ThreadLab::progressChanged, this,
            [this](double fraction) { m_progress->setValue(int(std::lround(fraction * 1000))); });

    restoreSettings();
    updateEstimate();
}

QPushButton *ThreadsPanel::addRunButton(QHBoxLayout *row, const QString &text, const QString &tip,
                                        const std::function<void()> &run)
{
    auto *button = new QPushButton(text, this);
    button->setToolTip(tip);
    connect(button, &QPushButton::clicked, this, run);
    row->addWidget(button);
    m_runButtons << button;
    return button;
}

QGroupBox *ThreadsPanel::buildCpuBox()
{
    m_numbers->setPlaceholderText(tr("Positive whole numbers, separated by commas"));
    m_numbers->setToolTip(tr("Any unsigned 64-bit values. The seed's numbers are 2139079, 1214759, 1516637, 1852285."));
    m_scale->setRange(1, LabRequest::MaxScale);
    m_scale->setToolTip(tr("Factorize each number K times, so a run lasts long enough to watch: the seed's numbers take "
                           "only milliseconds in C++"));
    m_algorithm->addItem(tr("Trial division up to n (the seed's)"), int(Factorizer::Algorithm::TrialToN));
    m_algorithm->addItem(tr("Faster: trial division up to √n"), int(Factorizer::Algorithm::TrialToSqrt));
    m_algorithm->setToolTip(tr("The seed divides by every i from 1 to n. Up to √n finds each divisor pair (i, n/i) "
                               "instead: the same answer, far fewer divisions"));
    m_estimate->setWordWrap(true);

    auto *cpuBox = new QGroupBox(tr("CPU-bound work: factorize(number)"), this);
    auto *cpuForm = new QFormLayout;
    cpuForm->addRow(tr("&Numbers:"), m_numbers);
    auto *scaleRow = new QHBoxLayout;
    scaleRow->addWidget(m_scale);
    scaleRow->addWidget(new QLabel(tr("&Algorithm:"), this));
    scaleRow->addWidget(m_algorithm, 1);
    static_cast<QLabel *>(scaleRow->itemAt(1)->widget())->setBuddy(m_algorithm);
    cpuForm->addRow(tr("Scale K:"), scaleRow);
    cpuForm->addRow(QString(), m_estimate);
    auto *cpuButtons = new QHBoxLayout;
    using Mode = LabResult::Mode;
    addRunButton(cpuButtons, tr("Serial"), tr("One thread factorizes the numbers one after another"),
           [this] { runCpu({Mode::Serial}); });
    addRunButton(cpuButtons, tr("Threads"), tr("One thread per number, running in parallel"),
           [this] { runCpu({Mode::Threads}); });
    addRunButton(cpuButtons, tr("Threads + GIL"), tr("One thread per number, but only the holder of one global lock may "
                                               "compute, handing it over every 5 ms: CPython's situation"),
           [this] { runCpu({Mode::Gil}); });
    addRunButton(cpuButtons, tr("Processes"), tr("One child process per number: SpawnScope itself in worker mode, shown in "
                                           "the Processes tab like any other job"),
           [this] { runCpu({Mode::Processes}); });
    QPushButton *runAll = addRunButton(cpuButtons, tr("Run &all"), tr("Serial, Threads, Threads + GIL and Processes, in turn"),
                                 [this] { runCpu(ThreadLab::allModes(LabResult::Workload::Cpu)); });
    runAll->setDefault(true);
    cpuButtons->addStretch();
    auto *cpuLayout = new QVBoxLayout(cpuBox);
    cpuLayout->addLayout(cpuForm);
    cpuLayout->addLayout(cpuButtons);

    return cpuBox;
}

QGroupBox *ThreadsPanel::buildIoBox()
{
    auto *ioBox = new QGroupBox(tr("Blocking I/O: each worker waits in a system call"), this);
    m_ioWorkers->setRange(1, LabRequest::MaxIoWorkers);
    m_ioWorkers->setValue(4);
    m_ioSeconds->setRange(0.01, 60);
    m_ioSeconds->setDecimals(2);
    m_ioSeconds->setSingleStep(0.1);
    m_ioSeconds->setValue(0.5);
    m_ioSeconds->setSuffix(tr(" s"));
    auto *ioRow = new QHBoxLayout;
    ioRow->addWidget(new QLabel(tr("Workers N:"), this));
    ioRow->addWidget(m_ioWorkers);
    ioRow->addWidget(new QLabel(tr("each blocks T:"), this));
    ioRow->addWidget(m_ioSeconds);
    ioRow->addStretch();
    using Mode = LabResult::Mode;
    auto *ioButtons = new QHBoxLayout;
    addRunButton(ioButtons, tr("Serial"), tr("One worker after another: about N × T"), [this] { runBlockingIo({Mode::Serial}); });
    addRunButton(ioButtons, tr("Threads"), tr("All workers wait at once: about T"), [this] { runBlockingIo({Mode::Threads}); });
    addRunButton(ioButtons, tr("Threads + GIL"), tr("The GIL is released around the blocking call: still about T"),
           [this] { runBlockingIo({Mode::Gil}); });
    addRunButton(ioButtons, tr("Run all"), tr("Serial, Threads and Threads + GIL, in turn"),
           [this] { runBlockingIo(ThreadLab::allModes(LabResult::Workload::BlockingIo)); });
    ioButtons->addStretch();
    auto *ioNote = new QLabel(tr("Each worker calls poll() with a timeout, as the book uses select(). CPython releases "
                                 "the GIL around such a call, so GIL threads wait in parallel too."),
                              this);
    ioNote->setWordWrap(true);
    auto *ioLayout = new QVBoxLayout(ioBox);
    ioLayout->addLayout(ioRow);
    ioLayout->addLayout(ioButtons);
    ioLayout->addWidget(ioNote);

    return ioBox;
}

QLayout *ThreadsPanel::buildProgressRow()
{
    m_cancel->setEnabled(false);
    m_cancel->setShortcut(QKeySequence(Qt::Key_Escape));
    m_cancel->setToolTip(tr("Stop the running mode (Esc); it stops within 100 ms"));
    connect(m_cancel, &QPushButton::clicked, this, &ThreadsPanel::cancel);
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progressLabel, 1);
    progressRow->addWidget(m_progress, 2);
    progressRow->addWidget(m_cancel);

    return progressRow;
}

QWidget *ThreadsPanel::buildResults()
{
    m_divisors->setReadOnly(true);
    m_divisors->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_divisors->setPlaceholderText(tr("The divisors of each number appear here, in ascending order"));
    m_divisors->setMaximumBlockCount(2000);
    // Room for "Divisors (Threads + GIL):" from the start; fitDivisors() widens it to the lines it shows.
    m_divisors->setMinimumWidth(QFontMetrics(m_divisors->font()).horizontalAdvance(QString(32, QLatin1Char('0'))));
    // Unwrapped: a wrapped label asks the scroll area for the height of its narrowest layout.
    m_loadWarning->setTextFormat(Qt::PlainText);
    m_loadWarning->hide();
    auto *stripBox = new QWidget(this);
    auto *stripLayout = new QVBoxLayout(stripBox);
    stripLayout->setContentsMargins(0, 0, 0, 0);
    auto *stripChoice = new QHBoxLayout;
    m_showCpu = new QRadioButton(tr("CPU-bound activity"), this);
    m_showIo = new QRadioButton(tr("Blocking I/O activity"), this);
    m_showCpu->setChecked(true);
    m_showCpu->setToolTip(tr("Watch the Threads + GIL rows: the workers take turns, so only one computes at a time"));
    connect(m_showCpu, &QRadioButton::toggled, this, [this](bool on) {
        if (on)
            showActivity(LabResult::Workload::Cpu);
    });
    connect(m_showIo, &QRadioButton::toggled, this, [this](bool on) {
        if (on)
            showActivity(LabResult::Workload::BlockingIo);
    });
    stripChoice->addWidget(m_showCpu);
    stripChoice->addWidget(m_showIo);
    stripChoice->addStretch();
    stripLayout->addLayout(stripChoice);
    stripLayout->addWidget(m_strip, 1);
    m_resultsSplitter = new QSplitter(Qt::Horizontal, this);
    m_resultsSplitter->addWidget(stripBox);
    m_resultsSplitter->addWidget(m_divisors);
    m_resultsSplitter->setStretchFactor(0, 3);
    m_resultsSplitter->setStretchFactor(1, 1);
    m_resultsSplitter->setChildrenCollapsible(false);

    return m_resultsSplitter;
}

ThreadsPanel::~ThreadsPanel()
{
    saveSettings();
}

bool ThreadsPanel::readCpuRequest(LabRequest *request)
{
    m_inputError.clear();
    if (!Factorizer::parseNumbers(m_numbers->text(), &request->numbers, &m_inputError)) {
        m_estimate->setText(QStringLiteral("<span style='color:%1'>%2</span>")
                                .arg(Theme::errorText(palette()).name(), m_inputError.toHtmlEscaped()));
        return false;
    }
    request->workload = LabResult::Workload::Cpu;
    request->scale = m_scale->value();
    request->algorithm = Factorizer::Algorithm(m_algorithm->currentData().toInt());
    return true;
}

void ThreadsPanel::updateEstimate()
{
    LabRequest request;
    if (!readCpuRequest(&request))
        return;
    const double seconds = request.estimatedSerialSeconds();
    QString text = tr("Estimated serial time on this machine: <b>%1</b> (%2 divisions).")
                       .arg(Factorizer::formatDuration(seconds))
                       .arg(double(request.totalWork()), 0, 'g', 3);
    if (seconds > 60 && request.algorithm == Factorizer::Algorithm::TrialToN)
        text += QStringLiteral(" <span style='color:%1'>%2</span>")
                    .arg(Theme::warningText(palette()).name(),
                         tr("That is long: choose \"up to √n\" or fewer repetitions."));
    m_estimate->setText(text);
}

bool ThreadsPanel::runCpu(const QList<LabResult::Mode> &modes)
{
    if (m_lab->isRunning()) {
        emit statusMessage(tr("The lab is already running; cancel it first."));
        return false;
    }
    LabRequest request;
    if (!readCpuRequest(&request)) {
        m_numbers->setFocus();
        emit statusMessage(tr("Check the numbers: %1").arg(m_inputError));
        return false;
    }
    const double estimate = request.estimatedSerialSeconds();
    if (m_confirmLongRuns && estimate > kConfirmAboveSeconds) {
        const auto answer = QMessageBox::question(
            this, tr("A long run"),
            tr("A serial run is estimated at %1. You can cancel at any time. Start it?").arg(Factorizer::formatDuration(estimate)));
        if (answer != QMessageBox::Yes)
            return false;
    }
    // A new set of modes starts a new comparison.
    if (modes.contains(LabResult::Mode::Serial) || modes.size() > 1)
        m_cpuResults.clear();
    m_runningWorkload = LabResult::Workload::Cpu;
    if (!m_lab->run(request, modes))
        return false;
    setBusy(true);
    return true;
}

bool ThreadsPanel::runBlockingIo(const QList<LabResult::Mode> &modes)
{
    if (m_lab->isRunning()) {
        emit statusMessage(tr("The lab is already running; cancel it first."));
        return false;
    }
    LabRequest request;
    request.workload = LabResult::Workload::BlockingIo;
    request.ioWorkers = m_ioWorkers->value();
    request.ioSeconds = m_ioSeconds->value();
    if (modes.contains(LabResult::Mode::Serial) || modes.size() > 1)
        m_ioResults.clear();
    m_runningWorkload = LabResult::Workload::BlockingIo;
    if (!m_lab->run(request, modes))
        return false;
    setBusy(true);
    return true;
}

void ThreadsPanel::showActivity(LabResult::Workload workload)
{
    const bool cpu = workload == LabResult::Workload::Cpu;
    QSignalBlocker blockCpu(m_showCpu);
    QSignalBlocker blockIo(m_showIo);
    m_showCpu->setChecked(cpu);
    m_showIo->setChecked(!cpu);
    m_strip->setResults(cpu ? m_cpuResults : m_ioResults);
}

void ThreadsPanel::cancel()
{
    m_lab->cancel();
}

void ThreadsPanel::setBusy(bool busy)
{
    for (QPushButton *button : std::as_const(m_runButtons))
        button->setEnabled(!busy);
    m_cancel->setEnabled(busy);
    if (!busy)
        m_progress->setValue(0);
}

void ThreadsPanel::onModeStarted(LabResult::Mode mode)
{
    m_progress->setValue(0);
    m_progressLabel->setText(tr("Running: %1…").arg(LabResult::modeTitle(mode)));
}

void ThreadsPanel::onModeFinished(const LabResult &result)
{
    QList<LabResult> &list = result.workload == LabResult::Workload::Cpu ? m_cpuResults : m_ioResults;
    // One bar per mode: a re-run replaces that mode's bar.
    list.erase(std::remove_if(list.begin(), list.end(), [&](const LabResult &r) { return r.mode == result.mode; }),
               list.end());
    list << result;
    std::sort(list.begin(), list.end(), [](const LabResult &a, const LabResult &b) { return a.mode < b.mode; });
    m_cpuChart->setResults(m_cpuResults);
    m_ioChart->setResults(m_ioResults);
    updateLoadWarning();
    showActivity(result.workload);
    if (result.workload == LabResult::Workload::Cpu && !result.cancelled)
        showDivisors(result);
    if (!result.error.isEmpty())
        emit statusMessage(tr("%1 failed: %2").arg(LabResult::modeTitle(result.mode), result.error));
}

void ThreadsPanel::onFinished(bool cancelled)
{
    setBusy(false);
    m_progressLabel->setText(cancelled ? tr("Cancelled.") : tr("Done."));
    emit statusMessage(cancelled ? tr("Threads lab cancelled.") : tr("Threads lab finished."));
}

void ThreadsPanel::showDivisors(const LabResult &result)
{
    QStringList lines;
    for (const LabResult::NumberResult &number : result.results) {
        QStringList divisors;
        for (quint64 d : number.divisors)
            divisors << QString::number(d);
        lines << QStringLiteral("%1: %2").arg(number.number).arg(divisors.join(QStringLiteral(", ")));
    }
    m_divisors->setPlainText(tr("Divisors (%1):\n").arg(LabResult::modeTitle(result.mode)) + lines.join(QLatin1Char('\n')));
    fitDivisors();
}

void ThreadsPanel::fitDivisors()
{
    const QList<int> sizes = m_resultsSplitter->sizes();
    const int total = sizes.value(0) + sizes.value(1);
    if (total <= 0)
        return; // not laid out yet
    const QFontMetrics metrics(m_divisors->font());
    int widest = 0;
    for (const QString &line : m_divisors->toPlainText().split(QLatin1Char('\n')))
        widest = std::max(widest, metrics.horizontalAdvance(line));
    const int chrome = 2 * m_divisors->frameWidth() + 2 * int(std::ceil(m_divisors->document()->documentMargin()))
                       + m_divisors->verticalScrollBar()->sizeHint().width() + 2;
    // The whole of each line when the activity strip can spare it (its title
    // wraps); a longer line wraps at its commas.
    const int wanted = std::min(widest + chrome, total - m_strip->minimumSizeHint().width());
    if (sizes.value(1) < wanted) // never narrower than the user made it
        m_resultsSplitter->setSizes({total - wanted, wanted});
}

void ThreadsPanel::updateLoadWarning()
{
    const QList<LabResult> shown = m_cpuResults + m_ioResults;
    // One line whatever the number of busy modes, so the strip below keeps its
    // height; each mode's full reason is in the tooltip.
    QStringList reasons;
    for (const LabResult &result : shown) {
        const QString warning = result.busyWarning();
        if (!warning.isEmpty())
            reasons << tr("%1: %2").arg(LabResult::modeTitle(result.mode), warning);
    }
    m_loadWarning->setText(LabResult::busySummary(shown));
    m_loadWarning->setToolTip(reasons.join(QLatin1Char('\n')));
    QPalette palette = m_loadWarning->palette();
    palette.setColor(QPalette::WindowText, Theme::warningText(this->palette()));
    m_loadWarning->setPalette(palette);
    m_loadWarning->setVisible(!reasons.isEmpty());
}

void ThreadsPanel::restoreSettings()
{
    QSettings settings;
    m_numbers->setText(settings.value(SettingsKeys::LabNumbers, Factorizer::formatNumbers(LabRequest().numbers)).toString());
    m_algorithm->setCurrentIndex(settings.value(SettingsKeys::LabAlgorithm, 0).toInt());
    m_ioWorkers->setValue(settings.value(SettingsKeys::LabIoWorkers, 4).toInt());
    m_ioSeconds->setValue(settings.value(SettingsKeys::LabIoSeconds, 0.5).toDouble());
    // By default, enough repetitions for a serial run of about 1.5 s here.
    LabRequest seed;
    const int defaultScale = std::max(1, int(std::lround(kTargetSerialSeconds / std::max(1e-6, seed.estimatedSerialSeconds()))));
    m_scale->setValue(settings.value(SettingsKeys::LabScale, defaultScale).toInt());
}

void ThreadsPanel::saveSettings() const
{
    QSettings settings;
    settings.setValue(SettingsKeys::LabNumbers, m_numbers->text());
    settings.setValue(SettingsKeys::LabScale, m_scale->value());
    settings.setValue(SettingsKeys::LabAlgorithm, m_algorithm->currentIndex());
    settings.setValue(SettingsKeys::LabIoWorkers, m_ioWorkers->value());
    settings.setValue(SettingsKeys::LabIoSeconds, m_ioSeconds->value());
}
