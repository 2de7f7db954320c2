#!/usr/bin/env bash
# Remakes the README's screenshots with spawnscope's own --screenshot command:
#   bash resources/screenshots/make.sh [path/to/spawnscope]   (default: build/spawnscope)
# No display is needed. Run it on a quiet machine: the threads lab's speed-ups
# are measured for real while the picture is taken.
set -euo pipefail
cd "$(dirname "$0")/../.."
app=${1:-build/spawnscope}
out=resources/screenshots
size=1400x860
# The monitor's shots run python3 from Debian's /usr/bin, whatever PATH says, so
# no version manager's shim shows up as a descendant.
family="sh -c '/usr/bin/python3 -c \"import time; x = bytearray(120 << 20); time.sleep(1); y = bytearray(200 << 20); time.sleep(8)\" & /usr/bin/python3 -c \"while True: pass\" & sleep 8 & wait'"
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

for lang in en ko; do
    "$app" --screenshot "$out/processes-$lang.png" "${seeds[@]}" --panel processes --lang "$lang" --size "$size"
    "$app" --screenshot "$out/timeline-$lang.png" --preset poll-sleep --preset fanout-sleep --preset chain-md5 \
        --preset timeout-kill --panel timeline --lang "$lang" --size "$size"
    "$app" --screenshot "$out/threads-$lang.png" --panel threads --run-lab --lang "$lang" --size "$size"
    "$app" --screenshot "$out/code-$lang.png" --preset timeout-kill --panel code --lang "$lang" --size "$size"
    # The process monitor, live: a shell's children with their CPU and memory,
    # the chart of one job, and the buffering lesson (pipe against terminal).
    "$app" --screenshot "$out/monitor-$lang.png" --command "$family" --screenshot-after 3.5 --detail resources \
        --panel processes --lang "$lang" --size "$size"
    PATH=/usr/bin:/bin "$app" --screenshot "$out/buffering-$lang.png" --preset buffering-pty \
        --screenshot-after 1.2 --detail stdout --panel processes --lang "$lang" --size "$size"
    # Watching: the seed's fan-out run by CPython next to SpawnScope's own run
    # of it on one timeline, and CPython's chains with their pipes.
    PATH=/usr/bin:/bin "$app" --screenshot "$out/watch-$lang.png" --preset python-fanout-watched \
        --preset fanout-sleep --screenshot-after 1.5 --panel timeline --lang "$lang" --size "$size"
    "$app" --screenshot "$out/watch-pipes-$lang.png" --screenshot-after 1.5 --panel processes --lang "$lang" \
        --size "$size" --watch -- /usr/bin/python3 -c "$cpython_chain"
done
"$app" --screenshot "$out/timeline-dark.png" --preset poll-sleep --preset fanout-sleep --preset chain-md5 \
    --preset timeout-kill --panel timeline --theme dark --size "$size"
