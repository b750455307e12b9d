#include "app/print_common.h"

#include "core/io/table_writer.h"
#include "core/model/text.h"

#include <ostream>

namespace maillage::cli {

void checkPrintOutput(const std::string& output, const std::string& dataset) {
    if (io::isDatabaseConnection(output)) // refused in the output layer's words, the password never shown
        io::checkTableOutput(output, io::TableFormat::Gpkg);
    const std::string suffix = ".pdf";
    const bool pdf = output.size() > suffix.size() &&
                     text::foldForMatch(output.substr(output.size() - suffix.size())) == suffix;
    if (!pdf)
        throw UsageError(msg("app.print.output_pdf", {arg::text("value", output)}));
    checkOutputs({output}, {dataset}); // devices, links, folders, missing folders, the dataset itself
}

int runPrint(Context& c, const std::string& command, const std::string& output,
             const std::function<bool(std::string&)>& print) {
    std::string error;
    if (!print(error)) {
        // The module's sentence names the file and is worded already: printed as it is (an Error's raw text
        // would have its no-break spaces marked "<U+00A0>").
        c.err << c.say(msg("app.error", {arg::text("command", command)})) << " " << error << "\n";
        return 1;
    }
    if (!c.quiet)
        c.err << c.say(msg("app.print.written", {arg::path("path", output)})) << "\n";
    return 0;
}

} // namespace maillage::cli
