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
seeds=(--preset hello-child --preset poll-sleep --preset fanout-sleep --preset chain-md5 --preset timeout-kill)

for lang in en ko; do
    "$app" --screenshot "$out/processes-$lang.png" "${seeds[@]}" --panel processes --lang "$lang" --size "$size"
    "$app" --screenshot "$out/timeline-$lang.png" --preset poll-sleep --preset fanout-sleep --preset chain-md5 \
        --preset timeout-kill --panel timeline --lang "$lang" --size "$size"
    "$app" --screenshot "$out/threads-$lang.png" --panel threads --run-lab --lang "$lang" --size "$size"
    "$app" --screenshot "$out/code-$lang.png" --preset timeout-kill --panel code --lang "$lang" --size "$size"
done
"$app" --screenshot "$out/timeline-dark.png" --preset poll-sleep --preset fanout-sleep --preset chain-md5 \
    --preset timeout-kill --panel timeline --theme dark --size "$size"
