// The built-in presets' titles and descriptions, spelled out here so that
// lupdate finds them: the window shows them translated. tst_presetfile
// checks this list against resources/presets/builtin.json.
#pragma once

#include <QList>

namespace BuiltinPresetTexts {

constexpr const char *Context = "BuiltinPresets";
QList<const char *> all();

} // namespace BuiltinPresetTexts
