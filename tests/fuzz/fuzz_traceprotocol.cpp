// libFuzzer target for the trace protocol: each line of the input is either
// refused (with a reason, the event untouched) or read as an event that
// formats and reads back to the same line; the whole input as a tracer's
// output builds a family whose JSON reads back to as many members.
#include "processfamily.h"
#include "traceprotocol.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

[[noreturn]] void fail(const char *invariant, const QByteArray &detail)
{
    std::fprintf(stderr, "fuzz_traceprotocol: %s\n%s\n", invariant, detail.constData());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    int refused = 0;
    for (const QByteArray &line : bytes.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        TraceProtocol::Event event;
        event.reason = QStringLiteral("untouched");
        QString error;
        if (!TraceProtocol::parse(line, &event, &error)) {
            ++refused;
            if (error.isEmpty())
                fail("a refused line has no reason", line);
            if (event.reason != QLatin1String("untouched"))
                fail("a refused line changed the event", line);
            continue;
        }
        if (event.kind != TraceProtocol::Event::Kind::Hello && event.kind != TraceProtocol::Event::Kind::Refused
            && event.kind != TraceProtocol::Event::Kind::End && event.pid < 1)
            fail("an event was read with a pid below 1", line);
        const QByteArray again = TraceProtocol::format(event);
        TraceProtocol::Event second;
        if (!TraceProtocol::parse(again, &second, &error))
            fail("a read event, formatted, is refused", again + error.toUtf8());
        if (TraceProtocol::format(second) != again)
            fail("format() is not stable after a round trip", again);
    }
    int bad = 0;
    const ProcessFamily family = ProcessFamily::fromLines(bytes, &bad);
    if (bad != refused)
        fail("fromLines() counted other lines bad than parse() refused", bytes);
    const ProcessFamily back = ProcessFamily::fromJson(family.toJson(), family.refusal());
    if (back.members().size() != family.members().size())
        fail("a family's JSON reads back to another number of members", bytes);
    for (const ProcessFamily::Member &m : family.members()) {
        family.describeFd(m.pid, 0);
        family.name(m.pid);
    }
    family.pipes();
    return 0;
}
