// maillage access: spatial accessibility of a profession, one row per commune; with --zonage, the zonage
// simulator (class of each commune or unit, population of each class, how it moves with a threshold).
#include "app/age_weights_option.h"
#include "app/commands.h"

#include "core/analysis/access_tables.h"
#include "core/analysis/access_weights.h"
#include "core/analysis/accessibility.h"
#include "core/analysis/result_tables.h"
#include "core/io/population_age.h"
#include "core/io/table.h"
#include "core/model/text.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <memory>

namespace maillage::cli {

namespace {

struct AccessOptions {
    AnalysisOptions common;
    std::string profession, method, zonage, zonageUnit = "commune", zonageUnits, sensitivityThreshold, range;
    std::string ageWeights; //!< --age-weights FILE: this run's consumption weights
};

//! --method over the saved parameters' method (empty: the saved one).
void applyMethod(const std::string& name, analysis::AccessParameters& params) {
    if (name.empty())
        return;
    parseChoice(name, "--method", {"apl", "2sfca", "gaussian", "exponential"});
    params.method = name == "2sfca"         ? analysis::AccessMethod::Binary
                    : name == "gaussian"    ? analysis::AccessMethod::Gaussian
                    : name == "exponential" ? analysis::AccessMethod::Exponential
                                            : analysis::AccessMethod::Apl;
}

//! The unit of each commune: itself, its BV, or the unit the commune → unit table gives ("" when the table
//! has no row for it; a warning counts them).
std::vector<std::string> unitsOf(const AccessOptions& o, const model::Dataset& ds, Warnings& warnings) {
    std::vector<std::string> out;
    out.reserve(ds.communes.size());
    if (o.zonageUnits.empty()) {
        const bool bv = parseChoice(o.zonageUnit, "--zonage-unit", {"commune", "bv"}) == "bv";
        for (const model::Commune& c : ds.communes)
            out.push_back(bv ? c.bv : c.code);
        return out;
    }
    io::TableReadOptions read;
    read.expectedColumns = {"commune", "unit"};
    const io::Table table = io::readTable(o.zonageUnits, read, &warnings);
    const int commune = table.requireColumn("commune"), unit = table.requireColumn("unit");
    std::map<std::string, std::string> unitOfCommune;
    for (std::size_t r = 0; r < table.rows.size(); ++r)
        unitOfCommune.emplace(table.cell(r, commune), table.cell(r, unit));
    std::vector<std::string> missing;
    for (const model::Commune& c : ds.communes) {
        const auto it = unitOfCommune.find(c.code);
        out.push_back(it == unitOfCommune.end() ? std::string() : it->second);
        if (it == unitOfCommune.end())
            missing.push_back(c.code);
    }
    if (!missing.empty()) {
        const auto n = static_cast<long long>(missing.size());
        warnings.push_back(makeWarning(ErrorKind::Join, Location{o.zonageUnits},
                                       msg("app.access.units_missing", {arg::integer("n", n)}),
                                       std::move(missing)));
    }
    return out;
}

//! A regional dataset (imported for a région or département) knows where its area ends: the edge warning
//! is worded from that, in place of the engine's generic one.
void warnRegionalEdge(const model::Dataset& ds, const analysis::AccessResult& result, Warnings& warnings) {
    // core/io/import.h: kAreaModeKey, kOutsideCommunesKey, kTruncatedBassinsKey. A regional communes file
    // imported whole lists its truncated bassins without a mode: it holds only its own communes (strict).
    const auto area = ds.meta.extra.lower_bound("area.");
    if (!ds.bufferCommunes.empty())
        return; // the buffer counts the supply around the area: the engine's edge warning says what is left
    if (area == ds.meta.extra.end() || area->first.rfind("area.", 0) != 0)
        return;
    const auto modeKey = ds.meta.extra.find("area.mode");
    const std::string mode = modeKey == ds.meta.extra.end() ? "strict" : modeKey->second;
    warnings.erase(std::remove_if(warnings.begin(), warnings.end(),
                                  [](const Warning& w) { return w.text.id == "analysis.access.edge"; }),
                   warnings.end());
    const auto listed = [&](const char* key) {
        const auto it = ds.meta.extra.find(key);
        return it == ds.meta.extra.end() || it->second.empty()
                   ? 0LL
                   : static_cast<long long>(text::split(it->second, ',').size());
    };
    const long long near = std::count(result.nearEdge.begin(), result.nearEdge.end(), 1);
    const double km = result.params.catchmentMinutes / 60.0 * result.params.straightLineSpeedKmh;
    warnings.push_back(
        makeWarning(ErrorKind::Value, {},
                    msg("app.access.regional_edge",
                        {arg::text("mode", mode), arg::integer("n", near), arg::number("km", km, 0),
                         arg::integer("outside", listed("area.outside_communes")),
                         arg::integer("truncated", listed("area.truncated_bassins"))})));
}

//! The accessibility of every commune with the dataset's saved parameters (under --params, --set and
//! --method), its warnings printed.
analysis::AccessResult accessibility(const AccessOptions& o, const AnalysisRun& run,
                                     const std::string& profession, const Context& c, Feedback* feedback) {
    analysis::AccessParameters params =
        analysis::accessParameters(run.params, run.dataset.catalogue, profession);
    applyMethod(o.method, params);
    analysis::AccessInputs inputs;
    if (!o.ageWeights.empty()) { // the user's weights standardise the demand of this run
        inputs.ageWeights = readAgeWeightsOption(o.ageWeights);
        io::checkAgeWeightsCover(inputs.ageWeights, run.dataset.populationByAge, o.ageWeights);
        params.demand = model::DemandKind::Standardised;
    }
    analysis::AccessResult result =
        analysis::accessibility(run.dataset, profession, run.vintage, params, inputs, feedback);
    warnRegionalEdge(run.dataset, result, result.warnings);
    printWarnings(result.warnings, c);
    return result;
}

//! The sentence saying which demand was used: population (and why), or standardised with which weights
//! (`weightsFile`: --age-weights of this run, else the dataset's stored weights, else the shipped ones).
Message demandNote(const analysis::AccessResult& result, const model::Dataset& ds,
                   const std::string& weightsFile) {
    if (!result.demandStandardised)
        return msg(ds.populationByAge.empty() ? "app.access.note_population"
                                              : "app.access.note_population_by_choice");
    const std::string file =
        weightsFile.empty() ? analysis::consumptionWeightsFile(ds) : analysis::weightsFileName(weightsFile);
    return file.empty() ? msg("app.access.note_standardised")
                        : msg("app.access.note_standardised_file", {arg::code("file", file)});
}

analysis::AccessibilityInput tableInput(const analysis::AccessResult& result, const model::Dataset& ds,
                                        const std::string& profession, const analysis::SecrecyRule& secrecy,
                                        const std::string& weightsFile, const Context& c) {
    analysis::AccessibilityInput in;
    in.values = result.values;
    in.unit = analysis::accessUnit(result, c.language);
    in.profession = profession;
    in.vintage = result.vintage;
    in.secrecy = secrecy;
    in.language = c.language;
    const analysis::AccessParameters& params = result.params;
    in.notes.push_back(
        ds.travelTimes.empty()
            ? msg("app.access.note_distance", {arg::number("minutes", params.catchmentMinutes),
                                               arg::number("speed", params.straightLineSpeedKmh)})
            : msg("app.access.note_minutes", {arg::number("minutes", params.catchmentMinutes)}));
    in.notes.push_back(demandNote(result, ds, weightsFile));
    if (params.maxAge > 0)
        in.notes.push_back(msg("app.access.note_max_age", {arg::number("age", params.maxAge)}));
    return in;
}

//! The zonage tables: the class column of `access`, the population of each class and, with
//! --sensitivity-threshold, how the classes move over --range.
std::vector<io::ResultTable> zonageTables(const AccessOptions& o, const AnalysisRun& run,
                                          const analysis::AccessResult& result, io::ResultTable& access,
                                          const Context& c) {
    const std::vector<double> thresholds = parseThresholds(o.zonage, "--zonage");
    Warnings warnings;
    const std::vector<std::string> units = unitsOf(o, run.dataset, warnings);
    printWarnings(warnings, c);
    const analysis::UnitZonage z = analysis::zonageByUnit(result, units, thresholds);
    analysis::setZonageColumn(access, z, units);
    const std::string unitKind = o.zonageUnits.empty() ? o.zonageUnit : o.zonageUnits;
    std::vector<io::ResultTable> tables = {
        analysis::zonageTable(z, unitKind, result.demandStandardised, run.secrecy)};
    if (o.sensitivityThreshold.empty())
        return tables;
    const double index = parseNumberOption(o.sensitivityThreshold, "--sensitivity-threshold");
    if (index < 1 || index > static_cast<double>(thresholds.size()) || index != std::floor(index))
        throw UsageError(msg("app.access.threshold_index",
                             {arg::text("value", o.sensitivityThreshold),
                              arg::integer("count", static_cast<long long>(thresholds.size()))}));
    const auto i = static_cast<std::size_t>(index) - 1;
    const auto changes = analysis::zonageSensitivity(result, units, thresholds, i,
                                                     parseRange(required(o.range, "range"), "--range"));
    tables.push_back(
        analysis::zonageSensitivityTable(changes, i, result.demandStandardised, run.secrecy, c.language));
    return tables;
}

int access(const AccessOptions& o, Context& c) {
    const std::string profession = professionOf(o.profession);
    if (!o.method.empty())
        parseChoice(o.method, "--method", {"apl", "2sfca", "gaussian", "exponential"});
    if (!o.zonage.empty())
        parseThresholds(o.zonage, "--zonage"); // usage errors before the long work
    if (o.zonage.empty() && (!o.sensitivityThreshold.empty() || !o.zonageUnits.empty()))
        throw UsageError(msg("app.access.needs_zonage"));
    const AnalysisRun run = prepareAnalysis(o.common, c);
    ConsoleFeedback feedback(c.err, c.quiet, c.terminal, c.language);
    feedback.setStep(msg("app.step.access"));
    const analysis::AccessResult result = accessibility(o, run, profession, c, &feedback);
    feedback.finish();
    std::vector<io::ResultTable> tables = {analysis::accessibilityTable(
        run.dataset, tableInput(result, run.dataset, profession, run.secrecy, o.ageWeights, c))};
    if (!o.zonage.empty()) {
        auto more = zonageTables(o, run, result, tables.front(), c);
        tables.insert(tables.end(), std::make_move_iterator(more.begin()),
                      std::make_move_iterator(more.end()));
    }
    writeResults(tables, o.common, run, c);
    return 0;
}

} // namespace

std::vector<model::AgeBandWeight> readAgeWeightsOption(const std::string& path) {
    return path.empty() ? std::vector<model::AgeBandWeight>{} : io::readAgeWeights(path);
}

void storeAgeWeights(model::Dataset& ds, const std::vector<model::AgeBandWeight>& weights,
                     const std::string& path, Context& c) {
    if (path.empty())
        return;
    io::checkAgeWeightsCover(weights, ds.populationByAge, path);
    analysis::storeConsumptionWeights(ds, weights, path);
    if (!c.quiet)
        c.err << c.say(msg("app.age_weights.stored",
                           {arg::code("file", analysis::weightsFileName(path)),
                            arg::integer("n", static_cast<long long>(weights.size()))}))
              << "\n";
}

void useShippedAgeWeights(model::Dataset& ds, Context& c) {
    const std::string was = analysis::consumptionWeightsFile(ds);
    analysis::useShippedConsumptionWeights(ds);
    if (!c.quiet)
        c.err << c.say(was.empty() ? msg("app.age_weights.shipped_already")
                                   : msg("app.age_weights.shipped", {arg::code("file", was)}))
              << "\n";
}

std::vector<double> parseThresholds(const std::string& text, const char* option) {
    std::vector<double> out;
    for (const std::string& part : text::split(text, ','))
        out.push_back(parseNumberOption(text::trim(part), option));
    return out;
}

Runner declareAccess(CLI::App& sub) {
    auto o = std::make_shared<AccessOptions>();
    addAnalysisOptions(sub, o->common,
                       "output (- for the standard output): commune, name, population, access, unit, zonage; "
                       "with --zonage, a second table access_zonage (population of each class)");
    addProfessionOption(sub, o->profession);
    sub.add_option(
           "--method", o->method,
           "apl: DREES's APL, stepped weights within 20 minutes for GPs; 2sfca: binary catchment; "
           "gaussian, exponential: decaying weights (default: the dataset's access.method, APL unless "
           "set). Travel times where the dataset has them, else straight line at "
           "access.straight_line_speed_kmh (37 km/h)")
        ->type_name("METHOD");
    sub.add_option(
           "--zonage,--zonage-threshold", o->zonage,
           "zonage thresholds, ascending, comma-separated (e.g. 2.5,4): the class of each commune (or "
           "unit) and the population of each class")
        ->type_name("X[,Y...]");
    sub.add_option("--zonage-unit", o->zonageUnit,
                   "commune (default) or bv: a unit's accessibility is the mean of its communes' weighted by "
                   "their population")
        ->type_name("UNIT");
    sub.add_option("--zonage-units", o->zonageUnits,
                   "table commune -> unit (columns commune, unit), e.g. territoires de vie-santé")
        ->type_name("FILE");
    sub.add_option(
           "--sensitivity-threshold", o->sensitivityThreshold,
           "with --range: move this zonage threshold (1 = the first) and list the communes that change "
           "class (third table access_sensitivity)")
        ->type_name("I");
    sub.add_option("--range", o->range, "values of the moved threshold, as start:end:step (e.g. 2:3:0.1)")
        ->type_name("A:B:STEP");
    sub.add_option("--age-weights", o->ageWeights, kAgeWeightsHelp)->type_name("FILE");
    return [o](Context& c) { return access(*o, c); };
}

} // namespace maillage::cli
