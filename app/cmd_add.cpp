// maillage add: travel times, flows, cooperations and zones added to (or replaced in) an existing dataset.
#include "app/age_weights_option.h"
#include "app/cli_links.h"
#include "app/cli_register.h"
#include "app/commands.h"

#include "core/analysis/register_counts.h"
#include "core/io/gpkg.h"
#include "core/io/import.h"
#include "core/io/postgis.h"

#include <CLI/CLI.hpp>

#include <memory>

namespace maillage::cli {

namespace {

struct AddCliOptions {
    std::string dataset;
    LinkCliOptions links;
    RegisterCliOptions registers;
    std::vector<std::string> facilities; //!< --facilities FILE:YEAR (BPE tables), repeatable
    std::string populationByAge;         //!< --population-by-age FILE
    std::string ageWeights;              //!< --age-weights FILE
    bool shippedAgeWeights = false;      //!< --shipped-age-weights
};

//! Says how many facilities were added.
void sayFacilitiesAdded(const model::Dataset& ds, const io::ImportReport& report, Context& c) {
    if (!c.quiet)
        c.err << c.say(msg("app.add.facilities_done",
                           {arg::integer("n", static_cast<long long>(report.facilitiesAdded)),
                            arg::integer("total", static_cast<long long>(ds.facilities.size()))}))
              << "\n";
}

int runAdd(const AddCliOptions& o, Context& c) {
    const std::string& path = required(o.dataset, "dataset");
    io::AddOptions options;
    options.links = linkSources(o.links);
    options.carryCog = !o.links.noCogHistory;
    options.cogHistoryPath = o.links.cogHistory;
    options.zones = zoneSources(o.links);
    for (const std::string& spec : o.facilities)
        options.facilities.push_back(professionalsSource(spec, "--facilities"));
    std::vector<std::string> inputs = linkInputs(options.links, options.cogHistoryPath);
    for (const io::ProfessionalsSource& src : options.facilities)
        inputs.push_back(src.path);
    for (const std::string& path : zoneInputs(options.zones))
        inputs.push_back(path);
    options.registers = registerSources(o.registers);
    options.countRegister = &analysis::countsFromRegister;
    for (const auto& src : options.registers)
        inputs.push_back(src.path);
    options.populationByAgePath = o.populationByAge;
    if (!o.populationByAge.empty())
        inputs.push_back(o.populationByAge);
    if (!o.ageWeights.empty())
        inputs.push_back(o.ageWeights);
    const bool nothingRead = inputs.empty() || (inputs.size() == 1 && !options.cogHistoryPath.empty());
    if (nothingRead && !o.shippedAgeWeights)
        throw UsageError(msg("app.add.nothing"));
    checkOutputs({path}, inputs);
    ConsoleFeedback feedback(c.err, c.quiet, c.terminal, c.language);
    // In PostgreSQL, the whole dataset is written back: refused if someone saved its parameters,
    // cooperations or scenarios after this read (theirs would be lost). The versions first, as the GUI reads
    // them.
    std::vector<std::pair<std::string, long long>> basedOn;
    if (io::isPostgisDataset(path))
        for (const char* item : {"parameters", "cooperations", "scenarios"})
            basedOn.emplace_back(item, io::postgisSaveStamp(path, item).version);
    const std::vector<model::AgeBandWeight> weights = readAgeWeightsOption(o.ageWeights);
    io::ImportReport report; // a damaged scenarios row left out at reading is said with the rest
    model::Dataset ds = io::readDataset(path, io::ReadOptions{true, &report.warnings}, &feedback);
    io::addToDataset(ds, options, report, &feedback);
    storeAgeWeights(ds, weights, o.ageWeights, c);
    if (o.shippedAgeWeights)
        useShippedAgeWeights(ds, c);
    printWarnings(report.warnings, c);
    if (!c.quiet)
        c.err << registerReportText(report.registers, c);
    feedback.setStep(msg("app.step.writing", {arg::path("output", path)}));
    writeDatasetWithStyles(ds, path, feedback, c, basedOn);
    feedback.finish();
    if (!c.quiet)
        c.err << c.say(msg("app.add.done",
                           {arg::path("dataset", path),
                            arg::integer("times", static_cast<long long>(ds.travelTimes.size())),
                            arg::integer("flows", static_cast<long long>(ds.flows.size())),
                            arg::integer("cooperations", static_cast<long long>(ds.cooperations.size()))}))
              << "\n";
    if (!c.quiet && options.zones.any())
        c.err << c.say(msg("app.add.zones_done",
                           {arg::integer("zones", static_cast<long long>(ds.zones.size())),
                            arg::integer("population", static_cast<long long>(report.zones.withPopulation)),
                            arg::integer("grouped", static_cast<long long>(report.zones.grouped))}))
              << "\n";
    if (!options.facilities.empty())
        sayFacilitiesAdded(ds, report, c);
    return 0;
}

} // namespace

Runner declareAdd(CLI::App& sub) {
    auto o = std::make_shared<AddCliOptions>();
    sub.add_option("--dataset", o->dataset, "the dataset GeoPackage to complete (rewritten atomically)")
        ->type_name("DATASET.gpkg");
    addLinkOptions(sub, o->links);
    addRegisterOptions(sub, o->registers);
    sub.add_option("--facilities", o->facilities,
                   "health facilities (BPE establishments D1xx) of the vintage YEAR: a BPE table, long "
                   "(DEPCOM, TYPEQU, NB_EQUIP) or wide; replaces the dataset's facilities of that year "
                   "(repeatable)")
        ->type_name("FILE:YEAR");
    sub.add_option("--population-by-age", o->populationByAge, kPopulationByAgeHelp)->type_name("FILE");
    auto* weights = sub.add_option("--age-weights", o->ageWeights, kAgeWeightsHelp)->type_name("FILE");
    sub.add_flag("--shipped-age-weights", o->shippedAgeWeights,
                 "forget the consumption weights stored with the dataset (--age-weights): the standardised "
                 "demand uses the ones shipped with Maillage again")
        ->excludes(weights);
    sub.footer("Each table given replaces the dataset's (travel times, flows) or adds to it (cooperations of "
               "another name). Codes of another COG year are carried to the dataset's COG.");
    return [o](Context& c) { return runAdd(*o, c); };
}

} // namespace maillage::cli
