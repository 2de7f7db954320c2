#include "reportstream.h"

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

bool ReportStream::open(const QString &path, QString *error)
{
    if (!m_file.open(path, QCoreApplication::translate("HeadlessRunner", "the report"), error))
        return false;
    m_file.write("{\n\"runs\": [\n");
    return true;
}

void ReportStream::beginRun(const JobRun *run)
{
    QJsonObject head = RunReport::runFields(run);
    for (const char *late : {"wallMs", "sumMs", "parallelism"})
        head.remove(QLatin1String(late)); // known at its end
    m_file.write((m_anyRun ? ",\n{" : "{") + members(head) + ",\n\"jobs\": [\n");
    m_anyRun = true;
    m_anyJob = false;
}

void ReportStream::addJob(const QByteArray &entry)
{
    m_file.write((m_anyJob ? ",\n" : "") + entry);
    m_anyJob = true;
}

void ReportStream::endRun(const JobRun *run)
{
    QJsonObject tail = RunReport::runFields(run);
    tail.remove(QStringLiteral("preset"));
    tail.remove(QStringLiteral("title"));
    m_file.write("\n],\n" + members(tail) + "}");
}

bool ReportStream::finish(QString *error)
{
    m_file.write("\n]\n}\n");
    return m_file.commit(error);
}
