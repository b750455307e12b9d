// maillage summary: the number of pôles of each type per région (or département).
#include "app/commands.h"

#include "core/analysis/poles.h"
#include "core/io/atomic_file.h"
#include "core/io/gpkg.h"

#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>
#include <sstream>

namespace maillage::cli {

namespace {

struct SummaryOptions {
    AnalysisOptions common;
    std::string by = "region";
    std::string massScale;
};

std::string summaryCsv(const model::Dataset& ds, const analysis::TypeSummary& table, const std::string& by) {
    const auto& names = by == "region" ? ds.regionNames : ds.departementNames;
    std::ostringstream csv;
    csv << by << ",name,type1,type2,type3,type4,poles,hors_pole\n";
    auto row = [&](const std::string& key, const std::string& name, const std::array<int, 5>& n) {
        csv << csvQuote(key, ',') << "," << csvQuote(name, ',') << "," << n[1] << "," << n[2] << "," << n[3]
            << "," << n[4] << "," << (n[1] + n[2] + n[3] + n[4]) << "," << n[0] << "\n";
    };
    for (const auto& [key, n] : table.byGroup) {
        const auto it = names.find(key);
        row(key, it == names.end() ? std::string() : it->second, n);
    }
    row("all", "", table.all);
    return csv.str();
}

int summary(const SummaryOptions& o, Context& c) {
    const std::string& dataset = required(o.common.dataset, "dataset");
    const bool toFile = !o.common.output.empty() && o.common.output != "-";
    parseChoice(o.by, "--by", {"region", "departement"});
    if (toFile)
        checkOutputs({o.common.output}, {dataset, o.common.paramsFile});
    const auto ds = io::readDataset(dataset);
    auto params = parametersOver(ds.params, o.common.paramsFile, o.common.sets);
    if (!o.massScale.empty()) {
        params.poles.massScale = parseNumberOption(o.massScale, "--mass-scale");
        params.validate("--mass-scale");
    }
    const int vintage = datasetVintage(ds, dataset, o.common.vintage);
    const auto classification = analysis::classifyDataset(ds, vintage, params.poles);
    printWarnings(classification.warnings(), c);
    const auto table = analysis::summarizeByGroup(classification.poles, [&](const std::string& bv) {
        const model::Bassin* b = ds.bassin(bv);
        return b ? (o.by == "region" ? b->reg : b->dep) : std::string();
    });
    const std::string csv = summaryCsv(ds, table, o.by);
    if (toFile)
        io::writeFileAtomically(o.common.output, csv);
    else
        c.out << csv;
    return 0;
}

} // namespace

Runner declareSummary(CLI::App& sub) {
    auto o = std::make_shared<SummaryOptions>();
    addAnalysisOptions(sub, o->common, "output CSV (default: the standard output)");
    sub.add_option("--by", o->by, "region (default) or departement")->type_name("GROUP");
    sub.add_option("--mass-scale", o->massScale, "multiplies the four professional-count thresholds")
        ->type_name("F");
    return [o](Context& c) { return summary(*o, c); };
}

} // namespace maillage::cli
