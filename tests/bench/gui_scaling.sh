#!/bin/bash
# Scaling of the desktop application with the number of communes (issue 10: linear up to 100,000): synthetic
# national datasets with polygons (make_synthetic.py --polygons, imported once and kept in WORK), then per
# size the cold open to the first map (gui_startup.sh: CPU and wall, medians of RUNS), the full map's
# render at 1600×1200 and a pôle-threshold recompute (maillage_bench_render: process CPU; the recompute's
# main thread too), and any real dataset given after the sizes' list for comparison.
# Usage: tests/bench/gui_scaling.sh [BUILD_DIR] [SHARED_DATA_DIR] [DATASET.gpkg ...]
#        (SIZES="25000 50000 95000", RUNS=3; needs -DMAILLAGE_BUILD_BENCHMARKS=ON; exit 77 without data)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../../build}" && pwd)
data=${2:-$here/../../../shared/data}
shift 2 || shift $#
work=${WORK:-/tmp/maillage-bench}
bench=$build/bench/maillage_bench_render
[ -x "$bench" ] || { echo "skip: $bench is not built (-DMAILLAGE_BUILD_BENCHMARKS=ON)" >&2; exit 77; }
command -v python3 >/dev/null || { echo "skip: python3 is not installed" >&2; exit 77; }
"$here/make_tables.sh" "$data" "$work"

datasets=()
for n in ${SIZES:-25000 50000 95000}; do
    dir=$work/gui-synthetic$n
    if [ ! -s "$dir/synthetic$n.gpkg" ]; then
        python3 "$here/make_synthetic.py" "$n" "$work" "$dir" --polygons
        (cd "$dir" && "$build/maillage" import --communes communes.geojson --bassins bassins.csv \
            --population population.csv --professionals professionals.csv:2018 --output "synthetic$n.gpkg" --quiet)
    fi
    datasets+=("$dir/synthetic$n.gpkg")
done
datasets+=("$@")

echo "== cold open to the first map (gui_startup.sh, RUNS=${RUNS:-3})"
RUNS=${RUNS:-3} "$here/gui_startup.sh" "$build" "${datasets[@]}" | grep -v '^  '

echo "== full map 1600x1200 and a pôle-threshold recompute (maillage_bench_render)"
for ds in "${datasets[@]}"; do
    communes=$(sqlite3 "$ds" 'SELECT count(*) FROM communes')
    MAILLAGE_BENCH_DATASET=$ds XDG_CACHE_HOME=$work/gui/xdg-bench "$bench" \
        --benchmark_filter='BM_RenderParallel/|BM_RecomputePoleThreshold' --benchmark_min_time=2 2>/dev/null |
        awk -v n="$communes" '/^BM_/ { sub(/\/.*/, "", $1); printf "%-8s %-28s", n, $1;
                                       for (i = 2; i <= NF; ++i) if ($i ~ /^(cpu_ms|main_cpu_ms|labels)=/) printf " %s", $i;
                                       printf "\n" }'
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
