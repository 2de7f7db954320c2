#include "reportstream.h"

#include "exportlog.h"
#include "reportkey.h"
#include "runreport.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace {

// An object's members as JSON text, without its braces, to be spliced.
QByteArray members(const QJsonObject &object)
{
    const QByteArray text = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return text.mid(1, text.size() - 2);
}

} // namespace

QByteArray ReportStream::documentHead()
{
    const QJsonObject format{{ReportKey::Format, QLatin1String(RunReport::FormatName)},
                             {ReportKey::Version, RunReport::FormatVersion}};
    return "{" + members(format) + ",\n\"runs\": [\n";
}

QByteArray ReportStream::runHead(const JobRun *run)
{
    QJsonObject head = RunReport::runFields(run);
    for (const char *late : RunReport::LateRunFields)
        head.remove(QLatin1String(late)); // known at its end
    return "{" + members(head) + ",\n" + JobsOpening + "\n";
}

QByteArray ReportStream::runTail(const JobRun *run)
{
    const QJsonObject all = RunReport::runFields(run);
    QJsonObject tail;
    for (const char *late : RunReport::LateRunFields)
        tail.insert(QLatin1String(late), all.value(QLatin1String(late)));
    return "\n],\n" + members(tail) + "}";
}

QByteArray ReportStream::documentTail()
{
    return "\n]\n}\n";
}

bool ReportStream::open(const QString &path, QString *error)
{
    if (!m_file.open(path, QCoreApplication::translate("HeadlessRunner", "the report"), error))
        return false;
    m_file.write(documentHead());
    return true;
}

void ReportStream::beginRun(const JobRun *run)
{
    m_file.write(m_anyRun ? Separator + runHead(run) : runHead(run));
    m_anyRun = true;
    m_anyJob = false;
}

void ReportStream::addJob(const QByteArray &entry)
{
    m_file.write(m_anyJob ? Separator + entry : entry);
    m_anyJob = true;
}

void ReportStream::endRun(const JobRun *run)
{
    m_file.write(runTail(run));
}

bool ReportStream::finish(QString *error)
{
    m_file.write(documentTail());
    const bool written = m_file.commit(error);
    // The failure itself is the caller's to say, once, to the user.
    qCDebug(lcExport) << (written ? "report complete" : "report not written");
    return written;
}
