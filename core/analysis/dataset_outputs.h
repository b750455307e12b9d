#pragma once
// What the dataset GeoPackage holds of its results, computed once for both writers of its styles: QGIS's
// classes (ui/styles/dataset_styles.h, libmaillage_qgis.so) and the build-time templates
// (core/io/style_templates.h): the classification on the bassins, the pôles and links layers, the
// per-commune densities and accessibility, and what the styles take of them (OutputSummary).
#include "core/analysis/poles.h"
#include "core/io/gpkg.h"
#include "core/model/message.h"

#include <array>
#include <limits>
#include <string>
#include <vector>

namespace maillage::model {
struct Dataset;
}

namespace maillage::analysis {

struct Classification;

//! What the styles take of a dataset's results.
struct OutputSummary {
    std::array<int, kPoleTypeCount> counts{}; //!< BVs of each pôle type
    double isolation = 0;                     //!< the isolation distance, in...
    bool isolationMinutes = false;            //!< ...minutes (travel times given) or kilometres
    double intensityLo = std::numeric_limits<double>::infinity(), intensityHi = 0;
    double volumeLo = std::numeric_limits<double>::infinity(), volumeHi = 0;
    //! The map view's densities (io::kDensityMapView): values (0 for the communes without a row) and their
    //! populations, whether one is masked, and the threshold.
    std::vector<double> densities, populations;
    bool densityMasked = false;
    double secrecyThreshold = 0;
    int mapVintage = 0;
};

//! The results of `dataset` as its GeoPackage holds them (masked as DOMAIN.md §7 says).
struct DatasetOutputs {
    OutputSummary summary;
    std::vector<io::BassinClassificationFields> classification;
    std::vector<io::PolePoint> poles;
    std::vector<io::LinkLine> links;
    io::CommuneResults communes;
};

//! The outputs of `dataset` classified as `classification` (its latest vintage), words in `language`;
//! `densityTitle` is the density map's title with "%1" for its vintage ("Densité de médecins généralistes
//! (%1)"). MAILLAGE_BENCH_NO_RESULT_ROWS=1 writes the per-commune tables without rows, to measure what the
//! rows cost (tests/bench/README.md).
DatasetOutputs datasetOutputs(const model::Dataset& dataset, const Classification& classification,
                              Language language, const std::string& densityTitle);

//! "%1" in `pattern` replaced by `value`.
std::string withArgument(std::string pattern, const std::string& value);

} // namespace maillage::analysis
