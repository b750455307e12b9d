// libmaillage_qgis.so: the QGIS styles and project of a dataset GeoPackage for the command line, which
// dlopen()s it after 'import' and 'classify --dataset' (app/qgis_styles.h) and so never links QGIS itself.
// qgis_core only; no display needed (offscreen platform), no widget created.
#include "core/io/geo.h"
#include "core/io/postgis.h"
#include "core/model/error.h"
#include "core/model/message.h"
#include "core/model/parameters.h"
#include "core/model/parameters_text.h"
#include "ui/print/atlas.h"
#include "ui/print/report.h"
#include "ui/styles/dataset_styles.h"
#include "ui/styles/qgis_start.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstring>
#include <map>
#include <string>

namespace {

void copyError(const QString& text, char* error, std::size_t n) {
    if (!error || n == 0)
        return;
    const QByteArray utf8 = text.toUtf8();
    const std::size_t len = std::min(n - 1, static_cast<std::size_t>(utf8.size()));
    std::memcpy(error, utf8.constData(), len);
    error[len] = '\0';
}

} // namespace

//! Writes the classification, the layer styles and the QGIS project into the dataset GeoPackage `gpkg`, or
//! the styles and the project of a dataset in PostgreSQL when `gpkg` is "PG:..."
//! (ui/styles/dataset_styles.h), their words in `lang` ("fr" or "en"). Starts QGIS without a display, in
//! `lang`, when the process has no application yet (the command line), else uses the one running and its
//! language (the desktop application, tests). Returns 1 on success; 0 with a sentence (UTF-8, truncated to
//! n bytes) in `error` on failure.
extern "C" __attribute__((visibility("default"))) int
maillage_write_qgis_styles(const char* gpkg, const char* lang, char* error, std::size_t n) {
    maillage::io::ensureGdal(); // no -wal/-shm files beside the dataset
    if (!QCoreApplication::instance())
        maillage::ui::styles::startQgis(std::strcmp(lang ? lang : "", "fr") == 0);
    QString message;
    const QString location = QString::fromUtf8(gpkg ? gpkg : "");
    const bool ok = maillage::io::isPostgisDataset(location.toStdString())
                        ? maillage::ui::styles::writePostgisStyles(location, &message)
                        : maillage::ui::styles::writeDatasetStyles(location, &message);
    copyError(message, error, n);
    return ok ? 1 : 0;
}

//! Saves the parameters `parameters` ("key=value" lines, C locale) into the dataset GeoPackage `gpkg` with
//! the results they give, the styles and the project (ui/styles/dataset_styles.h), in one replacement of the
//! file; words in `lang` as above. Returns 1 on success; 0 with a sentence in `error` (the dataset
//! unchanged).
extern "C" __attribute__((visibility("default"))) int
maillage_save_dataset_results(const char* gpkg, const char* parameters, const char* lang, char* error,
                              std::size_t n) {
    maillage::io::ensureGdal();
    const bool french = std::strcmp(lang ? lang : "", "fr") == 0;
    if (!QCoreApplication::instance())
        maillage::ui::styles::startQgis(french, false); // a GeoPackage: no plugin needed
    const QString location = QString::fromUtf8(gpkg ? gpkg : "");
    QString message;
    bool ok = false;
    try {
        const maillage::model::Parameters p =
            maillage::model::fromKeyValueText(parameters ? parameters : "", location.toStdString());
        ok = maillage::ui::styles::writeDatasetStyles(location, p, &message);
    } catch (const maillage::Error& e) {
        message =
            QString::fromStdString(e.describe(french ? maillage::Language::Fr : maillage::Language::En));
    }
    copyError(message, error, n);
    return ok ? 1 : 0;
}

//! maillage_write_qgis_styles into the GeoPackage `gpkg` itself, a temporary file the caller renames over
//! the dataset on success and removes on failure (ui::styles::writeDatasetStylesInto): no copy of the file.
extern "C" __attribute__((visibility("default"))) int
maillage_write_qgis_styles_into(const char* gpkg, const char* lang, char* error, std::size_t n) {
    maillage::io::ensureGdal();
    if (!QCoreApplication::instance())
        maillage::ui::styles::startQgis(std::strcmp(lang ? lang : "", "fr") == 0,
                                        false); // a GeoPackage: no plugin needed
    QString message;
    const bool ok =
        maillage::ui::styles::writeDatasetStylesInto(QString::fromUtf8(gpkg ? gpkg : ""), &message);
    copyError(message, error, n);
    return ok ? 1 : 0;
}

//! Writes the atlas of the dataset `gpkg` into the PDF `output` (ui/print/atlas.h): `by` "bv" or
//! "departement", `polesOnly` non-zero for the pôles only, `lang` "fr" or "en" (the words of the pages).
//! Returns 1 on success; 0 with a sentence (UTF-8, truncated to n bytes) in `error` on failure.
extern "C" __attribute__((visibility("default"))) int maillage_write_atlas(const char* gpkg, const char* by,
                                                                           int polesOnly, const char* output,
                                                                           const char* lang, char* error,
                                                                           std::size_t n) {
    maillage::io::ensureGdal();
    if (!QCoreApplication::instance())
        maillage::ui::styles::startQgis(std::strcmp(lang ? lang : "", "fr") == 0);
    maillage::ui::print::AtlasRequest request;
    request.dataset = QString::fromUtf8(gpkg ? gpkg : "");
    request.by = std::strcmp(by ? by : "", "departement") == 0 ? maillage::ui::print::AtlasBy::Departement
                                                               : maillage::ui::print::AtlasBy::Bassin;
    request.polesOnly = polesOnly != 0;
    request.output = QString::fromUtf8(output ? output : "");
    QString message;
    const bool ok = maillage::ui::print::writeAtlas(request, &message);
    copyError(message, error, n);
    return ok ? 1 : 0;
}

//! Writes the territory sheet of `territory` (bv:CODE, departement:CODE, communes:C1,C2) of the dataset
//! `gpkg` into the PDF `output`
//! (ui/print/report.h), in `lang` ("fr" or "en"). Returns 1 on success; 0 with a sentence in `error`.
extern "C" __attribute__((visibility("default"))) int
maillage_write_report(const char* gpkg, const char* territory, const char* output, const char* lang,
                      char* error, std::size_t n) {
    maillage::io::ensureGdal();
    if (!QCoreApplication::instance())
        maillage::ui::styles::startQgis(std::strcmp(lang ? lang : "", "fr") == 0);
    maillage::ui::print::ReportRequest request;
    request.dataset = QString::fromUtf8(gpkg ? gpkg : "");
    request.territory = QString::fromUtf8(territory ? territory : "");
    request.output = QString::fromUtf8(output ? output : "");
    QString message;
    const bool ok = maillage::ui::print::writeTerritoryReport(request, &message);
    copyError(message, error, n);
    return ok ? 1 : 0;
}
