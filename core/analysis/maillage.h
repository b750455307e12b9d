#pragma once
// Maillage (DOMAIN.md §4): modelled gravity links, observed flows, declared cooperations.
#include "core/analysis/poles.h"
#include "core/model/dataset.h"
#include "core/model/feedback.h"
#include "core/model/parameters.h"

#include <string>
#include <vector>

namespace maillage::analysis {

struct PoleNode {
    std::string bv;
    PoleType type = PoleType::HorsPole;
    double mass = 0;       //!< N, professionals
    model::Point position; //!< BV anchor, Lambert-93
};

struct Link {
    int from = 0, to = 0;  //!< indices into MaillageResult::nodes
    double distance = 0;   //!< km (planar/geodesic) or minutes (travel time)
    double intensity = 0;  //!< M_i M_j / max(d, minDistance)^beta
    bool dominant = false; //!< the dominant link of `from` towards a heavier pôle
};

struct MaillageResult {
    std::vector<PoleNode> nodes;          //!< the pôles (type 1-4), heaviest first
    std::vector<Link> links;              //!< kept links (k strongest per pôle and/or above threshold)
                                          //!< plus every dominant link; strongest first, no duplicates
    std::vector<int> parent;              //!< per node: the heavier pôle of its dominant link, -1 for roots
    std::vector<bool> isolated;           //!< no pôle of equal or higher rank within the isolation distance
    std::vector<double> nearestPeerDistance; //!< distance to the nearest pôle of equal or higher rank (inf if none)
    std::string distanceUnit;             //!< "km" or "min"
    //! Non-pôle BVs farther than the isolation distance from every pôle, and their population.
    std::vector<std::string> remoteBassins;
    double remotePopulation = 0;
    Warnings warnings;                    //!< e.g. travel times missing for some pairs (fell back to planar)
};

//! Gravity links between the pôles of `poles` (classification of dataset.bassins, same order).
MaillageResult computeMaillage(const model::Dataset& dataset, const std::vector<PoleClassification>& poles,
                               const model::MaillageParameters& params, Feedback* feedback = nullptr);

//! Geodesic distance in km between two Lambert-93 points (PROJ, GRS80 ellipsoid).
double geodesicDistanceKm(const model::Point& a, const model::Point& b);
//! Planar distance in km between two Lambert-93 points.
double planarDistanceKm(const model::Point& a, const model::Point& b);

struct BassinFlow {
    std::string origin, destination; //!< BV codes
    double volume = 0;
};
//! Observed flows (commune or BV codes) aggregated to BVs, internal flows dropped, largest first.
std::vector<BassinFlow> aggregateFlows(const model::Dataset& dataset, Warnings& warnings);

struct DeclaredLink {
    std::string cooperation, kind;
    std::string from, to; //!< BV codes: each member linked to the heaviest member (a star)
};
std::vector<DeclaredLink> declaredLinks(const model::Dataset& dataset, const std::vector<PoleClassification>& poles);

} // namespace maillage::analysis
