#!/bin/bash
# The desktop application's start-up to the first drawn map (issue 10: a national dataset under 2 s cold,
# the demo under 1 s), each run cold: fresh cache and settings folders (no dissolved départements, no demo
# GeoPackage, no saved layout), offscreen. Prints per run and as medians: the wall time from the process's
# start to the first map (startup_ms of --bench-startup), the process's CPU time by then (every thread), and
# the whole run's CPU time and peak memory (/usr/bin/time: with the tear-down).
# Usage: tests/bench/gui_startup.sh [BUILD_DIR] [DATASET.gpkg ...]   (RUNS=5; the demo is always measured)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../../build}" && pwd)
shift || true
work=${WORK:-/tmp/maillage-bench}/gui
mkdir -p "$work"
runs=${RUNS:-5}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

printf "%-28s %10s %10s %12s %10s\n" input startup_ms cpu_ms run_cpu_ms peak_MiB
for input in --demo "$@"; do
    : >"$work/rows.txt"
    for _ in $(seq "$runs"); do
        rm -rf "$work/xdg"
        XDG_CACHE_HOME=$work/xdg/cache XDG_CONFIG_HOME=$work/xdg/config XDG_DATA_HOME=$work/xdg/data \
            QT_QPA_PLATFORM=offscreen /usr/bin/time -f "%U %S %M" -o "$work/time.txt" \
            "$build/maillage" "$input" --bench-startup >"$work/out.txt" 2>/dev/null
        wall=$(awk '$1 == "startup_ms" { print $2 }' "$work/out.txt")
        cpu=$(awk '$1 == "startup_cpu_ms" { print $2 }' "$work/out.txt")
        read -r user sys peak <"$work/time.txt"
        echo "$wall $cpu $(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d", (u + s) * 1000 }') $((peak / 1024))" \
            >>"$work/rows.txt"
    done
    name=$(basename -- "$input")
    while read -r w c r p; do printf "%-28s %10s %10s %12s %10s\n" "  $name" "$w" "$c" "$r" "$p"; done <"$work/rows.txt"
    printf "%-28s %10s %10s %12s %10s\n" "median $name" "$(cut -d' ' -f1 "$work/rows.txt" | median)" \
        "$(cut -d' ' -f2 "$work/rows.txt" | median)" "$(cut -d' ' -f3 "$work/rows.txt" | median)" \
        "$(cut -d' ' -f4 "$work/rows.txt" | median)"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
