#pragma once
// Turning tables into model records. Every reader repairs codes (leading zeros, 2A/2B), reads decimal
// commas, treats "N/A - secret statistique" as a masked value (warning, counted as 0), and reports
// what it could not use with the file, line and column.
#include "core/io/table.h"
#include "core/model/dataset.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace maillage::io {

//! What did not match in a join, and what it carries (DOMAIN.md §1: never dropped silently).
struct JoinReport {
    std::string left, right;            //!< "professionnels (bpe2013.csv)", "communes (communes.geojson)"
    std::vector<std::string> unmatched; //!< codes of `left` absent from `right`, sorted
    std::size_t codes = 0;              //!< distinct codes of `left` joined (matched + unmatched)
    double unmatchedProfessionals = 0, totalProfessionals = 0;
    double unmatchedPopulation = 0, totalPopulation = 0;
    bool ok() const { return unmatched.empty(); }
    //! "12 codes of ... are absent from ... (0.4% of professionals): 59001, 59002, ..." as a message of the
    //! catalogue, at most `maxCodes` codes listed.
    Message summary(std::size_t maxCodes = 20) const;
    //! summary() in French ("12 codes de ... absents de ... (0,4 % des professionnels) : 59001, ...") and
    //! in English.
    std::string summaryFr(std::size_t maxCodes = 20) const;
    std::string summaryEn(std::size_t maxCodes = 20) const;
};

//! Column names for a communes table (maillage classify --communes). Matched loosely (Table::column).
struct CommuneColumns {
    std::string code = "code";
    std::string name = "name"; //!< optional: also tried "nom", "libgeo"
    std::string population = "population";
    std::string bv = "bv";
    std::string dep = "dep"; //!< optional; derived from the code when absent
    std::string reg = "reg"; //!< optional
    //! False when the population comes from elsewhere (import --population): the column is then optional.
    bool requirePopulation = true;
    //! False when the bassins de vie come from elsewhere (import --bassins): the column is then optional.
    bool requireBassin = true;
};

//! The commune code of a cell, repaired (leading zeros, 2A/2B); arrondissements municipaux are kept (the
//! caller folds them, or not). Throws Error(Value) naming the line, the column and the value otherwise.
std::string communeCode(const Table& table, std::size_t row, int column);

//! Reads communes without geometry: code, population, bv (+ optional name, dep, reg).
//! Errors: missing column, bad code, negative/non-numeric population (line named), duplicate code.
//! Fallback names: code: codgeo, depcom, code_commune, code_insee, insee, insee_com, com; population: pmun,
//! population_municipale, pop, ptot; bv: bv2012, bv2022, code_bv, bassin_de_vie; name: nom, libgeo, libelle.
//! Arrondissements are folded (populations summed) unless the commune has its own row (then ignored);
//! one warning each. A bv of INSEE's "ZZZZZ" (sans objet) gives an empty bv, with one warning.
//! Populations written with decimals are kept as read, with one warning listing them.
std::vector<model::Commune> readCommuneTable(const Table& table, const CommuneColumns& columns,
                                             Warnings& warnings);
//! The same, from a table read row by row: the same communes, warnings and errors, without the table of
//! strings (an error in a row comes before the format errors of the rows after it).
std::vector<model::Commune> readCommuneTable(TableRows& rows, const CommuneColumns& columns,
                                             Warnings& warnings);

//! The INSEE commune -> bassin de vie table (CODGEO, LIBGEO, DEP, REG, BV2012|BV2022, LIBBV2012|LIBBV2022).
struct BassinMapping {
    struct Row {
        std::string commune, communeName, bv, bvName, dep, reg;
    };
    std::vector<Row> rows;
    std::string vintage; //!< "BV2012" or "BV2022"
};
//! `bvColumn` "" = detect BV2012 or BV2022 from the header (the first of them when both are there).
//! Communes INSEE puts in no bassin de vie (BV "ZZZZZ", sans objet: Mayotte in BV2012) are kept with
//! an empty `bv`, with one warning listing them. A commune twice with two BVs is Error(Duplicate).
BassinMapping readBassinMapping(const Table& table, const std::string& bvColumn, Warnings& warnings);
//! The same, from a table read row by row (the same rows, warnings and errors, without the table of strings).
BassinMapping readBassinMapping(TableRows& rows, const std::string& bvColumn, Warnings& warnings);

//! codgeo -> population. Arrondissements are folded (summed) into their commune, unless the commune has
//! its own row (then they are ignored with a warning). Duplicate codes are summed with a warning.
//! Populations written with decimals are kept as read, with one warning listing them (as counts).
std::map<std::string, double> readPopulation(const Table& table, const std::string& codeColumn,
                                             const std::string& populationColumn, Warnings& warnings);
//! The same, from a table read row by row (the same population, warnings and errors, without the table of
//! strings: 8.7 MB for France's).
std::map<std::string, double> readPopulation(TableRows& rows, const std::string& codeColumn,
                                             const std::string& populationColumn, Warnings& warnings);

enum class CountsLayout { Auto, Long, Wide };

struct ProfessionalsColumns {
    CountsLayout layout = CountsLayout::Auto; //!< Auto: Long when profession and count columns exist
    std::string commune = "commune";          //!< also tried: codgeo, depcom, code
    std::string profession = "profession";    //!< long layout; also tried: typequ
    std::string count = "count";              //!< long layout; also tried: nb_equip, nombre, effectif
    std::string vintage;                      //!< optional column holding the year
};

//! The mass scale (poles.mass_scale) that counts read from a table call for, and why.
struct SourceMassScale {
    double scale = 1;   //!< 1 = counts comparable with RPPS + ADELI, as the typology's thresholds expect
    std::string reason; //!< "" for 1; else the sentence saying so, in English (legacy: use `message`)
    Message message;    //!< empty for 1; else io.import.bpe_mass_scale, for a warning in the user's language
};

//! Reads professional counts, long (commune, profession, count) or wide (one column per BPE code or
//! profession; columns that resolve to no profession of the catalogue are ignored with one warning
//! listing them, e.g. D1xx establishments, D301 pharmacies). Profession labels/aliases are resolved
//! through the catalogue; an unknown profession in a long table is an error naming line and value
//! (or a warning when `allowUnknownProfessions`). Negative or non-numeric counts are errors with the
//! line; secret markers are warnings; counts written with decimals ("2,5", or "1.234" which may be a
//! thousands group) are kept as read, with one warning listing them. Arrondissements are folded into
//! Paris/Lyon/Marseille, unless the commune has rows of its own for that vintage: then the
//! arrondissements' rows are ignored, with one warning per commune (as readPopulation). Rows with the
//! same (commune, resolved profession, vintage) are summed; they are reported as duplicates (one warning
//! naming them and, when they differ, how each row wrote the profession) when they name the same thing:
//! the same value twice, the profession's own code or label ("Médecin généraliste" and "D201"), or a BPE
//! code and a label. Distinct aliases of one vocabulary (D202 and D203, both medecin_specialiste) are
//! distinct source categories: summed without a warning.
//! In a long table, BPE facility codes that are no profession (D101, D243, D302...: a capital letter and
//! three digits) are ignored with one warning, like wide columns, rather than being an error.
//! Empty cells are 0 in a wide table and an error in a long one. Zero counts give no record (absent = 0).
//! Output is sorted by place, then catalogue order, then vintage. `vintage` may be 0 (unknown year)
//! when the caller has none; a vintage column, when named, gives each row its year.
std::vector<model::CountRecord> readProfessionals(const Table& table,
                                                  const model::ProfessionCatalogue& catalogue, int vintage,
                                                  const ProfessionalsColumns& columns, Warnings& warnings,
                                                  bool allowUnknownProfessions = false);
//! A row of a table as it is read: its cells and its 1-based line.
using RowVisitor = std::function<void(const std::vector<std::string>& cells, long line)>;
//! The same, from a table read row by row (the same records, warnings and errors, without the table of
//! strings), and the mass scale massScaleForSource gives for that table in `scale` (not 1: INSEE's BPE).
//! `eachRow`, when set, is given every row before the row is read (another reader of the same pass).
std::vector<model::CountRecord> readProfessionals(TableRows& rows,
                                                  const model::ProfessionCatalogue& catalogue, int vintage,
                                                  const ProfessionalsColumns& columns, SourceMassScale& scale,
                                                  Warnings& warnings, bool allowUnknownProfessions = false,
                                                  const RowVisitor& eachRow = {});

//! Professionals per infra-communal zone (IRIS, quartier): a long table with a zone column, the parent
//! commune, the profession and the count (INSEE's BPE by IRIS: DCIRIS, DEPCOM, TYPEQU, NB_EQUIP).
struct ZoneCounts {
    std::vector<model::Zone> zones;         //!< one per zone code, named after its code, population 0
    std::vector<model::CountRecord> counts; //!< place = zone code; summed per (zone, profession, vintage)
};
//! Zones equal to their commune (communes not split into IRIS: DCIRIS = DEPCOM) are left out: they add
//! nothing below the commune. Errors and warnings as readProfessionals (line and column named).
//! `zoneColumn` "" = "dciris", "iris", "code_iris", "zone".
ZoneCounts readZoneProfessionals(const Table& table, const model::ProfessionCatalogue& catalogue, int vintage,
                                 const ProfessionalsColumns& columns, const std::string& zoneColumn,
                                 Warnings& warnings);

//! True for a table of INSEE's BPE: a TYPEQU column, count columns named after BPE codes (D201...,
//! wide), or a profession column holding only BPE codes (long). A table mixing BPE codes with other
//! profession names is not one.
bool isBpeTable(const Table& table, const ProfessionalsColumns& columns = {});

//! The one place deciding the mass scale from the source (import and classify): INSEE's BPE counts
//! practice sites of private practitioners only, about a quarter of the RPPS + ADELI totals the
//! thresholds were set on (DOMAIN.md §3): 0.25. Any other table: 1.
SourceMassScale massScaleForSource(const Table& table, const ProfessionalsColumns& columns = {});

//! Checks counts against communes: codes absent from `communes` are listed with their share.
JoinReport checkCountsJoin(const std::vector<model::CountRecord>& counts,
                           const std::vector<model::Commune>& communes, const std::string& countsName,
                           const std::string& communesName);

} // namespace maillage::io
