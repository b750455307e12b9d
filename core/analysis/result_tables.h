#pragma once
// The engine's results as ResultTables (core/io/result_table.h), statistical secrecy applied
// (core/analysis/secrecy.h): what every output (command line, GUI export, result layers) writes.
// Builders compute nothing the analyses did not: they lay out, mask and caption.
#include "core/analysis/crunch.h"
#include "core/analysis/density.h"
#include "core/analysis/maillage.h"
#include "core/analysis/poles.h"
#include "core/analysis/secrecy.h"
#include "core/io/result_table.h"
#include "core/model/dataset.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace maillage::analysis {

//! Table "classification": bv, name, type, type_label, total, pole, psy, ex_psy, pole_share, psy_share,
//! reason (the columns of `maillage classify`). Counts masked by maskClassification (complementary:
//! ex_psy next to a masked psy, pole next to a small N − N_pole), shares masked with their operands, the
//! reason replaced by the type alone when a count of the row is masked. Labels and reasons in
//! `language`.
//! The reason of `p` as an output may show it: the sentence, or (`masked`: a figure it quotes is masked)
//! the type alone with the secrecy note ("Hors pôle (détail masqué : secret statistique, …)").
std::string publishableReason(const PoleClassification& p, bool masked, const SecrecyRule& rule,
                              Language language);

io::ResultTable classificationTable(const model::Dataset& dataset,
                                    const std::vector<PoleClassification>& poles, const SecrecyRule& rule,
                                    Language language);

//! The level of a density table.
enum class DensityLevel { Commune, Bassin, Departement, Region, Zone, Quartier };
//! "commune", "bv", "departement", "region", "zone", "quartier" → level; false otherwise.
bool parseDensityLevel(const std::string& text, DensityLevel& out);
//! The level's key ("commune", "bv"...).
std::string densityLevelName(DensityLevel level);

//! What a density table shows.
struct DensityTableInput {
    DensityLevel level = DensityLevel::Commune;
    std::vector<DensityRow> rows; //!< one per unit of the level (codes of communes, BVs, zones...)
    std::string profession;       //!< catalogue code ("" = all professions), for the title
    int vintage = 0;
};
//! Table "density": code, name, population, count, per_10000, inhabitants_per_professional (+ flag
//! column "masked"). A masked count masks its density and ratio. Complementary secrecy against the totals
//! of the upper levels, which other tables publish: communes within their BV, département, région and the
//! whole dataset; zones within their commune; BVs, départements and régions within the whole dataset
//! (and régions of their départements). Parents are found through `dataset`.
io::ResultTable densityTable(const model::Dataset& dataset, const DensityTableInput& input,
                             const SecrecyRule& rule);
//! The upper totals that the units of a density table are parts of (see densityTable), as row indexes:
//! found once for the tables of every profession and vintage over the same units.
struct DensityParents {
    DensityLevel level = DensityLevel::Commune;
    std::vector<std::string> codes;       //!< the units' codes, in the order of the rows
    std::vector<std::vector<int>> groups; //!< the rows each upper total sums, the totals in a fixed order
};
//! The parents of `rows` (one per unit of `level`), found through `dataset`.
DensityParents densityParents(const model::Dataset& dataset, DensityLevel level,
                              const std::vector<DensityRow>& rows);
//! The same from the units' codes alone.
DensityParents densityParents(const model::Dataset& dataset, DensityLevel level,
                              std::vector<std::string> codes);
//! The masks of `counts`, one per unit of `parents` and in their order, as maskDensityCounts masks them
//! (`parents` may come without their codes: they are not compared).
std::vector<bool> maskUnitCounts(const std::vector<double>& counts, const SecrecyRule& rule,
                                 const DensityParents& parents);
//! The masks of the counts of `input.rows`, as densityTable masks them (primary, then complementary against
//! the upper totals); `parents` are used when they are those of the same level and codes, else found again.
std::vector<bool> maskDensityCounts(const model::Dataset& dataset, const DensityTableInput& input,
                                    const SecrecyRule& rule, const DensityParents& parents);
//! A row of densityTable: a masked count masks its density and ratio, which give it back with the
//! population.
io::Row densityRow(const DensityRow& r, bool masked);
//! Table "density_drilldown": the rows of a drill-down, then the parent (BV or commune) and its
//! references (BV, département, région, dataset) with a column "level"; complementary secrecy between
//! the parent and its rows.
io::ResultTable densityDrillDownTable(const DensityDrillDown& drillDown, const SecrecyRule& rule);

//! Accessibility per commune, as the accessibility computation gives it (plain values for now: the
//! accessibility rewrite is under way elsewhere).
struct AccessibilityInput {
    std::vector<double> values; //!< per commune, same order as dataset.communes
    std::string unit;           //!< "APL (consultations / hab. standardisé / an)", "pour 10 000 hab."...
    std::string profession;
    int vintage = 0;
    bool hasZonage = false;     //!< a zonage threshold was given
    double zonageThreshold = 0; //!< below it, a commune is "sous-dense" (under-served)
    std::vector<Message> notes; //!< method notes (e.g. distance instead of travel times), worded per language
    //! The run's secrecy rule (--params, --set, --no-secrecy; the session's parameters), stated in the
    //! caption; the dataset's saved rule when unset.
    std::optional<SecrecyRule> secrecy;
    Language language = Language::Fr; //!< language of the zonage column's words
};
//! Table "access": commune, name, population, access, unit, zonage ("sous-dense"/"under-served" or "" in
//! input.language when hasZonage, else empty). Accessibility mixes the supply of a whole catchment: no
//! count can be recomputed from it.
io::ResultTable accessibilityTable(const model::Dataset& dataset, const AccessibilityInput& input);
//! accessibilityTable's name, title, columns, notes and secrecy, without its rows.
io::ResultTable accessibilityLayout(const model::Dataset& dataset, const AccessibilityInput& input);
//! The rows of accessibilityTable, handed to `sink` one at a time without the table being built.
void accessibilityRows(const model::Dataset& dataset, const AccessibilityInput& input,
                       const io::RowSink& sink);

//! The links to lay out (any may be null).
struct LinksInput {
    const MaillageResult* modelled = nullptr;
    const std::vector<BassinFlow>* observed = nullptr;
    const DeclaredLinks* declared = nullptr;
};
//! Two tables. "links": from, from_name, to, to_name, distance_km (planar between BV anchors, or the
//! modelled distance in km), minutes (travel-time mode only), intensity (modelled: M_i M_j / d^β, masked
//! when a mass is masked; observed: the flow volume, masked from 1 to threshold − 1; declared: empty),
//! dominant, kind (modelled/observed/declared), cooperation. "links_isolated": bv, name, type, kind
//! (isolated_pole / remote_bassin), nearest_distance, unit, population.
std::vector<io::ResultTable> linksTables(const model::Dataset& dataset, const LinksInput& input,
                                         const SecrecyRule& rule);

//! Crunch diagnosis as tables: "crunch_types" (type, label, poles, mean_per_region), "crunch_concentration"
//! (one row: first and second pôle with names and masses, primacy, macrocephalic, first_pole_share,
//! herfindahl, equivalent_poles, total_professionals), "crunch_evolution" (one row, with two vintages:
//! vintages, pole/non-pole change, drain correlation and its points), "crunch_changes" (one row per BV:
//! before, after, change, change_percent, distance_to_main_km, at_risk, nearest large pôle), and
//! "crunch_diagnosis" (the written diagnosis in `language`, one paragraph per row). Secrecy as maskCrunch
//! decides: counts of BVs masked with their changes, figures of the selection masked when its masked counts
//! add up to a secret count, the diagnosis worded without masked figures (publishableCrunch; a note says
//! so) or withheld.
std::vector<io::ResultTable> crunchTables(const model::Dataset& dataset, const CrunchDiagnostics& diagnostics,
                                          const SecrecyRule& rule, Language language);

//! Table "summary": group (region or departement code), name, type1..type4, poles, hors_pole, and a last
//! row "all". Numbers of BVs, not of professionals: nothing to mask.
io::ResultTable summaryTable(const TypeSummary& summary, const std::string& groupKey,
                             const std::map<std::string, std::string>& names);

} // namespace maillage::analysis
