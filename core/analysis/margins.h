#pragma once
// How robust is each type of the pôle typology (DOMAIN.md §3): for every BV, how far it stands from each
// threshold in professionals ("il manque 29 professionnels de pôle pour être pôle intermédiaire"); and
// which BVs change type when a threshold (or the mass scale) moves over a range.
#include "core/analysis/poles.h"
#include "core/model/feedback.h"

#include <string>
#include <vector>

namespace maillage::analysis {

//! A condition of the typology, as a number of professionals.
enum class MarginKind {
    MetropoleTotal,        //!< N > metropole (strict)
    GrandPoleTotal,        //!< N >= grand pôle
    IntermediateTotal,     //!< N >= intermediate
    IntermediatePoleShare, //!< N_pole / N >= share: counted in pôle professionals added (or lost)
    IntermediatePsyShare,  //!< N_psy / N <= share: counted in psychiatric nurses removed (or added)
    SecondaryExPsy,        //!< N_exPsy >= secondary
};

//! One condition of one BV, in whole professionals (fractional counts rounded the safe way).
struct Margin {
    MarginKind kind = MarginKind::GrandPoleTotal;
    bool met = false;
    //! Not met: the fewest professionals of the kind the condition counts to add (psychiatric nurses to
    //! remove for IntermediatePsyShare) for the condition to hold; 0 when met.
    double needed = 0;
    //! Met: the most professionals that can go (psychiatric nurses that can be added for
    //! IntermediatePsyShare) with the condition still holding; 0 when not met.
    double spare = 0;
    //! False when no number of professionals can meet it (a share threshold of 100 % or more).
    bool reachable = true;
};

//! The six conditions of one BV, in the order of MarginKind.
struct BassinMargins {
    std::string bv;
    PoleType type = PoleType::HorsPole;
    PoleThresholds thresholds;
    std::vector<Margin> margins;
    //! The margin of one kind.
    const Margin& of(MarginKind kind) const { return margins[static_cast<std::size_t>(kind)]; }
};

//! Each condition measured against the thresholds the classification used. One condition at a time: the
//! professionals added to meet a share also add to N (the other conditions are not re-checked).
BassinMargins marginsOf(const PoleClassification& classification);
std::vector<BassinMargins> margins(const std::vector<PoleClassification>& classifications);

//! The margins that matter for the BV's type, in one sentence: what is missing for the type above and
//! how far it stands above the threshold of its own type ("Pôle secondaire : il manque 29 professionnels
//! de pôle pour être pôle intermédiaire ; 1 919 professionnels hors infirmiers psychiatriques au-dessus du
//! seuil des pôles secondaires.").
std::string describeMargins(const BassinMargins& margins, Language language);

//! A BV whose type differs from the base classification.
struct MarginTypeChange {
    std::string bv;
    PoleType from = PoleType::HorsPole, to = PoleType::HorsPole;
};
struct SensitivityStep {
    double value = 0;
    std::vector<MarginTypeChange> changes; //!< in the order of the BVs
};
struct Sensitivity {
    std::string key; //!< "poles.grand_pole_min", "poles.mass_scale", …
    double base = 0; //!< the parameter's value in the base classification
    std::vector<SensitivityStep> steps;
    Warnings warnings; //!< the aggregation's
};

//! Moves parameter `key` (a "poles.*" key of model::Parameters::toKeyValues) over `values` and lists, for
//! each, the BVs whose type differs from the classification with `params`. The aggregation is computed
//! once. Throws Error(Parameter) for a key that is not a pôle parameter or a value out of its domain,
//! Error(Canceled) when `feedback` is canceled.
Sensitivity sensitivity(const Aggregation& aggregation, const model::PoleParameters& params,
                        const std::string& key, const std::vector<double>& values,
                        Feedback* feedback = nullptr);
//! One step of a sensitivity in a sentence: "Avec « poles.grand_pole_min » à 2 900 : 2 bassins de vie
//! changent de type (« 38185 » : pôle intermédiaire → grand pôle, …)." Throws std::out_of_range for a step
//! the sensitivity does not have.
std::string describeSensitivityStep(const Sensitivity& sensitivity, std::size_t step, Language language);

//! aggregateByBassin(dataset, vintage) then the above.
Sensitivity sensitivity(const model::Dataset& dataset, int vintage, const model::PoleParameters& params,
                        const std::string& key, const std::vector<double>& values,
                        Feedback* feedback = nullptr);

} // namespace maillage::analysis
