// maillage classify: the pôle type of every bassin de vie, with its reason, as a CSV.
#include "app/commands.h"

#include "core/analysis/density.h"
#include "core/analysis/poles.h"
#include "core/io/atomic_file.h"
#include "core/io/gpkg.h"
#include "core/io/importers.h"
#include "core/io/table.h"
#include "core/model/text.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <array>
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
    bool listParams = false;
};

//! A number for machine-readable output: C locale, no thousands separator ("3000", "0.25").
std::string machineNumber(double v) {
    std::ostringstream s;
    s.imbue(std::locale::classic());
    s << std::setprecision(15) << v;
    return s.str();
}

//! The classification as CSV. With secrecy on (DOMAIN.md §7), counts below the threshold are written
//! "<5", and so is everything that would give them back: the share computed from them and the reason,
//! which quotes the figures. Returns the number of rows that had a masked cell.
std::string classificationCsv(const model::Dataset& ds,
                              const std::vector<analysis::PoleClassification>& poles, Language language,
                              bool excelFr, const model::DensityParameters* secrecy, int& maskedRows) {
    const bool french = language == Language::Fr;
    const char sep = excelFr ? ';' : ',';
    auto num = [&](double v, int decimals) {
        std::string s = text::formatEn(v, decimals);
        s.erase(std::remove(s.begin(), s.end(), ','), s.end());
        if (excelFr)
            std::replace(s.begin(), s.end(), '.', ',');
        return s;
    };
    const std::string maskedText = "<" + text::formatEn(secrecy ? secrecy->secrecyThreshold : 0, 0);
    auto masked = [&](double v) { return secrecy && analysis::isMasked(v, *secrecy); };
    auto count = [&](double v) { return masked(v) ? maskedText : num(v, 0); };
    std::string out = excelFr ? "\xEF\xBB\xBF" : "";
    const char* cols[] = {"bv",  "name",   "type",       "type_label", "total", "pole",
                          "psy", "ex_psy", "pole_share", "psy_share",  "reason"};
    for (std::size_t i = 0; i < std::size(cols); ++i)
        out += (i ? std::string(1, sep) : std::string()) + cols[i];
    out += "\n";
    maskedRows = 0;
    for (const auto& p : poles) {
        const model::Bassin* b = ds.bassin(p.bv);
        const std::string label =
            french ? analysis::poleTypeLabelFr(p.type) : analysis::poleTypeLabelEn(p.type);
        const bool anyMasked = masked(p.total) || masked(p.pole) || masked(p.psy) || masked(p.exPsy);
        maskedRows += anyMasked ? 1 : 0;
        const std::string poleShare = masked(p.pole) || masked(p.total) ? maskedText : num(p.poleShare, 4);
        const std::string psyShare = masked(p.psy) || masked(p.total) ? maskedText : num(p.psyShare, 4);
        std::string reason =
            analysis::describeClassification(p, french ? analysis::Language::Fr : analysis::Language::En);
        if (anyMasked)
            reason =
                word(msg("app.classify.reason_masked",
                         {arg::text("label", label), arg::number("threshold", secrecy->secrecyThreshold)}),
                     language);
        out += csvQuote(p.bv, sep) + sep + csvQuote(b ? b->name : std::string(), sep) + sep +
               std::to_string(static_cast<int>(p.type)) + sep + csvQuote(label, sep) + sep + count(p.total) +
               sep + count(p.pole) + sep + count(p.psy) + sep + count(p.exPsy) + sep + poleShare + sep +
               psyShare + sep + csvQuote(reason, sep) + "\n";
    }
    return out;
}

//! A dataset from plain tables (--communes, --professionals), with the mass scale their source calls for.
model::Dataset datasetFromTables(const ClassifyOptions& o, io::SourceMassScale& sourceScale,
                                 Warnings& warnings) {
    model::Dataset ds;
    ds.catalogue =
        o.catalogue.empty() ? model::standardCatalogue().catalogue : model::readCatalogueFile(o.catalogue);
    const int vintage = parseYear(o.common.vintage, "--vintage", 0);
    const auto communesTable = io::readTable(o.communes, {}, &warnings);
    ds.communes = io::readCommuneTable(communesTable, io::CommuneColumns{}, warnings);
    io::TableReadOptions profRead;
    profRead.expectedColumns = {"commune", "profession", "count"};
    const auto profTable = io::readTable(o.professionals, profRead, &warnings);
    io::ProfessionalsColumns cols;
    cols.layout = io::CountsLayout::Long;
    ds.counts = io::readProfessionals(profTable, ds.catalogue, vintage, cols, warnings);
    sourceScale = io::massScaleForSource(profTable, cols);
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

int classify(const ClassifyOptions& o, Context& c) {
    if (o.listParams) {
        for (const auto& [k, v] : model::Parameters().toKeyValues())
            c.out << k << " = " << machineNumber(v) << "\n";
        return 0;
    }
    const std::string& output = required(o.common.output, "output");
    const std::string format =
        parseChoice(o.common.format.empty() ? "csv" : o.common.format, "--format", {"csv", "csv-fr"});
    checkOutputs({output}, {o.common.dataset, o.communes, o.professionals, o.catalogue, o.common.paramsFile});
    Warnings warnings;
    io::SourceMassScale sourceScale;
    const model::Dataset ds = classifyInput(o, sourceScale, warnings);
    const model::Parameters params = classifyParameters(o, ds, sourceScale, warnings);
    const int vintage = o.common.dataset.empty()
                            ? parseYear(o.common.vintage, "--vintage", ds.latestVintage())
                            : datasetVintage(ds, o.common.dataset, o.common.vintage);
    const auto classification = analysis::classifyDataset(ds, vintage, params.poles);
    warnings.insert(warnings.end(), classification.warnings().begin(), classification.warnings().end());
    printWarnings(warnings, c);
    if (classification.poles.empty())
        throw Error(ErrorKind::Format, Location{o.common.dataset.empty() ? o.communes : o.common.dataset},
                    msg("app.classify.no_bassin"));
    int maskedRows = 0;
    io::writeFileAtomically(output,
                            classificationCsv(ds, classification.poles, c.language, format == "csv-fr",
                                              o.common.noSecrecy ? nullptr : &params.density, maskedRows));
    if (maskedRows > 0 && !c.quiet)
        c.err << c.say(msg("app.results.masked", {arg::integer("rows", maskedRows),
                                                  arg::number("threshold", params.density.secrecyThreshold)}))
              << "\n";
    if (!c.quiet)
        printClassifySummary(c, classification.poles, output);
    return 0;
}

} // namespace

Runner declareClassify(CLI::App& sub) {
    auto o = std::make_shared<ClassifyOptions>();
    addAnalysisOptions(sub, o->common,
                       "output CSV, one row per BV: bv, name, type, type_label, total, pole, psy, ex_psy, "
                       "pole_share, psy_share, reason");
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
    sub.add_flag("--list-params", o->listParams, "print the parameter keys and their defaults, and exit");
    return [o](Context& c) { return classify(*o, c); };
}

} // namespace maillage::cli
