#pragma once
// What the print subcommands (atlas, report) share: checking the PDF output first, and running the module.
#include "app/cli_common.h"

#include <functional>
#include <string>

namespace maillage::cli {

//! Checks that `output` is a .pdf that can be written (its folder exists; no symbolic link, device,
//! folder, database or input) before anything is read. Throws UsageError or Error naming it.
void checkPrintOutput(const std::string& output, const std::string& dataset);

//! Runs `print` (which returns false with a sentence in its argument), says on the error stream what was
//! written, and returns the exit status: 0, or 1 with the sentence after "maillage `command`: error:".
int runPrint(Context& c, const std::string& command, const std::string& output,
             const std::function<bool(std::string&)>& print);

} // namespace maillage::cli
