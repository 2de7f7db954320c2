// The process's limit on open descriptors (RLIMIT_NOFILE). Every running
// child holds three of the app's: its two output pipes and QProcess's pidfd.
// Most desktops start programs with a soft limit of 1024, which refused the
// 340th child started at once ("Too many open files"); the hard limit is
// usually far higher and any process may raise its soft limit up to it.
// Children get the soft limit the app started with back (the child modifier
// restores it): some programs still use select(), which cannot watch a
// descriptor past 1023, or close every descriptor up to the limit.
#pragma once

#include <sys/resource.h>

namespace OpenFileLimit {

// Raises the soft limit to the hard one (at most MaxRaised); the first call
// records the limit the process started with. Safe to call more than once.
void raise();
// The limit the process started with, when raise() changed it: what
// children get back. rlim_cur is RLIM_INFINITY when there is nothing to
// restore (raise() never ran, or found the limit high enough already).
rlimit original();

// The most raise() asks for, when the hard limit is unlimited or huge.
constexpr rlim_t MaxRaised = 1 << 20;

} // namespace OpenFileLimit
