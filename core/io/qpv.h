#pragma once
// Quartiers prioritaires de la politique de la ville (QPV, issue 8): polygons and their indicators as
// published (e.g. the Occitanie QPV of ../shared/data/qpv), an overlay layer of the dataset (`qpv`).
#include "core/io/geo.h"
#include "core/model/dataset.h"

#include <string>
#include <vector>

namespace maillage::io {

//! The QPV of a polygon file (GeoJSON, GeoPackage, Shapefile), reprojected to Lambert-93: code
//! (code_qp, code_qpv, code), name (nom_qp, nom_qpv, nom), main commune (code_commune, insee_com, depcom;
//! optional), population (pop_mun, population; optional). Throws Error(Format) naming the file when it has
//! no polygon ("no geometry") or no code field, Error(Value) naming the feature for an empty or duplicate
//! code or a population that is no number.
std::vector<model::Qpv> readQpvPolygons(const std::string& path, Warnings& warnings);

} // namespace maillage::io
