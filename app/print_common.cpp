#include "app/print_common.h"

#include "core/model/text.h"

#include <ostream>

namespace maillage::cli {

void checkPrintOutput(const std::string& output, const std::string& dataset) {
    checkOutputs({output}, {dataset}); // connection strings, devices, links, folders, the dataset itself
    const std::string suffix = ".pdf";
    const bool pdf = output.size() > suffix.size() &&
                     text::foldForMatch(output.substr(output.size() - suffix.size())) == suffix;
    if (!pdf)
        throw UsageError(msg("app.print.output_pdf", {arg::text("value", output)}));
}

int runPrint(Context& c, const std::string& output, const std::function<bool(std::string&)>& print) {
    std::string error;
    if (!print(error))
        throw Error(ErrorKind::Write, Location{}, error); // the module's sentence names the file
    if (!c.quiet)
        c.err << c.say(msg("app.print.written", {arg::path("path", output)})) << "\n";
    return 0;
}

} // namespace maillage::cli
