// maillage import: a dataset GeoPackage from official files.
#include "app/age_weights_option.h"
#include "app/cli_links.h"
#include "app/cli_register.h"
#include "app/commands.h"

#include "core/analysis/register_counts.h"
#include "core/io/atomic_file.h"
#include "core/io/geometry_spool.h"
#include "core/io/gpkg.h"
#include "core/io/import.h"
#include "core/io/postgis.h"
#include "core/model/text.h"

#include <CLI/CLI.hpp>

#include <chrono>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <memory>
#include <optional>
#include <ostream>
#include <sstream>
#include <utility>

namespace maillage::cli {

namespace {

struct ImportCliOptions {
    std::string communes, layer, codeField, nameField, bassins, bvColumn, population, populationCode,
        populationColumn, layout = "auto", catalogue, zoneColumn, region, departement, title, cogYear, output,
                          report;
    std::vector<std::string> professionals, zoneProfessionals, sources;
    LinkCliOptions links;
    RegisterCliOptions registers;
    std::string territories;
    bool strictArea = false;
    std::string populationByAge;
    std::string ageWeights; //!< --age-weights FILE, stored with the dataset
    double bufferKm = 0;
};

} // namespace

io::ProfessionalsSource professionalsSource(const std::string& spec, const char* option) {
    io::ProfessionalsSource src;
    src.path = spec;
    const auto colon = spec.find_last_of(':');
    if (colon != std::string::npos && colon + 1 < spec.size()) {
        const auto year = text::parseNumber(spec.substr(colon + 1));
        if (year && *year >= 1900 && *year <= 2100 && *year == static_cast<int>(*year)) {
            src.path = spec.substr(0, colon);
            src.vintage = static_cast<int>(*year);
        }
    }
    if (src.vintage == 0)
        throw UsageError(
            msg("app.import.file_year", {arg::text("option", option), arg::text("value", spec)}));
    return src;
}

namespace {

//! Every file an import reads, for checkOutputs.
std::vector<std::string> importInputs(const io::ImportOptions& opt) {
    std::vector<std::string> inputs = {opt.communesPath, opt.bassinsPath, opt.populationPath,
                                       opt.cataloguePath};
    for (const auto& src : opt.professionals)
        inputs.push_back(src.path);
    for (const auto& src : opt.zoneProfessionals)
        inputs.push_back(src.path);
    for (const std::string& path : linkInputs(opt.links, opt.cogHistoryPath))
        inputs.push_back(path);
    for (const std::string& path : zoneInputs(opt.zones))
        inputs.push_back(path);
    for (const auto& src : opt.registers)
        inputs.push_back(src.path);
    inputs.push_back(opt.populationByAgePath);
    return inputs;
}

//! The import's options from the command line.
io::ImportOptions importOptions(const ImportCliOptions& o) {
    io::ImportOptions opt;
    opt.communesPath = required(o.communes, "communes");
    opt.polygons.layer = o.layer;
    if (!o.codeField.empty())
        opt.polygons.codeField = o.codeField;
    if (!o.nameField.empty())
        opt.polygons.nameField = o.nameField;
    opt.bassinsPath = o.bassins;
    opt.bvColumn = o.bvColumn;
    opt.populationPath = o.population;
    if (!o.populationCode.empty())
        opt.populationCode = o.populationCode;
    if (!o.populationColumn.empty())
        opt.populationColumn = o.populationColumn;
    const std::string& layoutName = parseChoice(o.layout, "--professionals-layout", {"auto", "long", "wide"});
    const io::CountsLayout layout = layoutName == "long"   ? io::CountsLayout::Long
                                    : layoutName == "wide" ? io::CountsLayout::Wide
                                                           : io::CountsLayout::Auto;
    for (const std::string& spec : o.professionals) {
        io::ProfessionalsSource src = professionalsSource(spec, "--professionals");
        src.columns.layout = layout;
        opt.professionals.push_back(src);
    }
    for (const std::string& spec : o.zoneProfessionals)
        opt.zoneProfessionals.push_back(professionalsSource(spec, "--zone-professionals"));
    opt.zoneColumn = o.zoneColumn;
    opt.cataloguePath = o.catalogue;
    opt.regionFilter = o.region;
    opt.departementFilter = o.departement;
    opt.title = o.title;
    opt.sources = o.sources;
    opt.cogYear = parseYear(o.cogYear, "--cog-year", 0);
    opt.areaMode = o.strictArea ? io::AreaMode::Strict : io::AreaMode::WholeBassins;
    opt.territoryNamesFolder = o.territories;
    opt.links = linkSources(o.links);
    opt.zones = zoneSources(o.links);
    opt.carryCog = !o.links.noCogHistory;
    opt.cogHistoryPath = o.links.cogHistory;
    opt.createdBy = std::string("Maillage ") + version();
    opt.registers = registerSources(o.registers);
    opt.countRegister = &analysis::countsFromRegister;
    opt.populationByAgePath = o.populationByAge;
    opt.bufferKm = o.bufferKm;
    return opt;
}

//! The warnings and join reports of an import, as printed and written by --report.
std::string importReportText(const io::ImportReport& report, const Context& c) {
    std::ostringstream rep;
    for (const auto& w : report.warnings)
        rep << warningLine(w, c) << "\n";
    for (const auto& j : report.joins)
        if (!j.ok())
            rep << c.say(msg("app.import.join", {arg::nested("summary", j.summary(50))})) << "\n";
    rep << registerReportText(report.registers, c);
    return rep.str();
}

int runImport(const ImportCliOptions& o, Context& c) {
    io::ImportOptions opt = importOptions(o);
    const std::string& output = required(o.output, "output");
    opt.spoolFolder = io::spoolFolderFor(output); // polygons out of memory while importing
    std::vector<std::string> inputs = importInputs(opt);
    inputs.push_back(o.ageWeights);
    checkOutputs(o.report.empty() ? std::vector<std::string>{output}
                                  : std::vector<std::string>{output, o.report},
                 inputs);
    const std::vector<model::AgeBandWeight> weights = readAgeWeightsOption(o.ageWeights);
    ConsoleFeedback feedback(c.err, c.quiet, c.terminal, c.language);
    io::ImportReport report;
#ifdef __GLIBC__
    // Blocks of 1 MiB and more (the tables' vectors as they grow, the dissolve's buffers) mapped apart and
    // given back when freed, rather than left in the heap as glibc's rising threshold would (it rises to
    // the largest block freed, up to 32 MiB): national import's peak 116.6 -> 101.8 MiB with the streamed
    // accessibility and population (4 MiB: 109.8).
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
#endif
    const auto t0 = std::chrono::steady_clock::now();
    model::Dataset ds = io::importDataset(opt, report, &feedback);
    storeAgeWeights(ds, weights, o.ageWeights, c);
    const std::string reportText = importReportText(report, c);
    // The report is written first to its temporary, and put in place only with the dataset: both or none.
    std::optional<io::PendingFile> reportFile;
    if (!o.report.empty())
        reportFile.emplace(o.report, reportText);
    feedback.setStep(msg("app.step.writing", {arg::path("output", output)}));
    const std::size_t communes = ds.communes.size(), bassins = ds.bassins.size(), counts = ds.counts.size();
    writeDatasetWithStyles(std::move(ds), output, feedback, c);
    feedback.finish();
    if (reportFile)
        reportFile->commit();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (c.quiet)
        return 0;
    c.err << reportText
          << c.say(msg("app.import.done", {arg::integer("communes", static_cast<long long>(communes)),
                                           arg::integer("bassins", static_cast<long long>(bassins)),
                                           arg::integer("counts", static_cast<long long>(counts)),
                                           arg::path("output", output), arg::number("seconds", seconds, 1)}))
          << "\n";
    return 0;
}

} // namespace

Runner declareImport(CLI::App& sub) {
    auto o = std::make_shared<ImportCliOptions>();
    auto file = [&](const char* name, std::string& into, const char* help) {
        sub.add_option(name, into, help)->type_name("FILE");
    };
    auto text = [&](const char* name, std::string& into, const char* help) {
        sub.add_option(name, into, help)->type_name("NAME");
    };
    file("--communes", o->communes,
         "commune polygons (GeoPackage, Shapefile, GeoJSON...) or a table (CSV, XLSX)");
    text("--layer", o->layer, "layer of the communes file (default: the first)");
    text("--code-field", o->codeField,
         "commune code field (default: code; tried: insee_com, codgeo, code_insee)");
    text("--name-field", o->nameField, "commune name field (default: nom; tried: name, nom_com, libgeo)");
    file("--bassins", o->bassins,
         "INSEE commune -> bassin de vie table (CODGEO, BV2012 or BV2022, LIBBV..., DEP, REG)");
    text("--bv-column", o->bvColumn, "BV column of that table: BV2012 or BV2022 (default: detected)");
    file("--population", o->population, "population table");
    text("--population-code", o->populationCode, "its commune code column (default: codgeo)");
    text("--population-column", o->populationColumn, "its population column (default: population)");
    file("--population-by-age", o->populationByAge, kPopulationByAgeHelp);
    file("--age-weights", o->ageWeights, kAgeWeightsHelp);
    sub.add_option("--professionals", o->professionals,
                   "counts of professionals for the vintage YEAR (repeatable: one per vintage). Long tables "
                   "(commune, profession, count) or wide (one column per BPE code)")
        ->type_name("FILE:YEAR");
    text("--professionals-layout", o->layout, "auto (default), long or wide");
    file("--catalogue", o->catalogue, "profession catalogue CSV (default: the built-in one)");
    sub.add_option(
           "--zone-professionals", o->zoneProfessionals,
           "counts per infra-communal zone (IRIS, quartier), e.g. INSEE's BPE by IRIS (DCIRIS, DEPCOM, "
           "TYPEQU, NB_EQUIP); give the commune counts of the same year with --professionals too")
        ->type_name("FILE:YEAR");
    text("--zone-column", o->zoneColumn, "zone code column (default: dciris)");
    sub.add_option("--region", o->region, "keep only the communes of this région")->type_name("CODE");
    sub.add_option("--departement", o->departement, "keep only these départements (comma separated)")
        ->type_name("CODES");
    sub.add_option("--buffer-km", o->bufferKm,
                   "with --region or --departement: also import the communes within N km of the area (with "
                   "their population and professionals) as supply and demand of accessibility only, never "
                   "reported; removes the underestimate at the area's edge")
        ->type_name("N");
    sub.add_flag(
        "--strict-area", o->strictArea,
        "with --region/--departement: keep only the area's communes and mark the bassins de vie cut "
        "by its edge as truncated (default: take whole bassins de vie, flagging the communes outside)");
    file("--territories", o->territories,
         "folder with regions.csv, departements.csv, anciennes_regions.csv (default: the shipped tables)");
    addLinkOptions(sub, o->links);
    addRegisterOptions(sub, o->registers);
    sub.add_option("--title", o->title, "title of the dataset")->type_name("TEXT");
    sub.add_option("--source", o->sources,
                   "a source line for captions (repeatable), e.g. \"INSEE, BPE 2013\"")
        ->type_name("TEXT");
    sub.add_option("--cog-year", o->cogYear, "vintage of the commune list (COG)")->type_name("YEAR");
    sub.add_option(
           "--output", o->output,
           "the dataset GeoPackage (written to a temporary file, then renamed), or a PostgreSQL schema "
           "\"PG:service=NAME schema=NAME\" (written to a new schema, switched in at the end)")
        ->type_name("DATASET.gpkg");
    file("--report", o->report, "also write the warnings and join reports to this text file");
    sub.footer(
        "Bassins de vie are dissolved from their communes. What does not match between files is reported, "
        "never dropped silently.\nOutputs are checked before anything is read: an output that is an input "
        "(or a link to one), a symbolic link (give the file's own path), a device or a missing folder is "
        "refused, and nothing is written. A temporary file left by an interrupted import is removed by the "
        "next one.");
    return [o](Context& c) { return runImport(*o, c); };
}

} // namespace maillage::cli
