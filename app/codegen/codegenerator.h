// Teaching code for a preset: the seed-style Python (subprocess.Popen) and the
// equivalent event-driven C++ (QProcess), both complete programs that run.
#pragma once

#include "preset.h"

#include <QByteArray>
#include <QString>

class CodeGenerator
{
public:
    // A Python 3 script in the style of the notes: Popen every child first,
    // then communicate() with each; pipes between stages, stdin, timeouts
    // (TimeoutExpired, terminate(), kill()) and poll() loops as the preset asks.
    static QString python(const Preset &preset);
    // A C++17 main() with QCoreApplication and QProcess doing the same,
    // driven by signals and QTimer instead of blocking waits.
    static QString cpp(const Preset &preset);

    // How the C++ is built, for a comment in it and for the Code panel.
    static QString cppBuildCommand(const QString &fileName = QStringLiteral("main.cpp"));

    // Literals that read back as exactly the given text or bytes: Python's
    // repr() style ('...' unless the text holds ' and no "), and C++ "..."
    // with escapes. Printable non-ASCII text is kept as it is (UTF-8 source).
    static QString pythonString(const QString &text);
    static QString pythonBytes(const QByteArray &bytes);
    static QString cppString(const QString &text);
    static QString cppBytes(const QByteArray &bytes);
};
