#!/usr/bin/env bash
# Paired runs of bench/maillage_bench_postgis (issue 13: opening from PostgreSQL under 2x the GeoPackage), for a
# loaded machine: the GeoPackage and the PostgreSQL reads alternate, ROUNDS times, each 3 iterations. Prints per
# read: wall ms, client CPU ms (Google Benchmark's CPU column), server CPU ms (the test server's postmaster with
# its reaped backends, from /proc: each read connects anew). Take the medians.
#   tests/pg/bench_pairs.sh STATE_DIR BENCH_BINARY [OTHER_BENCH_BINARY]
# STATE_DIR: pg_server.sh's (server.env, server.dir); MAILLAGE_BENCH_DATASET and MAILLAGE_BENCH_PG set as for the
# benchmark. OTHER_BENCH_BINARY (e.g. a build of another commit) runs the PostgreSQL reads too, tagged "-other".
set -euo pipefail
state="$1"
bench="$2"
other="${3:-}"
set -a
. "$state/server.env"
set +a
postmaster=$(head -1 "$(cat "$state/server.dir")/data/postmaster.pid")
ticks() { awk '{print $14 + $15 + $16 + $17}' "/proc/$postmaster/stat"; }
hz=$(getconf CLK_TCK)
run() { # binary filter tag
  local t0 t1 line
  t0=$(ticks)
  line=$("$1" --benchmark_filter="$2" --benchmark_format=csv 2>/dev/null | grep '^"Read')
  t1=$(ticks)
  echo "$line" | awk -F, -v s=$(((t1 - t0) * 1000 / hz / 3)) -v tag="$3" \
    '{gsub(/"/, "", $1); sub(/\/iterations:3/, "", $1); printf "%s%s %.0f %.0f %d\n", $1, tag, $3, $4, s}'
}
for _ in $(seq "${ROUNDS:-5}"); do
  for kind in '' 'Attributes'; do
    run "$bench" "Read/GeoPackage$kind/" ""
    run "$bench" "Read/PostGIS$kind/" ""
    [ -z "$other" ] || run "$other" "Read/PostGIS$kind/" "-other"
  done
done
uptime
