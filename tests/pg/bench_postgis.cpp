// Opening a dataset from PostgreSQL against the same dataset's GeoPackage (issue 13: under 2x). Run by hand:
//   MAILLAGE_BENCH_DATASET=national.gpkg MAILLAGE_BENCH_PG="PG:service=x schema=national"
//   bench/maillage_bench_postgis
// (copy the GeoPackage first: maillage copy --from national.gpkg --to "PG:... schema=national"). On a loaded
// machine, tests/pg/bench_pairs.sh alternates the reads and adds the server's CPU time.
#include "core/io/gpkg.h"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>

using namespace maillage;

namespace {

//! Reads the dataset named by `variable`, whole (as the desktop opens it) or attributes only (the commands).
void Read(benchmark::State& state, const char* variable, bool geometries) {
    const char* location = std::getenv(variable);
    if (!location || !*location) {
        state.SkipWithError((std::string(variable) + " is not set").c_str());
        return;
    }
    for (auto _ : state) {
        const model::Dataset d = io::readDataset(location, io::ReadOptions{geometries});
        benchmark::DoNotOptimize(d.communes.size());
    }
}

BENCHMARK_CAPTURE(Read, GeoPackage, "MAILLAGE_BENCH_DATASET", true)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);
BENCHMARK_CAPTURE(Read, PostGIS, "MAILLAGE_BENCH_PG", true)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK_CAPTURE(Read, GeoPackageAttributes, "MAILLAGE_BENCH_DATASET", false)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);
BENCHMARK_CAPTURE(Read, PostGISAttributes, "MAILLAGE_BENCH_PG", false)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);

} // namespace

BENCHMARK_MAIN();
