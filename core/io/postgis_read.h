#pragma once
// A PostgreSQL dataset read for core/io/gpkg's reader in three round trips: the connection, the catalogue
// (one query), then every table at once (a pipeline of binary SELECTs in one read-only, repeatable-read
// transaction). GDAL's PostgreSQL driver costs several catalogue queries per table and a cursor fetched a
// few hundred rows at a time: on a national dataset, most of the opening was waiting for the server.
#include "core/io/gdal_util.h"

#include <string>

namespace maillage::io {

struct PostgisLocation;

//! The tables of the dataset at `where` (`display` names it in errors) as read-only GDAL layers with the
//! fields, FIDs and geometries GDAL's PostgreSQL driver gives them, in FID order (as the GeoPackage reader
//! reads). QGIS's styles and project, the result layers (poles, liens) and the version table are left out:
//! the dataset reader never reads them. Without `geometries`, no geometry is fetched (the layers keep
//! their geometry field). Throws Error(CannotOpen) when the server cannot be reached or refuses a query,
//! pg.no_dataset when the schema has no table communes.
DatasetPtr readPostgisTables(const PostgisLocation& where, const std::string& display, bool geometries);

} // namespace maillage::io
