#pragma once
// Where the communes of France are: a check that imported polygons landed in the right place (swapped
// latitude/longitude and wrong declared coordinate systems put every commune outside France, silently).
#include "core/model/dataset.h"
#include "core/model/error.h"

#include <string>
#include <vector>

class OGRSpatialReference;

namespace maillage::io {

//! A territory of France as a longitude/latitude box (WGS84, degrees), with a margin.
struct Territory {
    const char* name; //!< "metropolitan France", "Corsica", "Guadeloupe"...
    double minLon, minLat, maxLon, maxLat;
    bool contains(double lon, double lat) const {
        return lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;
    }
};

//! The territory a commune belongs to from its code's département (metropolitan France, Corsica and the
//! five DROM: 971 Guadeloupe, 972 Martinique, 973 Guyane, 974 La Réunion, 976 Mayotte); nullptr for
//! the collectivités d'outre-mer and malformed codes (not checked).
const Territory* territoryOf(const std::string& communeCode);

//! "EPSG:2154", "OGC:CRS84"..., or the CRS's name.
std::string crsName(const OGRSpatialReference& srs);

//! Why coordinates (x, y), as a file holds them, do not fit the CRS it declares: "the file declares the
//! coordinate system X but its coordinates look like WGS84 longitude/latitude (or Lambert-93)"; an empty
//! Message when nothing says so.
Message declaredCrsMismatch(const OGRSpatialReference& declared, double x, double y);

//! Checks that each commune's anchor (Lambert-93) lies in its territory. When most of them do not, the
//! file is refused: Error(Geometry) naming `path`, a sample commune, where it landed and the likely
//! cause (latitude/longitude swapped; declared CRS EPSG:X but coordinates that look like WGS84 degrees or
//! Lambert-93 metres). When a few do not, one warning lists them. Communes without anchor are skipped.
void checkCommunesInTerritories(const std::vector<model::Commune>& communes, const std::string& path,
                                const std::string& layer, Warnings& warnings);

} // namespace maillage::io
