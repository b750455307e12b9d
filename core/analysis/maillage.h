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
    std::vector<PoleNode> nodes; //!< the pôles (type 1-4), heaviest first (ties: by BV code)
    //! Kept links: a link passes when it satisfies every active filter (among the k strongest of either
    //! of its pôles when strongestPerPole > 0, and I >= intensityThreshold when that is > 0; with both
    //! filters off every pair is kept), plus every dominant link; strongest first, no duplicates.
    //! A dominant link goes from the lighter pôle to its parent; other links from the heavier pôle.
    std::vector<Link> links;
    //! per node: the strictly heavier pôle of its dominant link, -1 for roots (the heaviest pôle, and
    //! any pôle tied with it)
    std::vector<int> parent;
    std::vector<bool> isolated; //!< no pôle of equal or higher rank within the isolation distance
    //! distance to the nearest pôle of equal or higher rank (inf if none)
    std::vector<double> nearestPeerDistance;
    std::string distanceUnit; //!< "km" or "min"
    //! Non-pôle BVs farther than the isolation distance from every pôle, and their population.
    std::vector<std::string> remoteBassins;
    double remotePopulation = 0;
    Warnings warnings; //!< e.g. travel times missing for some pairs (fell back to planar)
};

//! Gravity links between the pôles of `poles` (classification of dataset.bassins, matched by BV code).
//! Travel-time mode: times between the BVs' main communes (see mainCommuneIndex; the matrix's commune
//! codes are resolved as counts' are, by resolveCommune), the mean of both
//! directions when both are known; a pair missing both ways falls back to the planar distance, 1 km
//! counted as 1 minute, and a warning says how many pairs did. Throws Error(Parameter) for a negative
//! beta, threshold or isolation distance, a minDistanceKm <= 0, and Error(Canceled).
MaillageResult computeMaillage(const model::Dataset& dataset, const std::vector<PoleClassification>& poles,
                               const model::MaillageParameters& params, Feedback* feedback = nullptr);

//! The main commune of a BV (index into dataset.communes): the commune whose code is the BV code, else the
//! commune of the BV nearest its anchor, else the nearest commune of the dataset; -1 when there is none.
int mainCommuneIndex(const model::Dataset& dataset, const model::Bassin& bassin);

//! Geodesic distance in km between two Lambert-93 points (PROJ, GRS80 ellipsoid).
double geodesicDistanceKm(const model::Point& a, const model::Point& b);
//! Planar distance in km between two Lambert-93 points.
double planarDistanceKm(const model::Point& a, const model::Point& b);

struct BassinFlow {
    std::string origin, destination; //!< BV codes
    double volume = 0;
};
//! Observed flows (commune or BV codes) aggregated to BVs, internal flows dropped, largest first.
//! Directed: A -> B and B -> A stay two flows. Places are resolved as counts are (resolveCommune: codes
//! repaired, arrondissements municipaux folded), or taken as BV codes; flows naming unknown codes are left
//! out, with one warning listing them, and so are flows of negative or non-finite volume (one Value
//! warning listing them).
std::vector<BassinFlow> aggregateFlows(const model::Dataset& dataset, Warnings& warnings);

struct DeclaredLink {
    std::string cooperation, kind;
    std::string from, to; //!< BV codes: each member linked to the heaviest member (a star)
};
struct DeclaredLinks {
    std::vector<DeclaredLink> links;
    Warnings warnings; //!< members that are neither a BV nor a commune of the dataset (one per cooperation)
};
//! Members are BV codes (a commune code is taken as its BV); ties for the hub go to the first member listed.
//! Unknown members are left out, with a warning.
DeclaredLinks declaredLinks(const model::Dataset& dataset, const std::vector<PoleClassification>& poles);

//! What the Maillage panel shows of the observed flows between bassins.
struct FlowFilter {
    double minVolume = 0;     //!< flows below are left out (0: none)
    double minDistanceKm = 0; //!< planar distance between the BVs' anchors; shorter flows are left out
    double maxDistanceKm = 0; //!< longer flows are left out (0: no limit)
};
//! The flows of `flows` that pass `filter`, in their order. A flow whose bassins have no position has no
//! length: it passes only when neither length bound is set.
std::vector<BassinFlow> filterFlows(const model::Dataset& dataset, const std::vector<BassinFlow>& flows,
                                    const FlowFilter& filter);

//! A pôle's attraction (DOMAIN.md §4): the share of the flows leaving the bassins that send it flows which
//! it captures.
struct PoleAttraction {
    std::string bv;           //!< the pôle's BV
    double captured = 0;      //!< flows from other bassins into the pôle's BV
    double originOutflow = 0; //!< all flows leaving those bassins (to any other bassin)
    int origins = 0;          //!< bassins sending it flows
    //! captured / originOutflow, 0..1; 0 when no flow reaches it
    double share() const { return originOutflow > 0 ? captured / originOutflow : 0.0; }
};
//! The attraction of each pôle of `modelled` (same order as its nodes), from `flows` aggregated to bassins
//! (one flow per directed pair, as aggregateFlows gives them).
std::vector<PoleAttraction> poleAttraction(const MaillageResult& modelled,
                                           const std::vector<BassinFlow>& flows);

} // namespace maillage::analysis
