// libFuzzer target for the command field's splitter, Preset::fromCommand, and
// for StageSpec::commandLine, which must quote words so they split back.
//
// Invariants checked on every input (bytes read as UTF-8, invalid sequences
// becoming U+FFFD as in the command field):
//  - nothing crashes;
//  - a blank line (after trimming) is refused with an error and no stage;
//  - without a shell, a non-blank line gives either an error and no stage, or
//    no error and exactly one stage whose program is non-empty and whose
//    program + args are QProcess::splitCommand's words; an error happens only
//    when splitting leaves no word (a line of just "" pairs);
//  - with viaShell, a non-blank line gives exactly one stage,
//    /bin/sh -c <trimmed line>, that runsShell();
//  - QProcess::splitCommand(stage.commandLine()) gives back program + args
//    whenever no word contains " $ ` or \ . Those four are special inside a
//    POSIX shell's double quotes, so shellQuote falls back to single quotes,
//    which splitCommand does not understand; the display line then favours
//    the shell, and the invariant does not apply.
//
// corpus/commands/trailing-newline-in-quotes is the input that found
// shellQuote leaving "abc\n" unquoted (an unanchored ^...$ pattern).
#include "preset.h"

#include <QByteArray>
#include <QProcess>
#include <QRegularExpression>
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

bool quotableForSplitCommand(const QStringList &words)
{
    static const QRegularExpression special(QStringLiteral("[\"$`\\\\]"));
    for (const QString &word : words) {
        if (word.contains(special))
            return false;
    }
    return true;
}

void checkCommandLineSplitsBack(const StageSpec &stage, const QString &input)
{
    const QStringList words = argv(stage);
    if (!quotableForSplitCommand(words))
        return;
    const QString line = stage.commandLine();
    const QStringList back = QProcess::splitCommand(line);
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
        if (!QProcess::splitCommand(trimmed).isEmpty())
            fail("a line with words was refused", input, error);
    } else {
        if (direct.stages.size() != 1)
            fail("an accepted line does not give exactly one stage", input);
        const StageSpec &stage = direct.stages.first();
        if (stage.program.isEmpty())
            fail("an accepted line has an empty program", input);
        if (argv(stage) != QProcess::splitCommand(trimmed))
            fail("program + args are not splitCommand's words", input);
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
