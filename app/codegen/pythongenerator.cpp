#include "pythongenerator.h"

#include "codetext.h"

#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

namespace {

// A child writing more than this before anyone reads would block: the Linux
// pipe buffer. Up to it, writing stdin up front cannot block the parent.
constexpr qint64 PipeBufferBytes = 64 * 1024;

// "/bin/sh -c SCRIPT" with nothing after the script: Python's shell=True.
bool isPlainShell(const StageSpec &stage)
{
    return (stage.program == QLatin1String("/bin/sh") || stage.program == QLatin1String("sh"))
           && stage.args.size() == 2 && stage.args.at(0) == QLatin1String("-c");
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
    case StdinSpec::Kind::Interactive: // typed by the user: the generated code feeds nothing
        return {};
    case StdinSpec::Kind::Text:
        if (!isPlainAsciiText(spec.data) && CodeText::isValidUtf8(spec.data))
            return CodeText::pythonString(QString::fromUtf8(spec.data)) + QStringLiteral(".encode('utf-8')");
        return CodeText::pythonBytes(spec.data);
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
    items << CodeText::pythonString(stage.program);
    for (const QString &arg : stage.args)
        items << CodeText::pythonString(arg);
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
        , names(CodeText::stageNames(p.stages))
        , stageCount(int(p.stages.size()))
        , single(p.copies == 1 && p.stages.size() == 1)
        , polling(p.pollIntervalSec > 0)
        , timeout(p.timeoutSec > 0)
        , hasStdin(p.stdinSpec.feedsData())
        , bigStdin(stdinSize(p.stdinSpec) > PipeBufferBytes)
        , feeds(hasStdin && !(single && !polling))
    {
    }

    QString procVar(int stage) const { return names.at(stage) + QStringLiteral("_proc"); }
    QString listVar(int stage) const { return names.at(stage) + QStringLiteral("_procs"); }
    bool pipesLastStdout() const { return !polling; }
};

// env = ...; Popen(...) lines for one stage, at column 0.
QStringList pythonPopen(const PythonPlan &plan, int stage, const QString &stdinArg)
{
    const StageSpec &spec = plan.preset.stages.at(stage);
    QStringList lines;
    const bool ownEnv = CodeText::hasPlainEnv(spec);
    if (ownEnv)
        lines << QStringLiteral("env = os.environ.copy()");
    if (!spec.env.isEmpty()) {
        for (const EnvVar &var : spec.env) {
            if (var.secret) {
                lines << QStringLiteral("# %1 is secret, so its value is not written here: the child")
                             .arg(CodeText::commentText(var.name))
                      << QStringLiteral("# inherits it from your environment (export it before running).");
            } else {
                lines << QStringLiteral("env[%1] = %2")
                             .arg(CodeText::pythonString(var.name), CodeText::pythonString(var.value));
            }
        }
    }
    lines << QStringLiteral("proc = subprocess.Popen(");
    QStringList kwargs;
    if (isPlainShell(spec)) {
        kwargs << CodeText::pythonString(spec.args.at(1)) + QLatin1Char(',')
               << QStringLiteral("shell=True,  # /bin/sh -c: pipes, globs and $VARS work; quote with care");
    } else {
        lines << CodeText::indented(CodeText::wrapList(QStringLiteral("["), pythonArgv(spec), QStringLiteral("],")), 4);
    }
    if (ownEnv)
        kwargs << QStringLiteral("env=env,");
    if (!spec.cwd.isEmpty())
        kwargs << QStringLiteral("cwd=%1,").arg(CodeText::pythonString(spec.cwd));
    if (!stdinArg.isEmpty())
        kwargs << QStringLiteral("stdin=%1,").arg(stdinArg);
    const bool last = stage == plan.stageCount - 1;
    if (!last || plan.pipesLastStdout())
        kwargs << QStringLiteral("stdout=subprocess.PIPE,");
    if (kwargs.isEmpty()) {
        // Nothing but argv: one line if it fits, as the seed writes Popen(['sleep', '0.3']).
        const QString oneLine = QStringLiteral("proc = subprocess.Popen([%1])").arg(pythonArgv(spec).join(QStringLiteral(", ")));
        if (oneLine.size() <= CodeText::WrapColumn - 4 && !isPlainShell(spec)) {
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
    lines << CodeText::indented(kwargs, 4);
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
            QStringLiteral("    %1.wait(timeout=%2)").arg(proc, CodeText::seconds(preset.graceSec)),
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
        loop += QStringLiteral(" and time() - start < %1").arg(CodeText::seconds(p.timeoutSec));
    lines << QStringLiteral("while %1:").arg(loop) << QStringLiteral("    print('Working...')")
          << QStringLiteral("    # Some time-consuming work here") << QStringLiteral("    sleep(%1)").arg(CodeText::seconds(p.pollIntervalSec));
    if (plan.timeout) {
        if (stopTarget == QLatin1String("proc")) {
            lines << QStringLiteral("if proc.poll() is None:  # still running after %1 s: time out").arg(CodeText::seconds(p.timeoutSec))
                  << CodeText::indented(pythonStopLines(p, QStringLiteral("proc")), 4);
        } else {
            lines << QStringLiteral("for proc in %1:").arg(stopTarget)
                  << QStringLiteral("    if proc.poll() is None:  # still running after %1 s: time out").arg(CodeText::seconds(p.timeoutSec))
                  << CodeText::indented(pythonStopLines(p, QStringLiteral("proc")), 8);
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
    args << QStringLiteral("timeout=%1").arg(CodeText::seconds(p.timeoutSec));
    lines << QStringLiteral("try:") << QStringLiteral("    out, err = proc.communicate(%1)").arg(args.join(QStringLiteral(", ")))
          << QStringLiteral("except subprocess.TimeoutExpired:") << QStringLiteral("    proc.terminate()  # SIGTERM")
          << QStringLiteral("    try:") << QStringLiteral("        out, err = proc.communicate(timeout=%1)").arg(CodeText::seconds(p.graceSec))
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
        lines << CodeText::indented(body, 4);
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
        lines << QStringLiteral("for _ in range(%1):").arg(p.copies) << CodeText::indented(startBody, 4);
    else
        lines << startBody;
    lines << QString();

    // "for proc in x_procs:" with a body, or the body on the one proc.
    auto eachProc = [&](int stage, const QStringList &body) {
        QStringList out;
        if (fanOut) {
            out << QStringLiteral("for proc in %1:").arg(plan.listVar(stage)) << CodeText::indented(body, 4);
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
                         .arg(CodeText::seconds(p.timeoutSec));
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

QString PythonGenerator::generate(const Preset &preset)
{
    if (preset.stages.isEmpty())
        return {};
    const PythonPlan plan(preset);
    QStringList lines;
    lines << QStringLiteral("# Generated by SpawnScope from the preset \"%1\".").arg(CodeText::commentText(preset.title));
    if (preset.copies > 1)
        lines << QStringLiteral("# %1 copies of: %2").arg(preset.copies).arg(CodeText::commentText(preset.commandLine()));
    else
        lines << QStringLiteral("# Runs: %1").arg(CodeText::commentText(preset.commandLine()));
    lines << QString();

    const bool needOs = preset.stdinSpec.kind == StdinSpec::Kind::RandomBytes
                        || std::any_of(preset.stages.cbegin(), preset.stages.cend(), CodeText::hasPlainEnv);
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
                              QStringLiteral("            return proc.communicate(timeout=%1)").arg(CodeText::seconds(preset.graceSec)),
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
