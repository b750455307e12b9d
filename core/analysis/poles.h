#pragma once
// Typology of pôles d'offre (DOMAIN.md §3): pure functions, inputs + parameters -> results with the
// decision that made them; describeClassification words the decision.
#include "core/analysis/wording.h"
#include "core/model/dataset.h"
#include "core/model/error.h"
#include "core/model/parameters.h"

#include <array>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace maillage::analysis {

enum class PoleType : int {
    HorsPole = 0,
    GrandeMetropole = 1,
    GrandPole = 2,
    Intermediaire = 3,
    Secondaire = 4
};
inline constexpr int kPoleTypeCount = 5; //!< 0..4, index = static_cast<int>(type)

//! "Pôle de grande métropole", "Grand pôle", "Pôle intermédiaire", "Pôle secondaire", "Hors pôle".
std::string poleTypeLabelFr(PoleType type);
std::string poleTypeLabelEn(PoleType type);
//! "P-GM", "GP", "Pi", "Ps", "—".
std::string poleTypeShort(PoleType type);

//! Professionals of one BV for one vintage.
struct BassinTotals {
    std::string bv;
    double total = 0;                 //!< N
    double pole = 0;                  //!< N_pole (psychiatric nurses included)
    double psy = 0;                   //!< N_psy
    double proximite = 0;             //!< N - N_pole
    std::vector<double> byProfession; //!< indexed like dataset.catalogue.professions()
};

struct Aggregation {
    std::vector<BassinTotals> bassins; //!< same order as dataset.bassins
    Warnings warnings;                 //!< counts of unknown communes or professions (codes listed)
    //! Whether the vintage counts a psychiatric profession at all (a count of one, even 0, somewhere): the
    //! BPE has no code for psychiatric nurses, so that N_psy = 0 there says nothing of them.
    bool psyCounted = false;
};

//! Sums the counts of `vintage` per BV (commune -> bv of dataset.communes). Zone counts are not used.
//! `vintage` = 0 means the default year (analysis::defaultVintage). Places and professions are resolved by
//! resolveCounts (core/analysis/counts.h: codes repaired, arrondissements municipaux folded into their
//! commune when only the commune is listed, aliases such as "D201" resolved), with its warnings. One more
//! warning each (codes listed in details) for counts of communes whose BV is missing from dataset.bassins,
//! and of communes in no bassin de vie at all (empty bv: INSEE's "ZZZZZ", Mayotte); those counts are left
//! out.
Aggregation aggregateByBassin(const model::Dataset& dataset, int vintage);

//! A condition of the pôle intermédiaire rule (type 3), or the absence of any professional.
enum class PoleCondition {
    None,                     //!< nothing failed: types 1 to 3
    NoProfessional,           //!< N = 0 (or not a number): never a pôle, whatever the thresholds
    TotalAtLeastIntermediate, //!< N >= intermediate threshold
    PoleShareAtLeast,         //!< N_pole / N >= poleShareMin
    PsyShareAtMost,           //!< N_psy / N <= psyShareMax
};

//! The thresholds as applied to a BV: the four counts multiplied by massScale, the two shares as set.
struct PoleThresholds {
    double metropole = 0, grandPole = 0, intermediate = 0, secondary = 0;
    double poleShareMin = 0, psyShareMax = 0;
    double massScale = 1; //!< the reasons say when the study thresholds were scaled
};

//! What decided a classification. The rule that held is the type (HorsPole: none held). For types 4 and
//! hors pôle, `failed` is the first condition of rule 3 that failed, in the order N, pôle share,
//! psychiatric share; a hors pôle BV with professionals also failed rule 4 (N_exPsy < secondary).
struct PoleDecision {
    PoleCondition failed = PoleCondition::None;
    PoleThresholds thresholds;
};

struct PoleClassification {
    std::string bv;
    PoleType type = PoleType::HorsPole;
    double total = 0, pole = 0, psy = 0, exPsy = 0;
    double poleShare = 0, psyShare = 0; //!< 0..1; 0 when total = 0
    PoleDecision decision;              //!< the figures above against these thresholds decided `type`
    //! False when the data count no psychiatric nurse (Aggregation::psyCounted): psy and psyShare are 0
    //! for want of a count, and the tables show them as absent, not 0.
    bool psyCounted = true;
};

//! Classifies one BV: the first rule that holds, in order 1, 2, 3, 4, else hors pôle.
//! The count thresholds are multiplied by params.massScale; the two share thresholds are not.
//! Comparisons tolerate a relative 1e-12 so that sums of fractional counts land on the right side of a
//! threshold they equal.
PoleClassification classifyBassin(const BassinTotals& totals, const model::PoleParameters& params);
//! Classifies all; same order as the input.
std::vector<PoleClassification> classifyPoles(const std::vector<BassinTotals>& totals,
                                              const model::PoleParameters& params);

//! The reason of a classification, one sentence a non-specialist understands: the type, the figures
//! and the rule that held or the first condition that failed ("Pôle secondaire : 2 919 professionnels,
//! entre 1 500 et 3 000, mais les professions de pôle ne font que 19,4 % du total…"). Scaled
//! thresholds are stated as scaled, and the sentence says so.
std::string describeClassification(const PoleClassification& classification, Language language);
//! The thresholds describeClassification states for `classification`, the others 0 (massScale kept): two
//! classifications that differ only by thresholds their reason does not state have the same reason, in
//! either language. A caller that keeps the reasons it worded words again only the classifications whose
//! figures or stated thresholds changed (a grand pôle threshold is in few reasons).
PoleThresholds statedThresholds(const PoleClassification& classification);

//! A dataset classified for one vintage: the one way callers get pôles from a dataset.
struct Classification {
    int vintage = 0;                       //!< the vintage classified (0 asked: the latest)
    Aggregation aggregation;               //!< totals per BV, same order as dataset.bassins
    std::vector<PoleClassification> poles; //!< same order
    //! Everything the aggregation reported (unknown communes or professions, BVs missing...).
    const Warnings& warnings() const { return aggregation.warnings; }
};

//! aggregateByBassin then classifyPoles. `vintage` = 0 means the default year (defaultVintage).
Classification classifyDataset(const model::Dataset& dataset, int vintage,
                               const model::PoleParameters& params);
//! The same with the aggregation of the vintage already computed (aggregateByBassin(dataset, vintage),
//! `vintage` as resolved by vintageOrDefault): a caller that classifies one vintage again with other
//! thresholds keeps its aggregation rather than summing the counts again. The result is classifyDataset's.
Classification classifyAggregation(const model::Dataset& dataset, int vintage, Aggregation aggregation,
                                   const model::PoleParameters& params);

//! group (région, département or any key) -> number of BVs of each type (index = type).
struct TypeSummary {
    std::map<std::string, std::array<int, kPoleTypeCount>> byGroup;
    std::array<int, kPoleTypeCount> all{};
};
TypeSummary summarizeByGroup(const std::vector<PoleClassification>& poles,
                             const std::function<std::string(const std::string& bv)>& groupOf);

} // namespace maillage::analysis
