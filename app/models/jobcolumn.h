// The process table's columns, each described once: its title and tooltip
// (translated in the JobColumn context), the text its default width must fit,
// and whether it is shown before the user chooses. The model's header, the
// view's widths and the column chooser all read this table.
#pragma once

#include <QString>

class JobColumn
{
public:
    struct Info
    {
        const char *title;
        const char *tooltip;   // nullptr: none
        const char *widthText; // the widest usual cell, untranslated (digits, units)
        bool shownByDefault;
    };

    // Column is JobTreeModel::Column; indexes out of range give an empty Info.
    static const Info &info(int column);
    static int count();
    static QString title(int column);
    static QString tooltip(int column);
    // The width text translated where it is words ("failed to start").
    static QString widthText(int column);
};
