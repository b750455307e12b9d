#pragma once
// Change between two vintages (DOMAIN.md §5, issue 11): professionals and density per bassin de vie or
// commune, a profession or all, with the changes within noise flagged and statistical secrecy applied
// as every other output applies it (core/analysis/secrecy.h).
#include "core/analysis/secrecy.h"
#include "core/analysis/vintages.h"
#include "core/io/result_table.h"
#include "core/model/dataset.h"
#include "core/model/error.h"

#include <string>
#include <vector>

namespace maillage::analysis {

//! The unit of a change table or map.
enum class ChangeLevel { Bassin, Commune };
//! "bv" or "commune" → level; false otherwise.
bool parseChangeLevel(const std::string& text, ChangeLevel& out);

//! What to compare.
struct ChangeRequest {
    int from = 0, to = 0;   //!< vintages: from must be before to, both present in the dataset
    std::string profession; //!< catalogue code or alias; "" = all professions present in both vintages
    ChangeLevel level = ChangeLevel::Bassin;
    double noiseProfessionals = 2; //!< |change| below this is within noise ("stable")
};

//! One unit (BV or commune).
struct ChangeRow {
    std::string code, name;
    double population = 0; //!< the dataset's population (one vintage), for both densities
    double before = 0, after = 0;
    double change = 0;        //!< after - before
    double changePercent = 0; //!< 100 * change / before; 0 (and hasPercent false) when before = 0
    bool hasPercent = false;
    double densityBefore = 0, densityAfter = 0; //!< per 10,000 inhabitants; 0 without population
    double densityChange = 0;
    //! |change| < noiseProfessionals, or both counts under the secrecy threshold: "stable / dans le bruit".
    bool withinNoise = false;
};

//! The change of a request.
struct ChangeResult {
    ChangeRequest request;            //!< as applied (profession canonical)
    std::vector<ChangeRow> rows;      //!< dataset.bassins or dataset.communes order
    std::vector<std::string> leftOut; //!< professions counted in only one of the two vintages, sorted
    double secrecyThreshold = 5;      //!< the one the noise rule used
    Warnings warnings;                //!< counts left out (resolveCounts), professions left out
};

//! Counts of `request.profession` (or all professions present in both vintages) in `from` and `to`, per
//! unit. Throws Error(Parameter) when from is not before to, a vintage is absent from the dataset
//! (naming the vintages present) or the two come from different sources (checkSameSource), Error(Value) for
//! an unknown profession or one absent from a vintage. `rule` gives the secrecy threshold of the noise rule.
ChangeResult computeChange(const model::Dataset& dataset, const ChangeRequest& request,
                           const SecrecyRule& rule);

//! Which figures of each row are masked: counts as the density table masks them (primary and
//! complementary against the upper levels), and a change, its percentage and the densities with either.
std::vector<ChangeMask> maskChangeRows(const model::Dataset& dataset, const ChangeResult& result,
                                       const SecrecyRule& rule);

//! Table "change": code, name, population, count_from, count_to, change, change_percent (in per cent:
//! -14.6, as every "*_percent" column; "*_share" columns hold fractions), density_from, density_to,
//! density_change, within_noise (+ flag column masked).
io::ResultTable changeTable(const model::Dataset& dataset, const ChangeResult& result,
                            const SecrecyRule& rule);

//! The `n` largest changes in absolute value whose change is shown and not within noise (indices into
//! result.rows), largest first.
std::vector<int> largestChanges(const ChangeResult& result, const std::vector<ChangeMask>& masks, int n);

//! One sentence summing up a change ("Entre 2013 et 2018, le nombre de professionnels (médecin
//! généraliste) a diminué de 4,2 % dans le territoire ; 12 bassins de vie perdent plus de 10 %."): the
//! change of all units together (masked when either total is under the secrecy threshold), and the units
//! whose shown change is a loss of more than `lossLimit` (a fraction; within-noise and masked ones not
//! counted).
std::string describeChange(const model::Dataset& dataset, const ChangeResult& result,
                           const std::vector<ChangeMask>& masks, Language language, double lossLimit = 0.10);

//! Mass of professionals of each BV in each vintage of the dataset (the pôles' chart).
struct MassSeries {
    std::vector<int> vintages;             //!< ascending
    std::vector<std::string> bassins;      //!< codes
    std::vector<std::vector<double>> mass; //!< [bassin][vintage]
};
//! Every vintage of the dataset, for the BVs `bassins` (all professions present in each vintage).
MassSeries massOverVintages(const model::Dataset& dataset, const std::vector<std::string>& bassins);

//! Table "early_warning" (the Crunch early warning): bv, name, type, count_from, count_to, change_percent
//! (in per cent), large_pole, large_pole_name, distance_km, sentence (in `language`). Only the pôles at risk
//! that the published diagnosis keeps (publishableCrunch: none whose change is masked).
io::ResultTable earlyWarningTable(const CrunchDiagnostics& diagnostics, const SecrecyRule& rule,
                                  Language language);

} // namespace maillage::analysis
