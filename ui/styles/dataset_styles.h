#pragma once
// The dataset GeoPackage as a finished map in QGIS (DESIGN.md, "The dataset file"): the classification
// of its latest vintage on the bassins, each layer's default style in QGIS's layer_styles table and the
// application's map as the QGIS project "maillage" in qgis_projects, written by QGIS's own classes.
// qgis_core only (no widget): the command line runs it through libmaillage_qgis.so without a display.
#include "core/analysis/dataset_outputs.h"

#include <QString>
#include <QStringList>

class QgsProject;

namespace maillage::model {
struct Dataset;
struct Parameters;
} // namespace maillage::model
namespace maillage::analysis {
struct Classification;
}

namespace maillage::ui::styles {

//! What the styles take of a dataset's results (counts, links' ranges, density classes...), with the
//! isolation distance as the pôles' legend words it ("30 km").
struct StyleInputs : analysis::OutputSummary {
    QString isolationText;
};

//! "Densité de médecins généralistes (%1)": the density map's title, %1 its vintage.
QString densityMapTitlePattern();
//! "%1 km" or "%1 min" (`minutes`): the isolation distance in the pôles' legend.
QString isolationPattern(bool minutes);

//! Name of the QGIS project stored in the dataset's qgis_projects table.
inline const char* const kProjectName = "maillage";

//! "geopackage:/path/territoire.gpkg?projectName=maillage": what QgsProject::read() takes to open the
//! map stored in `gpkg`.
QString projectUri(const QString& gpkg);

//! The dataset's layers that get a style, from the top of the map to the bottom.
QStringList styledLayers();

//! Writes into the dataset GeoPackage `gpkg`: the results of its latest vintage with its saved parameters
//! (bassins_de_vie: pole_type, pole_label, total, shares, reason; the layers poles and liens: modelled
//! links, observed flows and declared cooperations; small counts masked), the
//! default style of each layer of styledLayers() and the project "maillage" (layer order, symbology,
//! labels, Lambert-93, extent of the territory). Works on a copy beside the file, renamed over it once
//! complete: the dataset is never left half-written. Needs an initialised QgsApplication (GUI or not).
//! Returns false with a sentence in `error` (naming the file) when anything fails.
bool writeDatasetStyles(const QString& gpkg, QString* error);
//! The same with `parameters` in place of the file's saved ones: they are saved with the results they give,
//! in the same replacement of the file (`maillage classify --dataset D --save`).
bool writeDatasetStyles(const QString& gpkg, const model::Parameters& parameters, QString* error);
//! The same written into `gpkg` itself, a temporary file that the caller renames over the dataset once
//! this returns true (same file name: the project's layer paths are relative), and removes otherwise (it
//! may then be half-written). Saves writeDatasetStyles' copy of the whole file (a second national dataset).
bool writeDatasetStylesInto(const QString& gpkg, QString* error);
//! The same for `dataset`, the attributes of `gpkg` already read, with its `classification` already
//! computed (the print outputs show it on their pages too): nothing is read or classified again.
bool writeDatasetStyles(const QString& gpkg, const model::Dataset& dataset,
                        const analysis::Classification& classification, QString* error);

//! The styles and the project of the GeoPackage `gpkg`, a dataset whose results are written, with `inputs`
//! in place of its results' and `title` as the project's: what the build-time generator of the styles'
//! templates (style_templates.cpp) turns into templates. False with a sentence in `error`.
bool writeStylesWithInputs(const QString& gpkg, const StyleInputs& inputs, const QString& title,
                           QString* error);

//! "postgresql://user@host:port?dbname=...&schema=...&project=maillage", as QGIS's PostgreSQL project
//! storage encodes it, for the libpq `connection` (QgsDataSourceUri keywords, no password) and `schema`.
QString postgresProjectUri(const QString& connection, const QString& schema);

//! The same for the dataset in PostgreSQL at `location` ("PG:... schema=..."), copied there with its results
//! (its GeoPackage styled first): the layers read through QGIS's "postgres" provider, each one's default
//! style in the database's layer_styles table (where QGIS looks for it) and the project "maillage" in the
//! schema's qgis_projects table, its layers pointing to the schema's tables. False with a sentence in
//! `error`.
bool writePostgisStyles(const QString& location, QString* error);

} // namespace maillage::ui::styles
