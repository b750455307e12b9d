#pragma once
// Spatial accessibility per commune (DOMAIN.md §6): DREES's APL (accessibilité potentielle localisée), a
// two-step floating catchment, and its variants (binary 2SFCA, Gaussian and exponential decay) as
// parameters of one code path. Then the zonage of the communes by APL thresholds, and how it moves
// when a threshold moves.
#include "core/analysis/access_parameters.h"
#include "core/analysis/wording.h"
#include "core/model/dataset.h"
#include "core/model/error.h"
#include "core/model/feedback.h"

#include <string>
#include <vector>

namespace maillage::analysis {

//! The defaults for `profession` (code or alias; "" = all professions: the GP defaults): its group's
//! (defaultAccessParameters(group)); an unknown profession gets the GP defaults (accessibility() then
//! reports it).
AccessParameters defaultAccessParameters(const model::ProfessionCatalogue& catalogue,
                                         const std::string& profession);

//! The parameters of `profession` saved with the dataset: its group's defaults with the "access.*" keys
//! of `params` over them (model::Parameters::accessFor); "" or an unknown profession as above.
AccessParameters accessParameters(const model::Parameters& params,
                                  const model::ProfessionCatalogue& catalogue, const std::string& profession);

//! Optional inputs that replace what the dataset gives. Empty vectors: the dataset's (the population, or the
//! standardised demand with params.demand; the counts, or the register's supply with params.supply = FTE or
//! params.maxAge).
struct AccessInputs {
    //! Demand per commune (same order as dataset.communes), e.g. standardisedPopulation(); empty: the
    //! communes' population.
    std::vector<double> demand;
    bool demandStandardised = false; //!< the unit says "standardised inhabitants"
    //! Supply per commune (FTE, consultations: say which in AccessParameters::supply); empty: the counts
    //! of the profession for the vintage.
    std::vector<double> supply;
    //! Consumption weights of the standardised demand (`maillage access --age-weights`); empty: the
    //! dataset's (consumptionWeights(), core/analysis/access_weights.h).
    std::vector<model::AgeBandWeight> ageWeights;
};

//! Age-standardised population (DREES): each commune's population by age band weighted by the band's
//! consumption of care, scaled so that the whole dataset keeps its population. `byBand[c][b]` is the
//! population of commune c in band b; `weights[b]` the relative consumption of band b (data: DREES and
//! the Assurance maladie publish them per profession; cite the source where they are loaded). Throws
//! Error(Value) when a row has another number of bands than `weights`, or a weight or count is negative.
std::vector<double> standardisedPopulation(const std::vector<std::vector<double>>& byBand,
                                           const std::vector<double>& weights);

//! Age-standardised demand of every commune (same order as dataset.communes) from dataset.populationByAge
//! and `weights` (model::builtinConsumptionWeights()): standardisedPopulation over the communes that have
//! ages; a commune without them keeps its population (one warning lists them). Throws Error(Parameter) on
//! "access.demand" when the dataset has no population by age, Error(Value) naming a band that `weights`
//! lacks.
std::vector<double> standardisedDemand(const model::Dataset& dataset,
                                       const std::vector<model::AgeBandWeight>& weights, Warnings& warnings);

//! Supply per commune (same order as dataset.communes) from register `reg`: the professionals of
//! `profession` (code or alias, "" = all) placed by the register's site rule (siteWeights), or, with
//! params.supply = FullTimeEquivalents, the FTE of each practice site at its commune (a professional whose
//! sites give no FTE counts as 1, placed by the rule: a warning counts them). With params.maxAge > 0 only
//! professionals younger than it at the register's vintage (vintage − birth year) count; those of unknown
//! birth year are kept and counted in a warning. Sites in no commune of the dataset are left out.
std::vector<double> registerSupply(const model::Dataset& dataset, const model::ProfessionalRegister& reg,
                                   const std::string& profession, const AccessParameters& params,
                                   Warnings& warnings);

//! Accessibility of every commune, same order as dataset.communes.
struct AccessResult {
    std::string profession; //!< canonical code ("" = all professions)
    int vintage = 0;
    AccessParameters params;
    bool demandStandardised = false;
    std::vector<double> values; //!< per params.perInhabitants (standardised) inhabitants
    std::vector<double> demand; //!< the demand used (population or standardised), for the zonage
    //! Pairs (this commune's population, a commune with supply) within the catchment, by where their time
    //! came from: the travel-time matrix, or the straight line at params.straightLineSpeedKmh. A commune
    //! reaching its own supply at 0 minutes because the matrix lacks the pair is in neither count.
    std::vector<int> pairsByMatrix, pairsByStraightLine;
    //! Communes within the catchment of the dataset's edge (the hull of the communes' anchors): supply
    //! beyond the edge is not counted, so their value may be underestimated.
    std::vector<char> nearEdge;
    Warnings warnings; //!< counts left out, straight-line pairs, the edge
};

//! Two-step floating catchment. Step 1, for each commune j with supply S_j: R_j = S_j / Σ_i P_i·w(t_ij);
//! step 2, for each commune i: A_i = Σ_j R_j·w(t_ij) × params.perInhabitants. t_ij is the time from i to
//! j in dataset.travelTimes when the matrix has the pair (the shortest of duplicates), else the straight
//! line between anchors at params.straightLineSpeedKmh; a commune reaches itself at 0 minutes when the
//! matrix does not say otherwise, even without a position. Communes without a position reach no other
//! commune except through the matrix. `profession`: code or alias ("" = all); `vintage` 0 = latest.
//! Demand: inputs.demand, else the population, or standardisedDemand() with inputs.ageWeights, else the
//! dataset's weights (stored by `import|add --age-weights`, else the shipped ones) when params.demand says
//! so. Supply: inputs.supply, else the counts, or registerSupply() from the register of
//! the vintage when params.supply is FTE or params.maxAge is set (without such a register: FTE and
//! consultations throw Error(Parameter) naming "access.supply"; an age limit is not applied, a warning
//! says so). The dataset's buffer communes (Dataset::bufferCommunes) are supply and demand like the others
//! but are not in the result, and the edge is then the buffer's. Throws Error(Parameter) for invalid
//! parameters, Error(Value) for an unknown profession or inputs of the wrong size, Error(Canceled) when
//! `feedback` is canceled. About linear in the number of communes.
AccessResult accessibility(const model::Dataset& dataset, const std::string& profession, int vintage,
                           const AccessParameters& params, const AccessInputs& inputs = {},
                           Feedback* feedback = nullptr);

//! "professionnels pour 100 000 habitants standardisés" / "professionals per 100,000 standardised
//! inhabitants" (FTE, consultations, per inhabitant as the parameters say).
std::string accessUnit(const AccessResult& result, Language language);

//! The communes classed by APL thresholds (DOMAIN.md §6, the zonage simulator).
struct Zonage {
    std::vector<double> thresholds;   //!< ascending
    std::vector<int> classOf;         //!< per commune: number of thresholds <= its value (0 = lowest)
    std::vector<double> populationOf; //!< per class (thresholds.size() + 1 classes)
    std::vector<int> communesOf;      //!< per class
};

//! Class k holds the values v with thresholds[k-1] <= v < thresholds[k] (a commune exactly at a threshold
//! is in the class above it). Throws Error(Parameter) when the thresholds are not ascending and finite.
Zonage zonage(const AccessResult& result, const std::vector<double>& thresholds);

//! The zonage by unit (commune, BV, territoire de vie-santé): each unit's value is the demand-weighted mean
//! of its communes' values (as DREES and the ARS aggregate APL), and every commune takes its unit's class.
struct UnitZonage {
    std::vector<std::string> units; //!< unit codes, sorted
    std::vector<double> unitValues; //!< per unit: demand-weighted mean (plain mean when no demand)
    std::vector<double> unitDemand; //!< per unit
    std::vector<int> unitClass;     //!< per unit
    std::vector<int> unitsOf;       //!< per class: number of units
    //! Per commune: its unit's class (-1 for a commune of no unit); populationOf and communesOf per class
    //! (communes of no unit left out).
    Zonage zonage;
};
//! `unitOf[c]` is the unit of commune c ("" = none); the same size as result.values. Throws
//! Error(Parameter) for thresholds as zonage() does, Error(Value) when `unitOf` has another size.
UnitZonage zonageByUnit(const AccessResult& result, const std::vector<std::string>& unitOf,
                        const std::vector<double>& thresholds);

//! For each value of threshold `index`, the communes whose class differs from the zonage with
//! `thresholds` as given.
struct ZonageChange {
    double value = 0;
    std::vector<int> communes;        //!< indices into dataset.communes whose class changed
    double population = 0;            //!< their demand (population or standardised)
    std::vector<double> populationOf; //!< per class, with this value
};
//! "With threshold 1 at 2.5: 12 communes change class (4,512 inhabitants)." / "Avec le seuil 1 à 2,5 : …";
//! `index` is the threshold moved (0-based, worded from 1); "inhabitants" are standardised ones when the
//! demand was.
std::string describeZonageChange(const ZonageChange& change, std::size_t index, bool standardised,
                                 Language language);
std::vector<ZonageChange> zonageSensitivity(const AccessResult& result, const std::vector<double>& thresholds,
                                            std::size_t index, const std::vector<double>& values);
//! Moves accessibility parameter `key` (an "access.*" key) over `values`, over `params`: for each, the
//! accessibility computed again and the communes whose zonage class by `thresholds` differs from the one
//! with `params`. Throws Error(Parameter) naming the key for a key that is not an accessibility parameter
//! or a value refused (model::accessFromKeyValues), Error(Canceled) when `feedback` is canceled.
std::vector<ZonageChange> accessSensitivity(const model::Dataset& dataset, const std::string& profession,
                                            int vintage, const AccessParameters& params,
                                            const std::string& key, const std::vector<double>& thresholds,
                                            const std::vector<double>& values, Feedback* feedback = nullptr);
//! The same by unit: the communes whose unit changes class (zonageByUnit).
std::vector<ZonageChange> zonageSensitivity(const AccessResult& result,
                                            const std::vector<std::string>& unitOf,
                                            const std::vector<double>& thresholds, std::size_t index,
                                            const std::vector<double>& values);

} // namespace maillage::analysis
