#!/bin/sh
# Builds the Debian package from a build tree into a scratch folder, as
# `bash .ci/setup package` does, and checks what a user would get: the files
# and where they land, the control fields with the Depends dpkg-shlibdeps
# found, a stripped binary that runs from the unpacked tree, and a man page
# that names every option --help lists. Nothing is installed on the machine.
# Usage: package.sh CPACK BUILD_DIR SOURCE_DIR VERSION; exits 77 (skipped)
# when dpkg-dev is missing.
set -eu

cpack=$1 build=$2 source=$3 version=$4
app_id=io.github.spawnscope.SpawnScope

for tool in dpkg-deb dpkg-shlibdeps file gzip; do
    if ! command -v "$tool" >/dev/null; then
        echo "package: $tool not found (apt-get install dpkg-dev file): skipped"
        exit 77
    fi
done

failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

if ! "$cpack" --config "$build/CPackConfig.cmake" -G DEB -B "$scratch/out" >"$scratch/cpack.log" 2>&1; then
    cat "$scratch/cpack.log"
    echo "FAIL: cpack -G DEB failed"
    exit 1
fi
deb="$scratch/out/spawnscope_${version}_$(dpkg --print-architecture).deb"
if [ ! -f "$deb" ]; then
    cat "$scratch/cpack.log"
    echo "FAIL: $(basename "$deb") was not made; the folder holds: $(ls "$scratch/out")"
    exit 1
fi
echo "package: $(basename "$deb"), $(wc -c <"$deb") bytes"

# The control fields.
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = spawnscope ] || fail "Package is '$(field Package)'"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', not $version"
[ "$(field Architecture)" = "$(dpkg --print-architecture)" ] || fail "Architecture is '$(field Architecture)'"
[ "$(field Section)" = devel ] || fail "Section is '$(field Section)'"
case "$(field Maintainer)" in
*'<'*@*'>') ;;
*) fail "Maintainer '$(field Maintainer)' has no address" ;;
esac
description=$(field Description)
case "$description" in
"start child processes and watch, live, what they do"*) ;;
*) fail "Description starts '$(echo "$description" | head -n 1)'" ;;
esac
# Lines of the long description stay within 80 columns (policy; CPack does not wrap).
long=$(echo "$description" | awk 'length > 80')
[ -z "$long" ] || fail "Description lines over 80 columns: $long"
depends=$(field Depends)
echo "package: Depends: $depends"
for library in libc6 libqt6core6 libqt6gui6 libqt6widgets6; do
    # dpkg-shlibdeps gives each a minimum version; a hand-written list would not.
    echo "$depends" | grep -Eq "(^|, )$library(t64)? \(>= [0-9]" || fail "Depends does not name $library (>= version)"
done
case "$depends" in *libqt6test6*) fail "Depends names libqt6test6, which only the tests link" ;; esac

# What it holds: every file under /usr, owned by root, the binary executable.
dpkg-deb -c "$deb" >"$scratch/contents"
for path in \
    ./usr/bin/spawnscope \
    ./usr/bin/spawnscope-window \
    "./usr/share/applications/$app_id.desktop" \
    "./usr/share/icons/hicolor/scalable/apps/$app_id.svg" \
    "./usr/share/metainfo/$app_id.metainfo.xml" \
    "./usr/share/mime/packages/$app_id.xml" \
    ./usr/share/man/man1/spawnscope.1.gz \
    ./usr/share/man/man1/spawnscope-window.1.gz \
    ./usr/share/doc/spawnscope/copyright; do
    awk -v p="$path" '$NF == p { found = 1 } END { exit !found }' "$scratch/contents" \
        || fail "$path is not in the package"
done
for binary in spawnscope spawnscope-window; do
    awk -v p="./usr/bin/$binary" '$NF == p && $1 == "-rwxr-xr-x" { found = 1 } END { exit !found }' "$scratch/contents" \
        || fail "/usr/bin/$binary is not -rwxr-xr-x: $(grep "/usr/bin/$binary\$" "$scratch/contents")"
done
outside=$(awk '$NF !~ /^\.\/(usr\/.*)?$/' "$scratch/contents")
[ -z "$outside" ] || fail "files outside /usr: $outside"
owners=$(awk '$2 != "root/root"' "$scratch/contents")
[ -z "$owners" ] || fail "files not owned by root: $owners"

# Unpacked, with no system change: the files are the sources', the binary stripped and runnable.
root="$scratch/root"
dpkg-deb -x "$deb" "$root"
for pair in "$app_id.desktop:usr/share/applications/$app_id.desktop" \
    "$app_id.svg:usr/share/icons/hicolor/scalable/apps/$app_id.svg" \
    "$app_id.metainfo.xml:usr/share/metainfo/$app_id.metainfo.xml" \
    "$app_id.mime.xml:usr/share/mime/packages/$app_id.xml"; do
    cmp -s "$source/resources/desktop/${pair%%:*}" "$root/${pair#*:}" || fail "/${pair#*:} differs from resources/desktop/${pair%%:*}"
done
cmp -s "$source/LICENSE" "$root/usr/share/doc/spawnscope/copyright" || fail "copyright is not LICENSE"
case "$(file -b "$root/usr/bin/spawnscope")" in
*", stripped"*) ;;
*) fail "/usr/bin/spawnscope is not stripped: $(file -b "$root/usr/bin/spawnscope")" ;;
esac
version_line=$(cd "$scratch" && LC_ALL=C "$root/usr/bin/spawnscope" --version | head -n 1) || true
[ "$version_line" = "spawnscope $version" ] || fail "the packaged spawnscope --version says '$version_line'"
# spawnscope links Qt Core alone; the window is spawnscope-window's.
case "$(file -b "$root/usr/bin/spawnscope-window")" in
*", stripped"*) ;;
*) fail "/usr/bin/spawnscope-window is not stripped" ;;
esac
needed() { objdump -p "$1" 2>/dev/null | awk '$1 == "NEEDED" { print $2 }'; }
core_libraries=$(needed "$root/usr/bin/spawnscope")
echo "$core_libraries" | grep -q '^libQt6Core' || fail "spawnscope does not link Qt Core: $core_libraries"
case "$core_libraries" in *libQt6Gui* | *libQt6Widgets*) fail "spawnscope links Qt Gui or Widgets: $core_libraries" ;; esac
needed "$root/usr/bin/spawnscope-window" | grep -q '^libQt6Widgets' || fail "spawnscope-window does not link Qt Widgets"
[ "$(zcat "$root/usr/share/man/man1/spawnscope-window.1.gz")" = ".so man1/spawnscope.1" ] \
    || fail "spawnscope-window.1.gz does not point to spawnscope.1"

# The man page: gzip -9n (no name, no time stamp), a page for section 1, and
# every option of --help in it.
gzip -t "$root/usr/share/man/man1/spawnscope.1.gz" || fail "spawnscope.1.gz is not gzip"
gzip -dc "$root/usr/share/man/man1/spawnscope.1.gz" >"$scratch/spawnscope.1"
cmp -s "$scratch/spawnscope.1" "$source/resources/man/spawnscope.1" || fail "spawnscope.1.gz is not resources/man/spawnscope.1"
# Bytes 4-7 of a gzip header are the time stamp: zero with -n.
stamp=$(od -An -tx1 -j4 -N4 "$root/usr/share/man/man1/spawnscope.1.gz" | tr -d ' \n')
[ "$stamp" = 00000000 ] || fail "spawnscope.1.gz carries a time stamp ($stamp): not gzip -n"
# The page names the version it describes, like the metainfo's newest release.
grep -q "^\.TH SPAWNSCOPE 1 .*\"SpawnScope $version\"" "$scratch/spawnscope.1" \
    || fail "spawnscope.1's .TH line does not say SpawnScope $version: $(grep '^\.TH' "$scratch/spawnscope.1")"
for section in NAME SYNOPSIS DESCRIPTION OPTIONS "EXIT STATUS" FILES "SEE ALSO"; do
    grep -q "^\.SH $section\$" "$scratch/spawnscope.1" || fail "spawnscope.1 has no $section section"
done
LC_ALL=C "$root/usr/bin/spawnscope" --help >"$scratch/help" || fail "the packaged spawnscope --help failed"
options=$(grep -Eo '^  (-[a-z], )?--[a-z][a-z-]*' "$scratch/help" | sed 's/.*--//')
[ "$(echo "$options" | wc -l)" -ge 30 ] || fail "only $(echo "$options" | wc -l) options read from --help"
for option in $options; do
    escaped=$(echo "$option" | sed 's/-/\\\\-/g')
    grep -Eq "\\\\-\\\\-$escaped([^a-z\\\\]|\$)" "$scratch/spawnscope.1" || fail "spawnscope.1 does not describe --$option"
done

if [ "$failures" -gt 0 ]; then
    echo "package: $failures problems"
    exit 1
fi
echo "package: all checks passed"
