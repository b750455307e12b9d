// National-scale analyses on real data: 35,000+ communes (COG 2018 crosswalk to BV2012, with anchors from
// the centroid table), BPE 2009 and 2013 counts, population 2020. Run: build/bench/maillage_bench_analysis
#include "core/analysis/accessibility.h"
#include "core/analysis/crunch.h"
#include "core/analysis/density.h"
#include "core/analysis/maillage.h"
#include "core/analysis/margins.h"
#include "core/analysis/poles.h"
#include "core/demo/demo.h"
#include "core/io/importers.h"
#include "core/io/table.h"
#include "core/model/text.h"

#include <benchmark/benchmark.h>

#include <sys/resource.h>
#include <sys/stat.h>

#include <map>
#include <string>

using namespace maillage;

namespace {

std::string shared(const char* rel) {
    return std::string(SHARED_DATA_DIR) + "/" + rel;
}

bool exists(const std::string& p) {
    struct stat st {};
    return ::stat(p.c_str(), &st) == 0;
}

double peakRssMiB() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return static_cast<double>(ru.ru_maxrss) / 1024.0;
}

//! The national dataset without geometry: communes with BV, population and anchors; counts of two vintages.
const model::Dataset* nationalDataset() {
    static model::Dataset ds;
    static bool loaded = false;
    static bool ok = false;
    if (loaded)
        return ok ? &ds : nullptr;
    loaded = true;
    const std::string centroids = shared("travel_times/communes_cog2018_centroides.csv");
    const std::string pop = shared("population/population_communes_2020.csv");
    const std::string bpe13 = shared("professionals/bpe2013_sante_par_commune.csv");
    const std::string bpe09 = shared("professionals/bpe2009_sante_par_commune.csv");
    if (!exists(centroids) || !exists(pop) || !exists(bpe13) || !exists(bpe09))
        return nullptr;
    Warnings w;
    const auto table = io::readTable(centroids, {}, &w);
    const int code = table.requireColumn("codgeo"), name = table.requireColumn("libgeo"),
              bv = table.requireColumn("bv2012"), x = table.requireColumn("centroid_x_l93"),
              y = table.requireColumn("centroid_y_l93"), dep = table.requireColumn("dep");
    const auto population = io::readPopulation(io::readTable(pop, {}, &w), "codgeo", "population", w);
    for (const auto& row : table.rows) {
        model::Commune c;
        c.code = row[code];
        c.name = row[name];
        c.bv = row[bv];
        c.dep = row[dep];
        c.anchor = {text::parseNumber(row[x]).value_or(0), text::parseNumber(row[y]).value_or(0)};
        const auto p = population.find(c.code);
        c.population = p == population.end() ? 0 : p->second;
        ds.communes.push_back(std::move(c));
    }
    ds.catalogue = model::ProfessionCatalogue::builtin();
    io::ProfessionalsColumns cols;
    cols.commune = "codgeo";
    for (const auto& [path, year] : {std::pair{bpe09, 2009}, std::pair{bpe13, 2013}}) {
        auto counts = io::readProfessionals(io::readTable(path, {}, &w), ds.catalogue, year, cols, w);
        ds.counts.insert(ds.counts.end(), counts.begin(), counts.end());
    }
    ds.meta.vintages = {2009, 2013};
    ds.params.poles.massScale = 0.25; // BPE counts private practice only (data README)
    ds.rebuildBassins();
    ok = true;
    return &ds;
}

void BM_AggregateAndClassify(benchmark::State& state) {
    const model::Dataset* ds = nationalDataset();
    if (!ds) {
        state.SkipWithError("shared data absent");
        return;
    }
    std::size_t poles = 0;
    for (auto _ : state) {
        const auto classification = analysis::classifyDataset(*ds, 2013, ds->params.poles);
        const auto& classes = classification.poles;
        poles = 0;
        for (const auto& c : classes)
            poles += c.type != analysis::PoleType::HorsPole;
        benchmark::DoNotOptimize(classes.data());
    }
    state.counters["communes"] = static_cast<double>(ds->communes.size());
    state.counters["bassins"] = static_cast<double>(ds->bassins.size());
    state.counters["counts"] = static_cast<double>(ds->counts.size());
    state.counters["poles"] = static_cast<double>(poles);
    state.counters["peak_rss_MiB"] = peakRssMiB();
}

void BM_Maillage(benchmark::State& state) {
    const model::Dataset* ds = nationalDataset();
    if (!ds) {
        state.SkipWithError("shared data absent");
        return;
    }
    const auto classes = analysis::classifyDataset(*ds, 2013, ds->params.poles).poles;
    model::MaillageParameters mp;
    mp.distance = state.range(0) ? model::DistanceMode::Geodesic : model::DistanceMode::Planar;
    for (auto _ : state) {
        const auto m = analysis::computeMaillage(*ds, classes, mp);
        benchmark::DoNotOptimize(m.links.data());
        state.counters["links"] = static_cast<double>(m.links.size());
    }
}

void BM_Crunch(benchmark::State& state) {
    const model::Dataset* ds = nationalDataset();
    if (!ds) {
        state.SkipWithError("shared data absent");
        return;
    }
    for (auto _ : state) {
        const auto d = analysis::diagnoseCrunch(*ds, {}, ds->params.poles, ds->params.crunch, 2013, 2009);
        benchmark::DoNotOptimize(d.herfindahl);
    }
}

void BM_DensityAllCommunes(benchmark::State& state) {
    const model::Dataset* ds = nationalDataset();
    if (!ds) {
        state.SkipWithError("shared data absent");
        return;
    }
    for (auto _ : state) {
        const auto densities = analysis::densityForAllCommunes(*ds, "medecin_generaliste", 2013);
        benchmark::DoNotOptimize(densities.rows.data());
    }
}

//! A generated national-size dataset when the shared data is absent: 35,000 communes on a 187 × 187 grid
//! 3.9 km apart (France's 550,000 km²), 1,000 inhabitants each, a GP in one commune out of three.
const model::Dataset* generatedNationalDataset() {
    static const model::Dataset ds = [] {
        model::Dataset d;
        d.catalogue = model::ProfessionCatalogue::builtin();
        for (int i = 0; i < 35000; ++i) {
            model::Commune c;
            c.code = std::to_string(100000 + i);
            c.population = 1000;
            c.bv = c.code;
            c.anchor = {100000.0 + 3900 * (i % 187), 6100000.0 + 3900 * (i / 187)};
            d.communes.push_back(std::move(c));
            if (i % 3 == 0)
                d.counts.push_back({d.communes.back().code, "medecin_generaliste", 2013, 1});
        }
        d.meta.vintages = {2013};
        d.reindex();
        return d;
    }();
    return &ds;
}

//! DREES's APL for GPs (20-minute stepped catchment, straight line at the calibrated speed), nationally.
void BM_AplNational(benchmark::State& state) {
    const model::Dataset* ds = nationalDataset();
    state.SetLabel(ds ? "COG 2018 communes, BPE 2013" : "generated 35,000 communes");
    if (!ds)
        ds = generatedNationalDataset();
    std::size_t pairs = 0;
    for (auto _ : state) {
        const auto a =
            analysis::accessibility(*ds, "medecin_generaliste", 2013, analysis::AccessParameters{});
        pairs = 0;
        for (std::size_t c = 0; c < a.values.size(); ++c)
            pairs += static_cast<std::size_t>(a.pairsByStraightLine[c] + a.pairsByMatrix[c]);
        benchmark::DoNotOptimize(a.values.data());
    }
    state.counters["communes"] = static_cast<double>(ds->communes.size());
    state.counters["pairs"] = static_cast<double>(pairs);
    state.counters["peak_rss_MiB"] = peakRssMiB();
}

//! The typology's sensitivity to the grand pôle threshold over 11 values, nationally (aggregation included).
void BM_SensitivityNational(benchmark::State& state) {
    const model::Dataset* ds = nationalDataset();
    if (!ds) {
        state.SkipWithError("shared data absent");
        return;
    }
    std::vector<double> values;
    for (int v = 0; v <= 10; ++v)
        values.push_back(ds->params.poles.grandPoleMin * (0.75 + 0.05 * v));
    std::size_t changes = 0;
    for (auto _ : state) {
        const auto s = analysis::sensitivity(*ds, 2013, ds->params.poles, "poles.grand_pole_min", values);
        changes = 0;
        for (const auto& step : s.steps)
            changes += step.changes.size();
        benchmark::DoNotOptimize(s.steps.data());
    }
    state.counters["changes"] = static_cast<double>(changes);
}

//! The mass scale moved over 11 values, nationally: every count threshold moves at once.
void BM_MassScaleSensitivityNational(benchmark::State& state) {
    const model::Dataset* ds = nationalDataset();
    if (!ds) {
        state.SkipWithError("shared data absent");
        return;
    }
    std::vector<double> values;
    for (int v = 0; v <= 10; ++v)
        values.push_back(0.20 + 0.01 * v);
    std::size_t changes = 0;
    for (auto _ : state) {
        const auto s = analysis::sensitivity(*ds, 2013, ds->params.poles, "poles.mass_scale", values);
        changes = 0;
        for (const auto& step : s.steps)
            changes += step.changes.size();
        benchmark::DoNotOptimize(s.steps.data());
    }
    state.counters["changes"] = static_cast<double>(changes);
}

//! The APL zonage of GPs by commune, its threshold moved over 11 values, nationally (the APL computed once,
//! outside the loop: what the zonage simulator redoes when a threshold moves).
void BM_ZonageSensitivityNational(benchmark::State& state) {
    const model::Dataset* ds = nationalDataset();
    state.SetLabel(ds ? "COG 2018 communes, BPE 2013" : "generated 35,000 communes");
    if (!ds)
        ds = generatedNationalDataset();
    const auto apl = analysis::accessibility(*ds, "medecin_generaliste", 2013, analysis::AccessParameters{});
    std::vector<double> values;
    for (int v = 0; v <= 10; ++v)
        values.push_back(40 + 4.0 * v);
    std::size_t changed = 0;
    for (auto _ : state) {
        const auto changes = analysis::zonageSensitivity(apl, {60.0}, 0, values);
        changed = 0;
        for (const auto& c : changes)
            changed += c.communes.size();
        benchmark::DoNotOptimize(changes.data());
    }
    state.counters["communes_changed"] = static_cast<double>(changed);
}

} // namespace

// The demo dataset the application opens by default (was a timing assertion in test_demo; the house
// rule is no timing assertion in unit tests, and it failed under the sanitizers).
void BM_DemoDataset(benchmark::State& state) {
    for (auto _ : state)
        benchmark::DoNotOptimize(demo::makeDemoDataset());
}

BENCHMARK(BM_DemoDataset)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AggregateAndClassify)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Maillage)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Crunch)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DensityAllCommunes)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AplNational)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_SensitivityNational)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MassScaleSensitivityNational)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ZonageSensitivityNational)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
