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
    bool noCogHistory = false;
};

//! --travel-times, --flows, --cooperations, --cog-history, --no-cog-history on `sub`.
void addLinkOptions(CLI::App& sub, LinkCliOptions& options);
//! The engine's link sources from the options.
io::LinkSources linkSources(const LinkCliOptions& options);
//! The files the link sources read (for checkOutputs), `cogHistory` included when given.
std::vector<std::string> linkInputs(const io::LinkSources& links, const std::string& cogHistory);
//! Writes the QGIS styles and project into `gpkg` (libmaillage_qgis.so); a warning when it cannot.
void writeStylesOrWarn(const std::string& gpkg, const Context& context);

} // namespace maillage::cli
