// The Code panel's generated Python and C++ must parse, build and do what the
// preset does; literals must carry awkward text through unchanged.
#include "codepanel.h"
#include "codetext.h"
#include "cppgenerator.h"
#include "presetfile.h"
#include "pythongenerator.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct Run
{
    bool finished = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    qint64 elapsedMs = 0;
};

Run runProgram(const QString &program, const QStringList &args, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
               const QByteArray &input = {}, int timeoutMs = 30000)
{
    QProcess process;
    process.setProcessEnvironment(env);
    QElapsedTimer clock;
    clock.start();
    process.start(program, args);
    Run run;
    if (!process.waitForStarted(timeoutMs))
        return run;
    process.write(input);
    process.closeWriteChannel();
    run.finished = process.waitForFinished(timeoutMs) && process.exitStatus() == QProcess::NormalExit;
    if (!run.finished) {
        process.kill();
        process.waitForFinished();
    }
    run.elapsedMs = clock.elapsed();
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

bool writeFile(const QString &path, const QString &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text.toUtf8()) >= 0;
}

// Text that trips up naive quoting in Python, C++ and the shell.
QStringList awkwardStrings()
{
    return {QStringLiteral("plain"),
            QString(),
            QStringLiteral("it's"),
            QStringLiteral("say \"hi\""),
            QStringLiteral("both ' and \""),
            QStringLiteral("back\\slash\\"),
            QStringLiteral("\\n is not a newline, but this is:\nsecond line"),
            QStringLiteral("tab\there\r\n"),
            QStringLiteral("escape \x1b[1m and \x7f and \x01"),
            QStringLiteral("\x1b" "7 octal-looking digits after an escape"),
            QStringLiteral("한국어 자식 프로세스, ünïcödé, emoji \U0001F389"),
            QStringLiteral("line\u2028separator and nbsp\u00a0and \u0085next-line"),
            QStringLiteral("$HOME `id` $(id) * ? ~ ; | & > <"),
            QStringLiteral("?" "?= trigraph-looking ?" "?/"),
            QStringLiteral(" leading and trailing spaces ")};
}

Preset builtIn(const QString &id)
{
    for (const Preset &preset : PresetFile::builtIns()) {
        if (preset.id == id)
            return preset;
    }
    return {};
}

// A two-copy chain that exercises stdin text, an environment variable, a
// working directory, a shell stage and awkward argv words.
Preset awkwardChain(const QString &cwd)
{
    Preset preset;
    preset.id = QStringLiteral("awkward");
    preset.title = QStringLiteral("Awkward \"quotes\"\nand a newline \\");
    preset.copies = 2;
    preset.stdinSpec.kind = StdinSpec::Kind::Text;
    preset.stdinSpec.data = QStringLiteral("stdin: línea 'one'\n\"two\" \\ end\n").toUtf8();
    StageSpec first;
    first.program = QStringLiteral("/bin/sh");
    first.args = {QStringLiteral("-c"), QStringLiteral("cat; printf '%s|' \"$GREETING\" \"$(pwd)\"")};
    first.env = {EnvVar{QStringLiteral("GREETING"), QStringLiteral("안녕 \"hi\" $x \\ 'q'"), false}};
    first.cwd = cwd;
    StageSpec second;
    second.program = QStringLiteral("sh");
    second.args = {QStringLiteral("-c"), QStringLiteral("cat; printf '%s|' \"$@\""), QStringLiteral("sh")};
    second.args << awkwardStrings();
    preset.stages = {first, second};
    return preset;
}

QByteArray awkwardChainOutput(const Preset &preset, const QString &cwd)
{
    QByteArray once = preset.stdinSpec.data;
    once += preset.stages.at(0).env.at(0).value.toUtf8() + '|' + cwd.toUtf8() + '|';
    for (const QString &arg : awkwardStrings())
        once += arg.toUtf8() + '|';
    return once + once;
}

QByteArray withoutFinishedLine(QByteArray out)
{
    static const QRegularExpression finished(QStringLiteral("Finished in [0-9.]+ seconds\n$"));
    return QString::fromUtf8(out).remove(finished).toUtf8();
}

} // namespace

class TestCodeGenerator : public QObject
{
    Q_OBJECT

private:
    QString m_python;
    QString m_compiler;
    QStringList m_qtFlags;

    Run runPython(const QString &code, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("example.py"));
        if (!writeFile(path, code))
            return {};
        return runProgram(m_python, {path}, env);
    }

    // Builds code as a Qt program in dir; returns the executable's path, or
    // an empty string with the compiler's complaint in *error.
    QString buildCpp(const QTemporaryDir &dir, const QString &code, QString *error)
    {
        const QString source = dir.filePath(QStringLiteral("main.cpp"));
        const QString binary = dir.filePath(QStringLiteral("main"));
        writeFile(source, code);
        const Run run = runProgram(m_compiler, QStringList{QStringLiteral("-std=c++17"), QStringLiteral("-fPIC"), source,
                                                           QStringLiteral("-o"), binary}
                                                   + m_qtFlags,
                                   QProcessEnvironment::systemEnvironment(), {}, 120000);
        if (!run.finished || run.exitCode != 0) {
            *error = QString::fromLocal8Bit(run.err);
            return {};
        }
        return binary;
    }

    void requirePython()
    {
        if (m_python.isEmpty())
            QSKIP("python3 is not installed");
    }

    void requireQtCompiler()
    {
        if (m_compiler.isEmpty() || m_qtFlags.isEmpty())
            QSKIP("g++, pkg-config or Qt6Core.pc is missing: cannot build the generated C++");
    }

private slots:
    void initTestCase()
    {
        m_python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        m_compiler = QStandardPaths::findExecutable(QStringLiteral("g++"));
        const QString pkgConfig = QStandardPaths::findExecutable(QStringLiteral("pkg-config"));
        if (!pkgConfig.isEmpty()) {
            const Run flags = runProgram(pkgConfig, {QStringLiteral("--cflags"), QStringLiteral("--libs"), QStringLiteral("Qt6Core")});
            if (flags.finished && flags.exitCode == 0)
                m_qtFlags = QString::fromLocal8Bit(flags.out).simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        }
        QVERIFY(!PresetFile::builtIns().isEmpty());
    }

    void pythonLiteralsRoundTrip()
    {
        requirePython();
        QString script = QStringLiteral("import sys\nvalues = [\n");
        for (const QString &text : awkwardStrings())
            script += QStringLiteral("    %1,\n").arg(CodeText::pythonString(text));
        script += QStringLiteral("]\nsys.stdout.buffer.write('\\0'.join(values).encode('utf-8'))\n");
        static const char raw[] = "\x00\x01 b'\"\\\n\r\t\x7f\x80\xff";
        const QByteArray bytes(raw, sizeof raw - 1); // 13 bytes, NUL first
        script += QStringLiteral("sys.stdout.buffer.write(b'\\0' + %1)\n").arg(CodeText::pythonBytes(bytes));

        const Run run = runPython(script);
        QVERIFY2(run.finished && run.exitCode == 0, run.err.constData());
        QByteArray expected = awkwardStrings().join(QChar(0)).toUtf8();
        expected += '\0' + bytes;
        QCOMPARE(run.out, expected);
    }

    void literalsAreSingleLinesAndKeepText()
    {
        // Visible in the panel: no raw line breaks, and printable Unicode as is.
        for (const QString &text : awkwardStrings()) {
            for (const QString &literal : {CodeText::pythonString(text), CodeText::cppString(text)}) {
                QVERIFY2(!literal.contains(QLatin1Char('\n')) && !literal.contains(QChar(0x2028))
                             && !literal.contains(QChar(0x85)),
                         qPrintable(literal));
            }
        }
        QCOMPARE(CodeText::pythonString(QStringLiteral("it's")), QStringLiteral("\"it's\""));
        QCOMPARE(CodeText::pythonString(QStringLiteral("한국어")), QStringLiteral("'한국어'"));
        QCOMPARE(CodeText::cppString(QStringLiteral("a\"b\\c\n")), QStringLiteral("\"a\\\"b\\\\c\\n\""));
    }

    void cppLiteralsRoundTrip()
    {
        if (m_compiler.isEmpty())
            QSKIP("g++ is not installed");
        // Plain C++, no Qt: sizeof counts every byte, embedded NULs included.
        QString source = QStringLiteral("#include <cstdio>\nint main()\n{\n");
        const QStringList texts = awkwardStrings();
        for (const QString &text : texts) {
            source += QStringLiteral("    { static const char s[] = %1; std::fwrite(s, 1, sizeof s, stdout); }\n")
                          .arg(CodeText::cppString(text));
        }
        // "7" right after \xff: a C++ hex escape must not swallow the digit.
        static const char raw[] = "\x00\x01 b'\"\\\n\r\t\x7f\x80\xff" "7";
        const QByteArray bytes(raw, sizeof raw - 1); // 14 bytes, NUL first
        source += QStringLiteral("    { static const char s[] = %1; std::fwrite(s, 1, sizeof s - 1, stdout); }\n")
                      .arg(CodeText::cppBytes(bytes));
        source += QStringLiteral("}\n");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("literals.cpp"));
        QVERIFY(writeFile(path, source));
        const Run build = runProgram(m_compiler, {QStringLiteral("-std=c++17"), path, QStringLiteral("-o"),
                                                  dir.filePath(QStringLiteral("literals"))});
        QVERIFY2(build.finished && build.exitCode == 0, build.err.constData());
        const Run run = runProgram(dir.filePath(QStringLiteral("literals")), {});
        QByteArray expected;
        for (const QString &text : texts)
            expected += text.toUtf8() + '\0';
        expected += bytes;
        QCOMPARE(run.out, expected);
    }

    void builtInPythonParses_data()
    {
        QTest::addColumn<Preset>("preset");
        for (const Preset &preset : PresetFile::builtIns())
            QTest::newRow(qPrintable(preset.id)) << preset;
        QTemporaryDir dir;
        QTest::newRow("awkward-chain") << awkwardChain(dir.path());
    }

    void builtInPythonParses()
    {
        requirePython();
        QFETCH(Preset, preset);
        const QString code = PythonGenerator::generate(preset);
        QVERIFY(code.contains(QLatin1String("subprocess.Popen(")));
        const Run run = runProgram(m_python, {QStringLiteral("-c"), QStringLiteral("import ast,sys; ast.parse(sys.stdin.read())")},
                                   QProcessEnvironment::systemEnvironment(), code.toUtf8());
        QVERIFY2(run.finished && run.exitCode == 0, qPrintable(QString::fromUtf8(run.err) + QLatin1Char('\n') + code));
    }

    void generatedPythonRunsLikeThePreset_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("expected"); // a regular expression for the whole output
        QTest::newRow("hello-child") << QStringLiteral("hello-child") << QStringLiteral("Hello from the child!\n");
        QTest::newRow("poll-sleep") << QStringLiteral("poll-sleep") << QStringLiteral("(Working\\.\\.\\.\n){1,3}Exit status 0\n");
        QTest::newRow("fanout-sleep") << QStringLiteral("fanout-sleep") << QStringLiteral("Finished in 0\\.[0-9]{3} seconds\n");
        QTest::newRow("timeout-kill") << QStringLiteral("timeout-kill") << QStringLiteral("Exit status -15\n");
    }

    void generatedPythonRunsLikeThePreset()
    {
        requirePython();
        QFETCH(QString, id);
        QFETCH(QString, expected);
        const Preset preset = builtIn(id);
        QVERIFY(!preset.stages.isEmpty());
        const Run run = runPython(PythonGenerator::generate(preset));
        QVERIFY2(run.finished && run.exitCode == 0, run.err.constData());
        const QString out = QString::fromUtf8(run.out);
        QVERIFY2(QRegularExpression(QRegularExpression::anchoredPattern(expected)).match(out).hasMatch(), qPrintable(out));
        QVERIFY2(run.elapsedMs < 5000, "the timeout or the fan-out did not cut the wall time");
    }

    void generatedPythonChainsThroughPipes()
    {
        requirePython();
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty()
            || QStandardPaths::findExecutable(QStringLiteral("md5sum")).isEmpty()) {
            QSKIP("openssl or md5sum is missing");
        }
        const Preset preset = builtIn(QStringLiteral("chain-md5"));
        const QString code = PythonGenerator::generate(preset);
        // Secret values stay out of the code; the example inherits them.
        QVERIFY(!code.contains(preset.stages.at(0).env.at(0).value));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("password"), preset.stages.at(0).env.at(0).value);
        const Run run = runPython(code, env);
        QVERIFY2(run.finished && run.exitCode == 0, run.err.constData());
        const QString out = QString::fromUtf8(withoutFinishedLine(run.out));
        static const QRegularExpression digests(QRegularExpression::anchoredPattern(QStringLiteral("([0-9a-f]{32}  -\n){3}")));
        QVERIFY2(digests.match(out).hasMatch(), qPrintable(out));
    }

    void generatedPythonCarriesAwkwardTextThrough()
    {
        requirePython();
        QTemporaryDir dir;
        const QString cwd = QDir(dir.path()).canonicalPath();
        const Preset preset = awkwardChain(cwd);
        const Run run = runPython(PythonGenerator::generate(preset));
        QVERIFY2(run.finished && run.exitCode == 0, run.err.constData());
        QCOMPARE(withoutFinishedLine(run.out), awkwardChainOutput(preset, cwd));
    }

    void generatedPythonFeedsMoreThanAPipeHolds()
    {
        requirePython();
        Preset preset = Preset::fromCommand(QStringLiteral("wc -c"), false, nullptr);
        preset.copies = 2;
        preset.stdinSpec.kind = StdinSpec::Kind::RandomBytes;
        preset.stdinSpec.randomCount = 200000;
        const QString code = PythonGenerator::generate(preset);
        QVERIFY(code.contains(QLatin1String("threading.Thread")));
        const Run run = runPython(code);
        QVERIFY2(run.finished && run.exitCode == 0, run.err.constData());
        QCOMPARE(withoutFinishedLine(run.out), QByteArray("200000\n200000\n"));
    }

    void generatedPythonPollsAndTimesOutEveryCopy()
    {
        requirePython();
        Preset preset = Preset::fromCommand(QStringLiteral("sleep 10"), false, nullptr);
        preset.copies = 2;
        preset.pollIntervalSec = 0.05;
        preset.timeoutSec = 0.3;
        preset.graceSec = 1;
        const Run run = runPython(PythonGenerator::generate(preset));
        QVERIFY2(run.finished && run.exitCode == 0, run.err.constData());
        const QString out = QString::fromUtf8(withoutFinishedLine(run.out));
        QVERIFY2(out.endsWith(QLatin1String("Exit status -15\nExit status -15\n")), qPrintable(out));
        QVERIFY2(out.startsWith(QLatin1String("Working...\n")), qPrintable(out));
        QVERIFY(run.elapsedMs < 5000);
    }

    // One translation unit holding every example, each main() renamed: a
    // single compiler run proves all of them build.
    void generatedCppCompiles()
    {
        requireQtCompiler();
        QTemporaryDir dir;
        QList<Preset> presets = PresetFile::builtIns();
        presets << awkwardChain(dir.path());
        Preset pollTimeout = Preset::fromCommand(QStringLiteral("sleep 10"), false, nullptr);
        pollTimeout.copies = 2;
        pollTimeout.pollIntervalSec = 0.05;
        pollTimeout.timeoutSec = 0.3;
        pollTimeout.stdinSpec.kind = StdinSpec::Kind::Hex;
        pollTimeout.stdinSpec.data = QByteArray::fromHex("00ff41");
        presets << pollTimeout;
        QString unit;
        for (int i = 0; i < presets.size(); ++i) {
            const QString file = dir.filePath(QStringLiteral("example%1.cpp").arg(i));
            QVERIFY(writeFile(file, CppGenerator::generate(presets.at(i))));
            unit += QStringLiteral("#define main example%1\n#include \"%2\"\n#undef main\n").arg(i).arg(file);
        }
        const QString source = dir.filePath(QStringLiteral("all.cpp"));
        QVERIFY(writeFile(source, unit));
        const Run run = runProgram(m_compiler, QStringList{QStringLiteral("-std=c++17"), QStringLiteral("-fPIC"),
                                                           QStringLiteral("-fsyntax-only"), QStringLiteral("-Wall"),
                                                           QStringLiteral("-Wextra"), source}
                                                   + m_qtFlags,
                                   QProcessEnvironment::systemEnvironment(), {}, 120000);
        QVERIFY2(run.finished && run.exitCode == 0, run.err.constData());
        QVERIFY2(run.err.isEmpty(), run.err.constData()); // not even a warning
    }

    void generatedCppRunsLikeThePreset()
    {
        requireQtCompiler();
        QTemporaryDir dir;
        QString error;
        const QString binary = buildCpp(dir, CppGenerator::generate(builtIn(QStringLiteral("hello-child"))), &error);
        QVERIFY2(!binary.isEmpty(), qPrintable(error));
        const Run run = runProgram(binary, {});
        QVERIFY2(run.finished && run.exitCode == 0, run.err.constData());
        QCOMPARE(run.out, QByteArray("Hello from the child!\n"));
        QVERIFY2(!run.err.contains("Destroyed while process"), run.err.constData());
    }

    void generatedCppCarriesAwkwardTextThrough()
    {
        requireQtCompiler();
        QTemporaryDir dir;
        const QString cwd = QDir(dir.path()).canonicalPath();
        const Preset preset = awkwardChain(cwd);
        QString error;
        const QString binary = buildCpp(dir, CppGenerator::generate(preset), &error);
        QVERIFY2(!binary.isEmpty(), qPrintable(error));
        const Run run = runProgram(binary, {});
        QVERIFY2(run.finished && run.exitCode == 0, run.err.constData());
        QCOMPARE(withoutFinishedLine(run.out), awkwardChainOutput(preset, cwd));
    }

    void generatedCodeFollowsThePreset()
    {
        Preset preset = Preset::fromCommand(QStringLiteral("sleep 10"), false, nullptr);
        preset.timeoutSec = 0.25;
        preset.graceSec = 3;
        const QString python = PythonGenerator::generate(preset);
        QVERIFY(python.contains(QLatin1String("proc.communicate(timeout=0.25)")));
        QVERIFY(python.contains(QLatin1String("except subprocess.TimeoutExpired:")));
        QVERIFY(python.contains(QLatin1String("proc.terminate()")));
        QVERIFY(python.contains(QLatin1String("proc.communicate(timeout=3)")));
        QVERIFY(python.contains(QLatin1String("proc.kill()")));
        const QString cpp = CppGenerator::generate(preset);
        QVERIFY(cpp.contains(QLatin1String("QTimer::singleShot(250, child")));
        QVERIFY(cpp.contains(QLatin1String("child->terminate();")));
        QVERIFY(cpp.contains(QLatin1String("QTimer::singleShot(3000, child, [child] { child->kill(); });")));

        const Preset chain = builtIn(QStringLiteral("chain-whirlpool"));
        const QString chainPython = PythonGenerator::generate(chain);
        QVERIFY(chainPython.contains(QLatin1String("stdin=input_stdin")));
        QVERIFY(chainPython.contains(QLatin1String("openssl_enc_proc.stdout.close()")));
        QVERIFY(chainPython.contains(QLatin1String("for _ in range(3):")));
        QVERIFY(CppGenerator::generate(chain).contains(QLatin1String("opensslEncProcess->setStandardOutputProcess(opensslDgstProcess);")));

        const Preset shell = Preset::fromCommand(QStringLiteral("ls | wc -l"), true, nullptr);
        QVERIFY(PythonGenerator::generate(shell).contains(QLatin1String("'ls | wc -l',\n    shell=True,")));
    }

    void panelShowsTheNotesCodeOrTheGeneratedCode()
    {
        CodePanel panel;
        QVERIFY(!panel.hasPreset());
        QVERIFY(panel.pythonCode().isEmpty());

        const Preset seed = builtIn(QStringLiteral("chain-md5"));
        panel.setPreset(seed);
        QVERIFY(panel.hasPreset());
        QCOMPARE(panel.pythonSource(), CodePanel::PythonSource::FromNotes);
        // The notes' code, with the secret password masked as everywhere else.
        const EnvVar password = seed.stages.first().env.first();
        QVERIFY(password.secret);
        QVERIFY(seed.python.contains(password.value));
        QVERIFY(!panel.pythonCode().contains(password.value));
        // The literal becomes a read of the variable, as the generated code has it.
        QCOMPARE(panel.pythonCode(), QString(seed.python).replace(QLatin1Char('\'') + password.value + QLatin1Char('\''),
                                                                  QStringLiteral("os.environ[\"password\"]")));
        QCOMPARE(panel.cppCode(), CppGenerator::generate(seed));
        panel.setPythonSource(CodePanel::PythonSource::Generated);
        QCOMPARE(panel.pythonCode(), PythonGenerator::generate(seed));

        const Preset own = Preset::fromCommand(QStringLiteral("echo mine"), false, nullptr);
        panel.setPythonSource(CodePanel::PythonSource::FromNotes);
        panel.setPreset(own);
        QCOMPARE(panel.pythonCode(), PythonGenerator::generate(own)); // no notes' code to show

        QSignalSpy copied(&panel, &CodePanel::copied);
        auto *copyCpp = panel.findChild<QPushButton *>(QStringLiteral("copyCpp"));
        QVERIFY(copyCpp);
        copyCpp->click();
        QCOMPARE(copied.size(), 1);
        QCOMPARE(copied.at(0).at(0).toString(), QStringLiteral("C++"));
        if (QApplication::clipboard()->text() != panel.cppCode())
            QSKIP("this platform plugin keeps no clipboard");
        QCOMPARE(QApplication::clipboard()->text(), panel.cppCode());

        panel.clear();
        QVERIFY(!panel.hasPreset());
        QVERIFY(panel.cppCode().isEmpty());
    }
};

QTEST_MAIN(TestCodeGenerator)
#include "tst_codegenerator.moc"
