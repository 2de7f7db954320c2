// libFuzzer target for the preset file parser: PresetFile::parse must never
// crash on any bytes, and whatever it accepts must survive serialize() and a
// second parse() unchanged (builtIn is not part of the file, nor of ==).
#include "presetfile.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

[[noreturn]] void fail(const char *invariant, const QByteArray &detail)
{
    std::fprintf(stderr, "fuzz_presetfile: %s\n%s\n", invariant, detail.constData());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // fromRawData: no copy and no terminating NUL, so ASan sees any read past the end.
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString source = QStringLiteral("fuzz.json");
    const PresetFile::Result first = PresetFile::parse(bytes, source);
    if (!first.ok()) {
        if (!first.presets.isEmpty())
            fail("a failed parse returned presets", first.error.toUtf8());
        if (!first.error.startsWith(source + QStringLiteral(": ")))
            fail("the error does not name the source", first.error.toUtf8());
        return 0;
    }

    const QByteArray written = PresetFile::serialize(first.presets);
    const PresetFile::Result second = PresetFile::parse(written, QStringLiteral("round-trip.json"));
    if (!second.ok())
        fail("serialize() wrote a file that parse() refuses", second.error.toUtf8() + '\n' + written);
    if (second.presets != first.presets)
        fail("the presets changed in a serialize/parse round trip", written + "\nre-serialized:\n"
                 + PresetFile::serialize(second.presets));
    if (PresetFile::serialize(second.presets) != written)
        fail("serialize() is not stable after a round trip", written);
    return 0;
}
