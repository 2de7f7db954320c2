// The MIME types SpawnScope's drags carry, named once for every model that
// produces them and every model or widget that accepts them.
#pragma once

#include <QLatin1String>

namespace MimeTypes {

// Preset ids as a JSON array: dragged from the preset list onto the chain
// builder, a stage list or the window.
constexpr QLatin1String PresetIds("application/x-spawnscope-preset-ids");
// A process-table row as "<run id> <job index>": a reference rather than the
// job's settings, so no secret travels; dropped on the preset list to save it.
constexpr QLatin1String Job("application/x-spawnscope-job");

} // namespace MimeTypes
