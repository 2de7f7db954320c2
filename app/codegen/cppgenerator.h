// Teaching code for a preset the way SpawnScope itself runs children: a
// complete, event-driven C++17 program built on QProcess.
#pragma once

#include "preset.h"

#include <QString>

class CppGenerator
{
public:
    // A C++17 main() with QCoreApplication and QProcess doing what the preset
    // does, driven by signals and QTimer instead of blocking waits.
    static QString generate(const Preset &preset);

    // How the C++ is built, for a comment in it and for the Code panel.
    static QString buildCommand(const QString &fileName = QStringLiteral("main.cpp"));
};
