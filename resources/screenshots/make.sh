#!/usr/bin/env bash
# Remakes the README's screenshots with spawnscope's own --screenshot command:
#   bash resources/screenshots/make.sh [--record] [path/to/spawnscope]   (default: build/spawnscope)
# No display is needed. The shots of finished runs are drawn from the sessions
# recorded in resources/screenshots/sessions/ (--open), so remaking them runs
# nothing and changes no pixel unless the window changed; --record runs those
# presets again first and records new sessions. The live shots (the monitor,
# buffering) and the threads lab run for real: run it on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
record=0
if [[ ${1:-} == --record ]]; then
    record=1
    shift
fi
app=${1:-build/spawnscope}
out=resources/screenshots
sessions=$out/sessions
size=1280x800
# The recorded runs' start times are shown in UTC, whoever remakes them.
export TZ=UTC
# The monitor's shots run python3 from Debian's /usr/bin, whatever PATH says, so
# no version manager's shim shows up as a descendant.
family="sh -c '/usr/bin/python3 -c \"import time; x = bytearray(120 << 20); time.sleep(1); y = bytearray(200 << 20); time.sleep(8)\" & /usr/bin/python3 -c \"while True: pass\" & sleep 8 & wait'"
# For the Machine tab: a pipe (sleep | cat) and a child that burns a core.
machine_family="sh -c 'sleep 8 | cat & yes > /dev/null & sleep 8 & wait'"
# CPython's own openssl | md5sum chain (subprocess.PIPE), watched: the pipes
# between its children, as the seed's chain-md5 builds them.
cpython_chain="import subprocess as sp
for _ in range(3):
    enc = sp.Popen(['openssl', 'enc', '-des3', '-pbkdf2', '-pass', 'pass:demo'], stdin=sp.PIPE, stdout=sp.PIPE)
    md5 = sp.Popen(['md5sum'], stdin=enc.stdout, stdout=sp.PIPE)
    enc.stdout.close()
    enc.stdin.write(b'0123456789'); enc.stdin.close()
    print(md5.communicate()[0].decode().split()[0])"
seeds=(--preset hello-child --preset poll-sleep --preset fanout-sleep --preset chain-md5 --preset timeout-kill)

if (( record )); then
    mkdir -p "$sessions"
    PATH=/usr/bin:/bin "$app" --headless "${seeds[@]}" --report "$sessions/seeds.spawnscope" >/dev/null
    PATH=/usr/bin:/bin "$app" --headless --preset python-fanout-watched --preset fanout-sleep \
        --report "$sessions/watch.spawnscope" >/dev/null
    "$app" --headless --report "$sessions/watch-pipes.spawnscope" --watch -- /usr/bin/python3 -c "$cpython_chain" >/dev/null
    # The fan-out lesson twice: one child at a time, then all ten at once.
    "$app" --headless --preset fanout-sleep --max-parallel 1 --report "$sessions/fanout-serial.spawnscope" >/dev/null
    "$app" --headless --preset fanout-sleep --report "$sessions/fanout-parallel.spawnscope" >/dev/null
fi

for lang in en ko; do
    "$app" --screenshot "$out/processes-$lang.png" --open "$sessions/seeds.spawnscope" --panel processes \
        --lang "$lang" --size "$size"
    "$app" --screenshot "$out/timeline-$lang.png" --open "$sessions/seeds.spawnscope" --panel timeline \
        --lang "$lang" --size "$size"
    "$app" --screenshot "$out/compare-$lang.png" --open "$sessions/fanout-serial.spawnscope" \
        --open "$sessions/fanout-parallel.spawnscope" --panel compare --lang "$lang" --size 1100x800
    "$app" --screenshot "$out/threads-$lang.png" --panel threads --run-lab --lang "$lang" --size "$size"
    "$app" --screenshot "$out/code-$lang.png" --open "$sessions/seeds.spawnscope" --panel code --lang "$lang" \
        --size "$size"
    # The process monitor, live: a shell's children with their CPU and memory,
    # the chart of one job, and the buffering lesson (pipe against terminal).
    "$app" --screenshot "$out/monitor-$lang.png" --command "$family" --screenshot-after 3.5 --detail resources \
        --panel processes --lang "$lang" --size "$size"
    PATH=/usr/bin:/bin "$app" --screenshot "$out/buffering-$lang.png" --preset buffering-pty \
        --screenshot-after 1.2 --detail stdout --panel processes --lang "$lang" --size "$size"
    # Watching: the seed's fan-out run by CPython next to SpawnScope's own run
    # of it on one timeline, and CPython's chains with their pipes.
    "$app" --screenshot "$out/watch-$lang.png" --open "$sessions/watch.spawnscope" --panel timeline \
        --lang "$lang" --size "$size"
    "$app" --screenshot "$out/watch-pipes-$lang.png" --open "$sessions/watch-pipes.spawnscope" --panel processes \
        --lang "$lang" --size "$size"
    # The whole machine: a shell's pipe and a busy child under SpawnScope's
    # own row, among every other program on the machine, live.
    "$app" --screenshot "$out/machine-$lang.png" --command "$machine_family" --screenshot-after 1.5 --panel machine \
        --lang "$lang" --size "$size"
done
"$app" --screenshot "$out/timeline-dark.png" --open "$sessions/seeds.spawnscope" --panel timeline --theme dark \
    --size "$size"
