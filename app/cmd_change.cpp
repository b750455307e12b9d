// maillage change: professionals and density per bassin de vie or commune between two vintages (issue 11).
#include "app/commands.h"

#include "core/analysis/change.h"

#include <CLI/CLI.hpp>

#include <memory>

namespace maillage::cli {

namespace {

struct ChangeOptions {
    AnalysisOptions common;
    std::string from, to, profession = "all", level = "bv", noise = "2";
};

int change(const ChangeOptions& o, Context& c) {
    analysis::ChangeRequest request;
    if (!analysis::parseChangeLevel(o.level, request.level))
        parseChoice(o.level, "--level", {"bv", "commune"});
    request.from = parseYear(required(o.from, "from"), "--from", 0);
    request.to = parseYear(required(o.to, "to"), "--to", 0);
    request.profession = professionOf(o.profession);
    request.noiseProfessionals = parseNumberOption(o.noise, "--noise");
    const AnalysisRun run = prepareAnalysis(o.common, c);
    const analysis::ChangeResult result = analysis::computeChange(run.dataset, request, run.secrecy);
    printWarnings(result.warnings, c);
    writeResults({analysis::changeTable(run.dataset, result, run.secrecy)}, o.common, run, c);
    return 0;
}

} // namespace

Runner declareChange(CLI::App& sub) {
    auto o = std::make_shared<ChangeOptions>();
    addAnalysisOptions(
        sub, o->common,
        "output (- for the standard output): code, name, population, count_from, count_to, "
        "change, change_percent, density_from, density_to, density_change, within_noise, masked");
    sub.add_option("--from", o->from, "earlier vintage (year)")->type_name("YEAR");
    sub.add_option("--to", o->to, "later vintage (year)")->type_name("YEAR");
    sub.add_option("--profession", o->profession,
                   "profession code, or all (default): the professions "
                   "counted in both vintages")
        ->type_name("CODE|all");
    sub.add_option("--level", o->level, "bv (default) or commune")->type_name("LEVEL");
    sub.add_option("--noise", o->noise,
                   "a change of fewer professionals than this is within noise (default 2)")
        ->type_name("N");
    return [o](Context& c) { return change(*o, c); };
}

} // namespace maillage::cli
