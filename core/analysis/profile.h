#pragma once
// Who the professionals are (DOMAIN.md §8, issue 12): per territory and profession, from a register of
// individual professionals, the age bands, the shares aged 55+ and 60+, the median age, the sexes, the
// secteurs conventionnels, the modes d'exercice and the full-time equivalents, with the references (BV,
// département, région, dataset) and the statistical secrecy of every figure (core/analysis/secrecy.h).
// A professional counts in a territory by the weights of their sites there under the register's site rule
// (core/analysis/register_counts.h), so a profile's count is the count the analyses use.
#include "core/analysis/register_counts.h" // registerFor
#include "core/analysis/secrecy.h"
#include "core/model/dataset.h"
#include "core/model/register.h"

#include <array>
#include <map>
#include <string>
#include <vector>

namespace maillage::analysis {

//! Age bands of a profile; Unknown holds the professionals whose birth year is not given.
enum class AgeBand { Under40, From40To49, From50To54, From55To59, From60To64, From65, Unknown };
inline constexpr std::size_t kAgeBandCount = 7;
//! The band of `age` (in whole years at the register's vintage); a negative age is Unknown.
AgeBand ageBandOf(int age);

//! Secteur and mode indices of Profile::sectors and Profile::modes (model::Sector / PracticeMode order,
//! the unknown value last).
inline constexpr std::size_t kSectorCount = 5; //!< secteur 1, secteur 2, OPTAM, non conventionné, unknown
inline constexpr std::size_t kModeCount = 4;   //!< libéral, salarié, mixte, unknown

//! What a territory is made of.
enum class TerritoryLevel { Commune, Bassin, Departement, Region, Dataset, Communes };

//! A territory: a set of communes of the dataset, with its level, code and name.
struct Territory {
    TerritoryLevel level = TerritoryLevel::Dataset;
    std::string code; //!< INSEE code; "" for the dataset; the codes joined by "," for a list of communes
    std::string name;
    std::vector<std::string> communes;
};

//! The territory `code` of `level` in `dataset` (Dataset: `code` ignored; Communes: `code` is the list,
//! comma separated). Throws Error(Value) naming the level and the code when it has no commune.
Territory territoryOf(const model::Dataset& dataset, TerritoryLevel level, const std::string& code);
//! "commune:CODE", "bv:CODE", "departement:CODE", "region:CODE", "communes:C1,C2" or "dataset".
//! Throws Error(Value) naming `spec` and what was expected.
Territory parseTerritory(const model::Dataset& dataset, const std::string& spec);
//! The references of `territory`: its BV, département and région when all its communes share one (the
//! territory's own level left out) and the dataset, in that order.
std::vector<Territory> referencesOf(const model::Dataset& dataset, const Territory& territory);
//! "commune", "bv", "departement", "region", "dataset", "communes".
std::string territoryLevelName(TerritoryLevel level);

//! The characteristics of the professionals of one profession in one territory. Counts are sums of site
//! weights (whole numbers under the main-site rule).
struct Profile {
    Territory territory;
    std::string profession; //!< catalogue code; "" = every profession of the register
    int vintage = 0;        //!< the register's: ages are at that year
    double population = 0;  //!< of the territory's communes
    double count = 0;
    std::array<double, kAgeBandCount> ageBands{};
    double aged55 = 0, aged60 = 0; //!< known ages only
    std::map<int, double> byAge;   //!< known ages -> count (median, retirements)
    double women = 0, men = 0, sexUnknown = 0;
    std::array<double, kSectorCount> sectors{};
    std::array<double, kModeCount> modes{};
    double fte = 0; //!< full-time equivalents of their sites in the territory (given FTEs only)

    double knownAge() const { return count - ageBands[static_cast<std::size_t>(AgeBand::Unknown)]; }
    //! The median of the known ages (weighted), -1 when none is known.
    double medianAge() const;
};

//! The profiles of `profession` ("" = every profession; a code or alias of the catalogue, else
//! Error(Value)) in each of `territories`, from `reg`, in one pass over the register.
std::vector<Profile> computeProfiles(const model::Dataset& dataset, const model::ProfessionalRegister& reg,
                                     const std::vector<Territory>& territories,
                                     const std::string& profession);

//! The profiles of `territory` then of each of its references (referencesOf), for each profession in
//! turn (codes or aliases; "" = every profession).
std::vector<Profile> profilesWithReferences(const model::Dataset& dataset,
                                            const model::ProfessionalRegister& reg,
                                            const Territory& territory,
                                            const std::vector<std::string>& professions);
//! The catalogue codes of the professions present in `reg`, in catalogue order.
std::vector<std::string> registerProfessions(const model::Dataset& dataset,
                                             const model::ProfessionalRegister& reg);

//! Which figures of a profile are masked (DOMAIN.md §7): every count from 1 to threshold − 1, and the
//! complement that would give it back from the total of its breakdown (age bands, sexes, secteurs,
//! modes; 55+ and 60+ from their bands); shares, the median and the FTEs with the counts they come from.
struct ProfileMask {
    bool count = false;
    std::array<bool, kAgeBandCount> ageBands{};
    bool aged55 = false, aged60 = false, share55 = false, share60 = false, median = false;
    bool women = false, men = false, sexUnknown = false, shareWomen = false;
    std::array<bool, kSectorCount> sectors{};
    std::array<bool, kModeCount> modes{};
    bool fte = false;
};
//! The mask of one profile shown alone.
ProfileMask maskProfile(const Profile& profile, const SecrecyRule& rule);
//! True when every commune of `inner` is in `outer` and `outer` has more: `outer`'s counts minus
//! `inner`'s are the counts of the rest of `outer`.
bool isNestedTerritory(const Territory& inner, const Territory& outer);
//! The pairs (inner, outer) of indices into `profiles` of the same profession and vintage whose
//! territories are nested (isNestedTerritory): the rows whose difference a reader can compute.
std::vector<std::pair<std::size_t, std::size_t>> nestedProfiles(const std::vector<Profile>& profiles);
//! The masks of profiles shown together (a territory and its references, as profilesWithReferences gives
//! them): each profile's own secrecy as maskProfile, and between two profiles of the same profession and
//! vintage whose territories are nested, the secrecy of their difference: a BV's band minus its commune's
//! band counts the rest of the BV, which must not give 1 to threshold − 1 people back either.
std::vector<ProfileMask> maskProfiles(const std::vector<Profile>& profiles, const SecrecyRule& rule);

} // namespace maillage::analysis
