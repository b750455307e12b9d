// maillage summary: the number of pôles of each type per région (or département); with --facilities,
// the health facilities per région, département or commune.
#include "app/commands.h"

#include "core/analysis/poles.h"
#include "core/analysis/result_tables.h"
#include "core/io/facilities.h"
#include "core/io/territory_names.h"

#include <CLI/CLI.hpp>

#include <map>
#include <memory>

namespace maillage::cli {

namespace {

struct SummaryOptions {
    AnalysisOptions common;
    std::string by = "region";
    std::string massScale;
    bool facilities = false;     //!< --facilities: the health facilities (BPE D1xx) instead of the pôles
    std::string regions = "new"; //!< --regions: "new" (since 2016) or "old" (the 22 of the ORS study)
};

//! The former régions (before 2016) of the départements, and their names, from the shipped tables.
struct FormerRegions {
    std::map<std::string, std::string> ofDepartement, names;
};

FormerRegions formerRegions() {
    FormerRegions out;
    for (const auto& [dep, former] : io::standardTerritoryNames().formerRegionOfDepartement) {
        out.ofDepartement[dep] = former.code;
        out.names[former.code] = former.name;
    }
    return out;
}

//! The facilities table grouped as --by asks.
int facilitiesSummary(const SummaryOptions& o, const AnalysisRun& run, Context& c) {
    const io::FacilityGrouping grouping = o.by == "commune"       ? io::FacilityGrouping::Commune
                                          : o.by == "departement" ? io::FacilityGrouping::Departement
                                                                  : io::FacilityGrouping::Region;
    writeResults({io::facilitiesTable(run.dataset, grouping)}, o.common, run, c);
    return 0;
}

int summary(SummaryOptions o, Context& c) {
    if (o.facilities)
        parseChoice(o.by, "--by", {"region", "departement", "commune"});
    else
        parseChoice(o.by, "--by", {"region", "departement"});
    parseChoice(o.regions, "--regions", {"new", "old"});
    if (o.common.output.empty())
        o.common.output = "-";
    AnalysisRun run = prepareAnalysis(o.common, c);
    if (o.facilities)
        return facilitiesSummary(o, run, c);
    if (!o.massScale.empty()) {
        run.params.poles.massScale = parseNumberOption(o.massScale, "--mass-scale");
        run.params.validate("--mass-scale");
    }
    const model::Dataset& ds = run.dataset;
    const auto classification = analysis::classifyDataset(ds, run.vintage, run.params.poles);
    printWarnings(classification.warnings(), c);
    const bool old = o.by == "region" && o.regions == "old";
    const FormerRegions former = old ? formerRegions() : FormerRegions{};
    const auto table = analysis::summarizeByGroup(classification.poles, [&](const std::string& bv) {
        const model::Bassin* b = ds.bassin(bv);
        if (!b)
            return std::string();
        if (old) {
            const auto it = former.ofDepartement.find(b->dep);
            return it == former.ofDepartement.end() ? std::string() : it->second;
        }
        return o.by == "region" ? b->reg : b->dep;
    });
    const auto& names = old ? former.names : o.by == "region" ? ds.regionNames : ds.departementNames;
    writeResults({analysis::summaryTable(table, o.by, names)}, o.common, run, c);
    return 0;
}

} // namespace

Runner declareSummary(CLI::App& sub) {
    auto o = std::make_shared<SummaryOptions>();
    addAnalysisOptions(
        sub, o->common,
        "output (default: - , the standard output): region (or departement), name, type1..type4, "
        "poles, hors_pole, and a last row 'all'");
    sub.add_option("--by", o->by, "region (default) or departement (or commune, with --facilities)")
        ->type_name("GROUP");
    sub.add_option("--regions", o->regions,
                   "with --by region: new (default, the régions since 2016) or old (the 22 régions before "
                   "2016, as the ORS study compares them)")
        ->type_name("new|old");
    sub.add_flag("--facilities", o->facilities,
                 "the health facilities (BPE D1xx: urgences, maternité, centre de santé, maison de santé...) "
                 "per group and kind instead of the pôles");
    sub.add_option("--mass-scale", o->massScale, "multiplies the four professional-count thresholds")
        ->type_name("F");
    return [o](Context& c) { return summary(*o, c); };
}

} // namespace maillage::cli
