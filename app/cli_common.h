#pragma once
// What the subcommands of the command line share: the context of a run (streams, language, --quiet),
// usage errors, the options of every analysis (dataset, parameters, secrecy, output) and progress.
#include "core/analysis/secrecy.h"
#include "core/io/result_table.h"
#include "core/io/table_writer.h"
#include "core/model/dataset.h"
#include "core/model/error.h"
#include "core/model/feedback.h"
#include "core/model/message.h"
#include "core/model/parameters.h"

#include <functional>
#include <iosfwd>
#include <stdexcept>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace maillage::cli {

//! The version of the CMake project (app/CMakeLists.txt passes it).
const char* version();

//! A usage error (exit status 2): a catalogue message, worded in the user's language.
struct UsageError : std::runtime_error {
    explicit UsageError(Message m);
    Message message;
};

//! One run of a subcommand: where it writes, in which language, how talkative.
struct Context {
    std::ostream& out;
    std::ostream& err;
    Language language = Language::En;
    bool quiet = false;
    bool terminal = false;      //!< the error stream is a terminal: progress as a bar, not step lines
    bool languageGiven = false; //!< --lang was on the line (not the environment's language)
    //! A catalogue message in the run's language.
    std::string say(const Message& m) const { return word(m, language); }
    //! The language of the words a dataset keeps (type labels, reasons, the map's legend): --lang's, else
    //! French, the application's default, whatever the environment's locale (LANG=C in a batch job).
    Language datasetLanguage() const { return languageGiven ? language : Language::Fr; }
};

//! A subcommand: runs once its options are parsed; returns the exit status.
using Runner = std::function<int(Context&)>;

//! The options every analysis subcommand takes (issue 7): dataset, parameters, secrecy, output.
struct AnalysisOptions {
    std::string dataset;
    std::string paramsFile;
    std::vector<std::string> sets; //!< --set key=value, in order
    std::string vintage;
    bool noSecrecy = false;
    std::string output;
    std::string format;
};

//! What every analysis subcommand starts from, once its options are checked.
struct AnalysisRun {
    model::Dataset dataset;
    model::Parameters params; //!< the dataset's, under --params and --set
    int vintage = 0;          //!< --vintage, else the dataset's latest
    analysis::SecrecyRule secrecy;
    io::TableWriteOptions write; //!< --format (else the output's extension, else csv), in the run's language
};

//! Checks --dataset and --output (before anything is read: an output that cannot be written, is an
//! input or a database fails first), then reads the dataset (attributes only unless `withGeometries`),
//! the parameters and the vintage.
AnalysisRun prepareAnalysis(const AnalysisOptions& options, const Context& context,
                            bool withGeometries = false);

//! --format, else the output's extension, else csv. Throws UsageError for an unknown format.
io::TableFormat outputFormat(const AnalysisOptions& options);

//! Checks a table output before anything is read, as every analysis subcommand does: "-" and descriptor
//! links (/dev/stdout) are written directly, a database connection string is refused without showing it,
//! and a file must be writable and none of `inputs`. Throws Error or UsageError naming it.
void checkAnalysisOutput(const std::string& output, io::TableFormat format,
                         const std::vector<std::string>& inputs);

//! Writes `tables` through the shared output layer (core/io/table_writer.h) and says on the error stream
//! what went where and how many rows were masked.
void writeResults(const std::vector<io::ResultTable>& tables, const AnalysisOptions& options,
                  const AnalysisRun& run, const Context& context);

//! Declares --profession CODE|all on `sub`.
void addProfessionOption(CLI::App& sub, std::string& profession);
//! The engine's profession for --profession: "" (every profession) for "all", else the code or alias as
//! given (the engine refuses unknown ones, listing the catalogue). Throws UsageError when it is missing.
std::string professionOf(const std::string& option);

//! Declares --dataset, --params, --set, --vintage, --no-secrecy, --output and --format on `sub`.
void addAnalysisOptions(CLI::App& sub, AnalysisOptions& options, const std::string& outputHelp);

//! `saved` (the dataset's parameters) with the JSON file `paramsFile` (when not empty) over it, then every
//! "key=value" of `sets` in order. Throws UsageError for a --set that is not key=value or whose value is
//! no number, and Error(Parameter) naming --set and the key for an unknown key or an out-of-range value.
model::Parameters parametersOver(const model::Parameters& saved, const std::string& paramsFile,
                                 const std::vector<std::string>& sets);

//! Throws UsageError("missing required option --<name>") when `value` is empty.
const std::string& required(const std::string& value, const char* name);
//! A year from 1900 to 2100 given to `option`, or `fallback` when `text` is empty. Throws UsageError.
int parseYear(const std::string& text, const char* option, int fallback);
//! A number given to `option`. Throws UsageError.
double parseNumberOption(const std::string& text, const char* option);
//! `text` when it is one of `choices`, else throws UsageError listing them.
const std::string& parseChoice(const std::string& text, const char* option,
                               const std::vector<std::string>& choices);

//! The dataset's vintage `text` (--vintage), or its default (analysis::defaultVintage) when empty. Throws
//! Error(Parameter) naming the dataset and the vintages present when it has no counts for that year.
int datasetVintage(const model::Dataset& dataset, const std::string& datasetPath, const std::string& text);

//! A CSV field, quoted when it holds `sep`, a quote or a line break.
std::string csvQuote(const std::string& s, char sep);

//! Checks every output before the long work: each can be written (its folder exists, it is no symbolic
//! link, device or folder) and none is an input. "-" (the standard output) is accepted when
//! `standardOutput` is true, else refused as any other file named "-" would be.
void checkOutputs(const std::vector<std::string>& outputs, const std::vector<std::string>& inputs,
                  bool standardOutput = false);

//! "warning: <the warning>" in the run's language.
std::string warningLine(const Warning& warning, const Context& context);
//! Each warning on its own line, in the run's language (nothing with --quiet).
void printWarnings(const Warnings& warnings, const Context& context);

//! Progress of long runs on the error stream: on a terminal a GDAL-style bar ("0...10...20...100 -
//! done."), otherwise one line per step; nothing when quiet.
class ConsoleFeedback : public Feedback {
public:
    //! Steps are worded in `language`.
    ConsoleFeedback(std::ostream& err, bool quiet, bool terminal, Language language = Language::En);
    ~ConsoleFeedback() override;
    void setStep(const Message& step) override;
    void setProgress(double percent) override;
    //! Completes the bar ("100 - done.") when one was started.
    void finish();

private:
    std::ostream& m_err;
    bool m_quiet, m_terminal;
    Language m_language;
    int m_ticks = -1; //!< 2.5 % ticks already drawn (-1: no bar started)
};

} // namespace maillage::cli
