#pragma once
// The link inputs of the Maillage panel on the command line (travel times, observed flows, declared
// cooperations, COG history), shared by `import` and `add`, and the QGIS styles written after a dataset.
#include "app/cli_common.h"
#include "core/io/import.h"

#include <string>
#include <vector>

namespace maillage::cli {

struct LinkCliOptions {
    std::string travelTimes, flows, cooperations, cogHistory;
    std::string zones, zonePopulation, quartiers; //!< --zones, --zone-population, --quartiers
    std::string qpv;                              //!< --qpv
    bool noCogHistory = false;
};

//! --travel-times, --flows, --cooperations, --zones, --zone-population, --quartiers, --cog-history,
//! --no-cog-history on `sub`.
void addLinkOptions(CLI::App& sub, LinkCliOptions& options);
//! The engine's link sources from the options.
io::LinkSources linkSources(const LinkCliOptions& options);
//! The zone files from the options (--zones, --zone-population, --quartiers).
io::ZoneSources zoneSources(const LinkCliOptions& options);
//! The files the zone sources read (for checkOutputs).
std::vector<std::string> zoneInputs(const io::ZoneSources& zones);
//! The files the link sources read (for checkOutputs), `cogHistory` included when given.
std::vector<std::string> linkInputs(const io::LinkSources& links, const std::string& cogHistory);
//! Writes the QGIS styles and project into `gpkg` (libmaillage_qgis.so); a warning when it cannot.
void writeStylesOrWarn(const std::string& gpkg, const Context& context);
//! Writes `ds` into `output` with its QGIS styles and project (failures of these are warnings): a GeoPackage,
//! or a PostgreSQL schema ("PG:..."): the GeoPackage written and styled in a temporary file, copied into a
//! new schema switched in at the end, refused when an item of `basedOn` (item, version) was saved since.
void writeDatasetWithStyles(const model::Dataset& ds, const std::string& output, Feedback& feedback,
                            const Context& context,
                            const std::vector<std::pair<std::string, long long>>& basedOn = {});
//! The same into a GeoPackage or a new schema, `ds` freed once written, before the styles load QGIS: the peak
//! memory is then the dataset's or QGIS's, not both (`ds` is left empty).
void writeDatasetWithStyles(model::Dataset&& ds, const std::string& output, Feedback& feedback,
                            const Context& context);

} // namespace maillage::cli
