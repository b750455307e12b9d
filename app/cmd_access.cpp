// maillage access: spatial accessibility of a profession, one row per commune.
#include "app/commands.h"

#include "core/analysis/accessibility.h"
#include "core/analysis/result_tables.h"

#include <CLI/CLI.hpp>

#include <memory>

namespace maillage::cli {

namespace {

struct AccessOptions {
    AnalysisOptions common;
    std::string profession, method = "apl", zonage;
};

analysis::AccessMethod methodOf(const std::string& name) {
    parseChoice(name, "--method", {"apl", "2sfca", "gaussian", "exponential"});
    if (name == "2sfca")
        return analysis::AccessMethod::Binary;
    if (name == "gaussian")
        return analysis::AccessMethod::Gaussian;
    if (name == "exponential")
        return analysis::AccessMethod::Exponential;
    return analysis::AccessMethod::Apl;
}

//! The accessibility of every commune: the one call of the command line into the accessibility engine
//! (DREES's APL by default, the other floating-catchment variants by --method).
analysis::AccessibilityInput accessibility(const model::Dataset& ds, const std::string& profession,
                                           int vintage, analysis::AccessMethod method, const Context& c,
                                           Feedback* feedback) {
    analysis::AccessParameters params = analysis::defaultAccessParameters(ds.catalogue, profession);
    params.method = method;
    const analysis::AccessResult result =
        analysis::accessibility(ds, profession, vintage, params, {}, feedback);
    printWarnings(result.warnings, c);
    analysis::AccessibilityInput in;
    in.values = result.values;
    in.unit = analysis::accessUnit(result, c.language);
    in.profession = profession;
    in.vintage = result.vintage;
    in.notes.push_back(
        ds.travelTimes.empty()
            ? msg("app.access.note_distance", {arg::number("minutes", params.catchmentMinutes),
                                               arg::number("speed", params.straightLineSpeedKmh)})
            : msg("app.access.note_minutes", {arg::number("minutes", params.catchmentMinutes)}));
    return in;
}

int access(const AccessOptions& o, Context& c) {
    const std::string profession = professionOf(o.profession);
    const analysis::AccessMethod method = methodOf(o.method);
    const double threshold = o.zonage.empty() ? 0 : parseNumberOption(o.zonage, "--zonage-threshold");
    const AnalysisRun run = prepareAnalysis(o.common, c);
    ConsoleFeedback feedback(c.err, c.quiet, c.terminal, c.language);
    feedback.setStep(msg("app.step.access"));
    analysis::AccessibilityInput input =
        accessibility(run.dataset, profession, run.vintage, method, c, &feedback);
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
                   "apl (default): DREES's APL, stepped weights within 20 minutes for GPs; 2sfca: binary "
                   "catchment; gaussian, exponential: decaying weights. Travel times where the dataset has "
                   "them, else straight line at 37 km/h")
        ->type_name("METHOD");
    sub.add_option("--zonage-threshold", o->zonage,
                   "communes below this accessibility are called under-served")
        ->type_name("X");
    return [o](Context& c) { return access(*o, c); };
}

} // namespace maillage::cli
