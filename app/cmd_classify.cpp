// maillage classify: the pôle type of every bassin de vie, with its reason, as a CSV.
#include "app/commands.h"
#include "app/qgis_styles.h"

#include "core/analysis/access_tables.h"
#include "core/analysis/change.h"
#include "core/analysis/poles.h"
#include "core/analysis/result_tables.h"
#include "core/io/atomic_file.h"
#include "core/io/gpkg.h"
#include "core/io/importers.h"
#include "core/io/postgis.h"
#include "core/io/table.h"
#include "core/model/text.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <array>
#include <exception>
#include <filesystem>
#include <iomanip>
#include <iterator>
#include <locale>
#include <memory>
#include <ostream>
#include <sstream>

namespace maillage::cli {

namespace {

struct ClassifyOptions {
    AnalysisOptions common;
    std::string communes, professionals, catalogue, massScale;
    bool listParams = false, margins = false;
    bool save = false; //!< --save: the parameters and results into --dataset
};

//! A number for machine-readable output: C locale, no thousands separator ("3000", "0.25").
std::string machineNumber(double v) {
    std::ostringstream s;
    s.imbue(std::locale::classic());
    s << std::setprecision(15) << v;
    return s.str();
}

//! The communes of the --communes table, read row by row.
std::vector<model::Commune> communesFromTable(const std::string& path, Warnings& warnings) {
    io::TableRows rows(path, {}, &warnings);
    return io::readCommuneTable(rows, io::CommuneColumns{}, warnings);
}

//! The counts of the --professionals table (long layout), read row by row, and the mass scale its source
//! calls for.
std::vector<model::CountRecord> countsFromTable(const std::string& path,
                                                const model::ProfessionCatalogue& catalogue, int vintage,
                                                io::SourceMassScale& sourceScale, Warnings& warnings) {
    io::TableReadOptions read;
    read.expectedColumns = {"commune", "profession", "count"};
    io::TableRows rows(path, read, &warnings);
    io::ProfessionalsColumns cols;
    cols.layout = io::CountsLayout::Long;
    return io::readProfessionals(rows, catalogue, vintage, cols, sourceScale, warnings);
}

//! A dataset from plain tables (--communes, --professionals), with the mass scale their source calls for.
model::Dataset datasetFromTables(const ClassifyOptions& o, io::SourceMassScale& sourceScale,
                                 Warnings& warnings) {
    model::Dataset ds;
    ds.catalogue =
        o.catalogue.empty() ? model::standardCatalogue().catalogue : model::readCatalogueFile(o.catalogue);
    const int vintage = parseYear(o.common.vintage, "--vintage", 0);
    // The professionals are read first so that their table of strings is freed before the communes are
    // built (a lower peak); messages keep the order of the files: the communes' warnings, and their
    // error, come first.
    Warnings countWarnings;
    std::exception_ptr countError;
    try {
        ds.counts = countsFromTable(o.professionals, ds.catalogue, vintage, sourceScale, countWarnings);
    } catch (const Error&) {
        countError = std::current_exception();
    }
    ds.communes = communesFromTable(o.communes, warnings);
    if (countError)
        std::rethrow_exception(countError);
    warnings.insert(warnings.end(), countWarnings.begin(), countWarnings.end());
    ds.rebuildBassins();
    const auto join = io::checkCountsJoin(ds.counts, ds.communes, o.professionals, o.communes);
    if (!join.ok())
        warnings.push_back(makeWarning(ErrorKind::Join, Location{}, join.summary()));
    for (const auto& c : ds.counts)
        if (std::find(ds.meta.vintages.begin(), ds.meta.vintages.end(), c.vintage) == ds.meta.vintages.end())
            ds.meta.vintages.push_back(c.vintage);
    std::sort(ds.meta.vintages.begin(), ds.meta.vintages.end());
    return ds;
}

//! The dataset to classify: --dataset, or the plain tables.
model::Dataset classifyInput(const ClassifyOptions& o, io::SourceMassScale& sourceScale, Warnings& warnings) {
    if (!o.common.dataset.empty()) {
        if (!o.communes.empty() || !o.professionals.empty())
            throw UsageError(msg("app.classify.dataset_or_tables"));
        return io::readDataset(o.common.dataset, io::ReadOptions{false}); // no polygon is needed
    }
    if (o.communes.empty() || o.professionals.empty())
        throw UsageError(msg("app.classify.needs_input"));
    return datasetFromTables(o, sourceScale, warnings);
}

//! The parameters: the dataset's, --params, --set, then --mass-scale (or the source's scale).
model::Parameters classifyParameters(const ClassifyOptions& o, const model::Dataset& ds,
                                     const io::SourceMassScale& sourceScale, Warnings& warnings) {
    model::Parameters params = parametersOver(ds.params, o.common.paramsFile, o.common.sets);
    if (!o.massScale.empty()) {
        params.poles.massScale = parseNumberOption(o.massScale, "--mass-scale");
        params.validate("--mass-scale");
    } else if (sourceScale.scale != 1 && params.poles.massScale == 1) {
        params.poles.massScale = sourceScale.scale; // as the import would (io::massScaleForSource)
        warnings.push_back(
            makeWarning(ErrorKind::Parameter, Location{o.professionals},
                        msg("app.classify.source_scale", {arg::text("reason", sourceScale.reason)})));
    }
    return params;
}

void printClassifySummary(const Context& c, const std::vector<analysis::PoleClassification>& poles,
                          const std::string& output) {
    std::array<long long, analysis::kPoleTypeCount> byType{};
    for (const auto& p : poles)
        ++byType[static_cast<int>(p.type)];
    c.err << c.say(msg("app.classify.done", {arg::integer("bassins", static_cast<long long>(poles.size())),
                                             arg::integer("t1", byType[1]), arg::integer("t2", byType[2]),
                                             arg::integer("t3", byType[3]), arg::integer("t4", byType[4]),
                                             arg::integer("t0", byType[0]), arg::path("output", output)}))
          << "\n";
}

//! --save writes into --dataset, a GeoPackage replaced whole (a temporary copy renamed over it): a regular
//! file, not a device, in a folder that can be written to. Through a symbolic link, as the application's
//! Save and every update of a dataset (io::writeParameters), the file it points to is replaced and the
//! link stays a link: a link is never written over.
void checkSaveTarget(const ClassifyOptions& o) {
    if (o.common.dataset.empty())
        throw UsageError(msg("app.classify.save_needs_dataset"));
    if (io::isPostgisDataset(o.common.dataset))
        throw UsageError(msg("app.classify.save_not_postgis", {arg::path("dataset", o.common.dataset)}));
    std::error_code ec;
    const std::filesystem::path target = std::filesystem::canonical(o.common.dataset, ec);
    io::checkOutputPath(ec ? o.common.dataset : target.string());
}

//! Saves the parameters and every result they give into the dataset: false once the reason is said.
bool saveIntoDataset(const ClassifyOptions& o, const model::Parameters& params, const Context& c) {
    std::string error;
    if (!app::saveDatasetResults(o.common.dataset, params, c.datasetLanguage(), error)) {
        // The module's sentence names the file and is worded already: printed as it is.
        c.err << c.say(msg("app.error", {arg::text("command", "classify")})) << " " << error << "\n";
        return false;
    }
    if (!c.quiet)
        c.err << c.say(msg("app.classify.saved", {arg::path("dataset", o.common.dataset)})) << "\n";
    return true;
}

//! The output is checked before anything is read, as for every analysis subcommand (no input, writable,
//! "-" and /dev/stdout written directly, no database), and in a format that can go there.
io::TableFormat checkClassifyOutput(const ClassifyOptions& o) {
    if (o.save)
        checkSaveTarget(o);
    if (o.save && o.common.output.empty())
        return io::TableFormat::Csv; // no table: the dataset only
    if (o.common.output.empty() && !o.common.dataset.empty())
        throw UsageError(msg("app.classify.output_or_save"));
    const std::string& output = required(o.common.output, "output");
    const io::TableFormat format = outputFormat(o.common);
    checkAnalysisOutput(output, format,
                        {o.common.dataset, o.communes, o.professionals, o.catalogue, o.common.paramsFile});
    return format;
}

int classify(const ClassifyOptions& o, Context& c) {
    if (o.listParams) {
        for (const auto& [k, v] : model::Parameters::defaultKeyValues())
            c.out << k << " = " << machineNumber(v) << "\n";
        return 0;
    }
    AnalysisRun run;
    run.write.format = checkClassifyOutput(o);
    run.write.language = c.language;
    Warnings warnings;
    io::SourceMassScale sourceScale;
    run.dataset = classifyInput(o, sourceScale, warnings);
    run.params = classifyParameters(o, run.dataset, sourceScale, warnings);
    run.vintage = o.common.dataset.empty()
                      ? parseYear(o.common.vintage, "--vintage", analysis::defaultVintage(run.dataset))
                      : datasetVintage(run.dataset, o.common.dataset, o.common.vintage);
    run.secrecy =
        o.common.noSecrecy ? analysis::SecrecyRule::off() : analysis::SecrecyRule::from(run.params.density);
    const auto classification = analysis::classifyDataset(run.dataset, run.vintage, run.params.poles);
    // The output tables need no count: freed before they are built (6 MB of national counts).
    if (o.common.dataset.empty())
        std::vector<model::CountRecord>().swap(run.dataset.counts);
    warnings.insert(warnings.end(), classification.warnings().begin(), classification.warnings().end());
    printWarnings(warnings, c);
    if (classification.poles.empty())
        throw Error(ErrorKind::Format, Location{o.common.dataset.empty() ? o.communes : o.common.dataset},
                    msg("app.classify.no_bassin"));
    std::vector<io::ResultTable> tables; // moved in, not copied from a list: a national table is ~1 MB
    tables.push_back(
        analysis::classificationTable(run.dataset, classification.poles, run.secrecy, c.language));
    if (o.margins)
        tables.push_back(analysis::marginsTable(run.dataset, classification.poles, run.secrecy, c.language));
    if (!o.common.output.empty())
        writeResults(tables, o.common, run, c);
    if (!c.quiet)
        printClassifySummary(c, classification.poles,
                             o.common.output.empty() ? o.common.dataset : o.common.output);
    if (o.save && !saveIntoDataset(o, run.params, c))
        return 1;
    return 0;
}

} // namespace

Runner declareClassify(CLI::App& sub) {
    auto o = std::make_shared<ClassifyOptions>();
    addAnalysisOptions(
        sub, o->common,
        "output (- for the standard output), one row per BV: bv, name, type, type_label, total, "
        "pole, psy, ex_psy, pole_share, psy_share, reason");
    sub.add_option("--communes", o->communes,
                   "table with at least the columns code, population, bv (instead of "
                   "--dataset)")
        ->type_name("FILE");
    sub.add_option("--professionals", o->professionals,
                   "table with the columns commune, profession (canonical code or alias), count")
        ->type_name("FILE");
    sub.add_option("--catalogue", o->catalogue, "profession catalogue CSV (default: the built-in one)")
        ->type_name("FILE");
    sub.add_option("--mass-scale", o->massScale,
                   "multiplies the four professional-count thresholds (default: the dataset's; from tables, "
                   "0.25 for INSEE BPE codes as 'maillage import' sets it, else 1)")
        ->type_name("F");
    sub.add_flag("--list-params", o->listParams,
                 "print the parameter keys and their defaults, and exit (access.*: the defaults of the "
                 "professions de proximité; professions de pôle: a 30-minute catchment unless set)");
    sub.add_flag("--margins", o->margins,
                 "also write table 'margins': each BV's margin to every threshold, in professionals, and the "
                 "sentence (\"29 more professionals of pole professions needed to be intermediate pôle\")");
    sub.add_flag(
        "--save", o->save,
        "also save into --dataset (a GeoPackage) the parameters used (its own, --params, --set, "
        "--mass-scale) and every result they give, as the application's Save: pole types on "
        "bassins_de_vie, poles, liens, densites, accessibilite, QGIS styles and project (latest "
        "vintage, statistical secrecy always applied); the file is replaced whole or left as it was (through "
        "a symbolic link, the file it points to; the link stays). --output is then optional");
    return [o](Context& c) { return classify(*o, c); };
}

} // namespace maillage::cli
