#include "codegenerator.h"

#include <QChar>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace {

// A child writing more than this before anyone reads would block: the Linux
// pipe buffer. Up to it, writing stdin up front cannot block the parent.
constexpr qint64 PipeBufferBytes = 64 * 1024;
constexpr int WrapColumn = 79;

QString seconds(double value)
{
    return QString::number(value, 'g', 12);
}

int milliseconds(double seconds)
{
    return int(std::lround(std::max(0.0, seconds) * 1000.0));
}

QString octal(uchar byte)
{
    return QStringLiteral("\\%1").arg(uint(byte), 3, 8, QLatin1Char('0'));
}

// Shown as itself in a literal: not a control, format or unassigned code
// point, and not a line or paragraph separator (the editor would break the line).
bool isVisible(char32_t cp)
{
    switch (QChar::category(cp)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return false;
    default:
        return true;
    }
}

bool isValidUtf8(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes).toUtf8() == bytes;
}

// Text in a comment stays on its line and shows what is there.
QString commentText(const QString &text)
{
    QString out;
    for (const char32_t cp : text.toUcs4()) {
        if (cp == U'\n')
            out += QStringLiteral("\\n");
        else if (cp == U'\t')
            out += QLatin1Char(' ');
        else if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && !isVisible(cp)))
            out += QStringLiteral("\\u%1").arg(uint(cp), 4, 16, QLatin1Char('0'));
        else
            out += QString::fromUcs4(&cp, 1);
    }
    // A C++ line comment ending in a backslash would swallow the next line.
    if (out.endsWith(QLatin1Char('\\')))
        out += QLatin1Char('.');
    return out;
}

// prefix + items joined by ", " + suffix, wrapped before WrapColumn with the
// continuation lines aligned under the first item, as the seed wraps argv.
QStringList wrapList(const QString &prefix, const QStringList &items, const QString &suffix)
{
    QStringList lines;
    QString line = prefix;
    const QString pad(prefix.size(), QLatin1Char(' '));
    for (int i = 0; i < items.size(); ++i) {
        const QString piece = items.at(i) + (i + 1 < items.size() ? QStringLiteral(",") : suffix);
        const bool first = line.size() == prefix.size();
        if (!first && line.size() + 1 + piece.size() > WrapColumn) {
            lines << line;
            line = pad + piece;
        } else {
            line += (first ? QString() : QStringLiteral(" ")) + piece;
        }
    }
    if (items.isEmpty())
        line += suffix;
    lines << line;
    return lines;
}

QStringList indented(const QStringList &lines, int spaces)
{
    const QString pad(spaces, QLatin1Char(' '));
    QStringList out;
    for (const QString &line : lines)
        out << (line.isEmpty() ? line : pad + line);
    return out;
}

// "/bin/sh -c SCRIPT" with nothing after the script: Python's shell=True.
bool isPlainShell(const StageSpec &stage)
{
    return (stage.program == QLatin1String("/bin/sh") || stage.program == QLatin1String("sh"))
           && stage.args.size() == 2 && stage.args.at(0) == QLatin1String("-c");
}

QString snakeIdentifier(const QString &text)
{
    static const QRegularExpression nonWord(QStringLiteral("[^a-z0-9]+"));
    QString id = text.toLower().replace(nonWord, QStringLiteral("_"));
    while (id.startsWith(QLatin1Char('_')))
        id.remove(0, 1);
    while (id.endsWith(QLatin1Char('_')))
        id.chop(1);
    if (id.isEmpty())
        return {};
    if (id.at(0).isDigit())
        id.prepend(QStringLiteral("p"));
    return id;
}

QString camelFromSnake(const QString &snake)
{
    const QStringList parts = snake.split(QLatin1Char('_'), Qt::SkipEmptyParts);
    QString out;
    for (const QString &part : parts)
        out += out.isEmpty() ? part : part.at(0).toUpper() + part.mid(1);
    return out;
}

// One name per stage, unique within the preset: "openssl", "md5sum"; two
// openssl stages become "openssl_enc" and "openssl_dgst".
QStringList stageNames(const QList<StageSpec> &stages)
{
    QStringList base;
    for (const StageSpec &stage : stages) {
        QString name = stage.runsShell() ? QStringLiteral("shell") : snakeIdentifier(QFileInfo(stage.program).fileName());
        base << (name.isEmpty() ? QStringLiteral("stage") : name);
    }
    QStringList names = base;
    for (int i = 0; i < stages.size(); ++i) {
        if (base.count(base.at(i)) < 2)
            continue;
        for (const QString &arg : stages.at(i).args) {
            const QString word = snakeIdentifier(arg);
            if (!word.isEmpty() && !arg.startsWith(QLatin1Char('-'))) {
                names[i] = base.at(i) + QLatin1Char('_') + word.left(16);
                break;
            }
        }
    }
    QSet<QString> seen;
    for (int i = 0; i < names.size(); ++i) {
        if (seen.contains(names.at(i)))
            names[i] = QStringLiteral("%1_%2").arg(names.at(i)).arg(i + 1);
        seen.insert(names.at(i));
    }
    return names;
}

qint64 stdinSize(const StdinSpec &spec)
{
    return spec.kind == StdinSpec::Kind::RandomBytes ? spec.randomCount : spec.data.size();
}

bool isPlainAsciiText(const QByteArray &bytes)
{
    for (const char c : bytes) {
        const uchar u = uchar(c);
        if ((u < 0x20 && c != '\n' && c != '\t') || u >= 0x7f)
            return false;
    }
    return true;
}

// The Python expression for the preset's stdin bytes.
QString pythonStdinExpression(const StdinSpec &spec)
{
    switch (spec.kind) {
    case StdinSpec::Kind::None:
        return {};
    case StdinSpec::Kind::Text:
        if (!isPlainAsciiText(spec.data) && isValidUtf8(spec.data))
            return CodeGenerator::pythonString(QString::fromUtf8(spec.data)) + QStringLiteral(".encode('utf-8')");
        return CodeGenerator::pythonBytes(spec.data);
    case StdinSpec::Kind::Hex:
        return QStringLiteral("bytes.fromhex('%1')").arg(QString::fromLatin1(spec.data.toHex()));
    case StdinSpec::Kind::RandomBytes:
        return QStringLiteral("os.urandom(%1)").arg(spec.randomCount);
    }
    return {};
}

QStringList pythonArgv(const StageSpec &stage)
{
    QStringList items;
    items << CodeGenerator::pythonString(stage.program);
    for (const QString &arg : stage.args)
        items << CodeGenerator::pythonString(arg);
    return items;
}

struct PythonPlan
{
    const Preset &preset;
    QStringList names;
    int stageCount = 0;
    bool single = false;   // one copy of one stage: the seed's inline style
    bool polling = false;
    bool timeout = false;
    bool hasStdin = false;
    bool bigStdin = false;
    bool feeds = false;    // stdin goes through feed() rather than communicate(input=)

    explicit PythonPlan(const Preset &p)
        : preset(p)
        , names(stageNames(p.stages))
        , stageCount(int(p.stages.size()))
        , single(p.copies == 1 && p.stages.size() == 1)
        , polling(p.pollIntervalSec > 0)
        , timeout(p.timeoutSec > 0)
        , hasStdin(!p.stdinSpec.isNone())
        , bigStdin(stdinSize(p.stdinSpec) > PipeBufferBytes)
        , feeds(hasStdin && !(single && !polling))
    {
    }

    QString procVar(int stage) const { return names.at(stage) + QStringLiteral("_proc"); }
    QString listVar(int stage) const { return names.at(stage) + QStringLiteral("_procs"); }
    bool pipesLastStdout() const { return !polling; }
};

// True when the stage sets a variable whose value may be written out; secret
// ones are only inherited from the environment the example runs in.
bool hasPlainEnv(const StageSpec &stage)
{
    return std::any_of(stage.env.cbegin(), stage.env.cend(), [](const EnvVar &var) { return !var.secret; });
}

// env = ...; Popen(...) lines for one stage, at column 0.
QStringList pythonPopen(const PythonPlan &plan, int stage, const QString &stdinArg)
{
    const StageSpec &spec = plan.preset.stages.at(stage);
    QStringList lines;
    const bool ownEnv = hasPlainEnv(spec);
    if (ownEnv)
        lines << QStringLiteral("env = os.environ.copy()");
    if (!spec.env.isEmpty()) {
        for (const EnvVar &var : spec.env) {
            if (var.secret) {
                lines << QStringLiteral("# %1 is secret, so its value is not written here: the child")
                             .arg(commentText(var.name))
                      << QStringLiteral("# inherits it from your environment (export it before running).");
            } else {
                lines << QStringLiteral("env[%1] = %2")
                             .arg(CodeGenerator::pythonString(var.name), CodeGenerator::pythonString(var.value));
            }
        }
    }
    lines << QStringLiteral("proc = subprocess.Popen(");
    QStringList kwargs;
    if (isPlainShell(spec)) {
        kwargs << CodeGenerator::pythonString(spec.args.at(1)) + QLatin1Char(',')
               << QStringLiteral("shell=True,  # /bin/sh -c: pipes, globs and $VARS work; quote with care");
    } else {
        lines << indented(wrapList(QStringLiteral("["), pythonArgv(spec), QStringLiteral("],")), 4);
    }
    if (ownEnv)
        kwargs << QStringLiteral("env=env,");
    if (!spec.cwd.isEmpty())
        kwargs << QStringLiteral("cwd=%1,").arg(CodeGenerator::pythonString(spec.cwd));
    if (!stdinArg.isEmpty())
        kwargs << QStringLiteral("stdin=%1,").arg(stdinArg);
    const bool last = stage == plan.stageCount - 1;
    if (!last || plan.pipesLastStdout())
        kwargs << QStringLiteral("stdout=subprocess.PIPE,");
    if (kwargs.isEmpty()) {
        // Nothing but argv: one line if it fits, as the seed writes Popen(['sleep', '0.3']).
        const QString oneLine = QStringLiteral("proc = subprocess.Popen([%1])").arg(pythonArgv(spec).join(QStringLiteral(", ")));
        if (oneLine.size() <= WrapColumn - 4 && !isPlainShell(spec)) {
            lines.removeLast();
            lines.removeLast();
            lines << oneLine;
            return lines;
        }
        lines.last().chop(1);
        lines.last() += QLatin1Char(')');
        return lines;
    }
    // The last keyword ends the call: "stdout=subprocess.PIPE)".
    QString &end = kwargs.last();
    const qsizetype comment = end.indexOf(QStringLiteral(",  #"));
    if (comment >= 0)
        end.replace(comment, 1, QStringLiteral(")"));
    else
        end.replace(end.size() - 1, 1, QStringLiteral(")"));
    lines << indented(kwargs, 4);
    return lines;
}

QStringList pythonFeed(const PythonPlan &plan)
{
    if (plan.bigStdin) {
        return {QStringLiteral("# More than a pipe holds (64 KiB): a thread writes it, so that this"),
                QStringLiteral("# process can read the output meanwhile and neither side blocks."),
                QStringLiteral("threading.Thread(target=feed, args=(proc.stdin, data)).start()"),
                QStringLiteral("proc.stdin = None  # the thread owns it now and closes it")};
    }
    return {QStringLiteral("feed(proc.stdin, data)"),
            QStringLiteral("proc.stdin = None  # closed by feed(): communicate() must not flush it")};
}

QString pythonPrintOut(const QString &out)
{
    return QStringLiteral("print(%1.decode('utf-8', errors='backslashreplace'), end='')").arg(out);
}

QStringList pythonStopLines(const Preset &preset, const QString &proc)
{
    return {QStringLiteral("%1.terminate()  # SIGTERM").arg(proc),
            QStringLiteral("try:"),
            QStringLiteral("    %1.wait(timeout=%2)").arg(proc, seconds(preset.graceSec)),
            QStringLiteral("except subprocess.TimeoutExpired:"),
            QStringLiteral("    %1.kill()  # still running after the grace period: SIGKILL").arg(proc),
            QStringLiteral("    %1.wait()").arg(proc)};
}

QStringList pythonPollLoop(const PythonPlan &plan, const QString &condition, const QString &stopTarget)
{
    const Preset &p = plan.preset;
    QStringList lines;
    QString loop = condition;
    if (plan.timeout)
        loop += QStringLiteral(" and time() - start < %1").arg(seconds(p.timeoutSec));
    lines << QStringLiteral("while %1:").arg(loop) << QStringLiteral("    print('Working...')")
          << QStringLiteral("    # Some time-consuming work here") << QStringLiteral("    sleep(%1)").arg(seconds(p.pollIntervalSec));
    if (plan.timeout) {
        if (stopTarget == QLatin1String("proc")) {
            lines << QStringLiteral("if proc.poll() is None:  # still running after %1 s: time out").arg(seconds(p.timeoutSec))
                  << indented(pythonStopLines(p, QStringLiteral("proc")), 4);
        } else {
            lines << QStringLiteral("for proc in %1:").arg(stopTarget)
                  << QStringLiteral("    if proc.poll() is None:  # still running after %1 s: time out").arg(seconds(p.timeoutSec))
                  << indented(pythonStopLines(p, QStringLiteral("proc")), 8);
        }
    }
    return lines;
}

QString pythonSingle(const PythonPlan &plan)
{
    const Preset &p = plan.preset;
    QStringList lines;
    if (plan.hasStdin)
        lines << QStringLiteral("data = %1").arg(pythonStdinExpression(p.stdinSpec));
    lines << pythonPopen(plan, 0, plan.hasStdin ? QStringLiteral("subprocess.PIPE") : QString());
    if (plan.polling) {
        if (plan.feeds)
            lines << pythonFeed(plan);
        if (plan.timeout)
            lines << QStringLiteral("start = time()");
        lines << pythonPollLoop(plan, QStringLiteral("proc.poll() is None"), QStringLiteral("proc"));
        lines << QStringLiteral("print('Exit status', proc.poll())");
        return lines.join(QLatin1Char('\n'));
    }
    const QString input = plan.hasStdin ? QStringLiteral("input=data") : QString();
    if (!plan.timeout) {
        lines << QStringLiteral("out, err = proc.communicate(%1)").arg(input) << pythonPrintOut(QStringLiteral("out"));
        return lines.join(QLatin1Char('\n'));
    }
    QStringList args;
    if (!input.isEmpty())
        args << input;
    args << QStringLiteral("timeout=%1").arg(seconds(p.timeoutSec));
    lines << QStringLiteral("try:") << QStringLiteral("    out, err = proc.communicate(%1)").arg(args.join(QStringLiteral(", ")))
          << QStringLiteral("except subprocess.TimeoutExpired:") << QStringLiteral("    proc.terminate()  # SIGTERM")
          << QStringLiteral("    try:") << QStringLiteral("        out, err = proc.communicate(timeout=%1)").arg(seconds(p.graceSec))
          << QStringLiteral("    except subprocess.TimeoutExpired:")
          << QStringLiteral("        proc.kill()  # still running after the grace period: SIGKILL")
          << QStringLiteral("        out, err = proc.communicate()") << pythonPrintOut(QStringLiteral("out"))
          << QStringLiteral("print('Exit status', proc.poll())");
    return lines.join(QLatin1Char('\n'));
}

// One "def run_<stage>(...)" per stage, as the seed's run_openssl() and run_md5().
QStringList pythonStageFunctions(const PythonPlan &plan)
{
    QStringList defs;
    for (int i = 0; i < plan.stageCount; ++i) {
        QString param;
        QString stdinArg;
        if (i > 0) {
            param = QStringLiteral("input_stdin");
            stdinArg = param;
        } else if (plan.hasStdin) {
            param = QStringLiteral("data");
            stdinArg = QStringLiteral("subprocess.PIPE");
        }
        QStringList lines{QStringLiteral("def run_%1(%2):").arg(plan.names.at(i), param)};
        QStringList body = pythonPopen(plan, i, stdinArg);
        if (i == 0 && plan.feeds)
            body << pythonFeed(plan);
        body << QStringLiteral("return proc");
        lines << indented(body, 4);
        defs << lines.join(QLatin1Char('\n'));
    }
    return defs;
}

QString pythonMulti(const PythonPlan &plan)
{
    const Preset &p = plan.preset;
    const int n = plan.stageCount;
    const bool fanOut = p.copies > 1;
    QStringList lines;

    if (fanOut) {
        lines << QStringLiteral("start = time()");
        for (int i = 0; i < n; ++i)
            lines << QStringLiteral("%1 = []").arg(plan.listVar(i));
    } else if (plan.polling && plan.timeout) {
        lines << QStringLiteral("start = time()");
    }

    QStringList startBody;
    if (plan.hasStdin)
        startBody << QStringLiteral("data = %1").arg(pythonStdinExpression(p.stdinSpec));
    for (int i = 0; i < n; ++i) {
        const QString arg = i > 0 ? plan.procVar(i - 1) + QStringLiteral(".stdout")
                                  : (plan.hasStdin ? QStringLiteral("data") : QString());
        startBody << QStringLiteral("%1 = run_%2(%3)").arg(plan.procVar(i), plan.names.at(i), arg);
        if (fanOut)
            startBody << QStringLiteral("%1.append(%2)").arg(plan.listVar(i), plan.procVar(i));
        if (i > 0) {
            startBody << QStringLiteral("# Only %1 reads this pipe now; closing our copy lets %2")
                             .arg(plan.names.at(i), plan.names.at(i - 1))
                      << QStringLiteral("# get SIGPIPE if %1 exits early.").arg(plan.names.at(i))
                      << QStringLiteral("%1.stdout.close()").arg(plan.procVar(i - 1))
                      << QStringLiteral("%1.stdout = None").arg(plan.procVar(i - 1));
        }
    }
    if (fanOut)
        lines << QStringLiteral("for _ in range(%1):").arg(p.copies) << indented(startBody, 4);
    else
        lines << startBody;
    lines << QString();

    // "for proc in x_procs:" with a body, or the body on the one proc.
    auto eachProc = [&](int stage, const QStringList &body) {
        QStringList out;
        if (fanOut) {
            out << QStringLiteral("for proc in %1:").arg(plan.listVar(stage)) << indented(body, 4);
        } else {
            for (QString line : body)
                out << line.replace(QRegularExpression(QStringLiteral("\\bproc\\b")), plan.procVar(stage));
        }
        return out;
    };

    if (plan.polling) {
        QString all;
        if (fanOut) {
            QStringList lists;
            for (int i = 0; i < n; ++i)
                lists << plan.listVar(i);
            all = lists.join(QStringLiteral(" + "));
        } else {
            QStringList procs;
            for (int i = 0; i < n; ++i)
                procs << plan.procVar(i);
            all = QLatin1Char('[') + procs.join(QStringLiteral(", ")) + QLatin1Char(']');
        }
        lines << QStringLiteral("procs = %1").arg(all)
              << pythonPollLoop(plan, QStringLiteral("any(proc.poll() is None for proc in procs)"), QStringLiteral("procs"))
              << eachProc(n - 1, {QStringLiteral("print('Exit status', proc.poll())")});
    } else {
        const QString wait = plan.timeout ? QStringLiteral("communicate_or_stop(proc, deadline)")
                                          : QStringLiteral("proc.communicate()");
        if (plan.timeout)
            lines << QStringLiteral("deadline = time() + %1  # every child has just started: one deadline for all")
                         .arg(seconds(p.timeoutSec));
        if (n > 1) {
            lines << QStringLiteral("# Read the last stage first: the earlier ones can only finish once")
                  << QStringLiteral("# their output has somewhere to go.");
        }
        QStringList lastBody{QStringLiteral("out, err = %1").arg(wait), pythonPrintOut(QStringLiteral("out"))};
        if (plan.timeout)
            lastBody << QStringLiteral("print('Exit status', proc.returncode)");
        lines << eachProc(n - 1, lastBody);
        for (int i = n - 2; i >= 0; --i)
            lines << eachProc(i, {wait});
    }
    if (fanOut)
        lines << QStringLiteral("print('Finished in %.3f seconds' % (time() - start))");
    return lines.join(QLatin1Char('\n'));
}

} // namespace

QString CodeGenerator::pythonString(const QString &text)
{
    const QChar quote = text.contains(QLatin1Char('\'')) && !text.contains(QLatin1Char('"')) ? QLatin1Char('"')
                                                                                             : QLatin1Char('\'');
    QString out = quote;
    for (const char32_t cp : text.toUcs4()) {
        if (cp == U'\\' || cp == quote.unicode())
            out += QLatin1Char('\\') + QString::fromUcs4(&cp, 1);
        else if (cp == U'\n')
            out += QStringLiteral("\\n");
        else if (cp == U'\r')
            out += QStringLiteral("\\r");
        else if (cp == U'\t')
            out += QStringLiteral("\\t");
        else if (cp < 0x20 || cp == 0x7f)
            out += QStringLiteral("\\x%1").arg(uint(cp), 2, 16, QLatin1Char('0'));
        else if (cp < 0x80 || isVisible(cp))
            out += QString::fromUcs4(&cp, 1);
        else if (cp <= 0xff)
            out += QStringLiteral("\\x%1").arg(uint(cp), 2, 16, QLatin1Char('0'));
        else if (cp <= 0xffff)
            out += QStringLiteral("\\u%1").arg(uint(cp), 4, 16, QLatin1Char('0'));
        else
            out += QStringLiteral("\\U%1").arg(uint(cp), 8, 16, QLatin1Char('0'));
    }
    return out + quote;
}

QString CodeGenerator::pythonBytes(const QByteArray &bytes)
{
    const char quote = bytes.contains('\'') && !bytes.contains('"') ? '"' : '\'';
    QString out = QStringLiteral("b") + QLatin1Char(quote);
    for (const char c : bytes) {
        const uchar u = uchar(c);
        if (c == '\\' || c == quote)
            out += QLatin1Char('\\') + QString(QLatin1Char(c));
        else if (c == '\n')
            out += QStringLiteral("\\n");
        else if (c == '\r')
            out += QStringLiteral("\\r");
        else if (c == '\t')
            out += QStringLiteral("\\t");
        else if (u < 0x20 || u >= 0x7f)
            out += QStringLiteral("\\x%1").arg(uint(u), 2, 16, QLatin1Char('0'));
        else
            out += QLatin1Char(c);
    }
    return out + QLatin1Char(quote);
}

QString CodeGenerator::cppString(const QString &text)
{
    QString out = QStringLiteral("\"");
    char32_t previous = 0;
    for (const char32_t cp : text.toUcs4()) {
        const bool afterQuestion = previous == U'?';
        previous = cp;
        if (cp == U'?' && afterQuestion) {
            out += QStringLiteral("\\?"); // "??=" would read as a trigraph (and warn) in older modes
        } else if (cp == U'\\' || cp == U'"') {
            out += QLatin1Char('\\') + QString::fromUcs4(&cp, 1);
        } else if (cp == U'\n') {
            out += QStringLiteral("\\n");
        } else if (cp == U'\r') {
            out += QStringLiteral("\\r");
        } else if (cp == U'\t') {
            out += QStringLiteral("\\t");
        } else if (cp < 0x20 || cp == 0x7f) {
            out += octal(uchar(cp)); // octal: at most 3 digits, so a following digit stays itself
        } else if (cp < 0x80 || isVisible(cp)) {
            out += QString::fromUcs4(&cp, 1);
        } else {
            for (const char byte : QString::fromUcs4(&cp, 1).toUtf8())
                out += octal(uchar(byte));
        }
    }
    return out + QLatin1Char('"');
}

QString CodeGenerator::cppBytes(const QByteArray &bytes)
{
    if (isValidUtf8(bytes))
        return cppString(QString::fromUtf8(bytes));
    QString out = QStringLiteral("\"");
    char previous = 0;
    for (const char c : bytes) {
        const uchar u = uchar(c);
        const bool afterQuestion = previous == '?';
        previous = c;
        if (c == '?' && afterQuestion)
            out += QStringLiteral("\\?");
        else if (c == '\\' || c == '"')
            out += QLatin1Char('\\') + QString(QLatin1Char(c));
        else if (c == '\n')
            out += QStringLiteral("\\n");
        else if (u < 0x20 || u >= 0x7f)
            out += octal(u);
        else
            out += QLatin1Char(c);
    }
    return out + QLatin1Char('"');
}

QString CodeGenerator::cppBuildCommand(const QString &fileName)
{
    return QStringLiteral("g++ -std=c++17 -fPIC %1 $(pkg-config --cflags --libs Qt6Core) -o %2")
        .arg(fileName, QFileInfo(fileName).completeBaseName());
}

QString CodeGenerator::python(const Preset &preset)
{
    if (preset.stages.isEmpty())
        return {};
    const PythonPlan plan(preset);
    QStringList lines;
    lines << QStringLiteral("# Generated by SpawnScope from the preset \"%1\".").arg(commentText(preset.title));
    if (preset.copies > 1)
        lines << QStringLiteral("# %1 copies of: %2").arg(preset.copies).arg(commentText(preset.commandLine()));
    else
        lines << QStringLiteral("# Runs: %1").arg(commentText(preset.commandLine()));
    lines << QString();

    const bool needOs = preset.stdinSpec.kind == StdinSpec::Kind::RandomBytes
                        || std::any_of(preset.stages.cbegin(), preset.stages.cend(), hasPlainEnv);
    QStringList timeNames;
    if (plan.polling)
        timeNames << QStringLiteral("sleep");
    if (preset.copies > 1 || (plan.timeout && (!plan.single || plan.polling)))
        timeNames << QStringLiteral("time");
    if (needOs)
        lines << QStringLiteral("import os");
    lines << QStringLiteral("import subprocess");
    if (plan.feeds && plan.bigStdin)
        lines << QStringLiteral("import threading");
    if (!timeNames.isEmpty())
        lines << QStringLiteral("from time import %1").arg(timeNames.join(QStringLiteral(", ")));

    // Top-level blocks: PEP 8's two blank lines around a def, the seed's one otherwise.
    QStringList blocks;
    if (plan.feeds) {
        blocks << QStringList{QStringLiteral("def feed(pipe, data):"), QStringLiteral("    try:"),
                              QStringLiteral("        pipe.write(data)"),
                              QStringLiteral("        pipe.close()  # EOF: close, not just flush, so the child can finish"),
                              QStringLiteral("    except BrokenPipeError:"),
                              QStringLiteral("        pass  # the child exited without reading all of it")}
                      .join(QLatin1Char('\n'));
    }
    if (plan.timeout && !plan.single && !plan.polling) {
        blocks << QStringList{QStringLiteral("def communicate_or_stop(proc, deadline):"), QStringLiteral("    try:"),
                              QStringLiteral("        return proc.communicate(timeout=max(0, deadline - time()))"),
                              QStringLiteral("    except subprocess.TimeoutExpired:"),
                              QStringLiteral("        proc.terminate()  # SIGTERM"), QStringLiteral("        try:"),
                              QStringLiteral("            return proc.communicate(timeout=%1)").arg(seconds(preset.graceSec)),
                              QStringLiteral("        except subprocess.TimeoutExpired:"),
                              QStringLiteral("            proc.kill()  # still running after the grace period: SIGKILL"),
                              QStringLiteral("            return proc.communicate()")}
                      .join(QLatin1Char('\n'));
    }
    if (!plan.single)
        blocks << pythonStageFunctions(plan);
    blocks << (plan.single ? pythonSingle(plan) : pythonMulti(plan));
    const QString separator = blocks.size() > 1 ? QStringLiteral("\n\n\n") : QStringLiteral("\n\n");
    return lines.join(QLatin1Char('\n')) + separator + blocks.join(separator) + QLatin1Char('\n');
}
namespace {

QString cppStdinDeclaration(const StdinSpec &spec)
{
    switch (spec.kind) {
    case StdinSpec::Kind::None:
        return {};
    case StdinSpec::Kind::Text:
        return QStringLiteral("const QByteArray data = QByteArrayLiteral(%1);").arg(CodeGenerator::cppBytes(spec.data));
    case StdinSpec::Kind::Hex:
        return QStringLiteral("const QByteArray data = QByteArray::fromHex(\"%1\");")
            .arg(QString::fromLatin1(spec.data.toHex()));
    case StdinSpec::Kind::RandomBytes:
        return QStringLiteral("QByteArray data(%1, Qt::Uninitialized);\n"
                              "QRandomGenerator::system()->generate(data.begin(), data.end()); // os.urandom(%1)")
            .arg(spec.randomCount);
    }
    return {};
}

QStringList cppStageSetup(const Preset &preset, int stage, const QString &process)
{
    const StageSpec &spec = preset.stages.at(stage);
    QStringList lines;
    const bool ownEnv = hasPlainEnv(spec);
    const QString env = process.chopped(int(qstrlen("Process"))) + QStringLiteral("Env");
    if (ownEnv)
        lines << QStringLiteral("QProcessEnvironment %1 = QProcessEnvironment::systemEnvironment();").arg(env);
    if (!spec.env.isEmpty()) {
        for (const EnvVar &var : spec.env) {
            if (var.secret) {
                lines << QStringLiteral("// %1 is secret, so its value is not written here: the child")
                             .arg(commentText(var.name))
                      << QStringLiteral("// inherits it from your environment (export it before running).");
            } else {
                lines << QStringLiteral("%1.insert(%2, %3);")
                             .arg(env, CodeGenerator::cppString(var.name), CodeGenerator::cppString(var.value));
            }
        }
    }
    if (ownEnv)
        lines << QStringLiteral("%1->setProcessEnvironment(%2);").arg(process, env);
    if (!spec.cwd.isEmpty())
        lines << QStringLiteral("%1->setWorkingDirectory(%2);").arg(process, CodeGenerator::cppString(spec.cwd));
    if (stage == 0 && preset.stdinSpec.isNone())
        lines << QStringLiteral("%1->setStandardInputFile(QProcess::nullDevice()); // no input: EOF at once").arg(process);
    return lines;
}

QStringList cppStart(const StageSpec &spec, const QString &var)
{
    QStringList lines;
    if (spec.runsShell())
        lines << QStringLiteral("// A shell: the script may use pipes, globs and $VARS.");
    const QString call = QStringLiteral("%1->start(%2").arg(var, CodeGenerator::cppString(spec.program));
    if (spec.args.isEmpty())
        return lines << call + QStringLiteral(");");
    QStringList items;
    for (const QString &arg : spec.args)
        items << CodeGenerator::cppString(arg);
    return lines << wrapList(call + QStringLiteral(", {"), items, QStringLiteral("});"));
}

} // namespace

QString CodeGenerator::cpp(const Preset &preset)
{
    if (preset.stages.isEmpty())
        return {};
    const int n = int(preset.stages.size());
    const bool fanOut = preset.copies > 1;
    const bool polling = preset.pollIntervalSec > 0;
    const bool timeout = preset.timeoutSec > 0;
    const bool hasEnv = std::any_of(preset.stages.cbegin(), preset.stages.cend(), hasPlainEnv);
    QStringList vars;
    for (const QString &name : stageNames(preset.stages))
        vars << camelFromSnake(name) + QStringLiteral("Process");

    QStringList lines;
    lines << QStringLiteral("// Generated by SpawnScope from the preset \"%1\".").arg(commentText(preset.title));
    if (fanOut)
        lines << QStringLiteral("// %1 copies of: %2").arg(preset.copies).arg(commentText(preset.commandLine()));
    else
        lines << QStringLiteral("// Runs: %1").arg(commentText(preset.commandLine()));
    lines << QStringLiteral("//") << QStringLiteral("// Build: %1").arg(cppBuildCommand()) << QStringLiteral("//")
          << QStringLiteral("// Event-driven, as SpawnScope itself is: main() starts the children and the")
          << QStringLiteral("// event loop reports their output and exit through signals, so nothing")
          << QStringLiteral("// blocks in waitForFinished(); timeouts and polls are QTimers.") << QString()
          << QStringLiteral("#include <QCoreApplication>");
    if (fanOut)
        lines << QStringLiteral("#include <QElapsedTimer>");
    if (polling)
        lines << QStringLiteral("#include <QList>");
    lines << QStringLiteral("#include <QProcess>");
    if (hasEnv)
        lines << QStringLiteral("#include <QProcessEnvironment>");
    if (preset.stdinSpec.kind == StdinSpec::Kind::RandomBytes)
        lines << QStringLiteral("#include <QRandomGenerator>");
    if (polling || timeout)
        lines << QStringLiteral("#include <QTimer>");
    lines << QString() << QStringLiteral("#include <cstdio>") << QString() << QStringLiteral("int main(int argc, char *argv[])")
          << QStringLiteral("{");

    QStringList body;
    body << QStringLiteral("QCoreApplication app(argc, argv);");
    if (fanOut)
        body << QStringLiteral("QElapsedTimer clock;") << QStringLiteral("clock.start();");
    if (polling)
        body << QStringLiteral("QList<QProcess *> children;");
    body << QStringLiteral("int running = 0; // children not finished yet; the program ends at 0") << QString()
         << QStringLiteral("// Called once for every child, when it exits or fails to start.")
         << QStringLiteral("auto childDone = [&] {") << QStringLiteral("    if (--running > 0)")
         << QStringLiteral("        return;");
    if (fanOut)
        body << QStringLiteral("    std::printf(\"Finished in %.3f seconds\\n\", clock.elapsed() / 1000.0);");
    body << QStringLiteral("    app.quit();") << QStringLiteral("};");
    body << (timeout ? QStringLiteral("// Counts a child in, passes its stderr through to ours as Python does, and")
                     : QStringLiteral("// Counts a child in and passes its stderr through to ours, as Python does."));
    if (timeout)
        body << QStringLiteral("// arms the timeout: SIGTERM after %1 s, SIGKILL %2 s later if it is still there.")
                    .arg(seconds(preset.timeoutSec), seconds(preset.graceSec));
    body << QStringLiteral("auto track = [&](QProcess *child) {") << QStringLiteral("    ++running;");
    if (polling)
        body << QStringLiteral("    children << child;");
    body << QStringLiteral("    child->setProcessChannelMode(QProcess::ForwardedErrorChannel);")
         << QStringLiteral("    QObject::connect(child, &QProcess::finished, &app, childDone);")
         << QStringLiteral("    QObject::connect(child, &QProcess::errorOccurred, &app,")
         << QStringLiteral("                     [&, child](QProcess::ProcessError error) {")
         << QStringLiteral("                         if (error != QProcess::FailedToStart)")
         << QStringLiteral("                             return;")
         << QStringLiteral("                         std::fprintf(stderr, \"%s\\n\", qPrintable(child->errorString()));")
         << QStringLiteral("                         childDone();") << QStringLiteral("                     });");
    if (timeout) {
        body << QStringLiteral("    QTimer::singleShot(%1, child, [child] {").arg(milliseconds(preset.timeoutSec))
             << QStringLiteral("        if (child->state() == QProcess::NotRunning)") << QStringLiteral("            return;")
             << QStringLiteral("        child->terminate();")
             << QStringLiteral("        QTimer::singleShot(%1, child, [child] { child->kill(); });").arg(milliseconds(preset.graceSec))
             << QStringLiteral("    });");
    }
    body << QStringLiteral("};");
    if (polling) {
        body << QString() << QStringLiteral("// The seed's poll() loop, event-driven: every %1 s, ask each child's state().")
                                 .arg(seconds(preset.pollIntervalSec))
             << QStringLiteral("auto pollOnce = [&] {") << QStringLiteral("    for (const QProcess *child : children) {")
             << QStringLiteral("        if (child->state() != QProcess::NotRunning) {")
             << QStringLiteral("            std::printf(\"Working...\\n\");") << QStringLiteral("            return;")
             << QStringLiteral("        }") << QStringLiteral("    }") << QStringLiteral("};") << QStringLiteral("QTimer poll;")
             << QStringLiteral("QObject::connect(&poll, &QTimer::timeout, &app, pollOnce);");
    }
    body << QString();

    QStringList copy;
    const QString stdinDecl = cppStdinDeclaration(preset.stdinSpec);
    if (!stdinDecl.isEmpty())
        copy << stdinDecl.split(QLatin1Char('\n'));
    for (int i = 0; i < n; ++i)
        copy << QStringLiteral("auto *%1 = new QProcess(&app);").arg(vars.at(i));
    for (int i = 0; i + 1 < n; ++i) {
        copy << QStringLiteral("// An OS pipe from %1's stdout to %2's stdin:")
                    .arg(commentText(QFileInfo(preset.stages.at(i).program).fileName()),
                         commentText(QFileInfo(preset.stages.at(i + 1).program).fileName()))
             << QStringLiteral("// the bytes never pass through this program.")
             << QStringLiteral("%1->setStandardOutputProcess(%2);").arg(vars.at(i), vars.at(i + 1));
    }
    const QString last = vars.at(n - 1);
    const bool printStatus = timeout || polling;
    copy << QStringLiteral("QObject::connect(%1, &QProcess::finished, &app, [%1]%2 {")
                .arg(last, printStatus ? QStringLiteral("(int exitCode, QProcess::ExitStatus status)") : QString())
         << QStringLiteral("    const QByteArray out = %1->readAllStandardOutput();").arg(last)
         << QStringLiteral("    std::fwrite(out.constData(), 1, size_t(out.size()), stdout);");
    if (printStatus) {
        copy << QStringLiteral("    if (status == QProcess::CrashExit)")
             << QStringLiteral("        std::printf(\"Exit status: killed by a signal\\n\");") << QStringLiteral("    else")
             << QStringLiteral("        std::printf(\"Exit status %d\\n\", exitCode);");
    }
    copy << QStringLiteral("});");
    for (int i = 0; i < n; ++i)
        copy << QStringLiteral("track(%1);").arg(vars.at(i));
    for (int i = 0; i < n; ++i)
        copy << cppStageSetup(preset, i, vars.at(i));
    for (int i = 0; i < n; ++i)
        copy << cppStart(preset.stages.at(i), vars.at(i));
    if (!preset.stdinSpec.isNone()) {
        copy << QStringLiteral("%1->write(data); // QProcess buffers it and writes as the child reads").arg(vars.at(0))
             << QStringLiteral("%1->closeWriteChannel(); // EOF: the child knows the input is complete").arg(vars.at(0));
    }

    if (fanOut) {
        body << QStringLiteral("for (int copy = 0; copy < %1; ++copy) {").arg(preset.copies) << indented(copy, 4)
             << QStringLiteral("}");
    } else {
        body << copy;
    }
    if (polling) {
        body << QString() << QStringLiteral("pollOnce(); // like the seed, poll once before the first wait")
             << QStringLiteral("poll.start(%1);").arg(milliseconds(preset.pollIntervalSec));
    }
    body << QString() << QStringLiteral("return app.exec();");
    lines << indented(body, 4) << QStringLiteral("}");
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}
