#include "core/model/catalogue.h"

#include "core/model/csv.h"
#include "core/model/error.h"
#include "core/model/text.h"

#include <algorithm>
#include <cctype>

namespace maillage::model {

namespace {

std::string quoteIfNeeded(const std::string& s) {
    if (s.find_first_of(";\"\n") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char c : s)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// "D201" style BPE code at the start of a wide column name ("D201_medecin_omnipraticien").
bool isBpeCode(const std::string& s) {
    return s.size() == 4 && std::isalpha(static_cast<unsigned char>(s[0])) &&
           std::isdigit(static_cast<unsigned char>(s[1])) && std::isdigit(static_cast<unsigned char>(s[2])) &&
           std::isdigit(static_cast<unsigned char>(s[3]));
}

} // namespace

ProfessionCatalogue ProfessionCatalogue::builtin() {
    static const ProfessionCatalogue catalogue = fromCsv(builtinCatalogueCsv(), "resources/professions.csv");
    return catalogue;
}

ProfessionCatalogue ProfessionCatalogue::fromCsv(const std::string& csvText, const std::string& sourceName) {
    ProfessionCatalogue cat;
    std::string body(text::stripBom(csvText));
    if (!text::isValidUtf8(body))
        body = text::windows1252ToUtf8(body);
    // Comment lines ('#' first) are blanked, not removed, so that line numbers stay those of the file.
    for (std::size_t start = 0; start < body.size();) {
        std::size_t end = body.find('\n', start);
        if (end == std::string::npos)
            end = body.size();
        if (body[start] == '#')
            for (std::size_t i = start; i < end; ++i)
                if (body[i] != '\r')
                    body[i] = ' ';
        start = end + 1;
    }
    std::vector<text::CsvRecord> records;
    if (const auto open = text::tokenizeCsv(body, ';', records))
        throw Error(ErrorKind::Format, {sourceName, open->line, "", -1},
                    "unterminated quoted field: the quote opened on line " + std::to_string(open->line) +
                        " is never closed");
    std::vector<long> lineOf; // line of each profession, for messages
    bool headerSeen = false;
    for (auto& record : records) {
        const long lineNo = record.line;
        auto& f = record.fields;
        if (std::all_of(f.begin(), f.end(), [](const std::string& x) { return text::trim(x).empty(); }))
            continue;
        if (!headerSeen) {
            headerSeen = true;
            if (f.size() < 5 || text::matchKey(f[0]) != "code")
                throw Error(ErrorKind::Format, {sourceName, lineNo, "", -1},
                            "expected the header code;label_fr;label_en;group;psychiatric;aliases");
            continue;
        }
        if (f.size() < 5)
            throw Error(ErrorKind::Format, {sourceName, lineNo, "", -1},
                        "expected at least 5 fields (code;label_fr;label_en;group;psychiatric), found " +
                            std::to_string(f.size()));
        Profession p;
        p.code = text::trim(f[0]);
        p.labelFr = text::trim(f[1]);
        p.labelEn = text::trim(f[2]);
        if (p.code.empty())
            throw Error(ErrorKind::Value, {sourceName, lineNo, "code", -1}, "empty profession code");
        for (char c : p.code)
            if (!(std::islower(static_cast<unsigned char>(c)) ||
                  std::isdigit(static_cast<unsigned char>(c)) || c == '_'))
                throw Error(ErrorKind::Value, {sourceName, lineNo, "code", -1},
                            "a profession code uses lower-case letters, digits and '_' only, found '" +
                                p.code + "'");
        const std::string group = text::matchKey(f[3]);
        if (group == "proximite")
            p.group = ProfessionGroup::Proximite;
        else if (group == "pole")
            p.group = ProfessionGroup::Pole;
        else
            throw Error(ErrorKind::Value, {sourceName, lineNo, "group", -1},
                        "expected 'proximite' or 'pole', found '" + f[3] + "'");
        const std::string psy = text::trim(f[4]);
        if (psy == "1" || text::matchKey(psy) == "true" || text::matchKey(psy) == "oui")
            p.psychiatric = true;
        else if (psy == "0" || psy.empty() || text::matchKey(psy) == "false" || text::matchKey(psy) == "non")
            p.psychiatric = false;
        else
            throw Error(ErrorKind::Value, {sourceName, lineNo, "psychiatric", -1},
                        "expected 0 or 1, found '" + psy + "'");
        if (p.psychiatric && p.group != ProfessionGroup::Pole)
            throw Error(ErrorKind::Value, {sourceName, lineNo, "group", -1},
                        "expected 'pole' for a psychiatric profession (psychiatric = 1): psychiatric nurses "
                        "count among the pôle professions (N_pole, DOMAIN.md §3), found '" +
                            text::trim(f[3]) + "'");
        if (f.size() > 5)
            for (const auto& a : text::split(f[5], '|'))
                if (!text::trim(a).empty())
                    p.aliases.push_back(text::trim(a));
        if (const int first = cat.indexOf(p.code); first >= 0)
            throw Error(ErrorKind::Duplicate, {sourceName, lineNo, "code", -1},
                        "profession '" + p.code + "' is defined twice (first on line " +
                            std::to_string(lineOf[static_cast<std::size_t>(first)]) + ")");
        cat.m_professions.push_back(std::move(p));
        lineOf.push_back(lineNo);
    }
    if (cat.m_professions.empty())
        throw Error(ErrorKind::Format, {sourceName, 0, "", -1}, "the profession catalogue is empty");

    // Every code, label and alias must name one profession: resolve() would otherwise pick one silently.
    struct Owner {
        int profession;
        std::string written;
    };
    std::unordered_map<std::string, Owner> owners;
    for (std::size_t i = 0; i < cat.m_professions.size(); ++i) {
        const Profession& p = cat.m_professions[i];
        std::vector<std::pair<std::string, const char*>> names = {
            {p.code, "code"}, {p.labelFr, "label_fr"}, {p.labelEn, "label_en"}};
        for (const auto& a : p.aliases)
            names.emplace_back(a, "aliases");
        for (const auto& [name, column] : names) {
            const std::string key = text::matchKey(name);
            if (key.empty())
                continue;
            const auto [it, inserted] = owners.try_emplace(key, Owner{static_cast<int>(i), name});
            if (inserted || it->second.profession == static_cast<int>(i))
                continue;
            const Profession& other = cat.m_professions[static_cast<std::size_t>(it->second.profession)];
            throw Error(ErrorKind::Duplicate, {sourceName, lineOf[i], column, -1},
                        "'" + name + "' would name two professions: '" + p.code + "' (this line) and '" +
                            other.code + "' (line " +
                            std::to_string(lineOf[static_cast<std::size_t>(it->second.profession)]) +
                            ", as '" + it->second.written +
                            "'); expected each code, label and alias to name one profession");
        }
    }
    cat.reindex();
    return cat;
}

std::string ProfessionCatalogue::toCsv() const {
    std::string out = "code;label_fr;label_en;group;psychiatric;aliases\n";
    for (const auto& p : m_professions) {
        out += quoteIfNeeded(p.code) + ";" + quoteIfNeeded(p.labelFr) + ";" + quoteIfNeeded(p.labelEn) + ";" +
               (p.group == ProfessionGroup::Pole ? "pole" : "proximite") + ";" + (p.psychiatric ? "1" : "0") +
               ";" + quoteIfNeeded(text::join(p.aliases, "|")) + "\n";
    }
    return out;
}

void ProfessionCatalogue::add(Profession p) {
    const int existing = indexOf(p.code);
    if (existing >= 0)
        m_professions[existing] = std::move(p);
    else
        m_professions.push_back(std::move(p));
    reindex();
}

const Profession* ProfessionCatalogue::find(const std::string& code) const {
    for (const auto& p : m_professions)
        if (p.code == code)
            return &p;
    return nullptr;
}

int ProfessionCatalogue::indexOf(const std::string& code) const {
    for (std::size_t i = 0; i < m_professions.size(); ++i)
        if (m_professions[i].code == code)
            return static_cast<int>(i);
    return -1;
}

void ProfessionCatalogue::reindex() {
    m_byKey.clear();
    // Codes first, then labels, then aliases: a code always wins over an alias of another profession.
    for (std::size_t i = 0; i < m_professions.size(); ++i)
        m_byKey.emplace(text::matchKey(m_professions[i].code), static_cast<int>(i));
    for (std::size_t i = 0; i < m_professions.size(); ++i) {
        m_byKey.emplace(text::matchKey(m_professions[i].labelFr), static_cast<int>(i));
        m_byKey.emplace(text::matchKey(m_professions[i].labelEn), static_cast<int>(i));
    }
    for (std::size_t i = 0; i < m_professions.size(); ++i)
        for (const auto& a : m_professions[i].aliases)
            m_byKey.emplace(text::matchKey(a), static_cast<int>(i));
}

const Profession* ProfessionCatalogue::resolve(const std::string& codeOrAlias) const {
    const std::string key = text::matchKey(codeOrAlias);
    if (key.empty())
        return nullptr;
    auto it = m_byKey.find(key);
    if (it != m_byKey.end())
        return &m_professions[it->second];
    // BPE wide column names: "D201_medecin_omnipraticien" -> "D201".
    const std::string trimmed = text::trim(codeOrAlias);
    const auto underscore = trimmed.find('_');
    if (underscore != std::string::npos && isBpeCode(trimmed.substr(0, underscore))) {
        it = m_byKey.find(text::matchKey(trimmed.substr(0, underscore)));
        if (it != m_byKey.end())
            return &m_professions[it->second];
    }
    return nullptr;
}

} // namespace maillage::model
