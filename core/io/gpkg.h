#pragma once
// The dataset file: one GeoPackage that QGIS desktop opens as it is.
// Layers: communes (MultiPolygon, EPSG:2154: code, nom, population, bv, dep, reg), bassins_de_vie
// (MultiPolygon: code, nom, dep, reg, population, n_communes, and after classification pole_type,
// pole_label, total, pole_share, psy_share, reason), zones (optional), and attribute tables:
// professionals (commune, profession, vintage, count), zone_professionals, professions (catalogue),
// parameters (key, value), metadata (key, value), cooperations, flows, travel_times, regions, departements.
#include "core/model/dataset.h"
#include "core/model/feedback.h"

#include <string>

namespace maillage::io {

//! Writes the whole dataset to `path` through a temporary file in the same folder, then renames it:
//! an existing file is replaced only when the new one is complete. Throws Error(Write).
void writeDataset(const model::Dataset& dataset, const std::string& path, Feedback* feedback = nullptr);

//! Reads a dataset written by writeDataset (and tolerates one edited in QGIS: extra fields and layers
//! are ignored, missing optional tables are empty). Throws Error naming the file and what is missing.
model::Dataset readDataset(const std::string& path, Feedback* feedback = nullptr);

//! Rewrites only the parameters table (and the classification fields of bassins_de_vie when
//! `classification` is non-empty), in place and atomically as above.
void writeParameters(const std::string& path, const model::Parameters& parameters);

} // namespace maillage::io
