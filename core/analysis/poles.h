#pragma once
// Typology of pôles d'offre (DOMAIN.md §3): pure functions, inputs + parameters -> results with reasons.
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
};

//! Sums the counts of `vintage` per BV (commune -> bv of dataset.communes). Zone counts are not used.
//! `vintage` = 0 means dataset.latestVintage(). Places and professions are resolved by resolveCounts
//! (core/analysis/counts.h: codes repaired, arrondissements municipaux folded into their commune when
//! only the commune is listed, aliases such as "D201" resolved), with its warnings. One more warning each
//! (codes listed in details) for counts of communes whose BV is missing from dataset.bassins, and of
//! communes in no bassin de vie at all (empty bv: INSEE's "ZZZZZ", Mayotte); those counts are left out.
Aggregation aggregateByBassin(const model::Dataset& dataset, int vintage);

struct PoleClassification {
    std::string bv;
    PoleType type = PoleType::HorsPole;
    double total = 0, pole = 0, psy = 0, exPsy = 0;
    double poleShare = 0, psyShare = 0; //!< 0..1; 0 when total = 0
    std::string reasonFr; //!< one sentence a non-specialist understands, with the figures and the rule
    std::string reasonEn;
};

//! Classifies one BV: the first rule that holds, in order 1, 2, 3, 4, else hors pôle.
//! The count thresholds are multiplied by params.massScale (the reasons then state the scaled values
//! and say so); the two share thresholds are not. Comparisons tolerate a relative 1e-12 so that sums
//! of fractional counts land on the right side of a threshold they equal.
PoleClassification classifyBassin(const BassinTotals& totals, const model::PoleParameters& params);
//! Classifies all; same order as the input.
std::vector<PoleClassification> classifyPoles(const std::vector<BassinTotals>& totals,
                                              const model::PoleParameters& params);

//! group (région, département or any key) -> number of BVs of each type (index = type).
struct TypeSummary {
    std::map<std::string, std::array<int, kPoleTypeCount>> byGroup;
    std::array<int, kPoleTypeCount> all{};
};
TypeSummary summarizeByGroup(const std::vector<PoleClassification>& poles,
                             const std::function<std::string(const std::string& bv)>& groupOf);

} // namespace maillage::analysis
