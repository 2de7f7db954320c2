// libFuzzer target for the command splitter (ShellWords, used by the command
// field and --command through Preset::fromCommand) and for the quoting of
// displayed command lines, which must split back into the same words.
//
// Invariants checked on every input (bytes read as UTF-8, invalid sequences
// becoming U+FFFD as in the command field):
//  - nothing crashes;
//  - a blank line (after trimming) is refused with an error and no stage;
//  - without a shell, a non-blank line gives either an error and no stage, or
//    no error and exactly one stage whose program is non-empty and whose
//    program + args are ShellWords::split's words; an error happens only when
//    the split fails (an unclosed quote, a trailing backslash, with the
//    splitter's own message) or leaves no word (a line of just '' or "");
//  - a failed split points at a quote or backslash inside the line;
//  - with viaShell, a non-blank line gives exactly one stage,
//    /bin/sh -c <trimmed line>, that runsShell();
//  - ShellWords::split(stage.commandLine()) gives back program + args, for
//    every stage, and so does ShellWords::join of any split's words.
//
// corpus/commands/trailing-newline-in-quotes is the input that found
// shellQuote leaving "abc\n" unquoted (an unanchored ^...$ pattern).
#include "preset.h"
#include "shellwords.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

[[noreturn]] void fail(const char *invariant, const QString &input, const QString &detail = {})
{
    std::fprintf(stderr, "fuzz_command: %s\ninput: [%s]\n%s\n", invariant, input.toUtf8().constData(),
                 detail.toUtf8().constData());
    std::abort();
}

QStringList argv(const StageSpec &stage)
{
    return QStringList{stage.program} + stage.args;
}

void checkCommandLineSplitsBack(const StageSpec &stage, const QString &input)
{
    const QStringList words = argv(stage);
    const QString line = stage.commandLine();
    const QStringList back = ShellWords::split(line).words;
    if (back != words) {
        fail("commandLine() does not split back into the same words", input,
             QStringLiteral("line: [%1]\nwords: [%2]\nback:  [%3]")
                 .arg(line, words.join(QStringLiteral("] [")), back.join(QStringLiteral("] ["))));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString input = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString trimmed = input.trimmed();

    QString error;
    const Preset direct = Preset::fromCommand(input, false, &error);
    if (trimmed.isEmpty()) {
        if (error.isEmpty() || !direct.stages.isEmpty())
            fail("a blank line was not refused", input);
    } else if (!error.isEmpty()) {
        if (!direct.stages.isEmpty())
            fail("a refused line still has stages", input, error);
        const ShellWords::Split split = ShellWords::split(trimmed);
        if (split.ok() && !split.words.isEmpty() && !split.words.first().isEmpty())
            fail("a line with words was refused", input, error);
        if (!split.ok()) {
            if (split.error != error)
                fail("a failed split's message is not the one shown", input, error);
            const QChar at = split.errorAt >= 0 && split.errorAt < trimmed.size() ? trimmed.at(split.errorAt) : QChar();
            if (at != QLatin1Char('\'') && at != QLatin1Char('"') && at != QLatin1Char('\\'))
                fail("a failed split does not point at a quote or backslash", input, error);
        }
    } else {
        if (direct.stages.size() != 1)
            fail("an accepted line does not give exactly one stage", input);
        const StageSpec &stage = direct.stages.first();
        if (stage.program.isEmpty())
            fail("an accepted line has an empty program", input);
        const QStringList words = ShellWords::split(trimmed).words;
        if (argv(stage) != words)
            fail("program + args are not ShellWords::split's words", input);
        if (ShellWords::split(ShellWords::join(words)).words != words)
            fail("ShellWords::join does not split back", input);
        if (direct.commandLine() != stage.commandLine())
            fail("a one-stage preset's command line is not its stage's", input);
        checkCommandLineSplitsBack(stage, input);
    }

    error.clear();
    const Preset shell = Preset::fromCommand(input, true, &error);
    if (trimmed.isEmpty()) {
        if (error.isEmpty() || !shell.stages.isEmpty())
            fail("a blank line was not refused with viaShell", input);
        return 0;
    }
    if (!error.isEmpty())
        fail("a non-blank line was refused with viaShell", input, error);
    if (shell.stages.size() != 1)
        fail("viaShell does not give exactly one stage", input);
    const StageSpec &stage = shell.stages.first();
    if (stage.program != QStringLiteral("/bin/sh") || stage.args != QStringList{QStringLiteral("-c"), trimmed})
        fail("viaShell is not /bin/sh -c <trimmed line>", input, argv(stage).join(QLatin1Char(' ')));
    if (!shell.runsShell())
        fail("a viaShell preset does not say it runs a shell", input);
    checkCommandLineSplitsBack(stage, input);
    return 0;
}
