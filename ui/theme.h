// --theme light|dark: the Fusion style with a complete palette, so the window
// looks the same on every desktop and both variants can be checked by screenshot.
#pragma once

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
    // contrasting colours for what the palette has no role for.
    static bool isDark(const QPalette &palette);

    // Text colours the palette has no role for, readable on its Window and Base.
    static QColor errorText(const QPalette &palette);
    static QColor warningText(const QPalette &palette);
};
