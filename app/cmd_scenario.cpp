// maillage scenario: "et si…" scenarios of a dataset (issue 12): list them, define one from a JSON file,
// or apply one and write the comparison before/after.
#include "app/commands.h"

#include "core/analysis/scenario.h"
#include "core/io/gpkg.h"
#include "core/io/gpkg_scenarios.h"
#include "core/io/postgis.h"

#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>

namespace maillage::cli {

namespace {

struct ScenarioOptions {
    AnalysisOptions common;
    std::string scenario, define, zonage;
    bool list = false;
};

int listScenarios(const ScenarioOptions& o, Context& c) {
    Warnings left; // a damaged row is left out, and said
    const model::Dataset ds =
        io::readDataset(required(o.common.dataset, "dataset"), io::ReadOptions{false, &left});
    printWarnings(left, c);
    if (ds.scenarios.empty())
        c.err << c.say(msg("app.scenario.none")) << "\n";
    for (const model::Scenario& s : ds.scenarios)
        c.out << c.say(msg(
                     s.description.empty() ? "app.scenario.list_line" : "app.scenario.list_line_described",
                     {arg::text("name", s.name), arg::integer("n", static_cast<long long>(s.changes.size())),
                      arg::text("description", s.description)}))
              << "\n";
    return 0;
}

//! Reads the scenario file, checks that its changes apply to the dataset, and saves it in the dataset's
//! table of scenarios (replacing the one of the same name).
int defineScenario(const ScenarioOptions& o, Context& c) {
    const std::string& path = required(o.common.dataset, "dataset");
    model::Scenario scenario = io::readScenarioFile(o.define);
    // In PostgreSQL, only the scenarios rows are written, refused if someone saved scenarios since this
    // read (theirs would be lost). The version first, as the GUI reads it.
    const bool database = io::isPostgisDataset(path);
    const long long basedOn = database ? io::postgisSaveStamp(path, "scenarios").version : 0;
    Warnings left; // a damaged row is left out, and said: it is not written back
    model::Dataset ds = io::readDataset(path, io::ReadOptions{false, &left});
    printWarnings(left, c);
    analysis::applyScenario(ds, scenario,
                            datasetVintage(ds, path, o.common.vintage)); // throws naming the change
    const Message done =
        msg("app.scenario.defined",
            {arg::code("name", scenario.name),
             arg::integer("n", static_cast<long long>(scenario.changes.size())), arg::path("dataset", path)});
    io::putScenario(ds.scenarios, std::move(scenario));
    if (database)
        io::savePostgisScenarios(path, ds.scenarios, basedOn);
    else
        io::writeScenarios(path, ds.scenarios);
    if (!c.quiet)
        c.err << c.say(done) << "\n";
    return 0;
}

const model::Scenario& scenarioNamed(const model::Dataset& ds, const std::string& name) {
    if (const model::Scenario* s = io::findScenario(ds.scenarios, name))
        return *s;
    std::vector<std::string> names;
    for (const model::Scenario& s : ds.scenarios)
        names.push_back(s.name);
    throw Error(ErrorKind::Value, Location{},
                msg("app.scenario.unknown", {arg::code("name", name), arg::list("known", names, true)}));
}

int applyScenario(const ScenarioOptions& o, Context& c) {
    analysis::ScenarioOptions options;
    if (!o.zonage.empty()) // usage errors before the long work
        options.zonageThresholds = parseThresholds(o.zonage, "--zonage");
    AnalysisRun run = prepareAnalysis(o.common, c);
    run.dataset.params = run.params;
    const model::Scenario scenario = scenarioNamed(run.dataset, o.scenario);
    const analysis::ScenarioComparison comparison =
        analysis::compareScenario(run.dataset, scenario, run.vintage, options);
    printWarnings(comparison.warnings, c);
    writeResults(analysis::scenarioTables(run.dataset, comparison, run.secrecy, c.language), o.common, run,
                 c);
    std::ostream& text = o.common.output == "-" ? c.err : c.out;
    for (const std::string& sentence : analysis::describeComparison(comparison, run.secrecy, c.language))
        text << sentence << "\n";
    return 0;
}

int scenario(const ScenarioOptions& o, Context& c) {
    const int actions = (o.list ? 1 : 0) + (o.define.empty() ? 0 : 1) + (o.scenario.empty() ? 0 : 1);
    if (actions != 1)
        throw UsageError(msg("app.scenario.one_action"));
    if (o.list)
        return listScenarios(o, c);
    if (!o.define.empty())
        return defineScenario(o, c);
    return applyScenario(o, c);
}

} // namespace

Runner declareScenario(CLI::App& sub) {
    auto o = std::make_shared<ScenarioOptions>();
    addAnalysisOptions(
        sub, o->common,
        "output (- for the standard output) of --scenario: the bassins de vie changing type, the communes "
        "crossing a --zonage threshold, professionals per bassin de vie, accessibility and Crunch findings "
        "before and after, "
        "one table each (sheets or layers of xlsx, ods, gpkg; <stem>_<table> files beside a csv)");
    sub.add_option("--scenario", o->scenario, "the scenario to apply (see --list)")->type_name("NAME");
    sub.add_flag("--list", o->list, "list the scenarios kept in the dataset");
    sub.add_option("--define", o->define,
                   "add a scenario from a JSON file to the dataset, or replace the one of the same name")
        ->type_name("FILE.json");
    sub.add_option(
           "--zonage", o->zonage,
           "zonage thresholds of the accessibility (e.g. 2.5,4): the communes that cross one are counted")
        ->type_name("T1,T2");
    return [o](Context& c) { return scenario(*o, c); };
}

} // namespace maillage::cli
