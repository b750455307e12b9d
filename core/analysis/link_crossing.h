#pragma once
// Modelled versus declared (DOMAIN.md §4): the links that the three origins do not agree on. A strong
// modelled or observed link between two pôles that no declared cooperation joins, and a declared
// cooperation between two bassins that no strong modelled or observed link supports.
#include "core/analysis/maillage.h"
#include "core/analysis/secrecy.h"
#include "core/io/result_table.h"
#include "core/model/dataset.h"

#include <string>
#include <vector>

namespace maillage::analysis {

//! What makes a link strong. Defaults are parameters, not rules: the panel and `links --kind compare`
//! let the user change them.
struct CrossingParameters {
    //! A modelled link is strong when it is a dominant link, or when its intensity reaches this
    //! (0: dominant links only).
    double minIntensity = 0;
    //! An observed link (both directions summed) is strong when its volume reaches this...
    double minVolume = 100;
    //! ...and it carries at least this share (0..1) of the outgoing flows of one of its two bassins.
    double minShare = 0.05;
};

//! Whether a finding is a strong link nobody declared, or a declaration no strong link supports.
enum class CrossingFinding { Undeclared, Unsupported };

//! One pair of bassins de vie on which the origins disagree. BV codes `a` < `b` for undeclared links;
//! member -> hub of the cooperation for unsupported ones.
struct CrossedLink {
    CrossingFinding finding = CrossingFinding::Undeclared;
    std::string a, b;
    bool modelled = false;   //!< a strong modelled link joins a and b
    double intensity = 0;    //!< its intensity (0 when none)
    bool dominant = false;   //!< it is a dominant link
    double massA = 0;        //!< professionals of a and b (for statistical secrecy of the intensity)
    double massB = 0;        //!<
    bool observed = false;   //!< a strong observed link joins a and b
    double volume = 0;       //!< observed volume between a and b, both directions (0 when none)
    double share = 0;        //!< the larger share of a's or b's outgoing flows that this volume is
    std::string cooperation; //!< unsupported: the cooperation's name
    std::string kind;        //!< unsupported: its kind
};

//! The crossing: undeclared strong links first (strongest modelled, then largest volume), then unsupported
//! declarations in the order of the cooperations.
struct LinkCrossing {
    std::vector<CrossedLink> links;
    std::size_t undeclared = 0;                                            //!< findings of that kind
    std::size_t unsupported = 0;                                           //!<
    std::size_t strongModelled = 0, strongObserved = 0, declaredPairs = 0; //!< what was crossed
};

//! Crosses the modelled maillage (its kept links), the observed flows aggregated to bassins (pairs of
//! pôles of `modelled` only) and the declared links (members joined to their hub; any two members of one
//! cooperation count as declared together). Throws Error(Parameter) for a negative threshold or a share
//! above 1.
LinkCrossing crossLinks(const MaillageResult& modelled, const std::vector<BassinFlow>& observed,
                        const DeclaredLinks& declared, const CrossingParameters& parameters = {});

//! Table "links_compare": finding (undeclared/unsupported), from, from_name, to, to_name, distance_km,
//! modelled, intensity (masked as the links table masks it), dominant, observed, volume (masked from 1
//! to threshold − 1), share (masked with the volume), cooperation, kind.
io::ResultTable crossingTable(const model::Dataset& dataset, const LinkCrossing& crossing,
                              const SecrecyRule& rule);

} // namespace maillage::analysis
