// maillage crunch: the Crunch diagnosis of a selection of bassins de vie (DOMAIN.md §5).
#include "app/commands.h"

#include "core/analysis/change.h"
#include "core/analysis/crunch.h"
#include "core/analysis/result_tables.h"
#include "core/io/result_json.h"
#include "core/io/table_writer.h"
#include "core/model/text.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <memory>

namespace maillage::cli {

namespace {

struct CrunchOptions {
    AnalysisOptions common;
    std::string scope = "all", from, to;
    bool earlyWarning = false; //!< --early-warning: the table of the pôles at risk only
    bool brief = false;        //!< --brief: the diagnosis to read aloud, on the standard output
};

//! The brief diagnosis (describeCrunchBriefly), one sentence a line, as secrecy allows it to be worded.
void printBrief(const analysis::CrunchDiagnostics& d, const analysis::SecrecyRule& rule, Context& c) {
    const analysis::CrunchMask mask = analysis::maskCrunch(d, rule);
    if (mask.diagnosis) {
        c.out << c.say(msg("app.crunch.brief_withheld")) << "\n";
        return;
    }
    for (const std::string& sentence :
         analysis::describeCrunchBriefly(analysis::publishableCrunch(d, mask), c.language))
        c.out << sentence << "\n";
}

//! The BVs of `scope` (all, region:CODE, departement:CODE, bv:CODE,CODE...); empty = all BVs. Throws
//! UsageError for another form and Error(Value) naming the scope when it holds no BV of the dataset.
std::vector<std::string> scopeBassins(const model::Dataset& ds, const std::string& scope) {
    if (scope == "all")
        return {};
    const auto colon = scope.find(':');
    const std::string kind = colon == std::string::npos ? scope : scope.substr(0, colon);
    if (colon == std::string::npos || colon + 1 == scope.size() ||
        (kind != "region" && kind != "departement" && kind != "bv"))
        throw UsageError(msg("app.crunch.scope_syntax", {arg::text("value", scope)}));
    const std::string codes = scope.substr(colon + 1);
    std::vector<std::string> out;
    if (kind == "bv") {
        for (const std::string& code : text::split(codes, ','))
            if (ds.bassin(code))
                out.push_back(code);
    } else {
        for (const model::Bassin& b : ds.bassins)
            if ((kind == "region" ? b.reg : b.dep) == codes)
                out.push_back(b.code);
    }
    if (out.empty())
        throw Error(ErrorKind::Value, Location{}, msg("app.crunch.scope_empty", {arg::code("scope", scope)}));
    return out;
}

//! True when the run writes the JSON document: --format json, or no --format and an output ending in
//! ".json" (".geojson" and --format geojson keep the tables as GeoJSON files).
bool writesJsonDocument(const AnalysisOptions& o) {
    std::string format = o.format;
    std::transform(format.begin(), format.end(), format.begin(),
                   [](unsigned char ch) { return std::tolower(ch); });
    if (!format.empty())
        return format == "json";
    const std::string& out = o.output;
    if (out.size() < 5)
        return false;
    std::string ext = out.substr(out.size() - 5);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char ch) { return std::tolower(ch); });
    return ext == ".json";
}

const char* drainName(analysis::DrainSignature s) {
    switch (s) {
    case analysis::DrainSignature::Visible:
        return "visible";
    case analysis::DrainSignature::Absent:
        return "absent";
    case analysis::DrainSignature::Unclear:
        return "unclear";
    case analysis::DrainSignature::TooFew:
        return "too_few";
    case analysis::DrainSignature::Unknown:
        break;
    }
    return "unknown";
}

//! The first table of `tables` named `name`; nullptr when absent.
const io::ResultTable* tableNamed(const std::vector<io::ResultTable>& tables, const std::string& name) {
    for (const io::ResultTable& t : tables)
        if (t.name == name)
            return &t;
    return nullptr;
}

//! The Crunch diagnosis as one JSON document (docs/CLI.md, "crunch --output F.json"): the figures of the
//! tables crunchTables writes, under the same keys and with the same secrecy (masked values null, a
//! "masked" flag on each object), grouped by what they say.
std::string crunchDocument(const AnalysisRun& run, const std::string& scope,
                           const std::vector<std::string>& selection, const analysis::CrunchDiagnostics& d,
                           Language language) {
    const auto tables = analysis::crunchTables(run.dataset, d, run.secrecy, language);
    const analysis::CrunchMask mask = analysis::maskCrunch(d, run.secrecy);
    const analysis::CrunchDiagnostics shown = analysis::publishableCrunch(d, mask);
    CPLJSONDocument document;
    CPLJSONObject root = document.GetRoot();
    root.Add("format", "maillage-crunch");
    root.Add("version", 1);
    root.Add("scope", scope);
    CPLJSONArray bassins;
    for (const std::string& code : selection.empty() ? d.bassins : selection)
        bassins.Add(code);
    root.Add("bassins", bassins);
    if (d.hasEvolution)
        root.Add("from", d.vintageFrom);
    else
        root.AddNull("from");
    root.Add("to", run.vintage);
    root.Add("language", language == Language::Fr ? "fr" : "en");
    const io::ResultTable& types = *tableNamed(tables, "crunch_types");
    root.Add("secrecy", io::secrecyJson(types, language));
    root.Add("types", io::rowsJson(types));
    const io::ResultTable& concentration = *tableNamed(tables, "crunch_concentration");
    CPLJSONObject primacy = io::rowJson(concentration, 0,
                                        {"first_pole", "first_pole_name", "first_mass", "second_pole",
                                         "second_pole_name", "second_mass", "primacy", "macrocephalic"});
    primacy.Add("macrocephaly_threshold", d.findings.macrocephalyThreshold);
    root.Add("primacy", primacy);
    root.Add("concentration",
             io::rowJson(concentration, 0,
                         {"first_pole_share", "herfindahl", "equivalent_poles", "total_professionals"}));
    CPLJSONArray changes, atRisk;
    if (const io::ResultTable* evolution = tableNamed(tables, "crunch_evolution")) {
        root.Add("evolution", io::rowJson(*evolution, 0, {"pole_change_percent", "non_pole_change_percent"}));
        CPLJSONObject drain = io::rowJson(*evolution, 0, {"drain_correlation", "correlation_points"});
        drain.Add("signature", drainName(shown.findings.drain));
        root.Add("drain", drain);
        changes = io::rowsJson(*tableNamed(tables, "crunch_changes"));
        atRisk = io::rowsJson(analysis::earlyWarningTable(d, run.secrecy, language));
    } else {
        root.AddNull("evolution");
        root.AddNull("drain");
    }
    root.Add("change", changes);
    root.Add("at_risk", atRisk);
    const io::ResultTable& diagnosisTable = *tableNamed(tables, "crunch_diagnosis");
    CPLJSONObject diagnosis;
    diagnosis.Add("withheld", mask.diagnosis);
    diagnosis.Add("text", diagnosisTable.rows.at(0).cells.at(0).text);
    CPLJSONArray sentences, notes;
    if (!mask.diagnosis)
        for (const std::string& sentence : analysis::describeCrunchBriefly(shown, language))
            sentences.Add(sentence);
    for (const Message& note : diagnosisTable.notes)
        notes.Add(word(note, language));
    diagnosis.Add("sentences", sentences);
    diagnosis.Add("notes", notes);
    root.Add("diagnosis", diagnosis);
    return root.Format(CPLJSONObject::PrettyFormat::Pretty) + "\n";
}

int crunch(const CrunchOptions& o, Context& c) {
    AnalysisOptions common = o.common;
    const bool json = !o.brief && !o.earlyWarning && writesJsonDocument(common);
    if (json)
        common.format = "csv"; // the document goes wherever text goes ("-", a pipe, a file)
    if (!o.to.empty())
        common.vintage = o.to; // --to is the vintage diagnosed; --vintage says the same
    if (o.brief && common.output.empty())
        common.output = "-"; // the sentences go to the standard output; no table is written
    const int from = parseYear(o.from, "--from", 0);
    const AnalysisRun run = prepareAnalysis(common, c);
    if (from != 0)
        datasetVintage(run.dataset, o.common.dataset, o.from);
    const auto selection = scopeBassins(run.dataset, o.scope);
    const auto diagnostics = analysis::diagnoseCrunch(run.dataset, selection, run.params.poles,
                                                      run.params.crunch, run.vintage, from);
    printWarnings(diagnostics.warnings, c);
    if (o.brief) {
        printBrief(diagnostics, run.secrecy, c);
        return 0;
    }
    if (o.earlyWarning) {
        if (from == 0)
            throw UsageError(msg("app.crunch.early_warning_needs_from"));
        writeResults({analysis::earlyWarningTable(diagnostics, run.secrecy, c.language)}, common, run, c);
        return 0;
    }
    if (json) {
        const auto paths = io::writeDocument(crunchDocument(run, o.scope, selection, diagnostics, c.language),
                                             common.output, c.out);
        if (!c.quiet && !paths.empty())
            c.err << c.say(msg("app.results.written_document", {arg::list("paths", paths)})) << "\n";
        return 0;
    }
    writeResults(analysis::crunchTables(run.dataset, diagnostics, run.secrecy, c.language), common, run, c);
    return 0;
}

} // namespace

Runner declareCrunch(CLI::App& sub) {
    auto o = std::make_shared<CrunchOptions>();
    addAnalysisOptions(
        sub, o->common,
        "output (- for the standard output): pôles per type against the mean région or département (the "
        "départements and régions the data hold whole) or the share of the data's bassins de vie, primacy, "
        "first-pôle share, Herfindahl, change per BV, drain, pôles at risk and the diagnosis, one "
        "table each (sheets or layers of xlsx, ods, gpkg; <stem>_<table> files beside a csv); F.json or "
        "--format json: one JSON document with every figure (masked values null, flagged)");
    sub.add_option("--scope", o->scope, "all (default), region:CODE, departement:CODE or bv:CODE,CODE...")
        ->type_name("SCOPE");
    sub.add_option("--from", o->from, "earlier vintage: change per BV, drain and pôles at risk")
        ->type_name("YEAR");
    sub.add_option("--to", o->to, "vintage diagnosed (default: the latest)")->type_name("YEAR");
    sub.add_flag("--early-warning", o->earlyWarning,
                 "with --from: only the table of the small pôles losing professionals near a large one, each "
                 "with its sentence");
    sub.add_flag("--brief", o->brief,
                 "print the diagnosis to read aloud (3 to 6 short sentences) instead of writing tables");
    return [o](Context& c) { return crunch(*o, c); };
}

} // namespace maillage::cli
