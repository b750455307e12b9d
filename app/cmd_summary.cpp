// maillage summary: the number of pôles of each type per région (or département); with --facilities,
// the health facilities per région, département or commune.
#include "app/commands.h"

#include "core/analysis/poles.h"
#include "core/analysis/result_tables.h"
#include "core/io/facilities.h"

#include <CLI/CLI.hpp>

#include <memory>

namespace maillage::cli {

namespace {

struct SummaryOptions {
    AnalysisOptions common;
    std::string by = "region";
    std::string massScale;
    bool facilities = false; //!< --facilities: the health facilities (BPE D1xx) instead of the pôles
};

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
    const auto table = analysis::summarizeByGroup(classification.poles, [&](const std::string& bv) {
        const model::Bassin* b = ds.bassin(bv);
        return b ? (o.by == "region" ? b->reg : b->dep) : std::string();
    });
    writeResults(
        {analysis::summaryTable(table, o.by, o.by == "region" ? ds.regionNames : ds.departementNames)},
        o.common, run, c);
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
    sub.add_flag("--facilities", o->facilities,
                 "the health facilities (BPE D1xx: urgences, maternité, centre de santé, maison de santé...) "
                 "per group and kind instead of the pôles");
    sub.add_option("--mass-scale", o->massScale, "multiplies the four professional-count thresholds")
        ->type_name("F");
    return [o](Context& c) { return summary(*o, c); };
}

} // namespace maillage::cli
