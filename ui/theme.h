// --theme light|dark: the Fusion style with a complete palette, so the window
// looks the same on every desktop and both variants can be checked by screenshot.
#pragma once

#include "joboutcome.h"

#include <QColor>
#include <QPalette>
#include <QString>

class Theme
{
public:
    // Sets Fusion and the named palette on the application; an empty or
    // unknown name leaves the desktop's style and palette alone.
    static void apply(const QString &name);

    // The palette apply() sets for "light" or "dark".
    static QPalette palette(const QString &name);

    // Whether a palette is dark, the one test every widget uses to pick
    // contrasting colours for what the palette has no role for. It reads the
    // Window role; the palettes here and the desktop's agree with Base on it.
    static bool isDark(const QPalette &palette);

    // The colour of a job state, the one table the process table's text and
    // the timeline's bars share, readable on the palette's Window and Base.
    // success tells a finished job's exit 0 from a failure.
    static QColor stateColor(JobOutcome::State state, bool success, const QPalette &palette);
    // A running job that is stopped (SIGSTOP): not a state of its own, but it
    // needs a colour that says "alive, not moving" in the table and the timeline.
    static QColor pausedColor(const QPalette &palette);
    // The lines of the resource chart, and the timeline's "colour by CPU".
    enum class Series { Cpu, Memory };
    static QColor seriesColor(Series series, const QPalette &palette);

    // Text colours the palette has no role for: the failed and the stopped
    // (timed out, killed) states' colours, for messages in the same tone.
    static QColor errorText(const QPalette &palette);
    static QColor warningText(const QPalette &palette);
    // The background of a find match in an output view; the current match
    // is stronger. Readable under the palette's Text on its Base.
    static QColor findHighlight(const QPalette &palette, bool current);
    // A colour a program chose with ANSI escapes (xterm's palette), made
    // readable: xterm's colours assume a black terminal, so yellow vanishes on
    // white and blue on dark grey. A foreground too close to what it is drawn
    // on is blended toward the palette's Text (toward black or white on a
    // background the program chose) until it contrasts. An invalid fg stands
    // for the default foreground, an invalid bg for the palette's Base.
    static QColor terminalText(const QColor &fg, const QColor &bg, const QPalette &palette);
    // a at t = 0, b at t = 1, channel by channel: every blend of two colours
    // in the window (the timeline's CPU shading, a comment's muted text).
    static QColor mix(const QColor &a, const QColor &b, double t);
};
