#include "workerprotocol.h"

#include "labresult.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

QStringList WorkerProtocol::arguments(quint64 number, int scale, Factorizer::Algorithm algorithm)
{
    return {QLatin1String("--") + QLatin1String(OptionName), QString::number(number), QStringLiteral("--scale"),
            QString::number(scale), QStringLiteral("--algorithm"), Factorizer::algorithmKey(algorithm)};
}

QByteArray WorkerProtocol::formatReply(const Reply &reply)
{
    // The number and its divisors as a report writes them: one JSON form for both.
    LabResult result;
    result.results << LabResult::NumberResult{reply.number, reply.divisors};
    QJsonObject json = result.toJson().value(QStringLiteral("results")).toArray().first().toObject();
    json.insert(QStringLiteral("cpuMs"), reply.cpuMs);
    return QJsonDocument(json).toJson(QJsonDocument::Compact) + '\n';
}

bool WorkerProtocol::parseReply(const QByteArray &output, Reply *out)
{
    const QJsonObject json = QJsonDocument::fromJson(output).object();
    if (json.isEmpty())
        return false;
    const auto exact = [](const QJsonValue &value) {
        return value.isString() ? value.toString().toULongLong() : quint64(value.toInteger());
    };
    Reply reply;
    reply.number = exact(json.value(QStringLiteral("number")));
    for (const QJsonValue &d : json.value(QStringLiteral("divisors")).toArray())
        reply.divisors << exact(d);
    reply.cpuMs = json.value(QStringLiteral("cpuMs")).toDouble();
    *out = reply;
    return true;
}
