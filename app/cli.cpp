#include "app/cli.h"

#include "core/analysis/density.h"
#include "core/analysis/poles.h"
#include "core/demo/demo.h"
#include "core/io/atomic_file.h"
#include "core/io/geo.h"
#include "core/io/gpkg.h"
#include "core/io/import.h"
#include "core/io/importers.h"
#include "core/io/parameters_json.h"
#include "core/io/read_file.h"
#include "core/io/table.h"
#include "core/model/error.h"
#include "core/model/text.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <iterator>
#include <locale>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <sys/stat.h>

namespace maillage::cli {

namespace {

// The version is the CMake project's, passed by app/CMakeLists.txt.
const char* const kVersion = MAILLAGE_VERSION;

//! A usage error: exit status 2.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

//! Minimal option parser: --name value, --name=value, flags, repeatable options.
class Options {
public:
    Options(const std::vector<std::string>& args, std::size_t first, const std::set<std::string>& valued,
            const std::set<std::string>& flags) {
        for (std::size_t i = first; i < args.size(); ++i) {
            std::string a = args[i];
            if (a.rfind("--", 0) != 0)
                throw UsageError("unexpected argument '" + a + "'");
            std::string value;
            bool hasValue = false;
            const auto eq = a.find('=');
            if (eq != std::string::npos) {
                value = a.substr(eq + 1);
                a = a.substr(0, eq);
                hasValue = true;
            }
            const std::string name = a.substr(2);
            if (flags.count(name)) {
                if (hasValue)
                    throw UsageError("option --" + name + " takes no value");
                m_values[name].push_back("1");
            } else if (valued.count(name)) {
                if (!hasValue) {
                    if (i + 1 >= args.size())
                        throw UsageError("option --" + name + " needs a value");
                    value = args[++i];
                }
                m_values[name].push_back(value);
            } else {
                throw UsageError("unknown option --" + name);
            }
        }
    }
    bool has(const std::string& n) const { return m_values.count(n) > 0; }
    std::string get(const std::string& n, const std::string& fallback = {}) const {
        const auto it = m_values.find(n);
        return it == m_values.end() ? fallback : it->second.back();
    }
    std::vector<std::string> all(const std::string& n) const {
        const auto it = m_values.find(n);
        return it == m_values.end() ? std::vector<std::string>{} : it->second;
    }
    std::string require(const std::string& n) const {
        if (!has(n))
            throw UsageError("missing required option --" + n);
        return get(n);
    }
    double number(const std::string& n, double fallback) const {
        if (!has(n))
            return fallback;
        const auto v = text::parseNumber(get(n));
        if (!v)
            throw UsageError("option --" + n + " expects a number, found '" + get(n) + "'");
        return *v;
    }
    //! A year (vintage, COG): a whole number from 1900 to 2100, or `fallback` when absent.
    int year(const std::string& n, int fallback) const {
        if (!has(n))
            return fallback;
        const double v = number(n, 0);
        if (v < 1900 || v > 2100 || v != static_cast<int>(v))
            throw UsageError("option --" + n + " expects a year from 1900 to 2100, found '" + get(n) + "'");
        return static_cast<int>(v);
    }

private:
    std::map<std::string, std::vector<std::string>> m_values;
};

// ---------------------------------------------------------------- help texts

const char* const kMainHelp =
    R"(Maillage — pôles d'offre de soins, maillage and Crunch diagnostics of bassins de vie.

Usage:
  maillage [DATASET.gpkg] [--lang fr|en]      start the desktop application (the demo dataset by default)
  maillage <command> [options]                run a command without a display

Commands:
  import     build a dataset GeoPackage from official files (communes, BV table, population, professionals)
  classify   classify bassins de vie into pôle types (from a dataset or from plain tables) into a CSV
  summary    number of pôles per type and région (or département) of a dataset
  demo       write the fictional demo dataset as a GeoPackage

Desktop application options:
  --demo                     open the demonstration dataset
  --lang fr|en               interface language (default: the one chosen in the application, else French)
  --panel NAME               panel to show first: poles, crunch, maillage or densites
  --select CODE              select a bassin de vie by its code once the dataset is shown
  --screenshot FILE.png      save the window once the map is drawn, then quit
  --export FILE              export the map view (PDF, PNG or SVG), then quit
  --orientation landscape|portrait   page of --export (default: landscape)
  --bench-startup            print the milliseconds to the first drawn map, then quit

Run 'maillage <command> --help' for the options of a command.
)";

const char* const kImportHelp = R"(Usage: maillage import --communes FILE --output DATASET.gpkg [options]

Builds a dataset GeoPackage (opens in QGIS as it is) from official files. Bassins de vie are
dissolved from their communes. What does not match between files is reported, never dropped silently.

Inputs:
  --communes FILE            commune polygons (GeoPackage, Shapefile, GeoJSON...) or a table (CSV, XLSX)
  --layer NAME               layer of the communes file (default: the first)
  --code-field NAME          commune code field (default: code; tried: insee_com, codgeo, code_insee)
  --name-field NAME          commune name field (default: nom; tried: name, nom_com, libgeo)
  --bassins FILE             INSEE commune -> bassin de vie table (CODGEO, BV2012 or BV2022, LIBBV..., DEP, REG)
  --bv-column NAME           BV column of that table: BV2012 or BV2022 (default: detected)
  --population FILE          population table
  --population-code NAME     its commune code column (default: codgeo)
  --population-column NAME   its population column (default: population)
  --professionals FILE:YEAR  counts of professionals for the vintage YEAR (repeatable: one per vintage).
                             Long tables (commune, profession, count) or wide (one column per BPE code).
  --professionals-layout L   auto (default), long or wide
  --catalogue FILE           profession catalogue CSV (default: the built-in one)
  --zone-professionals FILE:YEAR  counts per infra-communal zone (IRIS, quartier), e.g. INSEE's BPE by IRIS
                             (DCIRIS, DEPCOM, TYPEQU, NB_EQUIP), for the drill-down below the commune;
                             give the commune counts of the same year with --professionals too
  --zone-column NAME         zone code column (default: dciris)
Filters and metadata:
  --region CODE              keep only the communes of this région
  --departement CODES        keep only these départements (comma separated)
  --title TEXT               title of the dataset
  --source TEXT              a source line for captions (repeatable), e.g. "INSEE, BPE 2013"
  --cog-year YEAR            vintage of the commune list (COG)
Output:
  --output FILE              the dataset GeoPackage (written to a temporary file, then renamed)
  --report FILE              also write the warnings and join reports to this text file
  Outputs are checked before anything is read: an output that is an input (or a link to one), a
  symbolic link (give the file's own path), a device or a missing folder is refused, and nothing is
  written. A temporary file left by an interrupted import is removed by the next one.
  --quiet                    no progress on the standard error
)";

const char* const kClassifyHelp = R"(Usage:
  maillage classify --dataset DATASET.gpkg --output poles.csv [options]
  maillage classify --communes communes.csv --professionals professionals.csv --output poles.csv [options]

Classifies each bassin de vie into a pôle type (DOMAIN: 1 pôle de grande métropole, 2 grand pôle,
3 pôle intermédiaire, 4 pôle secondaire, 0 hors pôle) with the reason of each classification.

  --dataset FILE         a dataset written by 'maillage import' (parameters saved in it are used)
  --communes FILE        table with at least the columns code, population, bv
  --professionals FILE   table with the columns commune, profession (canonical code or alias), count
  --catalogue FILE       profession catalogue CSV (default: the built-in one)
  --vintage YEAR         vintage of the counts to classify (default: the latest)
  --params FILE          JSON parameters: {"poles": {"metropole_min": 10000, ...}} or flat keys
                         ("poles.metropole_min"); see 'maillage classify --list-params'
  --mass-scale F         multiplies the four professional-count thresholds (default: the dataset's; from
                         tables, 0.25 for INSEE BPE codes as 'maillage import' sets it, else 1)
  --lang fr|en           language of the reasons (default: fr)
  --format csv|csv-fr    csv: ',' and decimal points (default); csv-fr: ';', decimal commas and a BOM (Excel FR)
  --output FILE          output CSV, one row per BV: bv, name, type, type_label, total, pole, psy, ex_psy,
                         pole_share, psy_share, reason (written to a temporary file, then renamed)
  --no-secrecy           write counts below the statistical-secrecy threshold (default: masked as "<5",
                         with the shares and reasons that would give them back)
  --list-params          print the parameter keys and their defaults, and exit
)";

const char* const kSummaryHelp =
    R"(Usage: maillage summary --dataset DATASET.gpkg [--by region|departement] [--mass-scale F]
                        [--vintage YEAR] [--output FILE.csv]

Prints the number of pôles of each type per région (or département): the table used to compare regions.
)";

const char* const kDemoHelp = R"(Usage: maillage demo --output DATASET.gpkg

Writes the fictional demo dataset (about 1,500 communes, 40 bassins de vie, two vintages) as a GeoPackage.
)";

// ---------------------------------------------------------------- helpers

std::string csvQuote(const std::string& s, char sep) {
    if (s.find_first_of(std::string(1, sep) + "\"\n\r") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char c : s)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

//! A number for machine-readable output: C locale, no thousands separator ("3000", "0.25").
std::string machineNumber(double v) {
    std::ostringstream s;
    s.imbue(std::locale::classic());
    s << std::setprecision(15) << v;
    return s.str();
}

//! Checks every output before the long work: each can be written (its folder exists and is writable, it
//! is no symbolic link, device or folder) and none is an input. Nothing is read or written before.
void checkOutputs(const std::vector<std::string>& outputs, const std::vector<std::string>& inputs) {
    for (const auto& output : outputs) {
        io::checkOutputIsNoInput(output, inputs);
        io::checkOutputPath(output);
    }
    for (std::size_t i = 0; i < outputs.size(); ++i)
        for (std::size_t j = i + 1; j < outputs.size(); ++j)
            io::checkOutputIsNoInput(outputs[j], {outputs[i]});
}

model::ProfessionCatalogue loadCatalogue(const Options& o) {
    if (!o.has("catalogue"))
        return model::standardCatalogue().catalogue;
    return model::readCatalogueFile(o.get("catalogue"));
}

void printWarnings(const Warnings& warnings, std::ostream& err) {
    for (const auto& w : warnings)
        err << "warning: " << w.toString() << "\n";
}

class ConsoleFeedback : public Feedback {
public:
    ConsoleFeedback(std::ostream& err, bool quiet) : m_err(err), m_quiet(quiet) {}
    void setStep(const std::string& step) override {
        if (!m_quiet)
            m_err << "… " << step << std::endl;
    }

private:
    std::ostream& m_err;
    bool m_quiet;
};

// ---------------------------------------------------------------- classify

//! The classification as CSV. With secrecy on (DOMAIN.md §7), counts below the threshold are written
//! "<5", and so is everything that would give them back: the share computed from them and the reason,
//! which quotes the figures. Returns the number of rows that had a masked cell.
std::string classificationCsv(const model::Dataset& ds,
                              const std::vector<analysis::PoleClassification>& poles, bool french,
                              bool excelFr, const model::DensityParameters* secrecy, int& maskedRows) {
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
            reason = label +
                     (french ? " (détail masqué : secret statistique, effectifs inférieurs à "
                             : " (detail masked: statistical secrecy, counts below ") +
                     text::formatEn(secrecy->secrecyThreshold, 0) + ")";
        out += csvQuote(p.bv, sep) + sep + csvQuote(b ? b->name : std::string(), sep) + sep +
               std::to_string(static_cast<int>(p.type)) + sep + csvQuote(label, sep) + sep + count(p.total) +
               sep + count(p.pole) + sep + count(p.psy) + sep + count(p.exPsy) + sep + poleShare + sep +
               psyShare + sep + csvQuote(reason, sep) + "\n";
    }
    return out;
}

int classify(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    const Options o(args, 2,
                    {"dataset", "communes", "professionals", "catalogue", "vintage", "params", "mass-scale",
                     "lang", "format", "output"},
                    {"help", "list-params", "no-secrecy"});
    if (o.has("help")) {
        out << kClassifyHelp;
        return 0;
    }
    if (o.has("list-params")) {
        for (const auto& [k, v] : model::Parameters().toKeyValues())
            out << k << " = " << machineNumber(v) << "\n";
        return 0;
    }
    const std::string output = o.require("output");
    const std::string lang = o.get("lang", "fr");
    if (lang != "fr" && lang != "en")
        throw UsageError("--lang expects fr or en, found '" + lang + "'");
    const std::string format = o.get("format", "csv");
    if (format != "csv" && format != "csv-fr")
        throw UsageError("--format expects csv or csv-fr, found '" + format + "'");

    checkOutputs({output}, {o.get("dataset"), o.get("communes"), o.get("professionals"), o.get("catalogue"),
                            o.get("params")});

    model::Dataset ds;
    Warnings warnings;
    io::SourceMassScale sourceScale;
    if (o.has("dataset")) {
        if (o.has("communes") || o.has("professionals"))
            throw UsageError("give either --dataset or --communes with --professionals, not both");
        ds = io::readDataset(o.get("dataset"));
    } else {
        if (!o.has("communes") || !o.has("professionals"))
            throw UsageError("give --dataset, or both --communes and --professionals");
        ds.catalogue = loadCatalogue(o);
        const int vintage = o.year("vintage", 0);
        const auto communesTable = io::readTable(o.get("communes"), {}, &warnings);
        ds.communes = io::readCommuneTable(communesTable, io::CommuneColumns{}, warnings);
        io::TableReadOptions profRead;
        profRead.expectedColumns = {"commune", "profession", "count"};
        const auto profTable = io::readTable(o.get("professionals"), profRead, &warnings);
        io::ProfessionalsColumns cols;
        cols.layout = io::CountsLayout::Long;
        ds.counts = io::readProfessionals(profTable, ds.catalogue, vintage, cols, warnings);
        sourceScale = io::massScaleForSource(profTable, cols);
        ds.rebuildBassins();
        const auto join =
            io::checkCountsJoin(ds.counts, ds.communes, o.get("professionals"), o.get("communes"));
        if (!join.ok())
            err << "warning: " << join.summaryEn() << "\n";
        for (const auto& c : ds.counts)
            if (std::find(ds.meta.vintages.begin(), ds.meta.vintages.end(), c.vintage) ==
                ds.meta.vintages.end())
                ds.meta.vintages.push_back(c.vintage);
        std::sort(ds.meta.vintages.begin(), ds.meta.vintages.end());
    }
    model::Parameters params = ds.params;
    if (o.has("params"))
        params = io::readParametersJson(o.get("params"), params);
    if (o.has("mass-scale")) {
        params.poles.massScale = o.number("mass-scale", 1.0);
        params.validate("--mass-scale");
    } else if (sourceScale.scale != 1 && params.poles.massScale == 1) {
        params.poles.massScale = sourceScale.scale; // as the import would (io::massScaleForSource)
        warnings.push_back(Warning{ErrorKind::Parameter,
                                   Location{o.get("professionals")},
                                   sourceScale.reason + "; --mass-scale 1 keeps the study's thresholds",
                                   {}});
    }
    int vintage = o.has("vintage") ? o.year("vintage", 0) : ds.latestVintage();
    if (o.has("vintage") && o.has("dataset") &&
        std::find(ds.meta.vintages.begin(), ds.meta.vintages.end(), vintage) == ds.meta.vintages.end()) {
        std::string known;
        for (int v : ds.meta.vintages)
            known += (known.empty() ? "" : ", ") + std::to_string(v);
        throw Error(ErrorKind::Parameter, {o.get("dataset"), 0, "", -1},
                    "no counts for vintage " + std::to_string(vintage) + " (vintages present: " + known +
                        ")");
    }
    const auto classification = analysis::classifyDataset(ds, vintage, params.poles);
    warnings.insert(warnings.end(), classification.warnings().begin(), classification.warnings().end());
    const auto& poles = classification.poles;
    printWarnings(warnings, err);
    if (poles.empty())
        throw Error(ErrorKind::Format, {o.has("dataset") ? o.get("dataset") : o.get("communes"), 0, "", -1},
                    "no bassin de vie to classify (expected communes with a bv code)");
    int maskedRows = 0;
    io::writeFileAtomically(output,
                            classificationCsv(ds, poles, lang == "fr", format == "csv-fr",
                                              o.has("no-secrecy") ? nullptr : &params.density, maskedRows));
    if (maskedRows > 0)
        err << maskedRows << " row(s) with counts below "
            << text::formatEn(params.density.secrecyThreshold, 0)
            << " masked (statistical secrecy; --no-secrecy to write them)\n";
    std::array<int, analysis::kPoleTypeCount> byType{};
    for (const auto& p : poles)
        ++byType[static_cast<int>(p.type)];
    err << poles.size() << " bassins de vie classified: " << byType[1] << " type 1, " << byType[2]
        << " type 2, " << byType[3] << " type 3, " << byType[4] << " type 4, " << byType[0]
        << " hors pôle -> " << output << "\n";
    return 0;
}

// ---------------------------------------------------------------- summary

int summary(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    const Options o(args, 2, {"dataset", "by", "mass-scale", "vintage", "output"}, {"help"});
    if (o.has("help")) {
        out << kSummaryHelp;
        return 0;
    }
    if (o.has("output"))
        checkOutputs({o.get("output")}, {o.require("dataset")});
    const auto ds = io::readDataset(o.require("dataset"));
    const std::string by = o.get("by", "region");
    if (by != "region" && by != "departement")
        throw UsageError("--by expects region or departement, found '" + by + "'");
    auto params = ds.params;
    if (o.has("mass-scale")) {
        params.poles.massScale = o.number("mass-scale", 1.0);
        params.validate("--mass-scale");
    }
    const int vintage = o.has("vintage") ? o.year("vintage", 0) : ds.latestVintage();
    const auto classification = analysis::classifyDataset(ds, vintage, params.poles);
    printWarnings(classification.warnings(), err);
    const auto& poles = classification.poles;
    const auto table = analysis::summarizeByGroup(poles, [&](const std::string& bv) {
        const model::Bassin* b = ds.bassin(bv);
        return b ? (by == "region" ? b->reg : b->dep) : std::string();
    });
    const auto& names = by == "region" ? ds.regionNames : ds.departementNames;
    std::ostringstream csv;
    csv << by << ",name,type1,type2,type3,type4,poles,hors_pole\n";
    auto row = [&](const std::string& key, const std::string& name, const std::array<int, 5>& n) {
        csv << csvQuote(key, ',') << "," << csvQuote(name, ',') << "," << n[1] << "," << n[2] << "," << n[3]
            << "," << n[4] << "," << (n[1] + n[2] + n[3] + n[4]) << "," << n[0] << "\n";
    };
    for (const auto& [key, n] : table.byGroup) {
        const auto it = names.find(key);
        row(key, it == names.end() ? std::string() : it->second, n);
    }
    row("all", "", table.all);
    if (o.has("output"))
        io::writeFileAtomically(o.get("output"), csv.str());
    else
        out << csv.str();
    return 0;
}

// ---------------------------------------------------------------- import

//! "FILE:YEAR" -> a professionals source. Throws UsageError naming `option` otherwise.
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
        throw UsageError(std::string(option) + " expects FILE:YEAR (e.g. bpe2013.csv:2013), found '" + spec +
                         "'");
    return src;
}

//! Every file an import reads, for checkOutputs.
std::vector<std::string> importInputs(const io::ImportOptions& opt) {
    std::vector<std::string> inputs = {opt.communesPath, opt.bassinsPath, opt.populationPath,
                                       opt.cataloguePath};
    for (const auto& src : opt.professionals)
        inputs.push_back(src.path);
    for (const auto& src : opt.zoneProfessionals)
        inputs.push_back(src.path);
    return inputs;
}

//! The import's options from the command line.
io::ImportOptions importOptions(const Options& o) {
    io::ImportOptions opt;
    opt.communesPath = o.require("communes");
    opt.polygons.layer = o.get("layer");
    if (o.has("code-field"))
        opt.polygons.codeField = o.get("code-field");
    if (o.has("name-field"))
        opt.polygons.nameField = o.get("name-field");
    opt.bassinsPath = o.get("bassins");
    opt.bvColumn = o.get("bv-column");
    opt.populationPath = o.get("population");
    if (o.has("population-code"))
        opt.populationCode = o.get("population-code");
    if (o.has("population-column"))
        opt.populationColumn = o.get("population-column");
    io::CountsLayout layout = io::CountsLayout::Auto;
    const std::string layoutName = o.get("professionals-layout", "auto");
    if (layoutName == "long")
        layout = io::CountsLayout::Long;
    else if (layoutName == "wide")
        layout = io::CountsLayout::Wide;
    else if (layoutName != "auto")
        throw UsageError("--professionals-layout expects auto, long or wide, found '" + layoutName + "'");
    for (const std::string& spec : o.all("professionals")) {
        io::ProfessionalsSource src = professionalsSource(spec, "--professionals");
        src.columns.layout = layout;
        opt.professionals.push_back(src);
    }
    for (const std::string& spec : o.all("zone-professionals"))
        opt.zoneProfessionals.push_back(professionalsSource(spec, "--zone-professionals"));
    opt.zoneColumn = o.get("zone-column");
    opt.cataloguePath = o.get("catalogue");
    opt.regionFilter = o.get("region");
    opt.departementFilter = o.get("departement");
    opt.title = o.get("title");
    opt.sources = o.all("source");
    opt.cogYear = o.year("cog-year", 0);
    opt.createdBy = std::string("Maillage ") + kVersion;
    return opt;
}

//! The warnings and join reports of an import, as printed and written by --report.
std::string importReportText(const io::ImportReport& report) {
    std::ostringstream rep;
    for (const auto& w : report.warnings)
        rep << "warning: " << w.toString() << "\n";
    for (const auto& j : report.joins)
        if (!j.ok())
            rep << "join: " << j.summaryEn(50) << "\n";
    return rep.str();
}

int import(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    const Options o(args, 2,
                    {"communes",
                     "layer",
                     "code-field",
                     "name-field",
                     "bassins",
                     "bv-column",
                     "population",
                     "population-code",
                     "population-column",
                     "professionals",
                     "professionals-layout",
                     "catalogue",
                     "zone-professionals",
                     "zone-column",
                     "region",
                     "departement",
                     "title",
                     "source",
                     "cog-year",
                     "output",
                     "report"},
                    {"help", "quiet"});
    if (o.has("help")) {
        out << kImportHelp;
        return 0;
    }
    const io::ImportOptions opt = importOptions(o);
    const std::string output = o.require("output");
    checkOutputs(o.has("report") ? std::vector<std::string>{output, o.get("report")}
                                 : std::vector<std::string>{output},
                 importInputs(opt));

    ConsoleFeedback feedback(err, o.has("quiet"));
    io::ImportReport report;
    const auto t0 = std::chrono::steady_clock::now();
    model::Dataset ds = io::importDataset(opt, report, &feedback);
    const std::string reportText = importReportText(report);
    // The report is written first to its temporary, and put in place only with the dataset: both or none.
    std::optional<io::PendingFile> reportFile;
    if (o.has("report"))
        reportFile.emplace(o.get("report"), reportText);
    feedback.setStep("Écriture de " + output);
    io::writeDataset(ds, output, &feedback);
    if (reportFile)
        reportFile->commit();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    err << reportText;
    err << ds.communes.size() << " communes, " << ds.bassins.size() << " bassins de vie, " << ds.counts.size()
        << " counts -> " << output << " (" << text::formatEn(seconds, 1) << " s)\n";
    return 0;
}

// ---------------------------------------------------------------- demo

int demo(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    const Options o(args, 2, {"output"}, {"help"});
    if (o.has("help")) {
        out << kDemoHelp;
        return 0;
    }
    const std::string output = o.require("output");
    checkOutputs({output}, {});
    model::Dataset ds = demo::makeDemoDataset();
    Warnings warnings;
    io::dissolveBassins(ds, warnings);
    printWarnings(warnings, err);
    io::writeDataset(ds, output);
    err << "demo dataset (fictional): " << ds.communes.size() << " communes, " << ds.bassins.size()
        << " bassins de vie -> " << output << "\n";
    return 0;
}

} // namespace

bool isCliInvocation(int argc, char** argv) {
    if (argc < 2)
        return false;
    static const std::set<std::string> commands = {"import", "classify", "summary", "demo",
                                                   "help",   "--help",   "-h",      "--version"};
    const std::string first = argv[1];
    if (commands.count(first) > 0)
        return true;
    // A word that is neither an option nor a file the desktop application could open is a mistyped
    // command: say so here (exit 2) rather than start the GUI, which aborts without a display.
    struct stat st {};
    const bool looksLikePath = first.find('/') != std::string::npos || first.find('.') != std::string::npos ||
                               first.find(':') != std::string::npos || ::stat(first.c_str(), &st) == 0;
    return !first.empty() && first[0] != '-' && !looksLikePath;
}

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (args.size() < 2 || args[1] == "help" || args[1] == "--help" || args[1] == "-h") {
        out << kMainHelp;
        return 0;
    }
    if (args[1] == "--version") {
        out << "maillage " << kVersion << "\n";
        return 0;
    }
    try {
        io::ensureGdal();
        if (args[1] == "import")
            return import(args, out, err);
        if (args[1] == "classify")
            return classify(args, out, err);
        if (args[1] == "summary")
            return summary(args, out, err);
        if (args[1] == "demo")
            return demo(args, out, err);
        err << "maillage: unknown command '" << args[1] << "'\nRun 'maillage --help' for the commands.\n";
        return 2;
    } catch (const UsageError& e) {
        err << "maillage " << args[1] << ": " << e.what() << "\nRun 'maillage " << args[1]
            << " --help' for the options.\n";
        return 2;
    } catch (const Error& e) {
        err << "maillage " << args[1] << ": error: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        err << "maillage " << args[1] << ": unexpected error: " << e.what() << "\n";
        return 1;
    }
}

} // namespace maillage::cli
