#!/bin/bash
# Whole-process timings of maillage against the tools a GIS user would pick instead, side by side in one run:
# medians over RUNS paired runs (maillage then its peer, alternately) of wall time, CPU time (user + system)
# and peak memory, with the ratios. Exits 77 (skip) without the shared data.
# Usage: tests/bench/compare.sh [BUILD_DIR] [SHARED_DATA_DIR]   (RUNS=5 by default; WORK=/tmp/maillage-bench;
#        ONLY="classify tiny" runs these comparisons alone: classify, import, analyses, tiny)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../../build}" && pwd)
data=${2:-$here/../../../shared/data}
runs=${RUNS:-5}
work=${WORK:-/tmp/maillage-bench}
maillage=$build/maillage
communes=$data/communes/communes_france_cog2018.geojson
[ -d "$data" ] && [ -f "$communes" ] || { echo "skip: no shared data in $data" >&2; exit 77; }
[ -x "$maillage" ] || { echo "no $maillage: build the 'maillage' target first" >&2; exit 1; }
for tool in sqlite3 ogr2ogr /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "skip: $tool is not installed" >&2; exit 77; }
done
mkdir -p "$work"
"$here/make_tables.sh" "$data" "$work"

# One run of "$@": prints "wall_ms cpu_ms rss_kib", the command's output discarded. Milliseconds: the
# command's CPU time (user + system) from the shell's `times`, to the millisecond, and the wall time from
# `date`; /usr/bin/time's %e, %U and %S have 10 ms steps, which rounded a tiny command's times to 0.
measure() {
    local start end cpu
    start=$(date +%s%N)
    cpu=$(
        /usr/bin/time -f "%M" -o "$work/time.txt" "$@" >/dev/null 2>&1 || exit 1
        times # in this subshell itself (not in a pipeline, which would fork it)
    ) || {
        echo "failed: $*" >&2
        return 1
    }
    end=$(date +%s%N)
    # `times` prints the shell's then its children's user and system times: "0m0.012s 0m0.004s".
    cpu=${cpu##*$'\n'}
    awk -v wall=$(((end - start) / 1000)) -v cpu="$cpu" 'BEGIN {
        n = split(cpu, t, /[ms]+/); ms = 0
        for (i = 1; i + 1 <= n; i += 2) ms += (t[i] * 60 + t[i + 1]) * 1000
    } { printf "%.1f %.1f %s\n", wall / 1000, ms, $1 }' "$work/time.txt"
}

# Median of column $1 of the lines on stdin.
median() { awk -v c="$1" '{ print $c }' | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# compare LABEL "MAILLAGE COMMAND" "PEER COMMAND" (peer "" for an absolute figure): paired runs, medians, ratios.
compare() {
    local label=$1 ours=$2 peer=$3 i
    : >"$work/ours.txt"
    : >"$work/peer.txt"
    for ((i = 0; i < runs; ++i)); do
        (cd "$work" && measure bash -c "$ours") >>"$work/ours.txt"
        [ -z "$peer" ] || (cd "$work" && measure bash -c "$peer") >>"$work/peer.txt"
    done
    local ow oc om pw pc pm
    ow=$(median 1 <"$work/ours.txt") oc=$(median 2 <"$work/ours.txt") om=$(median 3 <"$work/ours.txt")
    if [ -z "$peer" ]; then
        printf "%-28s %8.1f ms wall %7.1f ms CPU %6.1f MiB\n" "$label" "$ow" "$oc" "$(ratio "$om" 1024)"
        return
    fi
    pw=$(median 1 <"$work/peer.txt") pc=$(median 2 <"$work/peer.txt") pm=$(median 3 <"$work/peer.txt")
    printf "%-28s %8.1f ms wall %7.1f ms CPU %6.1f MiB | peer %8.1f ms wall %7.1f ms CPU %6.1f MiB | ratio wall %s CPU %s memory %s\n" \
        "$label" "$ow" "$oc" "$(ratio "$om" 1024)" "$pw" "$pc" "$(ratio "$pm" 1024)" \
        "$(ratio "$ow" "$pw")" "$(ratio "$oc" "$pc")" "$(ratio "$om" "$pm")"
}

# $1 / $2 with two decimals; "n/a" when $2 is 0.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "n/a"; else printf "%.2f", a / b }'; }

only=${ONLY:-classify import analyses tiny}
wanted() { [[ " $only " == *" $1 "* ]]; }

echo "maillage $("$maillage" --version | cut -d' ' -f2), $runs paired runs, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
wanted classify && compare "classify (tables) vs SQL" \
    "'$maillage' classify --communes communes.csv --professionals professionals.csv --output poles.csv --quiet" \
    "sqlite3 :memory: < '$here/classify_peer.sql' > poles_peer.csv"
wanted import && compare "import national vs ogr2ogr" \
    "'$maillage' import --communes '$communes' \
        --bassins '$data/bassins_de_vie/commune_cog2018_bv2012_bv2022_crosswalk.csv' --bv-column BV2012 \
        --population '$data/population/population_communes_2020.csv' \
        --professionals '$data/professionals/bpe2018_sante_par_commune_long.csv:2018' \
        --output france.gpkg --quiet" \
    "rm -f peer.gpkg && ogr2ogr -f GPKG peer.gpkg '$communes'"
# An import that found no style templates in its build writes no results (and looks faster and smaller).
if wanted import && [ "$(sqlite3 "$work/france.gpkg" "SELECT count(*) FROM gpkg_contents WHERE table_name = 'poles'")" != 1 ]; then
    echo "the import wrote no results: build the style templates too (target maillage_style_templates_data)" >&2
    exit 1
fi
wanted analyses && [ ! -f "$work/france.gpkg" ] && { echo "analyses need the import: ONLY=\"import analyses\"" >&2; exit 1; }
wanted analyses && for command in "density --profession D201" "links" "crunch" "access --profession D201" "summary"; do
    output="--output out.csv"
    [ "$command" = summary ] && output=""
    compare "${command%% *} national" "'$maillage' $command --dataset france.gpkg $output --quiet" ""
done
wanted tiny && compare "process overhead (tiny)" \
    "'$maillage' classify --communes '$here/../data/cli/communes.csv' \
        --professionals '$here/../data/cli/professionals.csv' --output tiny.csv --quiet" \
    "sqlite3 :memory: 'select 1'"
exit 0
