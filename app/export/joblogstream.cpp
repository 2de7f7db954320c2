#include "joblogstream.h"

#include "joblog.h"

#include <QCoreApplication>

bool JobLogStream::open(const QString &path, QString *error)
{
    if (!m_file.open(path, QCoreApplication::translate("HeadlessRunner", "the job log"), error))
        return false;
    m_json = JobLog::isJsonPath(path);
    m_file.write(m_json ? QByteArrayLiteral("[\n") : JobLog::header());
    return true;
}

void JobLogStream::addJob(const JobRun *run, int index)
{
    ++m_seq;
    if (!m_json) {
        m_file.write(JobLog::tsvLine(m_seq, run, index));
        return;
    }
    m_file.write((m_seq > 1 ? QByteArrayLiteral(",\n") : QByteArray())
                 + JobLog::indentedJsonRow(JobLog::jsonRow(m_seq, run, index)));
}

bool JobLogStream::finish(QString *error)
{
    if (m_json)
        m_file.write(m_seq > 0 ? QByteArrayLiteral("\n]\n") : QByteArrayLiteral("]\n"));
    return m_file.commit(error);
}
