// A scenario applied and compared nationally (issue 12: under 1 s). Run: build/bench/maillage_bench_scenario
#include "core/analysis/register_counts.h"
#include "core/analysis/scenario.h"

#include <benchmark/benchmark.h>

#include <string>

using namespace maillage;

namespace {

//! A generated national dataset: 35,000 communes on a 187 × 187 grid 3.9 km apart, 1,000 inhabitants each,
//! in 1,667 bassins de vie of 21 communes; a register of 1.2 million professionals (vintage 2025) of
//! every profession of the catalogue, born 1950 to 1999, counted at their only site.
const model::Dataset& nationalDataset() {
    static const model::Dataset ds = [] {
        model::Dataset d;
        d.catalogue = model::ProfessionCatalogue::builtin();
        for (int i = 0; i < 35000; ++i) {
            model::Commune c;
            c.code = std::to_string(100000 + i);
            c.population = 1000;
            c.bv = std::to_string(100000 + i / 21 * 21); // the code of its first commune
            c.anchor = {100000.0 + 3900 * (i % 187), 6100000.0 + 3900 * (i / 187)};
            d.communes.push_back(std::move(c));
        }
        d.rebuildBassins();
        model::ProfessionalRegister reg;
        reg.vintage = 2025;
        const auto& professions = d.catalogue.professions();
        unsigned seed = 12345;
        for (int i = 0; i < 1200000; ++i) {
            seed = seed * 1103515245u + 12345u;
            model::RegisteredProfessional p;
            p.id = std::to_string(i);
            p.profession = professions[(seed >> 8) % professions.size()].code;
            p.birthYear = 1950 + static_cast<int>((seed >> 16) % 50);
            model::PracticeSite s;
            s.commune = d.communes[(i * 7919u + (seed >> 20)) % d.communes.size()].code;
            s.main = true;
            p.sites.push_back(s);
            reg.professionals.push_back(std::move(p));
        }
        d.counts = analysis::countsFromRegister(reg);
        d.registers.push_back(std::move(reg));
        d.meta.vintages = {2025};
        d.reindex();
        return d;
    }();
    return ds;
}

//! Retire the GPs aged 60 or more of one BV, remove 2 nurses, open a maison de santé, add a cooperation.
model::Scenario workshop(const model::Dataset& d) {
    model::ScenarioChange retire;
    retire.kind = model::ScenarioChangeKind::Retire;
    retire.age = 60;
    retire.profession = "medecin_generaliste";
    retire.place = d.bassins[d.bassins.size() / 2].code;
    model::ScenarioChange open;
    open.kind = model::ScenarioChangeKind::Open;
    open.place = d.communes[1000].code;
    open.staff = {{"medecin_generaliste", 6}, {"infirmier", 4}};
    model::ScenarioChange coop;
    coop.kind = model::ScenarioChangeKind::AddCooperation;
    coop.cooperation = "CPTS";
    coop.members = {d.communes[1000].code, d.communes[2000].code};
    return {"national", "", {retire, open, coop}};
}

void BM_ScenarioNational(benchmark::State& state) {
    const model::Dataset& d = nationalDataset();
    const model::Scenario s = workshop(d);
    std::size_t changes = 0;
    for (auto _ : state) {
        const auto c = analysis::compareScenario(d, s, 0);
        changes = c.typeChanges.size() + c.densityChanges.size() + c.accessChanges.size();
        benchmark::DoNotOptimize(changes);
    }
    state.counters["communes"] = static_cast<double>(d.communes.size());
    state.counters["bassins"] = static_cast<double>(d.bassins.size());
    state.counters["register"] = static_cast<double>(d.registers[0].professionals.size());
    state.counters["changes"] = static_cast<double>(changes);
}

void BM_ApplyOnlyNational(benchmark::State& state) {
    const model::Dataset& d = nationalDataset();
    const model::Scenario s = workshop(d);
    for (auto _ : state)
        benchmark::DoNotOptimize(analysis::applyScenario(d, s, 0).retired);
}

} // namespace

BENCHMARK(BM_ApplyOnlyNational)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_ScenarioNational)->Unit(benchmark::kMillisecond)->Iterations(3);

BENCHMARK_MAIN();
