#!/bin/sh
# Runs a test as an unprivileged user, for limits that do not bind root
# (RLIMIT_NPROC). Exits 77 (skipped) when that cannot be arranged here.
if [ "$(id -u)" != 0 ]; then
    exec "$@"
fi
command -v setpriv >/dev/null 2>&1 || { echo "setpriv is missing: skipped"; exit 77; }
as_nobody="setpriv --reuid=65534 --regid=65534 --clear-groups env HOME=/tmp"
if ! $as_nobody test -x "$1"; then
    echo "the test binary is not reachable by an unprivileged user here: skipped"
    exit 77
fi
cd /tmp && exec $as_nobody "$@"
