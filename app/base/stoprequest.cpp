#include "stoprequest.h"

#include <csignal>
#include <iterator>

namespace {

constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};
volatile sig_atomic_t g_signal = 0;
struct sigaction g_previous[std::size(kSignals)] = {};

void handler(int signal)
{
    g_signal = signal;
    for (std::size_t i = 0; i < std::size(kSignals); ++i) {
        if (kSignals[i] == signal && g_previous[i].sa_handler != SIG_DFL && g_previous[i].sa_handler != SIG_IGN)
            g_previous[i].sa_handler(signal);
    }
}

} // namespace

void StopRequest::watch()
{
    for (std::size_t i = 0; i < std::size(kSignals); ++i) {
        struct sigaction current = {};
        if (::sigaction(kSignals[i], nullptr, &current) != 0 || current.sa_handler == handler
            || current.sa_handler == SIG_DFL || current.sa_handler == SIG_IGN || (current.sa_flags & SA_SIGINFO))
            continue;
        g_previous[i] = current;
        struct sigaction wrapped = current;
        wrapped.sa_handler = handler;
        ::sigaction(kSignals[i], &wrapped, nullptr);
    }
}

int StopRequest::signal()
{
    return g_signal;
}
