// maillage crunch: the Crunch diagnosis of a selection of bassins de vie (DOMAIN.md §5).
#include "app/commands.h"

#include "core/analysis/change.h"
#include "core/analysis/crunch.h"
#include "core/analysis/result_tables.h"
#include "core/model/text.h"

#include <CLI/CLI.hpp>

#include <memory>

namespace maillage::cli {

namespace {

struct CrunchOptions {
    AnalysisOptions common;
    std::string scope = "all", from, to;
    bool earlyWarning = false; //!< --early-warning: the table of the pôles at risk only
    bool brief = false;        //!< --brief: the diagnosis to read aloud, on the standard output
};

//! The brief diagnosis (describeCrunchBriefly), one sentence a line, as secrecy allows it to be worded.
void printBrief(const analysis::CrunchDiagnostics& d, const analysis::SecrecyRule& rule, Context& c) {
    const analysis::CrunchMask mask = analysis::maskCrunch(d, rule);
    if (mask.diagnosis) {
        c.out << c.say(msg("app.crunch.brief_withheld")) << "\n";
        return;
    }
    for (const std::string& sentence :
         analysis::describeCrunchBriefly(analysis::publishableCrunch(d, mask), c.language))
        c.out << sentence << "\n";
}

//! The BVs of `scope` (all, region:CODE, departement:CODE, bv:CODE,CODE...); empty = all BVs. Throws
//! UsageError for another form and Error(Value) naming the scope when it holds no BV of the dataset.
std::vector<std::string> scopeBassins(const model::Dataset& ds, const std::string& scope) {
    if (scope == "all")
        return {};
    const auto colon = scope.find(':');
    const std::string kind = colon == std::string::npos ? scope : scope.substr(0, colon);
    if (colon == std::string::npos || colon + 1 == scope.size() ||
        (kind != "region" && kind != "departement" && kind != "bv"))
        throw UsageError(msg("app.crunch.scope_syntax", {arg::text("value", scope)}));
    const std::string codes = scope.substr(colon + 1);
    std::vector<std::string> out;
    if (kind == "bv") {
        for (const std::string& code : text::split(codes, ','))
            if (ds.bassin(code))
                out.push_back(code);
    } else {
        for (const model::Bassin& b : ds.bassins)
            if ((kind == "region" ? b.reg : b.dep) == codes)
                out.push_back(b.code);
    }
    if (out.empty())
        throw Error(ErrorKind::Value, Location{}, msg("app.crunch.scope_empty", {arg::code("scope", scope)}));
    return out;
}

int crunch(const CrunchOptions& o, Context& c) {
    AnalysisOptions common = o.common;
    if (!o.to.empty())
        common.vintage = o.to; // --to is the vintage diagnosed; --vintage says the same
    if (o.brief && common.output.empty())
        common.output = "-"; // the sentences go to the standard output; no table is written
    const int from = parseYear(o.from, "--from", 0);
    const AnalysisRun run = prepareAnalysis(common, c);
    if (from != 0)
        datasetVintage(run.dataset, o.common.dataset, o.from);
    const auto selection = scopeBassins(run.dataset, o.scope);
    const auto diagnostics = analysis::diagnoseCrunch(run.dataset, selection, run.params.poles,
                                                      run.params.crunch, run.vintage, from);
    printWarnings(diagnostics.warnings, c);
    if (o.brief) {
        printBrief(diagnostics, run.secrecy, c);
        return 0;
    }
    if (o.earlyWarning) {
        if (from == 0)
            throw UsageError(msg("app.crunch.early_warning_needs_from"));
        writeResults({analysis::earlyWarningTable(diagnostics, run.secrecy, c.language)}, common, run, c);
        return 0;
    }
    writeResults(analysis::crunchTables(run.dataset, diagnostics, run.secrecy, c.language), common, run, c);
    return 0;
}

} // namespace

Runner declareCrunch(CLI::App& sub) {
    auto o = std::make_shared<CrunchOptions>();
    addAnalysisOptions(
        sub, o->common,
        "output (- for the standard output): pôles per type against the mean région, primacy, "
        "first-pôle share, Herfindahl, change per BV, drain, pôles at risk and the diagnosis, one "
        "table each (sheets or layers of xlsx, ods, gpkg; <stem>_<table> files beside a csv)");
    sub.add_option("--scope", o->scope, "all (default), region:CODE, departement:CODE or bv:CODE,CODE...")
        ->type_name("SCOPE");
    sub.add_option("--from", o->from, "earlier vintage: change per BV, drain and pôles at risk")
        ->type_name("YEAR");
    sub.add_option("--to", o->to, "vintage diagnosed (default: the latest)")->type_name("YEAR");
    sub.add_flag("--early-warning", o->earlyWarning,
                 "with --from: only the table of the small pôles losing professionals near a large one, each "
                 "with its sentence");
    sub.add_flag("--brief", o->brief,
                 "print the diagnosis to read aloud (3 to 6 short sentences) instead of writing tables");
    return [o](Context& c) { return crunch(*o, c); };
}

} // namespace maillage::cli
