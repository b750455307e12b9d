#pragma once
// The small hand-made import of tests/data/geo (communes, BV table, population, BPE 2013).
#include "core/io/import.h"

#include "testing.h"

namespace maillage::testing {

//! Import options reading the four small files of tests/data/geo; callers add filters, titles, COG year.
inline io::ImportOptions smallImportFiles() {
    io::ImportOptions o;
    o.communesPath = dataPath("geo/import_communes.geojson");
    o.bassinsPath = dataPath("geo/import_bv.csv");
    o.populationPath = dataPath("geo/import_population.csv");
    io::ProfessionalsSource bpe;
    bpe.path = dataPath("geo/import_bpe.csv");
    bpe.vintage = 2013;
    o.professionals.push_back(bpe);
    return o;
}

} // namespace maillage::testing
