// maillage links: the links between pôles (modelled, observed, declared), and isolated pôles and remote
// bassins de vie as a second table.
#include "app/commands.h"

#include "core/analysis/link_crossing.h"
#include "core/analysis/maillage.h"
#include "core/analysis/poles.h"
#include "core/analysis/result_tables.h"

#include <CLI/CLI.hpp>

#include <memory>

namespace maillage::cli {

namespace {

struct LinksOptions {
    AnalysisOptions common;
    std::string kind = "all";
    analysis::CrossingParameters crossing; //!< --kind compare: what makes a link strong
};

//! The links of `kind` and what they rest on (the classification, the modelled maillage, flows...).
struct LinksData {
    analysis::Classification classification;
    analysis::MaillageResult modelled;
    std::vector<analysis::BassinFlow> observed;
    analysis::DeclaredLinks declared;
    Warnings warnings;
};

void computeLinks(const AnalysisRun& run, const std::string& kind, LinksData& d, Feedback& feedback) {
    d.classification = analysis::classifyDataset(run.dataset, run.vintage, run.params.poles);
    d.warnings = d.classification.warnings();
    // The modelled maillage also gives the isolated pôles and remote BVs: computed for every kind.
    d.modelled =
        analysis::computeMaillage(run.dataset, d.classification.poles, run.params.maillage, &feedback);
    d.warnings.insert(d.warnings.end(), d.modelled.warnings.begin(), d.modelled.warnings.end());
    if (kind == "observed" || kind == "all" || kind == "compare")
        d.observed = analysis::aggregateFlows(run.dataset, d.warnings);
    if (kind == "declared" || kind == "all" || kind == "compare") {
        d.declared = analysis::declaredLinks(run.dataset, d.classification.poles);
        d.warnings.insert(d.warnings.end(), d.declared.warnings.begin(), d.declared.warnings.end());
    }
}

int links(const LinksOptions& o, Context& c) {
    const std::string& kind =
        parseChoice(o.kind, "--kind", {"modelled", "observed", "declared", "all", "compare"});
    const AnalysisRun run = prepareAnalysis(o.common, c);
    ConsoleFeedback feedback(c.err, c.quiet, c.terminal, c.language);
    LinksData d;
    computeLinks(run, kind, d, feedback);
    feedback.finish();
    printWarnings(d.warnings, c);
    if (kind == "compare") {
        const analysis::LinkCrossing crossing =
            analysis::crossLinks(d.modelled, d.observed, d.declared, o.crossing);
        writeResults({analysis::crossingTable(run.dataset, crossing, run.secrecy)}, o.common, run, c);
        return 0;
    }
    analysis::LinksInput input;
    input.modelled = kind == "modelled" || kind == "all" ? &d.modelled : nullptr;
    input.observed = kind == "observed" || kind == "all" ? &d.observed : nullptr;
    input.declared = kind == "declared" || kind == "all" ? &d.declared : nullptr;
    auto tables = analysis::linksTables(run.dataset, input, run.secrecy);
    if (!input.modelled) {
        // Isolated pôles and remote BVs come from the modelled maillage, whatever links are asked for.
        analysis::LinksInput modelledOnly;
        modelledOnly.modelled = &d.modelled;
        tables.resize(1);
        tables.push_back(analysis::linksTables(run.dataset, modelledOnly, run.secrecy).at(1));
    }
    writeResults(tables, o.common, run, c);
    return 0;
}

} // namespace

Runner declareLinks(CLI::App& sub) {
    auto o = std::make_shared<LinksOptions>();
    addAnalysisOptions(
        sub, o->common,
        "output (- for the standard output): from, from_name, to, to_name, distance_km, minutes, "
        "intensity, dominant, kind; isolated pôles and remote BVs in a second table "
        "(<stem>_links_isolated beside a csv, a sheet or layer otherwise)");
    sub.add_option("--kind", o->kind,
                   "modelled, observed, declared or all (default); compare: the strong modelled or observed "
                   "links with no declared cooperation, and the declared links with no strong link "
                   "(finding, from, to, modelled, intensity, observed, volume, share, cooperation)")
        ->type_name("KIND");
    sub.add_option("--min-intensity", o->crossing.minIntensity,
                   "compare: intensity from which a modelled link is strong (default 0: dominant links only)")
        ->type_name("I");
    sub.add_option("--min-volume", o->crossing.minVolume,
                   "compare: volume (both directions) from which an observed link is strong (default 100)")
        ->type_name("N");
    sub.add_option("--min-share", o->crossing.minShare,
                   "compare: share (0..1) of a bassin's outgoing flows from which an observed link is strong "
                   "(default 0.05)")
        ->type_name("SHARE");
    return [o](Context& c) { return links(*o, c); };
}

} // namespace maillage::cli
