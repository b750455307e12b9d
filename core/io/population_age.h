#pragma once
// Population by commune and age band (issue 9): the demand of accessibility standardised by age, as DREES
// computes its APL. Two layouts: INSEE's census files by commune, one column per age band
// (P20_POP0014, P20_POP1529, … P20_POP90P: « évolution et structure de la population »), and a generic
// long table commune;age_band;population. Decimal commas, Latin-1/CP1252 and UTF-8 (io::readTable).
#include "core/io/table.h"
#include "core/model/access_parameters.h"
#include "core/model/dataset.h"

#include <string>
#include <vector>

namespace maillage::io {

//! The band an age-band label names, in the form of resources/access/consumption_weights.csv: "0-14",
//! "90+". Reads "0-14", "00 - 14", "0 à 14 ans", "0_14", "90+", "90 ou plus", "90 ans et plus", and the
//! INSEE column suffixes "0014", "90P". "" when the label names no band.
std::string normaliseAgeBand(const std::string& label);

//! Reads a population-by-age file in either layout (the wide one when no column is named like an age band
//! column, see normaliseAgeBand, and a column "age_band"/"tranche_age"/"age" is absent). Commune codes
//! are normalised (codes::normalizeCommune); rows of a commune and band given twice are summed. Throws
//! Error naming the file, the line and the column: a missing column, a bad commune code, a population that
//! is not a number >= 0 (secret markers count 0, with a warning), a band label naming no band.
std::vector<model::AgeBandPopulation> readPopulationByAge(const std::string& path,
                                                          const TableReadOptions& options = {},
                                                          Warnings* warnings = nullptr);
//! The same from a table already read.
std::vector<model::AgeBandPopulation> populationByAgeFromTable(const Table& table, Warnings& warnings);

//! Keeps the rows of communes of `dataset` (arrondissements municipaux summed into their commune when the
//! dataset has the commune), sorted by commune then band; the codes left out are in one Join warning
//! naming `file`.
std::vector<model::AgeBandPopulation> joinPopulationByAge(const model::Dataset& dataset,
                                                          std::vector<model::AgeBandPopulation> rows,
                                                          const std::string& file, Warnings& warnings);

//! Reads consumption weights by age band (`--age-weights FILE`): columns age_band (or tranche_age, age,
//! band…) and weight (or poids, ponderation, coefficient), bands written as normaliseAgeBand reads them
//! ("0-14", INSEE's "0014", "90+"), weights numbers >= 0 (decimal commas read). Throws Error naming the
//! file, the line and the column: a missing column, a band naming no band or given twice, a weight that is
//! not a number >= 0; Error(Format) naming the file when it has no row.
std::vector<model::AgeBandWeight> readAgeWeights(const std::string& path,
                                                 const TableReadOptions& options = {});
//! The same from a table already read.
std::vector<model::AgeBandWeight> ageWeightsFromTable(const Table& table);

//! Checks that `weights` (read from `file`) give a weight to every band of `ages`. Throws Error(Value)
//! naming the file, the bands missing and the bands it has.
void checkAgeWeightsCover(const std::vector<model::AgeBandWeight>& weights,
                          const std::vector<model::AgeBandPopulation>& ages, const std::string& file);

} // namespace maillage::io
