#pragma once
// Vector data through GDAL/OGR (+GEOS): commune polygons in, bassins de vie dissolved.
#include "core/model/dataset.h"
#include "core/model/error.h"
#include "core/model/feedback.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace maillage::io {

//! Registers GDAL drivers once and sets the options the project relies on
//! (OGR_SQLITE_JOURNAL=DELETE, no .aux.xml files): for opening a user's file of any format. Thread-safe,
//! idempotent.
void ensureGdal();

//! ensureGdal()'s options and no driver: enough for geometries and coordinate systems (OGR, OSR), which
//! need none. Registering GDAL's ~200 drivers maps 7 MB more of its library (and 15-25 ms), which an
//! import of a plain GeoJSON into a GeoPackage need not pay. Thread-safe, idempotent.
void ensureGdalCore();

//! ensureGdal()'s options and the GeoPackage driver alone: enough to read a dataset, without registering
//! GDAL's ~200 drivers (15-25 ms of every command that reads only its dataset). Thread-safe, idempotent.
void ensureGdalGeoPackage();

struct PolygonReadOptions {
    std::string layer;              //!< "" = first layer
    std::string codeField = "code"; //!< also tried: insee_com, codgeo, insee, code_insee
    std::string nameField = "nom";  //!< also tried: name, nom_com, libgeo
    //! Where the polygons are kept as they are read (core/io/geometry_spool.h); null: in memory.
    std::shared_ptr<model::WkbStore> spool;
};

//! Reads commune polygons (GeoPackage, Shapefile, GeoJSON...) and reprojects them to EPSG:2154.
//! Codes are repaired (codes::normalizeCommune); anchor = a point on the surface.
//! Errors name the file and the feature (missing field, empty/invalid geometry that cannot be repaired,
//! duplicate code). Invalid geometries that MakeValid repairs are a warning.
std::vector<model::Commune> readCommunePolygons(const std::string& path, const PolygonReadOptions& options,
                                                Warnings& warnings, Feedback* feedback = nullptr);

//! One polygon feature of a vector file (GeoJSON, GeoPackage, Shapefile), reprojected to Lambert-93.
struct PolygonFeature {
    long index = 0;                            //!< feature number in the file, from 1
    std::map<std::string, std::string> fields; //!< attribute values as text, by field name (nulls left out)
    model::Wkb geometry;                       //!< valid (multi)polygon, EPSG:2154
    model::Point anchor;                       //!< a point on its surface
};

//! The polygon features of layer `layer` ("" = the first) of `path`, reprojected to Lambert-93 (a layer
//! without a coordinate system is taken as WGS84 or Lambert-93 from its extent, with a warning); invalid
//! polygons repaired with MakeValid; features without geometry skipped. Throws Error(Format) naming the
//! file when no feature has a polygon ("no geometry"), Error(Value) naming the feature for a geometry
//! that is no polygon or cannot be reprojected or repaired. For zones and QPV (core/io/zones.h, qpv.h).
std::vector<PolygonFeature> readPolygonFeatures(const std::string& path, const std::string& layer,
                                                Warnings& warnings);

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
