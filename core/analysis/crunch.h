#pragma once
// Crunch diagnostics (DOMAIN.md §5): concentration into the largest pôles, drain of the periphery.
#include "core/analysis/poles.h"
#include "core/model/dataset.h"

#include <array>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace maillage::analysis {

struct BassinChange {
    std::string bv;
    double before = 0, after = 0;
    double change = 0;           //!< after - before
    double changePercent = 0;    //!< 100 * change / before; 0 when before = 0
    double distanceToMainKm = 0; //!< straight-line distance to the main (heaviest) pôle of the selection
    PoleType type = PoleType::HorsPole; //!< type in the later vintage
    bool atRisk = false;           //!< small pôle (type 3-4) losing mass within nearLargePoleKm of a large
                                   //!< one (type 1-2, anywhere in the dataset): at risk of being absorbed
    std::string nearestLargePole;  //!< BV code of the nearest type 1-2 pôle other than itself ("" if none)
    double nearestLargePoleKm = 0; //!< its planar distance (km); 0 when there is none
    bool inCorrelation = false;    //!< enters drainCorrelation (professionals before, and a position)
};

// Thresholds of what the figures are taken to mean (CrunchFindings: "la concentration est forte", "c'est
// la signature d'une vidange"). They change no figure of CrunchDiagnostics and no classification, hence
// constants here rather than dataset parameters. The thresholds DOMAIN.md §5 defines (macrocephaly
// primacy, default 10; at-risk radius) are parameters: model::CrunchParameters.

//! Concentration is called high when 1/H (the number of equal-sized BVs that would
//! give the same Herfindahl index) is below this number and below half the BVs of the selection.
inline constexpr double kHighConcentrationEquivalentPoles = 5;
//! The drain is called visible when drainCorrelation <= this (the periphery loses
//! more the farther it lies), and its absence when drainCorrelation >= minus this.
inline constexpr double kDrainCorrelationVisible = -0.3;

//! How the pôles of the selection compare with their reference (CrunchFindings::reference).
enum class PoleCountComparison { Fewer, AboutAsMany, More };

//! What the selection of a diagnosis is, hence what its pôles are compared with (DOMAIN.md §5).
enum class CrunchScope {
    Dataset,     //!< every BV of the dataset: compared with nothing
    Region,      //!< every BV of one région (Bassin::reg): its pôles against the mean région
    Departement, //!< every BV of one département (Bassin::dep): its pôles against the mean département
    Selection,   //!< other BVs: the share of its BVs that are pôles against the dataset's share
};

//! What the Pearson correlation of change with distance to the main pôle says.
enum class DrainSignature {
    Unknown, //!< no evolution, fewer than 3 BVs with professionals and a position, or no main pôle
    Visible, //!< drainCorrelation <= kDrainCorrelationVisible: the periphery loses more the farther it lies
    Absent,  //!< drainCorrelation >= -kDrainCorrelationVisible: distant BVs fare better
    Unclear, //!< in between: change depends little on distance
    TooFew,  //!< computed over fewer BVs than CrunchParameters::minCorrelationBassins: no finding
};

//! What the figures of a CrunchDiagnostics mean, as the written diagnosis states it.
struct CrunchFindings {
    int poleCount = 0; //!< pôles (types 1-4) of the selection
    CrunchScope scope = CrunchScope::Selection;
    //! Whether the paragraph compares the selection with `reference`: a région among at least 2, a
    //! département among at least 2, or a selection of at least 2 BVs that is not the whole dataset.
    bool compared = false;
    //! Région, Departement: the pôles of the mean région / département of the dataset; Selection: the
    //! share (0..1) of the dataset's BVs that are pôles. Truncated bassins left out (as the table's mean).
    double reference = 0;
    int referenceUnits = 0; //!< the régions, départements or BVs `reference` is taken over
    //! Région, Departement: the units of the data left out of `reference` because the data hold only a
    //! fragment of them (TerritoryCoverage), named "Eure (27)" (the code alone when the data name none).
    std::vector<std::string> partialUnits;
    double poleShareOfBassins = 0; //!< Selection: the share (0..1) of its BVs that are pôles
    //! Région, Departement: within 0.05 pôle is about as many; Selection: shares equal once rounded to
    //! 0.1 % (as worded) are about as many.
    PoleCountComparison polesAgainstReference = PoleCountComparison::AboutAsMany;
    double macrocephalyThreshold = 0; //!< the primacy above which the system is macrocephalic, as set
    bool highConcentration = false;   //!< equivalentPoles below kHighConcentrationEquivalentPoles and below
                                      //!< half the BVs of the selection
    DrainSignature drain = DrainSignature::Unknown;
    int correlationPoints = 0;                //!< BVs behind drainCorrelation
    std::map<std::string, std::string> names; //!< BV code -> name (the code when it has none), for every
                                              //!< BV the diagnosis names
};

struct CrunchDiagnostics {
    std::vector<std::string> bassins; //!< the selection
    std::array<int, kPoleTypeCount> polesByType{};
    //! Mean per région over the régions the data hold whole (TerritoryCoverage), truncated bassins left out.
    std::array<double, kPoleTypeCount> averageByTypePerRegion{};
    int regionCount = 0;
    //! Per type, what the selection's pôles of that type are compared with, as the paragraph compares
    //! their total (CrunchFindings::reference): Dataset, Region: averageByTypePerRegion; Departement:
    //! the mean per département over the départements the data hold whole; Selection: the share (0..1)
    //! of the dataset's bassins that are of that type.
    std::array<double, kPoleTypeCount> referenceByType{};
    double totalProfessionals = 0;
    std::string firstPole, secondPole; //!< BV codes of the two heaviest pôles ("" if none)
    double firstMass = 0, secondMass = 0;
    double primacy = 0;         //!< firstMass / secondMass; 0 when fewer than two pôles
    bool macrocephalic = false; //!< primacy > CrunchParameters::macrocephalyPrimacy (10 by default)
    double firstPoleShare = 0;  //!< firstMass / totalProfessionals (0..1)
    double herfindahl = 0;      //!< sum of squared shares over BVs (0..1)
    double equivalentPoles = 0; //!< 1 / herfindahl

    bool hasEvolution = false;
    int vintageFrom = 0, vintageTo = 0;
    double poleChangePercent = 0, nonPoleChangePercent = 0;
    //! Pearson correlation of changePercent with the distance to the main pôle, over the BVs of the
    //! selection with professionals in vintageFrom (0 when fewer than 3 such BVs or no spread).
    //! Sign: a drain (vidange) makes the periphery lose more the farther it lies from the main pôle,
    //! so change decreases with distance: a NEGATIVE correlation is the drain signature; a positive
    //! one means distant BVs fare better than those near the main pôle.
    double drainCorrelation = 0;
    std::vector<BassinChange> changes; //!< one per BV of the selection, same order as `bassins`
    std::vector<std::string> atRisk;   //!< BV codes, heaviest loss (in %) first
    int minCorrelationBassins = 10;    //!< the drain is a finding from this many BVs (as applied)
    std::string mainPole;              //!< BV the distances are measured from: firstPole, or the
                                       //!< heaviest BV of the selection when it holds no pôle
    Warnings warnings;                 //!< aggregation warnings, unknown selected BVs, missing vintage
    //! The classification of every BV of the dataset (same order as dataset.bassins) for vintageTo, on
    //! which the diagnosis rests: callers that show it need not classify again.
    std::vector<PoleClassification> classification;
    CrunchFindings findings; //!< what the figures mean; describeCrunch words them
};

//! The départements and régions of a dataset's communes, split by whether the data hold them whole.
//! An import restricted to an area keeps whole the bassins de vie crossing its edge, hence communes of
//! neighbouring départements (and régions) the area does not include: the import lists them
//! (meta "area.outside_communes"). A département is held whole when most of its communes in the data are
//! not such outside communes, i.e. the import took it as part of its area (or the data have no area);
//! a région when most of its communes are not outside communes and none of its départements is partial.
//! The département (région) of a bassin none of whose communes is in the data is partial as well.
//! A fragment (Eure through one bassin de vie of a Hauts-de-France import) is no département to average.
struct TerritoryCoverage {
    std::set<std::string> wholeDepartements, partialDepartements;
    std::set<std::string> wholeRegions, partialRegions;
};
TerritoryCoverage territoryCoverage(const model::Dataset& dataset);

//! Whether `diagnostics` has a reference to compare its pôles with (CrunchDiagnostics::referenceByType):
//! another selection always (the share of the data's bassins); a région, a département or the whole data
//! only against at least two whole units — the mean of one région is the data's own région, no comparison.
bool hasReference(const CrunchDiagnostics& diagnostics);

//! The label of the comparison of the crunch_types table and of the panel's column: "Moyenne des
//! régions", "Moyenne des départements" or "Part des bassins de vie des données" (CrunchDiagnostics::
//! referenceByType, by findings.scope).
std::string crunchReferenceLabel(const CrunchDiagnostics& diagnostics, Language language);

//! The drain correlation (Pearson, change in % against distance to the main pôle) over the BVs of
//! `changes` that enter it and are not `leftOut` (same order; empty = none left out); `points` gets how
//! many entered. 0 with fewer than 3 points. Used to publish the correlation without masked BVs.
double drainCorrelationOf(const std::vector<BassinChange>& changes, const std::vector<bool>& leftOut,
                          int& points);
//! What the correlation of `d` says, from `points` BVs (Unknown without evolution, main pôle, or with
//! fewer than 3 points; TooFew below d.minCorrelationBassins points).
DrainSignature drainSignatureOf(const CrunchDiagnostics& d, int points);

//! Diagnoses the BVs of `selection` (empty = all BVs of the dataset) with the dataset's Crunch
//! parameters `crunch` (macrocephaly threshold, at-risk radius). `vintageFrom` = 0: no evolution.
//! Uses the classification of `vintageTo` (0 = the default year, defaultVintage) with `params`. Pôles and
//! non-pôles of the evolution are those of vintageTo. Distances are planar (Lambert-93 anchors of the
//! BVs), in km. Unknown codes in `selection` are ignored with a warning. Throws Error(Parameter) when the
//! two vintages come from different sources (checkSameSource: BPE practice sites against register people).
CrunchDiagnostics diagnoseCrunch(const model::Dataset& dataset, const std::vector<std::string>& selection,
                                 const model::PoleParameters& params, const model::CrunchParameters& crunch,
                                 int vintageTo, int vintageFrom = 0);
//! The same with the classification `to` already computed (classifyDataset(dataset, vintageTo, params)):
//! a caller that shows it elsewhere does not classify twice.
CrunchDiagnostics diagnoseCrunch(const model::Dataset& dataset, const std::vector<std::string>& selection,
                                 Classification to, const model::PoleParameters& params,
                                 const model::CrunchParameters& crunch, int vintageFrom = 0);

//! The written diagnosis: one paragraph in plain language for elected officials (pôles per type,
//! primacy, concentration, and with two vintages the evolution, the drain and the pôles at risk).
std::string describeCrunch(const CrunchDiagnostics& diagnostics, Language language);

//! The diagnosis to read aloud in a workshop: 3 to 6 short sentences, one finding each with its figure,
//! no technical term ("Le premier pôle, Lille, concentre un tiers des professionnels."). The analysts'
//! detail (Herfindahl, correlation) stays in describeCrunch.
std::vector<std::string> describeCrunchBriefly(const CrunchDiagnostics& diagnostics, Language language);

//! The Crunch early warning (issue 11): one pôle at risk of being absorbed, with its loss and the large
//! pôle near it.
struct EarlyWarning {
    std::string bv, name; //!< the small pôle losing mass
    PoleType type = PoleType::HorsPole;
    double before = 0, after = 0;         //!< its professionals in vintageFrom and vintageTo
    double changePercent = 0;             //!< negative: its loss
    std::string largePole, largePoleName; //!< the nearest type 1-2 pôle
    double distanceKm = 0;                //!< planar, between the BVs' anchors
};
//! The pôles at risk of `diagnostics` (CrunchDiagnostics::atRisk order: heaviest loss first), named.
std::vector<EarlyWarning> earlyWarnings(const CrunchDiagnostics& diagnostics);
//! "Rocheblanche perd 14,6 % à 36 km de Saint-Guénolé-sur-Lavre : risque d'absorption" / "Rocheblanche
//! loses 14.6% at 36 km from Saint-Guénolé-sur-Lavre: risk of absorption".
std::string describeEarlyWarning(const EarlyWarning& warning, Language language);

} // namespace maillage::analysis
