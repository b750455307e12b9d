#pragma once
// Counts of professionals resolved against a dataset: the one place where count, flow and travel-time
// tables' place codes become commune indices and profession codes or aliases become catalogue indices.
// Poles (aggregateByBassin), densities and the maillage all go through it, so they agree on what a
// count of "75101" / "D201" / -4 / NaN means.
#include "core/model/catalogue.h"
#include "core/model/dataset.h"
#include "core/model/error.h"

#include <functional>
#include <string>
#include <vector>

namespace maillage::analysis {

//! Index into dataset.communes of a place code as tables write it: the code itself, else the code
//! repaired (codes::normalizeCommune: "1001" -> "01001", " 2a004" -> "2A004"), else, for an
//! arrondissement municipal, its commune (75101 -> 75056) when the list has the commune and not the
//! arrondissement. -1 when none of these is a commune of the dataset.
int resolveCommune(const model::Dataset& dataset, const std::string& place);

//! Index into catalogue.professions() of a canonical code or an alias (ProfessionCatalogue::resolve:
//! "D201", "Médecin généraliste"...); -1 when the catalogue has no such profession.
int resolveProfession(const model::ProfessionCatalogue& catalogue, const std::string& codeOrAlias);

//! A count whose place and profession are known.
struct ResolvedCount {
    int commune = -1;    //!< index into dataset.communes
    int profession = -1; //!< index into dataset.catalogue.professions()
    double count = 0;    //!< finite and >= 0
};

struct ResolvedCounts {
    int vintage = 0;                   //!< the vintage resolved (the latest one when 0 was asked)
    std::vector<ResolvedCount> counts; //!< in the order of dataset.counts
    //! One warning each, codes listed in details, for the records left out: places that are no commune
    //! of the dataset (Join), professions absent from the catalogue (Join), negative or non-finite
    //! counts (Value); and one (Duplicate) when the commune list has a code twice (counts go to the first).
    Warnings warnings;
};

//! The commune counts (dataset.counts, not zoneCounts) of `vintage` (0 = the default year, defaultVintage),
//! each with its commune (resolveCommune) and profession (resolveProfession); the others are left out with
//! the warnings above. Linear in the number of records; look-ups are cached for sorted and repeated codes.
ResolvedCounts resolveCounts(const model::Dataset& dataset, int vintage);

//! Receives resolved counts a batch at a time, in the order of dataset.counts.
using ResolvedCountBatch = std::function<void(const ResolvedCount* begin, const ResolvedCount* end)>;
//! The same resolution, streamed: `batch` is called with the counts kept, a few thousand at a time, so
//! that national tables (300,000 records) are never copied whole. Appends the warnings to `warnings`;
//! returns the vintage resolved. resolveCounts is this, collected into a vector.
int forEachResolvedCount(const model::Dataset& dataset, int vintage, const ResolvedCountBatch& batch,
                         Warnings& warnings);

} // namespace maillage::analysis
