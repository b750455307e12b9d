#pragma once
// Crunch diagnostics (DOMAIN.md §5): concentration into the largest pôles, drain of the periphery.
#include "core/analysis/poles.h"
#include "core/model/dataset.h"

#include <array>
#include <string>
#include <vector>

namespace maillage::analysis {

struct BassinChange {
    std::string bv;
    double before = 0, after = 0;
    double change = 0;          //!< after - before
    double changePercent = 0;   //!< 100 * change / before; 0 when before = 0
    double distanceToMainKm = 0;//!< straight-line distance to the main (heaviest) pôle of the selection
    PoleType type = PoleType::HorsPole; //!< type in the later vintage
    bool atRisk = false;        //!< small pôle (type 3-4) near a large one (type 1-2, within 2x the
                                //!< isolation distance) losing mass
};

struct CrunchDiagnostics {
    std::vector<std::string> bassins;          //!< the selection
    std::array<int, kPoleTypeCount> polesByType{};
    std::array<double, kPoleTypeCount> averageByTypePerRegion{}; //!< mean over all régions of the dataset
    int regionCount = 0;
    double totalProfessionals = 0;
    std::string firstPole, secondPole;         //!< BV codes of the two heaviest pôles ("" if none)
    double firstMass = 0, secondMass = 0;
    double primacy = 0;                        //!< firstMass / secondMass; 0 when fewer than two pôles
    bool macrocephalic = false;                //!< primacy > 10
    double firstPoleShare = 0;                 //!< firstMass / totalProfessionals (0..1)
    double herfindahl = 0;                     //!< sum of squared shares over BVs (0..1)
    double equivalentPoles = 0;                //!< 1 / herfindahl

    bool hasEvolution = false;
    int vintageFrom = 0, vintageTo = 0;
    double poleChangePercent = 0, nonPoleChangePercent = 0;
    double drainCorrelation = 0; //!< Pearson correlation of changePercent with distance to the main pôle
    std::vector<BassinChange> changes;
    std::vector<std::string> atRisk;

    std::string diagnosisFr; //!< one paragraph in plain French for elected officials
    std::string diagnosisEn;
};

//! Diagnoses the BVs of `selection` (empty = all BVs of the dataset). `vintageFrom` = 0: no evolution.
//! Uses the classification of `vintageTo` with `params`.
CrunchDiagnostics diagnoseCrunch(const model::Dataset& dataset, const std::vector<std::string>& selection,
                                 const model::PoleParameters& params, int vintageTo, int vintageFrom = 0,
                                 double nearLargePoleKm = 60);

} // namespace maillage::analysis
