// libFuzzer target for the session and report reader: SessionReader::read
// must never crash (nor cast a hostile number) on any bytes; a refusal names
// the source; whatever it accepts must restore into an engine, be written
// back as a session, and read back to as many runs. DocumentFormat (what
// decides whether a dropped file is opened or imported) scans every input too.
#include "documentformat.h"
#include "jobengine.h"
#include "jobrun.h"
#include "outputbudget.h"
#include "sessionreader.h"
#include "sessionwriter.h"

#include <QBuffer>
#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

[[noreturn]] void fail(const char *invariant, const QByteArray &detail)
{
    std::fprintf(stderr, "fuzz_session: %s\n%s\n", invariant, detail.constData());
    std::abort();
}

// A budget far below the default, so that the fuzzer reaches the cuts.
constexpr qint64 MemoryBudget = 4 * 1024 * 1024;

SessionReader::Result readBytes(QByteArray *bytes, const QString &name)
{
    QBuffer buffer(bytes);
    buffer.open(QIODevice::ReadOnly);
    return SessionReader::read(&buffer, name, OutputBudget::MinBytes, RecordedRun::Origin::Opened, MemoryBudget);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // JobEngine's runs are QObjects with timers: they want an application.
    static int argc = 1;
    static char name[] = "fuzz_session";
    static char *argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
    static JobEngine engine;

    // fromRawData: no copy and no terminating NUL, so ASan sees any read past the end.
    QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::ReadOnly);
        DocumentFormat::read(&buffer);
    }
    const QString source = QStringLiteral("fuzz.spawnscope");
    const SessionReader::Result first = readBytes(&bytes, source);
    if (!first.ok()) {
        if (!first.runs.isEmpty())
            fail("a failed read returned runs", first.error.toUtf8());
        if (!first.error.startsWith(source + QLatin1Char(' ')))
            fail("the error does not name the source", first.error.toUtf8());
        return 0;
    }

    QList<SessionWriter::RunPieces> pieces;
    for (const RecordedRun &run : first.runs) {
        if (JobRun *restored = engine.restore(run))
            pieces << SessionWriter::runPieces(restored);
    }
    QByteArray written = SessionWriter::document(pieces);
    const SessionReader::Result second = readBytes(&written, QStringLiteral("round-trip.spawnscope"));
    if (!second.ok())
        fail("a restored session, written back, is refused", second.error.toUtf8() + '\n' + written);
    if (second.runs.size() + second.droppedRuns != pieces.size())
        fail("a restored session, written back, reads to another number of runs", written);
    qDeleteAll(engine.takeFinished());
    return 0;
}
