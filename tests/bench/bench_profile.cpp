// Profiles of every bassin de vie of a national register (issue 12), generated in memory: 35,000 communes
// in 1,644 BVs, 1.2 million professionals of the catalogue's professions with ages, sexes, secteurs, modes
// and, for one in ten, a second site. Run: build/bench/maillage_bench_profile
#include "core/analysis/profile.h"
#include "core/analysis/retirement.h"

#include <benchmark/benchmark.h>

#include <random>
#include <string>

using namespace maillage;

namespace {

constexpr int kCommunes = 35000, kBassins = 1644, kProfessionals = 1200000;

std::string code(int i) {
    std::string s = std::to_string(10000 + i);
    return s.substr(s.size() - 5);
}

const model::Dataset& nationalDataset() {
    static const model::Dataset ds = [] {
        model::Dataset d;
        d.meta.title = "national";
        d.catalogue = model::ProfessionCatalogue::builtin();
        std::mt19937 rng(42);
        for (int i = 0; i < kCommunes; ++i) {
            model::Commune c;
            c.code = code(i);
            c.bv = code(i % kBassins);
            c.dep = std::to_string(10 + i % 90);
            c.reg = std::to_string(i % 13);
            c.population = 200 + rng() % 5000;
            d.communes.push_back(std::move(c));
        }
        for (int b = 0; b < kBassins; ++b) {
            model::Bassin bassin;
            bassin.code = code(b);
            d.bassins.push_back(std::move(bassin));
        }
        for (int i = 0; i < kCommunes; ++i)
            d.bassins[static_cast<std::size_t>(i % kBassins)].communes.push_back(code(i));
        d.reindex();
        model::ProfessionalRegister reg;
        reg.vintage = 2024;
        const auto& professions = d.catalogue.professions();
        for (int i = 0; i < kProfessionals; ++i) {
            model::RegisteredProfessional p;
            p.id = std::to_string(i);
            p.profession = professions[rng() % professions.size()].code;
            p.birthYear = rng() % 50 == 0 ? 0 : 1950 + static_cast<int>(rng() % 48);
            p.sex = rng() % 2 ? model::Sex::Female : model::Sex::Male;
            p.sector = static_cast<model::Sector>(rng() % 5);
            p.sites.push_back(
                {code(static_cast<int>(rng() % kCommunes)), model::PracticeMode::Liberal, 0.8, true});
            if (i % 10 == 0)
                p.sites.push_back(
                    {code(static_cast<int>(rng() % kCommunes)), model::PracticeMode::Salaried, 0.2, false});
            reg.professionals.push_back(std::move(p));
        }
        d.registers.push_back(std::move(reg));
        return d;
    }();
    return ds;
}

std::vector<analysis::Territory> everyBassin(const model::Dataset& ds) {
    std::vector<analysis::Territory> out;
    for (const model::Bassin& b : ds.bassins)
        out.push_back({analysis::TerritoryLevel::Bassin, b.code, b.code, b.communes});
    return out;
}

void BM_ProfilesOfEveryBassin(benchmark::State& state, const char* profession) {
    const model::Dataset& ds = nationalDataset();
    const auto territories = everyBassin(ds);
    for (auto _ : state) {
        const auto profiles = analysis::computeProfiles(ds, ds.registers.front(), territories, profession);
        double leaving = 0;
        for (const auto& p : profiles)
            leaving += analysis::projectRetirement(p, 67).horizons[1].leaving;
        benchmark::DoNotOptimize(leaving);
    }
    state.counters["bassins"] = static_cast<double>(territories.size());
    state.counters["professionals"] = kProfessionals;
}

void BM_ProfileOfOneCommuneWithReferences(benchmark::State& state) {
    const model::Dataset& ds = nationalDataset();
    const analysis::Territory t = analysis::territoryOf(ds, analysis::TerritoryLevel::Commune, code(1234));
    for (auto _ : state)
        benchmark::DoNotOptimize(
            analysis::profilesWithReferences(ds, ds.registers.front(), t, {"medecin_generaliste"}));
}

} // namespace

BENCHMARK_CAPTURE(BM_ProfilesOfEveryBassin, every_profession, "")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ProfilesOfEveryBassin, general_practitioners, "medecin_generaliste")
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ProfileOfOneCommuneWithReferences)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
