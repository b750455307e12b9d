#pragma once
// The styles and the QGIS project of a dataset GeoPackage written without QGIS: the templates that the
// build-time generator (ui/styles/style_templates.cpp) produced with QGIS's classes, their placeholders
// ("@@NAME@@") filled with the dataset's figures, written into QGIS's own tables layer_styles (one default
// style per layer, QML and SLD) and qgis_projects (the project "maillage", zipped as QGIS stores it).
#include "core/model/message.h"

#include <array>
#include <limits>
#include <string>
#include <vector>

namespace maillage::io {

//! The figures of a dataset that its styles show.
struct StyleValues {
    std::array<int, 5> counts{};   //!< BVs of each pôle type (0 = hors pôle), in the bassins' legend
    double isolation = 0;          //!< the isolation distance, in...
    bool isolationMinutes = false; //!< ...minutes or kilometres
    //! The links' widths follow log10 of these ranges (none when lo <= 0 or hi <= lo).
    double intensityLo = std::numeric_limits<double>::infinity(), intensityHi = 0;
    double volumeLo = std::numeric_limits<double>::infinity(), volumeHi = 0;
    std::vector<double> densityLimits; //!< the density map's classes' limits (0 to 6 of them)
    bool densityMasked = false;        //!< the map has its secret class...
    double secrecyThreshold = 0;       //!< ...of the communes with fewer professionals than this
    bool densityZero = false;          //!< the map has its class of communes without any professional
    int mapVintage = 0;                //!< the density map's vintage (its title)
};

//! The folder of the templates in `language` under `root` (share/maillage/styles), empty when they are not
//! there (a build without the desktop libraries).
std::string styleTemplatesDir(const std::string& root, Language language);

//! The word `key` of the templates in `dir` (words.txt): "density_title" ("Densité de médecins généralistes
//! (%1)"), "isolation_km", "isolation_min", number formats. Empty when absent.
std::string styleTemplateWord(const std::string& dir, const std::string& key);

//! Writes into the GeoPackage `gpkg` (a dataset with its results) the default style of each styled layer
//! and the project "maillage", from the templates in `dir` (styleTemplatesDir) filled with `values`,
//! replacing ours of a previous write. Throws Error (naming the file) when a template is missing or the
//! file cannot be written.
void writeStylesFromTemplates(const std::string& gpkg, const std::string& dir, const StyleValues& values);

//! A template's text with its placeholders "@@NAME@@" replaced by `values` (name, value) pairs, in order;
//! a placeholder left unfilled is an error naming it and `what`.
std::string fillTemplate(std::string text, const std::vector<std::pair<std::string, std::string>>& values,
                         const std::string& what);

} // namespace maillage::io
