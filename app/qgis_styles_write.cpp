// The dataset's results, styles and project written from the styles' templates (core/io/style_templates.h),
// without QGIS, where they are installed; else by libmaillage_qgis.so (qgis_styles.cpp). Only the engine
// (libmaillage_engine.so) links this file: the executable's light commands never write a dataset, and it
// links neither GDAL nor libpq (app/CMakeLists.txt).
#include "app/qgis_styles.h"

#include "core/analysis/classes.h"
#include "core/analysis/dataset_outputs.h"
#include "core/analysis/poles.h"
#include "core/io/atomic_file.h"
#include "core/io/gpkg.h"
#include "core/io/postgis.h"
#include "core/io/style_templates.h"
#include "core/io/unsynced_commits.h"
#include "core/model/error.h"

#include <cmath>
#include <cstdlib>
#include <filesystem>

namespace maillage::app {

namespace {

//! The templates of the styles in `language` (core/io/style_templates.h): share/maillage/styles beside the
//! executable's folder (build tree) or above it (installed); empty when absent (a build without QGIS) or
//! when MAILLAGE_STYLES_WITH_QGIS=1 asks for QGIS's classes themselves (libmaillage_qgis.so).
std::string styleTemplates(Language language) {
    const char* withQgis = std::getenv("MAILLAGE_STYLES_WITH_QGIS");
    if (withQgis && std::string(withQgis) == "1")
        return {};
    const std::string dir = detail::executableDir();
    for (const std::string& root : {dir + "/share/maillage/styles", dir + "/../share/maillage/styles"}) {
        const std::string found = io::styleTemplatesDir(root, language);
        if (!found.empty())
            return found;
    }
    return {};
}

//! What the styles' templates take of `summary`: the density map's classes as the application's map draws
//! them (ui::styles::densityRenderer: the values above zero in classes, a class of their own for zero).
io::StyleValues styleValues(const analysis::OutputSummary& summary) {
    io::StyleValues v;
    for (std::size_t t = 0; t < v.counts.size() && t < summary.counts.size(); ++t)
        v.counts[t] = summary.counts[t];
    v.isolation = summary.isolation;
    v.isolationMinutes = summary.isolationMinutes;
    v.intensityLo = summary.intensityLo;
    v.intensityHi = summary.intensityHi;
    v.volumeLo = summary.volumeLo;
    v.volumeHi = summary.volumeHi;
    const analysis::PositiveValues positive =
        analysis::positiveValues(summary.densities, summary.populations);
    v.densityZero = positive.hasZero;
    v.densityLimits = analysis::classLimits(positive.values, positive.weights, analysis::ClassSpec{});
    v.densityMasked = summary.densityMasked;
    v.secrecyThreshold = summary.secrecyThreshold;
    v.mapVintage = summary.mapVintage;
    return v;
}

//! The results of the dataset `from` (`parameters` in place of its saved ones when given), their styles
//! and the project, from the templates in `dir`, written into the GeoPackage `into` (a temporary): what
//! libmaillage_qgis.so writes, without QGIS.
void writeWithTemplates(const std::string& from, const std::string& into, const std::string& dir,
                        Language language, const model::Parameters* parameters) {
    const io::UnsyncedCommits unsynced;
    io::StyleValues values;
    {
        io::ReadOptions attributesOnly;
        attributesOnly.geometries = false;
        model::Dataset dataset = io::readDataset(from, attributesOnly);
        if (parameters)
            dataset.params = *parameters;
        const analysis::Classification c = analysis::classifyDataset(dataset, 0, dataset.params.poles);
        const analysis::DatasetOutputs o =
            analysis::datasetOutputs(dataset, c, language, io::styleTemplateWord(dir, "density_title"));
        io::writeResultsInto(into, dataset.params, o.classification, o.poles, o.links, o.communes);
        values = styleValues(o.summary);
    } // the dataset and its results let go before the styles are written
    io::writeStylesFromTemplates(into, dir, values);
}

//! writeWithTemplates into a copy of the GeoPackage `gpkg` renamed over it once complete (through a
//! symbolic link, the file it points to); the dataset as it was when anything fails.
void replaceWithTemplates(const std::string& gpkg, const std::string& dir, Language language,
                          const model::Parameters* parameters) {
    std::error_code ec;
    const std::filesystem::path target = std::filesystem::canonical(gpkg, ec);
    if (ec || !std::filesystem::is_regular_file(target))
        throw Error(ErrorKind::FileNotFound, Location{gpkg},
                    msg("styles.write_failed", {arg::text("detail", "not a dataset file")}));
    io::TemporaryNamesake copy(target.string());
    std::filesystem::copy_file(target, copy.path(), std::filesystem::copy_options::overwrite_existing, ec);
    if (ec)
        throw Error(ErrorKind::Write, Location{gpkg},
                    msg("styles.write_failed", {arg::text("detail", ec.message())}));
    writeWithTemplates(target.string(), copy.path(), dir, language, parameters);
    copy.commit();
}

} // namespace

bool detail::saveWithTemplates(const std::string& gpkg, const model::Parameters& parameters,
                               Language language, std::string& error, bool& saved) {
    const std::string templates = io::isPostgisDataset(gpkg) ? std::string() : styleTemplates(language);
    if (templates.empty())
        return false;
    try {
        replaceWithTemplates(gpkg, templates, language, &parameters);
        saved = true;
    } catch (const Error& e) {
        error = detail::withDetail("app.classify.save_failed", e.describe(language), language);
        saved = false;
    }
    return true;
}

bool writeQgisStyles(const std::string& gpkg, Language language, std::string& error) {
    const std::string templates = io::isPostgisDataset(gpkg) ? std::string() : styleTemplates(language);
    if (!templates.empty()) {
        try {
            replaceWithTemplates(gpkg, templates, language, nullptr);
            return true;
        } catch (const Error& e) {
            error = detail::withDetail("gpkg.qgis_styles_failed", e.describe(language), language);
            return false;
        }
    }
    const StylesWritten written =
        detail::runModuleStyles("maillage_write_qgis_styles", gpkg, language, error);
    if (written == StylesWritten::Failed)
        error = detail::withDetail("gpkg.qgis_styles_failed", error, language);
    return written == StylesWritten::Yes;
}

StylesWritten writeQgisStylesInto(const std::string& gpkg, Language language, std::string& error) {
    const std::string templates = styleTemplates(language);
    if (!templates.empty()) {
        try {
            writeWithTemplates(gpkg, gpkg, templates, language, nullptr);
            return StylesWritten::Yes;
        } catch (const Error& e) {
            error = e.describe(language);
            return StylesWritten::Failed;
        }
    }
    return detail::runModuleStyles("maillage_write_qgis_styles_into", gpkg, language, error);
}

} // namespace maillage::app
