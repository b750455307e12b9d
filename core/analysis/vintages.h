#pragma once
// The vintages (years) of a dataset: where each year's counts come from, which year every view opens on
// (a register of a few professionals added as the newest year is not it), and which two years can be
// compared (issues 11 and 12).
#include "core/model/dataset.h"

#include <string>
#include <vector>

namespace maillage::analysis {

//! Where the counts of one vintage come from, and how much of the territory they cover (a register of a
//! few professionals added as the newest year must not become the default year, nor be compared with
//! BPE practice sites as if they were one series).
struct VintageInfo {
    int year = 0;
    bool fromRegister = false; //!< counts derived from a register of individual professionals (issue 12)
    //! The register's source, else the dataset's source naming the year ("INSEE, BPE 2013"); "" when none.
    std::string source;
    double professionals = 0;     //!< sum of the commune counts of the year
    double registered = 0;        //!< people in the register (fromRegister), located in the territory or not
    double populationShare = 0;   //!< share of the population living in a commune with a professional
    bool coversTerritory = false; //!< populationShare >= the minimum share asked
};

//! The vintages of the dataset (metadata and counts), ascending. A vintage covers the territory when at
//! least `minPopulationShare` of the population lives in a commune with a professional counted (of the
//! communes when the dataset has no population).
std::vector<VintageInfo> describeVintages(const model::Dataset& dataset, double minPopulationShare = 0.5);

//! The year every view opens on: the newest vintage that covers the territory, else the newest one; 0
//! without counts.
int defaultVintage(const model::Dataset& dataset);

//! `vintage`, or defaultVintage when it is 0: what "0 = the default year" means in every analysis.
int vintageOrDefault(const model::Dataset& dataset, int vintage);

//! True when the counts of `a` and `b` count the same thing: both derived from registers of individual
//! professionals (people), or neither (tables of counts such as the BPE's practice sites).
bool sameSource(const model::Dataset& dataset, int a, int b);

//! Throws Error(Parameter) naming both sources unless sameSource(from, to): their change would compare
//! practice sites with people.
void checkSameSource(const model::Dataset& dataset, int from, int to);

} // namespace maillage::analysis
