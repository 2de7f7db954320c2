// Teaching code for a preset in the seed's own style: a complete Python 3
// script built on subprocess.Popen, as the notes write it.
#pragma once

#include "preset.h"

#include <QString>

class PythonGenerator
{
public:
    // A Python 3 script in the style of the notes: Popen every child first,
    // then communicate() with each; pipes between stages, stdin, timeouts
    // (TimeoutExpired, terminate(), kill()) and poll() loops as the preset asks.
    static QString generate(const Preset &preset);
};
