// maillage summary: the number of pôles of each type per région (or département).
#include "app/commands.h"

#include "core/analysis/poles.h"
#include "core/analysis/result_tables.h"

#include <CLI/CLI.hpp>

#include <memory>

namespace maillage::cli {

namespace {

struct SummaryOptions {
    AnalysisOptions common;
    std::string by = "region";
    std::string massScale;
};

int summary(SummaryOptions o, Context& c) {
    parseChoice(o.by, "--by", {"region", "departement"});
    if (o.common.output.empty())
        o.common.output = "-";
    AnalysisRun run = prepareAnalysis(o.common, c);
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
    sub.add_option("--by", o->by, "region (default) or departement")->type_name("GROUP");
    sub.add_option("--mass-scale", o->massScale, "multiplies the four professional-count thresholds")
        ->type_name("F");
    return [o](Context& c) { return summary(*o, c); };
}

} // namespace maillage::cli
