// The import pipeline on the whole of France (../shared/data): 35,357 communes (IGN Admin Express 2018,
// simplified), BV2012 crosswalk, BPE 2013. Skips when the data is absent.
//
//   maillage_bench_import                      every stage in one process
//   maillage_bench_import --benchmark_filter=Dissolve   one stage (its peak RSS alone)
//   maillage_bench_import --benchmark_filter=Validity   the validity proof against GEOS, per national pass
//
// Counters: peak_rss_MiB = getrusage ru_maxrss (peak of the process so far); stage_peak_MiB = peak resident
// memory during the stage alone (Linux: high-water mark reset through /proc/self/clear_refs before it).
#include "core/io/geo.h"
#include "core/io/gpkg.h"
#include "core/io/import.h"
#include "core/io/importers.h"
#include "core/io/polygon_validity.h"
#include "core/io/table.h"

#include <benchmark/benchmark.h>
#include <geos_c.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/resource.h>
#include <unistd.h>

using namespace maillage;

namespace {

const char* const kCommunes = "communes/communes_france_cog2018.geojson";
const char* const kCrosswalk = "bassins_de_vie/commune_cog2018_bv2012_bv2022_crosswalk.csv";
const char* const kBpe2013 = "professionals/bpe2013_sante_par_commune.csv";

std::string shared(const char* relative) {
    const char* env = std::getenv("MAILLAGE_SHARED_DATA");
    return std::string(env && *env ? env : SHARED_DATA_DIR) + "/" + relative;
}

bool requireData(benchmark::State& state) {
    for (const char* rel : {kCommunes, kCrosswalk, kBpe2013}) {
        if (!std::filesystem::exists(shared(rel))) {
            state.SkipWithError(("shared data absent: " + shared(rel)).c_str());
            return false;
        }
    }
    return true;
}

double maxRssMiB() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return static_cast<double>(ru.ru_maxrss) / 1024.0; // kB on Linux
}

//! Resets the kernel's peak-RSS mark (VmHWM) so that a stage reports its own peak.
void resetPeak() {
    std::ofstream("/proc/self/clear_refs") << "5";
}

double hwmMiB() {
    std::ifstream in("/proc/self/status");
    std::string key;
    while (in >> key) {
        if (key == "VmHWM:") {
            double kb = 0;
            in >> kb;
            return kb / 1024.0;
        }
        in.ignore(1 << 12, '\n');
    }
    return 0;
}

void memoryCounters(benchmark::State& state) {
    state.counters["peak_rss_MiB"] = maxRssMiB();
    state.counters["stage_peak_MiB"] = hwmMiB();
}

io::ImportOptions nationalOptions() {
    io::ImportOptions o;
    o.communesPath = shared(kCommunes);
    o.bassinsPath = shared(kCrosswalk);
    o.bvColumn = "BV2012";
    io::ProfessionalsSource bpe;
    bpe.path = shared(kBpe2013);
    bpe.vintage = 2013;
    o.professionals.push_back(bpe);
    o.title = "France (BV2012, BPE 2013)";
    o.cogYear = 2018;
    o.sources = {"IGN, Admin Express 2018 (simplifié)", "INSEE, bassins de vie 2012", "INSEE, BPE 2013"};
    return o;
}

//! The imported national dataset, built once (untimed) for the stages that start from it.
const model::Dataset& nationalDataset() {
    static const model::Dataset ds = [] {
        io::ImportReport report;
        return io::importDataset(nationalOptions(), report);
    }();
    return ds;
}

//! The GeoPackage written by BM_WriteGpkg and read by BM_ReadGpkg, in a folder removed at exit.
std::string gpkgPath() {
    struct Folder {
        std::filesystem::path path =
            std::filesystem::temp_directory_path() / ("maillage_bench_" + std::to_string(::getpid()));
        Folder() { std::filesystem::create_directories(path); }
        ~Folder() {
            std::error_code ec;
            std::filesystem::remove_all(path, ec);
        }
    };
    static const Folder folder;
    return (folder.path / "france.gpkg").string();
}

void BM_ReadPolygons(benchmark::State& state) {
    if (!requireData(state))
        return;
    io::ensureGdal();
    resetPeak();
    std::size_t n = 0;
    for (auto _ : state) {
        Warnings w;
        auto communes = io::readCommunePolygons(shared(kCommunes), {}, w);
        n = communes.size();
        benchmark::DoNotOptimize(communes.data());
    }
    state.counters["communes"] = static_cast<double>(n);
    memoryCounters(state);
}

void BM_ReadBpe2013(benchmark::State& state) {
    if (!requireData(state))
        return;
    const auto catalogue = model::ProfessionCatalogue::builtin();
    resetPeak();
    std::size_t n = 0;
    for (auto _ : state) {
        Warnings w;
        const io::Table t = io::readTable(shared(kBpe2013), {}, &w);
        auto counts = io::readProfessionals(t, catalogue, 2013, {}, w);
        n = counts.size();
        benchmark::DoNotOptimize(counts.data());
    }
    state.counters["records"] = static_cast<double>(n);
    memoryCounters(state);
}

void BM_Dissolve(benchmark::State& state) {
    if (!requireData(state))
        return;
    const model::Dataset& national = nationalDataset();
    model::Dataset ds;
    for (auto _ : state) {
        state.PauseTiming();
        ds = national;
        for (auto& b : ds.bassins)
            b.geometry.clear();
        resetPeak();
        state.ResumeTiming();
        Warnings w;
        io::dissolveBassins(ds, w);
    }
    state.counters["bassins"] = static_cast<double>(ds.bassins.size());
    memoryCounters(state);
}

void BM_WriteGpkg(benchmark::State& state) {
    if (!requireData(state))
        return;
    const model::Dataset& national = nationalDataset();
    resetPeak();
    for (auto _ : state)
        io::writeDataset(national, gpkgPath());
    state.counters["MiB"] = static_cast<double>(std::filesystem::file_size(gpkgPath())) / (1 << 20);
    memoryCounters(state);
}

void BM_ReadGpkg(benchmark::State& state) {
    if (!requireData(state))
        return;
    if (!std::filesystem::exists(gpkgPath()))
        io::writeDataset(nationalDataset(), gpkgPath());
    resetPeak();
    std::size_t n = 0;
    for (auto _ : state) {
        const model::Dataset ds = io::readDataset(gpkgPath());
        n = ds.communes.size();
    }
    state.counters["communes"] = static_cast<double>(n);
    memoryCounters(state);
}

void BM_WholeImport(benchmark::State& state) {
    if (!requireData(state))
        return;
    io::ensureGdal();
    resetPeak();
    std::size_t n = 0;
    for (auto _ : state) {
        io::ImportReport report;
        const model::Dataset ds = io::importDataset(nationalOptions(), report);
        n = ds.bassins.size();
    }
    state.counters["bassins"] = static_cast<double>(n);
    memoryCounters(state);
}

//! The national communes' polygons as an import stores them (Lambert-93 WKB), read once (untimed).
const std::vector<model::Commune>& nationalCommunes() {
    static const std::vector<model::Commune> communes = [] {
        Warnings w;
        return io::readCommunePolygons(shared(kCommunes), {}, w);
    }();
    return communes;
}

//! The import's validity proof (core/io/polygon_validity.h) of every national commune.
void BM_ValidityProof(benchmark::State& state) {
    if (!requireData(state))
        return;
    const auto& communes = nationalCommunes();
    std::size_t proven = 0;
    for (auto _ : state) {
        proven = 0;
        for (const auto& c : communes)
            proven += io::provedValid(c.geometry);
    }
    state.counters["communes"] = static_cast<double>(communes.size());
    state.counters["proven"] = static_cast<double>(proven);
}

//! What the proof spares: GEOS reading and checking every national commune (GEOSisValid_r).
void BM_ValidityGeos(benchmark::State& state) {
    if (!requireData(state))
        return;
    const auto& communes = nationalCommunes();
    GEOSContextHandle_t ctx = GEOS_init_r();
    std::size_t valid = 0;
    for (auto _ : state) {
        valid = 0;
        for (const auto& c : communes) {
            GEOSGeometry* g = GEOSGeomFromWKB_buf_r(ctx, c.geometry.data(), c.geometry.size());
            valid += g && GEOSisValid_r(ctx, g) == 1;
            GEOSGeom_destroy_r(ctx, g);
        }
    }
    GEOS_finish_r(ctx);
    state.counters["communes"] = static_cast<double>(communes.size());
    state.counters["valid"] = static_cast<double>(valid);
}

// One iteration each: these take seconds. Add --benchmark_repetitions=N for spread.
BENCHMARK(BM_ReadPolygons)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();
BENCHMARK(BM_ReadBpe2013)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();
BENCHMARK(BM_WholeImport)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();
BENCHMARK(BM_Dissolve)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();
BENCHMARK(BM_WriteGpkg)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();
BENCHMARK(BM_ReadGpkg)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();
BENCHMARK(BM_ValidityProof)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ValidityGeos)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
