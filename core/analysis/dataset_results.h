#pragma once
// The per-commune results that the dataset GeoPackage keeps for every profession and vintage (issue 7): the
// densities of `maillage density --level commune` and the accessibility of `maillage access`, built by the
// same functions (densityForAllCommunes + densityTable, accessibility + accessibilityTable), secrecy applied.
#include "core/analysis/result_tables.h"
#include "core/analysis/secrecy.h"
#include "core/io/result_table.h"
#include "core/model/dataset.h"

#include <string>
#include <vector>

namespace maillage::analysis {

//! The professions whose accessibility DREES publishes as APL (médecins généralistes, infirmiers,
//! masseurs-kinésithérapeutes, sages-femmes, chirurgiens-dentistes): catalogue codes.
const std::vector<std::string>& aplProfessions();

//! Table "densites", streamed: commune, profession (catalogue code), vintage, population, count, per_10000,
//! inhabitants_per_professional (+ flag "masked"), for every profession of the catalogue that has counts
//! and every vintage: the rows of densityTable at the commune level, masked as it masks them (primary and
//! complementary secrecy by `rule`). Rows of a count 0 that nothing masks are left out (the view
//! densites_completes fills them, io::writeResultsInto). Computed one profession and vintage at a time as
//! the writer takes the rows: `dataset` must outlive the table.
io::StreamedTable communeDensities(const model::Dataset& dataset, const SecrecyRule& rule);

//! The rows of communeDensities for one profession and vintage, in its layout (none when nobody of
//! `profession` practises in `vintage`).
io::ResultTable communeDensityRows(const model::Dataset& dataset, const SecrecyRule& rule,
                                   const std::string& profession, int vintage);
//! communeDensityRows's layout: its name, titles and columns, without rows.
io::ResultTable communeDensityLayout(const model::Dataset& dataset, const SecrecyRule& rule);
//! The rows of communeDensityRows handed to `sink` one at a time, in communeDensityLayout's columns,
//! without the table.
void communeDensityRows(const model::Dataset& dataset, const SecrecyRule& rule, const std::string& profession,
                        int vintage, const io::RowSink& sink);

//! Table "accessibilite", streamed: commune, profession, vintage, access, unit (in `language`), method
//! ("apl", "2sfca", "gaussian", "exponential") for the professions of aplProfessions() that have counts,
//! every vintage, with the dataset's saved parameters (accessParameters, as `maillage access` without
//! options). Accessibility mixes a whole catchment's supply: nothing to mask (accessibilityTable). A
//! profession and vintage the saved parameters cannot apply to (FTE without the vintage's register) is left
//! out. Computed one profession and vintage at a time: `dataset` must outlive the table.
io::StreamedTable communeAccess(const model::Dataset& dataset, const SecrecyRule& rule, Language language);

} // namespace maillage::analysis
