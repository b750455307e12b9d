// What the light executable (app/main.cpp) lacks: the commands and functions that need GDAL, GEOS or
// PROJ. Each stands in for the engine's definition, which the linker then does not take from the static
// libraries (with the rest of its object file and GDAL); reaching one hands the whole command to the
// engine module. Linked into `maillage` only, never into the libraries or the tests.
#include "app/commands.h"
#include "app/engine_needed.h"
#include "core/analysis/maillage.h"
#include "core/io/gpkg.h"
#include "core/io/parameters_json.h"
#include "core/io/postgis.h"
#include "core/io/table_detail.h"
#include "core/io/table_writer_gdal.h"

namespace maillage::cli {

#define MAILLAGE_IN_ENGINE(declare)                                                                          \
    Runner declare(CLI::App&) {                                                                              \
        throw EngineNeeded{#declare};                                                                        \
    }

// Every command but classify (from CSV/TSV tables to CSV/TSV) reads or writes with GDAL.
MAILLAGE_IN_ENGINE(declareImport)
MAILLAGE_IN_ENGINE(declareSummary)
MAILLAGE_IN_ENGINE(declareDemo)
MAILLAGE_IN_ENGINE(declareDensity)
MAILLAGE_IN_ENGINE(declareAccess)
MAILLAGE_IN_ENGINE(declareLinks)
MAILLAGE_IN_ENGINE(declareCrunch)
MAILLAGE_IN_ENGINE(declareAdd)
MAILLAGE_IN_ENGINE(declareAtlas)
MAILLAGE_IN_ENGINE(declareReport)
MAILLAGE_IN_ENGINE(declareSensitivity)
MAILLAGE_IN_ENGINE(declareCopy)
MAILLAGE_IN_ENGINE(declareProfile)
MAILLAGE_IN_ENGINE(declareCalibrate)
MAILLAGE_IN_ENGINE(declareChange)
MAILLAGE_IN_ENGINE(declareScenario)
MAILLAGE_IN_ENGINE(declareQpv)

} // namespace maillage::cli

// Functions that the light commands reach only on some paths, defined in object files that need GDAL,
// GEOS, PROJ or libpq: reaching one hands the command to the engine module.
namespace maillage::io {

model::Dataset readDataset(const std::string&, const ReadOptions&, Feedback*) {
    throw cli::EngineNeeded{"readDataset"};
}
model::Parameters readParametersJson(const std::string&, const model::Parameters&) {
    throw cli::EngineNeeded{"readParametersJson"};
}
bool isPostgisDataset(const std::string&) {
    throw cli::EngineNeeded{"isPostgisDataset"};
}
PostgisLocation parsePostgisLocation(const std::string&) {
    throw cli::EngineNeeded{"parsePostgisLocation"};
}
Table detail::readSpreadsheet(const std::string&, const TableReadOptions&, const std::string&) {
    throw cli::EngineNeeded{"readSpreadsheet"};
}
std::vector<std::string> detail::writeGdalFiles(const std::vector<ResultTable>&, const std::string&,
                                                const TableWriteOptions&) {
    throw cli::EngineNeeded{"writeGdalFiles"};
}

} // namespace maillage::io

namespace maillage::analysis {

double planarDistanceKm(const model::Point&, const model::Point&) {
    throw cli::EngineNeeded{"planarDistanceKm"};
}

} // namespace maillage::analysis
