// Whether SIGINT, SIGTERM or SIGHUP has come, for code that waits where the
// event loop cannot run: a write to a FIFO whose reader has stopped reading.
// The app's own handlers (UnixSignalWatcher's) stay in charge; this adds a
// flag to them, so such a wait can give up within a poll slice.
#pragma once

namespace StopRequest {

// Wraps the handlers installed now for SIGINT, SIGTERM and SIGHUP: each
// still runs, after setting the flag. A signal left to its default action
// (it ends the app anyway) or ignored is left alone. Safe to call again.
void watch();

// The signal that came since watch(), or 0.
int signal();

} // namespace StopRequest
