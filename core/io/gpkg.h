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
#include <vector>

namespace maillage::io {

//! Writes the whole dataset to `path` through a temporary file in the same folder, then renames it:
//! an existing file is replaced only when the new one is complete. Throws Error(Write).
void writeDataset(const model::Dataset& dataset, const std::string& path, Feedback* feedback = nullptr);

//! Reads a dataset written by writeDataset (and tolerates one edited in QGIS: extra fields and layers
//! are ignored, missing optional tables are empty). Throws Error naming the file and what is missing.
model::Dataset readDataset(const std::string& path, Feedback* feedback = nullptr);

//! Rewrites only the parameters table (and the classification fields of bassins_de_vie when
//! `classification` is non-empty), in place and atomically as above. Through a symbolic link, the file it
//! points to is updated (the link is kept); writeDataset refuses a link as its output.
void writeParameters(const std::string& path, const model::Parameters& parameters);

//! The classification fields of one bassin de vie in the bassins_de_vie layer. Filled by the caller
//! from core/analysis results (core/io does not depend on core/analysis).
struct BassinClassificationFields {
    std::string bv;        //!< BV code: the feature to update
    int poleType = 0;      //!< 0 = hors pôle, 1..4 (DOMAIN.md §3)
    std::string poleLabel; //!< "Grand pôle"...
    double total = 0;      //!< N
    double poleShare = 0;  //!< N_pole / N, 0..1
    double psyShare = 0;   //!< N_psy / N, 0..1
    std::string reason;    //!< the sentence explaining the type
};

//! Same as above, and writes pole_type, pole_label, total, pole_share, psy_share, reason into
//! bassins_de_vie (fields created when absent; BVs absent from `classification` get nulls).
void writeParameters(const std::string& path, const model::Parameters& parameters,
                     const std::vector<BassinClassificationFields>& classification);

} // namespace maillage::io
