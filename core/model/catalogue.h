#pragma once
// The profession catalogue: data, not code. Shipped as resources/professions.csv (compiled in as the
// default), editable by users, stored in every dataset.
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
    //! The catalogue compiled in from resources/professions.csv.
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
    std::vector<Profession> m_professions;
    std::unordered_map<std::string, int> m_byKey; // folded code/alias -> index
};

//! The raw text of resources/professions.csv (generated source).
const char* builtinCatalogueCsv();

} // namespace maillage::model
