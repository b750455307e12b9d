#pragma once
// Readers of registers of individual professionals (issue 12): the RPPS open extraction of the Annuaire
// santé ("PS_LibreAcces_Personne_activite": '|' separated, a trailing '|', one row per activity, UTF-8
// or Latin-1) and a generic CSV layout (id, profession, specialty, commune, birth year or age, sex,
// secteur, mode d'exercice, FTE, start year). Rows of one professional become one record with several
// practice sites. Profession and savoir-faire codes map to the catalogue through an aliases table
// shipped as data (resources/registers/rpps_professions.csv). Every problem is a warning naming the
// file, the lines and what was expected; only a file that cannot be read at all is an Error.
#include "core/model/catalogue.h"
#include "core/model/dataset.h"
#include "core/model/error.h"
#include "core/model/register.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace maillage::io {

//! The layout of a register file.
enum class RegisterLayout {
    Auto,   //!< RPPS when the header holds "Identifiant PP" and "Code profession", else generic
    Rpps,   //!< the Annuaire santé extraction
    Generic //!< a CSV of the generic layout
};

//! A register to read (`--register FILE[:YEAR]`).
struct RegisterSource {
    std::string path;
    int vintage = 0; //!< year of the extraction; 0 = not given (then the year of the file name, else error)
    RegisterLayout layout = RegisterLayout::Auto;
    model::SiteRule rule = model::SiteRule::MainSite;
    //! Replace the counts of the same vintage (BPE) by the counts derived from the register.
    bool replaceCounts = false;
};

//! "rpps.txt:2025" -> path "rpps.txt", vintage 2025; without a year after the last ':' the whole text is
//! the path (vintage 0).
RegisterSource parseRegisterArgument(const std::string& text);

//! RPPS profession code and savoir-faire code -> catalogue profession code. A row without savoir-faire
//! ("" in the file) gives the profession's default; "" as target means known but left out (not a
//! health profession of the catalogue: psychologue, ostéopathe...).
struct RegisterAliases {
    std::map<std::pair<std::string, std::string>, std::string> byCodes; //!< (profession, savoir-faire)
    //! The catalogue code of (profession, savoirFaire), the profession's default when the savoir-faire
    //! has no row of its own; nullptr when the profession code is unknown.
    const std::string* find(const std::string& profession, const std::string& savoirFaire) const;
};

//! Parses an aliases table (';' separated, header rpps_profession;savoir_faire;profession, '#'
//! comments). Throws Error(Format/Value) naming `sourceName` and the line.
RegisterAliases parseRegisterAliases(const std::string& csvText, const std::string& sourceName);
//! The table shipped in resources/registers/rpps_professions.csv (compiled in).
const RegisterAliases& standardRegisterAliases();

//! A register as read, with what was odd about the file.
struct RegisterRead {
    model::ProfessionalRegister reg;
    Warnings warnings;
    long rows = 0;                //!< data rows read
    long mergedRows = 0;          //!< duplicated activity rows merged into the site they repeat
    long sitesWithoutCommune = 0; //!< sites kept without a commune (not counted)
};

//! Reads an RPPS extraction from `path`. Throws Error (FileNotFound, CannotOpen, Format: no header, a
//! required column missing) naming the file.
RegisterRead readRppsRegister(const std::string& path, const RegisterSource& source,
                              const model::ProfessionCatalogue& catalogue,
                              const RegisterAliases& aliases = standardRegisterAliases());
//! The same from bytes in memory (tests); `sourceName` is used in messages.
RegisterRead parseRppsRegister(const std::string& bytes, const std::string& sourceName,
                               const RegisterSource& source, const model::ProfessionCatalogue& catalogue,
                               const RegisterAliases& aliases = standardRegisterAliases());

//! Reads a register of the generic layout (CSV, ';' or ',', decimal commas; header names matched
//! without case or accents, with French synonyms: identifiant, code_profession, specialite, code_commune,
//! annee_naissance, age, sexe, secteur, mode_exercice, etp, annee_installation).
RegisterRead readGenericRegister(const std::string& path, const RegisterSource& source,
                                 const model::ProfessionCatalogue& catalogue,
                                 const RegisterAliases& aliases = standardRegisterAliases());

//! Reads `source` in its layout (Auto: detected from the header). The vintage must be known.
RegisterRead readRegister(const RegisterSource& source, const model::ProfessionCatalogue& catalogue,
                          const RegisterAliases& aliases = standardRegisterAliases());

//! Counts per commune and profession derived from a register (analysis::countsFromRegister: core/io does
//! not link core/analysis, so the caller passes it).
using RegisterCounter = std::vector<model::CountRecord> (*)(const model::ProfessionalRegister&);

//! Throws Error(Parameter) naming `file` when `ds` has counts of `vintage` and they may not be replaced.
void checkRegisterVintage(const model::Dataset& ds, int vintage, bool replaceCounts, const std::string& file);

//! What adding a register to a dataset did.
struct RegisterAdded {
    std::size_t professionals = 0;
    double counted = 0;          //!< professionals counted in the dataset's communes
    bool replacedCounts = false; //!< counts of the same vintage were there and were replaced
    std::string sourceLine;      //!< the line added to the metadata sources (states the site rule)
    std::string source;          //!< the register's source ("RPPS 2025")
    model::SiteRule rule = model::SiteRule::MainSite;
};

//! The source line of a register in the dataset's sources: its source and its site rule, in French as
//! the captions are ("RPPS 2025 : un professionnel compté une fois, à son site principal").
std::string registerSourceLine(const model::ProfessionalRegister& reg);

//! The site rule as a message of the catalogue ("one count per professional, at the main site").
Message siteRuleMessage(model::SiteRule rule);

//! Adds `reg` to `ds` (replacing a register of the same vintage) with the counts `count` derives from it,
//! arrondissements folded into their commune; counts in the buffer communes (Dataset::bufferCommunes)
//! replace the buffer's counts of the vintage; counts in other communes absent from `ds` are left out with
//! a warning. Counts of the same vintage already in `ds` are replaced when `replaceCounts`, else
//! Error(Parameter) and `ds` is unchanged. The vintages and sources of the metadata are updated.
//! `file` is the register's path, for messages.
RegisterAdded addRegister(model::Dataset& ds, model::ProfessionalRegister reg, const std::string& file,
                          RegisterCounter count, bool replaceCounts, Warnings& warnings);

} // namespace maillage::io
