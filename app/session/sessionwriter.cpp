#include "sessionwriter.h"

#include "jobrun.h"
#include "reportstream.h"
#include "runreport.h"
#include "workerprotocol.h"

#include <QJsonDocument>

bool SessionWriter::keeps(const JobRun *run)
{
    return run->isDone() && run->preset().id != QLatin1String(WorkerProtocol::PresetId);
}

QByteArray SessionWriter::runText(const JobRun *run)
{
    QByteArray text = ReportStream::runHead(run);
    for (int i = 0; i < run->jobs().size(); ++i) {
        if (i > 0)
            text += ReportStream::Separator;
        text += QJsonDocument(RunReport::jobToJson(run, i, RunReport::AllText)).toJson(QJsonDocument::Compact);
    }
    return text + ReportStream::runTail(run);
}

QByteArray SessionWriter::document(const QList<QByteArray> &runTexts)
{
    qsizetype size = 64;
    for (const QByteArray &text : runTexts)
        size += text.size() + 2;
    QByteArray document;
    document.reserve(size);
    document += ReportStream::documentHead();
    for (qsizetype i = 0; i < runTexts.size(); ++i) {
        if (i > 0)
            document += ReportStream::Separator;
        document += runTexts.at(i);
    }
    return document + ReportStream::documentTail();
}
