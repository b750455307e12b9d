// What the light executable (app/main.cpp) lacks: functions that need GDAL, GEOS, PROJ or libpq. Each
// stands in for the engine's definition, which the linker then does not take from the static libraries
// (with the rest of its object file and GDAL); reaching one hands the whole command to the engine module.
// The commands other than classify are stood in for the same way, by light_declares.cpp, generated from
// app/commands.h (app/CMakeLists.txt). Linked into `maillage` only, never into the libraries or the tests.
#include "app/commands.h"
#include "app/engine_needed.h"
#include "core/analysis/maillage.h"
#include "core/io/gpkg.h"
#include "core/io/parameters_json.h"
#include "core/io/postgis.h"
#include "core/io/table_detail.h"
#include "core/io/table_writer_gdal.h"

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
