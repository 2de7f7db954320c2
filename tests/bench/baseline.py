#!/usr/bin/env python3
"""The Python baselines of spawnscope_bench, each the plain way CPython does it.

    baseline.py spawn COUNT MAX_PARALLEL PROGRAM [ARGS...]   Popen, at most MAX_PARALLEL at once
    baseline.py capture BYTES                                 read a child's stdout in a loop
    baseline.py fanout-sleep                                  the seed: 10 x sleep 0.1, then wait
    baseline.py timeout-kill                                  the seed: communicate(timeout=0.1), terminate()

Prints key=value lines (wall_ms is measured inside, from the first spawn);
exits 1 if a child did not do what was expected.
"""
import os
import subprocess
import sys
import time


def spawn(count, max_parallel, argv):
    if max_parallel <= 0:
        max_parallel = max(count, 1)
    start = time.monotonic()
    running = {}
    started = failed = 0
    while started < count or running:
        while started < count and len(running) < max_parallel:
            proc = subprocess.Popen(argv)
            running[proc.pid] = proc
            started += 1
        # Reap whichever finishes first, as the C loop's waitpid(-1) does.
        pid, status = os.waitpid(-1, 0)
        proc = running.pop(pid, None)
        if proc is not None:
            proc.returncode = os.waitstatus_to_exitcode(status)
            failed += proc.returncode != 0
    return start, failed


def main(argv):
    mode = argv[1] if len(argv) > 1 else ""
    if mode == "spawn":
        start, failed = spawn(int(argv[2]), int(argv[3]), argv[4:])
        print("wall_ms=%.3f" % ((time.monotonic() - start) * 1e3))
        return 1 if failed else 0
    if mode == "capture":
        want = int(argv[2])
        start = time.monotonic()
        proc = subprocess.Popen(["head", "-c", str(want), "/dev/zero"], stdout=subprocess.PIPE)
        got = 0
        while True:
            chunk = proc.stdout.read1(1 << 16)
            if not chunk:
                break
            got += len(chunk)
        proc.wait()
        print("wall_ms=%.3f" % ((time.monotonic() - start) * 1e3))
        print("bytes=%d" % got)
        return 0 if got == want else 1
    if mode == "fanout-sleep":
        start = time.monotonic()
        procs = [subprocess.Popen(["sleep", "0.1"]) for _ in range(10)]
        for proc in procs:
            proc.communicate()
        print("wall_ms=%.3f" % ((time.monotonic() - start) * 1e3))
        return 0
    if mode == "timeout-kill":
        start = time.monotonic()
        proc = subprocess.Popen(["sleep", "10"])
        try:
            proc.communicate(timeout=0.1)
        except subprocess.TimeoutExpired:
            proc.terminate()
            proc.wait()
        print("wall_ms=%.3f" % ((time.monotonic() - start) * 1e3))
        return 0 if proc.returncode == -15 else 1
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
