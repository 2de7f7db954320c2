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

namespace {

// Every piece of the document in order, each handed to out.
template<typename Out>
void layOut(const QList<SessionWriter::RunPieces> &runs, Out out)
{
    out(ReportStream::documentHead());
    for (qsizetype r = 0; r < runs.size(); ++r) {
        const SessionWriter::RunPieces &run = runs.at(r);
        if (r > 0)
            out(QByteArray(ReportStream::Separator));
        out(run.head);
        for (qsizetype i = 0; i < run.jobLines.size(); ++i) {
            if (i > 0)
                out(QByteArray(ReportStream::Separator));
            out(run.jobLines.at(i));
        }
        out(run.tail);
    }
    out(ReportStream::documentTail());
}

} // namespace

QByteArray SessionWriter::document(const QList<RunPieces> &runs)
{
    QByteArray document;
    layOut(runs, [&document](const QByteArray &piece) { document += piece; });
    return document;
}

bool SessionWriter::write(const QString &path, const QList<RunPieces> &runs, QString *error)
{
    StreamedFile file;
    if (!file.open(path, QCoreApplication::translate("SessionKeeper", "the session"), error))
        return false;
    layOut(runs, [&file](const QByteArray &piece) { file.write(piece); });
    return file.commit(error);
}
