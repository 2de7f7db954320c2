// The Machine panel's columns, each described once, as JobColumn describes
// the process table's: the title (the job table's own where the fact is the
// same, so both tables say "CPU" and "Memory" alike), the tooltip, the text
// the default width must fit and whether it is shown before the user
// chooses. MachineTreeModel's header, the panel's widths and its column
// chooser all read this table.
#pragma once

#include <QString>

class MachineColumn
{
public:
    struct Info
    {
        int jobColumn;         // JobTreeModel::Column whose title this is; -1: title below
        const char *title;     // when jobColumn < 0 (MachineColumn context)
        const char *tooltip;   // MachineColumn context; nullptr: none
        const char *widthText; // the widest usual cell, untranslated (digits, units)
        bool shownByDefault;
    };

    // column is MachineTreeModel::Column; out of range gives an empty Info.
    static const Info &info(int column);
    static int count();
    static QString title(int column);
    static QString tooltip(int column);
    static QString widthText(int column);
};
