// maillage access: spatial accessibility of a profession, one row per commune.
#include "app/commands.h"

#include "core/analysis/density.h"
#include "core/analysis/result_tables.h"

#include <CLI/CLI.hpp>

#include <memory>

namespace maillage::cli {

namespace {

struct AccessOptions {
    AnalysisOptions common;
    std::string profession, method = "2sfca", zonage;
};

//! The accessibility of every commune: the one call of the command line into the accessibility engine.
//! (The APL rewrite replaces analysis::accessibility2sfca here, and only here.)
analysis::AccessibilityInput accessibility(const model::Dataset& ds, const std::string& profession,
                                           int vintage, const model::Parameters& params,
                                           const std::string& method) {
    (void)method; // one method for now: two-step floating catchment (parseChoice checked it)
    analysis::AccessibilityInput in;
    in.values = analysis::accessibility2sfca(ds, profession, vintage, params.density);
    in.unit = "per_10000";
    in.profession = profession;
    in.vintage = vintage;
    in.notes.push_back(
        ds.travelTimes.empty()
            ? msg("app.access.note_distance", {arg::number("km", params.density.catchmentKm)})
            : msg("app.access.note_minutes", {arg::number("minutes", params.density.catchmentMinutes)}));
    return in;
}

int access(const AccessOptions& o, Context& c) {
    const std::string profession = professionOf(o.profession);
    parseChoice(o.method, "--method", {"2sfca"});
    const double threshold = o.zonage.empty() ? 0 : parseNumberOption(o.zonage, "--zonage-threshold");
    const AnalysisRun run = prepareAnalysis(o.common, c);
    ConsoleFeedback feedback(c.err, c.quiet, c.terminal);
    feedback.setStep(c.say(msg("app.step.access")));
    analysis::AccessibilityInput input =
        accessibility(run.dataset, profession, run.vintage, run.params, o.method);
    input.hasZonage = !o.zonage.empty();
    input.zonageThreshold = threshold;
    writeResults({analysis::accessibilityTable(run.dataset, input)}, o.common, run, c);
    return 0;
}

} // namespace

Runner declareAccess(CLI::App& sub) {
    auto o = std::make_shared<AccessOptions>();
    addAnalysisOptions(sub, o->common,
                       "output (- for the standard output): commune, name, population, access, unit, zonage");
    addProfessionOption(sub, o->profession);
    sub.add_option("--method", o->method,
                   "2sfca (default): two-step floating catchment within density.catchment_km (or "
                   "density.catchment_minutes with travel times)")
        ->type_name("METHOD");
    sub.add_option("--zonage-threshold", o->zonage,
                   "communes below this accessibility are called under-served")
        ->type_name("X");
    return [o](Context& c) { return access(*o, c); };
}

} // namespace maillage::cli
