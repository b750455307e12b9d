#include "app/cli_common.h"

#include "core/io/postgis.h"

#include "core/analysis/change.h"
#include "core/io/atomic_file.h"
#include "core/io/gpkg.h"
#include "core/io/parameters_json.h"
#include "core/model/text.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cmath>
#include <ostream>

namespace maillage::cli {

const char* version() {
    return MAILLAGE_VERSION;
}

UsageError::UsageError(Message m) : std::runtime_error(word(m, Language::En)), message(std::move(m)) {}

void addAnalysisOptions(CLI::App& sub, AnalysisOptions& o, const std::string& outputHelp) {
    sub.add_option("--dataset", o.dataset,
                   "a dataset written by 'maillage import' (its saved parameters are used): a GeoPackage, or "
                   "\"PG:service=NAME schema=NAME\" for one in PostgreSQL")
        ->type_name("FILE");
    sub.add_option("--params", o.paramsFile,
                   "JSON parameters over the dataset's: {\"poles\": {\"metropole_min\": 10000}} or flat keys")
        ->type_name("FILE");
    sub.add_option("--set", o.sets,
                   "one parameter over the dataset's and --params' (repeatable), e.g. "
                   "--set density.secrecy_threshold=11; see 'maillage classify --list-params'")
        ->type_name("KEY=VALUE");
    sub.add_option("--vintage", o.vintage, "vintage of the counts (default: the latest)")->type_name("YEAR");
    sub.add_flag(
        "--no-secrecy", o.noSecrecy,
        "write counts below the statistical-secrecy threshold (default: masked, with everything that "
        "would give them back)");
    sub.add_option("--output", o.output, outputHelp)->type_name("FILE");
    sub.add_option("--format", o.format,
                   "csv (default), csv-fr (';', decimal commas, BOM), xlsx, ods, gpkg or geojson "
                   "(default: from the output's extension)")
        ->type_name("FORMAT");
}

void addProfessionOption(CLI::App& sub, std::string& profession) {
    sub.add_option("--profession", profession,
                   "profession code or alias of the catalogue, or all (every profession)")
        ->type_name("CODE|all")
        // Given empty (a shell variable unset), not missing: said so (CLI11 lets a UsageError through).
        ->each([](const std::string& value) {
            if (value.empty())
                throw UsageError(msg("app.usage.empty_profession"));
        });
}

std::string professionOf(const std::string& option) {
    const std::string& profession = required(option, "profession");
    return profession == "all" ? std::string() : profession;
}

model::Parameters parametersOver(const model::Parameters& saved, const std::string& paramsFile,
                                 const std::vector<std::string>& sets) {
    model::Parameters params = paramsFile.empty() ? saved : io::readParametersJson(paramsFile, saved);
    if (sets.empty())
        return params;
    auto kv = params.toKeyValues();
    for (const std::string& set : sets) {
        const auto eq = set.find('=');
        if (eq == std::string::npos || eq == 0)
            throw UsageError(msg("app.usage.set_syntax", {arg::text("value", set)}));
        const auto value = text::parseNumber(set.substr(eq + 1));
        if (!value)
            throw UsageError(msg("app.usage.set_number", {arg::code("key", set.substr(0, eq)),
                                                          arg::text("value", set.substr(eq + 1))}));
        kv[set.substr(0, eq)] = *value;
    }
    return model::Parameters::fromKeyValues(kv, "--set");
}

const std::string& required(const std::string& value, const char* name) {
    if (value.empty())
        throw UsageError(msg("app.usage.missing_option", {arg::text("option", std::string("--") + name)}));
    return value;
}

double parseNumberOption(const std::string& text, const char* option) {
    const auto v = text::parseNumber(text);
    if (!v)
        throw UsageError(
            msg("app.usage.expects_number", {arg::text("option", option), arg::text("value", text)}));
    return *v;
}

int parseYear(const std::string& text, const char* option, int fallback) {
    if (text.empty())
        return fallback;
    const auto v = text::parseNumber(text);
    if (!v || *v < 1900 || *v > 2100 || *v != std::floor(*v))
        throw UsageError(
            msg("app.usage.expects_year", {arg::text("option", option), arg::text("value", text)}));
    return static_cast<int>(*v);
}

const std::string& parseChoice(const std::string& text, const char* option,
                               const std::vector<std::string>& choices) {
    if (std::find(choices.begin(), choices.end(), text) == choices.end())
        throw UsageError(
            msg("app.usage.expects_choice",
                {arg::text("option", option), arg::list("choices", choices), arg::text("value", text)}));
    return text;
}

int datasetVintage(const model::Dataset& ds, const std::string& datasetPath, const std::string& text) {
    if (text.empty())
        return analysis::defaultVintage(ds); // not a sparse register added as the newest year
    const int vintage = parseYear(text, "--vintage", 0);
    const auto& present = ds.meta.vintages;
    if (std::find(present.begin(), present.end(), vintage) == present.end()) {
        std::vector<std::string> known;
        for (int v : present)
            known.push_back(std::to_string(v));
        throw Error(ErrorKind::Parameter, Location{datasetPath},
                    msg("app.vintage_absent",
                        {arg::text("vintage", std::to_string(vintage)), arg::list("present", known)}));
    }
    return vintage;
}

std::string csvQuote(const std::string& s, char sep) {
    if (s.find_first_of(std::string(1, sep) + "\"\n\r") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char c : s)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

void checkOutputs(const std::vector<std::string>& outputs, const std::vector<std::string>& inputs,
                  bool standardOutput) {
    std::vector<std::string> files;
    for (const auto& output : outputs) {
        if (io::isPostgisDataset(output))
            io::parsePostgisLocation(output); // a dataset in PostgreSQL: written by a schema switch, no file
        else if (!standardOutput || output != "-")
            files.push_back(output);
    }
    for (const auto& output : files) {
        io::checkOutputIsNoInput(output, inputs);
        io::checkOutputPath(output);
    }
    for (std::size_t i = 0; i < files.size(); ++i)
        for (std::size_t j = i + 1; j < files.size(); ++j)
            io::checkOutputIsNoInput(files[j], {files[i]});
}

std::string warningLine(const Warning& w, const Context& c) {
    return c.say(msg("app.warning")) + " " + w.describe(c.language);
}

void printWarnings(const Warnings& warnings, const Context& c) {
    if (c.quiet)
        return;
    for (const auto& w : warnings)
        c.err << warningLine(w, c) << "\n";
}

// ---------------------------------------------------------------- analyses

io::TableFormat outputFormat(const AnalysisOptions& o) {
    io::TableFormat format = io::TableFormat::Csv;
    if (o.format.empty())
        return io::tableFormatForPath(o.output, io::TableFormat::Csv);
    if (!io::parseTableFormat(o.format, format))
        throw UsageError(msg("app.usage.expects_choice",
                             {arg::text("option", "--format"), arg::list("choices", io::tableFormatNames()),
                              arg::text("value", o.format)}));
    return format;
}

void checkAnalysisOutput(const std::string& output, io::TableFormat format,
                         const std::vector<std::string>& inputs) {
    // An input first (a link to an input is named as such), then what the path is.
    if (output != "-" && !io::isDatabaseConnection(output))
        io::checkOutputIsNoInput(output, inputs);
    io::checkTableOutput(output, format);
}

AnalysisRun prepareAnalysis(const AnalysisOptions& o, const Context& c, bool withGeometries) {
    AnalysisRun run;
    const std::string& dataset = required(o.dataset, "dataset");
    const std::string& output = required(o.output, "output");
    run.write.format = outputFormat(o);
    run.write.language = c.language;
    checkAnalysisOutput(output, run.write.format, {dataset, o.paramsFile});
    // Most analysis tables need no polygon (anchors are stored): attributes only, much less to read.
    Warnings left; // e.g. a damaged scenarios row left out
    run.dataset = io::readDataset(dataset, io::ReadOptions{withGeometries, &left});
    printWarnings(left, c);
    run.params = parametersOver(run.dataset.params, o.paramsFile, o.sets);
    run.vintage = datasetVintage(run.dataset, dataset, o.vintage);
    run.secrecy =
        o.noSecrecy ? analysis::SecrecyRule::off() : analysis::SecrecyRule::from(run.params.density);
    return run;
}

void writeResults(const std::vector<io::ResultTable>& tables, const AnalysisOptions& o,
                  const AnalysisRun& run, const Context& c) {
    const auto paths = io::writeTables(tables, o.output, run.write, c.out);
    if (c.quiet)
        return;
    long long rows = 0, masked = 0;
    for (const auto& t : tables) {
        rows += static_cast<long long>(t.rows.size());
        masked += t.maskedRows();
    }
    if (masked > 0)
        c.err << c.say(msg("app.results.masked",
                           {arg::integer("rows", masked), arg::number("threshold", run.secrecy.threshold)}))
              << "\n";
    if (!paths.empty()) // on the standard output, the table speaks for itself
        c.err << c.say(msg("app.results.written", {arg::integer("rows", rows), arg::list("paths", paths)}))
              << "\n";
}

// ---------------------------------------------------------------- progress

ConsoleFeedback::ConsoleFeedback(std::ostream& err, bool quiet, bool terminal, Language language)
    : m_err(err), m_quiet(quiet), m_terminal(terminal), m_language(language) {}

ConsoleFeedback::~ConsoleFeedback() {
    // A run that stopped half-way (an error) ends its bar's line, so that the message starts on its own.
    if (m_ticks >= 0 && m_ticks < 40)
        m_err << std::endl;
}

void ConsoleFeedback::setStep(const Message& step) {
    if (!m_quiet && !m_terminal)
        m_err << "… " << word(step, m_language) << std::endl;
}

void ConsoleFeedback::setProgress(double percent) {
    Feedback::setProgress(percent);
    if (m_quiet || !m_terminal || !std::isfinite(percent))
        return;
    // GDAL's GDALTermProgress: a number every 10 %, a dot every 2.5 % between; never backwards.
    const int target = static_cast<int>(std::floor(std::clamp(percent, 0.0, 100.0) / 2.5 + 1e-9));
    while (m_ticks < target) {
        ++m_ticks;
        if (m_ticks % 4 == 0)
            m_err << m_ticks / 4 * 10;
        else
            m_err << '.';
        if (m_ticks == 40)
            m_err << " - done." << std::endl;
    }
    m_err.flush();
}

void ConsoleFeedback::finish() {
    if (m_ticks >= 0 && m_ticks < 40)
        setProgress(100);
}

} // namespace maillage::cli
