#include "chrometracestream.h"

#include "chrometrace.h"
#include "jobrun.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

bool ChromeTraceStream::open(const QString &path, QString *error)
{
    if (!m_file.open(path, QCoreApplication::translate("HeadlessRunner", "the trace"), error))
        return false;
    m_file.write("{\n\"traceEvents\": [\n");
    return true;
}

void ChromeTraceStream::writeEvent(const QByteArray &event)
{
    m_file.write((m_anyEvent ? ",\n" : "") + event);
    m_anyEvent = true;
}

void ChromeTraceStream::addJob(const JobRun *run, int index)
{
    if (run != m_run) {
        m_run = run;
        if (m_originEpochMs < 0)
            m_originEpochMs = run->startedAtEpochMs();
        m_runOffsetUs = double(run->startedAtEpochMs() - m_originEpochMs) * 1000.0;
        m_nextFamilyTid = int(run->jobs().size());
        m_sortIndex = 0;
        writeEvent(QJsonDocument(ChromeTrace::processNameEvent(run)).toJson(QJsonDocument::Compact));
    }
    const QJsonArray events = ChromeTrace::jobEvents(run, index, m_runOffsetUs, &m_nextFamilyTid, &m_sortIndex);
    for (const QJsonValue &event : events)
        writeEvent(QJsonDocument(event.toObject()).toJson(QJsonDocument::Compact));
}

bool ChromeTraceStream::finish(QString *error)
{
    m_file.write("\n],\n\"displayTimeUnit\": \"ms\"\n}\n");
    return m_file.commit(error);
}
