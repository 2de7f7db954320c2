#include "runexporter.h"
#include "settingskeys.h"

#include "jobengine.h"
#include "joblog.h"
#include "jobrun.h"
#include "atomicfile.h"
#include "chrometrace.h"
#include "uilog.h"

#include <QBuffer>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMessageBox>
#include <QPixmap>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QWidget>

namespace {

QList<const JobRun *> finishedRuns(const JobEngine *engine)
{
    QList<const JobRun *> runs;
    for (const JobRun *run : engine->runs()) {
        if (run->isDone())
            runs << run;
    }
    return runs;
}

} // namespace

RunExporter::RunExporter(const JobEngine *engine, QWidget *window, QTabWidget *panels, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_window(window)
    , m_panels(panels)
{
}

void RunExporter::exportRunsDialog(Format format)
{
    if (finishedRuns(m_engine).isEmpty()) {
        emit statusMessage(tr("Nothing to export yet: run something first."), 8000);
        return;
    }
    QString title, name, filter;
    switch (format) {
    case Format::JoblogTsv:
        title = tr("Export job log");
        name = QStringLiteral("joblog.tsv");
        filter = tr("Job log, GNU parallel TSV (*.tsv *.txt)");
        break;
    case Format::JoblogJson:
        title = tr("Export job log");
        name = QStringLiteral("joblog.json");
        filter = tr("Job log, JSON (*.json)");
        break;
    case Format::Trace:
        title = tr("Export trace");
        name = QStringLiteral("spawnscope-trace.json");
        filter = tr("Trace JSON (*.json)");
        break;
    }
    const QString path = QFileDialog::getSaveFileName(m_window, title, name, filter);
    if (!path.isEmpty())
        exportRuns(format, path);
}

bool RunExporter::exportRuns(Format format, const QString &path)
{
    const QList<const JobRun *> runs = finishedRuns(m_engine);
    if (runs.isEmpty()) {
        emit statusMessage(tr("Nothing to export yet: run something first."), 8000);
        return false;
    }
    const QByteArray bytes = format == Format::Trace        ? ChromeTrace::toJson(runs)
                             : format == Format::JoblogJson ? JobLog::toJson(runs)
                                                            : JobLog::toTsv(runs);
    QString error;
    if (!AtomicFile::write(path, bytes, format == Format::Trace ? tr("the trace") : tr("the job log"), &error)) {
        reportFailure(tr("Export failed"), path, error);
        return false;
    }
    emit statusMessage(tr("Exported %1 finished group(s) to %2.").arg(runs.size()).arg(path), 8000);
    return true;
}

QImage RunExporter::screenshot(bool panelOnly) const
{
    QWidget *what = panelOnly ? m_panels->currentWidget() : m_window;
    return what->grab().toImage();
}

void RunExporter::saveScreenshotDialog(bool panelOnly)
{
    const QString name = panelOnly ? QStringLiteral("spawnscope-%1.png").arg(m_panels->currentWidget()->objectName())
                                   : QStringLiteral("spawnscope.png");
    QSettings settings;
    const QString dir = settings.value(SettingsKeys::ScreenshotDir,
                                       QStandardPaths::writableLocation(QStandardPaths::PicturesLocation))
                            .toString();
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Save screenshot"), QDir(dir).filePath(name),
                                                      tr("PNG image (*.png)"));
    if (path.isEmpty())
        return;
    settings.setValue(SettingsKeys::ScreenshotDir, QFileInfo(path).absolutePath());
    saveScreenshot(panelOnly, path);
}

bool RunExporter::saveScreenshot(bool panelOnly, const QString &path)
{
    const QImage image = screenshot(panelOnly);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    QString error;
    if (!AtomicFile::write(path, png, tr("the screenshot"), &error)) {
        reportFailure(tr("Screenshot not saved"), path, error);
        return false;
    }
    emit statusMessage(tr("Saved a %1×%2 screenshot to %3.").arg(image.width()).arg(image.height()).arg(path), 8000);
    return true;
}

void RunExporter::copyScreenshot(bool panelOnly)
{
    const QImage image = screenshot(panelOnly);
    QGuiApplication::clipboard()->setImage(image);
    emit statusMessage(tr("Copied a %1×%2 screenshot to the clipboard.").arg(image.width()).arg(image.height()), 5000);
}

void RunExporter::reportFailure(const QString &title, const QString &path, const QString &error)
{
    qCWarning(lcUi, "%s: %s: %s", qUtf8Printable(title), qUtf8Printable(path), qUtf8Printable(error));
    if (m_showDialogs)
        QMessageBox::warning(m_window, title, error);
    else
        emit statusMessage(QStringLiteral("%1: %2").arg(title, error), 15000);
}
