#include "core/model/catalogue.h"

#include "core/model/error.h"
#include "core/model/text.h"

#include <cctype>

namespace maillage::model {

namespace {

// Splits one catalogue line on ';', honouring double quotes.
std::vector<std::string> splitFields(const std::string& line) {
    std::vector<std::string> out(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (c == '"') {
            if (quoted && i + 1 < line.size() && line[i + 1] == '"') {
                out.back() += '"';
                ++i;
            } else {
                quoted = !quoted;
            }
        } else if (c == ';' && !quoted) {
            out.emplace_back();
        } else {
            out.back() += c;
        }
    }
    return out;
}

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
        body = text::latin1ToUtf8(body);
    const auto lines = text::split(body, '\n');
    bool headerSeen = false;
    long lineNo = 0;
    for (const auto& rawLine : lines) {
        ++lineNo;
        std::string line = rawLine;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (text::trim(line).empty() || line[0] == '#')
            continue;
        auto f = splitFields(line);
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
        if (f.size() > 5)
            for (const auto& a : text::split(f[5], '|'))
                if (!text::trim(a).empty())
                    p.aliases.push_back(text::trim(a));
        if (cat.find(p.code))
            throw Error(ErrorKind::Duplicate, {sourceName, lineNo, "code", -1},
                        "profession '" + p.code + "' is defined twice");
        cat.m_professions.push_back(std::move(p));
    }
    if (cat.m_professions.empty())
        throw Error(ErrorKind::Format, {sourceName, 0, "", -1}, "the profession catalogue is empty");
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
