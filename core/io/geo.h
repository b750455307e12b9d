#pragma once
// Vector data through GDAL/OGR (+GEOS): commune polygons in, bassins de vie dissolved.
#include "core/model/dataset.h"
#include "core/model/error.h"
#include "core/model/feedback.h"

#include <string>
#include <vector>

namespace maillage::io {

//! Registers GDAL drivers once and sets the options the project relies on
//! (OGR_SQLITE_JOURNAL=DELETE, no .aux.xml files). Thread-safe, idempotent.
void ensureGdal();

//! ensureGdal()'s options and the GeoPackage driver alone: enough to read a dataset, without registering
//! GDAL's ~200 drivers (15-25 ms of every command that reads only its dataset). Thread-safe, idempotent.
void ensureGdalGeoPackage();

struct PolygonReadOptions {
    std::string layer;              //!< "" = first layer
    std::string codeField = "code"; //!< also tried: insee_com, codgeo, insee, code_insee
    std::string nameField = "nom";  //!< also tried: name, nom_com, libgeo
};

//! Reads commune polygons (GeoPackage, Shapefile, GeoJSON...) and reprojects them to EPSG:2154.
//! Codes are repaired (codes::normalizeCommune); anchor = a point on the surface.
//! Errors name the file and the feature (missing field, empty/invalid geometry that cannot be repaired,
//! duplicate code). Invalid geometries that MakeValid repairs are a warning.
std::vector<model::Commune> readCommunePolygons(const std::string& path, const PolygonReadOptions& options,
                                                Warnings& warnings, Feedback* feedback = nullptr);

//! Fills every Bassin's geometry (when empty) with the union of its communes' polygons, and its anchor
//! (main commune's anchor). Work is spread over the available cores. Communes without geometry are skipped.
void dissolveBassins(model::Dataset& dataset, Warnings& warnings, Feedback* feedback = nullptr);

//! Merges the arrondissements municipaux of Paris, Lyon and Marseille (75101..., 69381..., 13201...) into
//! one commune each (75056, 69123, 13055): polygons unioned, populations summed, anchor recomputed; a
//! warning lists them. Other communes are untouched; order is kept (the merged commune takes the place of
//! its first part).
void foldArrondissements(std::vector<model::Commune>& communes, Warnings& warnings);

//! True when the WKB is a valid (GEOS) polygon or multipolygon.
bool isValidPolygon(const model::Wkb& wkb);
//! Area in km² of a WKB polygon in EPSG:2154.
double areaKm2(const model::Wkb& wkb);

} // namespace maillage::io
