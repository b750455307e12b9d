#pragma once
// The commonest commune file, a plain GeoJSON FeatureCollection of polygons, read in one pass without
// GDAL's GeoJSON driver (which parses the whole file once at open and again feature by feature: 2.2 s of
// the national file's 2.8 s through ogr2ogr). Anything outside the plain form throws GeoJsonNotPlain and
// the caller reads the file with GDAL.
#include "core/io/gdal_util.h"

#include <cstddef>
#include <memory>
#include <string>

class OGRFeatureDefn;

namespace maillage::io {

//! The file is not in the plain form GeoJsonPolygons reads (or cannot be mapped): read it with GDAL.
struct GeoJsonNotPlain {};

//! The features of a GeoJSON file in the plain form: a FeatureCollection in WGS84 (no "crs", as RFC 7946
//! says, or the "crs" that names OGC's CRS84, as ogr2ogr writes it), features without "id", each geometry
//! null or a Polygon or MultiPolygon of 2D positions with closed rings of 4 points or more, "type" written
//! before "coordinates"; properties strings, integers (15 digits at most) or null, with the keys of the first
//! feature (none twice, whatever the case). They come as GDAL's GeoJSON driver gives them: FIDs from 0,
//! string fields in the first feature's order, the same coordinates (correctly rounded doubles), features
//! without geometry left without one. The file is read chunk by chunk (not mapped): a few megabytes of it are
//! held at a time, and a file truncated while it is read is a file that is not plain.
class GeoJsonPolygons {
public:
    //! Opens `path` and reads its first feature (for the fields), reading `chunk` bytes at a time (more when
    //! a feature is longer). Throws GeoJsonNotPlain.
    explicit GeoJsonPolygons(const std::string& path, std::size_t chunk = std::size_t(4) << 20);
    ~GeoJsonPolygons();
    GeoJsonPolygons(const GeoJsonPolygons&) = delete;
    GeoJsonPolygons& operator=(const GeoJsonPolygons&) = delete;

    //! The fields: the first feature's property keys, as strings.
    OGRFeatureDefn& defn();
    //! The next feature, null after the last. Throws GeoJsonNotPlain.
    FeaturePtr next();
    //! Share of the file read, 0 to 1.
    double fraction() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m;
};

} // namespace maillage::io
