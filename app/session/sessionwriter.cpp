#include "sessionwriter.h"

#include "jobrun.h"
#include "reportstream.h"
#include "streamedfile.h"
#include "runreport.h"
#include "workerprotocol.h"

#include <QCoreApplication>
#include <QJsonDocument>

bool SessionWriter::keeps(const JobRun *run)
{
    return run->isDone() && run->preset().id != QLatin1String(WorkerProtocol::PresetId);
}

QByteArray SessionWriter::jobLine(const JobRun *run, int index, qsizetype keepBytes)
{
    return QJsonDocument(RunReport::jobToJson(run, index, keepBytes, RunReport::TextMode::Session))
        .toJson(QJsonDocument::Compact);
}

SessionWriter::RunPieces SessionWriter::runPieces(const JobRun *run)
{
    RunPieces pieces{ReportStream::runHead(run), {}, ReportStream::runTail(run)};
    for (int i = 0; i < run->jobs().size(); ++i)
        pieces.jobLines << jobLine(run, i);
    return pieces;
}

QByteArray SessionWriter::runText(const RunPieces &pieces)
{
    qsizetype size = pieces.head.size() + pieces.tail.size();
    for (const QByteArray &line : pieces.jobLines)
        size += line.size() + 2;
    QByteArray text;
    text.reserve(size);
    text += pieces.head;
    for (qsizetype i = 0; i < pieces.jobLines.size(); ++i) {
        if (i > 0)
            text += ReportStream::Separator;
        text += pieces.jobLines.at(i);
    }
    return text + pieces.tail;
}

QByteArray SessionWriter::runText(const JobRun *run)
{
    return runText(runPieces(run));
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

QByteArray SessionWriter::document(const QList<RunPieces> &runs)
{
    QList<QByteArray> texts;
    for (const RunPieces &pieces : runs)
        texts << runText(pieces);
    return document(texts);
}

bool SessionWriter::write(const QString &path, const QList<RunPieces> &runs, QString *error)
{
    StreamedFile file;
    if (!file.open(path, QCoreApplication::translate("SessionKeeper", "the session"), error))
        return false;
    file.write(ReportStream::documentHead());
    for (qsizetype r = 0; r < runs.size(); ++r) {
        const RunPieces &run = runs.at(r);
        file.write(r > 0 ? ReportStream::Separator + run.head : run.head);
        for (qsizetype i = 0; i < run.jobLines.size(); ++i) {
            if (i > 0)
                file.write(ReportStream::Separator);
            file.write(run.jobLines.at(i));
        }
        file.write(run.tail);
    }
    file.write(ReportStream::documentTail());
    return file.commit(error);
}
