#pragma once
// The subcommands of the command line, one file each (app/cmd_<name>.cpp). Each declares its options on
// the CLI11 subcommand it is given and returns the function that runs it once the line is parsed.
#include "app/cli_common.h"

namespace maillage::io {
struct ProfessionalsSource;
}

namespace maillage::cli {

Runner declareImport(CLI::App& sub);
Runner declareClassify(CLI::App& sub);
Runner declareSummary(CLI::App& sub);
Runner declareDemo(CLI::App& sub);
Runner declareDensity(CLI::App& sub);
Runner declareAccess(CLI::App& sub);
Runner declareLinks(CLI::App& sub);
Runner declareCrunch(CLI::App& sub);
Runner declareAdd(CLI::App& sub);
Runner declareAtlas(CLI::App& sub);
Runner declareReport(CLI::App& sub);
Runner declareSensitivity(CLI::App& sub);
//! The values of `text`, "start:end:step" (step > 0, start <= end, at most 1,000 values), given to `option`.
std::vector<double> parseRange(const std::string& text, const char* option);
//! Help of `import|add --population-by-age` (one text for both).
inline constexpr const char* kPopulationByAgeHelp =
    "population by commune and age band, for accessibility's age-standardised demand (access.demand=1): "
    "INSEE's census file (CODGEO, P20_POP0014 ... P20_POP90P) or a table commune;age_band;population "
    "(bands 0-14, 15-29, 30-44, 45-59, 60-74, 75-89, 90+)";
//! Comma-separated numbers ("2.5,4") given to `option` (zonage thresholds). Throws UsageError.
std::vector<double> parseThresholds(const std::string& text, const char* option);
Runner declareCopy(CLI::App& sub);
Runner declareProfile(CLI::App& sub);
Runner declareCalibrate(CLI::App& sub);
Runner declareChange(CLI::App& sub);
Runner declareScenario(CLI::App& sub);
Runner declareQpv(CLI::App& sub);
//! "FILE:YEAR" -> a professionals (or facilities) source. Throws UsageError naming `option` otherwise.
io::ProfessionalsSource professionalsSource(const std::string& spec, const char* option);

} // namespace maillage::cli
