#pragma once
// What the suites of the dataset's `scenarios` table (core/io/gpkg_scenarios.h) build their datasets from.
#include "core/model/dataset.h"

namespace maillage::testing {

//! One commune (Dunkerque, its own bassin de vie) and one cooperation (the CHT du Littoral).
inline model::Dataset smallScenarioDataset() {
    model::Dataset ds;
    model::Commune c;
    c.code = "59183";
    c.name = "Dunkerque";
    c.bv = "59183";
    c.population = 87000;
    ds.communes = {c};
    ds.rebuildBassins();
    ds.cooperations = {{"CHT du Littoral", "CHT", {"59183"}}};
    return ds;
}

} // namespace maillage::testing
