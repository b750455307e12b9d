#pragma once
// The profession catalogue: data, not code. Shipped as resources/professions.csv (installed in
// <prefix>/share/maillage and compiled in), editable by users (~/.config/maillage/professions.csv),
// stored in every dataset. standardCatalogue() below says which one the application uses.
#include "core/model/message.h"

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace maillage::model {

enum class ProfessionGroup { Proximite, Pole };

struct Profession {
    std::string code;    //!< canonical code, stable on the command line: "medecin_generaliste"
    std::string labelFr; //!< "Médecin généraliste"
    std::string labelEn; //!< "General practitioner"
    ProfessionGroup group = ProfessionGroup::Pole;
    bool psychiatric = false; //!< infirmier_psychiatrique: pôle group, also counted as N_psy
    std::vector<std::string>
        aliases; //!< source vocabularies: "D201", "Médecin omnipraticien", RPPS labels...
};

//! The catalogue file format (CSV, ';' separated, UTF-8, one header line):
//! code;label_fr;label_en;group;psychiatric;aliases
//! group is "proximite" or "pole"; psychiatric is 0/1; aliases are separated by '|'. Fields may be quoted
//! (RFC 4180, as text::tokenizeCsv reads them); lines starting with '#' are comments.
class ProfessionCatalogue {
public:
    //! The catalogue compiled in from resources/professions.csv (tests, and the last resort of
    //! standardCatalogue(), which the application uses).
    static ProfessionCatalogue builtin();
    //! Parses catalogue CSV text. Throws maillage::Error naming `sourceName`, the line and the problem:
    //! Format (header, too few fields, open quote), Value (bad code, group or psychiatric flag; a
    //! psychiatric profession outside the pôle group, since DOMAIN.md §3 counts psychiatric nurses in
    //! N_pole), Duplicate (a code defined twice; a code, label or alias that would name two professions,
    //! compared as resolve() compares them: both professions and their lines are named).
    static ProfessionCatalogue fromCsv(const std::string& csvText, const std::string& sourceName);
    //! Serialises back to the same CSV format (round-trips).
    std::string toCsv() const;

    void add(Profession p); //!< replaces a profession of the same code
    const std::vector<Profession>& professions() const { return m_professions; }
    const Profession* find(const std::string& code) const;
    //! Resolves a canonical code or an alias, ignoring case, accents, spaces, '-' and '_'.
    //! "D201", "d201_medecin_omnipraticien" (BPE wide column names: the code before the first '_'
    //! is tried too), "Médecin généraliste", "medecin_generaliste" all give medecin_generaliste.
    const Profession* resolve(const std::string& codeOrAlias) const;
    //! Index of a profession in professions(), or -1.
    int indexOf(const std::string& code) const;
    bool empty() const { return m_professions.empty(); }

private:
    void reindex();
    //! Throws Error(Duplicate) when a code, label or alias names two professions (`lineOf`: their lines).
    void checkNamesAreUnique(const std::vector<long>& lineOf, const std::string& sourceName) const;
    std::vector<Profession> m_professions;
    std::unordered_map<std::string, int> m_byKey; // folded code/alias -> index
};

//! The raw text of resources/professions.csv (generated source).
const char* builtinCatalogueCsv();

// ---- Which catalogue the application uses ----
// Lookup order, first found wins:
//  1. the user's catalogue: $XDG_CONFIG_HOME/maillage/professions.csv ($XDG_CONFIG_HOME unset, empty or
//     relative: ~/.config/maillage/professions.csv, as the XDG base directory specification says);
//  2. the installed catalogue: <prefix>/share/maillage/professions.csv, <prefix> being the folder above
//     the one of the running executable (/proc/self/exe: <prefix>/bin/maillage);
//  3. the copy compiled in (ProfessionCatalogue::builtin()).
// A file that is there but cannot be read or is invalid is an error naming it, never a silent fallback:
// the user would otherwise work with professions they did not define.

enum class CatalogueOrigin { User, Installed, Builtin };

//! The catalogue in use and where it comes from (what the CLI and the GUI show).
struct CatalogueChoice {
    ProfessionCatalogue catalogue;
    CatalogueOrigin origin = CatalogueOrigin::Builtin;
    std::string path; //!< the file read; "" for the built-in copy
    //! "/home/ana/.config/maillage/professions.csv (user catalogue)", "/usr/share/maillage/professions.csv
    //! (installed catalogue)" or "built-in catalogue", as a message of the catalogue.
    Message message() const;
    //! message() in English.
    std::string describe() const;
};

//! The candidate files of the lookup; "" when unknown.
struct CatalogueLookup {
    std::string userPath;
    std::string installedPath;
};

//! $XDG_CONFIG_HOME/maillage/professions.csv, else $HOME/.config/maillage/professions.csv (arguments may be
//! null: unset); "" when neither gives an absolute folder.
std::string userCataloguePath(const char* xdgConfigHome, const char* home);
//! <prefix>/share/maillage/professions.csv for an executable <prefix>/bin/name; "" for an empty path.
std::string installedCataloguePath(const std::string& executablePath);
//! The lookup of this process: XDG_CONFIG_HOME and HOME from the environment, /proc/self/exe.
CatalogueLookup processCatalogueLookup();
//! Reads a catalogue file. Throws Error: FileNotFound, CannotOpen (a folder, unreadable), or what
//! fromCsv throws, all naming `path`.
ProfessionCatalogue readCatalogueFile(const std::string& path);
//! The first catalogue of `lookup` that exists, else the built-in one (see the lookup order above).
CatalogueChoice findCatalogue(const CatalogueLookup& lookup);
//! findCatalogue(processCatalogueLookup()): the catalogue the application uses by default.
CatalogueChoice standardCatalogue();

} // namespace maillage::model
