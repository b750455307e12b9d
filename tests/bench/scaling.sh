#!/bin/bash
# Scaling of the table commands with the number of communes (issue 10: linear up to 100,000): synthetic
# tables of N communes (make_synthetic.py, from the national tables; the same counts for 2013 and 2018),
# then per N the CPU time (user + system) and peak memory of classify from tables, import from tables,
# density, links, crunch and access.
# Usage: tests/bench/scaling.sh [BUILD_DIR] [SHARED_DATA_DIR] (SIZES="25000 50000 95000"; exit 77 without data)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../../build}" && pwd)
data=${2:-$here/../../../shared/data}
work=${WORK:-/tmp/maillage-bench}
maillage=$build/maillage
"$here/make_tables.sh" "$data" "$work"
command -v python3 >/dev/null || { echo "skip: python3 is not installed" >&2; exit 77; }

# CPU seconds and peak MiB of one run of "$@".
measure() {
    /usr/bin/time -f "%U %S %M" -o "$work/time.txt" "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }
    awk '{ printf "%6.2f s %4d MiB", $1 + $2, $3 / 1024 }' "$work/time.txt"
}

printf "%-8s %-18s %-18s %-18s %-18s %-18s %-18s\n" communes classify import density links crunch access
for n in ${SIZES:-25000 50000 95000}; do
    dir=$work/synthetic$n
    python3 "$here/make_synthetic.py" "$n" "$work" "$dir"
    cd "$dir"
    row=$(printf "%-8s " "$n")
    row+="$(measure "$maillage" classify --communes communes.csv --professionals professionals.csv --output poles.csv --quiet) "
    row+="$(measure "$maillage" import --communes communes.csv --professionals professionals.csv:2013 professionals.csv:2018 --output syn.gpkg --quiet) "
    for command in "density --profession D201" links crunch "access --profession D201"; do
        # shellcheck disable=SC2086
        row+="$(measure "$maillage" $command --dataset syn.gpkg --output out.csv --quiet) "
    done
    echo "$row"
done
