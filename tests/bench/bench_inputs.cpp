// Inputs of the Maillage panel at the national scale, on generated files (nothing of ../shared/data is
// needed): a travel-time matrix of 35,000 communes limited to 60 minutes (about 10 million pairs) and
// about a million commuting flows, written once to a temporary folder.
//
//   maillage_bench_inputs                                   everything
//   maillage_bench_inputs --benchmark_filter=TravelTimes    the matrix only
//   maillage_bench_inputs --benchmark_filter=Apl            DREES's APL on the matrix, and its sensitivity
//   maillage_bench_inputs --benchmark_filter=WithBuffer     the same APL, 20,000 communes + 15,000 buffer
#include "core/analysis/accessibility.h"
#include "core/io/flows.h"
#include "core/io/import.h"
#include "core/io/table.h"
#include "core/io/travel_times.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <string>
#include <unistd.h>

using namespace maillage;

namespace {

constexpr int kSide = 187; // 187 × 188 ≈ 35,000 communes on a grid of about 4 km
constexpr int kCommunes = 35000;
constexpr double kRadiusCells = 9.54; // π r² ≈ 286 neighbours: 35,000 × 286 ≈ 10 million pairs
constexpr double kMinutesPerCell = 60 / kRadiusCells;

std::string communeCode(int i) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d%03d", 1 + i / 400, 1 + i % 400);
    return buf;
}

//! Communes of the generated territory, in bassins of 5 × 5 cells.
model::Dataset generatedDataset() {
    model::Dataset ds;
    ds.communes.reserve(kCommunes);
    for (int i = 0; i < kCommunes; ++i) {
        model::Commune c;
        c.code = communeCode(i);
        const int x = i % kSide, y = i / kSide;
        c.bv = communeCode((y / 5 * 5) * kSide + x / 5 * 5);
        ds.communes.push_back(std::move(c));
    }
    ds.reindex();
    return ds;
}

std::filesystem::path folder() {
    static const std::filesystem::path dir = [] {
        auto d =
            std::filesystem::temp_directory_path() / ("maillage_bench_inputs_" + std::to_string(::getpid()));
        std::filesystem::create_directories(d);
        return d;
    }();
    return dir;
}

//! The matrix file (generated on first use): every ordered pair within 60 minutes.
std::string matrixFile(std::size_t& pairs) {
    static std::size_t count = 0;
    static const std::string path = [] {
        const std::string p = (folder() / "matrix.csv").string();
        std::ofstream out(p);
        out << "codgeo_orig,codgeo_dest,duree_min\n";
        const int r = static_cast<int>(kRadiusCells);
        char line[64];
        for (int i = 0; i < kCommunes; ++i) {
            const int x = i % kSide, y = i / kSide;
            const std::string o = communeCode(i);
            for (int dy = -r; dy <= r; ++dy)
                for (int dx = -r; dx <= r; ++dx) {
                    const int j = (y + dy) * kSide + (x + dx);
                    const double d = std::hypot(dx, dy);
                    if (x + dx < 0 || x + dx >= kSide || j < 0 || j >= kCommunes || d > kRadiusCells)
                        continue;
                    std::snprintf(line, sizeof line, "%s,%s,%.2f\n", o.c_str(), communeCode(j).c_str(),
                                  d * kMinutesPerCell);
                    out << line;
                    ++count;
                }
        }
        return p;
    }();
    pairs = count;
    return path;
}

//! About a million flows: each commune to 30 others nearby, decimal volumes as INSEE writes them.
std::string flowsFile(std::size_t& rows) {
    static std::size_t count = 0;
    static const std::string path = [] {
        const std::string p = (folder() / "flows.csv").string();
        std::ofstream out(p);
        out << "CODGEO,LIBGEO,DCLT,L_DCLT,NBFLUX_C17_ACTOCC15P\n";
        char line[96];
        for (int i = 0; i < kCommunes; ++i)
            for (int k = 0; k < 30; ++k) {
                const int j = (i + k * 97) % kCommunes;
                std::snprintf(line, sizeof line, "%s,A,%s,B,%.6f\n", communeCode(i).c_str(),
                              communeCode(j).c_str(), 1 + (i * 31 + k) % 400 / 7.0);
                out << line;
                ++count;
            }
        return p;
    }();
    rows = count;
    return path;
}

void TravelTimesImport(benchmark::State& state) {
    std::size_t pairs = 0;
    const std::string path = matrixFile(pairs);
    const model::Dataset base = generatedDataset();
    for (auto _ : state) {
        model::Dataset ds = base;
        io::AddOptions o;
        o.links.travelTimes.path = path;
        io::ImportReport report;
        io::addToDataset(ds, o, report);
        benchmark::DoNotOptimize(ds.travelTimes.data());
        state.counters["pairs_in_file"] = static_cast<double>(pairs);
        state.counters["pairs_kept"] = static_cast<double>(ds.travelTimes.size());
    }
}
BENCHMARK(TravelTimesImport)->Unit(benchmark::kSecond)->Iterations(1);

void FlowsReadAndAggregate(benchmark::State& state) {
    std::size_t rows = 0;
    const std::string path = flowsFile(rows);
    const model::Dataset ds = generatedDataset();
    const io::Table table = io::readTable(path);
    for (auto _ : state) {
        io::FlowsRead read = io::readFlows(table);
        const io::FlowsJoin join = io::joinFlows(read, ds, path);
        benchmark::DoNotOptimize(join.betweenBassins);
        state.counters["flows"] = static_cast<double>(rows);
        state.counters["bassin_pairs"] = static_cast<double>(join.bassinPairs);
    }
}
BENCHMARK(FlowsReadAndAggregate)->Unit(benchmark::kMillisecond)->Iterations(1);

void FlowsAggregateOnly(benchmark::State& state) {
    std::size_t rows = 0;
    const std::string path = flowsFile(rows);
    const model::Dataset ds = generatedDataset();
    const io::FlowsRead read = io::readFlows(io::readTable(path));
    for (auto _ : state) {
        io::FlowsRead copy = read;
        const io::FlowsJoin join = io::joinFlows(copy, ds, path);
        benchmark::DoNotOptimize(join.betweenBassins);
    }
}
BENCHMARK(FlowsAggregateOnly)->Unit(benchmark::kMillisecond)->Iterations(1);

//! The generated communes with what accessibility needs: positions on the grid (4 km apart), 1,000
//! inhabitants each, a GP in every third commune and, with `matrix`, the ~10 million pairs of the matrix
//! file in memory (the file's reading is TravelTimesImport's business).
model::Dataset accessDataset(bool matrix) {
    model::Dataset ds = generatedDataset();
    ds.catalogue = model::ProfessionCatalogue::builtin();
    const double cellMetres = kMinutesPerCell / 60 * 37 * 1000; // a cell is as many minutes by the line
    for (int i = 0; i < kCommunes; ++i) {
        model::Commune& c = ds.communes[static_cast<std::size_t>(i)];
        c.population = 1000;
        c.anchor = {100000 + cellMetres * (i % kSide), 6100000 + cellMetres * (i / kSide)};
        if (i % 3 == 0)
            ds.counts.push_back({c.code, "medecin_generaliste", 2020, 1});
    }
    ds.meta.vintages = {2020};
    const int r = static_cast<int>(kRadiusCells);
    for (int i = 0; matrix && i < kCommunes; ++i) {
        const int x = i % kSide, y = i / kSide;
        for (int dy = -r; dy <= r; ++dy)
            for (int dx = -r; dx <= r; ++dx) {
                const int j = (y + dy) * kSide + (x + dx);
                const double d = std::hypot(dx, dy);
                if (x + dx >= 0 && x + dx < kSide && j >= 0 && j < kCommunes && d <= kRadiusCells)
                    ds.travelTimes.push_back({ds.communes[static_cast<std::size_t>(i)].code,
                                              ds.communes[static_cast<std::size_t>(j)].code,
                                              d * kMinutesPerCell});
            }
    }
    ds.reindex();
    return ds;
}

//! DREES's APL (20-minute stepped catchment) with every pair timed by the ~10-million-pair matrix.
void AplOnTenMillionPairMatrix(benchmark::State& state) {
    const model::Dataset ds = accessDataset(true);
    std::size_t byMatrix = 0;
    for (auto _ : state) {
        const auto a = analysis::accessibility(ds, "medecin_generaliste", 2020, analysis::AccessParameters{});
        byMatrix = 0;
        for (int n : a.pairsByMatrix)
            byMatrix += static_cast<std::size_t>(n);
        benchmark::DoNotOptimize(a.values.data());
    }
    state.counters["matrix_pairs"] = static_cast<double>(ds.travelTimes.size());
    state.counters["pairs_in_catchment"] = static_cast<double>(byMatrix);
}
BENCHMARK(AplOnTenMillionPairMatrix)->Unit(benchmark::kMillisecond)->Iterations(3);

//! The same APL on an area of the first 20,000 communes with the other 15,000 as its buffer (import
//! --buffer-km): the run reads the matrix in place rather than copying it with the communes.
void AplOnTenMillionPairMatrixWithBuffer(benchmark::State& state) {
    model::Dataset ds = accessDataset(true);
    const std::size_t area = 20000;
    ds.bufferCommunes.assign(ds.communes.begin() + area, ds.communes.end());
    ds.communes.resize(area);
    const auto inBuffer = [&](const model::CountRecord& c) { return c.place >= ds.bufferCommunes[0].code; };
    std::copy_if(ds.counts.begin(), ds.counts.end(), std::back_inserter(ds.bufferCounts), inBuffer);
    ds.counts.erase(std::remove_if(ds.counts.begin(), ds.counts.end(), inBuffer), ds.counts.end());
    ds.reindex();
    double sum = 0;
    for (auto _ : state) {
        const auto a = analysis::accessibility(ds, "medecin_generaliste", 2020, analysis::AccessParameters{});
        sum = std::accumulate(a.values.begin(), a.values.end(), 0.0);
        benchmark::DoNotOptimize(a.values.data());
    }
    state.counters["area_communes"] = static_cast<double>(ds.communes.size());
    state.counters["buffer_communes"] = static_cast<double>(ds.bufferCommunes.size());
    state.counters["apl_sum"] = sum;
}
BENCHMARK(AplOnTenMillionPairMatrixWithBuffer)->Unit(benchmark::kMillisecond)->Iterations(3);

//! The APL zonage's sensitivity to one accessibility parameter over 11 values, nationally (straight line):
//! 12 APL computations (the base and each value) and the communes changing class at 2.5 GPs per 10,000.
void AplParameterSensitivityElevenValues(benchmark::State& state) {
    const model::Dataset ds = accessDataset(false);
    std::vector<double> values;
    for (int v = 0; v <= 10; ++v)
        values.push_back(15 + v);
    std::size_t changed = 0;
    for (auto _ : state) {
        const auto changes =
            analysis::accessSensitivity(ds, "medecin_generaliste", 2020, analysis::AccessParameters{},
                                        "access.catchment_minutes", {25.0}, values);
        changed = 0;
        for (const auto& c : changes)
            changed += c.communes.size();
        benchmark::DoNotOptimize(changes.data());
    }
    state.counters["communes_changed"] = static_cast<double>(changed);
}
BENCHMARK(AplParameterSensitivityElevenValues)->Unit(benchmark::kMillisecond)->Iterations(3);

} // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    std::error_code ec;
    std::filesystem::remove_all(folder(), ec);
    return 0;
}
