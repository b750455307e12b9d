#pragma once
// Scenarios ("et si…", issue 12): a scenario's changes applied to a dataset, then every analysis computed
// again (typology, maillage, densities, accessibility, Crunch) and compared with the dataset as it is.
#include "core/analysis/crunch.h"
#include "core/analysis/maillage.h"
#include "core/analysis/poles.h"
#include "core/analysis/secrecy.h"
#include "core/io/result_table.h"
#include "core/model/dataset.h"
#include "core/model/error.h"
#include "core/model/message.h"
#include "core/model/scenario.h"

#include <map>
#include <string>
#include <vector>

namespace maillage::analysis {

//! A dataset once a scenario's changes are applied.
struct AppliedScenario {
    //! The dataset after the changes. Geometries are not copied (the analyses use the anchors): draw with
    //! the original dataset's. Counts of `vintage` are written back as one record per commune and
    //! profession (catalogue codes); other vintages are unchanged. Registers are not copied (a national one
    //! is a million people): `retiredProfessionals` says who leaves the register of the vintage.
    model::Dataset dataset;
    //! Indices into the professionals of the given dataset's register of `vintage`, in the order retired.
    std::vector<std::size_t> retiredProfessionals;
    int vintage = 0;    //!< the vintage changed
    int retired = 0;    //!< professionals retired from the register
    double removed = 0; //!< professionals removed from the counts (retirements included)
    double added = 0;   //!< professionals added (maisons de santé)
    Warnings warnings;  //!< counts left out by the resolution, professionals of unknown age kept
};

//! Applies the changes of `scenario` in order to the counts of `vintage` (0 = the default year,
//! defaultVintage), the register of that vintage, the facilities and the cooperations of `dataset`. A
//! retirement takes out of the register the professionals aged `age` or more (vintage − birth year) with a
//! site in the territory and takes their counts (countsFromRegister under the register's site rule) off; the
//! other changes edit the counts. Throws Error(Value) naming the scenario, the change (number and
//! description) and why it cannot apply: unknown commune, bassin de vie or profession, no register of the
//! vintage for a retirement, more professionals removed than there are, nothing to close, a cooperation that
//! exists already or does not.
AppliedScenario applyScenario(const model::Dataset& dataset, const model::Scenario& scenario, int vintage);

//! What the comparison computes besides the typology, the maillage, the densities and the Crunch.
struct ScenarioOptions {
    //! Zonage thresholds of the accessibility (ascending, in the unit of each profession's parameters);
    //! empty: no zonage crossing is looked for, the accessibility is compared commune by commune.
    std::vector<double> zonageThresholds;
};

//! A bassin de vie whose type changes.
struct ScenarioTypeChange {
    std::string bv, name;
    PoleClassification before, after; //!< with their figures and decisions (the reason)
};

//! The professionals of one bassin de vie and profession ("" = all) before and after.
struct ScenarioDensityChange {
    std::string bv, name, profession;
    double population = 0;
    double before = 0, after = 0; //!< professionals
};

//! A commune whose accessibility to one profession changes (and its zonage class, with thresholds).
struct ScenarioAccessChange {
    std::string commune, name, profession;
    double before = 0, after = 0;        //!< APL (or the method's value) with the dataset's parameters
    int classBefore = 0, classAfter = 0; //!< zonage classes (0 when no thresholds)
};

//! Before and after a scenario.
struct ScenarioComparison {
    std::string scenario;
    int vintage = 0;
    int retired = 0;
    double removed = 0, added = 0;
    double totalBefore = 0, totalAfter = 0;            //!< professionals of the dataset
    std::vector<ScenarioTypeChange> typeChanges;       //!< by BV code
    std::vector<ScenarioDensityChange> densityChanges; //!< BVs whose count changes, all professions then by
                                                       //!< profession touched, by BV code
    std::vector<std::string> accessProfessions;        //!< professions whose accessibility was computed
    std::vector<ScenarioAccessChange> accessChanges;   //!< communes whose value changes, by commune code
    int zonageCrossings = 0;                           //!< accessChanges with another class
    bool hasZonage = false;                            //!< thresholds were given
    int polesBefore = 0, polesAfter = 0;
    int isolatedBefore = 0, isolatedAfter = 0;
    double remotePopulationBefore = 0, remotePopulationAfter = 0;
    CrunchDiagnostics crunchBefore, crunchAfter;
    //! Every bassin de vie's classification after the scenario, in the order of the dataset's bassins (the
    //! map of the result).
    std::vector<PoleClassification> bassinsAfter;
    //! The declared links (cooperations, declaredLinks) that the scenario adds and those it removes, a
    //! link being its cooperation and its two BVs in either direction; by cooperation then BVs.
    std::vector<DeclaredLink> linksAdded, linksRemoved;
    //! Names for the sentences: the professions of accessProfessions (code -> French, English labels) and
    //! the bassins of the links added or removed (code -> name).
    std::map<std::string, std::pair<std::string, std::string>> professionLabels;
    std::map<std::string, std::string> bassinNames;
    Warnings warnings;
};

//! Applies `scenario` (applyScenario) and compares every analysis before and after, with the dataset's
//! parameters; the accessibility of the professions the scenario touches (all professions when a
//! retirement or a cooperation concerns every one) with the dataset's access parameters.
ScenarioComparison compareScenario(const model::Dataset& dataset, const model::Scenario& scenario,
                                   int vintage, const ScenarioOptions& options = {});

//! The comparison in a few sentences for a workshop ("3 bassins de vie changent de type", one per
//! change of type with its reason, the zonage crossings, the Crunch findings that change). A BV whose
//! counts `rule` masks is named with its types only (its reason quotes the figures).
std::vector<std::string> describeComparison(const ScenarioComparison& comparison, const SecrecyRule& rule,
                                            Language language);

//! The Crunch findings (describeCrunchBriefly of the publishable diagnoses) that differ: pairs (before,
//! after), "" when absent; none when `rule` withholds either diagnosis.
std::vector<std::pair<std::string, std::string>>
crunchFindingChanges(const ScenarioComparison& comparison, const SecrecyRule& rule, Language language);

//! One change in words, by codes ("remove 3 'mg' from '59350'"): for messages about the stored change.
Message describeChange(const model::ScenarioChange& change);
//! One change in words for a reader, professions by label and places by name ("retirer 3 médecin
//! généraliste de Lille (59350)"); a code the dataset does not know is kept as it is.
std::string describeChange(const model::Dataset& dataset, const model::ScenarioChange& change,
                           Language language);

//! Tables "scenario_types", "scenario_zonage" (with zonage thresholds: the communes whose class changes),
//! "scenario_densities", "scenario_access" and "scenario_crunch", counts masked by `rule` (a masked count
//! masks its density; a masked BV's reason is its type alone).
std::vector<io::ResultTable> scenarioTables(const model::Dataset& dataset,
                                            const ScenarioComparison& comparison, const SecrecyRule& rule,
                                            Language language);

} // namespace maillage::analysis
