// maillage sensitivity: which bassins de vie change type as one parameter of the typology (or the mass
// scale) moves over a range.
#include "app/commands.h"

#include "core/analysis/access_tables.h"
#include "core/analysis/accessibility.h"
#include "core/analysis/margins.h"
#include "core/model/text.h"

#include <CLI/CLI.hpp>

#include <cmath>
#include <memory>

namespace maillage::cli {

namespace {

// A range is for people to read through: a thousand values is already more than a table shows.
constexpr double kMaxRangeValues = 1000;

struct SensitivityOptions {
    AnalysisOptions common;
    std::string param, range, profession, zonage;
};

//! An accessibility parameter: the communes whose zonage class moves.
int accessSensitivity(const SensitivityOptions& o, const std::vector<double>& values, Context& c) {
    if (o.profession.empty() || o.zonage.empty())
        throw UsageError(msg("app.sensitivity.needs_access", {arg::code("key", o.param)}));
    const std::string profession = professionOf(o.profession);
    const std::vector<double> thresholds = parseThresholds(o.zonage, "--zonage");
    const AnalysisRun run = prepareAnalysis(o.common, c);
    ConsoleFeedback feedback(c.err, c.quiet, c.terminal, c.language);
    feedback.setStep(msg("app.step.access"));
    const analysis::AccessParameters params =
        analysis::accessParameters(run.params, run.dataset.catalogue, profession);
    const auto changes = analysis::accessSensitivity(run.dataset, profession, run.vintage, params, o.param,
                                                     thresholds, values, &feedback);
    feedback.finish();
    writeResults({analysis::accessSensitivityTable(changes, o.param, false, run.secrecy, c.language)},
                 o.common, run, c);
    return 0;
}

int sensitivity(const SensitivityOptions& o, Context& c) {
    const std::string& key = required(o.param, "param");
    const std::vector<double> values = parseRange(required(o.range, "range"), "--range");
    if (key.rfind("access.", 0) == 0)
        return accessSensitivity(o, values, c);
    const AnalysisRun run = prepareAnalysis(o.common, c);
    ConsoleFeedback feedback(c.err, c.quiet, c.terminal, c.language);
    feedback.setStep(msg("app.step.sensitivity"));
    const analysis::Sensitivity s =
        analysis::sensitivity(run.dataset, run.vintage, run.params.poles, key, values, &feedback);
    feedback.finish();
    printWarnings(s.warnings, c);
    writeResults(analysis::sensitivityTables(run.dataset, s, run.secrecy, c.language), o.common, run, c);
    return 0;
}

} // namespace

std::vector<double> parseRange(const std::string& text, const char* option) {
    const std::vector<std::string> parts = text::split(text, ':');
    std::vector<double> bounds;
    for (const std::string& part : parts)
        if (const auto v = text::parseNumber(text::trim(part)); v && std::isfinite(*v))
            bounds.push_back(*v);
    if (parts.size() != 3 || bounds.size() != 3 || !(bounds[2] > 0) || !(bounds[0] <= bounds[1]) ||
        (bounds[1] - bounds[0]) / bounds[2] >= kMaxRangeValues)
        throw UsageError(msg("app.usage.range", {arg::text("option", option), arg::text("value", text),
                                                 arg::number("max", kMaxRangeValues)}));
    // Each value from the start (no running sum), rounded to 9 decimals: 0.15:0.25:0.01 gives 0.2, not
    // 0.19999999999999998, and reaches its end.
    std::vector<double> out;
    const auto count = static_cast<long long>(std::floor((bounds[1] - bounds[0]) / bounds[2] + 1e-9)) + 1;
    for (long long i = 0; i < count; ++i)
        out.push_back(std::round((bounds[0] + static_cast<double>(i) * bounds[2]) * 1e9) / 1e9);
    return out;
}

Runner declareSensitivity(CLI::App& sub) {
    auto o = std::make_shared<SensitivityOptions>();
    addAnalysisOptions(sub, o->common,
                       "output (- for the standard output): value, changes, description; a second table "
                       "sensitivity_changes lists the bassins de vie that change type (bv, name, from, to)");
    sub.add_option("--param", o->param,
                   "the parameter moved: a poles.* key (e.g. poles.intermediate_pole_share_min, "
                   "poles.mass_scale) or an access.* key with --profession and --zonage; see classify "
                   "--list-params")
        ->type_name("KEY");
    sub.add_option("--range", o->range, "its values, as start:end:step (e.g. 0.15:0.25:0.01)")
        ->type_name("A:B:STEP");
    sub.add_option(
           "--profession", o->profession,
           "with an access.* parameter: the profession (code, alias or all) whose accessibility moves")
        ->type_name("CODE");
    sub.add_option(
           "--zonage", o->zonage,
           "with an access.* parameter: the zonage thresholds (e.g. 2.5,4); the table lists, for each "
           "value, the communes that change class")
        ->type_name("X[,Y...]");
    return [o](Context& c) { return sensitivity(*o, c); };
}

} // namespace maillage::cli
