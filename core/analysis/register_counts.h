#pragma once
// Counts of professionals derived from a register of individuals (issue 12): one place for the site rule,
// so that the import, the scenarios ("retire everybody over 60") and the profiles count people the same way.
#include "core/model/dataset.h"
#include "core/model/register.h"

#include <string>
#include <vector>

namespace maillage::analysis {

//! The register of individual professionals of `year` exactly (the dataset holds one per year), or
//! nullptr: the one lookup of a year's register (profiles, retirements, scenarios, accessibility, sources).
const model::ProfessionalRegister* registerOfYear(const model::Dataset& dataset, int year);

//! The register to profile for `vintage` (0 = the default year, analysis::defaultVintage): registerOfYear,
//! never another year's register; nullptr when that year has none.
const model::ProfessionalRegister* registerFor(const model::Dataset& dataset, int vintage);

//! The years that have a register, ascending, as text (for the messages naming them).
std::vector<std::string> registerYears(const model::Dataset& dataset);

//! The weight of each practice site of `professional` under `rule`, in the order of `sites` (sites without
//! a commune weigh 0): MainSite gives 1 to the main site (the first site with a commune when none is
//! flagged main); SharedByActivity shares 1 between the sites with a commune by their FTE, equally when
//! any FTE is missing. All zero when no site has a commune.
std::vector<double> siteWeights(const model::RegisteredProfessional& professional, model::SiteRule rule);

//! Counts per commune and profession of `reg` (its vintage), summed over professionals with siteWeights
//! under the register's own rule; sorted by commune then profession. Professionals whose profession is
//! empty are left out (the reader reported them).
std::vector<model::CountRecord> countsFromRegister(const model::ProfessionalRegister& reg);

} // namespace maillage::analysis
