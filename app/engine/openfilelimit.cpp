#include "openfilelimit.h"

#include "enginelog.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace {

rlimit s_original{RLIM_INFINITY, RLIM_INFINITY}; // as the process started
bool s_recorded = false;
bool s_raised = false;

} // namespace

void OpenFileLimit::raise()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return;
    if (!s_recorded) {
        s_original = limit;
        s_recorded = true;
    }
    const rlim_t wanted = limit.rlim_max == RLIM_INFINITY ? MaxRaised : std::min(limit.rlim_max, MaxRaised);
    if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur >= wanted)
        return;
    const rlimit raised{wanted, limit.rlim_max};
    if (::setrlimit(RLIMIT_NOFILE, &raised) == 0)
        s_raised = true;
    else
        qCWarning(lcEngine, "could not raise the open-files limit from %llu to %llu: %s",
                  static_cast<unsigned long long>(limit.rlim_cur), static_cast<unsigned long long>(wanted),
                  std::strerror(errno));
}

rlimit OpenFileLimit::original()
{
    return s_raised ? s_original : rlimit{RLIM_INFINITY, RLIM_INFINITY};
}
