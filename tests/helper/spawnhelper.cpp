// The misbehaving child for SpawnScope's tests: one program, one mode per
// argument, so every test's child is explicit and reproducible.
//
//   spawnhelper exit N             exit with code N
//   spawnhelper signal N           die of signal N (default action restored, unblocked, no core file)
//   spawnhelper crash              dereference a null pointer (SIGSEGV, no core file)
//   spawnhelper ignore-term [S]    ignore SIGTERM, print "ready", live S seconds (default 60)
//   spawnhelper flood BYTES        write BYTES to stdout as fast as possible (0: forever)
//   spawnhelper flood-err BYTES    the same on stderr
//   spawnhelper cat                copy stdin to stdout until EOF
//   spawnhelper cat-noisy          copy stdin to stdout until EOF, and after every full
//                                  64 KiB copied write "copied NNNNNNNNNNNN\n" (20 bytes,
//                                  the running total) to stderr, interleaved with stdout
//   spawnhelper count-stdin        read stdin to EOF, print "<bytes> eof"
//   spawnhelper sleep S            sleep S seconds, exit 0
//   spawnhelper stderr TEXT N      write TEXT to stderr, exit N
//   spawnhelper grandchild         fork a child that sleeps 60 s; print its pid; sleep 60 s
//   spawnhelper hold-pipe          fork a child that keeps stdout open for 60 s; exit 0 at once
//   spawnhelper hold-pipe-sleep    fork a child that keeps stdout open for 60 s; print its pid;
//                                  sleep 60 s (both stay in the helper's process group)
//   spawnhelper stop-self          raise SIGSTOP, then sleep 60 s
//   spawnhelper fork-tree D [S]    a bounded fork bomb: every process forks two children down to
//                                  depth D (2^(D+1) - 1 processes), then all sleep S seconds
//                                  (default 30); forks that fail are counted, and the root prints
//                                  "forked N failed M" on stdout once its own two forks are done
//   spawnhelper list-fds           print the open file descriptors, one per line, ascending
//                                  (read from /proc/self/fd, without the directory's own fd)
//   spawnhelper partial S [TEXT]   write TEXT (default "first\nsecond-partial", no final
//                                  newline) to stdout in one write, sleep S seconds, exit 0
//   spawnhelper burn S             spin on the CPU until it has used S seconds of CPU time
//                                  (not wall time, so a busy machine only makes it slower), exit 0
//   spawnhelper alloc MB [S]       allocate MB MiB and write to every page so all of it is
//                                  resident, print "ready", hold it S seconds (default 1), exit 0
//   spawnhelper fork N S           fork N children that each sleep S seconds; print their pids,
//                                  one per line; wait for all of them, exit 0
//   spawnhelper setsid-child S     fork a child that calls setsid() (new session and process
//                                  group) and sleeps S seconds; print its pid; sleep S, reap, exit 0
//   spawnhelper threads N S        start N threads that sleep S seconds; print "ready" once all
//                                  have started; join them, exit 0
//   spawnhelper leader-exit S      the main thread calls pthread_exit at once; a second thread
//                                  sleeps S seconds, then exits the process with code 0
//   spawnhelper thread-fork S      a second thread forks a child that sleeps S seconds, prints
//                                  its pid, sleeps S and reaps it (so only that thread's
//                                  /proc children file lists the child); exit 0
//   spawnhelper stop-resume        raise SIGSTOP; once continued print "resumed", exit 0
//                                  (stop-self above sleeps on after SIGCONT instead)
//   spawnhelper usr1-exit          exit 7 from a SIGUSR1 handler; print "ready" once it is
//                                  installed, then wait up to 60 s for the signal (exit 1)
//   spawnhelper daemon S           the classic double fork: a child calls setsid(), forks the
//                                  daemon and exits at once; the daemon, once re-parented,
//                                  prints "<its pid> <its new parent's pid>", sleeps S seconds,
//                                  exits 0; the helper exits 0 after the daemon's line
//   spawnhelper untraced-orphan S  clone a child with CLONE_UNTRACED (a tracer's fork options do
//                                  not follow it), which prints "<its pid>" and sleeps S seconds;
//                                  exit 0 once it has printed, leaving it an orphan
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <dirent.h>
#include <pthread.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sched.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#endif

#if defined(__SANITIZE_ADDRESS__)
// The helper plays misbehaving children; its own leaks are not under test.
// LeakSanitizer's check at exit runs in a clone of the process, a real child
// for its few milliseconds, which tests counting the helper's children (the
// sampler's descendants) caught in CI. This hook skips the check and the clone.
extern "C" int __lsan_is_turned_off()
{
    return 1;
}
#endif

namespace {

void sleepSeconds(double seconds)
{
    timespec ts;
    ts.tv_sec = time_t(seconds);
    ts.tv_nsec = long((seconds - double(ts.tv_sec)) * 1e9);
    while (nanosleep(&ts, &ts) == -1 && errno == EINTR) {
    }
}

bool writeAll(int fd, const char *data, size_t size)
{
    while (size > 0) {
        const ssize_t n = write(fd, data, size);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data += n;
        size -= size_t(n);
    }
    return true;
}

int flood(int fd, long long bytes)
{
    static char chunk[64 * 1024];
    for (size_t i = 0; i < sizeof chunk; ++i)
        chunk[i] = char('a' + i % 26);
    for (size_t i = 63; i < sizeof chunk; i += 64)
        chunk[i] = '\n';
    long long left = bytes;
    while (bytes == 0 || left > 0) {
        const size_t n = (bytes == 0 || left > (long long)sizeof chunk) ? sizeof chunk : size_t(left);
        if (!writeAll(fd, chunk, n))
            return 1;
        left -= (long long)n;
    }
    return 0;
}

// A deliberate crash must not leave a core file behind (or hand one to a
// system crash reporter) on every test run.
void noCoreDump()
{
#ifdef __linux__
    prctl(PR_SET_DUMPABLE, 0);
#endif
}

int listFds()
{
    DIR *dir = opendir("/proc/self/fd");
    if (!dir)
        return 2;
    const int own = dirfd(dir);
    static bool open[4096];
    static int large[256];
    int largeCount = 0;
    while (const dirent *entry = readdir(dir)) {
        if (entry->d_name[0] == '.')
            continue;
        const int fd = std::atoi(entry->d_name);
        if (fd == own)
            continue;
        if (fd < int(sizeof open))
            open[fd] = true;
        else if (largeCount < int(sizeof large / sizeof *large))
            large[largeCount++] = fd; // /proc lists them in ascending order
    }
    closedir(dir);
    for (int fd = 0; fd < int(sizeof open); ++fd) {
        if (open[fd])
            std::printf("%d\n", fd);
    }
    for (int i = 0; i < largeCount; ++i)
        std::printf("%d\n", large[i]);
    return 0;
}

double cpuSeconds()
{
    timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

int burn(double seconds)
{
    // The volatile sink keeps the compiler from deleting the loop.
    volatile unsigned long long sink = 0;
    const double until = cpuSeconds() + seconds;
    while (cpuSeconds() < until) {
        for (int i = 0; i < 100000; ++i)
            sink = sink + unsigned(i);
    }
    return 0;
}

int alloc(long long mib, double seconds)
{
    const size_t bytes = size_t(mib) * 1024 * 1024;
    char *block = static_cast<char *>(std::malloc(bytes));
    if (!block)
        return 1;
    // Only touched pages count as resident.
    const long page = sysconf(_SC_PAGESIZE);
    for (size_t i = 0; i < bytes; i += size_t(page))
        block[i] = char(i / size_t(page));
    std::printf("ready\n");
    std::fflush(stdout);
    sleepSeconds(seconds);
    std::free(block);
    return 0;
}

void reapAll()
{
    while (wait(nullptr) > 0 || errno == EINTR) {
    }
}

void *sleepThread(void *seconds)
{
    sleepSeconds(*static_cast<double *>(seconds));
    return nullptr;
}

void *exitThread(void *seconds)
{
    sleepSeconds(*static_cast<double *>(seconds));
    std::exit(0);
}

void *forkThread(void *seconds)
{
    const pid_t child = fork();
    if (child == 0) {
        sleepSeconds(*static_cast<double *>(seconds));
        _exit(0);
    }
    std::printf("%d\n", int(child));
    std::fflush(stdout);
    // Stay alive: a thread's children move to another thread when it ends.
    sleepSeconds(*static_cast<double *>(seconds));
    waitpid(child, nullptr, 0);
    return nullptr;
}

int usage()
{
    std::fprintf(stderr, "spawnhelper: unknown mode; see the comment at the top of spawnhelper.cpp\n");
    return 64;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2)
        return usage();
    const char *mode = argv[1];
    const char *arg = argc > 2 ? argv[2] : nullptr;

    if (!std::strcmp(mode, "exit"))
        return arg ? std::atoi(arg) : 0;

    if (!std::strcmp(mode, "signal")) {
        const int sig = arg ? std::atoi(arg) : SIGTERM;
        noCoreDump();
        std::signal(sig, SIG_DFL);
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, sig);
        sigprocmask(SIG_UNBLOCK, &set, nullptr); // a blocked signal would stay pending
        raise(sig);
        sleepSeconds(5);
        return 99; // not reached for a fatal signal
    }

    if (!std::strcmp(mode, "crash")) {
        noCoreDump();
        std::signal(SIGSEGV, SIG_DFL);
        volatile int *p = nullptr;
        *p = 42;
        return 98;
    }

    if (!std::strcmp(mode, "ignore-term")) {
        std::signal(SIGTERM, SIG_IGN);
        std::printf("ready\n");
        std::fflush(stdout);
        sleepSeconds(arg ? std::atof(arg) : 60);
        return 0;
    }

    if (!std::strcmp(mode, "flood"))
        return flood(STDOUT_FILENO, arg ? std::atoll(arg) : 0);
    if (!std::strcmp(mode, "flood-err"))
        return flood(STDERR_FILENO, arg ? std::atoll(arg) : 0);

    if (!std::strcmp(mode, "cat") || !std::strcmp(mode, "cat-noisy") || !std::strcmp(mode, "count-stdin")) {
        const bool echo = std::strcmp(mode, "count-stdin") != 0;
        const bool noisy = !std::strcmp(mode, "cat-noisy");
        const long long noiseEvery = 64 * 1024;
        static char buffer[64 * 1024];
        long long total = 0;
        long long nextNoise = noiseEvery;
        for (;;) {
            const ssize_t n = read(STDIN_FILENO, buffer, sizeof buffer);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break;
            total += n;
            if (echo && !writeAll(STDOUT_FILENO, buffer, size_t(n)))
                return 1;
            for (; noisy && total >= nextNoise; nextNoise += noiseEvery) {
                char line[32];
                const int length = std::snprintf(line, sizeof line, "copied %012lld\n", nextNoise);
                if (!writeAll(STDERR_FILENO, line, size_t(length)))
                    return 1;
            }
        }
        if (!echo)
            std::printf("%lld eof\n", total);
        return 0;
    }

    if (!std::strcmp(mode, "sleep")) {
        sleepSeconds(arg ? std::atof(arg) : 1);
        return 0;
    }

    if (!std::strcmp(mode, "stderr")) {
        std::fprintf(stderr, "%s\n", arg ? arg : "");
        return argc > 3 ? std::atoi(argv[3]) : 1;
    }

    if (!std::strcmp(mode, "grandchild")) {
        const pid_t child = fork();
        if (child == 0) {
            sleepSeconds(60);
            _exit(0);
        }
        std::printf("%d\n", int(child));
        std::fflush(stdout);
        sleepSeconds(60);
        return 0;
    }

    if (!std::strcmp(mode, "hold-pipe")) {
        if (fork() == 0) {
            sleepSeconds(60);
            _exit(0);
        }
        return 0;
    }

    if (!std::strcmp(mode, "hold-pipe-sleep")) {
        const pid_t child = fork();
        if (child == 0) {
            sleepSeconds(60);
            _exit(0);
        }
        std::printf("%d\n", int(child));
        std::fflush(stdout);
        sleepSeconds(60);
        return 0;
    }

    if (!std::strcmp(mode, "list-fds"))
        return listFds();

    if (!std::strcmp(mode, "partial")) {
        const char *text = argc > 3 ? argv[3] : "first\nsecond-partial";
        if (!writeAll(STDOUT_FILENO, text, std::strlen(text)))
            return 1;
        sleepSeconds(arg ? std::atof(arg) : 1);
        return 0;
    }

    if (!std::strcmp(mode, "fork-tree")) {
        const int depth = arg ? std::atoi(arg) : 3;
        const double seconds = argc > 3 ? std::atof(argv[3]) : 30;
        int level = 0;
        int forked = 0;
        int failed = 0;
        bool root = true;
        while (level < depth) {
            bool descended = false;
            for (int i = 0; i < 2; ++i) {
                const pid_t child = fork();
                if (child == 0) {
                    root = false;
                    ++level;
                    forked = failed = 0;
                    descended = true;
                    break;
                }
                if (child < 0)
                    ++failed;
                else
                    ++forked;
            }
            if (!descended)
                break;
        }
        if (root) {
            std::printf("forked %d failed %d\n", forked, failed);
            std::fflush(stdout);
        }
        sleepSeconds(seconds);
        return 0;
    }

    if (!std::strcmp(mode, "stop-self")) {
        raise(SIGSTOP);
        sleepSeconds(60);
        return 0;
    }

    if (!std::strcmp(mode, "burn"))
        return burn(arg ? std::atof(arg) : 1);

    if (!std::strcmp(mode, "alloc"))
        return alloc(arg ? std::atoll(arg) : 100, argc > 3 ? std::atof(argv[3]) : 1);

    if (!std::strcmp(mode, "fork")) {
        const int count = arg ? std::atoi(arg) : 1;
        const double seconds = argc > 3 ? std::atof(argv[3]) : 1;
        for (int i = 0; i < count; ++i) {
            const pid_t child = fork();
            if (child == 0) {
                sleepSeconds(seconds);
                _exit(0);
            }
            if (child > 0)
                std::printf("%d\n", int(child));
        }
        std::fflush(stdout);
        reapAll();
        return 0;
    }

    if (!std::strcmp(mode, "setsid-child")) {
        const double seconds = arg ? std::atof(arg) : 1;
        const pid_t child = fork();
        if (child == 0) {
            setsid();
            sleepSeconds(seconds);
            _exit(0);
        }
        std::printf("%d\n", int(child));
        std::fflush(stdout);
        sleepSeconds(seconds);
        reapAll();
        return 0;
    }

    if (!std::strcmp(mode, "threads")) {
        const int count = arg ? std::atoi(arg) : 1;
        double seconds = argc > 3 ? std::atof(argv[3]) : 1;
        static pthread_t threads[256];
        int started = 0;
        for (; started < count && started < int(sizeof threads / sizeof *threads); ++started) {
            if (pthread_create(&threads[started], nullptr, sleepThread, &seconds) != 0)
                break;
        }
        std::printf("ready\n");
        std::fflush(stdout);
        for (int i = 0; i < started; ++i)
            pthread_join(threads[i], nullptr);
        return started == count ? 0 : 1;
    }

    if (!std::strcmp(mode, "leader-exit")) {
        static double seconds = arg ? std::atof(arg) : 1;
        pthread_t thread;
        if (pthread_create(&thread, nullptr, exitThread, &seconds) != 0)
            return 1;
        pthread_exit(nullptr);
    }

    if (!std::strcmp(mode, "thread-fork")) {
        double seconds = arg ? std::atof(arg) : 1;
        pthread_t thread;
        if (pthread_create(&thread, nullptr, forkThread, &seconds) != 0)
            return 1;
        pthread_join(thread, nullptr);
        return 0;
    }

    if (!std::strcmp(mode, "usr1-exit")) {
        // The exit code proves the handler ran, so the signal was delivered
        // (a tracer that swallowed it would leave the 60 s sleep to end).
        struct sigaction action{};
        action.sa_handler = [](int) { _exit(7); };
        sigaction(SIGUSR1, &action, nullptr);
        std::printf("ready\n");
        std::fflush(stdout);
        for (int i = 0; i < 600; ++i)
            usleep(100000);
        return 1;
    }

    if (!std::strcmp(mode, "daemon")) {
        const double seconds = arg ? std::atof(arg) : 1;
        // The helper exits only after the daemon's line, so the daemon's
        // new parent is the one it gets while the helper's family lives.
        int ready[2];
        if (pipe(ready) != 0)
            return 1;
        const pid_t middle = fork();
        if (middle == 0) {
            setsid();
            // The middle child's own pid, not getppid() read in the daemon,
            // which could already name the new parent if the middle ended
            // before the daemon first ran.
            const pid_t was = getpid();
            if (fork() == 0) {
                close(ready[0]);
                for (int i = 0; i < 1000 && getppid() == was; ++i)
                    usleep(5000); // until the middle child is gone
                std::printf("%d %d\n", int(getpid()), int(getppid()));
                std::fflush(stdout);
                close(ready[1]);
                sleepSeconds(seconds);
                _exit(0);
            }
            _exit(0);
        }
        close(ready[1]);
        waitpid(middle, nullptr, 0);
        char byte;
        while (read(ready[0], &byte, 1) > 0) {
        }
        return 0;
    }

#ifdef __linux__
    if (!std::strcmp(mode, "untraced-orphan")) {
        const double seconds = arg ? std::atof(arg) : 1;
        int ready[2];
        if (pipe(ready) != 0)
            return 1;
        // A raw clone with no new stack behaves as fork in the child.
        const long child = syscall(SYS_clone, long(CLONE_UNTRACED | SIGCHLD), 0L, 0L, 0L, 0L);
        if (child < 0)
            return 1;
        if (child == 0) {
            close(ready[0]);
            std::printf("%d\n", int(getpid()));
            std::fflush(stdout);
            close(ready[1]);
            sleepSeconds(seconds);
            _exit(0);
        }
        close(ready[1]);
        char byte;
        while (read(ready[0], &byte, 1) > 0) {
        }
        return 0;
    }
#endif

    if (!std::strcmp(mode, "stop-resume")) {
        raise(SIGSTOP);
        std::printf("resumed\n");
        return 0;
    }

    return usage();
}
