#pragma once
// Parameters of spatial accessibility (DOMAIN.md §6): DREES's APL and the other floating-catchment
// variants, as data. Every value is a default the user can edit; model::Parameters keeps the "access.*"
// keys the user set, saved in the GeoPackage and JSON files, over the defaults of each profession group.
#include "core/model/catalogue.h"

#include <map>
#include <string>
#include <vector>

namespace maillage::model {

//! The weight a pair of communes gets from its travel time t (minutes). One code path computes all four:
//! only w(t) differs. Every method gives 0 at and beyond AccessParameters::catchmentMinutes.
enum class AccessMethod {
    Apl,         //!< DREES's stepped weights (AccessParameters::steps)
    Binary,      //!< classic 2SFCA: 1 within the catchment
    Gaussian,    //!< exp(-t² / (2 σ²)), σ = decayMinutes (as the R packages fca and SpatialAcc offer)
    Exponential, //!< exp(-t / τ), τ = decayMinutes
};

//! One step of the APL weights: `weight` for the times from the previous step's bound (inclusive, 0 for
//! the first step) up to `below` (exclusive). DREES publishes "moins de 10 minutes", "de 10 à 15
//! minutes", … : a commune at exactly 10 minutes is in the second step (2/3), at exactly 20 minutes in
//! none (0).
struct AccessStep {
    double below = 0; //!< minutes, exclusive upper bound
    double weight = 0;
};

//! What the supply counts, for the unit of the result.
enum class SupplyKind { Professionals, FullTimeEquivalents, Consultations };

//! What the demand counts: the population, or the population standardised by age (DREES): each age band
//! weighted by its consumption of care (Dataset::populationByAge and the weights shipped in
//! resources/access, see builtinConsumptionWeights()).
enum class DemandKind { Population, Standardised };

struct AccessParameters {
    AccessMethod method = AccessMethod::Apl;
    //! Pairs at this time or more get weight 0 (every method).
    double catchmentMinutes = 20;
    //! APL only; ascending bounds, the last one equal to catchmentMinutes. DREES's defaults for GPs.
    std::vector<AccessStep> steps = {{10, 1.0}, {15, 2.0 / 3.0}, {20, 1.0 / 3.0}};
    //! Gaussian σ or exponential τ, in minutes.
    double decayMinutes = 10;
    //! Pairs missing from the travel-time matrix: straight line between the communes' anchors at this
    //! speed, as the crow flies. 37 km/h is the least-squares fit of straight-line distance on OSRM car
    //! times for the 512 communes of Isère, pairs up to 30 minutes (tests/analysis/test_accessibility.cpp
    //! prints the fit: 37.3 km/h; median 35.8 km/h).
    double straightLineSpeedKmh = 37;
    //! The result is per this many (standardised) inhabitants: 100,000 for professionals or FTE,
    //! 1 for consultations (DREES's zonage threshold: 2.5 consultations per standardised inhabitant).
    double perInhabitants = 100000;
    //! What the supply counts (a count of professionals by default; inputs may give FTE or consultations).
    SupplyKind supply = SupplyKind::Professionals;
    //! Population, or age-standardised population (needs the population by age band of the dataset).
    DemandKind demand = DemandKind::Population;
    //! Only professionals younger than this (years, at the vintage), when a register gives their birth
    //! year: 65 for the GP zonage; 0 = no age limit. Professionals of unknown age are kept (a warning
    //! counts them).
    double maxAge = 0;

    bool operator==(const AccessParameters& o) const;
    bool operator!=(const AccessParameters& o) const { return !(*this == o); }
};

//! The defaults for a profession group: médecins généralistes and the other professions de proximité
//! take DREES's 20-minute catchment (1 under 10 minutes, 2/3 from 10 to 15, 1/3 from 15 to 20; DREES
//! uses the same catchment for nurses, physiotherapists, midwives and dentists); professions de pôle
//! (specialists, reached farther) get 30 minutes (1 under 20, 2/3 from 20 to 25, 1/3 from 25 to 30), a
//! default of this application, not a DREES figure.
AccessParameters defaultAccessParameters(ProfessionGroup group);

//! Checks the domains: catchment > 0; steps non-empty for APL, bounds ascending and > 0, weights in 0..1,
//! the last bound equal to the catchment; decay > 0 for the Gaussian and exponential methods; speed > 0;
//! perInhabitants > 0. Throws Error(Parameter) naming `sourceName` and the key ("access.steps",
//! "access.catchment_minutes", …) and what was expected.
void validateAccess(const AccessParameters& params, const std::string& sourceName);

//! Flat key -> value form, as model::Parameters writes its own ("access.method": 0 APL, 1 binary,
//! 2 Gaussian, 3 exponential; "access.catchment_minutes", "access.decay_minutes",
//! "access.straight_line_speed_kmh", "access.per_inhabitants", "access.supply": 0 professionals, 1 FTE,
//! 2 consultations; "access.demand": 0 population, 1 age-standardised; "access.max_age" (0 = none);
//! "access.step_count" and "access.step_<k>_minutes" / "access.step_<k>_weight" for
//! k = 1..step_count).
std::map<std::string, double> accessKeyValues(const AccessParameters& params);
//! Reads the keys of `kv` that start with "access." over `base` and validates the result. A catchment
//! given without steps stretches base's steps to it (same fractions of the catchment: 10/15/20 minutes
//! become 15/22.5/30 for a 30-minute catchment); steps given without a catchment set it to their last
//! bound. Throws
//! Error(Parameter) naming `sourceName` and the key for an unknown "access." key, a method or supply that
//! is not one of the codes above, a step count that is not a whole number in 0..20 with its steps
//! given, or a value validate() refuses. Keys of other groups are ignored.
AccessParameters accessFromKeyValues(const std::map<std::string, double>& kv, const std::string& sourceName,
                                     const AccessParameters& base = {});

//! The relative consumption of care of one inhabitant of an age band (resources/access/README.md).
struct AgeBandWeight {
    std::string band; //!< "0-14", "15-29", … "90+"
    double weight = 0;
};
//! The weights shipped in resources/access/consumption_weights.csv (compiled in), in the file's order.
std::vector<AgeBandWeight> builtinConsumptionWeights();
//! That file's text, as compiled in.
const char* builtinConsumptionWeightsCsv();

//! True for a key accessFromKeyValues reads: the fixed "access.*" keys and "access.step_<k>_minutes" /
//! "access.step_<k>_weight" for k = 1..20.
bool isAccessKey(const std::string& key);

} // namespace maillage::model
