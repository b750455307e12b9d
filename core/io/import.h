#pragma once
// The import pipeline behind `maillage import` and the GUI's import wizard.
#include "core/io/cog_history.h"
#include "core/io/cooperations.h"
#include "core/io/flows.h"
#include "core/io/geo.h"
#include "core/io/importers.h"
#include "core/io/register.h"
#include "core/io/territory_names.h"
#include "core/io/travel_times.h"
#include "core/io/zones.h"
#include "core/model/dataset.h"
#include "core/model/feedback.h"

#include <string>
#include <unordered_set>
#include <vector>

namespace maillage::io {

struct ProfessionalsSource {
    std::string path;
    int vintage = 0; //!< year; required unless the table has a vintage column
    ProfessionalsColumns columns;
    TableReadOptions read;
};

//! A commune × commune travel-time matrix (`--travel-times FILE`).
struct TravelTimesSource {
    std::string path; //!< "" = none
    TravelTimeColumns columns;
    TableReadOptions read;
};

//! Observed origin–destination flows between communes (`--flows FILE[:KIND]`).
struct FlowsSource {
    std::string path; //!< "" = none
    FlowKind kind = FlowKind::Other;
    FlowColumns columns;
    TableReadOptions read;
};

//! Declared cooperations (`--cooperations FILE`).
struct CooperationsSource {
    std::string path; //!< "" = none
    CooperationColumns columns;
    TableReadOptions read;
};

//! The link inputs of the Maillage panel, read at import or added to a dataset later (addToDataset).
struct LinkSources {
    //! Replaces the dataset's travel times; the maillage, isolation/remoteness and accessibility then use
    //! minutes where the matrix covers the pair.
    TravelTimesSource travelTimes;
    //! Replaces the dataset's flows (kept at commune level; the analyses aggregate them to bassins de vie).
    FlowsSource flows;
    //! Adds cooperations; one of the same name as a cooperation of the dataset replaces it.
    CooperationsSource cooperations;
};

//! Infra-communal zones and their population and grouping (`--zones`, `--zone-population`, `--quartiers`).
struct ZoneSources {
    std::string polygons; //!< IRIS contours or quartier polygons ("" = none)
    ZoneColumns columns;
    std::string population; //!< population per zone ("" = none)
    TableReadOptions populationRead;
    std::string quartiers; //!< zone -> quartier table ("" = none)
    TableReadOptions quartiersRead;
    std::string qpv; //!< quartiers prioritaires polygons (`--qpv`), replacing the dataset's ("" = none)
    //! True when any file is given.
    bool any() const {
        return !polygons.empty() || !population.empty() || !quartiers.empty() || !qpv.empty();
    }
};

//! "flows.csv:patients" -> path "flows.csv", kind Patients; without a known kind after the last ':' the
//! whole text is the path (kind Other). For the command line's `--flows FILE[:KIND]`.
FlowsSource parseFlowsArgument(const std::string& text);

//! What a région or département filter keeps of the bassins de vie that cross the area's edge.
enum class AreaMode {
    //! Every commune of every bassin de vie that touches the area (the default): bassins stay whole;
    //! the communes outside the area are listed in the metadata (kOutsideCommunesKey).
    WholeBassins,
    //! Only the communes of the area: the bassins cut by its edge are listed as truncated in the metadata
    //! (kTruncatedBassinsKey) and in a warning; they must be left out of averages per région.
    Strict
};

//! Metadata keys (Dataset::meta.extra) of an import restricted to an area: comma-separated codes.
inline constexpr const char* kAreaModeKey = "area.mode";                      //!< "whole_bassins" or "strict"
inline constexpr const char* kOutsideCommunesKey = "area.outside_communes";   //!< communes outside the area
inline constexpr const char* kTruncatedBassinsKey = "area.truncated_bassins"; //!< bassins cut by the edge
inline constexpr const char* kBufferKmKey =
    "area.buffer_km"; //!< width of the buffer (ImportOptions::bufferKm)

struct ImportOptions {
    std::string communesPath; //!< polygons (GeoPackage, Shapefile, GeoJSON); or a table without geometry
    PolygonReadOptions polygons;
    std::string bassinsPath; //!< commune -> BV table; optional when the communes carry a bv column
    std::string bvColumn;    //!< "" = detect BV2012/BV2022
    TableReadOptions bassinsRead;
    std::string populationPath; //!< optional
    std::string populationCode = "codgeo", populationColumn = "population";
    TableReadOptions populationRead;
    std::vector<ProfessionalsSource> professionals;
    //! Counts per infra-communal zone (e.g. INSEE's BPE by IRIS), for the drill-down below the commune.
    //! Give counts per commune of the same vintage too: classification and densities use those.
    std::vector<ProfessionalsSource> zoneProfessionals;
    std::string zoneColumn;    //!< "" = dciris (then iris, code_iris, zone)
    std::string cataloguePath; //!< "" = built-in catalogue
    std::string title;
    std::vector<std::string> sources;
    int cogYear = 0;
    std::string regionFilter;      //!< keep only communes of this région code ("" = all)
    std::string departementFilter; //!< keep only communes of these départements, comma separated
    //! With a région or département filter: whole bassins de vie (default) or the strict area.
    AreaMode areaMode = AreaMode::WholeBassins;
    //! With a filter: the communes of the file within this many km (between anchors) of a commune kept,
    //! and not kept themselves, become Dataset::bufferCommunes with their counts, so that accessibility
    //! counts the supply and demand beyond the area's edge; 0 = none. Needs polygons (anchors).
    double bufferKm = 0;
    //! Folder where the polygons read and dissolved are kept out of memory while the import runs
    //! (core/io/geometry_spool.h): the dataset's communes, bassins and outlines then refer to a nameless
    //! file there, alive as long as they are, and are read with model::wkbOf. "" = in memory (what the
    //! GUI's import wizard uses). The dataset written is the same to the byte either way, and the import
    //! keeps geometries in memory when no file can be made there.
    std::string spoolFolder;
    std::string createdBy = "Maillage"; //!< application and version, written to the metadata
    LinkSources links; //!< travel times, observed flows, declared cooperations (each optional)
    //! Zones with their polygons, population and quartiers, joined after the zones of zoneProfessionals.
    ZoneSources zones;
    //! Folder holding regions.csv, departements.csv, anciennes_regions.csv (`--territories DIR`);
    //! "" = the tables shipped with the application (standardTerritoryNames).
    std::string territoryNamesFolder;
    //! Carry counts and populations of tables of another COG year to the COG of the communes (the year
    //! of each table is detected from its codes); false: join the codes as they are.
    bool carryCog = true;
    //! Passage tables in the layout of resources/cog (`--cog-history FILE`); "" = the shipped ones.
    std::string cogHistoryPath;
    //! Registers of individual professionals (`--register FILE[:YEAR]`): stored in the dataset, their counts
    //! derived by `countRegister` (analysis::countsFromRegister; required when registers are given).
    std::vector<RegisterSource> registers;
    RegisterCounter countRegister = nullptr;
    //! Population by commune and age band (`--population-by-age FILE`, core/io/population_age.h), for the
    //! age-standardised demand of accessibility; "" = none.
    std::string populationByAgePath;
    TableReadOptions populationByAgeRead;
};

//! What addToDataset may add or replace.
struct AddOptions {
    LinkSources links;
    ZoneSources zones; //!< zones, their population and quartiers, joined to the dataset's zones
    //! BPE tables whose D1xx establishments replace the dataset's facilities of their vintage (carried to
    //! the dataset's COG; other rows, professions, are not read).
    std::vector<ProfessionalsSource> facilities;
    //! Carry flows of another COG year to the dataset's COG (Metadata::cogYear), as importDataset does.
    bool carryCog = true;
    std::string cogHistoryPath; //!< "" = the shipped passage tables
    //! Registers to add (`maillage add --register`), with the function deriving their counts.
    std::vector<RegisterSource> registers;
    RegisterCounter countRegister = nullptr;
    //! Replaces the dataset's population by age band (`maillage add --population-by-age FILE`); "" = none.
    std::string populationByAgePath;
    TableReadOptions populationByAgeRead;
};

struct ImportReport {
    Warnings warnings;
    //! BV table vs communes (both ways), population vs communes (both ways), each counts table vs communes.
    std::vector<JoinReport> joins;
    TravelTimesJoin travelTimes;     //!< coverage of the travel-time matrix (when one was given)
    FlowsJoin flows;                 //!< flows left out, intra-commune, intra-BV and between-BV volumes
    double flowsTotal = 0;           //!< volume of the flows file as read (before the join)
    std::size_t cooperations = 0;    //!< cooperations read
    ZonesJoin zones;                 //!< zones kept, given a population or a quartier, and left out
    std::size_t facilitiesAdded = 0; //!< facility records added by addToDataset
    //! Tables carried to the communes' COG: "235 codes carried from COG 2013 to COG 2018; 0 unmatched".
    std::vector<CogCarry> cogCarries;
    std::vector<RegisterAdded> registers; //!< one per register read, in the order given
};

//! Why a code did not join, as far as the passage tables and the codes tell.
enum class UnmatchedReason {
    OtherCogYear, //!< a commune of another COG year (merged or renamed since): the table is of that year
    CreatedSince, //!< a commune created in `year` (commune nouvelle): the other table is older
    CorsicaCode,  //!< Corsica coded 20xxx instead of 2A/2B (or the other way round)
    Unknown       //!< no passage table explains it: another territory, a typo, a code of another kind
};

//! One unmatched code and its likely reason.
struct UnmatchedCode {
    std::string code;
    UnmatchedReason reason = UnmatchedReason::Unknown;
    int year = 0;                     //!< OtherCogYear: last COG year it is a commune; CreatedSince: creation
    int cogYear = 0;                  //!< COG of the communes
    std::vector<std::string> becomes; //!< OtherCogYear: its codes in the communes' COG; Corsica: the commune
    //! The reason as a sentence: "« 74011 » is a commune of COG 2016, merged into « 74010 » by COG 2018".
    Message explanation() const;
};

//! The likely reason why `code` is absent from the other side of a join; `communes` are the codes of the
//! communes, `history` the passage tables (null: none), `cogYear` the communes' COG (0: unknown).
UnmatchedCode explainUnmatched(const std::string& code, const std::unordered_set<std::string>& communes,
                               const CogHistory* history, int cogYear);

//! What the import would join, before anything is dissolved or written (the import wizard's preview).
struct JoinPreview {
    ImportReport report;      //!< joins, COG carries and warnings, as importDataset reports them
    std::size_t communes = 0; //!< communes read from the polygons (or table)
    int cogYear = 0;          //!< COG of the communes (given, from the file name, or detected)
    //! Per join of report.joins: its first unmatched codes with their reason.
    std::vector<std::vector<UnmatchedCode>> reasons;
};

//! Reads the communes, the BV table, the population and the professionals and joins them exactly as
//! importDataset does (same steps, same report), listing at most `maxCodes` unmatched codes per join with
//! their reason. Throws Error as importDataset does.
JoinPreview previewImportJoins(const ImportOptions& options, std::size_t maxCodes = 20,
                               Feedback* feedback = nullptr);

//! Reads everything, joins, folds arrondissements, dissolves bassins, and returns the dataset (not
//! written: call writeDataset). Progress and cancellation through `feedback`.
model::Dataset importDataset(const ImportOptions& options, ImportReport& report,
                             Feedback* feedback = nullptr);

//! Reads the inputs of `options` and adds them to `dataset` (pure: nothing is written; the caller
//! rewrites the GeoPackage). Joins against the dataset's communes are in `report`. Throws Error as the
//! readers do; the dataset is unchanged when it throws.
void addToDataset(model::Dataset& dataset, const AddOptions& options, ImportReport& report,
                  Feedback* feedback = nullptr);

} // namespace maillage::io
