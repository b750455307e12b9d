#pragma once
// Commune densities and drill-down (DOMAIN.md §6), statistical secrecy (§7). Accessibility (APL, 2SFCA):
// core/analysis/accessibility.h.
#include "core/analysis/secrecy.h" // isMasked, maskedCountFr: statistical secrecy has its own module
#include "core/model/dataset.h"
#include "core/model/error.h"
#include "core/model/parameters.h"

#include <string>
#include <vector>

namespace maillage::analysis {

struct DensityRow {
    std::string code, name; //!< commune, zone, BV, département, région or "" for the whole dataset
    double population = 0;
    double count = 0;
    double per10k = 0;                     //!< count / population * 10,000; 0 when population = 0
    double inhabitantsPerProfessional = 0; //!< population / count; 0 when count = 0 (shown as "—")
};

//! One profession ("" = all professions) for one vintage. In every function below, `profession` is a
//! catalogue code or alias ("" = all; anything else throws Error(Value) listing the catalogue's codes),
//! and `vintage` 0 means the dataset's default year (defaultVintage, core/analysis/vintages.h). Counts are
//! read through resolveCounts (core/analysis/counts.h), as the pôles are: aliases such as "D201" count for
//! their profession, arrondissements for their commune; negative and non-finite counts are left out.
struct DensityDrillDown {
    std::string profession;
    int vintage = 0;
    std::vector<DensityRow> rows; //!< the communes of the BV (or zones of the commune), by name
    DensityRow parent;            //!< the BV (or the commune) drilled into
    DensityRow bassin, departement, region, dataset; //!< references for comparison (BV of the parent...)
    Warnings warnings; //!< counts left out (unknown places or professions, invalid counts)
};

//! The canonical code of a profession given as code or alias ("" stays "" = all professions). Throws
//! Error(Value) listing the catalogue's codes for a profession it does not know.
std::string canonicalProfession(const model::Dataset& dataset, const std::string& profession);

//! Counts of one profession for one vintage, one per commune (same order as dataset.communes).
struct CommuneCounts {
    std::string profession;     //!< canonical code ("" = all professions)
    int vintage = 0;            //!< the vintage counted (the default year when 0 was asked)
    std::vector<double> counts; //!< per commune
    Warnings warnings;          //!< counts left out (resolveCounts' warnings)
};

//! Counts of `profession` for `vintage`. Counts of an arrondissement municipal go to its commune; counts
//! of unknown places and professions, and invalid counts, are left out with resolveCounts' warnings.
CommuneCounts countsByCommune(const model::Dataset& dataset, const std::string& profession, int vintage);

//! Communes of BV `bv`. The références are the BV itself, the département and région of its main commune
//! (the commune whose code is the BV code; else Bassin::dep/reg), computed over Commune::dep/reg, and the
//! whole dataset (name = dataset title). Throws Error(Value) for an unknown BV.
DensityDrillDown densityForBassin(const model::Dataset& dataset, const std::string& bv,
                                  const std::string& profession, int vintage);
//! Infra-communal zones of `commune` (rows empty when none are loaded), by name; parent = the commune;
//! références: its BV, département, région and the whole dataset. Throws Error(Value) for an unknown commune.
DensityDrillDown densityForCommune(const model::Dataset& dataset, const std::string& commune,
                                   const std::string& profession, int vintage);
//! Quartiers of `commune` (its zones summed by Zone::quartier; zones without a quartier are rows of their
//! own), by name; parent = the commune; références as densityForCommune. A quartier one of whose zones has
//! no population gets population 0 (no density: a part of its population would inflate it). Throws
//! Error(Value) for an unknown commune.
DensityDrillDown densityForQuartiers(const model::Dataset& dataset, const std::string& commune,
                                     const std::string& profession, int vintage);
//! Densities of every commune, for map colouring.
struct CommuneDensities {
    std::string profession;       //!< canonical code ("" = all professions)
    int vintage = 0;              //!< the vintage counted
    std::vector<DensityRow> rows; //!< same order as dataset.communes
    Warnings warnings;            //!< counts left out (resolveCounts' warnings)
};
//! A row per commune of the dataset.
CommuneDensities densityForAllCommunes(const model::Dataset& dataset, const std::string& profession,
                                       int vintage);
//! The rows of densityForAllCommunes from the communes' `counts` (countsByCommune's, same order as
//! dataset.communes).
std::vector<DensityRow> communeDensityRowsOf(const model::Dataset& dataset,
                                             const std::vector<double>& counts);
//! One of them: the row of `commune`, of `count` professionals.
DensityRow communeDensityRow(const model::Commune& commune, double count);

} // namespace maillage::analysis
