#pragma once
// The QGIS styles and project of a dataset GeoPackage, written by libmaillage_qgis.so (ui/styles), which
// is loaded only here, when asked: the command line links no QGIS, and runs where QGIS is not installed.
#include "core/model/message.h"
#include "core/model/parameters.h"

#include <string>

namespace maillage::app {

//! Writes the classification, the layers' default styles (layer_styles) and the QGIS project "maillage"
//! (qgis_projects) into the dataset GeoPackage `gpkg`, their words (type labels, reasons, legend) in
//! `language`. False with a sentence in `error` (in `language` too) when the module cannot be loaded or the
//! writing failed; the dataset is then as it was. For a dataset in PostgreSQL ("PG:..."), copied with its
//! results: the styles in the database's layer_styles and the project in the schema's qgis_projects, pointing
//! to its tables.
bool writeQgisStyles(const std::string& gpkg, Language language, std::string& error);

//! Saves `parameters` into the dataset GeoPackage `gpkg` with every result they give, as writeQgisStyles
//! writes them (classification on bassins_de_vie, poles, liens, densites, accessibilite, styles, project), in
//! one replacement of the file: its copy is written, then renamed over it (`maillage classify --save`, the
//! GUI's Save). False with a sentence in `error` (in `language`); the dataset is then as it was.
bool saveDatasetResults(const std::string& gpkg, const model::Parameters& parameters, Language language,
                        std::string& error);
//! What writeQgisStylesInto did.
enum class StylesWritten {
    Yes,      //!< results, styles and project written
    NoModule, //!< the QGIS module could not be loaded: the file is untouched
    Failed    //!< the writing failed: the file may be half-written
};
//! writeQgisStyles into `gpkg` itself, a temporary GeoPackage of the dataset's file name that the caller
//! renames over the dataset on Yes or NoModule (then without styles) and removes on Failed. `error` gets
//! the warning's sentence on NoModule, the module's detail (what failed, naming the file) on Failed. No
//! copy of the file is made.
StylesWritten writeQgisStylesInto(const std::string& gpkg, Language language, std::string& error);

//! An atlas to print (ui/print/atlas.h).
struct AtlasJob {
    std::string dataset, output;
    std::string by = "bv"; //!< "bv" or "departement"
    bool polesOnly = false;
};
//! Writes the atlas through the module, its pages in `language`. False with a sentence in `error`.
bool writeAtlas(const AtlasJob& job, Language language, std::string& error);

//! A territory sheet to print (ui/print/report.h).
struct ReportJob {
    std::string dataset, output;
    std::string territory; //!< "bv:CODE", "departement:CODE" or "communes:C1,C2,..." (checked)
};
//! Writes the territory sheet through the module, in `language`. False with a sentence in `error`.
bool writeReport(const ReportJob& job, Language language, std::string& error);

namespace detail {
//! The folder of the running executable (/proc/self/exe), "." when unknown.
std::string executableDir();
//! The catalogue's message `id` with the module's sentence as its {detail}.
std::string withDetail(const char* id, const std::string& detail, Language language);
//! The module's styles entry `symbol` run on `gpkg`; `error` gets the sentence of NoModule, the module's
//! own detail (naming the file) on Failed.
StylesWritten runModuleStyles(const char* symbol, const std::string& gpkg, Language language,
                              std::string& error);
//! saveDatasetResults through the styles' templates (qgis_styles_write.cpp): false when they are not
//! there (the module then saves); else `saved`, with the sentence in `error` when not. Weak: defined where
//! the engine links qgis_styles_write.cpp, null in the executable, whose light commands save nothing.
bool saveWithTemplates(const std::string& gpkg, const model::Parameters& parameters, Language language,
                       std::string& error, bool& saved) __attribute__((weak));
} // namespace detail

} // namespace maillage::app
