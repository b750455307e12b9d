#pragma once
// The results of the zonage simulator and of the robustness of the typology as ResultTables
// (core/io/result_table.h), as the command line writes them: zonage classes and their population, how the
// zonage moves with a threshold, each BV's margins to the thresholds, and which BVs change type when a
// parameter moves. Builders lay out, mask and caption; the analyses compute.
#include "core/analysis/accessibility.h"
#include "core/analysis/margins.h"
#include "core/analysis/secrecy.h"
#include "core/io/result_table.h"
#include "core/model/dataset.h"

#include <string>
#include <vector>

namespace maillage::analysis {

//! The label of zonage class `k` of `thresholds`: "< 2.5", "2.5 – 4", "≥ 4" (numbers as machines read
//! them, so that the label is the same in every language).
std::string zonageClassLabel(const std::vector<double>& thresholds, int k);

//! Fills the "zonage" column of an accessibilityTable ("access") with each commune's class label (its
//! unit's class; empty for a commune of no unit) and adds a column "zonage_unit" with the unit's code.
void setZonageColumn(io::ResultTable& access, const UnitZonage& zonage,
                     const std::vector<std::string>& unitOf);

//! Table "access_zonage": class, label, units, communes, population (the demand: standardised inhabitants
//! when it was standardised), one row per class. `unitKind` names the unit in the notes ("commune", "bv",
//! or the unit table's file). Numbers of units and inhabitants: nothing to mask.
io::ResultTable zonageTable(const UnitZonage& zonage, const std::string& unitKind, bool standardised,
                            const SecrecyRule& rule);

//! Table "access_sensitivity": value, communes, population, description (describeZonageChange in
//! `language`), one row per value of threshold `index`.
io::ResultTable zonageSensitivityTable(const std::vector<ZonageChange>& changes, std::size_t index,
                                       bool standardised, const SecrecyRule& rule, Language language);

//! Table "access_sensitivity" of accessSensitivity(): value, communes, population, description ("With
//! 'access.catchment_minutes' at 30: 12 communes change class (4,512 inhabitants).").
io::ResultTable accessSensitivityTable(const std::vector<ZonageChange>& changes, const std::string& key,
                                       bool standardised, const SecrecyRule& rule, Language language);

//! Table "margins": bv, name, type, type_label, then for each condition of the typology a signed margin in
//! professionals (margin_metropole, margin_grand_pole, margin_intermediate, margin_pole_share,
//! margin_psy_share, margin_secondary: > 0 the professionals to spare, < 0 the professionals missing;
//! empty when unreachable), and "margins", the sentence of describeMargins in `language`. A margin gives
//! its count back with the threshold: masked with the counts it is measured on (maskClassification), the
//! sentence replaced by the type alone when any is.
io::ResultTable marginsTable(const model::Dataset& dataset, const std::vector<PoleClassification>& poles,
                             const SecrecyRule& rule, Language language);

//! Two tables. "sensitivity": value, changes, description (describeSensitivityStep in `language`), one row
//! per value; "sensitivity_changes": value, bv, name, from, from_label, to, to_label, one row per BV whose
//! type differs from the base classification for that value. Types are published: nothing to mask.
std::vector<io::ResultTable> sensitivityTables(const model::Dataset& dataset, const Sensitivity& sensitivity,
                                               const SecrecyRule& rule, Language language);

} // namespace maillage::analysis
