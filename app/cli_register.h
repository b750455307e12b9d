#pragma once
// Registers of individual professionals on the command line (issue 12), shared by `import` and `add`:
// --register FILE[:YEAR] (repeatable), --register-layout, --site-rule, --register-replaces-counts.
#include "app/cli_common.h"
#include "core/io/import.h"

#include <string>
#include <vector>

namespace maillage::cli {

struct RegisterCliOptions {
    std::vector<std::string> files; //!< FILE[:YEAR]
    std::string layout = "auto";
    std::string siteRule = "main";
    bool replaceCounts = false;
};

//! Declares the register options on `sub`.
void addRegisterOptions(CLI::App& sub, RegisterCliOptions& options);
//! The engine's register sources from the options. Throws UsageError for a bad layout or rule.
std::vector<io::RegisterSource> registerSources(const RegisterCliOptions& options);
//! One line per register added: professionals read, counted, site rule (the import report says it).
std::string registerReportText(const std::vector<io::RegisterAdded>& added, const Context& context);

} // namespace maillage::cli
