#pragma once
// The profiles of professionals and their retirement projection as result tables (core/io/result_table.h):
// what `maillage profile` writes and the Densités panel shows. Masked cells are empty and flagged.
#include "core/analysis/profile.h"
#include "core/analysis/retirement.h"
#include "core/io/result_table.h"

#include <vector>

namespace maillage::analysis {

//! What the tables are built from: profiles (a territory then its references, profession by profession,
//! as profilesWithReferences gives them) and the register they come from.
struct ProfileTableInput {
    std::vector<Profile> profiles;
    std::string source; //!< the register's source, in the notes
    model::SiteRule rule = model::SiteRule::MainSite;
    double retirementAge = 67; //!< register.retirement_age
};

//! "profile": one row per profile (level, code, name, profession, population, count, the seven age bands,
//! 55+ and 60+ with their shares, median age, women, men, sex unknown, share of women, the five secteurs,
//! the four modes, FTE). Notes: the register, the site rule, that ages are at the register's vintage.
io::ResultTable profileTable(const model::Dataset& dataset, const ProfileTableInput& input,
                             const SecrecyRule& rule);
//! "retirement": one row per profile (level, code, name, profession, population, count, retirement age,
//! density today, then per horizon the leavers, the density that would remain, the number to install and
//! the sentence in `language`; masked sentences are empty).
io::ResultTable retirementTable(const model::Dataset& dataset, const ProfileTableInput& input,
                                const SecrecyRule& rule, Language language);

} // namespace maillage::analysis
