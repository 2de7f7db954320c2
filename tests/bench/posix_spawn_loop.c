/* The spawn baseline: start COUNT copies of a program with posix_spawn, at
 * most MAX_PARALLEL at once (0 for no limit), and reap each with waitpid.
 * Nothing else: no pipes, no bookkeeping, the cheapest way C has.
 *
 *   posix_spawn_loop COUNT MAX_PARALLEL PROGRAM [ARGS...]
 *
 * Prints the wall time in milliseconds on stdout; exits 1 if a child could
 * not be started or did not exit 0. */
#define _GNU_SOURCE
#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

extern char **environ;

static double nowMs(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: %s COUNT MAX_PARALLEL PROGRAM [ARGS...]\n", argv[0]);
        return 2;
    }
    const long count = strtol(argv[1], NULL, 10);
    long maxParallel = strtol(argv[2], NULL, 10);
    if (count < 0 || maxParallel < 0) {
        fprintf(stderr, "%s: COUNT and MAX_PARALLEL must be 0 or more\n", argv[0]);
        return 2;
    }
    if (maxParallel == 0)
        maxParallel = count > 0 ? count : 1;

    const double start = nowMs();
    long started = 0, running = 0, failed = 0;
    while (started < count || running > 0) {
        while (started < count && running < maxParallel) {
            pid_t pid;
            const int rc = posix_spawnp(&pid, argv[3], NULL, NULL, argv + 3, environ);
            ++started;
            if (rc != 0) {
                fprintf(stderr, "%s: cannot start %s: %s\n", argv[0], argv[3], strerror(rc));
                ++failed;
                continue;
            }
            ++running;
        }
        if (running == 0)
            break;
        int status;
        const pid_t done = waitpid(-1, &status, 0);
        if (done < 0) {
            if (errno == EINTR)
                continue;
            perror("waitpid");
            return 1;
        }
        --running;
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
            ++failed;
    }
    printf("%.3f\n", nowMs() - start);
    return failed ? 1 : 0;
}
